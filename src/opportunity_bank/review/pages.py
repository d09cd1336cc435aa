"""HR's review page: the queue with a decision form per opening, and a preview of each."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.params import URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_403_FORBIDDEN, HTTP_409_CONFLICT, HTTP_422_UNPROCESSABLE_ENTITY
from sqlmodel import Session

from opportunity_bank.accounts.identity import require_reports
from opportunity_bank.opportunities.editing import FieldProblems, unit_name
from opportunity_bank.opportunities.editing_api import current_editor, editable_or_404
from opportunity_bank.opportunities.lifecycle import CITY_TZ
from opportunity_bank.opportunities.pages import paragraphs
from opportunity_bank.review.api import as_aware
from opportunity_bank.review.rules import ReviewRefused
from opportunity_bank.review.service import decide, review_queue
from opportunity_bank.search.documents import detail_url
from opportunity_bank.web.i18n import gettext_for, negotiate_language
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import Services, ServicesDep

PAGE = {"guards": [require_reports], "sync_to_thread": True, "include_in_schema": False}


def queue_page(request: Request, services: Services, *, decided: str | None = None,
               problem: str | None = None, status_code: int = 200) -> Template:
    with Session(services.db) as session:
        items = review_queue(session)
    local = {item.opportunity.id: as_aware(item.waiting_since).astimezone(CITY_TZ) for item in items}
    return Template("review/queue.html", status_code=status_code, context={
        "items": items, "local": local, "decided": decided, "problem": problem})


def refusal_text(request: Request, code: str) -> str:
    _ = gettext_for(negotiate_language(request))
    texts = {
        "not_reviewer": _("Only HR and admins review openings."),
        "own_opening": _("You cannot review your own opening: another reviewer decides on it."),
        "nothing_to_review": _("This opening no longer waits for review; someone may have decided already."),
        "reason": _("Write a reason when you ask for changes, so the editors know what to change."),
    }
    return texts.get(code, _("Choose whether to approve the opening or ask for changes."))


@get("/hr/reviews", name="hr-reviews", **PAGE)
def reviews_page(request: Request, services: ServicesDep) -> Template:
    decided = request.query_params.get("decided")
    return queue_page(request, services, decided=decided if decided in ("approve", "changes") else None)


@get("/hr/reviews/{opportunity_id:int}", name="hr-review-preview", **PAGE)
def review_preview(request: Request, opportunity_id: RowId, services: ServicesDep) -> Template:
    """The opening as students would see it once approved."""
    reviewer = current_editor(request)
    with Session(services.db) as session:
        opportunity = editable_or_404(session, reviewer, opportunity_id)
        unit = unit_name(session, opportunity.unit_id)
    return Template("opportunities/detail.html", context={
        "o": opportunity, "unit": unit, "attachments": [], "contact_email": opportunity.contact_email,
        "closed_reason": None, "description": paragraphs(opportunity.description),
        "how_to_apply": paragraphs(opportunity.how_to_apply), "jsonld": None,
        "canonical_url": services.settings.base_url + detail_url(opportunity.id),
        "preview": True,
    })


@post("/hr/reviews/{opportunity_id:int}", name="hr-review-decide", **PAGE)
def review_decide(request: Request, opportunity_id: RowId, data: URLEncodedBody[dict[str, Any]],
                  services: ServicesDep) -> Template | Redirect:
    reviewer = current_editor(request)
    decision = str(data.get("decision") or "")
    with Session(services.db) as session:
        opportunity = editable_or_404(session, reviewer, opportunity_id)
        try:
            decide(session, reviewer, opportunity, decision, str(data.get("reason") or ""))
        except ReviewRefused as refused:
            session.rollback()
            return queue_page(request, services, problem=refusal_text(request, refused.code),
                              status_code=HTTP_403_FORBIDDEN if refused.forbidden else HTTP_409_CONFLICT)
        except FieldProblems as problems:
            session.rollback()
            return queue_page(request, services, problem=refusal_text(request, problems.errors[0].field),
                              status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        session.commit()
    return Redirect(request.app.route_reverse("hr-reviews") + f"?decided={decision}", status_code=303)


ROUTES = [reviews_page, review_preview, review_decide]
