"""Sign-in and sign-out pages."""

from __future__ import annotations

import functools
import hmac
import logging
from typing import Annotated, Any

from argon2.exceptions import InvalidHashError, VerificationError
from litestar import Request, get, post
from litestar.datastructures import Cookie
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_401_UNAUTHORIZED, HTTP_403_FORBIDDEN, HTTP_429_TOO_MANY_REQUESTS
from sqlmodel import Session, select

from opportunity_bank.accounts import throttle
from opportunity_bank.accounts.identity import client_ip
from opportunity_bank.accounts.oidc import provider_of
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.accounts.sessions import (
    csrf_cookie_name,
    device_cookie_name,
    end_session,
    purge_expired,
    session_cookie_name,
    start_session,
    user_for_session,
)
from opportunity_bank.accounts.users import find_user, hasher
from opportunity_bank.models import OidcIdentity, Role
from opportunity_bank.settings import Settings
from opportunity_bank.web.csrf import require_csrf
from opportunity_bank.web.params import SMALL_BODY
from opportunity_bank.web.services import ServicesDep

# The page of each role's work.
LANDINGS = {Role.SUPERVISOR: "my-openings", Role.HR: "hr-report", Role.ADMIN: "admin-users"}


def landing(role: str) -> str:
    """The route of a role's work: the first page after signing in without a `next`."""
    return LANDINGS.get(role, "my-openings")


@functools.cache
def dummy_hash() -> str:
    """Verified when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.

    Made on first use: hashing costs 64 MB and a quarter second, which importing must not.
    """
    return hasher.hash("not-a-password-of-anyone")

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]


def safe_next(value: object, default: str = "") -> str:
    """Only a path on this site: `//evil.example` or `/\\evil` would leave it.

    Without a default, the empty answer means "where this person's role works" (`landing`).
    """
    if (isinstance(value, str) and value.startswith("/") and not value.startswith(("//", "/\\"))
            and not any(ord(ch) < 32 for ch in value)):
        return value
    return default


def session_cookie(settings: Settings, value: str, *, clear: bool = False) -> Cookie:
    return Cookie(
        key=session_cookie_name(settings), value=value, path="/", domain=None,
        secure=settings.production, httponly=True, samesite="lax",
        max_age=0 if clear else None,
    )


def password_matches(password_hash: str | None, password: str) -> bool:
    """Accounts from the identity provider have an empty hash: no password ever matches it."""
    try:
        return hasher.verify(password_hash or dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def login_page(settings: Settings, email: str = "", next_path: str = "", error: str | None = None,
               status_code: int = 200, headers: dict[str, str] | None = None) -> Template:
    return Template(
        template_name="accounts/login.html",
        context={"email": email, "next": next_path, "error": error,
                 "oidc": settings.oidc_enabled, "password_login": settings.password_login},
        status_code=status_code, headers=headers,
    )


@get("/login", name="login", sync_to_thread=False, include_in_schema=False)
def login_form(services: ServicesDep, next: FromQuery[str] = "") -> Template:
    return login_page(services.settings, next_path=safe_next(next))


@post("/login", name="login-submit", sync_to_thread=True, include_in_schema=False,
      guards=[require_csrf], request_max_body_size=SMALL_BODY)
def login_submit(request: Request, data: FormData, services: ServicesDep) -> Template | Redirect:
    email = str(data.get("email", "")).strip().lower()[:254]
    password = str(data.get("password", ""))[:1024]
    next_path = safe_next(data.get("next"))
    ip = client_ip(request)
    settings = services.settings
    if not settings.password_login:
        security_event("login_refused", level=logging.WARNING, email=email, ip=ip,
                       reason="password sign-in is off")
        return login_page(settings, email, next_path, "password_off", HTTP_403_FORBIDDEN)
    device = throttle.device_token(settings.resolved_secret_key(), email)
    known_device = hmac.compare_digest(request.cookies.get(device_cookie_name(settings), ""), device)
    with Session(services.db, expire_on_commit=False) as session:
        claim = throttle.claim_attempt(session, email, ip, device if known_device else None)
        if not claim.allowed:
            security_event("login_throttled", level=logging.WARNING, email=email, ip=ip)
            return login_page(settings, email, next_path, "too_many", HTTP_429_TOO_MANY_REQUESTS,
                              {"Retry-After": str(claim.wait)})
        user = find_user(session, email) if email else None
        if not password_matches(user.password_hash if user else None, password) or not user.is_active:
            security_event("login_failed", level=logging.WARNING, email=email, ip=ip,
                           known_user=user is not None)
            return login_page(settings, email, next_path, "wrong", HTTP_401_UNAUTHORIZED)
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hasher.hash(password)
            session.add(user)
        old = request.cookies.get(session_cookie_name(settings))
        if old:
            end_session(session, old)
        throttle.signed_in(session, email, device)
        throttle.purge_old(session)
        purge_expired(session)
        session_id = start_session(session, user)
        session.commit()
    security_event("login", user_id=user.id, email=email, ip=ip, method="password")
    return Redirect(next_path or request.app.route_reverse(landing(user.role)), status_code=303, cookies=[
        session_cookie(settings, session_id),
        # The sign-in form's nonce is spent: signed in, the token is bound to the session.
        Cookie(key=csrf_cookie_name(settings), value="", path="/", secure=settings.production,
               httponly=True, samesite="lax", max_age=0),
        Cookie(key=device_cookie_name(settings), value=device, path="/login",
               secure=settings.production, httponly=True, samesite="lax",
               max_age=throttle.DEVICE_COOKIE_DAYS * 24 * 3600),
    ])


@post("/logout", name="logout", sync_to_thread=True, include_in_schema=False,
      guards=[require_csrf], request_max_body_size=SMALL_BODY)
def logout(request: Request, services: ServicesDep) -> Redirect:
    """Ends the session here and, for someone who came through the provider, there too."""
    settings = services.settings
    session_id = request.cookies.get(session_cookie_name(settings))
    after = request.app.route_reverse("login")
    if session_id:
        with Session(services.db, expire_on_commit=False) as session:
            user = user_for_session(session, session_id)
            from_provider = user is not None and session.exec(
                select(OidcIdentity.id).where(OidcIdentity.user_id == user.id)).first() is not None
            end_session(session, session_id)
            session.commit()
        security_event("logout", user_id=user.id if user else None, ip=client_ip(request))
        if from_provider and settings.oidc_enabled:
            after = provider_of(request.app).logout_url(f"{settings.public_url}{after}") or after
    return Redirect(after, status_code=303, cookies=[session_cookie(settings, "", clear=True)])
