from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class JobRun(SQLModel, table=True):
    """One run of a scheduled job for one period; the primary key lets only one process claim it."""

    __tablename__ = "job_runs"

    job: str = Field(primary_key=True, max_length=50)
    period: str = Field(primary_key=True, max_length=40)
    claimed_by: str = Field(max_length=100)
    claimed_at: datetime = Field(default_factory=utcnow)
    lease_until: datetime
    finished_at: datetime | None = None


class DeadlineReminder(SQLModel, table=True):
    """A reminder mailed to an opening's owner: once per opening, deadline and kind."""

    __tablename__ = "deadline_reminders"

    opportunity_id: int = Field(primary_key=True)
    deadline: date = Field(primary_key=True)
    kind: str = Field(primary_key=True, max_length=10)
    sent_at: datetime = Field(default_factory=utcnow)
