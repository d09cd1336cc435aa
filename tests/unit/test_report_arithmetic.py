"""Report arithmetic against hand-computed answers and an independent re-computation."""

import dataclasses
import random
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opportunity_bank.reports.arithmetic import (
    KINDS,
    Aggregate,
    Posting,
    ReportRangeError,
    ReportRow,
    Target,
    achieved_pct,
    aggregate_postings,
    build_report,
    taavi_rows,
    validate_range,
)

# --- a small fixed dataset, answers worked out by hand --------------------------------------

P = Posting
HAND_POSTINGS = [
    # 2023 is the year before the range: only the baseline for change_positions.
    P(2023, "thesis", "Streets", "published", 2, None),
    P(2023, "summer_job", "Survey", "closed", 1, None),
    # 2024
    P(2024, "thesis", "Streets", "published", 1, None),
    P(2024, "thesis", "Parks", "filled", 1, None),  # filled, no count given: all positions
    P(2024, "thesis", "Parks", "draft", 5, None),  # draft: not counted
    P(2024, "thesis", "Traffic", "draft", 2, None),  # a unit with drafts only gets no rows
    P(2024, "internship", "Streets", "completed", 3, 2),  # filled count given
    P(2024, "internship", "Parks", "withdrawn", 4, None),  # withdrawn: not counted
    P(2024, "summer_job", "Streets", "closed", 1, None),
    # 2025: nothing at all
    # 2026
    P(2026, "thesis", "Streets", "published", 2, None),
    P(2026, "summer_job", "Parks", "filled", 8, 0),  # explicitly none filled yet
    P(2026, "summer_job", "Streets", "published", 2, None),
    # after the range: must be ignored
    P(2027, "thesis", "Streets", "published", 40, None),
]
T = Target
HAND_TARGETS = [
    T(2024, "thesis", None, 3),
    T(2024, "thesis", "Streets", 3),
    T(2024, "internship", "Streets", 3),
    T(2024, "summer_job", "Streets", 8),
    T(2025, "thesis", None, 4),
    T(2025, "internship", "Geotechnics", 5),  # a unit with a target and no postings
    T(2026, "thesis", "Streets", 2),
    T(2026, "thesis", "Parks", 4),
    T(2026, "summer_job", None, 0),  # a centre-wide 0 wins over the unit target below
    T(2026, "summer_job", "Parks", 12),
    T(2030, "thesis", "Faraway", 9),  # outside the range: no unit, no effect
]

D = Decimal
# year, kind, postings, positions, filled_positions, target, achieved_pct, change_positions
HAND_CENTRE = [
    (2024, "thesis", 2, 2, 1, 3, D("66.7"), 0),
    (2024, "internship", 1, 3, 2, 3, D("100.0"), 3),
    (2024, "summer_job", 1, 1, 0, 8, D("12.5"), 0),
    (2025, "thesis", 0, 0, 0, 4, D("0.0"), -2),
    (2025, "internship", 0, 0, 0, 5, D("0.0"), -3),
    (2025, "summer_job", 0, 0, 0, None, None, -1),
    (2026, "thesis", 1, 2, 0, 6, D("33.3"), 2),
    (2026, "internship", 0, 0, 0, None, None, 0),
    (2026, "summer_job", 2, 10, 0, 0, None, 10),
]
_ = None
HAND_BY_UNIT = {
    "Geotechnics": [
        (2024, "thesis", 0, 0, 0, _, _, 0),
        (2024, "internship", 0, 0, 0, _, _, 0),
        (2024, "summer_job", 0, 0, 0, _, _, 0),
        (2025, "thesis", 0, 0, 0, _, _, 0),
        (2025, "internship", 0, 0, 0, 5, D("0.0"), 0),
        (2025, "summer_job", 0, 0, 0, _, _, 0),
        (2026, "thesis", 0, 0, 0, _, _, 0),
        (2026, "internship", 0, 0, 0, _, _, 0),
        (2026, "summer_job", 0, 0, 0, _, _, 0),
    ],
    "Parks": [
        (2024, "thesis", 1, 1, 1, _, _, 1),
        (2024, "internship", 0, 0, 0, _, _, 0),
        (2024, "summer_job", 0, 0, 0, _, _, 0),
        (2025, "thesis", 0, 0, 0, _, _, -1),
        (2025, "internship", 0, 0, 0, _, _, 0),
        (2025, "summer_job", 0, 0, 0, _, _, 0),
        (2026, "thesis", 0, 0, 0, 4, D("0.0"), 0),
        (2026, "internship", 0, 0, 0, _, _, 0),
        (2026, "summer_job", 1, 8, 0, 12, D("66.7"), 8),
    ],
    "Streets": [
        (2024, "thesis", 1, 1, 0, 3, D("33.3"), -1),
        (2024, "internship", 1, 3, 2, 3, D("100.0"), 3),
        (2024, "summer_job", 1, 1, 0, 8, D("12.5"), 1),
        (2025, "thesis", 0, 0, 0, _, _, -1),
        (2025, "internship", 0, 0, 0, _, _, -3),
        (2025, "summer_job", 0, 0, 0, _, _, -1),
        (2026, "thesis", 1, 2, 0, 2, D("100.0"), 2),
        (2026, "internship", 0, 0, 0, _, _, 0),
        (2026, "summer_job", 1, 2, 0, _, _, 2),
    ],
}


def _rows(table, unit=None):
    return [ReportRow(y, k, unit, *numbers) for y, k, *numbers in table]


def test_hand_computed_centre_wide_report():
    aggregates = aggregate_postings(HAND_POSTINGS, by_unit=False)
    report = build_report(aggregates, HAND_TARGETS, 2024, 2026, by_unit=False)
    assert report == _rows(HAND_CENTRE)


def test_hand_computed_by_unit_report():
    aggregates = aggregate_postings(HAND_POSTINGS, by_unit=True)
    report = build_report(aggregates, HAND_TARGETS, 2024, 2026, by_unit=True)
    expected = [
        row
        for year in (2024, 2025, 2026)
        for kind in KINDS
        for unit, table in HAND_BY_UNIT.items()
        for row in _rows(table, unit)
        if (row.year, row.kind) == (year, kind)
    ]
    assert report == expected


def test_centre_wide_view_sums_per_unit_aggregates():
    by_unit_aggregates = aggregate_postings(HAND_POSTINGS, by_unit=True)
    report = build_report(by_unit_aggregates, HAND_TARGETS, 2024, 2026, by_unit=False)
    assert report == _rows(HAND_CENTRE)


def test_first_year_change_is_unknown_without_the_year_before():
    postings = [p for p in HAND_POSTINGS if p.year != 2023]
    report = build_report(aggregate_postings(postings, False), HAND_TARGETS, 2024, 2026, False)
    assert [row.change_positions for row in report if row.year == 2024] == [None, None, None]
    assert [row.change_positions for row in report if row.year == 2025] == [-2, -3, -1]


def test_year_before_with_any_row_makes_the_missing_kinds_zero():
    postings = [P(2023, "internship", "Parks", "published", 4, None), *HAND_POSTINGS[2:]]
    report = build_report(aggregate_postings(postings, False), [], 2024, 2024, False)
    assert [row.change_positions for row in report] == [2, -1, 1]


def test_a_draft_only_year_before_is_not_a_baseline():
    postings = [P(2023, "thesis", "Parks", "draft", 4, None), *HAND_POSTINGS[2:]]
    report = build_report(aggregate_postings(postings, False), [], 2024, 2024, False)
    assert [row.change_positions for row in report] == [None, None, None]


@pytest.mark.parametrize(
    ("positions", "target", "expected"),
    [
        (1, 8, "12.5"),
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (3, 3, "100.0"),
        (0, 4, "0.0"),
        (1, 16, "6.3"),  # 6.25 goes up, not to even
        (1, 400, "0.3"),  # 0.25 goes up
        (7, 2000, "0.4"),  # 0.35 exactly: half up
        (5, 4, "125.0"),
    ],
)
def test_achieved_pct_rounds_half_up(positions, target, expected):
    assert achieved_pct(positions, target) == Decimal(expected)
    assert str(achieved_pct(positions, target)) == expected


@pytest.mark.parametrize("target", [None, 0])
def test_achieved_pct_needs_a_target(target):
    assert achieved_pct(5, target) is None


@given(st.integers(0, 10**40), st.integers(1, 10**40))
def test_achieved_pct_matches_exact_decimal_arithmetic(positions, target):
    with localcontext() as context:
        context.prec = 200  # enough digits that the quotient is exact before quantizing
        exact = (Decimal(positions) * 100 / Decimal(target)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    assert achieved_pct(positions, target) == exact
    assert achieved_pct(positions, target).as_tuple().exponent == -1


def test_as_dict_is_json_ready_and_omits_unit_in_the_centre_wide_view():
    row = ReportRow(2024, "thesis", "Parks", 2, 3, 1, 9, Decimal("33.3"), -1)
    assert row.as_dict(by_unit=False) == {
        "year": 2024,
        "kind": "thesis",
        "postings": 2,
        "positions": 3,
        "filled_positions": 1,
        "target": 9,
        "achieved_pct": 33.3,
        "change_positions": -1,
    }
    assert list(row.as_dict(by_unit=True))[:3] == ["year", "kind", "unit"]
    assert type(row.as_dict(by_unit=True)["achieved_pct"]) is float
    no_target = dataclasses.replace(row, target=None, achieved_pct=None, change_positions=None)
    assert no_target.as_dict(by_unit=True)["achieved_pct"] is None


def test_taavi_rows_one_series_per_metric():
    report = _rows(HAND_CENTRE)
    rows = taavi_rows(report)
    assert len(rows) == 3 * 3 * 3
    assert [(r.metric, r.year) for r in rows[:4]] == [
        ("thesis.postings", 2024),
        ("thesis.postings", 2025),
        ("thesis.postings", 2026),
        ("thesis.positions", 2024),
    ]
    by_key = {(r.metric, r.year): r for r in rows}
    assert by_key["summer_job.positions", 2024].value == 1
    assert by_key["summer_job.positions", 2024].target == 8
    assert by_key["internship.filled_positions", 2024].value == 2
    assert by_key["internship.filled_positions", 2024].target is None
    assert by_key["thesis.postings", 2024].target is None


def test_taavi_rows_refuse_by_unit_rows():
    with pytest.raises(ValueError, match="centre-wide"):
        taavi_rows(_rows(HAND_BY_UNIT["Parks"], "Parks"))


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year_from", "year_to", "reason"),
    [
        (2026, 2024, "reversed"),
        (1999, 2024, "outside"),
        (2024, 2101, "outside"),
        (-5, 2024, "outside"),
        (2000, 2050, "51 years"),
        ("2024", 2025, "whole number"),
        (2024.0, 2025, "whole number"),
    ],
)
def test_validate_range_refuses_with_a_reason(year_from, year_to, reason):
    with pytest.raises(ReportRangeError, match=reason):
        validate_range(year_from, year_to)
    with pytest.raises(ValueError, match=reason):
        build_report([], [], year_from, year_to, by_unit=False)


@pytest.mark.parametrize(("year_from", "year_to"), [(2000, 2049), (2100, 2100), (2024, 2026)])
def test_validate_range_accepts_sane_ranges(year_from, year_to):
    validate_range(year_from, year_to)


@pytest.mark.parametrize(
    ("aggregates", "targets", "by_unit", "reason"),
    [
        ([Aggregate(2024, "thesis", None, 1, 1, 0)], [], True, "per unit"),
        (
            [Aggregate(2024, "thesis", None, 1, 1, 0), Aggregate(2024, "thesis", "A", 1, 1, 0)],
            [],
            False,
            "mix",
        ),
        ([Aggregate(2024, "phd", "A", 1, 1, 0)], [], True, "unknown kind"),
        ([Aggregate(2024, "thesis", "A", 1, -1, 0)], [], True, "negative"),
        ([], [Target(2024, "thesis", None, 1), Target(2024, "thesis", None, 2)], False, "two"),
        ([], [Target(2024, "thesis", "A", -1)], True, "negative"),
    ],
)
def test_build_report_refuses_inconsistent_input(aggregates, targets, by_unit, reason):
    with pytest.raises(ValueError, match=reason):
        build_report(aggregates, targets, 2024, 2024, by_unit)


def test_aggregate_postings_refuses_unknown_status():
    with pytest.raises(ValueError, match="unknown status"):
        aggregate_postings([P(2024, "thesis", "A", "archived", 1, None)], by_unit=True)


# --- properties against an independent re-computation --------------------------------------

YEARS = (2019, 2026)
UNITS = ("Streets", "Parks", "Geotechnics")
ALL_STATUSES = ("draft", "published", "filled", "completed", "closed", "withdrawn")


@st.composite
def postings(draw):
    positions = draw(st.integers(1, 50))
    return Posting(
        year=draw(st.integers(*YEARS)),
        kind=draw(st.sampled_from(KINDS)),
        unit=draw(st.sampled_from(UNITS)),
        status=draw(st.sampled_from(ALL_STATUSES)),
        positions=positions,
        filled_positions=draw(st.none() | st.integers(0, positions)),
    )


target_lists = st.dictionaries(
    st.tuples(st.integers(*YEARS), st.sampled_from(KINDS), st.sampled_from((None, *UNITS))),
    st.integers(0, 60),
    max_size=20,
).map(lambda found: [Target(*key, positions) for key, positions in found.items()])


@st.composite
def year_ranges(draw):
    year_from = draw(st.integers(YEARS[0] + 1, YEARS[1]))
    return year_from, draw(st.integers(year_from, YEARS[1]))


def recompute(posting_list, targets, year_from, year_to, by_unit):
    """The report straight from the rules, one loop per number, sharing nothing with the code."""
    counted = [
        p for p in posting_list if p.status in ("published", "filled", "completed", "closed")
    ]
    if by_unit:
        units = set()
        for p in counted:
            if year_from <= p.year <= year_to:
                units.add(p.unit)
        for t in targets:
            if t.unit is not None and year_from <= t.year <= year_to:
                units.add(t.unit)
        units = sorted(units)
    else:
        units = [None]
    year_before_known = False
    for p in counted:
        if p.year == year_from - 1:
            year_before_known = True

    rows = []
    for year in range(year_from, year_to + 1):
        for kind in ("thesis", "internship", "summer_job"):
            for unit in units:
                postings = positions = filled = previous = 0
                for p in counted:
                    if p.kind != kind or (unit is not None and p.unit != unit):
                        continue
                    if p.year == year:
                        postings += 1
                        positions += p.positions
                        if p.status in ("filled", "completed"):
                            if p.filled_positions is None:
                                filled += p.positions
                            else:
                                filled += p.filled_positions
                    if p.year == year - 1:
                        previous += p.positions
                target = None
                unit_target_sum = None
                for t in targets:
                    if t.year != year or t.kind != kind:
                        continue
                    if t.unit == unit:
                        target = t.positions
                    elif unit is None:
                        unit_target_sum = (unit_target_sum or 0) + t.positions
                if unit is None and target is None:
                    target = unit_target_sum
                pct = None
                if target:
                    pct = (Decimal(positions) * 100 / Decimal(target)).quantize(
                        Decimal("0.1"), rounding=ROUND_HALF_UP
                    )
                change = positions - previous
                if year == year_from and not year_before_known:
                    change = None
                rows.append(
                    {
                        "year": year,
                        "kind": kind,
                        "unit": unit,
                        "postings": postings,
                        "positions": positions,
                        "filled_positions": filled,
                        "target": target,
                        "achieved_pct": pct,
                        "change_positions": change,
                    }
                )
    return rows


@settings(max_examples=300)
@given(st.lists(postings(), max_size=40), target_lists, year_ranges(), st.booleans())
def test_report_equals_independent_recomputation(posting_list, targets, year_range, by_unit):
    report = build_report(aggregate_postings(posting_list, by_unit), targets, *year_range, by_unit)
    assert [dataclasses.asdict(row) for row in report] == recompute(
        posting_list, targets, *year_range, by_unit
    )


@given(st.lists(postings(), max_size=40), target_lists, year_ranges())
def test_centre_wide_totals_are_the_sums_of_unit_rows(posting_list, targets, year_range):
    centre = build_report(aggregate_postings(posting_list, False), targets, *year_range, False)
    per_unit = build_report(aggregate_postings(posting_list, True), targets, *year_range, True)
    for row in centre:
        units = [r for r in per_unit if (r.year, r.kind) == (row.year, row.kind)]
        for name in ("postings", "positions", "filled_positions"):
            assert getattr(row, name) == sum(getattr(r, name) for r in units)


@given(st.lists(postings(), max_size=40), target_lists, year_ranges())
def test_rows_cover_every_year_and_kind_once(posting_list, targets, year_range):
    year_from, year_to = year_range
    report = build_report(aggregate_postings(posting_list, False), targets, *year_range, False)
    assert [(row.year, row.kind) for row in report] == [
        (year, kind) for year in range(year_from, year_to + 1) for kind in KINDS
    ]


@given(st.lists(postings(), max_size=40), target_lists, year_ranges(), st.booleans(), st.randoms())
def test_report_does_not_depend_on_input_order(posting_list, targets, year_range, by_unit, rnd):
    aggregates = aggregate_postings(posting_list, by_unit)
    report = build_report(aggregates, targets, *year_range, by_unit)
    rnd.shuffle(aggregates)
    rnd.shuffle(targets)
    assert build_report(aggregates, targets, *year_range, by_unit) == report


@given(st.lists(postings(), max_size=40), target_lists, year_ranges())
def test_centre_wide_view_from_unit_aggregates_equals_from_centre_aggregates(
    posting_list, targets, year_range
):
    from_centre = aggregate_postings(posting_list, by_unit=False)
    from_units = aggregate_postings(posting_list, by_unit=True)
    assert build_report(from_units, targets, *year_range, False) == build_report(
        from_centre, targets, *year_range, False
    )


def test_recomputation_is_not_vacuous():
    # Guards the property tests: the reference must disagree with a wrong report.
    rnd = random.Random(7)
    posting_list = [
        P(rnd.randint(2020, 2022), rnd.choice(KINDS), rnd.choice(UNITS), "filled", 5, 2)
        for _ in range(20)
    ]
    expected = recompute(posting_list, [], 2021, 2022, False)
    assert any(row["filled_positions"] for row in expected)
    report = build_report(aggregate_postings(posting_list, False), [], 2021, 2022, False)
    assert [dataclasses.asdict(r) for r in report] == expected
    wrong = [dataclasses.replace(r, filled_positions=r.positions) for r in report]
    assert [dataclasses.asdict(r) for r in wrong] != expected
