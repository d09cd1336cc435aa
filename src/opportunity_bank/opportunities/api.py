"""Public JSON views of openings."""

from __future__ import annotations

from datetime import date, datetime

import msgspec
from litestar import get
from litestar.exceptions import NotFoundException
from sqlmodel import Session

from opportunity_bank.models.enums import Kind, Status
from opportunity_bank.opportunities.views import public_opening, public_view
from opportunity_bank.web.errors import error_responses
from opportunity_bank.web.http import PUBLIC
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep


class PublicOpening(msgspec.Struct, forbid_unknown_fields=True):
    """An opening as anyone may see it; `open` says whether it still takes applications."""

    id: int
    external_id: str
    kind: Kind
    title: str
    description: str
    unit: str
    languages: list[str]
    content_language: str
    degree_levels: list[str]
    positions: int
    filled_positions: int | None
    year: int
    status: Status
    start_date: date | None
    end_date: date | None
    application_deadline: date | None
    tags: list[str]
    contact_email: str | None
    location: str | None
    compensation: str | None
    how_to_apply: str | None
    apply_url: str | None
    field_of_study: str | None
    min_age: int | None
    thesis_url: str | None
    published_at: datetime | None
    url: str
    open: bool


@get("/api/v1/opportunities/{opportunity_id:int}", name="api-opportunity", sync_to_thread=True,
     tags=["opportunities"], responses=error_responses(400, 404), cache_control=PUBLIC)
def get_opportunity(opportunity_id: RowId, services: ServicesDep) -> PublicOpening:
    """A published opening (also one whose deadline has passed: links live on)."""
    with Session(services.db) as session:
        row = public_opening(session, opportunity_id)
    if row is None:
        raise NotFoundException(f"no published opening {opportunity_id}")
    return msgspec.convert(public_view(*row), PublicOpening, strict=False)
