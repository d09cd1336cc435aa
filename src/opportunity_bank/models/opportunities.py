from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Column, Index, Numeric, Text
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import json_list_column, utcnow


class Opportunity(SQLModel, table=True):
    """A thesis topic, internship or summer job; `year` is the year it counts toward in reports."""

    __tablename__ = "opportunities"
    # The yearly report reads report_totals, which triggers keep (migration 0002), so no
    # index here serves it.
    __table_args__ = (Index("ix_opportunities_unit_status", "unit_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    external_id: str = Field(max_length=200, unique=True, index=True)
    kind: str = Field(max_length=20)
    title: str = Field(max_length=300)
    description: str = Field(default="", sa_column=Column(Text, nullable=False))
    unit_id: int = Field(foreign_key="units.id")
    languages: list[str] = Field(default_factory=list, sa_column=json_list_column())
    content_language: str = Field(default="fi", max_length=2)
    degree_levels: list[str] = Field(default_factory=list, sa_column=json_list_column())
    positions: int = Field(default=1)
    filled_positions: int | None = None
    year: int
    status: str = Field(default="draft", max_length=20)
    start_date: date | None = None
    end_date: date | None = None
    application_deadline: date | None = None
    tags: list[str] = Field(default_factory=list, sa_column=json_list_column())
    contact_email: str | None = Field(default=None, max_length=254)
    location: str | None = Field(default=None, max_length=200)
    compensation: str | None = Field(default=None, max_length=300)
    # Structured pay beside the free text, for search engines' salary data.
    pay_min: Decimal | None = Field(default=None, sa_column=Column(Numeric(10, 2), nullable=True))
    pay_max: Decimal | None = Field(default=None, sa_column=Column(Numeric(10, 2), nullable=True))
    pay_currency: str | None = Field(default=None, max_length=3)
    pay_period: str | None = Field(default=None, max_length=10)
    how_to_apply: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    apply_url: str | None = Field(default=None, max_length=500)
    # The apply link is the application form itself (schema.org directApply).
    direct_apply: bool = Field(default=False)
    field_of_study: str | None = Field(default=None, max_length=200)
    min_age: int | None = None
    thesis_url: str | None = Field(default=None, max_length=500)
    owner_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    # Set on copies, so a season's roll-over can skip the openings it has already copied.
    copied_from_id: int | None = Field(default=None, foreign_key="opportunities.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    published_at: datetime | None = None
    # Review: when the opening (or a change to it) was sent for review, the reviewer's reason
    # for returning it, and a published opening's changes that wait for approval.
    submitted_at: datetime | None = None
    review_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    pending_changes: dict | None = Field(
        default=None, sa_column=Column(JSON(none_as_null=True), nullable=True))


class Attachment(SQLModel, table=True):
    __tablename__ = "attachments"

    id: int | None = Field(default=None, primary_key=True)
    opportunity_id: int = Field(foreign_key="opportunities.id", index=True)
    filename: str = Field(max_length=255)
    stored_name: str = Field(max_length=100, unique=True)
    size: int
    sha256: str = Field(max_length=64)
    content_type: str = Field(default="application/pdf", max_length=100)
    uploaded_by: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)
