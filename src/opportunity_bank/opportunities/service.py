"""Storing openings: units on demand, upserts by external id, and the fields they carry.

The outbox row that refreshes the search index is written by the flush hook in `db.py`,
in the same transaction as every change here.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, Unit, utcnow
from opportunity_bank.models.enums import Status
from opportunity_bank.opportunities.schemas import OpportunityFields

# Fields copied one to one from validated input onto the table row.
STORED_FIELDS = tuple(
    name for name in OpportunityFields.model_fields if name not in ("unit",)
)


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


class UnitCache:
    """Looks units up by name within one transaction and creates the missing ones."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._by_name: dict[str, Unit] = {}

    def get_or_create(self, name: str) -> Unit:
        key = name.strip()
        unit = self._by_name.get(key.casefold())
        if unit is None:
            unit = self.session.exec(select(Unit).where(Unit.name == key)).first()
            if unit is None:
                unit = Unit(name=key)
                self.session.add(unit)
                self.session.flush()
            self._by_name[key.casefold()] = unit
        return unit


def stored_values(fields: OpportunityFields) -> dict[str, Any]:
    data = fields.model_dump(include=set(STORED_FIELDS))
    for key in ("kind", "status", "pay_period"):
        if data.get(key) is not None:
            data[key] = str(data[key])
    return data


def apply_values(opportunity: Opportunity, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set the values that differ; returns {field: (old, new)} for the audit log."""
    changes: dict[str, tuple[Any, Any]] = {}
    for key, new in values.items():
        old = getattr(opportunity, key)
        if old != new:
            changes[key] = (old, new)
            setattr(opportunity, key, new)
    if changes:
        now = utcnow()
        opportunity.updated_at = now
        if "status" in changes and opportunity.status == Status.PUBLISHED:
            opportunity.published_at = opportunity.published_at or now
    return changes


def existing_by_external_id(session: Session, external_ids: Iterable[str]) -> dict[str, Opportunity]:
    ids = list(external_ids)
    found: dict[str, Opportunity] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in session.exec(select(Opportunity).where(Opportunity.external_id.in_(chunk))):
            found[row.external_id] = row
    return found


def upsert(
    session: Session,
    external_id: str,
    fields: OpportunityFields,
    units: UnitCache,
    existing: Opportunity | None,
) -> Outcome:
    values = stored_values(fields)
    values["unit_id"] = units.get_or_create(fields.unit).id
    if existing is None:
        opportunity = Opportunity(external_id=external_id, **values)
        if opportunity.status != Status.DRAFT:
            opportunity.published_at = opportunity.created_at
        session.add(opportunity)
        return Outcome.CREATED
    return Outcome.UPDATED if apply_values(existing, values) else Outcome.UNCHANGED
