"""Public JSON views of openings."""

from __future__ import annotations

from litestar import get
from litestar.exceptions import NotFoundException
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, Unit
from opportunity_bank.models.enums import Status
from opportunity_bank.opportunities.views import public_view
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep


@get("/api/v1/opportunities/{opportunity_id:int}", name="api-opportunity", sync_to_thread=True,
     tags=["opportunities"])
def get_opportunity(opportunity_id: RowId, services: ServicesDep) -> dict:
    """A published opening (also one whose deadline has passed: links live on)."""
    with Session(services.db) as session:
        row = session.exec(
            select(Opportunity, Unit.name)
            .join(Unit, Unit.id == Opportunity.unit_id)
            .where(Opportunity.id == opportunity_id)
            .where(Opportunity.status != Status.DRAFT)
            .where(Opportunity.status != Status.WITHDRAWN)
        ).first()
    if row is None:
        raise NotFoundException(f"no published opening {opportunity_id}")
    return public_view(*row)
