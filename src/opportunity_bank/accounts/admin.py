"""What administrators do to users, tokens and units; shared by the admin pages and the CLI.

Every change writes an audit entry in the same transaction, so the audit log tells who gave
whom which role, and disabling a user ends their sessions there and then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from opportunity_bank.accounts.users import MIN_PASSWORD_LENGTH, find_user, hasher, password_problem
from opportunity_bank.models import ApiToken, AuditEntry, Unit, User, WebSession, utcnow
from opportunity_bank.models.enums import ROLES, Role
from opportunity_bank.opportunities.editing import FieldProblems
from opportunity_bank.opportunities.lifecycle import CITY_TZ
from opportunity_bank.opportunities.schemas import FieldError
from opportunity_bank.opportunities.service import UnitCache
from opportunity_bank.opportunities.text import control_problem, has_visible

AUDIT_PAGE = 50
MAX_UNIT_NAME = 200


class AdminError(FieldProblems):
    """A change refused; `errors` name the fields, in the API's English and with codes."""


@dataclass(frozen=True, slots=True)
class UserRow:
    user: User
    unit: str | None
    tokens: int


@dataclass(frozen=True, slots=True)
class TokenRow:
    token: ApiToken
    email: str


def audit(session: Session, actor: User | None, entity: str, entity_id: int | None, action: str,
          changes: dict[str, Any]) -> None:
    session.add(AuditEntry(entity=entity, entity_id=entity_id, action=action,
                           actor_id=actor.id if actor else None,
                           actor_label=actor.email if actor else "command line", changes=changes))


def list_users(session: Session) -> list[UserRow]:
    tokens = (select(ApiToken.user_id, func.count().label("n")).where(ApiToken.revoked_at.is_(None))
              .group_by(ApiToken.user_id).subquery())
    rows = session.exec(
        select(User, Unit.name, tokens.c.n)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .outerjoin(tokens, tokens.c.user_id == User.id)
        .order_by(col(User.is_active).desc(), User.email)
    ).all()
    return [UserRow(user, unit, n or 0) for user, unit, n in rows]


def user_by_email(session: Session, email: str) -> User:
    user = find_user(session, email)
    if user is None:
        raise AdminError([FieldError("email", f"there is no user {email}", "no_user")])
    return user


def set_user(session: Session, actor: User | None, user: User, role: str | None = None,
             unit_name: str | None = None) -> dict[str, list[Any]]:
    """Change role and unit; a supervisor must have a unit (an empty name keeps none)."""
    new_role = role or user.role
    if new_role not in ROLES:
        raise AdminError([FieldError("role", f"must be one of {', '.join(ROLES)}", "choice")])
    old_unit = session.get(Unit, user.unit_id).name if user.unit_id else None
    new_unit = old_unit if unit_name is None else (unit_name.strip() or None)
    if new_role == Role.SUPERVISOR and not new_unit:
        raise AdminError([FieldError("unit", "a supervisor belongs to a unit", "missing")])
    changes: dict[str, list[Any]] = {}
    if new_role != user.role:
        changes["role"] = [user.role, new_role]
        user.role = new_role
    if new_unit != old_unit:
        changes["unit"] = [old_unit, new_unit]
        user.unit_id = UnitCache(session).get_or_create(new_unit).id if new_unit else None
    if changes:
        session.add(user)
        audit(session, actor, "user", user.id, "user_set", changes)
    return changes


def set_active(session: Session, actor: User | None, user: User, active: bool) -> None:
    """Disable (or enable again); a disabled user's sessions end at once."""
    if actor is not None and actor.id == user.id and not active:
        raise AdminError([FieldError("email", "you cannot disable yourself", "self")])
    if user.is_active == active:
        return
    user.is_active = active
    session.add(user)
    if not active:
        session.exec(delete(WebSession).where(WebSession.user_id == user.id))
    audit(session, actor, "user", user.id, "user_enabled" if active else "user_disabled",
          {"is_active": [not active, active]})


def reset_password(session: Session, actor: User | None, user: User, password: str) -> None:
    if problem := password_problem(password):
        raise AdminError([FieldError("password", problem[1], problem[0],
                                     {"min_length": MIN_PASSWORD_LENGTH})])
    user.password_hash = hasher.hash(password)
    session.add(user)
    session.exec(delete(WebSession).where(WebSession.user_id == user.id))
    audit(session, actor, "user", user.id, "password_reset", {})


def list_tokens(session: Session) -> list[TokenRow]:
    rows = session.exec(
        select(ApiToken, User.email).join(User, User.id == ApiToken.user_id)
        .order_by(col(ApiToken.revoked_at).is_not(None), ApiToken.last_used_at.desc(),
                  ApiToken.id.desc())
    ).all()
    return [TokenRow(token, email) for token, email in rows]


def revoke_token(session: Session, actor: User | None, token_id: int) -> ApiToken:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise AdminError([FieldError("token", f"there is no token {token_id}", "no_token")])
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.add(token)
        audit(session, actor, "token", token.id, "token_revoked", {"label": token.label})
    return token


def set_unit_names(session: Session, actor: User | None, name: str,
                   names: dict[str, str | None], review_required: bool | None = None) -> Unit:
    """Names in fi/sv/en for a unit (made if new); an empty name falls back to the key.

    `review_required` (when given) switches review before publishing for the unit's openings.
    """
    key = name.strip()
    for field, value in [("name", key), *((f"name_{language}", v) for language, v in names.items())]:
        if value and (problem := control_problem(value)):
            raise AdminError([FieldError(field, problem, "control")])
    if not key or len(key) > MAX_UNIT_NAME or not has_visible(key):
        raise AdminError([FieldError("name", "is required", "missing")])
    for language, value in names.items():
        if value and len(value) > MAX_UNIT_NAME:
            raise AdminError([FieldError(f"name_{language}", "is too long", "string_too_long",
                                         {"max_length": MAX_UNIT_NAME})])
    unit = UnitCache(session).get_or_create(key)
    changes = {}
    for language, value in names.items():
        column = f"name_{language}"
        cleaned = (value or "").strip() or None
        if getattr(unit, column) != cleaned:
            changes[column] = [getattr(unit, column), cleaned]
            setattr(unit, column, cleaned)
    if review_required is not None and unit.review_required != review_required:
        changes["review_required"] = [unit.review_required, review_required]
        unit.review_required = review_required
    if changes:
        session.add(unit)
        audit(session, actor, "unit", unit.id, "unit_names", changes)
    return unit


@dataclass(frozen=True, slots=True)
class AuditFilters:
    opening: int | None = None
    person: str = ""
    day_from: date | None = None
    day_to: date | None = None
    page: int = 1


def audit_entries(session: Session, filters: AuditFilters) -> tuple[list[AuditEntry], int]:
    query = select(AuditEntry)
    if filters.opening:
        query = query.where(AuditEntry.entity == "opportunity", AuditEntry.entity_id == filters.opening)
    if filters.person:
        query = query.where(func.lower(AuditEntry.actor_label).contains(filters.person.lower()))
    if filters.day_from:
        query = query.where(AuditEntry.created_at >= utc_of_city_midnight(filters.day_from))
    if filters.day_to:
        query = query.where(AuditEntry.created_at < utc_of_city_midnight(filters.day_to + timedelta(days=1)))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    rows = session.exec(query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
                        .offset((filters.page - 1) * AUDIT_PAGE).limit(AUDIT_PAGE)).all()
    return list(rows), total


def utc_of_city_midnight(day: date) -> datetime:
    """The start of an Espoo day in UTC, as the log keeps its times."""
    return datetime.combine(day, time.min, tzinfo=CITY_TZ).astimezone(UTC)
