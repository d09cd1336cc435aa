from __future__ import annotations

from datetime import datetime

from sqlalchemy import true as sa_true
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=20)
    unit_id: int | None = Field(default=None, foreign_key="units.id", index=True)
    is_active: bool = Field(default=True)
    # Deadline reminders and the filled-positions question; each owner can turn them off.
    deadline_reminders: bool = Field(default=True, sa_column_kwargs={"server_default": sa_true()})
    # The language the owner last used the service in: staff mails are written in it.
    language: str = Field(default="fi", max_length=2, sa_column_kwargs={"server_default": "fi"})
    created_at: datetime = Field(default_factory=utcnow)


class ApiToken(SQLModel, table=True):
    """A personal API token; only its SHA-256 is stored, so a database leak reveals none."""

    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    label: str = Field(default="", max_length=100)
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
