"""Setting staff targets, with an audit entry for every change."""

from __future__ import annotations

from sqlmodel import Session, select

from opportunity_bank.models import AuditEntry, Target, Unit, User, utcnow


def set_target(
    session: Session,
    year: int,
    kind: str,
    positions: int,
    unit: Unit | None = None,
    actor: User | None = None,
) -> Target:
    unit_id = unit.id if unit else None
    target = session.exec(
        select(Target).where(Target.year == year, Target.kind == kind, Target.unit_id == unit_id)
    ).first()
    old = target.positions if target else None
    if target is None:
        target = Target(year=year, kind=kind, unit_id=unit_id, positions=positions)
        session.add(target)
    target.positions = positions
    target.updated_at = utcnow()
    target.updated_by = actor.id if actor else None
    session.flush()
    if old != positions:
        session.add(AuditEntry(
            entity="target", entity_id=target.id, action="set",
            actor_id=actor.id if actor else None,
            actor_label=actor.email if actor else "command line",
            changes={"year": year, "kind": kind, "unit": unit.name if unit else None,
                     "positions": [old, positions]},
        ))
    return target
