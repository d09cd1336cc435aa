"""CSRF protection: a token bound to the browser's session, checked by a guard.

Signed in, the token is an HMAC of the session id: nothing extra is stored, the new session
made at sign-in brings a new token, and a token seen in one session is worth nothing in
another. Before sign-in (the login form) the token is an HMAC of a random nonce kept in a
cookie; that cookie is set only when a page renders a form, so students' pages set none.

The check is a guard, not a middleware: guards run after the route's sign-in guard and before
Litestar reads the body, so an anonymous request is refused unread, and a form is read only
within its handler's `request_max_body_size`. A streamed upload carries its token inside the
multipart body; its handler asks `streamed_field_refused` once it has streamed.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from markupsafe import Markup, escape

from opportunity_bank.accounts.identity import bearer_token, client_ip, identify
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.accounts.sessions import csrf_cookie_name, session_cookie_name

FIELD = "_csrf_token"
HEADER = "x-csrftoken"  # the name Litestar used; API clients already send it
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
REFUSED = "CSRF token verification failed"
# The route reads the token from its own streamed body (see the module docstring).
STREAMED = "csrf_in_stream"
NONCE_STATE = "csrf_new_nonce"
NONCE_LENGTH = 43  # secrets.token_urlsafe(32)


def signed(secret: str, purpose: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def _settings(connection: ASGIConnection):
    return connection.app.state.services.settings


def session_id_in_use(connection: ASGIConnection) -> str | None:
    """The session id the request is signed in with; None for bearer tokens and anonymous requests."""
    if bearer_token(connection) or identify(connection) is None:
        return None
    return connection.cookies.get(session_cookie_name(_settings(connection)))


def valid_nonce(value: str | None) -> bool:
    return bool(value) and len(value) == NONCE_LENGTH and value.replace("-", "").replace("_", "").isalnum()


def expected_token(connection: ASGIConnection, *, create: bool) -> str | None:
    """The token this request must carry; `create` makes a nonce (and its cookie) if none exists."""
    secret = _settings(connection).resolved_secret_key()
    session_id = session_id_in_use(connection)
    if session_id:
        return signed(secret, "session", session_id)
    state = connection.scope.setdefault("state", {})
    nonce = state.get(NONCE_STATE) or connection.cookies.get(csrf_cookie_name(_settings(connection)))
    if not valid_nonce(nonce):
        if not create:
            return None
        nonce = state[NONCE_STATE] = secrets.token_urlsafe(32)
    return signed(secret, "anonymous", nonce)


def field_matches(connection: ASGIConnection, submitted: str | None) -> bool:
    expected = expected_token(connection, create=False)
    return bool(expected and submitted) and hmac.compare_digest(expected, str(submitted))


def refuse(connection: ASGIConnection) -> None:
    security_event("csrf_refused", level=logging.WARNING, path=connection.url.path,
                   method=connection.method, ip=client_ip(connection))
    raise PermissionDeniedException(REFUSED)


def exempt(connection: ASGIConnection) -> bool:
    """A bearer token is not ambient (browsers never add it by themselves); an API request
    that is not signed in through a session holds no authority a forged request could borrow."""
    if connection.method in SAFE_METHODS or bearer_token(connection):
        return True
    return connection.url.path.startswith("/api/") and session_id_in_use(connection) is None


async def require_csrf(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """Guard for every route that changes something; list it after the route's sign-in guard."""
    # A route may opt out by declaration (RFC 8058 one-click unsubscribe is posted by mail
    # clients, which hold no token); Litestar's own `exclude_from_csrf` keeps its meaning.
    if exempt(connection) or handler.opt.get("exclude_from_csrf"):
        return
    submitted = connection.headers.get(HEADER)
    if submitted is None:
        if handler.opt.get(STREAMED):
            return  # the handler calls check_streamed_field
        form = await connection.form()  # type: ignore[attr-defined]
        submitted = form.get(FIELD)
    if not field_matches(connection, submitted):
        refuse(connection)


def streamed_field_refused(connection: ASGIConnection, fields: dict[str, str]) -> bool:
    """For a STREAMED route, once its body is read: is the token in its form fields missing or wrong?"""
    if exempt(connection) or connection.headers.get(HEADER) is not None:
        return False  # nothing to check, or the guard checked the header
    return not field_matches(connection, fields.get(FIELD))


async def require_csrf_unless_listed(connection: ASGIConnection, handler: BaseRouteHandler) -> None:
    """App-wide guard, so no route that changes something goes unchecked.

    Routes behind a sign-in list `require_csrf` after that guard themselves (the body then
    waits for the sign-in); any other route is checked here.
    """
    if require_csrf not in handler.resolve_guards():
        await require_csrf(connection, handler)


class FormField:
    """The hidden form field, made only when a template renders it (so only then a cookie)."""

    def __init__(self, connection: ASGIConnection | None) -> None:
        self.connection = connection

    def __html__(self) -> str:
        if self.connection is None:
            return ""
        token = expected_token(self.connection, create=True)
        return Markup('<input type="hidden" name="{}" value="{}">').format(FIELD, escape(token))

    __str__ = __html__


def nonce_cookie(scope, settings) -> Cookie | None:
    """The cookie for a nonce a form made during this request, if it made one."""
    nonce = scope.get("state", {}).get(NONCE_STATE)
    if not nonce:
        return None
    return Cookie(key=csrf_cookie_name(settings), value=nonce, path="/", domain=None,
                  secure=settings.production, httponly=True, samesite="lax")
