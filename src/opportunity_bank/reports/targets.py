"""Staff targets: validating what HR asks for, setting it with an audit entry, listing them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlmodel import Session, select

from opportunity_bank.models import AuditEntry, Kind, Target, Unit, User, utcnow
from opportunity_bank.opportunities.schemas import FieldError, field_errors
from opportunity_bank.opportunities.text import name_key
from opportunity_bank.reports.arithmetic import MAX_YEAR, MIN_YEAR

MAX_TARGET_POSITIONS = 100_000


class TargetInput(BaseModel):
    """A target as HR gives it, from the form, the API or the command line."""

    model_config = ConfigDict(str_strip_whitespace=True)

    year: Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR)]
    kind: Kind
    positions: Annotated[int, Field(ge=0, le=MAX_TARGET_POSITIONS)]
    unit: Annotated[str, StringConstraints(max_length=200)] | None = None


class TargetError(ValueError):
    """The target was not set; ``errors`` name the fields at fault."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class TargetView:
    year: int
    kind: str
    unit: str | None
    positions: int
    updated_at: datetime
    updated_by: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "kind": self.kind, "unit": self.unit,
                "positions": self.positions, "updated_at": self.updated_at.isoformat()}


def parse_target(values: dict[str, Any]) -> TargetInput:
    """Validate year, kind, positions and unit; an empty unit means the whole centre."""
    try:
        target = TargetInput.model_validate(values)
    except ValidationError as error:
        raise TargetError(field_errors(error)) from None
    if not target.unit:
        target.unit = None
    return target


def set_target_named(session: Session, target: TargetInput, actor: User | None = None) -> Target:
    """Set a validated target whose unit is given by name; an unknown unit is refused.

    Units come from openings and users; a target for a name nobody uses is most likely a typo.
    """
    unit = None
    if target.unit is not None:
        unit = session.exec(select(Unit).where(Unit.name_key == name_key(target.unit))).first()
        if unit is None:
            raise TargetError([FieldError("unit", f"there is no unit named {target.unit!r}", "no_unit")])
    return set_target(session, target.year, target.kind.value, target.positions, unit, actor)


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


def remove_target(session: Session, target: TargetInput, actor: User | None = None) -> bool:
    """Remove a year's target for a kind (and unit); the report then shows no target there."""
    unit_id = None
    if target.unit is not None:
        unit_id = session.exec(select(Unit.id).where(Unit.name == target.unit)).first()
        if unit_id is None:
            raise TargetError([FieldError("unit", f"there is no unit named {target.unit!r}", "no_unit")])
    row = session.exec(select(Target).where(
        Target.year == target.year, Target.kind == target.kind.value, Target.unit_id == unit_id)).first()
    if row is None:
        return False
    session.add(AuditEntry(
        entity="target", entity_id=row.id, action="remove_target",
        actor_id=actor.id if actor else None,
        actor_label=actor.email if actor else "command line",
        changes={"year": row.year, "kind": row.kind, "unit": target.unit,
                 "positions": [row.positions, None]},
    ))
    session.delete(row)
    return True


def list_targets(session: Session, year_from: int, year_to: int) -> list[TargetView]:
    """Targets of the years year_from..year_to: by year, kind, then centre-wide before units."""
    rows = session.exec(
        select(Target, Unit.name, User.email)
        .outerjoin(Unit, Unit.id == Target.unit_id)
        .outerjoin(User, User.id == Target.updated_by)
        .where(Target.year >= year_from, Target.year <= year_to)
    ).all()
    views = [TargetView(t.year, t.kind, name, t.positions, t.updated_at, email)
             for t, name, email in rows]
    kinds = [kind.value for kind in Kind]
    return sorted(views, key=lambda v: (v.year, kinds.index(v.kind), v.unit is not None, v.unit or ""))


def unit_names(session: Session) -> list[str]:
    return list(session.exec(select(Unit.name).order_by(Unit.name)).all())
