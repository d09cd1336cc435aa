"""Security headers on every response (and the CSRF cookie of a form that needed one)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

from opportunity_bank.accounts.sessions import session_cookie_name
from opportunity_bank.settings import Settings
from opportunity_bank.web.csrf import nonce_cookie

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
        cookie = nonce_cookie(scope, settings)
        if cookie is not None:
            headers.add("set-cookie", cookie.to_header(header="").strip())
        signed_in = scope.get("state", {}).get("user") is not None
        # What a person signed in (or holding a token) sees may be theirs alone, whatever the
        # route says about caching; and no cache may hand one person's cookie to the next.
        request_headers = MutableScopeHeaders(scope)
        personal = (signed_in or "authorization" in request_headers
                    or session_cookie in request_headers.get("cookie", ""))
        if personal or "set-cookie" in headers:
            headers["cache-control"] = "no-store"

    return add_headers
