"""Queueing mails: `enqueue()` in the transaction of what causes the mail, and the backlog."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, func
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from opportunity_bank.accounts.sessions import aware
from opportunity_bank.mail.addresses import address_hash, is_valid_address, normalize_address
from opportunity_bank.models import MailBounce, MailMessage, utcnow
from opportunity_bank.web.i18n import LANGUAGES

mail_queued = threading.Event()
"""Set after a commit that queued mail, so the sender in this process sends it at once."""


def enqueue(session: Session, *, to: str, template: str, language: str, context: dict[str, Any],
            unsubscribe_path: str | None = None) -> MailMessage:
    """Queue a mail; it goes out when the caller commits (and never if it rolls back).

    `template` names `templates/mail/<template>.txt` and `.html`; `context` must be JSON (it
    is stored until the mail is sent) and may hold paths, which templates make absolute with
    `link(path)`. `unsubscribe_path` adds List-Unsubscribe headers pointing at that path.
    """
    address = normalize_address(to)
    if not is_valid_address(address):
        raise ValueError("not an e-mail address")
    message = MailMessage(to_address=address, address_hash=address_hash(address), template=template,
                          language=language if language in LANGUAGES else "fi", context=context,
                          unsubscribe_path=unsubscribe_path)
    session.add(message)
    session.info["mail_queued"] = True
    return message


@event.listens_for(OrmSession, "after_commit")
def _wake_sender(session: OrmSession) -> None:
    if session.info.pop("mail_queued", False):
        mail_queued.set()


@event.listens_for(OrmSession, "after_rollback")
def _forget_mail(session: OrmSession) -> None:
    session.info.pop("mail_queued", None)


def is_bouncing(session: Session, address_or_hash: str) -> bool:
    key = address_or_hash if "@" not in address_or_hash else address_hash(address_or_hash)
    return session.get(MailBounce, key) is not None


@dataclass(slots=True)
class MailBacklog:
    pending: int
    failed: int
    oldest_pending: datetime | None

    def as_json(self, now: datetime | None = None) -> dict[str, Any]:
        age = None
        if self.oldest_pending is not None:
            age = max(0, int(((now or utcnow()) - aware(self.oldest_pending)).total_seconds()))
        return {"pending": self.pending, "failed": self.failed, "oldest_pending_seconds": age}


def mail_backlog(engine: Engine) -> MailBacklog:
    with Session(engine) as session:
        pending, oldest = session.exec(
            select(func.count(), func.min(MailMessage.created_at))
            .where(MailMessage.sent_at.is_(None), MailMessage.failed_at.is_(None))
        ).one()
        failed = session.exec(select(func.count()).where(MailMessage.failed_at.is_not(None))).one()
    return MailBacklog(pending=pending, failed=failed, oldest_pending=oldest)
