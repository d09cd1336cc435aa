"""The report's database side: one aggregate query per view.

The counting rules live in reports.arithmetic; the query applies the same rules (counted
statuses in WHERE, the filled rule in SUM(CASE …)) so the database returns one small row per
group instead of every opening. It reads only columns of the covering index
ix_opportunities_report, so neither SQLite nor PostgreSQL needs to visit the table itself.
"""

from __future__ import annotations

from sqlalchemy import Integer, and_, case, func, literal, select
from sqlalchemy.engine import Connection

from opportunity_bank.models import Opportunity, Unit
from opportunity_bank.reports.arithmetic import (
    COUNTED_STATUSES,
    FILLED_STATUSES,
    Aggregate,
)


def aggregate_statement(year_from: int, year_to: int, by_unit: bool):
    """SELECT year, kind[, unit], postings, positions, filled_positions … GROUP BY.

    It starts a year early because the first year's change is measured against it. Only
    counted openings are read, exactly as aggregate_postings groups them, so a year with
    nothing but drafts gives no row. Filtering in WHERE rather than in every SUM(CASE …)
    also spares SQLite a third of its per-row work (scripts/bench_report.py).
    """
    table = Opportunity.__table__.c
    counted = table.status.in_(sorted(COUNTED_STATUSES))
    filled = table.status.in_(sorted(FILLED_STATUSES))
    zero = literal(0, Integer)
    keys = [table.year, table.kind] + ([table.unit_id] if by_unit else [])
    grouped = (
        select(
            *keys,
            func.count().label("postings"),
            func.sum(table.positions).label("positions"),
            func.sum(
                case((filled, func.coalesce(table.filled_positions, table.positions)), else_=zero)
            ).label("filled_positions"),
        )
        .where(and_(table.year >= year_from - 1, table.year <= year_to, counted))
        .group_by(*keys)
    )
    if not by_unit:
        return grouped
    # Names are joined to the few grouped rows, not to every opening.
    sums = grouped.subquery()
    return select(
        sums.c.year, sums.c.kind, Unit.name.label("unit"),
        sums.c.postings, sums.c.positions, sums.c.filled_positions,
    ).join(Unit, Unit.id == sums.c.unit_id)


def report_aggregates(
    connection: Connection, year_from: int, year_to: int, by_unit: bool
) -> list[Aggregate]:
    result = connection.execute(aggregate_statement(year_from, year_to, by_unit))
    return [
        Aggregate(
            year=row.year,
            kind=row.kind,
            unit=row.unit if by_unit else None,
            postings=row.postings,
            positions=row.positions,
            filled_positions=row.filled_positions,
        )
        for row in result
    ]

