"""Who is asking: resolved once per request from a bearer token (or, for pages, a session).

Guards deny by default: a handler is open only when it carries no guard at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from sqlmodel import Session

from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.accounts.sessions import session_cookie_name, user_for_session
from opportunity_bank.accounts.tokens import user_for_token
from opportunity_bank.models import User
from opportunity_bank.models.enums import Role
from opportunity_bank.web.i18n import negotiate_language

_UNSET = object()
EDITOR_ROLES = (Role.SUPERVISOR, Role.HR, Role.ADMIN)
REPORT_ROLES = (Role.HR, Role.ADMIN)


def bearer_token(connection: ASGIConnection) -> str | None:
    header = connection.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def client_ip(connection: ASGIConnection) -> str:
    return connection.client.host if connection.client else "unknown"


def identify(connection: ASGIConnection) -> User | None:
    """The signed-in user or None: a bearer token first, then the session cookie.

    Cached on the connection's state, which the security headers also read.
    """
    cached = connection.scope.get("state", {}).get("user", _UNSET)
    if cached is not _UNSET:
        return cached
    services = connection.app.state.services
    user = None
    token = bearer_token(connection)
    with Session(services.db, expire_on_commit=False) as session:
        if token:
            user = user_for_token(session, token)
            if user is None:
                security_event("token_rejected", level=logging.WARNING, ip=client_ip(connection),
                               path=connection.url.path)
            else:
                security_event("token_used", user_id=user.id, ip=client_ip(connection),
                               path=connection.url.path)
        else:
            session_id = connection.cookies.get(session_cookie_name(services.settings))
            if session_id:
                user = user_for_session(session, session_id,
                                        language=negotiate_language(connection))
    connection.scope.setdefault("state", {})["user"] = user
    return user


def require_roles(*roles: Role) -> Callable[[ASGIConnection, BaseRouteHandler], None]:
    allowed = {str(r) for r in roles}

    def guard(connection: ASGIConnection, _handler: BaseRouteHandler) -> None:
        user = identify(connection)
        if user is None:
            raise NotAuthorizedException("sign in or send an API token")
        if user.role not in allowed:
            security_event("permission_denied", level=logging.WARNING, user_id=user.id,
                           role=user.role, path=connection.url.path, method=connection.method)
            raise PermissionDeniedException("your role may not do this")

    guard.__name__ = f"require_{'_or_'.join(sorted(allowed))}"
    return guard


require_editor = require_roles(*EDITOR_ROLES)
require_reports = require_roles(*REPORT_ROLES)
require_admin = require_roles(Role.ADMIN)
