"""Security headers on every response and CSRF protection on every form."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from litestar.config.csrf import CSRFConfig
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import PermissionDeniedException
from litestar.middleware import DefineMiddleware
from litestar.middleware.csrf import CSRFMiddleware
from litestar.types import Message, Receive, Scope, Send

from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.accounts.sessions import csrf_cookie_name, session_cookie_name
from opportunity_bank.settings import Settings

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
BASE_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    # No page of ours uses these; a script slipped in could not either.
    "permissions-policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                          "microphone=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
CSRF_FAILED = "CSRF token verification failed"  # Litestar's message for a refused token
HSTS = "max-age=63072000; includeSubDomains"


def content_security_policy(settings: Settings) -> str:
    """Signing out submits a form whose answer redirects to the provider's sign-out page, and
    browsers hold form redirects to form-action too."""
    if not settings.oidc_issuer:
        return CONTENT_SECURITY_POLICY
    issuer = urlsplit(settings.oidc_issuer)
    return CONTENT_SECURITY_POLICY.replace("form-action 'self'",
                                           f"form-action 'self' {issuer.scheme}://{issuer.netloc}")


def response_headers(settings: Settings) -> dict[str, str]:
    headers = {**BASE_HEADERS, "content-security-policy": content_security_policy(settings)}
    if settings.production:
        # Only behind HTTPS: HSTS on a plain-HTTP development server would lock browsers out.
        headers["strict-transport-security"] = HSTS
    return headers


def security_headers_hook(settings: Settings) -> Callable[[Message, Scope], Awaitable[None]]:
    """A before_send hook: it sees every response, error answers included."""
    defaults = response_headers(settings)
    session_cookie = f"{session_cookie_name(settings)}="

    async def add_headers(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        for name, value in defaults.items():
            # A handler may set a stricter value (attachments use a sandbox CSP).
            if name not in headers:
                headers[name] = value
        signed_in = scope.get("state", {}).get("user") is not None
        # What a person signed in (or holding a token) sees may be theirs alone, whatever the
        # route says about caching; and no cache may hand one person's cookie to the next.
        request_headers = MutableScopeHeaders(scope)
        personal = (signed_in or "authorization" in request_headers
                    or session_cookie in request_headers.get("cookie", ""))
        if personal or "set-cookie" in headers:
            headers["cache-control"] = "no-store"

    return add_headers


class TokenAwareCSRFMiddleware(CSRFMiddleware):
    """Litestar's double-submit CSRF check, skipped only where no cookie can be forged.

    A request with a bearer token is not a browser acting on its own (browsers never add
    that header by themselves), and an API request without a session cookie is anonymous:
    its guard answers 401. The login form stays protected: anonymous pages get a token too.
    """

    def __init__(self, app, config: CSRFConfig, session_cookie: str) -> None:
        super().__init__(app, config)
        self.session_cookie = session_cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self._cannot_be_forged(scope):
            await self.app(scope, receive, send)
            return
        try:
            await super().__call__(scope, receive, send)
        except PermissionDeniedException as refusal:
            if refusal.detail == CSRF_FAILED:
                client = scope.get("client") or ("unknown",)
                security_event("csrf_refused", level=logging.WARNING, path=scope["path"],
                               method=scope["method"], ip=client[0])
            raise

    def _cannot_be_forged(self, scope: Scope) -> bool:
        headers = MutableScopeHeaders(scope)
        if headers.get("authorization", "").lower().startswith("bearer "):
            return True
        cookies = headers.get("cookie", "")
        return scope["path"].startswith("/api/") and f"{self.session_cookie}=" not in cookies


def csrf_config(settings: Settings) -> CSRFConfig:
    return CSRFConfig(
        secret=settings.resolved_secret_key(),
        cookie_name=csrf_cookie_name(settings),
        cookie_secure=settings.production,
        cookie_httponly=True,
        cookie_samesite="lax",
    )


def csrf_middleware(settings: Settings) -> DefineMiddleware:
    return DefineMiddleware(TokenAwareCSRFMiddleware, config=csrf_config(settings),
                            session_cookie=session_cookie_name(settings))
