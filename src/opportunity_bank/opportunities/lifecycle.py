"""Lifecycle rules of an opening, as pure functions."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from opportunity_bank.models.enums import Status

CITY_TZ = ZoneInfo("Europe/Helsinki")

# A thesis "filled" means reserved by a student; the moves are the same for every kind.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.PUBLISHED, Status.WITHDRAWN}),
    Status.PUBLISHED: frozenset({Status.FILLED, Status.CLOSED, Status.WITHDRAWN, Status.DRAFT}),
    Status.FILLED: frozenset({Status.COMPLETED, Status.PUBLISHED, Status.CLOSED}),
    Status.COMPLETED: frozenset(),
    Status.CLOSED: frozenset({Status.PUBLISHED, Status.COMPLETED}),
    Status.WITHDRAWN: frozenset({Status.DRAFT}),
}


def city_today(now: datetime | None = None) -> date:
    """Deadlines are Espoo dates: an opening closing 31 May is open all of 31 May in Finland."""
    return (now or datetime.now(CITY_TZ)).astimezone(CITY_TZ).date()


def allowed_transitions(status: str) -> frozenset[Status]:
    return TRANSITIONS[Status(status)]


def can_transition(current: str, target: str) -> bool:
    return Status(target) in allowed_transitions(current)


def deadline_passed(deadline: date | None, today: date) -> bool:
    return deadline is not None and deadline < today


def is_searchable(status: str, deadline: date | None, today: date) -> bool:
    """Students find only published openings whose application deadline has not passed."""
    return status == Status.PUBLISHED and not deadline_passed(deadline, today)
