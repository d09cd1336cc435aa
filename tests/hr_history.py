"""A seeded history of openings for the HR report tests, and the report computed from it
independently: plain loops over the records, no code from opportunity_bank.reports."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from tests.helpers import record, write_jsonl

HISTORY_YEARS = range(2021, 2027)
UNITS = ("Geotekniikka", "Katu- ja viherpalvelut", "Kaupunkimittaus", "Liikennesuunnittelu",
         "Ylläpito – Åland")
KIND_ORDER = ("thesis", "internship", "summer_job")
STATUSES = ("draft", "published", "filled", "completed", "closed", "withdrawn")
COUNTED = {"published", "filled", "completed", "closed"}
FILLED = {"filled", "completed"}
# (year, kind, unit or None, positions)
TARGETS = (
    (2023, "thesis", None, 40),
    (2024, "thesis", None, 35),
    (2024, "internship", "Geotekniikka", 6),
    (2024, "internship", "Kaupunkimittaus", 9),  # no centre-wide target: the units add up
    (2025, "summer_job", None, 0),  # a zero target has no achieved %
    (2025, "summer_job", "Ylläpito – Åland", 12),
    (2026, "internship", None, 50),
)


def history_records(count: int = 400, seed: int = 20261127) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    records = []
    for number in range(1, count + 1):
        positions = rng.randint(1, 8)
        status = rng.choice(STATUSES)
        filled = rng.choice([None, rng.randint(0, positions)])
        records.append(record(
            number,
            kind=rng.choice(KIND_ORDER),
            unit=rng.choice(UNITS),
            year=rng.choice(HISTORY_YEARS),
            status=status,
            positions=positions,
            filled_positions=filled,
        ))
    return records


def write_history(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    return write_jsonl(tmp_path / "history.jsonl", records)


def expected_rows(
    records: list[dict[str, Any]], targets, year_from: int, year_to: int, by_unit: bool
) -> list[dict[str, Any]]:
    """The report as HR defines it, written out with loops."""
    def unit_of(rec):
        return rec["unit"] if by_unit else None

    counts: dict[tuple, list[int]] = {}
    years_with_openings = set()
    for rec in records:
        if rec["status"] not in COUNTED:
            continue
        years_with_openings.add(rec["year"])
        key = (rec["year"], rec["kind"], unit_of(rec))
        entry = counts.setdefault(key, [0, 0, 0])
        entry[0] += 1
        entry[1] += rec["positions"]
        if rec["status"] in FILLED:
            entry[2] += rec["positions"] if rec["filled_positions"] is None else rec["filled_positions"]

    target_of: dict[tuple, int] = {}
    if by_unit:
        for year, kind, unit, positions in targets:
            if unit is not None:
                target_of[(year, kind, unit)] = positions
    else:
        centre = {(year, kind): positions for year, kind, unit, positions in targets if unit is None}
        unit_sums: dict[tuple, int] = {}
        for year, kind, unit, positions in targets:
            if unit is not None:
                unit_sums[(year, kind)] = unit_sums.get((year, kind), 0) + positions
        for year, kind in set(centre) | set(unit_sums):
            target_of[(year, kind, None)] = centre.get((year, kind), unit_sums.get((year, kind)))

    if by_unit:
        units = set()
        for (year, _kind, unit), numbers in counts.items():
            if year_from <= year <= year_to and any(numbers):
                units.add(unit)
        for year, _kind, unit, _positions in targets:
            if unit is not None and year_from <= year <= year_to:
                units.add(unit)
        unit_list = sorted(units)
    else:
        unit_list = [None]

    rows = []
    for year in range(year_from, year_to + 1):
        for kind in KIND_ORDER:
            for unit in unit_list:
                postings, positions, filled = counts.get((year, kind, unit), [0, 0, 0])
                target = target_of.get((year, kind, unit))
                pct = None
                if target:
                    pct = float((Decimal(positions) * 100 / Decimal(target)).quantize(
                        Decimal("0.1"), rounding=ROUND_HALF_UP))
                change = None
                if year > year_from or (year - 1) in years_with_openings:
                    change = positions - counts.get((year - 1, kind, unit), [0, 0, 0])[1]
                row = {"year": year, "kind": kind}
                if by_unit:
                    row["unit"] = unit
                row.update(postings=postings, positions=positions, filled_positions=filled,
                           target=target, achieved_pct=pct, change_positions=change)
                rows.append(row)
    return rows


def expected_taavi(by_kind_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for kind in KIND_ORDER:
        for metric in ("postings", "positions", "filled_positions"):
            for row in by_kind_rows:
                if row["kind"] == kind:
                    rows.append({"metric": f"{kind}.{metric}", "year": row["year"],
                                 "value": row[metric],
                                 "target": row["target"] if metric == "positions" else None})
    return rows


def as_text(value: Any) -> str:
    """How CSV writes a cell."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
