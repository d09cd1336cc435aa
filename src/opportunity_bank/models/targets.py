from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class Target(SQLModel, table=True):
    """Staff target in positions for a year and kind; without a unit it is centre-wide."""

    __tablename__ = "targets"
    __table_args__ = (
        # One target per year, kind and unit, so two HR people saving at once cannot leave
        # two rows for the report to choose between. NULLs are distinct in a unique index,
        # hence a separate partial index for the centre-wide targets.
        Index("ux_targets_centre", "year", "kind", unique=True,
              sqlite_where=text("unit_id IS NULL"), postgresql_where=text("unit_id IS NULL")),
        Index("ux_targets_unit", "year", "kind", "unit_id", unique=True,
              sqlite_where=text("unit_id IS NOT NULL"),
              postgresql_where=text("unit_id IS NOT NULL")),
    )

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    kind: str = Field(max_length=20)
    unit_id: int | None = Field(default=None, foreign_key="units.id")
    positions: int
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: int | None = Field(default=None, foreign_key="users.id")
