"""Which reminder an opening's owner is due (a pure rule) and queueing them once each."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from opportunity_bank import mail
from opportunity_bank.models import DeadlineReminder, Opportunity, Status, User
from opportunity_bank.opportunities.lifecycle import city_today

log = logging.getLogger(__name__)
WEEK_BEFORE, DAY_BEFORE, FILLED = "7d", "1d", "filled"
# After the deadline the owner is asked about filled positions for this long; an opening whose
# deadline passed longer ago (say, before reminders existed) is left alone.
ASK_FILLED_WITHIN = timedelta(days=30)


def reminder_due(status: str, deadline: date, filled_positions: int | None, today: date) -> str | None:
    """The reminder an opening is due today, if any.

    A week before (from 7 days down to 2), a day before (the day before and the deadline day
    itself, which is still open in Espoo), and after the deadline the filled-positions question
    for an opening nobody has marked filled. A reminder missed while the service was down comes
    late rather than never; each is sent once, which the caller records.
    """
    days = (deadline - today).days
    if status == Status.PUBLISHED and 1 < days <= 7:
        return WEEK_BEFORE
    if status == Status.PUBLISHED and 0 <= days <= 1:
        return DAY_BEFORE
    if (days < 0 and today - deadline <= ASK_FILLED_WITHIN and filled_positions is None
            and status in (Status.PUBLISHED, Status.CLOSED)):
        return FILLED
    return None


@dataclass(slots=True)
class ReminderReport:
    queued: int = 0


def send_reminders(engine: Engine, today: date | None = None) -> ReminderReport:
    today = today or city_today()
    report = ReminderReport()
    with Session(engine) as session:
        rows = session.exec(
            select(Opportunity, User).join(User, User.id == Opportunity.owner_id).where(
                Opportunity.application_deadline.is_not(None),
                Opportunity.application_deadline >= today - ASK_FILLED_WITHIN,
                Opportunity.application_deadline <= today + timedelta(days=7),
                Opportunity.status.in_((Status.PUBLISHED, Status.CLOSED)),
                User.is_active, User.deadline_reminders,
            ).order_by(Opportunity.id)
        ).all()
        due = [(o.id, o.application_deadline, kind, o.title, o.positions, u.email, u.language)
               for o, u in rows
               if (kind := reminder_due(o.status, o.application_deadline, o.filled_positions, today))]
    for opening_id, deadline, kind, title, positions, owner, language in due:
        with Session(engine) as session:
            if session.get(DeadlineReminder, (opening_id, deadline, kind)) is not None:
                continue
            session.add(DeadlineReminder(opportunity_id=opening_id, deadline=deadline, kind=kind))
            template = "reminders/filled" if kind == FILLED else "reminders/deadline"
            mail.enqueue(session, to=owner, template=template, language=language, context={
                             "title": title, "deadline": deadline.isoformat(), "positions": positions,
                             "days": (deadline - today).days, "edit_path": f"/my/{opening_id}/edit",
                             "settings_path": "/my/reminders"})
            try:
                session.commit()
            except IntegrityError:
                # Another process recorded the same reminder first: it sends it, this one not.
                session.rollback()
                continue
        report.queued += 1
    log.info("deadline reminders: %d queued", report.queued)
    return report
