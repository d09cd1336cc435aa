"""Column helpers shared by the table modules."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Column


def utcnow() -> datetime:
    """Aware UTC; SQLModel's UTCDateTime stores it the same way on SQLite and PostgreSQL."""
    return datetime.now(UTC)


def json_list_column() -> Column:
    return Column(JSON, nullable=False, default=list)
