from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class Target(SQLModel, table=True):
    """Staff target in positions for a year and kind; without a unit it is centre-wide."""

    __tablename__ = "targets"

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    kind: str = Field(max_length=20)
    unit_id: int | None = Field(default=None, foreign_key="units.id")
    positions: int
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: int | None = Field(default=None, foreign_key="users.id")
