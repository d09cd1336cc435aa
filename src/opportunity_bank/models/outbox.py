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


class SearchTerms(SQLModel, table=True):
    """The words a searchable opening is found by while Meilisearch cannot answer: its text
    and the analysed forms its index document carries, lower-case and space-separated.

    Kept by the indexer (and the rebuild) beside the index; a full-text index over it
    (FTS5 on SQLite, GIN on PostgreSQL, migration 0003) serves the database fallback. No
    foreign key, like the outbox: derived data, rewritten or dropped with the document.
    """

    __tablename__ = "search_terms"

    opportunity_id: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    terms: str = Field(default="")
    # The opening's updated_at when these terms were made: older than the opening means stale.
    source_updated_at: datetime
