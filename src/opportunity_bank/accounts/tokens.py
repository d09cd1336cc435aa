"""Personal API tokens: shown once, stored only as a SHA-256, revocable."""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from opportunity_bank.models import ApiToken, User, utcnow

TOKEN_PREFIX = "obk_"  # noqa: S105 (lets scanners spot leaked tokens)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, user: User, label: str = "") -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), label=label))
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """The active user owning an unrevoked token; touches last_used_at."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.exec(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(token))
        .where(ApiToken.revoked_at.is_(None))
        .where(User.is_active)
    ).first()
    if row is None:
        return None
    api_token, user = row
    api_token.last_used_at = utcnow()
    session.add(api_token)
    session.commit()
    return user
