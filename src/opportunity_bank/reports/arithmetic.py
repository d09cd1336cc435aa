"""Yearly report arithmetic: pure functions from per-group aggregates and targets to rows.

HR follows each year's positions against the staff targets and the numbers go to the city
council, so every rule is spelled out here and nothing is rounded through floats.

Rows
    One row per year x kind (kinds in the order of ``KINDS``) for every year of the range,
    with zeros when nothing was posted, because HR must see the zero. The by-unit view has one
    row per year x kind x unit for every unit that has a counted posting (any non-zero
    aggregate) or a target in any year of the range; units are ordered by name (code point
    order).

Counting
    ``postings`` counts openings whose status is in ``COUNTED_STATUSES`` (published, filled,
    completed, closed; never draft or withdrawn). ``positions`` sums their positions.
    ``filled_positions`` sums, over the openings in ``FILLED_STATUSES`` (filled, completed),
    their ``filled_positions`` when given and otherwise all their positions.

Targets
    Targets are set per (year, kind, unit), unit ``None`` meaning the whole centre.
    Centre-wide view: the centre-wide target when one is set (even 0); otherwise the sum of
    that year x kind's unit targets when any exist; otherwise ``None``.
    By-unit view: the unit's own target, otherwise ``None``; centre-wide targets are not
    shared out among units.

achieved_pct
    positions / target x 100, rounded half up to one decimal (12.5 stays 12.5, 1/3 is 33.3,
    2/3 is 66.7). ``None`` when there is no target or the target is 0.

change_positions
    positions(year) - positions(year - 1) for the same kind (and unit), where
    positions(year - 1) is 0 when the aggregates hold no row for that kind (and unit).
    The year before the range is supplied by the caller as aggregates for year_from - 1.
    Exception: for the first year of the range, when the aggregates hold no row at all for
    year_from - 1 (any kind, any unit), the change is ``None``: we cannot tell "nothing was
    posted" from "not supplied", and an unknown baseline must not look like growth.
    Aggregates for other years outside the range are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal

from opportunity_bank.models.enums import KINDS
from opportunity_bank.models.enums import STATUSES as ALL_STATUSES

# The same vocabularies as the models; the report's own rules are which statuses count.
STATUSES = frozenset(ALL_STATUSES)
COUNTED_STATUSES = frozenset({"published", "filled", "completed", "closed"})
FILLED_STATUSES = frozenset({"filled", "completed"})
METRICS = ("postings", "positions", "filled_positions")

MIN_YEAR = 2000
MAX_YEAR = 2100
MAX_SPAN_YEARS = 50


class ReportRangeError(ValueError):
    """A requested range of years that cannot be reported; the message says why."""


@dataclass(frozen=True, slots=True)
class Posting:
    year: int
    kind: str
    unit: str
    status: str
    positions: int
    filled_positions: int | None


@dataclass(frozen=True, slots=True)
class Aggregate:
    year: int
    kind: str
    unit: str | None
    postings: int
    positions: int
    filled_positions: int


@dataclass(frozen=True, slots=True)
class Target:
    year: int
    kind: str
    unit: str | None
    positions: int


@dataclass(frozen=True, slots=True)
class ReportRow:
    year: int
    kind: str
    unit: str | None
    postings: int
    positions: int
    filled_positions: int
    target: int | None
    achieved_pct: Decimal | None
    change_positions: int | None

    def as_dict(self, by_unit: bool) -> dict:
        """JSON-ready fields in column order; ``unit`` only in the by-unit view."""
        data = {
            field.name: getattr(self, field.name)
            for field in fields(self)
            if by_unit or field.name != "unit"
        }
        if self.achieved_pct is not None:
            # The Decimal already has one decimal, so the float prints the same digits.
            data["achieved_pct"] = float(self.achieved_pct)
        return data


@dataclass(frozen=True, slots=True)
class TaaviRow:
    """One value of one metric in one year, as the city's goal system (Taavi) takes it."""

    metric: str
    year: int
    value: int
    target: int | None


_Key = tuple[int, str, str | None]
_ZERO = (0, 0, 0)


def validate_range(year_from: int, year_to: int) -> None:
    for name, year in (("start", year_from), ("end", year_to)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise ReportRangeError(f"the {name} year must be a whole number, not {year!r}")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ReportRangeError(
                f"the {name} year {year} is outside the years {MIN_YEAR}–{MAX_YEAR}"
            )
    if year_from > year_to:
        raise ReportRangeError(
            f"the range is reversed: the start year {year_from} is after the end year {year_to}"
        )
    span = year_to - year_from + 1
    if span > MAX_SPAN_YEARS:
        raise ReportRangeError(
            f"the range {year_from}–{year_to} covers {span} years; "
            f"at most {MAX_SPAN_YEARS} years fit in one report"
        )


def achieved_pct(positions: int, target: int | None) -> Decimal | None:
    if not target:
        return None
    # Integer division keeps the half-up decision exact; Decimal division would first round
    # to the context precision, and rounding twice can move a value across the half.
    tenths, remainder = divmod(positions * 1000, target)
    if 2 * remainder >= target:
        tenths += 1
    # Built from text because the constructor is exact, whereas scaleb rounds to the context.
    return Decimal(f"{tenths}E-1")


def aggregate_postings(postings: Iterable[Posting], by_unit: bool) -> list[Aggregate]:
    """Group counted postings per (year, kind, unit) the way the SQL query does."""
    groups: dict[_Key, tuple[int, int, int]] = {}
    for posting in postings:
        _check_kind(posting.kind)
        if posting.status not in STATUSES:
            raise ValueError(f"unknown status {posting.status!r}")
        if posting.status not in COUNTED_STATUSES:
            continue
        filled = 0
        if posting.status in FILLED_STATUSES:
            filled = (
                posting.positions if posting.filled_positions is None else posting.filled_positions
            )
        key = (posting.year, posting.kind, posting.unit if by_unit else None)
        count, positions, filled_positions = groups.get(key, _ZERO)
        groups[key] = (count + 1, positions + posting.positions, filled_positions + filled)
    return [Aggregate(*key, *groups[key]) for key in sorted(groups, key=_key_order)]


def build_report(
    aggregates: Iterable[Aggregate],
    targets: Iterable[Target],
    year_from: int,
    year_to: int,
    by_unit: bool,
) -> list[ReportRow]:
    validate_range(year_from, year_to)
    totals = _totals(aggregates, by_unit)
    view_targets = _view_targets(targets, by_unit)
    years = range(year_from, year_to + 1)
    units = _units(totals, view_targets, years) if by_unit else [None]
    baseline_known = any(year == year_from - 1 for year, _, _ in totals)

    rows = []
    for year in years:
        for kind in KINDS:
            for unit in units:
                postings, positions, filled = totals.get((year, kind, unit), _ZERO)
                target = view_targets.get((year, kind, unit))
                change = None
                if year > year_from or baseline_known:
                    change = positions - totals.get((year - 1, kind, unit), _ZERO)[1]
                rows.append(
                    ReportRow(
                        year=year,
                        kind=kind,
                        unit=unit,
                        postings=postings,
                        positions=positions,
                        filled_positions=filled,
                        target=target,
                        achieved_pct=achieved_pct(positions, target),
                        change_positions=change,
                    )
                )
    return rows


def check_centre_wide(rows: Iterable[ReportRow]) -> None:
    """Taavi and the chart follow the centre as a whole; by-unit rows would double count."""
    for row in rows:
        if row.unit is not None:
            raise ValueError(f"expected centre-wide rows, got a row for unit {row.unit!r}")


def taavi_rows(rows: list[ReportRow]) -> list[TaaviRow]:
    """Centre-wide rows as one series per metric ("thesis.positions", ...), years ascending.

    The target belongs to the positions metric only, since targets are set in positions.
    """
    check_centre_wide(rows)
    ordered = sorted(rows, key=lambda row: row.year)
    return [
        TaaviRow(
            metric=f"{kind}.{metric}",
            year=row.year,
            value=getattr(row, metric),
            target=row.target if metric == "positions" else None,
        )
        for kind in KINDS
        for metric in METRICS
        for row in ordered
        if row.kind == kind
    ]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def _key_order(key: _Key) -> tuple[int, int, str]:
    year, kind, unit = key
    return (year, KINDS.index(kind), unit or "")


def _totals(aggregates: Iterable[Aggregate], by_unit: bool) -> dict[_Key, tuple[int, int, int]]:
    """Sum aggregates per report key; the centre-wide view sums over units."""
    totals: dict[_Key, tuple[int, int, int]] = {}
    unit_kinds: set[bool] = set()
    for aggregate in aggregates:
        _check_kind(aggregate.kind)
        if min(aggregate.postings, aggregate.positions, aggregate.filled_positions) < 0:
            raise ValueError(f"negative count in {aggregate!r}")
        if by_unit and aggregate.unit is None:
            raise ValueError(f"the by-unit report needs aggregates per unit, got {aggregate!r}")
        unit_kinds.add(aggregate.unit is None)
        key = (aggregate.year, aggregate.kind, aggregate.unit if by_unit else None)
        postings, positions, filled = totals.get(key, _ZERO)
        totals[key] = (
            postings + aggregate.postings,
            positions + aggregate.positions,
            filled + aggregate.filled_positions,
        )
    if len(unit_kinds) > 1:
        # Centre-wide rows next to per-unit rows would count the same openings twice.
        raise ValueError("aggregates mix centre-wide rows (unit None) with per-unit rows")
    return totals


def _view_targets(targets: Iterable[Target], by_unit: bool) -> dict[_Key, int]:
    """Resolve the target of each report key under the rules in the module docstring."""
    given: dict[_Key, int] = {}
    for target in targets:
        _check_kind(target.kind)
        if target.positions < 0:
            raise ValueError(f"negative target {target!r}")
        key = (target.year, target.kind, target.unit)
        if key in given:
            raise ValueError(f"two targets for {key!r}")
        given[key] = target.positions
    if by_unit:
        return {key: positions for key, positions in given.items() if key[2] is not None}

    unit_sums: dict[_Key, int] = {}
    for (year, kind, unit), positions in given.items():
        if unit is not None:
            unit_sums[(year, kind, None)] = unit_sums.get((year, kind, None), 0) + positions
    centre_wide = {key: positions for key, positions in given.items() if key[2] is None}
    return unit_sums | centre_wide


def _units(
    totals: dict[_Key, tuple[int, int, int]], targets: dict[_Key, int], years: range
) -> list[str]:
    # Any non-zero count brings the unit in, so an odd aggregate can never lose numbers.
    units = {unit for (year, _, unit), counts in totals.items() if year in years and any(counts)}
    units.update(unit for year, _, unit in targets if year in years)
    return sorted(units)
