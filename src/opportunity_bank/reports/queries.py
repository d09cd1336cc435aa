"""The report's database side: one small aggregate query per view over report_totals.

The counting rules live in reports.arithmetic. Database triggers (migration 0002) keep
report_totals, one row per (year, kind, unit, status) with its postings, positions and
filled positions, so the report adds up a few thousand rows at most, however many openings
the bank holds. Only the counted statuses are added up here; the filled rule is applied by
the triggers, as each opening is counted.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from opportunity_bank.models import ReportTotal, Unit
from opportunity_bank.reports.arithmetic import COUNTED_STATUSES, Aggregate


def aggregate_statement(year_from: int, year_to: int, by_unit: bool):
    """SELECT year, kind[, unit], postings, positions, filled_positions … GROUP BY.

    It starts a year early because the first year's change is measured against it. Only
    counted groups are read, exactly as aggregate_postings groups them, so a year with
    nothing but drafts gives no row.
    """
    totals = ReportTotal.__table__.c
    keys = [totals.year, totals.kind] + ([totals.unit_id] if by_unit else [])
    grouped = (
        select(
            *keys,
            func.sum(totals.postings).label("postings"),
            func.sum(totals.positions).label("positions"),
            func.sum(totals.filled_positions).label("filled_positions"),
        )
        .where(
            totals.year.between(year_from - 1, year_to),
            totals.status.in_(sorted(COUNTED_STATUSES)),
        )
        .group_by(*keys)
    )
    if not by_unit:
        return grouped
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
