"""Sign-in throttling: growing delays per account, per address and per browser, never a lockout.

Every attempt is counted before its password is checked, by a conditional UPDATE that only
one of several parallel attempts (in any process) can win, so a burst of guesses gets no more
checks than the rule allows. After FREE attempts within WINDOW the next waits 1 s, then 2, 4,
... up to MAX_DELAY: a guesser gets about one try a minute, while a person who mistyped waits
seconds. A browser that signed in to the account before carries a device cookie and is
counted apart from the account, so an attack on a published address does not keep its owner
out; the owner of a new browser waits at most MAX_DELAY.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from opportunity_bank.accounts.sessions import aware
from opportunity_bank.models import LoginThrottle, utcnow

WINDOW = timedelta(minutes=15)
MAX_DELAY = timedelta(seconds=60)
# An address is shared by a whole office behind one NAT, so it gets more free attempts.
FREE_ATTEMPTS = {"account": 5, "device": 5, "address": 20}
DEVICE_COOKIE_DAYS = 365
# Each lost race means another attempt was counted, and a key is blocked after at most its
# free attempts: an attempt cannot lose more often than that, plus the window restarting.
CLAIM_TRIES = 2 * max(FREE_ATTEMPTS.values()) + 5


def delay_after(attempts: int, free: int) -> timedelta:
    """The wait before the attempt after `attempts` attempts: none while free, then doubling."""
    if attempts < free:
        return timedelta(0)
    return timedelta(seconds=min(2 ** min(attempts - free, 30), MAX_DELAY.total_seconds()))


def blocked_until(now: datetime, attempts: int, free: int) -> datetime | None:
    # None while free: a "blocked until now" would hold back parallel attempts whose clock
    # read a moment earlier.
    delay = delay_after(attempts, free)
    return now + delay if delay else None


def device_token(secret: str, email: str) -> str:
    """The device cookie's value for an account: only this server can make it."""
    return hmac.new(secret.encode(), f"device:{email}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Claim:
    """The outcome of counting one attempt: go ahead (wait 0) or wait so many seconds."""

    wait: int

    @property
    def allowed(self) -> bool:
        return self.wait == 0


def claim(session: Session, key: str, free: int, now: datetime | None = None) -> Claim:
    """Count an attempt for `key`, or say how long it must wait; commits at once."""
    now = now or utcnow()
    for _ in range(CLAIM_TRIES):
        row = session.exec(select(LoginThrottle).where(LoginThrottle.key == key)).first()
        if row is None:
            try:
                session.add(LoginThrottle(key=key, attempts=1, window_start=now,
                                          blocked_until=blocked_until(now, 1, free)))
                session.commit()
                return Claim(0)
            except IntegrityError:
                session.rollback()  # a parallel attempt made the row first: count against it
                continue
        attempts, window_start = row.attempts, aware(row.window_start)
        until = aware(row.blocked_until) if row.blocked_until else None
        session.expunge(row)
        if until and until > now:
            session.rollback()
            return Claim(max(1, int((until - now).total_seconds() + 0.999)))
        fresh = now - window_start > WINDOW
        counted = 1 if fresh else attempts + 1
        won = session.exec(
            update(LoginThrottle)
            .where(LoginThrottle.key == key, LoginThrottle.attempts == attempts,
                   LoginThrottle.window_start == row.window_start)
            .values(attempts=counted, window_start=now if fresh else row.window_start,
                    blocked_until=blocked_until(now, counted, free))
        ).rowcount
        session.commit()
        if won == 1:
            return Claim(0)
    return Claim(1)  # lost every race: many attempts at this very moment


def claim_attempt(session: Session, email: str, address: str, device: str | None) -> Claim:
    """Count a sign-in attempt for its account (or its known browser), then for its address.

    An attempt refused for its account does not count against its address: a guesser
    hammering one account must not slow down everyone else behind the same proxy.
    """
    kind, key = ("device", f"device:{device}") if device else ("account", f"account:{email}")
    person = claim(session, key, FREE_ATTEMPTS[kind])
    if not person.allowed:
        return person
    return claim(session, f"address:{address}", FREE_ATTEMPTS["address"])


def signed_in(session: Session, email: str, device: str) -> None:
    """A correct password clears its account's and its browser's count (not the address's)."""
    session.exec(delete(LoginThrottle).where(
        LoginThrottle.key.in_([f"account:{email}", f"device:{device}"])))


def purge_old(session: Session, now: datetime | None = None) -> None:
    now = now or utcnow()
    session.exec(delete(LoginThrottle).where(LoginThrottle.window_start < now - WINDOW - MAX_DELAY))
