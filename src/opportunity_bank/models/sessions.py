"""Signed-in browser sessions and failed sign-ins, kept in the database.

Both live in the database rather than in process memory because the app processes are
stateless: any of them may answer the next request.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class WebSession(SQLModel, table=True):
    """A browser session; only the SHA-256 of its id is stored, so a database leak signs no one in."""

    __tablename__ = "web_sessions"

    id: int | None = Field(default=None, primary_key=True)
    session_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)


class LoginFailure(SQLModel, table=True):
    """One failed sign-in; counted per e-mail and per client address for the rate limit."""

    __tablename__ = "login_failures"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, index=True)
    client_ip: str = Field(max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
