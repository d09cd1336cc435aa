"""Sign-in rate limit: failures counted in the database so every app process sees them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, select

from opportunity_bank.accounts.sessions import aware
from opportunity_bank.models import LoginFailure, utcnow

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
# Higher per address: a whole office may sign in from behind one NAT address.
MAX_FAILURES_PER_IP = 20


def seconds_until_allowed(oldest: datetime | None, count: int, limit: int, now: datetime) -> int:
    """0 while under the limit; otherwise until the oldest failure in the window ages out."""
    if count < limit or oldest is None:
        return 0
    return max(1, int((aware(oldest) + WINDOW - now).total_seconds()) + 1)


def retry_after(session: Session, email: str, client_ip: str, now: datetime | None = None) -> int:
    """Seconds to wait before another attempt is allowed for this e-mail or address; 0 if allowed."""
    now = now or utcnow()
    waits = []
    for column, value, limit in ((LoginFailure.email, email, MAX_FAILURES_PER_EMAIL),
                                 (LoginFailure.client_ip, client_ip, MAX_FAILURES_PER_IP)):
        count, oldest = session.exec(
            select(func.count(), func.min(LoginFailure.created_at))
            .where(column == value, LoginFailure.created_at > now - WINDOW)
        ).one()
        waits.append(seconds_until_allowed(oldest, count, limit, now))
    return max(waits)


def record_failure(session: Session, email: str, client_ip: str) -> None:
    session.add(LoginFailure(email=email, client_ip=client_ip))
    session.exec(delete(LoginFailure).where(LoginFailure.created_at < utcnow() - WINDOW))


def forget_failures(session: Session, email: str) -> None:
    """A successful sign-in clears the e-mail's count (not the address's)."""
    session.exec(delete(LoginFailure).where(LoginFailure.email == email))
