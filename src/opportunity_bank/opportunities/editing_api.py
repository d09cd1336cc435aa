"""The editing API under /api/v1: create, change, move along the lifecycle, attach PDFs.

Every handler is guarded (deny by default); ownership is checked inside the queries of
`editing`, so another unit's opening answers 404 exactly like a missing one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import anyio
from litestar import Request, Response, delete, get, patch, post
from litestar.exceptions import NotFoundException, ValidationException
from litestar.openapi.spec import (
    OpenAPIFormat,
    OpenAPIMediaType,
    OpenAPIType,
    Operation,
    RequestBody,
    Schema,
)
from litestar.params import JSONBody
from litestar.status_codes import HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY
from pydantic import BaseModel
from sqlmodel import Session

from opportunity_bank.accounts.identity import identify, require_editor
from opportunity_bank.accounts.security_log import security_event
from opportunity_bank.models import Attachment, AuditEntry, Kind, Opportunity, Status
from opportunity_bank.opportunities import editing
from opportunity_bank.opportunities.attachments import (
    MAX_PDF_BYTES,
    MULTIPART_OVERHEAD,
    UploadProblem,
    check_declared_length,
    delete_attachment,
    discard,
    receive_pdf,
    room_left,
    store_attachment,
)
from opportunity_bank.opportunities.editing import (
    Editor,
    FieldProblems,
    StatusGoverned,
    TransitionRefused,
)
from opportunity_bank.opportunities.schemas import (
    OpportunityCreate,
    OpportunityFields,
    OpportunityPatch,
    StatusChange,
)
from opportunity_bank.search.documents import detail_url
from opportunity_bank.web import csrf
from opportunity_bank.web.errors import body_named, error_responses, json_error
from opportunity_bank.web.params import OPENING_BODY, SMALL_BODY, RowId
from opportunity_bank.web.services import ServicesDep


@dataclass
class PdfUploadOperation(Operation):
    """The upload is read as a stream, not declared as `data`; this documents its body."""

    def __post_init__(self) -> None:
        file_schema = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY,
                             description="a PDF, at most 10 MB")
        self.request_body = RequestBody(required=True, content={"multipart/form-data": OpenAPIMediaType(
            schema=Schema(type=OpenAPIType.OBJECT, properties={"file": file_schema}, required=["file"]))})


class AttachmentOut(BaseModel):
    id: int
    filename: str
    size: int
    sha256: str
    url: str


class EditorOpportunity(OpportunityFields):
    """An opening as its editors see it: every field, with its lifecycle dates."""

    id: int
    external_id: str
    status: Status
    owner_id: int | None = None
    copied_from_id: int | None = None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None = None
    submitted_at: datetime | None = None
    review_reason: str | None = None
    pending_changes: dict[str, Any] | None = None
    url: str


def field_problems(_: Request, exc: FieldProblems) -> Response:
    fields = ", ".join(dict.fromkeys(e.field for e in exc.errors))
    return json_error(HTTP_422_UNPROCESSABLE_ENTITY, f"invalid {fields}",
                      [e.as_dict() for e in exc.errors])


def transition_refused(_: Request, exc: TransitionRefused) -> Response:
    return json_error(HTTP_409_CONFLICT, str(exc), [{"field": "status", "message": str(exc)}])


def status_governed(_: Request, exc: StatusGoverned) -> Response:
    return json_error(HTTP_409_CONFLICT, str(exc), [{"field": f, "message": str(exc)} for f in exc.fields])


def upload_problem(request: Request, exc: UploadProblem) -> Response:
    security_event("upload_refused", status=exc.status, reason=exc.message, path=request.url.path)
    return json_error(exc.status, f"{exc.field}: {exc.message}",
                      [{"field": exc.field, "message": exc.message}])


def body_invalid(_: Request, exc: ValidationException) -> Response:
    """Invalid fields in a JSON body answer 422, naming each field."""
    errors = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if not isinstance(item, dict):
            continue
        key, message = str(item.get("key") or ""), str(item.get("message", ""))
        message = message.removeprefix("Value error, ")
        if not key and ": " in message:
            key, message = message.split(": ", 1)
        errors.append(body_named(key or "body", message))
    fields = ", ".join(dict.fromkeys(e["field"] for e in errors))
    return json_error(HTTP_422_UNPROCESSABLE_ENTITY, f"invalid {fields}" if fields else "invalid body",
                      errors)


EDITING_EXCEPTION_HANDLERS = {
    FieldProblems: field_problems,
    TransitionRefused: transition_refused,
    StatusGoverned: status_governed,
    UploadProblem: upload_problem,
    ValidationException: body_invalid,
}
# Every editing route: deny by default, one error shape.
API = {"guards": [require_editor, csrf.require_csrf], "tags": ["editing"],
       "exception_handlers": EDITING_EXCEPTION_HANDLERS}
ONE_OPENING = error_responses(400, 401, 403, 404, 422)



def editor_view(opportunity: Opportunity, unit: str) -> EditorOpportunity:
    # Built without re-validation: the row was valid when stored.
    values = {name: getattr(opportunity, name) for name in EditorOpportunity.model_fields
              if name not in ("unit", "url")}
    values.update(kind=Kind(opportunity.kind), status=Status(opportunity.status))
    return EditorOpportunity.model_construct(**values, unit=unit, url=detail_url(opportunity.id))


def attachment_view(attachment: Attachment) -> AttachmentOut:
    return AttachmentOut(id=attachment.id, filename=attachment.filename, size=attachment.size,
                         sha256=attachment.sha256, url=f"/attachments/{attachment.id}")


def current_editor(request: Request) -> Editor:
    return Editor.of(identify(request))


def editable_or_404(session: Session, editor: Editor, opportunity_id: int) -> Opportunity:
    opportunity = editing.find_editable(session, editor, opportunity_id)
    if opportunity is None:
        # Missing and someone else's look the same to the caller, not in the log.
        security_event("edit_refused", user_id=editor.id, opportunity_id=opportunity_id)
        raise NotFoundException(f"no opening {opportunity_id} that you may edit")
    return opportunity


@post("/api/v1/opportunities", **API, name="api-create-opportunity", status_code=201, sync_to_thread=True,
      responses=error_responses(400, 401, 403, 422), request_max_body_size=OPENING_BODY)
def create_opportunity(request: Request, data: JSONBody[OpportunityCreate],
                       services: ServicesDep) -> EditorOpportunity:
    """A new opening (a draft unless `status` is `published`); external_id is generated if left out."""
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editing.create_opening(session, editor, data.model_dump(exclude_unset=True))
        session.commit()
        return editor_view(opportunity, editing.unit_name(session, opportunity.unit_id))


@patch("/api/v1/opportunities/{opportunity_id:int}", **API, name="api-edit-opportunity",
       sync_to_thread=True, responses={**ONE_OPENING, **error_responses(409)},
       request_max_body_size=OPENING_BODY)
def edit_opportunity(request: Request, opportunity_id: RowId, data: JSONBody[OpportunityPatch],
                     services: ServicesDep) -> EditorOpportunity:
    """Change some fields (not `status` and `filled_positions`, nor `positions` of a filled or
    completed opening: those go through the status endpoint, and answer 409 here).

    The merged opening is validated as a whole; invalid fields answer 422 naming each one.
    """
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        editing.update_opening(session, editor, opportunity, data.model_dump(exclude_unset=True))
        session.commit()
        return editor_view(opportunity, editing.unit_name(session, opportunity.unit_id))


@post("/api/v1/opportunities/{opportunity_id:int}/status", **API, name="api-opportunity-status",
      status_code=200, sync_to_thread=True, responses={**ONE_OPENING, **error_responses(409)},
      request_max_body_size=SMALL_BODY)
def change_opportunity_status(request: Request, opportunity_id: RowId, data: JSONBody[StatusChange],
                              services: ServicesDep) -> EditorOpportunity:
    """Publish, mark filled (reserved), complete, close or withdraw; 409 names the possible moves."""
    editor = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, editor, opportunity_id)
        editing.change_status(session, editor, opportunity, data.status,
                              data.filled_positions, data.thesis_url)
        session.commit()
        return editor_view(opportunity, editing.unit_name(session, opportunity.unit_id))


@get("/api/v1/me/opportunities", **API, name="api-my-opportunities", sync_to_thread=True,
     responses=error_responses(401, 403))
def my_opportunities(request: Request, services: ServicesDep) -> list[EditorOpportunity]:
    """The openings you may edit: your unit's, or all of them for HR and admins."""
    editor = current_editor(request)
    with Session(services.db) as session:
        return [editor_view(o, unit) for o, unit in editing.openings_for(session, editor)]


def upload_room(services, editor: Editor, opportunity_id: int) -> int:
    """Bytes the upload may have; 404 for an opening the editor may not change."""
    with Session(services.db) as session:
        editable_or_404(session, editor, opportunity_id)
        return room_left(session, opportunity_id)


def save_upload(services, editor: Editor, opportunity_id: int, received) -> Attachment:
    with Session(services.db, expire_on_commit=False) as session:
        session.add(AuditEntry(entity="opportunity", entity_id=opportunity_id, action="attach",
                               actor_id=editor.id, actor_label=editor.email,
                               changes={"attachment": [None, received.filename]}))
        return store_attachment(session, received, opportunity_id, editor.id)


async def accept_upload(request: Request, services, opportunity_id: int) -> tuple[Editor, Any]:
    """Ownership and room first, then the body: nobody streams 10 MB they could not keep."""
    editor = current_editor(request)
    room = await anyio.to_thread.run_sync(upload_room, services, editor, opportunity_id)
    check_declared_length(request.headers.get("content-length"), room)
    received = await receive_pdf(request.stream(), request.headers.get("content-type", ""),
                                 services.settings.attachments_dir, room)
    if csrf.streamed_field_refused(request, received.fields):
        await anyio.to_thread.run_sync(discard, received)
        csrf.refuse(request)
    return editor, received


@post("/api/v1/opportunities/{opportunity_id:int}/attachments", **API, name="api-attach",
      status_code=201, operation_class=PdfUploadOperation,
      responses={**ONE_OPENING, **error_responses(409, 413, 415)},
      request_max_body_size=MAX_PDF_BYTES + MULTIPART_OVERHEAD, opt={csrf.STREAMED: True})
async def attach_pdf(request: Request, opportunity_id: RowId,
                     services: ServicesDep) -> AttachmentOut:
    """Attach a PDF (multipart field `file`, at most 10 MB; at most 10 files and 50 MB an opening).

    Checked by its content, not its name; offered for download as `<name>.pdf`.
    """
    editor, received = await accept_upload(request, services, opportunity_id)
    attachment = await anyio.to_thread.run_sync(save_upload, services, editor, opportunity_id, received)
    return attachment_view(attachment)


def remove_attachment(services, editor: Editor, opportunity_id: int, attachment_id: int) -> None:
    with Session(services.db) as session:
        editable_or_404(session, editor, opportunity_id)
        attachment = session.get(Attachment, attachment_id)
        if attachment is None or attachment.opportunity_id != opportunity_id:
            raise NotFoundException(f"no attachment {attachment_id} on opening {opportunity_id}")
        session.add(AuditEntry(entity="opportunity", entity_id=opportunity_id, action="detach",
                               actor_id=editor.id, actor_label=editor.email,
                               changes={"attachment": [attachment.filename, None]}))
        delete_attachment(session, attachment)
        session.commit()


@delete("/api/v1/opportunities/{opportunity_id:int}/attachments/{attachment_id:int}", **API,
        name="api-detach", status_code=204, sync_to_thread=True, responses=ONE_OPENING)
def detach_pdf(request: Request, opportunity_id: RowId, attachment_id: RowId,
               services: ServicesDep) -> None:
    """Delete an attachment of an opening you may edit."""
    remove_attachment(services, current_editor(request), opportunity_id, attachment_id)


# Registered one by one rather than as a Router: the public GET shares a path with PATCH.
EDITING_ROUTES = [create_opportunity, edit_opportunity, change_opportunity_status,
                  my_opportunities, attach_pdf, detach_pdf]
