"""Which openings students may see: each rule defined once, in every form a reader needs.

*Searchable*: published, and the application deadline (an Espoo date) has not passed. The
search index holds only searchable openings (the indexer and the rebuild read them with
`searchable_openings`), the database fallback and counts use `searchable_clause`, the index
query adds `index_filter` because a document's deadline passes while it sits in the index,
and pages ask `is_searchable` of one opening they already hold.

*Public*: anything but a draft, one in review or a withdrawn opening may be shown at its own
address (detail page, attachments): links to closed, filled and expired openings live on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, or_
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity, Status, Unit

SEARCHABLE_STATUS = Status.PUBLISHED
HIDDEN_STATUSES = (Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN)
# An opening without a deadline is stored with this day number: it sorts last and never passes.
NO_DEADLINE_DAY = 999_999
EPOCH = date(1970, 1, 1)


def day_number(value: date | None) -> int:
    return NO_DEADLINE_DAY if value is None else (value - EPOCH).days


def is_searchable(status: str, deadline: date | None, today: date) -> bool:
    return status == SEARCHABLE_STATUS and day_number(deadline) >= day_number(today)


def searchable_clause(today: date) -> ColumnElement[bool]:
    """`is_searchable` in SQL."""
    deadline = Opportunity.application_deadline
    return and_(Opportunity.status == SEARCHABLE_STATUS, or_(deadline.is_(None), deadline >= today))


def index_filter(today: date) -> str:
    """`is_searchable` as a Meilisearch filter over documents of published openings."""
    return f"deadline_day >= {day_number(today)}"


def searchable_openings(today: date):
    """Searchable openings with their unit's name, as (Opportunity, str) rows."""
    return (
        select(Opportunity, Unit.name)
        .join(Unit, Unit.id == Opportunity.unit_id)
        .where(searchable_clause(today))
    )


def searchable_count(engine: Engine, today: date) -> int:
    with Session(engine) as session:
        return session.exec(
            select(func.count()).select_from(Opportunity).where(searchable_clause(today))
        ).one()


def is_public(status: str) -> bool:
    return status not in HIDDEN_STATUSES


def public_clause() -> ColumnElement[bool]:
    """`is_public` in SQL."""
    return Opportunity.status.not_in(HIDDEN_STATUSES)
