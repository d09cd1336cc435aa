from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class OutboxEntry(SQLModel, table=True):
    """An opening whose search document must be refreshed.

    Written in the same transaction as the change, so a crash or a search outage loses nothing;
    no foreign key, because the entry must outlive anything that happens to the row.
    """

    __tablename__ = "search_outbox"

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)
    available_at: datetime = Field(default_factory=utcnow, index=True)
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None, max_length=1000)


class SearchState(SQLModel, table=True):
    """Shared across app processes: the index version that keys their answer caches."""

    __tablename__ = "search_state"

    key: str = Field(primary_key=True, max_length=50)
    value: int = Field(default=0)
    updated_at: datetime = Field(default_factory=utcnow)
