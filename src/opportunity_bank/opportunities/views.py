"""How an opening looks to the public: the fields a student may see."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, Unit
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import is_searchable, public_clause
from opportunity_bank.search.documents import detail_url

PUBLIC_FIELDS = (
    "id", "external_id", "kind", "title", "description", "languages", "content_language",
    "degree_levels", "positions", "filled_positions", "year", "status", "start_date",
    "end_date", "application_deadline", "tags", "contact_email", "location", "compensation",
    "how_to_apply", "apply_url", "field_of_study", "min_age", "thesis_url", "published_at",
)


def public_opening(session: Session, opportunity_id: int) -> tuple[Opportunity, str] | None:
    """An opening and its unit's name, if it is public (see opportunities.visibility).

    Closed, filled and expired openings still answer: links to them live on.
    """
    row = session.exec(
        select(Opportunity, Unit.name)
        .join(Unit, Unit.id == Opportunity.unit_id)
        .where(Opportunity.id == opportunity_id)
        .where(public_clause())
    ).first()
    return (row[0], row[1]) if row else None


def public_view(opportunity: Opportunity, unit_name: str) -> dict[str, Any]:
    view = {name: getattr(opportunity, name) for name in PUBLIC_FIELDS}
    for name, value in view.items():
        if hasattr(value, "isoformat"):
            view[name] = value.isoformat()
    view["unit"] = unit_name
    view["url"] = detail_url(opportunity.id)
    view["open"] = is_searchable(opportunity.status, opportunity.application_deadline, city_today())
    return view
