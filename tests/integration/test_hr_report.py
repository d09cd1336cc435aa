"""The yearly report agrees, cell for cell and in every format, with an independent count
of the imported history; only HR and admins may see it."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.reports.arithmetic import Posting, aggregate_postings
from opportunity_bank.reports.queries import report_aggregates
from tests.hr_history import (
    TARGETS,
    as_text,
    expected_rows,
    expected_taavi,
    history_records,
    write_history,
)
from tests.hr_users import bearer, make_token

YEAR_FROM, YEAR_TO = 2022, 2026


@pytest.fixture
def hr(services) -> dict[str, str]:
    return bearer(make_token(services.db, "hr@espoo.fi", "hr"))


@pytest.fixture
def history(client, services, tmp_path, hr) -> list[dict]:
    records = history_records()
    report = import_file(services.db, write_history(tmp_path, records))
    assert report.written and report.counts["created"] == len(records)
    for year, kind, unit, positions in TARGETS:
        body = {"positions": positions} | ({"unit": unit} if unit else {})
        response = client.put(f"/api/v1/targets/{year}/{kind}", json=body, headers=hr)
        assert response.status_code == 200, response.text
    return records


@pytest.mark.parametrize("by_unit", [False, True], ids=["by-kind", "by-unit"])
def test_api_rows_match_independent_count(client, hr, history, by_unit):
    params = {"from": YEAR_FROM, "to": YEAR_TO} | ({"by": "unit"} if by_unit else {})
    response = client.get("/api/v1/reports/yearly", params=params, headers=hr)
    assert response.status_code == 200, response.text
    expected = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, by_unit)
    assert response.json() == {"rows": expected}
    # The history is varied enough for the comparison to mean something.
    assert by_unit or any(row["target"] == 0 for row in expected)
    assert any(row["achieved_pct"] for row in expected)
    assert all(row["change_positions"] is not None for row in expected)


def test_first_year_without_an_earlier_year_has_no_change(client, hr, history):
    rows = client.get("/api/v1/reports/yearly", params={"from": 2021, "to": 2022},
                      headers=hr).json()["rows"]
    assert rows == expected_rows(history, TARGETS, 2021, 2022, by_unit=False)
    assert [row["change_positions"] for row in rows if row["year"] == 2021] == [None] * 3


@pytest.mark.parametrize("by_unit", [False, True], ids=["by-kind", "by-unit"])
def test_csv_download_matches(client, hr, history, by_unit):
    params = {"from": YEAR_FROM, "to": YEAR_TO} | ({"by": "unit"} if by_unit else {})
    response = client.get("/hr/report.csv", params=params, headers=hr)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment;")
    table = list(csv.reader(io.StringIO(response.text)))
    expected = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, by_unit)
    assert table[0] == list(expected[0])
    assert table[1:] == [[as_text(value) for value in row.values()] for row in expected]


def test_taavi_csv_matches(client, hr, history):
    response = client.get("/hr/report.taavi.csv", params={"from": YEAR_FROM, "to": YEAR_TO},
                          headers=hr)
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(response.text)))
    expected = expected_taavi(expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, False))
    assert table[0] == ["metric", "year", "value", "target"]
    assert table[1:] == [[as_text(value) for value in row.values()] for row in expected]


def test_xlsx_download_has_both_views_and_taavi(client, hr, history):
    response = client.get("/hr/report.xlsx", params={"from": YEAR_FROM, "to": YEAR_TO}, headers=hr)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert response.headers["content-disposition"] == (
        f'attachment; filename="opportunity-bank-report-{YEAR_FROM}-{YEAR_TO}.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    # The views speak the reader's language (English here); the Taavi sheet keeps its codes.
    assert workbook.sheetnames == ["By kind", "By unit", "taavi"]
    words = {"year": "Year", "kind": "Kind", "unit": "Unit", "postings": "Postings",
             "positions": "Positions", "filled_positions": "Filled positions", "target": "Target",
             "achieved_pct": "Achieved (%)", "change_positions": "Change in positions",
             "thesis": "Theses", "internship": "Internships", "summer_job": "Summer jobs"}
    by_kind = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, False)
    by_unit = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, True)
    for sheet, expected in (("By kind", by_kind), ("By unit", by_unit)):
        cells = [list(row) for row in workbook[sheet].iter_rows(min_row=2, values_only=True)]
        assert cells[0] == [words[name] for name in expected[0]], sheet
        assert cells[1:] == [[words.get(value, value) if name == "kind" else value
                              for name, value in row.items()] for row in expected], sheet
    taavi = expected_taavi(by_kind)
    cells = [list(row) for row in workbook["taavi"].iter_rows(min_row=2, values_only=True)]
    assert cells[0] == list(taavi[0])
    assert cells[1:] == [list(row.values()) for row in taavi]


def test_report_page_shows_table_chart_and_downloads(client, hr, history):
    response = client.get("/hr/report", params={"from": YEAR_FROM, "to": YEAR_TO, "by": "unit"},
                          headers=hr)
    assert response.status_code == 200
    page = response.text
    assert '<table class="report">' in page and "<caption" in page
    assert '<th scope="col">' in page and '<th scope="row">2026</th>' in page
    assert 'role="img"' in page and "<title id=\"report-chart-title\">" in page
    assert "<desc id=\"report-chart-desc\">" in page
    centre = page.split('id="report-chart-title"')[1].split("</svg>")[0]
    assert centre.count('<rect class="bar"') == 3 * (YEAR_TO - YEAR_FROM + 1)
    assert 'id="chart-unit-1-title"' in page  # and a chart per unit
    assert "/my?status=counted&amp;year=2026&amp;kind=thesis&amp;unit=" in page  # numbers link
    assert "/hr/report.csv?from=2022&amp;to=2026&amp;by=unit" in page
    assert "/hr/report.xlsx?from=2022&amp;to=2026" in page
    assert "Ylläpito – Åland" in page
    for control in ("from", "to", "by-kind", "by-unit"):
        assert f'<label for="{control}">' in page and f'id="{control}"' in page


def test_report_page_bad_range_is_400_with_the_reason(client, hr, history):
    response = client.get("/hr/report", params={"from": 2026, "to": 2020}, headers=hr)
    assert response.status_code == 400
    assert "the first not after the last" in response.text and 'aria-invalid="true"' in response.text


@pytest.mark.parametrize("path", ["/hr/report.csv", "/hr/report.excel.csv", "/hr/report.taavi.csv",
                                  "/hr/report.xlsx"])
def test_a_download_with_a_bad_year_shows_the_form_with_the_reason(client, hr, path):
    browser = {**hr, "Accept-Language": "fi", "Accept": "text/html,*/*;q=0.8"}
    response = client.get(path, params={"from": 2026, "to": 2020}, headers=browser)
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert 'aria-invalid="true"' in response.text and "<form" in response.text


@pytest.mark.parametrize(
    ("params", "field"),
    [({"from": 2026, "to": 2020}, "to"), ({"from": "twenty", "to": 2026}, "from"),
     ({"from": 1800, "to": 2026}, "from"), ({"from": 2000, "to": 2100}, "to"),
     ({"from": 2024, "to": 2026, "by": "region"}, "by")],
)
def test_bad_report_parameters_are_400_naming_the_field(client, hr, params, field):
    for path in ("/api/v1/reports/yearly", "/hr/report.csv", "/hr/report.xlsx"):
        response = client.get(path, params=params, headers=hr)
        assert response.status_code == 400, path
        assert [error["field"] for error in response.json()["errors"]] == [field], path


PROTECTED = [
    ("GET", "/api/v1/reports/yearly"), ("GET", "/api/v1/targets"),
    ("PUT", "/api/v1/targets/2026/thesis"), ("GET", "/hr/report"), ("GET", "/hr/report.csv"),
    ("GET", "/hr/report.xlsx"), ("GET", "/hr/report.taavi.csv"), ("GET", "/hr/targets"),
    ("POST", "/hr/targets"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_anonymous_and_supervisors_are_refused(client, services, method, path):
    supervisor = bearer(make_token(services.db, "ohjaaja@espoo.fi", "supervisor", "Geotekniikka"))
    body = {"json": {"positions": 5}} if method == "PUT" else {}
    if method == "POST":
        body = {"data": {"year": "2026", "kind": "thesis", "positions": "5"}}
    # Sign-in is checked before the CSRF token (and before the body is read).
    assert client.request(method, path, **body).status_code == 401
    assert client.request(method, path, headers=supervisor, **body).status_code == 403
    assert client.get("/api/v1/targets", params={"from": 2026, "to": 2026},
                      headers=bearer(make_token(services.db, "admin@espoo.fi", "admin"))
                      ).json()["targets"] == []


def test_admin_may_read_reports(client, services, history):
    admin = bearer(make_token(services.db, "admin@espoo.fi", "admin"))
    response = client.get("/api/v1/reports/yearly", params={"from": YEAR_FROM, "to": YEAR_TO},
                          headers=admin)
    assert response.json()["rows"] == expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, False)


def test_openapi_documents_the_hr_api(client):
    paths = client.get("/schema/openapi.json").json()["paths"]
    assert {"get"} <= set(paths["/api/v1/reports/yearly"])
    assert [p["name"] for p in paths["/api/v1/reports/yearly"]["get"]["parameters"]] == [
        "from", "to", "by"]
    assert "put" in paths["/api/v1/targets/{year}/{kind}"]
    assert not any(path.startswith("/hr/") for path in paths)


@pytest.mark.parametrize("by_unit", [False, True], ids=["by-kind", "by-unit"])
def test_sql_aggregates_equal_the_pure_reference(services, history, by_unit):
    """The query groups exactly as reports.arithmetic.aggregate_postings does in Python."""
    postings = [Posting(r["year"], r["kind"], r["unit"], r["status"], r["positions"],
                        r["filled_positions"]) for r in history if 2021 <= r["year"] <= 2026]
    with services.db.connect() as connection:
        found = report_aggregates(connection, 2022, 2026, by_unit)
    assert sorted(found, key=repr) == sorted(aggregate_postings(postings, by_unit), key=repr)
