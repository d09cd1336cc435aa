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


class LoginThrottle(SQLModel, table=True):
    """Recent sign-in attempts of one account, address or browser, and until when the next waits.

    `key` is `account:<e-mail>`, `address:<ip>` or `device:<cookie>`; `attempts` counts from
    `window_start`. Rows change only through conditional UPDATEs (accounts/throttle.py), so
    parallel attempts, also from other processes, are counted one by one.
    """

    __tablename__ = "login_throttles"

    key: str = Field(primary_key=True, max_length=300)
    attempts: int = Field(default=0)
    window_start: datetime = Field(default_factory=utcnow)
    blocked_until: datetime | None = None
