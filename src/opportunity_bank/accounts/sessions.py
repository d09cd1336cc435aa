"""Browser sessions: a random id in a cookie, its SHA-256 in the database, two timeouts."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, select

from opportunity_bank.models import User, WebSession, utcnow
from opportunity_bank.settings import Settings

IDLE_TIMEOUT = timedelta(minutes=30)
ABSOLUTE_TIMEOUT = timedelta(hours=12)
# Writing last_seen_at on every request would turn each page view into a write.
TOUCH_INTERVAL = timedelta(minutes=1)
MAX_SESSION_ID_LENGTH = 100


def session_cookie_name(settings: Settings) -> str:
    """`__Host-` makes browsers insist on Secure, Path=/ and no Domain; it needs HTTPS."""
    return "__Host-ob_session" if settings.production else "ob_session"


def csrf_cookie_name(settings: Settings) -> str:
    return "__Host-ob_csrf" if settings.production else "ob_csrf"


def device_cookie_name(settings: Settings) -> str:
    # Path=/login keeps it out of every other request; `__Host-` would demand Path=/.
    return "__Secure-ob_device" if settings.production else "ob_device"


def hash_session_id(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def aware(moment: datetime) -> datetime:
    # SQLite hands datetimes back naive; they were stored as UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def is_expired(created_at: datetime, last_seen_at: datetime, now: datetime) -> bool:
    return (now - aware(last_seen_at) > IDLE_TIMEOUT
            or now - aware(created_at) > ABSOLUTE_TIMEOUT)


def start_session(session: Session, user: User) -> str:
    """A new id at every sign-in, so an id planted before sign-in is worth nothing after it."""
    session_id = secrets.token_urlsafe(32)
    session.add(WebSession(session_hash=hash_session_id(session_id), user_id=user.id))
    return session_id


def end_session(session: Session, session_id: str) -> None:
    session.exec(delete(WebSession).where(WebSession.session_hash == hash_session_id(session_id)))


def user_for_session(session: Session, session_id: str, now: datetime | None = None,
                     language: str | None = None) -> User | None:
    """The active user of a live session; an expired session is deleted on sight.

    `language`, the one this request is served in, becomes the user's: staff mails
    (reminders, review) are written in the language its owner last used the service in.
    Written only when it changes.
    """
    if not session_id or len(session_id) > MAX_SESSION_ID_LENGTH:
        return None
    now = now or utcnow()
    row = session.exec(
        select(WebSession, User)
        .join(User, User.id == WebSession.user_id)
        .where(WebSession.session_hash == hash_session_id(session_id))
    ).first()
    if row is None:
        return None
    web_session, user = row
    if is_expired(web_session.created_at, web_session.last_seen_at, now) or not user.is_active:
        session.delete(web_session)
        session.commit()
        return None
    changed = False
    if now - aware(web_session.last_seen_at) > TOUCH_INTERVAL:
        web_session.last_seen_at = now
        session.add(web_session)
        changed = True
    if language and user.language != language:
        user.language = language
        session.add(user)
        changed = True
    if changed:
        session.commit()
    return user


def purge_expired(session: Session, now: datetime | None = None) -> int:
    """Delete sessions past either timeout; called at each sign-in so the table stays small."""
    now = now or utcnow()
    result = session.exec(
        delete(WebSession).where(
            (WebSession.last_seen_at < now - IDLE_TIMEOUT)
            | (WebSession.created_at < now - ABSOLUTE_TIMEOUT)
        )
    )
    return result.rowcount or 0
