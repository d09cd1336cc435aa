"""The review queue and reviewers' decisions, each with an audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, update
from sqlmodel import Session, select

from opportunity_bank import mail
from opportunity_bank.models import Opportunity, ReviewDecision, Role, Status, Unit, User
from opportunity_bank.opportunities.editing import (
    Editor,
    FieldProblems,
    current_fields,
    record_audit,
    unit_name,
    validate,
)
from opportunity_bank.opportunities.lifecycle import city_time, city_today
from opportunity_bank.opportunities.schemas import FieldError, OpportunityFields
from opportunity_bank.opportunities.service import UnitCache, apply_values, stored_values
from opportunity_bank.review.rules import (
    REMIND_AFTER_WORKING_DAYS,
    ReviewRefused,
    check_decision,
    reason_problem,
    working_days_between,
)


@dataclass(frozen=True, slots=True)
class QueueItem:
    opportunity: Opportunity
    unit: str
    owner_email: str | None
    waiting_since: datetime

    @property
    def changes_only(self) -> bool:
        """A published opening whose edits wait, rather than a new opening."""
        return self.opportunity.status == Status.PUBLISHED


def awaiting_clause():
    return or_(Opportunity.status == Status.IN_REVIEW,
               and_(Opportunity.status == Status.PUBLISHED, Opportunity.pending_changes.is_not(None)))


def review_queue(session: Session) -> list[QueueItem]:
    """Everything waiting for a reviewer, oldest first."""
    rows = session.exec(
        select(Opportunity, Unit.name, User.email)
        .join(Unit, Unit.id == Opportunity.unit_id)
        .join(User, User.id == Opportunity.owner_id, isouter=True)
        .where(awaiting_clause())
        .order_by(Opportunity.submitted_at, Opportunity.id)
    ).all()
    return [QueueItem(o, unit, email, o.submitted_at or o.updated_at) for o, unit, email in rows]


def decide(session: Session, reviewer: Editor, opportunity: Opportunity, decision: str,
           reason: str | None) -> dict[str, tuple[Any, Any]]:
    """Approve (publish, or apply the waiting changes) or send back with a reason.

    Raises ReviewRefused (who may not, or nothing to decide) or FieldProblems (the reason).
    """
    check_decision(reviewer_role=reviewer.role, reviewer_id=reviewer.id, owner_id=opportunity.owner_id,
                   status=opportunity.status, pending_changes=opportunity.pending_changes)
    if decision not in tuple(ReviewDecision):
        raise FieldProblems([FieldError("decision", "must be approve or changes")])
    problem = reason_problem(decision, reason)
    if problem:
        raise FieldProblems([FieldError("reason", problem)])
    reason = (reason or "").strip() or None
    if not claimed(session, opportunity):
        raise ReviewRefused("nothing_to_review", "another decision on this opening came first")
    if decision == ReviewDecision.APPROVE:
        values = approved_values(session, opportunity)
    elif opportunity.status == Status.IN_REVIEW:
        values = {"status": Status.DRAFT.value, "review_reason": reason}
    else:
        values = {"pending_changes": None, "review_reason": reason}
    changes = apply_values(opportunity, values)
    session.add(opportunity)
    record_audit(session, reviewer, opportunity, "review",
                 {**changes, "decision": (None, str(decision)), "reason": (None, reason)})
    if decision == ReviewDecision.CHANGES:
        mail_owner(session, opportunity, reason or "")
    return changes


def claimed(session: Session, opportunity: Opportunity) -> bool:
    """Whether this decision holds the opening as it was read: false when another reviewer's
    decision (or a second click) changed it since. The row stays locked until the commit."""
    held = session.execute(
        update(Opportunity)
        .where(Opportunity.id == opportunity.id, Opportunity.status == opportunity.status,
               Opportunity.updated_at == opportunity.updated_at)
        .values(status=opportunity.status)
        .execution_options(synchronize_session=False))
    return held.rowcount == 1


def mail_owner(session: Session, opportunity: Opportunity, reason: str) -> None:
    """The owner hears of the reason in the same transaction as the decision."""
    owner = session.get(User, opportunity.owner_id) if opportunity.owner_id else None
    if owner is None or not owner.is_active:
        return
    mail.enqueue(session, to=owner.email, template="reviews/changes", language=owner.language,
                 context={"title": opportunity.title, "reason": reason,
                          "edit_path": f"/my/{opportunity.id}/edit"})


def remind_reviewers(session: Session, now: datetime) -> int:
    """Mail every reviewer the openings waiting more than two working days; returns mails queued.

    Run once a day by the scheduler; on weekends nobody is reminded.
    """
    today = city_today(now)
    if today.weekday() >= 5:
        return 0
    late = [item for item in review_queue(session)
            if working_days_between(city_time(item.waiting_since).date(), today) > REMIND_AFTER_WORKING_DAYS]
    if not late:
        return 0
    reviewers = session.exec(select(User.email, User.language).where(
        User.role.in_((Role.HR, Role.ADMIN)), User.is_active)).all()
    context = {"count": len(late), "queue_path": "/hr/reviews",
               "items": [{"title": item.opportunity.title, "unit": item.unit} for item in late]}
    for address, language in reviewers:
        mail.enqueue(session, to=address, template="reviews/waiting", language=language,
                     context=context)
    return len(reviewers)


def approved_values(session: Session, opportunity: Opportunity) -> dict[str, Any]:
    if opportunity.status == Status.IN_REVIEW:
        return {"status": Status.PUBLISHED.value, "review_reason": None}
    pending = dict(opportunity.pending_changes or {})
    unit_id = pending.pop("unit_id", None)
    merged = {**current_fields(opportunity, unit_name(session, opportunity.unit_id)), **pending}
    # Re-validated as a whole: what waited was valid against the opening as it was then.
    values = stored_values(validate(OpportunityFields, merged))
    if unit_id is not None:
        values["unit_id"] = unit_id
    return {**values, "pending_changes": None, "review_reason": None}


def find_unit(session: Session, name: str) -> Unit | None:
    """By the one rule for unit names (case, spacing and invisible characters aside)."""
    return UnitCache(session).find(name)
