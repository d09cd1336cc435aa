"""Staff identities at the city's OpenID provider, and sign-ins under way there.

Sign-ins under way live in the database, not in process memory, for the same reason as
sessions: the provider's answer may come back to another app process.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class OidcIdentity(SQLModel, table=True):
    """Who a user is at the provider: issuer + subject (for Entra ID: the tenant's issuer + oid).

    Keyed so, not by e-mail: an address can change or be reused, the subject never.
    """

    __tablename__ = "oidc_identities"
    __table_args__ = (Index("ix_oidc_identities_issuer_subject", "issuer", "subject", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", unique=True, index=True)
    issuer: str = Field(max_length=255)
    subject: str = Field(max_length=255)
    created_at: datetime = Field(default_factory=utcnow)
    last_login_at: datetime = Field(default_factory=utcnow)


class OidcRequest(SQLModel, table=True):
    """One authorization request sent to the provider, bound to the browser that started it.

    `browser_hash` is the SHA-256 of a random value kept in that browser's cookie; the callback
    finds the row only with that cookie and the `state` the provider echoes, and deletes it, so
    each request can finish once.
    """

    __tablename__ = "oidc_requests"

    id: int | None = Field(default=None, primary_key=True)
    browser_hash: str = Field(max_length=64, index=True)
    state: str = Field(max_length=128)
    nonce: str = Field(max_length=128)
    code_verifier: str = Field(max_length=128)
    next_path: str = Field(default="", max_length=2000)
    client_ip: str = Field(default="", max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
