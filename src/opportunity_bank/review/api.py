"""The review API: the queue and decisions (HR and admins)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.params import JSONBody
from litestar.status_codes import HTTP_403_FORBIDDEN, HTTP_409_CONFLICT
from pydantic import BaseModel, ConfigDict, Field
from sqlmodel import Session

from opportunity_bank.accounts.identity import require_reports
from opportunity_bank.models import ReviewDecision, utcnow
from opportunity_bank.opportunities import editing
from opportunity_bank.opportunities.editing_api import (
    EDITING_EXCEPTION_HANDLERS,
    EditorOpportunity,
    current_editor,
    editable_or_404,
    editor_view,
    error_responses,
)
from opportunity_bank.review.rules import MAX_REASON_CHARS, ReviewRefused
from opportunity_bank.review.service import decide, review_queue
from opportunity_bank.search.documents import detail_url
from opportunity_bank.web.errors import json_error
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    decision: ReviewDecision
    reason: str | None = Field(default=None, max_length=MAX_REASON_CHARS)


class ReviewItemOut(BaseModel):
    id: int
    title: str
    kind: str
    unit: str
    status: str
    owner_email: str | None
    waiting_since: datetime
    age_hours: float = Field(description="hours since it was sent for review")
    changes_only: bool = Field(description="a published opening whose edits wait for review")
    pending_changes: dict[str, Any] | None = None
    url: str


class ReviewQueueOut(BaseModel):
    items: list[ReviewItemOut]


def review_refused(_: Request, exc: ReviewRefused) -> Response:
    status = HTTP_403_FORBIDDEN if exc.forbidden else HTTP_409_CONFLICT
    message = str(exc)
    if not exc.forbidden:
        message += f" (decisions possible now: {', '.join(exc.allowed) or 'none'})"
    return json_error(status, message, [{"field": "decision", "message": message}])


REVIEW_API = {"guards": [require_reports], "tags": ["review"],
              "exception_handlers": {**EDITING_EXCEPTION_HANDLERS, ReviewRefused: review_refused}}


@get("/api/v1/reviews", **REVIEW_API, name="api-reviews", sync_to_thread=True,
     responses=error_responses(401, 403))
def reviews_api(services: ServicesDep) -> ReviewQueueOut:
    """Openings waiting for review, oldest first, with how long each has waited."""
    now = utcnow()
    with Session(services.db) as session:
        items = [
            ReviewItemOut(
                id=item.opportunity.id, title=item.opportunity.title, kind=item.opportunity.kind,
                unit=item.unit, status=item.opportunity.status, owner_email=item.owner_email,
                waiting_since=item.waiting_since,
                age_hours=round((now - as_aware(item.waiting_since)).total_seconds() / 3600, 1),
                changes_only=item.changes_only, pending_changes=item.opportunity.pending_changes,
                url=detail_url(item.opportunity.id),
            )
            for item in review_queue(session)
        ]
    return ReviewQueueOut(items=items)


def as_aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@post("/api/v1/opportunities/{opportunity_id:int}/review", **REVIEW_API, name="api-review",
      status_code=200, sync_to_thread=True, responses=error_responses(400, 401, 403, 404, 409, 422))
def review_api(request: Request, opportunity_id: RowId, data: JSONBody[ReviewIn],
               services: ServicesDep) -> EditorOpportunity:
    """Approve (`{"decision": "approve"}`) or send back (`{"decision": "changes", "reason": …}`)."""
    reviewer = current_editor(request)
    with Session(services.db, expire_on_commit=False) as session:
        opportunity = editable_or_404(session, reviewer, opportunity_id)
        decide(session, reviewer, opportunity, data.decision, data.reason)
        session.commit()
        return editor_view(opportunity, editing.unit_name(session, opportunity.unit_id))


ROUTES = [reviews_api, review_api]
