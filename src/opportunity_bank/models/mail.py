from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class MailMessage(SQLModel, table=True):
    """A mail to send, written in the same transaction as what caused it.

    The template is rendered when the mail is sent, with the sender's settings (public URL,
    sender address). After sending, the address and the context (which holds links with
    tokens) are cleared: only the address's hash stays, for the bounce and retry history.
    """

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_due", "sent_at", "failed_at", "available_at"),)

    id: int | None = Field(default=None, primary_key=True)
    to_address: str | None = Field(default=None, max_length=254)
    address_hash: str = Field(max_length=64, index=True)
    template: str = Field(max_length=100)
    language: str = Field(default="fi", max_length=2)
    context: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # A path on PUBLIC_URL: the sender adds List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).
    unsubscribe_path: str | None = Field(default=None, max_length=300)
    created_at: datetime = Field(default_factory=utcnow)
    available_at: datetime = Field(default_factory=utcnow)
    # A sender owns a claimed message until then; a crashed sender's claim runs out.
    claimed_until: datetime | None = None
    attempts: int = Field(default=0)
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    sent_at: datetime | None = None
    failed_at: datetime | None = None


class MailBounce(SQLModel, table=True):
    """An address the mail server refused permanently (5xx); its alerts are suspended."""

    __tablename__ = "mail_bounces"

    address_hash: str = Field(primary_key=True, max_length=64)
    bounced_at: datetime = Field(default_factory=utcnow)
    reason: str = Field(default="", max_length=500)
