"""Creating users: local ones with Argon2-hashed passwords, staff from the city's identity provider."""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from opportunity_bank.accounts.claims import SignInRefused, StaffClaims
from opportunity_bank.models import ApiToken, OidcIdentity, Unit, User, WebSession, utcnow
from opportunity_bank.models.enums import Role
from opportunity_bank.opportunities.schemas import EMAIL_RE
from opportunity_bank.opportunities.service import UnitCache
from opportunity_bank.opportunities.text import control_problem

MIN_PASSWORD_LENGTH = 12
hasher = PasswordHasher()


class UserError(ValueError):
    """A user not added; `field` and `code` let a page say why in the reader's language."""

    def __init__(self, message: str, field: str = "email", code: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.code = code


def password_problem(password: str) -> tuple[str, str] | None:
    """Why a password cannot be set (its code and message), or None: too short, or with
    characters nobody can type (control characters; U+FFFD, left of bytes that were not UTF-8)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "password", f"the password must be at least {MIN_PASSWORD_LENGTH} characters"
    if control_problem(password) or "\ufffd" in password:
        return "control", "the password must not contain control characters or broken text"
    return None


def add_user(session: Session, email: str, role: str, password: str, unit_name: str | None) -> User:
    email = email.strip().lower()
    if not EMAIL_RE.match(email):
        raise UserError(f"{email!r} is not an e-mail address", "email", "email")
    if role not in {r.value for r in Role}:
        raise UserError(f"role must be one of {', '.join(r.value for r in Role)}", "role", "choice")
    if role == Role.SUPERVISOR and not unit_name:
        raise UserError("a supervisor belongs to a unit: give --unit NAME", "unit", "missing")
    if problem := password_problem(password):
        raise UserError(problem[1], "password", problem[0])
    taken = UserError(f"{email} already exists", "email", "email_taken")
    if find_user(session, email):
        raise taken
    unit: Unit | None = UnitCache(session).get_or_create(unit_name) if unit_name else None
    user = User(email=email, role=role, password_hash=hasher.hash(password),
                unit_id=unit.id if unit else None)
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        # Added by someone else since the check (a double-click on the form).
        session.rollback()
        if find_user(session, email):
            raise taken from None
        raise
    return user


def find_user(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def identity_user(session: Session, issuer: str, subject: str) -> User | None:
    return session.exec(
        select(User).join(OidcIdentity, OidcIdentity.user_id == User.id)
        .where(OidcIdentity.issuer == issuer, OidcIdentity.subject == subject)
    ).first()


def user_from_claims(session: Session, staff: StaffClaims) -> tuple[User, dict[str, tuple]]:
    """The user of this provider identity, made on first sign-in, with role, unit and e-mail
    brought up to date from the claims. Returns the user and what changed (field: (old, new)).

    A unit claim that is absent keeps the unit an admin gave; a role always follows the claims.
    """
    user = identity_user(session, staff.issuer, staff.subject)
    holder = find_user(session, staff.email)
    if holder is not None and (user is None or holder.id != user.id):
        # Not linked by e-mail: an address is not proof of being the same person.
        raise SignInRefused("email_taken", f"{staff.email} belongs to user {holder.id}, "
                                           f"not to {staff.issuer} {staff.subject}")
    unit_id = UnitCache(session).get_or_create(staff.unit).id if staff.unit else None
    if user is None:
        # No password: password_matches() refuses an empty hash.
        user = User(email=staff.email, role=staff.role, password_hash="", unit_id=unit_id)
        session.add(user)
        session.flush()
        session.add(OidcIdentity(user_id=user.id, issuer=staff.issuer, subject=staff.subject))
        return user, {"created": (None, staff.role)}
    if not user.is_active:
        raise SignInRefused("disabled", f"user {user.id} is disabled here")
    wanted = {"role": staff.role, "email": staff.email, "unit_id": unit_id or user.unit_id}
    changes = {name: (getattr(user, name), value) for name, value in wanted.items()
               if getattr(user, name) != value}
    for name, (_old, new) in changes.items():
        setattr(user, name, new)
    session.add(user)
    session.exec(update(OidcIdentity).where(OidcIdentity.user_id == user.id)
                 .values(last_login_at=utcnow()))
    return user, changes


def withdraw_access(session: Session, user: User) -> None:
    """The provider no longer gives this person a role here: their sessions and API tokens end."""
    session.exec(delete(WebSession).where(WebSession.user_id == user.id))
    session.exec(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                 .values(revoked_at=utcnow()))
