"""The review rules, as pure functions.

Decision on edits of a published opening in a review unit: the fields that only keep an
opening current (deadline, dates, positions, contact address) go live at once, since a
supervisor extending a deadline must not wait for HR; every other change waits in the
opening's pending changes, the live version unchanged, until a reviewer approves it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from opportunity_bank.models.enums import ReviewDecision, Role, Status

MINOR_FIELDS = frozenset({"application_deadline", "start_date", "end_date", "positions", "contact_email"})
REVIEWER_ROLES = frozenset({Role.HR, Role.ADMIN})
MAX_REASON_CHARS = 2_000
REMIND_AFTER_WORKING_DAYS = 2


class ReviewRefused(ValueError):
    """A review decision that may not be made (403 for who, 409 for what)."""

    def __init__(self, code: str, message: str, *, forbidden: bool = False,
                 allowed: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code  # pages word it in the reader's language
        self.forbidden = forbidden
        self.allowed = allowed


def status_on_publish(review_required: bool) -> Status:
    return Status.IN_REVIEW if review_required else Status.PUBLISHED


def split_edit(values: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(live now, waiting for review) parts of a change to a published opening."""
    live = {k: v for k, v in values.items() if k in MINOR_FIELDS}
    waiting = {k: v for k, v in values.items() if k not in MINOR_FIELDS}
    return live, waiting


def awaits_review(status: str, pending_changes: Mapping[str, Any] | None) -> bool:
    return status == Status.IN_REVIEW or (status == Status.PUBLISHED and bool(pending_changes))


def check_decision(*, reviewer_role: str, reviewer_id: int, owner_id: int | None, status: str,
                   pending_changes: Mapping[str, Any] | None) -> None:
    """Raise ReviewRefused unless this reviewer may decide on this opening now."""
    if reviewer_role not in REVIEWER_ROLES:
        raise ReviewRefused("not_reviewer", "only HR and admins review openings", forbidden=True)
    if owner_id is not None and owner_id == reviewer_id:
        raise ReviewRefused("own_opening", "nobody reviews their own opening", forbidden=True)
    if not awaits_review(status, pending_changes):
        raise ReviewRefused("nothing_to_review", f"the opening is {status} and waits for no review; "
                            "a decision is possible only for an opening in review or with changes waiting")


def reason_problem(decision: str, reason: str | None) -> str | None:
    """Why the reason cannot be used (a message for the field `reason`), or None."""
    text = (reason or "").strip()
    if decision == ReviewDecision.CHANGES and not text:
        return "is required when asking for changes"
    if len(text) > MAX_REASON_CHARS:
        return f"may have at most {MAX_REASON_CHARS} characters"
    return None


def working_days_between(start: date, end: date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (0 when end <= start)."""
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days += 1
    return days
