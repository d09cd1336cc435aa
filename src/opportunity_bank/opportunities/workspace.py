"""The supervisor workspace pages under /my/: list, create, edit, preview, lifecycle, copy, roll-over.

Forms are re-rendered with field errors (422) rather than redirected; successful posts
redirect (303) so a reload never repeats them.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Annotated, Any

import anyio
from litestar import Request, Response, Router, get, post
from litestar.enums import RequestEncodingType
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
)
from litestar.middleware.csrf import CSRFMiddleware
from litestar.params import Body, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY
from sqlmodel import Session, select

from opportunity_bank.accounts.identity import require_editor
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.models import Attachment, Kind, Opportunity, Status, Unit
from opportunity_bank.opportunities import editing
from opportunity_bank.opportunities.attachments import (
    MAX_PDF_BYTES,
    MULTIPART_OVERHEAD,
    UploadProblem,
    discard,
)
from opportunity_bank.opportunities.editing import Editor, FieldProblems, TransitionRefused
from opportunity_bank.opportunities.editing_api import (
    accept_upload,
    current_editor,
    editable_or_404,
    save_upload,
)
from opportunity_bank.opportunities.forms import (
    actions_for,
    display_value,
    form_fields,
    form_values,
    values_from_form,
)
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.web.params import RowId
from opportunity_bank.web.security import CSRF_FAILED, csrf_config
from opportunity_bank.web.services import ServicesDep

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
STATUS_ORDER = tuple(Status)


def parse_kind(value: object) -> str:
    return value if value in {k.value for k in Kind} else Kind.THESIS.value


def edit_page(session: Session, editor: Editor, *, opportunity: Opportunity | None, kind: str,
              values: dict[str, Any], errors: dict[str, str] | None = None,
              preview: bool = False, message: str | None = None, status_code: int = 200) -> Template:
    unit = values.get("unit") or (editing.unit_name(session, editor.unit_id) if editor.unit_id else "")
    context = {
        "opportunity": opportunity, "kind": kind,
        "fields": form_fields(kind, with_unit=not editor.bound_to_unit),
        "values": {name: display_value(value) for name, value in values.items()},
        "lists": {name: values.get(name) or [] for name in ("languages", "degree_levels")},
        "errors": errors or {}, "preview": preview, "message": message, "unit": unit,
        "actions": actions_for(opportunity.status) if opportunity else [],
        "audit": editing.audit_trail(session, opportunity.id) if opportunity else [],
        "attachments": list(session.exec(
            select(Attachment).where(Attachment.opportunity_id == opportunity.id)
            .order_by(Attachment.id))) if opportunity else [],
    }
    return Template(template_name="workspace/edit.html", context=context, status_code=status_code)


@get("/", name="my-openings", sync_to_thread=True)
def my_openings(request: Request, services: ServicesDep, rolled: FromQuery[int | None] = None) -> Template:
    editor = current_editor(request)
    with Session(services.db) as session:
        by_status: dict[str, list] = defaultdict(list)
        for opportunity, unit in editing.openings_for(session, editor):
            by_status[opportunity.status].append((opportunity, unit, actions_for(opportunity.status)))
        units = ([] if editor.bound_to_unit
                 else list(session.exec(select(Unit).order_by(Unit.name))))
    groups = [(status.value, by_status[status.value]) for status in STATUS_ORDER if by_status[status.value]]
    return Template(template_name="workspace/list.html", context={
        "groups": groups, "units": units, "year": city_today().year, "rolled": rolled,
        "bound_to_unit": editor.bound_to_unit, "kinds": [k.value for k in Kind],
    })


@get("/new", name="my-new", sync_to_thread=True)
def new_opening(request: Request, services: ServicesDep, kind: FromQuery[str] = "thesis") -> Template:
    editor = current_editor(request)
    kind = parse_kind(kind)
    with Session(services.db) as session:
        unit = editing.unit_name(session, editor.unit_id) if editor.unit_id else ""
        return edit_page(session, editor, opportunity=None, kind=kind,
                         values=form_values(None, unit, kind))


@post("/new", name="my-create", sync_to_thread=True)
def create_opening(request: Request, data: FormData, services: ServicesDep) -> Template | Redirect:
    editor = current_editor(request)
    kind = parse_kind(data.get("kind"))
    values = {"kind": kind, **values_from_form(data, form_fields(kind, not editor.bound_to_unit))}
    action = data.get("action")
    with Session(services.db, expire_on_commit=False) as session:
        if action == "preview":
            return edit_page(session, editor, opportunity=None, kind=kind, values=values, preview=True)
        values["status"] = Status.PUBLISHED.value if action == "publish" else Status.DRAFT.value
        try:
            opportunity = editing.create_opening(session, editor, values)
        except FieldProblems as problems:
            session.rollback()
            return edit_page(session, editor, opportunity=None, kind=kind, values=values,
                             errors={e.field: e.message for e in problems.errors},
                             status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        session.commit()
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity.id), status_code=303)


@get("/{opportunity_id:int}/edit", name="my-edit", sync_to_thread=True)
def edit_opening(request: Request, opportunity_id: RowId, services: ServicesDep) -> Template:
    editor = current_editor(request)
    with Session(services.db) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        unit = editing.unit_name(session, opportunity.unit_id)
        return edit_page(session, editor, opportunity=opportunity, kind=opportunity.kind,
                         values=form_values(opportunity, unit, opportunity.kind))


@post("/{opportunity_id:int}/edit", name="my-save", sync_to_thread=True)
def save_opening(request: Request, opportunity_id: RowId, data: FormData,
                 services: ServicesDep) -> Template | Redirect:
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        submitted = values_from_form(data, form_fields(opportunity.kind, not editor.bound_to_unit))
        unit = editing.unit_name(session, opportunity.unit_id)
        shown = {**form_values(opportunity, unit, opportunity.kind), **submitted}
        if data.get("action") == "preview":
            return edit_page(session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=shown, preview=True)
        try:
            editing.update_opening(session, editor, opportunity, submitted)
        except FieldProblems as problems:
            session.rollback()
            return edit_page(session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=shown, errors={e.field: e.message for e in problems.errors},
                             status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        session.commit()
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity_id), status_code=303)


@post("/{opportunity_id:int}/status", name="my-status", sync_to_thread=True)
def change_status(request: Request, opportunity_id: RowId, data: FormData,
                  services: ServicesDep) -> Template | Redirect:
    editor = current_editor(request)
    filled = str(data.get("filled_positions") or "").strip()
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        try:
            if filled and not filled.isdigit():
                raise FieldProblems([editing.FieldError("filled_positions", "must be a whole number")])
            editing.change_status(session, editor, opportunity, str(data.get("status", "")),
                                  int(filled) if filled else None,
                                  str(data.get("thesis_url") or "").strip() or None)
        except (FieldProblems, TransitionRefused) as problem:
            session.rollback()
            session.refresh(opportunity)
            unit = editing.unit_name(session, opportunity.unit_id)
            errors = ({e.field: e.message for e in problem.errors}
                      if isinstance(problem, FieldProblems) else {})
            return edit_page(session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=form_values(opportunity, unit, opportunity.kind),
                             errors=errors, message=str(problem),
                             status_code=HTTP_409_CONFLICT if isinstance(problem, TransitionRefused)
                             else HTTP_422_UNPROCESSABLE_ENTITY)
        session.commit()
    return Redirect(request.app.route_reverse("my-openings"), status_code=303)


@post("/{opportunity_id:int}/copy", name="my-copy", sync_to_thread=True)
def copy_opening(request: Request, opportunity_id: RowId, services: ServicesDep) -> Redirect:
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        copy = editing.copy_to_next_year(session, editor, editable_or_404(session, editor, opportunity_id))
        session.commit()
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=copy.id), status_code=303)


@post("/rollover", name="my-rollover", sync_to_thread=True)
def roll_over(request: Request, data: FormData, services: ServicesDep) -> Redirect:
    editor = current_editor(request)
    year = str(data.get("year", ""))
    if not year.isdigit():
        raise FieldProblems([editing.FieldError("year", "must be a year")])
    unit_text = str(data.get("unit_id", ""))
    unit_id = editor.unit_id if editor.bound_to_unit else (int(unit_text) if unit_text.isdigit() else 0)
    with Session(services.db) as session:
        copies = editing.roll_over(session, editor, unit_id, str(data.get("kind", "")), int(year))
        session.commit()
    return Redirect(request.app.route_reverse("my-openings"), status_code=303,
                    query_params={"rolled": str(len(copies))})


@post("/{opportunity_id:int}/attachments", name="my-attach", exclude_from_csrf=True,
      request_max_body_size=MAX_PDF_BYTES + MULTIPART_OVERHEAD)
async def attach_pdf(request: Request, opportunity_id: RowId, services: ServicesDep) -> Redirect:
    """The page's upload form. The CSRF token arrives inside the streamed multipart body, so it
    is checked here (the middleware would otherwise read the whole body into memory first)."""
    editor, received = await accept_upload(request, services, opportunity_id)
    if not csrf_field_valid(request, services, received.fields.get("_csrf_token", "")):
        discard(received)
        security_event("csrf_refused", level=logging.WARNING, path=request.url.path)
        raise PermissionDeniedException(CSRF_FAILED)
    await anyio.to_thread.run_sync(save_upload, services, editor, opportunity_id, received)
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity_id), status_code=303)


def csrf_field_valid(request: Request, services, token: str) -> bool:
    config = csrf_config(services.settings)
    cookie = request.cookies.get(config.cookie_name)
    # The same double-submit comparison as the middleware, reused rather than rewritten.
    middleware = CSRFMiddleware(app=None, config=config)
    return bool(cookie and token) and middleware._csrf_tokens_match(token, cookie)


def to_login(request: Request, _exc: NotAuthorizedException) -> Response:
    return Redirect(request.app.route_reverse("login"), status_code=303,
                    query_params={"next": request.url.path})


def problems_page(_: Request, exc: FieldProblems) -> Response:
    return Template(template_name="workspace/problem.html", context={"errors": exc.errors},
                    status_code=HTTP_422_UNPROCESSABLE_ENTITY)


def refusal_page(_: Request, exc: HTTPException) -> Response:
    """A page, not JSON, when a workspace page cannot be shown (404) or is refused (403)."""
    return Template(template_name="workspace/problem.html", context={"status": exc.status_code},
                    status_code=exc.status_code)


def upload_refused(request: Request, exc: UploadProblem) -> Response:
    security_event("upload_refused", status=exc.status, reason=exc.message, path=request.url.path)
    return Response(f"{exc.field} {exc.message}", status_code=exc.status, media_type="text/plain")


workspace_pages = Router(
    path="/my",
    route_handlers=[my_openings, new_opening, create_opening, edit_opening, save_opening,
                    change_status, copy_opening, roll_over, attach_pdf],
    guards=[require_editor],
    include_in_schema=False,
    exception_handlers={NotAuthorizedException: to_login, UploadProblem: upload_refused,
                        FieldProblems: problems_page, NotFoundException: refusal_page,
                        PermissionDeniedException: refusal_page},
)
