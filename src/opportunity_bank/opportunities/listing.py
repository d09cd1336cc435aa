""""My openings" for a unit with hundreds of them: filters, title search, sorting and pages."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from opportunity_bank.models import Opportunity, Status, Unit
from opportunity_bank.models.enums import KINDS, STATUSES
from opportunity_bank.opportunities.editing import Editor, editable_openings

PER_PAGE = 25
# The statuses HR's report counts: its numbers link here with status=counted.
COUNTED = "counted"
COUNTED_STATUSES = (Status.PUBLISHED.value, Status.FILLED.value, Status.COMPLETED.value,
                    Status.CLOSED.value)
SORTS = ("updated", "deadline", "title")
MAX_QUERY = 100


@dataclass(frozen=True, slots=True)
class ListFilters:
    status: str = ""
    kind: str = ""
    year: int | None = None
    q: str = ""
    sort: str = "updated"
    page: int = 1
    unit: str = ""

    def params(self, **changes: Any) -> dict[str, str]:
        """The query string of this view with some values changed (links keep the rest)."""
        values = {"status": self.status, "kind": self.kind, "year": self.year or "", "q": self.q,
                  "unit": self.unit,
                  "sort": self.sort if self.sort != "updated" else "", "page": self.page}
        values.update(changes)
        if values["page"] == 1:
            values["page"] = ""
        return {key: str(value) for key, value in values.items() if value not in ("", None)}


def parse_filters(params: dict[str, Any]) -> ListFilters:
    """Whatever arrives in the address: unknown values mean "all" rather than an error page."""
    def text(name: str) -> str:
        value = params.get(name)
        return (value[-1] if isinstance(value, list) else value or "").strip()

    year, page = text("year"), text("page")
    return ListFilters(
        status=text("status") if text("status") in (*STATUSES, COUNTED) else "",
        unit=text("unit")[:200],
        kind=text("kind") if text("kind") in KINDS else "",
        year=int(year) if year.isascii() and year.isdigit() and 2000 <= int(year) <= 2100 else None,
        q=text("q")[:MAX_QUERY],
        sort=text("sort") if text("sort") in SORTS else "updated",
        page=max(1, min(int(page), 10_000)) if page.isascii() and page.isdigit() else 1,
    )


@dataclass(frozen=True, slots=True)
class OpeningsPage:
    rows: list[tuple[Opportunity, str]]
    total: int
    pages: int
    counts: dict[str, int]
    years: list[int]


def openings_page(session: Session, editor: Editor, filters: ListFilters) -> OpeningsPage:
    base = editable_openings(editor).with_only_columns(Opportunity.id)
    if filters.kind:
        base = base.where(Opportunity.kind == filters.kind)
    if filters.year:
        base = base.where(Opportunity.year == filters.year)
    if filters.unit:
        base = base.where(Opportunity.unit_id.in_(select(Unit.id).where(Unit.name == filters.unit)))
    if filters.q:
        escaped = filters.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        base = base.where(func.lower(Opportunity.title).like(f"%{escaped.lower()}%", escape="\\"))
    # Counts per status for the tabs follow the other filters, never the status one.
    ids = base.subquery()
    counts = dict(session.exec(
        select(Opportunity.status, func.count()).where(col(Opportunity.id).in_(select(ids.c.id)))
        .group_by(Opportunity.status)).all())
    years = sorted(session.exec(editable_openings(editor).with_only_columns(Opportunity.year)
                                .distinct()).all(), reverse=True)
    query = (editable_openings(editor, Unit.name).join(Unit, Unit.id == Opportunity.unit_id)
             .where(col(Opportunity.id).in_(select(ids.c.id))))
    shown = (COUNTED_STATUSES if filters.status == COUNTED
             else (filters.status,) if filters.status else STATUSES)
    query = query.where(col(Opportunity.status).in_(shown))
    total = sum(counts.get(status, 0) for status in shown)
    order = {
        "updated": (Opportunity.updated_at.desc(), Opportunity.id.desc()),
        "deadline": (Opportunity.application_deadline.is_(None), Opportunity.application_deadline,
                     Opportunity.id),
        "title": (Opportunity.title, Opportunity.id),
    }[filters.sort]
    pages = max(1, ceil(total / PER_PAGE))
    page = min(filters.page, pages)
    rows = session.exec(query.order_by(*order).offset((page - 1) * PER_PAGE).limit(PER_PAGE)).all()
    return OpeningsPage(rows=[(row[0], row[1]) for row in rows], total=total, pages=pages,
                        counts={status: counts.get(status, 0) for status in STATUSES}, years=years)


def main_action(status: str, deadline_passed: bool) -> str | None:
    """The one move shown as a button on a row; the others wait in its menu."""
    if status == Status.DRAFT:
        return Status.PUBLISHED.value
    if status == Status.PUBLISHED:
        return Status.CLOSED.value if deadline_passed else Status.FILLED.value
    if status == Status.FILLED:
        return Status.COMPLETED.value
    return None
