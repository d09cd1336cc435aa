"""Who may change which opening, and the changes themselves, each with an audit entry.

Ownership is part of every query (`editable_openings`): a supervisor's request for another
unit's opening finds nothing and answers 404, so no code path can load first and forget to
check after.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlalchemy.sql import Select
from sqlmodel import Session, select

from opportunity_bank.models import AuditEntry, Kind, Opportunity, Role, Status, Unit, User, utcnow
from opportunity_bank.opportunities.lifecycle import (
    allowed_transitions,
    city_today,
    next_year,
    publish_problems,
    status_change_problems,
)
from opportunity_bank.opportunities.schemas import (
    FieldError,
    OpportunityCreate,
    OpportunityFields,
    field_errors,
)
from opportunity_bank.opportunities.service import UnitCache, apply_values, stored_values
from opportunity_bank.opportunities.text import name_key
from opportunity_bank.review.rules import split_edit, status_on_publish

ROLL_OVER_KINDS = (Kind.SUMMER_JOB, Kind.INTERNSHIP)
# Fields of an opening that belong to one season and are not carried into a copy.
NOT_COPIED = ("filled_positions", "thesis_url")


class FieldProblems(ValueError):
    """Input that cannot be saved; one message per field, for a 422 or a re-rendered form."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


class TransitionRefused(ValueError):
    """A lifecycle move that is not possible from the current status (409)."""

    def __init__(self, current: str, target: str) -> None:
        self.allowed = sorted(str(s) for s in allowed_transitions(current))
        super().__init__(
            f"cannot go from {current} to {target}; allowed: {', '.join(self.allowed) or 'none'}"
        )


class StatusGoverned(ValueError):
    """An edit of fields that only the status action may change (409): counts of a filled job."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = fields
        super().__init__(
            f"{' and '.join(fields)} of a filled or completed opening change only through "
            "POST /api/v1/opportunities/{id}/status: move it back to published, edit, and "
            "mark it filled again with its count"
        )


@dataclass(frozen=True, slots=True)
class Editor:
    """The signed-in user as far as editing goes: who they are and which unit binds them."""

    id: int
    email: str
    role: str
    unit_id: int | None

    @classmethod
    def of(cls, user: User) -> Editor:
        return cls(id=user.id, email=user.email, role=user.role, unit_id=user.unit_id)

    @property
    def bound_to_unit(self) -> bool:
        return self.role == Role.SUPERVISOR


# The identifiers this service hands out; a new-opening form carries the one its opening will
# get (see made_from_form), so the form's key is checked against the same shape.
EXTERNAL_ID_PREFIX, EXTERNAL_ID_BYTES = "ob-", 8
FORM_KEY = re.compile(rf"{EXTERNAL_ID_PREFIX}[0-9a-f]{{{2 * EXTERNAL_ID_BYTES}}}")


def new_external_id() -> str:
    return EXTERNAL_ID_PREFIX + secrets.token_hex(EXTERNAL_ID_BYTES)


def form_key(value: Any) -> str | None:
    """The form's key if it is one this service hands out; anything else is ignored."""
    return value if isinstance(value, str) and FORM_KEY.fullmatch(value) else None


def made_from_form(session: Session, editor: Editor, key: str | None) -> Opportunity | None:
    """The opening this editor already made from the form with ``key``.

    The key is the opening's external id, which the database keeps unique. So when two sends
    of one form arrive at the same moment, both pass the checks, but only one can insert; the
    other asks here after its insert is refused."""
    if key is None:
        return None
    return session.exec(select(Opportunity).where(Opportunity.external_id == key,
                                                  Opportunity.owner_id == editor.id)).first()


def editable_openings(editor: Editor, *columns: Any) -> Select:
    """Openings this editor may change: their unit's for a supervisor, all for HR and admins."""
    query = select(Opportunity, *columns)
    if editor.bound_to_unit:
        query = query.where(Opportunity.unit_id == editor.unit_id)
    elif editor.role not in (Role.HR, Role.ADMIN):
        query = query.where(Opportunity.id.is_(None))  # deny by default
    return query


def find_editable(session: Session, editor: Editor, opportunity_id: int) -> Opportunity | None:
    return session.exec(editable_openings(editor).where(Opportunity.id == opportunity_id)).first()


def openings_for(session: Session, editor: Editor) -> list[tuple[Opportunity, str]]:
    query = (editable_openings(editor, Unit.name)
             .join(Unit, Unit.id == Opportunity.unit_id)
             .order_by(Opportunity.year.desc(), Opportunity.updated_at.desc(), Opportunity.id.desc()))
    return [(row[0], row[1]) for row in session.exec(query)]


def unit_name(session: Session, unit_id: int) -> str:
    return session.get(Unit, unit_id).name


def review_required(session: Session, unit_id: int) -> bool:
    return session.get(Unit, unit_id).review_required


def submit_for_review(opportunity: Opportunity) -> None:
    opportunity.submitted_at = utcnow()
    opportunity.review_reason = None


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    return value.isoformat() if isinstance(value, date | datetime) else value


def record_audit(session: Session, editor: Editor, opportunity: Opportunity, action: str,
                 changes: dict[str, tuple[Any, Any]]) -> None:
    session.add(AuditEntry(
        entity="opportunity", entity_id=opportunity.id, action=action, actor_id=editor.id,
        actor_label=editor.email,
        changes={key: [json_value(old), json_value(new)] for key, (old, new) in changes.items()},
    ))


def audit_trail(session: Session, opportunity_id: int) -> list[AuditEntry]:
    return list(session.exec(
        select(AuditEntry)
        .where(AuditEntry.entity == "opportunity", AuditEntry.entity_id == opportunity_id)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    ))


def resolve_unit(session: Session, editor: Editor, requested: str | None) -> int:
    """A supervisor posts for their own unit only; HR and admins name any unit."""
    if editor.bound_to_unit:
        own = unit_name(session, editor.unit_id)
        if requested and name_key(requested) != name_key(own):
            raise FieldProblems([FieldError("unit", f"you can post only for your own unit, {own}",
                                            "own_unit", {"unit": own})])
        return editor.unit_id
    if not requested:
        raise FieldProblems([FieldError("unit", "is required", "missing")])
    return UnitCache(session).get_or_create(requested).id


def refuse_publishing(deadline: date | None) -> None:
    problems = publish_problems(deadline, city_today())
    if problems:
        raise FieldProblems([FieldError(field, message, code) for field, code, message in problems])


def validate(model: type[OpportunityFields], raw: dict[str, Any]) -> OpportunityFields:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise FieldProblems(field_errors(error)) from None


# A second click on "Save" or "Copy" is sent before the first answer has loaded, and the
# browser shows only the last answer: without this the supervisor finds two drafts later.
REPEAT_WINDOW = timedelta(seconds=10)


def just_made(session: Session, editor: Editor, *same: Any) -> Opportunity | None:
    """The opening this editor created in the last REPEAT_WINDOW that matches ``same``, so a
    form sent twice is answered with what the first one made."""
    return session.exec(
        select(Opportunity)
        .where(Opportunity.owner_id == editor.id, Opportunity.created_at >= utcnow() - REPEAT_WINDOW, *same)
        .order_by(Opportunity.id.desc())
    ).first()


def external_id_taken(session: Session, external_id: str) -> bool:
    found = session.exec(select(Opportunity.id).where(Opportunity.external_id == external_id)).first()
    return found is not None


def identifier_for(session: Session, key: str | None) -> str:
    """A new opening's external id: its form's key, or a fresh one when the form has none or
    another opening has it already (a key copied from someone else's page)."""
    return key if key and not external_id_taken(session, key) else new_external_id()


def create_opening(session: Session, editor: Editor, raw: dict[str, Any], *,
                   answer_repeats: bool = False, key: str | None = None) -> Opportunity:
    """A new draft or published opening; raises FieldProblems and writes nothing on bad input.

    With ``answer_repeats`` (a page's form), the same kind, title and description sent again
    moments later give the opening the first one made (see just_made); with the form's
    ``key`` (:func:`form_key`), so does the same form sent again (see made_from_form)."""
    fields = validate(OpportunityCreate, raw)
    stored = stored_values(fields)
    if answer_repeats:
        repeat = made_from_form(session, editor, key) or just_made(
            session, editor, *(getattr(Opportunity, name) == stored[name]
                               for name in ("kind", "title", "description")))
        if repeat:
            return repeat
    unit_id = resolve_unit(session, editor, fields.unit)
    if fields.external_id and external_id_taken(session, fields.external_id):
        raise FieldProblems([FieldError("external_id", "is already used by another opening", "taken")])
    external_id = fields.external_id or identifier_for(session, key)
    if fields.status == Status.PUBLISHED:
        refuse_publishing(fields.application_deadline)
    opportunity = Opportunity(external_id=external_id, unit_id=unit_id, owner_id=editor.id, **stored)
    if opportunity.status == Status.PUBLISHED:
        opportunity.status = status_on_publish(review_required(session, unit_id))
    if opportunity.status == Status.PUBLISHED:
        opportunity.published_at = opportunity.created_at
    elif opportunity.status == Status.IN_REVIEW:
        submit_for_review(opportunity)
    session.add(opportunity)
    session.flush()
    record_audit(session, editor, opportunity, "create",
                 {"status": (None, opportunity.status), "title": (None, opportunity.title)})
    return opportunity


def current_fields(opportunity: Opportunity, unit: str) -> dict[str, Any]:
    values = {name: getattr(opportunity, name)
              for name in OpportunityFields.model_fields if name != "unit"}
    values["unit"] = unit
    return values


def governed_fields(status: str) -> tuple[str, ...]:
    """What an edit may not change: the filled count is set by marking filled, and once filled
    or completed the positions too, or the HR report could count more filled than offered."""
    if status in (Status.FILLED, Status.COMPLETED):
        return ("positions", "filled_positions")
    return ("filled_positions",)


def update_opening(session: Session, editor: Editor, opportunity: Opportunity,
                   patch: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Apply a partial change, validating the merged opening; the status moves elsewhere."""
    if "status" in patch and patch["status"] != opportunity.status:
        raise FieldProblems([FieldError(
            "status", "is changed with POST /api/v1/opportunities/{id}/status, not here",
            "status_elsewhere")])
    unit = unit_name(session, opportunity.unit_id)
    merged = {**current_fields(opportunity, unit), **patch}
    fields = validate(OpportunityFields, merged)
    if (opportunity.status == Status.PUBLISHED
            and fields.application_deadline != opportunity.application_deadline):
        refuse_publishing(fields.application_deadline)
    values = stored_values(fields)
    governed = [name for name in governed_fields(opportunity.status)
                if values[name] != getattr(opportunity, name)]
    if governed:
        raise StatusGoverned(governed)
    if "unit" in patch:
        values["unit_id"] = resolve_unit(session, editor, fields.unit)
    if opportunity.status == Status.PUBLISHED and review_required(session, opportunity.unit_id):
        values = hold_for_review(session, editor, opportunity, values)
    changes = apply_values(opportunity, values)
    if changes:
        session.add(opportunity)
        record_audit(session, editor, opportunity, "edit", changes)
    return changes


def hold_for_review(session: Session, editor: Editor, opportunity: Opportunity,
                    values: dict[str, Any]) -> dict[str, Any]:
    """Keep a published opening's major changes aside for review; the minor ones go live."""
    changed = {key: value for key, value in values.items() if getattr(opportunity, key) != value}
    live, waiting = split_edit(changed)
    if waiting:
        pending = {**(opportunity.pending_changes or {}),
                   **{key: json_value(value) for key, value in waiting.items()}}
        record_audit(session, editor, opportunity, "submit_changes",
                     {key: (json_value(getattr(opportunity, key)), pending[key]) for key in waiting})
        opportunity.pending_changes = pending
        submit_for_review(opportunity)
        session.add(opportunity)
    return live


def change_status(session: Session, editor: Editor, opportunity: Opportunity, target: str,
                  filled_positions: int | None = None,
                  thesis_url: str | None = None) -> dict[str, tuple[Any, Any]]:
    """Move an opening along its lifecycle; raises TransitionRefused or FieldProblems."""
    if target == Status.PUBLISHED and opportunity.status == Status.DRAFT:
        target = status_on_publish(review_required(session, opportunity.unit_id))
    if target not in allowed_transitions(opportunity.status):
        raise TransitionRefused(opportunity.status, target)
    if target == Status.IN_REVIEW:
        submit_for_review(opportunity)
    problems = status_change_problems(opportunity.kind, target, opportunity.positions,
                                      filled_positions, thesis_url)
    if target in (Status.PUBLISHED, Status.IN_REVIEW):
        problems += publish_problems(opportunity.application_deadline, city_today())
    if problems:
        raise FieldProblems([FieldError(field, message, code) for field, code, message in problems])
    values: dict[str, Any] = {"status": target}
    if target == Status.FILLED:
        values["filled_positions"] = (filled_positions if opportunity.kind != Kind.THESIS
                                      else filled_positions or 1)
    if thesis_url:
        values["thesis_url"] = thesis_url
    changes = apply_values(opportunity, values)
    session.add(opportunity)
    record_audit(session, editor, opportunity, "status", changes)
    return changes


def copy_to_next_year(session: Session, editor: Editor, original: Opportunity, *,
                      answer_repeats: bool = False, key: str | None = None) -> Opportunity:
    """A new draft of the opening for the following year, dates moved a year on; with
    ``answer_repeats``, the copy this editor made of it moments ago (see just_made) or from
    the same form (its ``key``, see made_from_form)."""
    if answer_repeats:
        repeat = made_from_form(session, editor, key) or just_made(
            session, editor, Opportunity.copied_from_id == original.id)
        if repeat:
            return repeat
    values = {name: getattr(original, name)
              for name in OpportunityFields.model_fields if name not in ("unit", *NOT_COPIED)}
    values.update(
        status=Status.DRAFT.value, year=original.year + 1,
        start_date=next_year(original.start_date), end_date=next_year(original.end_date),
        application_deadline=next_year(original.application_deadline),
    )
    copy = Opportunity(external_id=identifier_for(session, key), unit_id=original.unit_id,
                       owner_id=editor.id, copied_from_id=original.id, **values)
    session.add(copy)
    session.flush()
    record_audit(session, editor, copy, "copy", {"copied_from": (None, original.id)})
    return copy


def roll_over(session: Session, editor: Editor, unit_id: int, kind: str, year: int) -> list[Opportunity]:
    """Copy a unit's season of summer jobs or internships into the next year, as drafts.

    Openings that already have a copy in the next year are skipped, so running it twice
    copies nothing more. The caller commits once: all or nothing.
    """
    if kind not in ROLL_OVER_KINDS:
        raise FieldProblems([FieldError("kind", "only summer jobs and internships roll over",
                                        "roll_over_kind")])
    if editor.bound_to_unit and unit_id != editor.unit_id:
        raise FieldProblems([FieldError("unit", "you can roll over only your own unit",
                                        "roll_over_unit")])
    already = select(Opportunity.copied_from_id).where(
        Opportunity.copied_from_id.is_not(None), Opportunity.year == year + 1)
    season = session.exec(
        editable_openings(editor)
        .where(Opportunity.unit_id == unit_id, Opportunity.kind == kind, Opportunity.year == year,
               Opportunity.status != Status.WITHDRAWN, Opportunity.id.not_in(already))
        .order_by(Opportunity.id)
    ).all()
    return [copy_to_next_year(session, editor, original) for original in season]
