from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class Unit(SQLModel, table=True):
    __tablename__ = "units"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True, index=True)
    # A unit may want a second pair of eyes: its openings then wait for HR's review.
    review_required: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow)
