"""Public JSON views of openings."""

from __future__ import annotations

from litestar import get
from litestar.exceptions import NotFoundException
from sqlmodel import Session

from opportunity_bank.opportunities.views import public_opening, public_view
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep


@get("/api/v1/opportunities/{opportunity_id:int}", name="api-opportunity", sync_to_thread=True,
     tags=["opportunities"])
def get_opportunity(opportunity_id: RowId, services: ServicesDep) -> dict:
    """A published opening (also one whose deadline has passed: links live on)."""
    with Session(services.db) as session:
        row = public_opening(session, opportunity_id)
    if row is None:
        raise NotFoundException(f"no published opening {opportunity_id}")
    return public_view(*row)
