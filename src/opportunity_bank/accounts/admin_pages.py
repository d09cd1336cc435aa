"""The admin pages under /admin/: users, API tokens, units and the audit log (admin role only).

Controllers rather than functions: Litestar 2.25 wraps a sync handler in a thread twice when
a second function handler shares its path (see reports/pages.py).
"""

from __future__ import annotations

from datetime import date
from math import ceil
from typing import Any

from litestar import Controller, Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.params import URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_422_UNPROCESSABLE_ENTITY
from sqlmodel import Session, select

from opportunity_bank.accounts import admin
from opportunity_bank.accounts.identity import identify, require_admin
from opportunity_bank.accounts.users import UserError, add_user
from opportunity_bank.db import session_scope
from opportunity_bank.models import Unit, User
from opportunity_bank.models.enums import ROLES
from opportunity_bank.opportunities.messages import field_messages
from opportunity_bank.opportunities.schemas import FieldError
from opportunity_bank.web.csrf import require_csrf
from opportunity_bank.web.i18n import LANGUAGES, gettext_for, negotiate_language
from opportunity_bank.web.params import SMALL_BODY, RowId
from opportunity_bank.web.services import ServicesDep

Form = URLEncodedBody[dict[str, Any]]


def messages(request: Request, errors: list[FieldError]) -> dict[str, str]:
    return field_messages(errors, gettext_for(negotiate_language(request)))


def done(request: Request, route: str, what: str, **path_params: Any) -> Redirect:
    """Back to the page `route`, saying what was done."""
    return Redirect(request.app.route_reverse(route, **path_params), status_code=303,
                    query_params={"done": what})


def text(data: dict[str, Any], name: str, limit: int = 254) -> str:
    value = data.get(name, "")
    return (value[-1] if isinstance(value, list) else str(value or "")).strip()[:limit]


def parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()) if value else None
    except ValueError:
        return None


class UsersPage(Controller):
    path = "/admin/users"
    guards = (require_admin, require_csrf)
    request_max_body_size = SMALL_BODY
    include_in_schema = False

    @get(name="admin-users", sync_to_thread=True)
    def show(self, request: Request, services: ServicesDep) -> Template:
        return self.page(request, services)

    @post(name="admin-users-add", sync_to_thread=True)
    def add(self, request: Request, services: ServicesDep, data: Form) -> Response:
        values = {name: text(data, name) for name in ("email", "role", "unit")}
        try:
            with session_scope(services.db) as session:
                actor = identify(request)
                user = add_user(session, values["email"], values["role"],
                                str(data.get("password", ""))[:1024], values["unit"] or None)
                admin.audit(session, actor, "user", user.id, "user_added",
                            {"email": user.email, "role": user.role})
        except UserError as error:
            return self.page(request, services, values=values, status_code=HTTP_422_UNPROCESSABLE_ENTITY,
                             errors=messages(request, [FieldError(error.field, str(error), error.code)]))
        return done(request, "admin-users", "user-added")

    def page(self, request: Request, services: ServicesDep, *, values: dict[str, str] | None = None,
             errors: dict[str, str] | None = None, status_code: int = 200) -> Template:
        with Session(services.db) as session:
            users = admin.list_users(session)
            units = list(session.exec(select(Unit.name).order_by(Unit.name)))
        return Template(template_name="admin/users.html", status_code=status_code, context={
            "users": users, "units": units, "roles": ROLES, "values": values or {"role": "supervisor"},
            "errors": errors or {}, "done": request.query_params.get("done")})


class UserPage(Controller):
    path = "/admin/users/{user_id:int}"
    guards = (require_admin, require_csrf)
    request_max_body_size = SMALL_BODY
    include_in_schema = False

    @get(name="admin-user", sync_to_thread=True)
    def show(self, request: Request, services: ServicesDep, user_id: RowId) -> Template:
        return self.page(request, services, user_id)

    @post(name="admin-user-set", sync_to_thread=True)
    def change(self, request: Request, services: ServicesDep, user_id: RowId, data: Form) -> Response:
        def change(session: Session, actor: User, user: User) -> None:
            admin.set_user(session, actor, user, text(data, "role"), text(data, "unit", 200))

        return self.apply(request, services, user_id, "user-saved", change)

    @post("/active", name="admin-user-active", sync_to_thread=True)
    def active(self, request: Request, services: ServicesDep, user_id: RowId, data: Form) -> Response:
        enable = text(data, "active") == "1"
        return self.apply(request, services, user_id, "user-enabled" if enable else "user-disabled",
                          lambda session, actor, user: admin.set_active(session, actor, user, enable))

    @post("/password", name="admin-user-password", sync_to_thread=True)
    def password(self, request: Request, services: ServicesDep, user_id: RowId, data: Form) -> Response:
        password = str(data.get("password", ""))[:1024]
        return self.apply(request, services, user_id, "password-reset",
                          lambda session, actor, user: admin.reset_password(session, actor, user, password))

    def apply(self, request: Request, services: ServicesDep, user_id: int, what: str, change) -> Response:
        try:
            with session_scope(services.db) as session:
                user = session.get(User, user_id)
                if user is None:
                    raise NotFoundException("no such user")
                change(session, identify(request), user)
        except admin.AdminError as error:
            return self.page(request, services, user_id, errors=messages(request, error.errors),
                             status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        return done(request, "admin-user", what, user_id=user_id)

    def page(self, request: Request, services: ServicesDep, user_id: int, *,
             errors: dict[str, str] | None = None, status_code: int = 200) -> Template:
        with Session(services.db) as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFoundException("no such user")
            unit = session.get(Unit, user.unit_id).name if user.unit_id else ""
            units = list(session.exec(select(Unit.name).order_by(Unit.name)))
            tokens = [row for row in admin.list_tokens(session) if row.token.user_id == user_id]
        return Template(template_name="admin/user.html", status_code=status_code, context={
            "person": user, "unit": unit, "units": units, "roles": ROLES, "tokens": tokens,
            "errors": errors or {}, "done": request.query_params.get("done"),
            "is_self": identify(request).id == user.id})


class TokensPage(Controller):
    path = "/admin/tokens"
    guards = (require_admin, require_csrf)
    request_max_body_size = SMALL_BODY
    include_in_schema = False

    @get(name="admin-tokens", sync_to_thread=True)
    def show(self, request: Request, services: ServicesDep) -> Template:
        with Session(services.db) as session:
            tokens = admin.list_tokens(session)
        return Template(template_name="admin/tokens.html", context={
            "tokens": tokens, "done": request.query_params.get("done")})

    @post("/{token_id:int}/revoke", name="admin-token-revoke", sync_to_thread=True)
    def revoke(self, request: Request, services: ServicesDep, token_id: RowId) -> Response:
        try:
            with session_scope(services.db) as session:
                admin.revoke_token(session, identify(request), token_id)
        except admin.AdminError as error:
            raise NotFoundException(str(error)) from None
        return done(request, "admin-tokens", "token-revoked")


class UnitsPage(Controller):
    path = "/admin/units"
    guards = (require_admin, require_csrf)
    request_max_body_size = SMALL_BODY
    include_in_schema = False

    @get(name="admin-units", sync_to_thread=True)
    def show(self, request: Request, services: ServicesDep) -> Template:
        return self.page(request, services)

    @post(name="admin-units-set", sync_to_thread=True)
    def set_names(self, request: Request, services: ServicesDep, data: Form) -> Response:
        name = text(data, "name", 200)
        try:
            with session_scope(services.db) as session:
                names = {language: text(data, f"name_{language}", 300) for language in LANGUAGES}
                admin.set_unit_names(session, identify(request), name, names,
                                     review_required=data.get("review_required") == "required")
        except admin.AdminError as error:
            return self.page(request, services, errors=messages(request, error.errors), failed=name,
                             status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        return done(request, "admin-units", "unit-saved")

    def page(self, request: Request, services: ServicesDep, *, errors: dict[str, str] | None = None,
             failed: str = "", status_code: int = 200) -> Template:
        with Session(services.db) as session:
            units = list(session.exec(select(Unit).order_by(Unit.name)))
        return Template(template_name="admin/units.html", status_code=status_code, context={
            "units": units, "errors": errors or {}, "failed": failed,
            "done": request.query_params.get("done")})


@get("/admin/audit", name="admin-audit", guards=[require_admin], sync_to_thread=True,
     include_in_schema=False)
def audit_page(request: Request, services: ServicesDep) -> Template:
    params = request.query_params
    opening, page = params.get("opening", "").strip(), params.get("page", "").strip()
    filters = admin.AuditFilters(
        opening=int(opening) if opening.isascii() and opening.isdigit() and len(opening) < 10 else None,
        person=params.get("person", "").strip()[:254],
        day_from=parse_day(params.get("from")), day_to=parse_day(params.get("to")),
        page=max(1, min(int(page), 100_000)) if page.isascii() and page.isdigit() else 1,
    )
    with Session(services.db) as session:
        entries, total = admin.audit_entries(session, filters)
    query = {key: value for key, value in (
        ("opening", filters.opening or ""), ("person", filters.person),
        ("from", filters.day_from.isoformat() if filters.day_from else ""),
        ("to", filters.day_to.isoformat() if filters.day_to else "")) if value}
    return Template(template_name="admin/audit.html", context={
        "entries": entries, "total": total, "filters": filters, "query": query,
        "pages": max(1, ceil(total / admin.AUDIT_PAGE))})


ROUTES = [UsersPage, UserPage, TokensPage, UnitsPage, audit_page]
