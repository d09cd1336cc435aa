"""Creating users; passwords hashed with Argon2."""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlmodel import Session, select

from opportunity_bank.models import Unit, User
from opportunity_bank.models.enums import Role
from opportunity_bank.opportunities.schemas import EMAIL_RE
from opportunity_bank.opportunities.service import UnitCache

MIN_PASSWORD_LENGTH = 12
hasher = PasswordHasher()


class UserError(ValueError):
    pass


def add_user(session: Session, email: str, role: str, password: str, unit_name: str | None) -> User:
    email = email.strip().lower()
    if not EMAIL_RE.match(email):
        raise UserError(f"{email!r} is not an e-mail address")
    if role not in {r.value for r in Role}:
        raise UserError(f"role must be one of {', '.join(r.value for r in Role)}")
    if role == Role.SUPERVISOR and not unit_name:
        raise UserError("a supervisor belongs to a unit: give --unit NAME")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
    if session.exec(select(User).where(User.email == email)).first():
        raise UserError(f"{email} already exists")
    unit: Unit | None = UnitCache(session).get_or_create(unit_name) if unit_name else None
    user = User(email=email, role=role, password_hash=hasher.hash(password),
                unit_id=unit.id if unit else None)
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip().lower())).first()
