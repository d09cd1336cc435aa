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
    """A user not added; `field` and `code` let a page say why in the reader's language."""

    def __init__(self, message: str, field: str = "email", code: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.code = code


def add_user(session: Session, email: str, role: str, password: str, unit_name: str | None) -> User:
    email = email.strip().lower()
    if not EMAIL_RE.match(email):
        raise UserError(f"{email!r} is not an e-mail address", "email", "email")
    if role not in {r.value for r in Role}:
        raise UserError(f"role must be one of {', '.join(r.value for r in Role)}", "role", "choice")
    if role == Role.SUPERVISOR and not unit_name:
        raise UserError("a supervisor belongs to a unit: give --unit NAME", "unit", "missing")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters",
                        "password", "password")
    if session.exec(select(User).where(User.email == email)).first():
        raise UserError(f"{email} already exists", "email", "email_taken")
    unit: Unit | None = UnitCache(session).get_or_create(unit_name) if unit_name else None
    user = User(email=email, role=role, password_hash=hasher.hash(password),
                unit_id=unit.id if unit else None)
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip().lower())).first()
