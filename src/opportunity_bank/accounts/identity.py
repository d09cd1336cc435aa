"""Who is asking: resolved once per request from a bearer token (or, for pages, a session).

Guards deny by default: a handler is open only when it carries no guard at all.
"""

from __future__ import annotations

from collections.abc import Callable

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from sqlmodel import Session

from opportunity_bank.accounts.tokens import user_for_token
from opportunity_bank.models import User
from opportunity_bank.models.enums import Role

_UNSET = object()
EDITOR_ROLES = (Role.SUPERVISOR, Role.HR, Role.ADMIN)
REPORT_ROLES = (Role.HR, Role.ADMIN)


def bearer_token(connection: ASGIConnection) -> str | None:
    header = connection.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def identify(connection: ASGIConnection) -> User | None:
    """The signed-in user or None; cached on the connection's state."""
    cached = connection.scope.get("state", {}).get("user", _UNSET)
    if cached is not _UNSET:
        return cached
    services = connection.app.state.services
    user = None
    token = bearer_token(connection)
    if token:
        with Session(services.db, expire_on_commit=False) as session:
            user = user_for_token(session, token)
    connection.scope.setdefault("state", {})["user"] = user
    return user


def require_roles(*roles: Role) -> Callable[[ASGIConnection, BaseRouteHandler], None]:
    allowed = {str(r) for r in roles}

    def guard(connection: ASGIConnection, _handler: BaseRouteHandler) -> None:
        user = identify(connection)
        if user is None:
            raise NotAuthorizedException("sign in or send an API token")
        if user.role not in allowed:
            raise PermissionDeniedException("your role may not do this")

    guard.__name__ = f"require_{'_or_'.join(sorted(allowed))}"
    return guard


require_editor = require_roles(*EDITOR_ROLES)
require_reports = require_roles(*REPORT_ROLES)
require_admin = require_roles(Role.ADMIN)
