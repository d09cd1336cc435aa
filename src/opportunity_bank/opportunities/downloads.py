"""Serving attachments: as downloads that can never run as a page of this site."""

from __future__ import annotations

from litestar import Request, get
from litestar.exceptions import NotFoundException
from litestar.response import Stream
from sqlmodel import Session

from opportunity_bank.accounts.identity import identify
from opportunity_bank.models import Attachment, Opportunity
from opportunity_bank.opportunities import editing
from opportunity_bank.opportunities.attachments import content_disposition, download_name, read_chunks
from opportunity_bank.opportunities.visibility import is_public
from opportunity_bank.web.http import PUBLIC
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep

DOWNLOAD_HEADERS = {
    "x-content-type-options": "nosniff",
    # Opened in a tab anyway, the file gets no scripts, no forms and no origin of ours.
    "content-security-policy": "sandbox; default-src 'none'",
}


def may_download(session: Session, request: Request, opportunity: Opportunity) -> bool:
    """Anyone for a publicly visible opening; for a draft or withdrawn one, only its editors."""
    if is_public(opportunity.status):
        return True
    user = identify(request)
    return user is not None and editing.find_editable(
        session, editing.Editor.of(user), opportunity.id) is not None


@get("/attachments/{attachment_id:int}", name="attachment", sync_to_thread=True,
     include_in_schema=False, cache_control=PUBLIC)
def download_attachment(request: Request, attachment_id: RowId, services: ServicesDep) -> Stream:
    """Streamed from the database a chunk at a time, under one Content-Disposition of ours."""
    with Session(services.db) as session:
        attachment = session.get(Attachment, attachment_id)
        opportunity = attachment and session.get(Opportunity, attachment.opportunity_id)
        if opportunity is None or not may_download(session, request, opportunity):
            raise NotFoundException(f"no attachment {attachment_id}")
    name = download_name(attachment.filename)
    return Stream(read_chunks(services.db, attachment.id), media_type="application/pdf",
                  headers={**DOWNLOAD_HEADERS, "content-disposition": content_disposition(name),
                           "content-length": str(attachment.size)})
