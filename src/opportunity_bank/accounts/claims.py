"""What an ID token's claims mean here: who the person is, their role and their unit.

Pure rules; the token itself is verified by Authlib and joserfc before these see it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from opportunity_bank.opportunities.schemas import EMAIL_RE

# A person with several app roles gets the widest one.
ROLE_RANK = ("supervisor", "hr", "admin")


class SignInRefused(Exception):
    """A sign-in that gives no session: `reason` picks what the person reads, `detail` is logged."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class StaffClaims:
    issuer: str
    subject: str
    email: str
    role: str
    unit: str | None
    app_roles: tuple[str, ...]


def app_roles(claims: Mapping[str, object]) -> tuple[str, ...]:
    value = claims.get("roles")
    if isinstance(value, str):
        value = [value]
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def mapped_role(roles: tuple[str, ...], role_map: tuple[tuple[str, str], ...]) -> str | None:
    """Our role for the app roles in the token, compared case-insensitively; None if none maps."""
    mapping = dict(role_map)
    ours = {mapping[r.casefold()] for r in roles if r.casefold() in mapping}
    return max(ours, key=ROLE_RANK.index) if ours else None


def subject_of(claims: Mapping[str, object]) -> str:
    """Entra's `oid` names the person in the tenant whatever the app; `sub` differs per app."""
    oid = claims.get("oid")
    return oid if isinstance(oid, str) and oid else str(claims["sub"])


def email_of(claims: Mapping[str, object]) -> str | None:
    # Entra sends `email` only when the account has a mailbox address; the UPN is the fallback.
    for name in ("email", "preferred_username", "upn"):
        value = claims.get(name)
        if isinstance(value, str) and EMAIL_RE.match(value.strip().lower()):
            return value.strip().lower()[:254]
    return None


def unit_of(claims: Mapping[str, object], unit_claim: str | None) -> str | None:
    if not unit_claim:
        return None
    value = claims.get(unit_claim)
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return value.strip()[:200] or None


def read_claims(claims: Mapping[str, object], role_map: tuple[tuple[str, str], ...],
                unit_claim: str | None) -> StaffClaims:
    roles = app_roles(claims)
    role = mapped_role(roles, role_map)
    if role is None:
        raise SignInRefused("no_role", f"app roles {list(roles)} map to no role here")
    email = email_of(claims)
    if email is None:
        raise SignInRefused("no_email", "the token has no e-mail address (email, preferred_username)")
    return StaffClaims(issuer=str(claims["iss"]), subject=subject_of(claims), email=email, role=role,
                       unit=unit_of(claims, unit_claim), app_roles=roles)
