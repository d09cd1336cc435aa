"""Signing in with the city's account: `/auth/oidc/login` -> provider -> `/auth/oidc/callback`.

A refused sign-in answers with a page in the person's language that says why in plain words;
the technical detail goes to the security log only.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import timedelta

from litestar import Request, get
from litestar.datastructures import Cookie
from litestar.exceptions import NotFoundException
from litestar.params import FromQuery
from litestar.response import Redirect, Template
from sqlalchemy import delete, func
from sqlmodel import Session, select

from opportunity_bank.accounts.claims import SignInRefused, app_roles, read_claims, subject_of
from opportunity_bank.accounts.identity import client_ip
from opportunity_bank.accounts.oidc import provider_of
from opportunity_bank.accounts.pages import landing, safe_next, session_cookie
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.accounts.sessions import (
    aware,
    end_session,
    purge_expired,
    session_cookie_name,
    start_session,
)
from opportunity_bank.accounts.users import identity_user, user_from_claims, withdraw_access
from opportunity_bank.models import OidcRequest, User, utcnow
from opportunity_bank.settings import Settings
from opportunity_bank.web.i18n import negotiate_language
from opportunity_bank.web.services import ServicesDep

# Long enough to type a password and approve a second factor, short enough that a stolen
# browser cookie soon stops mattering.
REQUEST_LIFETIME = timedelta(minutes=10)
MAX_PARAM_LENGTH = 4096
MAX_NEXT_LENGTH = 2000  # OidcRequest.next_path
# Each start writes a row for ten minutes; a whole office may share one address at nine.
MAX_STARTS_PER_IP = 300
REFUSAL_STATUS = {"wrong_tenant": 403, "no_role": 403, "disabled": 403, "no_email": 403,
                  "email_taken": 409, "expired": 400, "invalid": 400, "cancelled": 400,
                  "unavailable": 503, "too_many": 429}


def request_cookie_name(settings: Settings) -> str:
    return "__Host-ob_oidc" if settings.production else "ob_oidc"


def request_cookie(settings: Settings, value: str, *, clear: bool = False) -> Cookie:
    # Lax: the provider sends the browser back with a top-level GET, which Lax cookies survive.
    return Cookie(key=request_cookie_name(settings), value=value, path="/", domain=None,
                  secure=settings.production, httponly=True, samesite="lax",
                  max_age=0 if clear else int(REQUEST_LIFETIME.total_seconds()))


def browser_hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def take_request(session: Session, browser: str | None, state: str | None) -> OidcRequest | None:
    """The request this browser started with this state, removed so it can finish only once."""
    if not browser or not state or len(browser) > 100 or len(state) > 128:
        return None
    pending = session.exec(select(OidcRequest).where(OidcRequest.browser_hash == browser_hash(browser),
                                                     OidcRequest.state == state)).first()
    if pending is not None:
        session.delete(pending)
        session.commit()
    return pending


def refused(request: Request, refusal: SignInRefused) -> Template:
    """The refusal page; whoever was signed in in this browser before is not any more."""
    security_event("oidc_refused", level=logging.WARNING, reason=refusal.reason, detail=refusal.detail,
                   ip=client_ip(request))
    services = request.app.state.services
    settings = services.settings
    earlier = request.cookies.get(session_cookie_name(settings))
    if earlier:
        with Session(services.db) as session:
            end_session(session, earlier)
            session.commit()
    return Template(template_name="accounts/refused.html", context={"reason": refusal.reason},
                    status_code=REFUSAL_STATUS.get(refusal.reason, 400),
                    cookies=[session_cookie(settings, "", clear=True),
                             request_cookie(settings, "", clear=True)])


@get("/auth/oidc/login", name="oidc-login", sync_to_thread=True, include_in_schema=False)
def oidc_login(request: Request, services: ServicesDep, next: FromQuery[str] = "") -> Template | Redirect:
    settings = services.settings
    if not settings.oidc_enabled:
        raise NotFoundException()
    ip = client_ip(request)[:64]
    browser = secrets.token_urlsafe(32)
    with Session(services.db) as session:
        session.exec(delete(OidcRequest).where(OidcRequest.created_at < utcnow() - REQUEST_LIFETIME))
        started = session.exec(select(func.count()).where(OidcRequest.client_ip == ip)).one()
        try:
            if started >= MAX_STARTS_PER_IP:
                raise SignInRefused("too_many", f"{started} sign-ins under way from this address")
            authorization = provider_of(request.app).authorization_request(negotiate_language(request))
        except SignInRefused as refusal:
            session.commit()
            return refused(request, refusal)
        session.add(OidcRequest(browser_hash=browser_hash(browser), state=authorization.state,
                                nonce=authorization.nonce, code_verifier=authorization.code_verifier,
                                next_path=safe_next(next) if len(next) <= MAX_NEXT_LENGTH else "",
                                client_ip=ip))
        session.commit()
    return Redirect(authorization.url, status_code=303, cookies=[request_cookie(settings, browser)])


def signed_in_user(session: Session, settings: Settings, claims: dict) -> tuple[User, dict]:
    try:
        staff = read_claims(claims, settings.oidc_roles, settings.oidc_unit_claim)
    except SignInRefused as refusal:
        known = identity_user(session, str(claims["iss"]), subject_of(claims))
        if refusal.reason == "no_role" and known is not None:
            withdraw_access(session, known)
            session.commit()
            security_event("access_withdrawn", level=logging.WARNING, user_id=known.id,
                           old_role=known.role, reason="no mapped app role")
        raise
    return user_from_claims(session, staff)


@get("/auth/oidc/callback", name="oidc-callback", sync_to_thread=True, include_in_schema=False)
def oidc_callback(request: Request, services: ServicesDep) -> Template | Redirect:
    settings = services.settings
    if not settings.oidc_enabled:
        raise NotFoundException()
    ip = client_ip(request)
    # Read by hand: `state` is a name Litestar keeps for its own application state.
    query = request.query_params
    code, state, error = (query.get(name) or "" for name in ("code", "state", "error"))
    with Session(services.db, expire_on_commit=False) as session:
        pending = take_request(session, request.cookies.get(request_cookie_name(settings)), state)
        try:
            if error:
                description = query.get("error_description", "")[:300]
                raise SignInRefused("cancelled", f"provider answered {error[:100]}: {description}")
            if pending is None:
                raise SignInRefused("expired", "no sign-in under way for this browser and state")
            if utcnow() - aware(pending.created_at) > REQUEST_LIFETIME:
                raise SignInRefused("expired", "the sign-in was started over 10 minutes ago")
            if not code or len(code) > MAX_PARAM_LENGTH:
                raise SignInRefused("invalid", "the callback carries no usable code")
            if query.get("iss", settings.oidc_issuer) != settings.oidc_issuer:
                # RFC 9207: an answer that names another issuer is a mix-up attack.
                raise SignInRefused("invalid", f"the callback names issuer {query.get('iss')[:300]!r}")
            claims = provider_of(request.app).verified_claims(code, pending.code_verifier, pending.nonce)
            user, changes = signed_in_user(session, settings, claims)
            old = request.cookies.get(session_cookie_name(settings))
            if old:
                end_session(session, old)
            purge_expired(session)
            session_id = start_session(session, user)
            session.commit()
        except SignInRefused as refusal:
            session.rollback()
            return refused(request, refusal)
    for field, (old_value, new_value) in changes.items():
        if field == "created":
            security_event("oidc_user_created", user_id=user.id, role=new_value, issuer=claims["iss"],
                           subject=subject_of(claims))
        else:
            security_event(f"{field}_changed", user_id=user.id, old=old_value, new=new_value,
                           source="oidc")
    security_event("login", user_id=user.id, email=user.email, role=user.role, ip=ip, method="oidc",
                   app_roles=list(app_roles(claims)))
    return Redirect(pending.next_path or request.app.route_reverse(landing(user.role)), status_code=303,
                    cookies=[session_cookie(settings, session_id),
                             request_cookie(settings, "", clear=True)])


OIDC_ROUTES = [oidc_login, oidc_callback]
