"""Exports: every format must carry exactly the report's numbers."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opportunity_bank.reports.arithmetic import KINDS, ReportRow, TaaviRow, taavi_rows
from opportunity_bank.reports.exports import (
    COLUMNS,
    columns,
    taavi_to_csv,
    to_csv,
    to_json,
    to_table,
    to_xlsx,
)

CENTRE = [
    ReportRow(2024, "thesis", None, 2, 2, 1, 3, Decimal("66.7"), 0),
    ReportRow(2024, "internship", None, 1, 3, 2, 3, Decimal("100.0"), 3),
    ReportRow(2024, "summer_job", None, 1, 1, 0, 8, Decimal("12.5"), None),
    ReportRow(2025, "thesis", None, 0, 0, 0, None, None, -2),
    ReportRow(2025, "internship", None, 0, 0, 0, 4, Decimal("0.0"), -3),
    ReportRow(2025, "summer_job", None, 0, 0, 0, 0, None, -1),
]
BY_UNIT = [
    ReportRow(2025, "thesis", "Parks", 1, 1, 1, None, None, 1),
    ReportRow(2025, "thesis", "Streets & Roads", 3, 12, 4, 36, Decimal("33.3"), -1),
    ReportRow(2025, "thesis", "=HYPERLINK(1)", 0, 0, 0, 0, None, 0),
]
TITLE = "Opportunity Bank yearly report 2024–2025, made 2026-11-27 20:40 UTC"


def test_columns_follow_the_contract():
    assert COLUMNS == (
        "year",
        "kind",
        "unit",
        "postings",
        "positions",
        "filled_positions",
        "target",
        "achieved_pct",
        "change_positions",
    )
    assert columns(by_unit=False) == [name for name in COLUMNS if name != "unit"]
    assert columns(by_unit=True) == list(COLUMNS)


def test_json_shape():
    data = to_json(CENTRE, by_unit=False)
    assert list(data) == ["rows"]
    assert len(data["rows"]) == len(CENTRE)
    assert data["rows"][2] == {
        "year": 2024,
        "kind": "summer_job",
        "postings": 1,
        "positions": 1,
        "filled_positions": 0,
        "target": 8,
        "achieved_pct": 12.5,
        "change_positions": None,
    }
    assert json.loads(json.dumps(to_json(BY_UNIT, by_unit=True)))["rows"][1]["unit"] == (
        "Streets & Roads"
    )


def _parse_number(text):
    if text == "":
        return None
    return Decimal(text) if "." in text else int(text)


def _expected_values(row, by_unit):
    return [getattr(row, name) for name in columns(by_unit)]


@pytest.mark.parametrize(("rows", "by_unit"), [(CENTRE, False), (BY_UNIT, True)])
def test_csv_parses_back_to_the_same_numbers(rows, by_unit):
    parsed = list(csv.reader(io.StringIO(to_csv(rows, by_unit))))
    assert parsed[0] == columns(by_unit)
    assert len(parsed) == len(rows) + 1
    numeric = [i for i, name in enumerate(columns(by_unit)) if name not in ("kind", "unit")]
    for line, row in zip(parsed[1:], rows, strict=True):
        expected = _expected_values(row, by_unit)
        assert [_parse_number(line[i]) for i in numeric] == [expected[i] for i in numeric]


def test_csv_writes_one_decimal_and_empty_cells():
    lines = to_csv(CENTRE, by_unit=False).splitlines()
    assert lines[2] == "2024,internship,1,3,2,3,100.0,3"
    assert lines[3] == "2024,summer_job,1,1,0,8,12.5,"
    assert lines[4] == "2025,thesis,0,0,0,,,-2"
    assert lines[5] == "2025,internship,0,0,0,4,0.0,-3"


def test_csv_neutralises_formulas_in_text():
    parsed = list(csv.reader(io.StringIO(to_csv(BY_UNIT, by_unit=True))))
    assert parsed[2][2] == "Streets & Roads"
    assert parsed[3][2] == "'=HYPERLINK(1)"


rows_strategy = st.lists(
    st.builds(
        ReportRow,
        year=st.integers(2000, 2100),
        kind=st.sampled_from(KINDS),
        unit=st.text(min_size=1, max_size=20),
        postings=st.integers(0, 10**6),
        positions=st.integers(0, 10**6),
        filled_positions=st.integers(0, 10**6),
        target=st.none() | st.integers(0, 10**6),
        achieved_pct=st.none()
        | st.integers(0, 10**7).map(lambda tenths: Decimal(tenths).scaleb(-1)),
        change_positions=st.none() | st.integers(-(10**6), 10**6),
    ),
    max_size=10,
)


@given(rows_strategy)
def test_csv_round_trips_any_rows(rows):
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows, by_unit=True), newline="")))
    assert len(parsed) == len(rows)
    for line, row in zip(parsed, rows, strict=True):
        for name in COLUMNS:
            value = getattr(row, name)
            if name == "unit":
                formula_like = value.startswith(("=", "+", "-", "@", "\t", "\r"))
                assert line[name] == ("'" + value if formula_like else value)
            elif name != "kind":
                assert _parse_number(line[name]) == value


def test_table_is_aligned():
    lines = to_table(BY_UNIT, by_unit=True).splitlines()
    assert lines[0].split() == list(COLUMNS)
    assert len({len(line) for line in lines}) == 1  # the right-aligned last column lines up
    assert lines[2].split()[-2:] == ["33.3", "-1"]
    assert lines[1].split()[-3:] == ["–", "–", "1"]


def _open(data):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_has_a_sheet_per_view_with_title_header_and_numbers():
    data = to_xlsx(
        {"centre": (CENTRE, False), "by unit": (BY_UNIT, True)},
        TITLE,
        taavi=taavi_rows(CENTRE),
    )
    book = _open(data)
    assert book.sheetnames == ["centre", "by unit", "taavi"]
    for name, rows, by_unit in (("centre", CENTRE, False), ("by unit", BY_UNIT, True)):
        sheet = book[name]
        values = list(sheet.iter_rows(values_only=True))
        assert values[0][0] == TITLE
        assert list(values[1]) == columns(by_unit)
        assert len(values) == 2 + len(rows)
        for line, row in zip(values[2:], rows, strict=True):
            expected = [
                float(v) if isinstance(v, Decimal) else v for v in _expected_values(row, by_unit)
            ]
            assert list(line) == expected
    centre = book["centre"]
    assert centre["A3"].data_type == "n"
    assert isinstance(centre["A3"].value, int)
    pct = centre["G3"]
    assert (pct.value, pct.data_type, pct.number_format) == (66.7, "n", "0.0")
    assert centre["G6"].value is None  # no target: empty cell


def test_xlsx_keeps_formula_lookalikes_as_text():
    sheet = _open(to_xlsx({"by unit": (BY_UNIT, True)}, TITLE))["by unit"]
    assert sheet["C5"].value == "=HYPERLINK(1)"
    assert sheet["C5"].data_type == "s"


def test_xlsx_taavi_sheet():
    sheet = _open(to_xlsx({}, TITLE, taavi=taavi_rows(CENTRE)))["taavi"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == TITLE
    assert values[1] == ("metric", "year", "value", "target")
    assert ("summer_job.positions", 2024, 1, 8) in values
    assert ("thesis.postings", 2025, 0, None) in values


@pytest.mark.parametrize(
    ("names", "reason"),
    [
        (["x" * 32], "1–31"),
        ([""], "1–31"),
        (["a/b"], "may not contain"),
        (["Centre", "centre"], "two sheets"),
        (["taavi"], "kept for the Taavi"),
    ],
)
def test_xlsx_refuses_bad_sheet_names(names, reason):
    with pytest.raises(ValueError, match=reason):
        to_xlsx({name: (CENTRE, False) for name in names}, TITLE, taavi=[])


def test_taavi_csv():
    rows = [TaaviRow("thesis.positions", 2024, 2, 3), TaaviRow("thesis.postings", 2024, 2, None)]
    assert taavi_to_csv(rows).splitlines() == [
        "metric,year,value,target",
        "thesis.positions,2024,2,3",
        "thesis.postings,2024,2,",
    ]
