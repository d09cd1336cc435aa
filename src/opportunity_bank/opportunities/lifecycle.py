"""Lifecycle rules of an opening, as pure functions."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from opportunity_bank.models.enums import Kind, Status

CITY_TZ = ZoneInfo("Europe/Helsinki")

# A thesis "filled" means reserved by a student; the moves are the same for every kind.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.PUBLISHED, Status.IN_REVIEW, Status.WITHDRAWN}),
    # Out of review only by a reviewer's decision (review.service) or the editor taking it back.
    Status.IN_REVIEW: frozenset({Status.DRAFT, Status.WITHDRAWN}),
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


def status_change_problems(
    kind: str, target: str, positions: int, filled_positions: int | None, thesis_url: str | None
) -> list[tuple[str, str]]:
    """What a lifecycle change still needs, as (field, message); empty when it may go ahead.

    A job is filled with a count of the positions taken; a thesis is reserved by one student
    and completed with a link to the published thesis (e.g. a Theseus URN).
    """
    problems: list[tuple[str, str]] = []
    if target == Status.FILLED:
        if filled_positions is None and kind != Kind.THESIS:
            problems.append(("filled_positions", "is required when marking filled"))
        elif filled_positions is not None and not 1 <= filled_positions <= positions:
            problems.append(("filled_positions", f"must be between 1 and {positions}"))
    if target == Status.COMPLETED and kind == Kind.THESIS and not thesis_url:
        problems.append(("thesis_url", "is required when completing a thesis"))
    return problems


def next_year(day: date | None) -> date | None:
    """The same day a year later; 29 February becomes 28 February."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
