"""Lifecycle rules of an opening, as pure functions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from opportunity_bank.models.enums import Kind, Status

CITY_TZ = ZoneInfo("Europe/Helsinki")
SOON_DAYS = 7

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


def city_time(moment: datetime) -> datetime:
    """A stored moment as Espoo time, the time every person is shown (naive ones are UTC:
    SQLite gives back what was stored in UTC without its zone)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CITY_TZ)


def allowed_transitions(status: str) -> frozenset[Status]:
    return TRANSITIONS[Status(status)]


def can_transition(current: str, target: str) -> bool:
    return Status(target) in allowed_transitions(current)


def deadline_passed(deadline: date | None, today: date) -> bool:
    return deadline is not None and deadline < today


def publish_problems(deadline: date | None, today: date) -> list[tuple[str, str, str]]:
    """A published opening with a past deadline would be invisible to students from the start."""
    if deadline_passed(deadline, today):
        return [("application_deadline", "deadline_passed",
                 "has passed; choose a later deadline before publishing")]
    return []


def deadline_soon(deadline: date | None, today: date) -> bool:
    """Less than a week to apply: publishing is allowed, but the supervisor is warned."""
    return deadline is not None and 0 <= (deadline - today).days < SOON_DAYS


def status_change_problems(
    kind: str, target: str, positions: int, filled_positions: int | None, thesis_url: str | None
) -> list[tuple[str, str, str]]:
    """What a lifecycle change still needs, as (field, code, message); empty when it may go ahead.

    A job is filled with a count of the positions taken; a thesis is reserved by one student
    and completed with a link to the published thesis (e.g. a Theseus URN).
    """
    problems: list[tuple[str, str, str]] = []
    if target == Status.FILLED:
        if filled_positions is None and kind != Kind.THESIS:
            problems.append(("filled_positions", "filled_required", "is required when marking filled"))
        elif filled_positions is not None and not 1 <= filled_positions <= positions:
            problems.append(("filled_positions", "filled_range", f"must be between 1 and {positions}"))
    if target == Status.COMPLETED and kind == Kind.THESIS and not thesis_url:
        problems.append(("thesis_url", "thesis_url_required", "is required when completing a thesis"))
    return problems


def next_year(day: date | None) -> date | None:
    """The same day a year later; 29 February becomes 28 February."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def thesis_link(thesis_url: str | None) -> str | None:
    """A web address for the finished thesis: a URN (as Theseus gives) resolves at urn.fi."""
    if not thesis_url:
        return None
    if thesis_url.lower().startswith(("https://", "http://")):
        return thesis_url
    if thesis_url.lower().startswith("urn:"):
        return f"https://urn.fi/{thesis_url}"
    return None
