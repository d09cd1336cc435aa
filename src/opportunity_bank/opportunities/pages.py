"""The public page of one opening, `/opportunities/{id}`."""

from __future__ import annotations

from datetime import date

from litestar import Request, get
from litestar.response import Template
from sqlmodel import Session, select

from opportunity_bank.models import Attachment, Opportunity, Status, Unit, User
from opportunity_bank.opportunities.jsonld import job_posting, json_script
from opportunity_bank.opportunities.lifecycle import (
    city_today,
    deadline_passed,
    thesis_link,
)
from opportunity_bank.opportunities.views import public_opening
from opportunity_bank.opportunities.visibility import is_searchable
from opportunity_bank.web.http import PUBLIC
from opportunity_bank.web.i18n import negotiate_language
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep


def closed_reason(opportunity: Opportunity, today: date) -> str | None:
    """Why an opening no longer takes applications (a key the template words), or None."""
    if is_searchable(opportunity.status, opportunity.application_deadline, today):
        return None
    if opportunity.status == Status.PUBLISHED and deadline_passed(opportunity.application_deadline, today):
        return "deadline"
    return opportunity.status


def paragraphs(text: str | None) -> list[list[str]]:
    """Plain text as paragraphs (blank-line separated) of lines, for escaped rendering."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    return [block.split("\n") for block in blocks if block]


@get("/opportunities/{opportunity_id:int}", name="opportunity-page", sync_to_thread=True,
     include_in_schema=False, cache_control=PUBLIC)
def opportunity_page(opportunity_id: RowId, request: Request, services: ServicesDep) -> Template:
    with Session(services.db) as session:
        row = public_opening(session, opportunity_id)
        if row is None:
            return Template("errors/not_found.html", status_code=404)
        opportunity, unit = row
        language = negotiate_language(request)
        unit_row = session.get(Unit, opportunity.unit_id)
        # Students read the unit's name in their language when it has one; else its own name.
        shown_unit = unit_row.name_in(language)
        unit_language = language if shown_unit != unit else "fi"
        attachments = session.exec(
            select(Attachment).where(Attachment.opportunity_id == opportunity.id)
            .order_by(Attachment.created_at, Attachment.id)
        ).all()
        owner_email = session.exec(select(User.email).where(User.id == opportunity.owner_id)).first() \
            if opportunity.owner_id else None
    today = city_today()
    reason = closed_reason(opportunity, today)
    absolute_url = services.settings.base_url + request.app.route_reverse(
        "opportunity-page", opportunity_id=opportunity.id)
    posting = job_posting(opportunity, absolute_url) if reason is None else None
    return Template("opportunities/detail.html", context={
        "o": opportunity,
        "unit": shown_unit,
        "unit_language": unit_language,
        "attachments": attachments,
        "contact_email": opportunity.contact_email or owner_email,
        "closed_reason": reason,
        "description": paragraphs(opportunity.description),
        "how_to_apply": paragraphs(opportunity.how_to_apply),
        "jsonld": json_script(posting) if posting else None,
        "canonical_url": absolute_url,
        "finished_thesis": thesis_link(opportunity.thesis_url),
    })
