from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from opportunity_bank.models.base import utcnow


class AuditEntry(SQLModel, table=True):
    """Who changed what and when, for openings and targets alike."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    entity: str = Field(max_length=30)
    entity_id: int | None = Field(default=None, index=True)
    action: str = Field(max_length=40)
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    actor_label: str = Field(default="", max_length=254)
    changes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, index=True)
