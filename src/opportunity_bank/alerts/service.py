"""Subscriptions in the database: subscribing, tokens, confirming, changing and deleting.

Every function takes the caller's session and leaves committing to it, so a mail queued here
goes out only if what caused it is committed.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, select

from opportunity_bank import mail
from opportunity_bank.accounts.sessions import aware
from opportunity_bank.alerts.rules import (
    UNCONFIRMED_LIFETIME,
    AlertInput,
    SavedSearch,
    retention_step,
)
from opportunity_bank.mail.addresses import address_hash, log_name
from opportunity_bank.models import (
    AlertRequest,
    AlertSentOpening,
    AlertSubscription,
    AlertToken,
    MailBounce,
    MailMessage,
    utcnow,
)

log = logging.getLogger(__name__)
RATE_WINDOW = timedelta(hours=1)
MAX_PER_ADDRESS = 5  # confirmation mails to one address in an hour: no one's inbox is flooded
MAX_PER_IP = 30  # a school's computer class shares one address
CONFIRM, MANAGE = "confirm", "manage"


class RateLimited(Exception):
    """Too many subscription attempts from this address or to this e-mail address."""


@dataclass(frozen=True, slots=True)
class TokenLookup:
    subscription: AlertSubscription | None
    used: bool = False  # the token was valid once and is spent (a confirmed confirmation)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, subscription: AlertSubscription, purpose: str) -> str:
    """A new random link token; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    session.add(AlertToken(token_hash=hash_token(token), subscription_id=subscription.id, purpose=purpose))
    return token


def find_token(session: Session, token: str, purpose: str) -> TokenLookup:
    if not token or len(token) > 200:
        return TokenLookup(None)
    row = session.get(AlertToken, hash_token(token))
    if row is None or row.purpose != purpose:
        return TokenLookup(None)
    subscription = session.get(AlertSubscription, row.subscription_id)
    if subscription is None:
        return TokenLookup(None)
    if purpose == CONFIRM and (row.used_at is not None or subscription.confirmed_at is not None):
        return TokenLookup(subscription, used=True)
    return TokenLookup(subscription)


def saved_search(subscription: AlertSubscription) -> SavedSearch:
    return SavedSearch(q=subscription.q, kind=tuple(subscription.kinds), unit=tuple(subscription.units),
                       language=tuple(subscription.languages), level=tuple(subscription.levels))


def check_rate(session: Session, email_hash: str, client_ip: str, now: datetime) -> None:
    since = now - RATE_WINDOW
    for column, value, limit in ((AlertRequest.address_hash, email_hash, MAX_PER_ADDRESS),
                                 (AlertRequest.client_ip, client_ip, MAX_PER_IP)):
        count = session.exec(select(func.count()).select_from(AlertRequest)
                             .where(column == value, AlertRequest.created_at > since)).one()
        if count >= limit:
            raise RateLimited
    session.exec(delete(AlertRequest).where(AlertRequest.created_at <= since))
    session.add(AlertRequest(address_hash=email_hash, client_ip=client_ip[:64], created_at=now))


def subscribe(session: Session, wanted: AlertInput, client_ip: str,
              now: datetime | None = None) -> AlertSubscription:
    """Create the subscription (or find the same one again) and queue a confirmation mail.

    The answer is the same whether the address already has this search or not, so the form
    tells no one which addresses are subscribed; the mail says which case it is.
    """
    now = now or utcnow()
    key = address_hash(wanted.email)
    check_rate(session, key, client_ip, now)
    search_key = wanted.search.fingerprint()
    subscription = session.exec(select(AlertSubscription).where(
        AlertSubscription.address_hash == key, AlertSubscription.search_hash == search_key)).first()
    if subscription is None:
        search = wanted.search
        subscription = AlertSubscription(
            email=wanted.email, address_hash=key, search_hash=search_key, q=search.q,
            kinds=list(search.kind), units=list(search.unit), languages=list(search.language),
            levels=list(search.level), frequency=wanted.frequency, language=wanted.language,
            created_at=now, last_active_at=now)
        session.add(subscription)
        session.flush()
    elif subscription.confirmed_at is None:
        # Nobody has confirmed it yet, so the latest request's choices are the ones to confirm.
        subscription.frequency, subscription.language = wanted.frequency, wanted.language
        session.add(subscription)
    context = {"query": subscription.q, "frequency": subscription.frequency}
    if subscription.confirmed_at is None:
        context["confirm_path"] = f"/alerts/confirm/{issue_token(session, subscription, CONFIRM)}"
        template = "alerts/confirm"
    else:
        context["manage_path"] = f"/alerts/manage/{issue_token(session, subscription, MANAGE)}"
        template = "alerts/already"
    mail.enqueue(session, to=subscription.email, template=template, language=wanted.language,
                 context=context)
    log.info("alert subscription %d requested for %s", subscription.id, log_name(key))
    return subscription


def confirm(session: Session, subscription: AlertSubscription, token: str,
            now: datetime | None = None) -> None:
    now = now or utcnow()
    subscription.confirmed_at = now
    subscription.last_active_at = now
    row = session.get(AlertToken, hash_token(token))
    if row is not None:
        row.used_at = now
    session.add(subscription)


def change_frequency(session: Session, subscription: AlertSubscription, frequency: str) -> None:
    subscription.frequency = frequency
    keep(session, subscription)


def keep(session: Session, subscription: AlertSubscription) -> None:
    """The subscriber said they still want it: retention counts from now."""
    subscription.last_active_at = utcnow()
    subscription.retention_asked_at = None
    session.add(subscription)


def remove(session: Session, subscription: AlertSubscription) -> None:
    """One subscription, its tokens and its sent-openings record."""
    for table in (AlertToken, AlertSentOpening):
        session.exec(delete(table).where(table.subscription_id == subscription.id))
    session.delete(subscription)


def forget_address(session: Session, key: str) -> int:
    """Every trace of an address: its subscriptions, mails, bounce and attempts. Returns the
    number of subscriptions deleted."""
    subscriptions = session.exec(select(AlertSubscription).where(AlertSubscription.address_hash == key)).all()
    for subscription in subscriptions:
        remove(session, subscription)
    session.exec(delete(MailMessage).where(MailMessage.address_hash == key))
    session.exec(delete(MailBounce).where(MailBounce.address_hash == key))
    session.exec(delete(AlertRequest).where(AlertRequest.address_hash == key))
    log.info("every trace of %s deleted (%d subscriptions)", log_name(key), len(subscriptions))
    return len(subscriptions)


def purge_unconfirmed(session: Session, now: datetime | None = None) -> int:
    now = now or utcnow()
    stale = session.exec(select(AlertSubscription).where(
        AlertSubscription.confirmed_at.is_(None),
        AlertSubscription.created_at < now - UNCONFIRMED_LIFETIME)).all()
    for subscription in stale:
        remove(session, subscription)
    return len(stale)


def apply_retention(session: Session, now: datetime | None = None) -> tuple[int, int]:
    """Ask subscribers inactive for 12 months whether to keep their alert; delete those who
    did not answer within the grace period. Returns (asked, deleted)."""
    now = now or utcnow()
    asked = deleted = 0
    for subscription in session.exec(select(AlertSubscription)
                                     .where(AlertSubscription.confirmed_at.is_not(None))).all():
        asked_at = aware(subscription.retention_asked_at) if subscription.retention_asked_at else None
        step = retention_step(aware(subscription.last_active_at), asked_at, now)
        if step == "ask":
            subscription.retention_asked_at = now
            session.add(subscription)
            manage = issue_token(session, subscription, MANAGE)
            mail.enqueue(session, to=subscription.email, template="alerts/retention",
                         language=subscription.language,
                         context={"query": subscription.q, "manage_path": f"/alerts/manage/{manage}"})
            asked += 1
        elif step == "delete":
            remove(session, subscription)
            deleted += 1
    return asked, deleted
