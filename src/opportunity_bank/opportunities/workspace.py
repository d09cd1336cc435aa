"""The supervisor workspace pages under /my/: list, create, edit, preview, lifecycle, copy, roll-over.

Forms are re-rendered with field errors (422) rather than redirected; successful posts
redirect (303) so a reload never repeats them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio
from litestar import Request, Response, Router, get, post
from litestar.enums import RequestEncodingType
from litestar.exceptions import (
    HTTPException,
    NotAuthorizedException,
    NotFoundException,
    PermissionDeniedException,
)
from litestar.params import Body, FromQuery
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from opportunity_bank.accounts.identity import require_editor
from opportunity_bank.accounts.pages import safe_next
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.models import Attachment, Kind, Opportunity, Status, Unit
from opportunity_bank.opportunities import editing
from opportunity_bank.opportunities.attachments import (
    MAX_PDF_BYTES,
    MULTIPART_OVERHEAD,
    UploadProblem,
)
from opportunity_bank.opportunities.editing import (
    Editor,
    FieldProblems,
    StatusGoverned,
    TransitionRefused,
)
from opportunity_bank.opportunities.editing_api import (
    accept_upload,
    current_editor,
    editable_or_404,
    remove_attachment,
    save_upload,
)
from opportunity_bank.opportunities.forms import (
    actions_for,
    display_value,
    form_fields,
    form_groups,
    form_values,
    values_from_form,
)
from opportunity_bank.opportunities.lifecycle import (
    city_today,
    deadline_passed,
    deadline_soon,
    thesis_link,
)
from opportunity_bank.opportunities.listing import main_action, openings_page, parse_filters
from opportunity_bank.opportunities.messages import field_message, field_messages
from opportunity_bank.opportunities.pages import paragraphs
from opportunity_bank.opportunities.schemas import OpportunityFields
from opportunity_bank.opportunities.service import stored_values
from opportunity_bank.web import csrf
from opportunity_bank.web.errors import sign_in_redirect
from opportunity_bank.web.i18n import as_date, gettext_for, negotiate_language
from opportunity_bank.web.params import OPENING_BODY, SMALL_BODY, RowId
from opportunity_bank.web.services import ServicesDep

FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
# Moves that end an opening for students are confirmed on a page of their own first.
CONFIRMED_MOVES = (Status.CLOSED.value, Status.WITHDRAWN.value)
UPLOAD_CODES = {413: "too_large", 415: "file"}


def parse_kind(value: object) -> str:
    """The kind asked for; a field sent twice counts as sent last, as in every form here."""
    if isinstance(value, list):
        value = value[-1] if value else None
    return value if value in {k.value for k in Kind} else Kind.THESIS.value


def messages_for(request: Request, problems: FieldProblems) -> dict[str, str]:
    return field_messages(problems.errors, gettext_for(negotiate_language(request)))


def preview_opening(session: Session, editor: Editor, kind: str,
                    values: dict[str, Any]) -> tuple[Opportunity | None, dict[str, str]]:
    """The opening as students would see it, unsaved; or why it cannot be shown yet."""
    unit = values.get("unit") or editing.unit_name(session, editor.unit_id)
    try:
        fields = editing.validate(OpportunityFields, {**values, "kind": kind, "unit": unit})
    except FieldProblems as problems:
        return None, {e.field: e.code for e in problems.errors}
    return Opportunity(external_id="preview", unit_id=0, **stored_values(fields)), {}


def edit_page(request: Request, session: Session, editor: Editor, *, opportunity: Opportunity | None,
              kind: str, values: dict[str, Any], errors: dict[str, str] | None = None,
              preview: bool = False, message: str | None = None, status_code: int = 200,
              done: str | None = None, key: str | None = None) -> Template:
    unit = values.get("unit") or (editing.unit_name(session, editor.unit_id) if editor.unit_id else "")
    previewed = None
    if preview:
        previewed, problems = preview_opening(session, editor, kind, values)
        if problems:
            errors = {**field_messages([editing.FieldError(field, "", code) for field, code
                                        in problems.items()],
                                       gettext_for(negotiate_language(request))), **(errors or {})}
            status_code = HTTP_422_UNPROCESSABLE_ENTITY
    today = city_today()
    deadline = as_date(values.get("application_deadline"))
    context = {
        "opportunity": opportunity, "kind": kind, "form_key": key,
        "new_form_key": editing.new_external_id,
        "groups": form_groups(kind, with_unit=not editor.bound_to_unit),
        "values": {name: display_value(value) for name, value in values.items()},
        "lists": {name: values.get(name) or [] for name in ("languages", "degree_levels")},
        "errors": errors or {}, "preview": previewed, "message": message, "unit": unit,
        "done": done, "deadline_soon": deadline_soon(deadline, today),
        "deadline_passed": deadline_passed(deadline, today),
        "actions": actions_for(opportunity.status) if opportunity else [],
        "audit": editing.audit_trail(session, opportunity.id) if opportunity else [],
        "attachments": list(session.exec(
            select(Attachment).where(Attachment.opportunity_id == opportunity.id)
            .order_by(Attachment.id))) if opportunity else [],
        "public_url": thesis_link(opportunity.thesis_url) if opportunity else None,
    }
    if previewed is not None:
        context.update(o=previewed, preview_page={
            "description": paragraphs(previewed.description),
            "how_to_apply": paragraphs(previewed.how_to_apply),
            "contact_email": previewed.contact_email or editor.email,
            "closed_reason": None, "attachments": context["attachments"], "unit": unit})
    return Template(template_name="workspace/edit.html", context=context, status_code=status_code)


@get("/", name="my-openings", sync_to_thread=True)
def my_openings(request: Request, services: ServicesDep) -> Template:
    editor = current_editor(request)
    filters = parse_filters(dict(request.query_params))
    today = city_today()
    with Session(services.db) as session:
        found = openings_page(session, editor, filters)
        units = ([] if editor.bound_to_unit
                 else list(session.exec(select(Unit).order_by(Unit.name))))
    rows = []
    for opportunity, unit in found.rows:
        passed = (opportunity.status == Status.PUBLISHED
                  and deadline_passed(opportunity.application_deadline, today))
        main = main_action(opportunity.status, passed)
        rows.append({"o": opportunity, "unit": unit, "passed": passed, "main": main,
                     "soon": opportunity.status == Status.PUBLISHED
                     and deadline_soon(opportunity.application_deadline, today),
                     "others": [t for t in actions_for(opportunity.status) if t != main]})
    return Template(template_name="workspace/list.html", context={
        "rows": rows, "found": found, "filters": filters, "units": units, "year": today.year,
        "done": request.query_params.get("done"), "rolled": request.query_params.get("rolled"),
        "bound_to_unit": editor.bound_to_unit, "kinds": [k.value for k in Kind],
        "statuses": [s.value for s in Status], "new_form_key": editing.new_external_id,
    })


def saved_once(session: Session, editor: Editor, key: str | None,
               make: Callable[[], Opportunity]) -> Opportunity:
    """The opening ``make`` adds, committed; or, when the same form (its ``key``) was sent
    twice at the same moment and the other send inserted the key first, that one's."""
    try:
        made = make()
        session.commit()
    except IntegrityError:
        session.rollback()
        made = editing.made_from_form(session, editor, key)
        if made is None:
            raise
    return made


@get("/new", name="my-new", sync_to_thread=True)
def new_opening(request: Request, services: ServicesDep, kind: FromQuery[str] = "thesis") -> Template:
    editor = current_editor(request)
    kind = parse_kind(kind)
    with Session(services.db) as session:
        unit = editing.unit_name(session, editor.unit_id) if editor.unit_id else ""
        return edit_page(request, session, editor, opportunity=None, kind=kind,
                         values=form_values(None, unit, kind), key=editing.new_external_id())


@post("/new", name="my-create", sync_to_thread=True, request_max_body_size=OPENING_BODY)
def create_opening(request: Request, data: FormData, services: ServicesDep) -> Template | Redirect:
    editor = current_editor(request)
    kind = parse_kind(data.get("kind"))
    values = {"kind": kind, **values_from_form(data, form_fields(kind, not editor.bound_to_unit))}
    action = data.get("action")
    key = editing.form_key(data.get("form_key"))
    with Session(services.db, expire_on_commit=False) as session:
        if action == "preview":
            return edit_page(request, session, editor, opportunity=None, kind=kind, values=values,
                             preview=True, key=key)
        values["status"] = Status.PUBLISHED.value if action == "publish" else Status.DRAFT.value
        try:
            opportunity = saved_once(session, editor, key, lambda: editing.create_opening(
                session, editor, values, answer_repeats=True, key=key))
        except FieldProblems as problems:
            session.rollback()
            return edit_page(request, session, editor, opportunity=None, kind=kind, values=values,
                             errors=messages_for(request, problems),
                             status_code=HTTP_422_UNPROCESSABLE_ENTITY, key=key)
    done = {Status.PUBLISHED: "published", Status.IN_REVIEW: "status-in_review"}.get(opportunity.status,
                                                                                  "created")
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity.id), status_code=303,
                    query_params={"done": done})


@get("/{opportunity_id:int}/edit", name="my-edit", sync_to_thread=True)
def edit_opening(request: Request, opportunity_id: RowId, services: ServicesDep) -> Template:
    editor = current_editor(request)
    with Session(services.db) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        unit = editing.unit_name(session, opportunity.unit_id)
        return edit_page(request, session, editor, opportunity=opportunity, kind=opportunity.kind,
                         values=form_values(opportunity, unit, opportunity.kind),
                         done=request.query_params.get("done"))


@post("/{opportunity_id:int}/edit", name="my-save", sync_to_thread=True,
      request_max_body_size=OPENING_BODY)
def save_opening(request: Request, opportunity_id: RowId, data: FormData,
                 services: ServicesDep) -> Template | Redirect:
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        submitted = values_from_form(data, form_fields(opportunity.kind, not editor.bound_to_unit))
        unit = editing.unit_name(session, opportunity.unit_id)
        shown = {**form_values(opportunity, unit, opportunity.kind), **submitted}
        if data.get("action") == "preview":
            return edit_page(request, session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=shown, preview=True)
        try:
            editing.update_opening(session, editor, opportunity, submitted)
        except FieldProblems as problems:
            session.rollback()
            return edit_page(request, session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=shown, errors=messages_for(request, problems),
                             status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        except StatusGoverned as governed:
            session.rollback()
            return edit_page(session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=shown, message=str(governed), status_code=HTTP_409_CONFLICT)
        session.commit()
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity_id), status_code=303,
                    query_params={"done": "saved"})


@get("/{opportunity_id:int}/confirm", name="my-confirm", sync_to_thread=True)
def confirm_status(request: Request, opportunity_id: RowId, services: ServicesDep,
                   status: FromQuery[str] = "closed") -> Template:
    """"Are you sure?" before closing or withdrawing: a page, so it works without JavaScript."""
    editor = current_editor(request)
    with Session(services.db) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
    if status not in CONFIRMED_MOVES or status not in actions_for(opportunity.status):
        raise NotFoundException("nothing to confirm")
    edit = request.app.route_reverse("my-edit", opportunity_id=opportunity_id)
    return Template(template_name="workspace/confirm.html", context={
        "opportunity": opportunity, "target": status,
        "back": safe_next(request.query_params.get("next"), edit)})


@post("/{opportunity_id:int}/status", name="my-status", sync_to_thread=True,
      request_max_body_size=SMALL_BODY)
def change_status(request: Request, opportunity_id: RowId, data: FormData,
                  services: ServicesDep) -> Template | Redirect:
    editor = current_editor(request)
    filled = str(data.get("filled_positions") or "").strip()
    target = str(data.get("status", ""))
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        try:
            if filled and not filled.isdigit():
                raise FieldProblems([editing.FieldError("filled_positions", "must be a whole number",
                                                        "int_parsing")])
            editing.change_status(session, editor, opportunity, target,
                                  int(filled) if filled else None,
                                  str(data.get("thesis_url") or "").strip() or None)
        except (FieldProblems, TransitionRefused) as problem:
            session.rollback()
            session.refresh(opportunity)
            unit = editing.unit_name(session, opportunity.unit_id)
            gettext = gettext_for(negotiate_language(request))
            if isinstance(problem, FieldProblems):
                errors, message = messages_for(request, problem), None
            else:
                errors, message = {}, gettext("This change is not possible in the opening's "
                                              "present status. Reload the page and try again.")
            return edit_page(request, session, editor, opportunity=opportunity, kind=opportunity.kind,
                             values=form_values(opportunity, unit, opportunity.kind),
                             errors=errors, message=message,
                             status_code=HTTP_409_CONFLICT if isinstance(problem, TransitionRefused)
                             else HTTP_422_UNPROCESSABLE_ENTITY)
        session.commit()
    back = safe_next(data.get("next"), request.app.route_reverse("my-openings"))
    separator = "&" if "?" in back else "?"
    done = urlencode({"done": f"status-{opportunity.status}"})
    return Redirect(f"{back}{separator}{done}", status_code=303)


@post("/{opportunity_id:int}/copy", name="my-copy", sync_to_thread=True,
      request_max_body_size=SMALL_BODY)
def copy_opening(request: Request, opportunity_id: RowId, data: FormData, services: ServicesDep) -> Redirect:
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        original = editable_or_404(session, editor, opportunity_id)
        key = editing.form_key(data.get("form_key"))
        copy = saved_once(session, editor, key, lambda: editing.copy_to_next_year(
            session, editor, original, answer_repeats=True, key=key))
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=copy.id), status_code=303,
                    query_params={"done": "copied"})


@post("/rollover", name="my-rollover", sync_to_thread=True, request_max_body_size=SMALL_BODY)
def roll_over(request: Request, data: FormData, services: ServicesDep) -> Redirect:
    editor = current_editor(request)
    year = str(data.get("year", ""))
    if not year.isdigit():
        raise FieldProblems([editing.FieldError("year", "must be a year", "year")])
    unit_text = str(data.get("unit_id", ""))
    unit_id = editor.unit_id if editor.bound_to_unit else (int(unit_text) if unit_text.isdigit() else 0)
    with Session(services.db) as session:
        copies = editing.roll_over(session, editor, unit_id, str(data.get("kind", "")), int(year))
        session.commit()
    return Redirect(request.app.route_reverse("my-openings"), status_code=303,
                    query_params={"done": "rolled", "rolled": str(len(copies))})


@post("/{opportunity_id:int}/attachments", name="my-attach", opt={csrf.STREAMED: True},
      request_max_body_size=MAX_PDF_BYTES + MULTIPART_OVERHEAD)
async def attach_pdf(request: Request, opportunity_id: RowId, services: ServicesDep) -> Redirect:
    """The page's upload form; its CSRF token arrives inside the streamed multipart body."""
    editor, received = await accept_upload(request, services, opportunity_id)
    await anyio.to_thread.run_sync(save_upload, services, editor, opportunity_id, received)
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity_id), status_code=303,
                    query_params={"done": "uploaded"})


@post("/{opportunity_id:int}/attachments/{attachment_id:int}/delete", name="my-detach",
      sync_to_thread=True, request_max_body_size=SMALL_BODY)
def detach_pdf(request: Request, opportunity_id: RowId, attachment_id: RowId,
               services: ServicesDep) -> Redirect:
    remove_attachment(services, current_editor(request), opportunity_id, attachment_id)
    return Redirect(request.app.route_reverse("my-edit", opportunity_id=opportunity_id), status_code=303)


def problems_page(request: Request, exc: FieldProblems) -> Response:
    return Template(template_name="workspace/problem.html",
                    context={"errors": messages_for(request, exc)},
                    status_code=HTTP_422_UNPROCESSABLE_ENTITY)


def refusal_page(_: Request, exc: HTTPException) -> Response:
    """A page, not JSON, when a workspace page cannot be shown (404) or is refused (403)."""
    return Template(template_name="workspace/problem.html", context={"status": exc.status_code},
                    status_code=exc.status_code)


def upload_code(exc: UploadProblem) -> str:
    if exc.status in UPLOAD_CODES:
        return UPLOAD_CODES[exc.status]
    return "missing" if exc.message.startswith("is required") else "pdf"


def upload_refused(request: Request, exc: UploadProblem) -> Response:
    """The edit page again, the reason beside the file field, in the reader's language."""
    security_event("upload_refused", status=exc.status, reason=exc.message, path=request.url.path)
    opportunity_id = request.path_params.get("opportunity_id")
    editor = current_editor(request)
    gettext = gettext_for(negotiate_language(request))
    message = field_message(editing.FieldError("file", exc.message, upload_code(exc)), gettext)
    with Session(request.app.state.services.db) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        unit = editing.unit_name(session, opportunity.unit_id)
        page = edit_page(request, session, editor, opportunity=opportunity, kind=opportunity.kind,
                         values=form_values(opportunity, unit, opportunity.kind),
                         errors={"file": message}, status_code=exc.status)
    # The body may not have been read to its end; the browser must not wait to send the rest.
    page.headers["Connection"] = "close"
    return page


workspace_pages = Router(
    path="/my",
    route_handlers=[my_openings, new_opening, create_opening, edit_opening, save_opening,
                    confirm_status, change_status, copy_opening, roll_over, attach_pdf, detach_pdf],
    guards=[require_editor, csrf.require_csrf],
    include_in_schema=False,
    exception_handlers={NotAuthorizedException: sign_in_redirect, UploadProblem: upload_refused,
                        FieldProblems: problems_page, NotFoundException: refusal_page,
                        PermissionDeniedException: refusal_page},
)
