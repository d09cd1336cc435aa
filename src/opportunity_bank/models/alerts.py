from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import json_list_column, utcnow


class AlertSubscription(SQLModel, table=True):
    """A student's saved search, mailed as a digest of new matching openings."""

    __tablename__ = "alert_subscriptions"
    # One subscription per address and search: subscribing again finds the same row.
    __table_args__ = (UniqueConstraint("address_hash", "search_hash", name="uq_alert_address_search"),)

    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254)
    address_hash: str = Field(max_length=64, index=True)
    search_hash: str = Field(max_length=64)
    q: str = Field(default="", max_length=200)
    kinds: list[str] = Field(default_factory=list, sa_column=json_list_column())
    units: list[str] = Field(default_factory=list, sa_column=json_list_column())
    languages: list[str] = Field(default_factory=list, sa_column=json_list_column())
    levels: list[str] = Field(default_factory=list, sa_column=json_list_column())
    frequency: str = Field(default="weekly", max_length=10)
    language: str = Field(default="fi", max_length=2)
    created_at: datetime = Field(default_factory=utcnow)
    confirmed_at: datetime | None = Field(default=None, index=True)
    last_digest_at: datetime | None = None  # the last digest run that found new openings to check
    # Confirming, changing or keeping the subscription; retention counts 12 months from it.
    last_active_at: datetime = Field(default_factory=utcnow)
    retention_asked_at: datetime | None = None


class AlertToken(SQLModel, table=True):
    """A link's token (confirm or manage), stored as its SHA-256 only."""

    __tablename__ = "alert_tokens"

    token_hash: str = Field(primary_key=True, max_length=64)
    subscription_id: int = Field(
        sa_column=Column(Integer, ForeignKey("alert_subscriptions.id", ondelete="CASCADE"),
                         nullable=False, index=True))
    purpose: str = Field(max_length=10)
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = None


class AlertSentOpening(SQLModel, table=True):
    """An opening a subscription has had in a digest: never listed to it again."""

    __tablename__ = "alert_sent_openings"

    subscription_id: int = Field(
        sa_column=Column(Integer, ForeignKey("alert_subscriptions.id", ondelete="CASCADE"),
                         primary_key=True))
    opportunity_id: int = Field(primary_key=True)
    sent_at: datetime = Field(default_factory=utcnow)


class AlertRequest(SQLModel, table=True):
    """A subscription attempt, counted for the per-address and per-IP rate limits."""

    __tablename__ = "alert_requests"

    id: int | None = Field(default=None, primary_key=True)
    address_hash: str = Field(max_length=64, index=True)
    client_ip: str = Field(max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow, index=True)
