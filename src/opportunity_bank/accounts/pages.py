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
from litestar.status_codes import HTTP_401_UNAUTHORIZED, HTTP_429_TOO_MANY_REQUESTS
from sqlmodel import Session

from opportunity_bank.accounts import throttle
from opportunity_bank.accounts.identity import client_ip
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.accounts.sessions import (
    csrf_cookie_name,
    device_cookie_name,
    end_session,
    purge_expired,
    session_cookie_name,
    start_session,
)
from opportunity_bank.accounts.users import find_user, hasher
from opportunity_bank.settings import Settings
from opportunity_bank.web.csrf import require_csrf
from opportunity_bank.web.params import SMALL_BODY
from opportunity_bank.web.services import ServicesDep

AFTER_LOGIN = "/my/"


@functools.cache
def dummy_hash() -> str:
    """Verified when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.

    Made on first use: hashing costs 64 MB and a quarter second, which importing must not.
    """
    return hasher.hash("not-a-password-of-anyone")

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]


def safe_next(value: object) -> str:
    """Only a path on this site: `//evil.example` or `/\\evil` would leave it."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return AFTER_LOGIN


def session_cookie(settings: Settings, value: str, *, clear: bool = False) -> Cookie:
    return Cookie(
        key=session_cookie_name(settings), value=value, path="/", domain=None,
        secure=settings.production, httponly=True, samesite="lax",
        max_age=0 if clear else None,
    )


def password_matches(password_hash: str | None, password: str) -> bool:
    try:
        return hasher.verify(password_hash or dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def login_page(email: str = "", next_path: str = AFTER_LOGIN, error: str | None = None,
               status_code: int = 200, headers: dict[str, str] | None = None) -> Template:
    return Template(
        template_name="accounts/login.html",
        context={"email": email, "next": next_path, "error": error},
        status_code=status_code, headers=headers,
    )


@get("/login", name="login", sync_to_thread=False, include_in_schema=False)
def login_form(next: FromQuery[str] = AFTER_LOGIN) -> Template:
    return login_page(next_path=safe_next(next))


@post("/login", name="login-submit", sync_to_thread=True, include_in_schema=False,
      guards=[require_csrf], request_max_body_size=SMALL_BODY)
def login_submit(request: Request, data: FormData, services: ServicesDep) -> Template | Redirect:
    email = str(data.get("email", "")).strip().lower()[:254]
    password = str(data.get("password", ""))[:1024]
    next_path = safe_next(data.get("next"))
    ip = client_ip(request)
    settings = services.settings
    device = throttle.device_token(settings.resolved_secret_key(), email)
    known_device = hmac.compare_digest(request.cookies.get(device_cookie_name(settings), ""), device)
    with Session(services.db, expire_on_commit=False) as session:
        claim = throttle.claim_attempt(session, email, ip, device if known_device else None)
        if not claim.allowed:
            security_event("login_throttled", level=logging.WARNING, email=email, ip=ip)
            return login_page(email, next_path, "too_many", HTTP_429_TOO_MANY_REQUESTS,
                              {"Retry-After": str(claim.wait)})
        user = find_user(session, email) if email else None
        if not password_matches(user.password_hash if user else None, password) or not user.is_active:
            security_event("login_failed", level=logging.WARNING, email=email, ip=ip,
                           known_user=user is not None)
            return login_page(email, next_path, "wrong", HTTP_401_UNAUTHORIZED)
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
    security_event("login", user_id=user.id, email=email, ip=ip)
    return Redirect(next_path, status_code=303, cookies=[
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
    session_id = request.cookies.get(session_cookie_name(services.settings))
    if session_id:
        with Session(services.db) as session:
            end_session(session, session_id)
            session.commit()
        security_event("logout", ip=client_ip(request))
    return Redirect("/login", status_code=303,
                    cookies=[session_cookie(services.settings, "", clear=True)])
