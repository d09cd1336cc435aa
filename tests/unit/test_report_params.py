"""Reading the report's parameters and HR's target input: defaults, and errors that name
the field at fault."""

from __future__ import annotations

import pytest

from opportunity_bank.reports.targets import TargetError, parse_target
from opportunity_bank.reports.yearly import ReportParamError, ReportQuery, parse_report_query


def test_defaults_are_the_last_five_years():
    assert parse_report_query({}, 2026) == ReportQuery(2022, 2026, False)
    assert parse_report_query({"to": "2030"}, 2026) == ReportQuery(2026, 2030, False)
    assert parse_report_query({"from": "2020", "to": " 2021 ", "by": "unit"}, 2026) == (
        ReportQuery(2020, 2021, True))
    assert parse_report_query({"from": "", "to": None, "by": ""}, 2026).params() == {
        "from": "2022", "to": "2026"}


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [({"from": "2026", "to": "2025"}, "to", "reversed"),
     ({"from": "1999"}, "from", "outside"),
     ({"to": "2101"}, "to", "outside"),
     ({"from": "-2020"}, "from", "must be a year"),
     ({"from": "２０２４"}, "from", "must be a year"),  # full-width digits are not a year here
     ({"from": "2000", "to": "2060"}, "to", "at most 50"),
     ({"by": "year"}, "by", "kind or unit")],
)
def test_bad_parameters_name_their_field(params, field, words):
    with pytest.raises(ReportParamError) as caught:
        parse_report_query(params, 2026)
    assert caught.value.field == field and words in caught.value.message


def test_target_input_accepts_text_and_blank_unit():
    target = parse_target({"year": "2027", "kind": "thesis", "positions": " 0 ", "unit": " "})
    assert (target.year, target.kind, target.positions, target.unit) == (2027, "thesis", 0, None)


@pytest.mark.parametrize(
    ("values", "fields"),
    [({"year": "2027", "kind": "thesis", "positions": "-1"}, ["positions"]),
     ({"year": "1999", "kind": "phd", "positions": "x"}, ["year", "kind", "positions"]),
     ({"kind": "thesis", "positions": "3"}, ["year"]),
     ({"year": "2027", "kind": "thesis", "positions": "100001"}, ["positions"])],
)
def test_target_input_errors_name_every_bad_field(values, fields):
    with pytest.raises(TargetError) as caught:
        parse_target(values)
    assert [error.field for error in caught.value.errors] == fields
