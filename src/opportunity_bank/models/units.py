from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class Unit(SQLModel, table=True):
    """A unit of the centre. `name` is its key (imports and the command line use it); the
    names in three languages are what people read, each falling back to `name`."""

    __tablename__ = "units"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True, index=True)
    # opportunities.text.name_key(name): one unit however its name is cased, spaced or padded
    # with invisible characters; unique, so parallel creates of one new name make one unit.
    name_key: str = Field(max_length=200, unique=True, index=True)
    name_fi: str | None = Field(default=None, max_length=200)
    name_sv: str | None = Field(default=None, max_length=200)
    name_en: str | None = Field(default=None, max_length=200)
    # A unit may want a second pair of eyes: its openings then wait for HR's review.
    review_required: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow)

    def name_in(self, language: str) -> str:
        return getattr(self, f"name_{language}", None) or self.name
