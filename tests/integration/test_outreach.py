"""Reaching out: open data that agrees with HR's report, the sitemap, robots.txt, calendar files."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from datetime import date, timedelta
from xml.etree import ElementTree as ET

import pytest
from icalendar import Calendar
from litestar.testing import TestClient

from opportunity_bank import db
from opportunity_bank.accounts.admin import set_unit_names
from opportunity_bank.app import create_app
from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.outreach.sitemap import sitemap_body
from tests.helpers import record, search_ids, wait_until, write_jsonl
from tests.hr_history import TARGETS, expected_rows, history_records, write_history
from tests.hr_users import bearer, make_token

PUBLIC = "https://avoinpaikka.espoo.test"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
REPORT_COLUMNS = ["year", "unit", "kind", "postings", "positions", "filled_positions", "target"]
COLUMNS = [*REPORT_COLUMNS, "unit_fi", "unit_sv", "unit_en"]
SWEDISH = {"Katu- ja viherpalvelut": "Gatu- och grönområdestjänster"}


def with_names(row: dict) -> dict:
    """A report row as open data: the unit's names, Swedish where one is set, else its own."""
    unit = row["unit"]
    return {**{name: row[name] for name in REPORT_COLUMNS},
            "unit_fi": unit, "unit_sv": SWEDISH.get(unit, unit), "unit_en": unit}


@pytest.fixture
def public_client(settings):
    with TestClient(create_app(dataclasses.replace(settings, public_url=PUBLIC))) as test_client:
        test_client.headers["Accept-Language"] = "en"
        yield test_client


def test_open_data_agrees_with_the_hr_report_and_holds_no_address(public_client, tmp_path):
    services = public_client.app.state.services
    hr = bearer(make_token(services.db, "hr@espoo.fi", "hr"))
    records = history_records()
    assert import_file(services.db, write_history(tmp_path, records)).written
    for year, kind, unit, positions in TARGETS:
        body = {"positions": positions} | ({"unit": unit} if unit else {})
        assert public_client.put(f"/api/v1/targets/{year}/{kind}", json=body, headers=hr).status_code == 200
    years = sorted({r["year"] for r in records})
    with db.session_scope(services.db) as session:
        for unit, name in SWEDISH.items():
            set_unit_names(session, None, unit, {"sv": name})

    rows = public_client.get("/open-data/positions.json").json()
    expected = [with_names(row) for row in expected_rows(records, TARGETS, years[0], years[-1], by_unit=True)]
    assert rows == expected
    report = public_client.get("/api/v1/reports/yearly", headers=hr,
                               params={"from": years[0], "to": years[-1], "by": "unit"}).json()["rows"]
    assert rows == [with_names(row) for row in report]
    assert any(row["unit_sv"] == "Gatu- och grönområdestjänster" for row in rows)
    assert any(row["target"] for row in rows) and any(row["filled_positions"] for row in rows)

    response = public_client.get("/open-data/positions.csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "@" not in response.text
    table = list(csv.DictReader(io.StringIO(response.text)))
    texts = ("unit", "kind", "unit_fi", "unit_sv", "unit_en")
    assert [{k: int(v) if k not in texts and v else (v or None) for k, v in row.items()}
            for row in table] == rows

    package = public_client.get("/open-data/datapackage.json").json()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    resource = package["resources"][0]
    assert resource["path"] == f"{PUBLIC}/open-data/positions.csv"
    assert [field["name"] for field in resource["schema"]["fields"]] == COLUMNS
    assert "Avoin data" in public_client.get("/", headers={"Accept-Language": "fi"}).text


def searchable_fixture(public_client, tmp_path) -> dict[str, int]:
    today = date.today()
    records = [
        record(1, external_id="open-1"),
        record(2, external_id="open-2", application_deadline=None),
        record(3, external_id="draft", status="draft"),
        record(4, external_id="expired", application_deadline=(today - timedelta(days=3)).isoformat()),
        record(5, external_id="closed", status="closed"),
    ]
    services = public_client.app.state.services
    assert import_file(services.db, write_jsonl(tmp_path / "o.jsonl", records)).written
    wait_until(lambda: search_ids(public_client) == ["open-1", "open-2"], timeout=20)
    hits = public_client.get("/api/v1/search", params={"per_page": 100}).json()["hits"]
    ids = {hit["external_id"]: hit["id"] for hit in hits}
    from sqlmodel import Session, select

    from opportunity_bank.models import Opportunity
    with Session(services.db) as session:
        ids.update({e: i for e, i in session.exec(select(Opportunity.external_id, Opportunity.id))})
    return ids


def test_sitemap_lists_exactly_what_students_can_find_on_public_url(public_client, tmp_path):
    ids = searchable_fixture(public_client, tmp_path)
    response = public_client.get("/sitemap.xml", headers={"Host": "evil.example"})
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    locations = sorted(el.text for el in root.findall("s:url/s:loc", NS))
    assert locations == sorted(f"{PUBLIC}/opportunities/{ids[e]}" for e in ("open-1", "open-2"))
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", el.text)
               for el in root.findall("s:url/s:lastmod", NS))


def test_a_large_sitemap_becomes_an_index_of_files(public_client, tmp_path):
    searchable_fixture(public_client, tmp_path)
    from sqlmodel import Session

    from opportunity_bank.opportunities.lifecycle import city_today
    with Session(public_client.app.state.services.db) as session:
        index = ET.fromstring(sitemap_body(session, PUBLIC, city_today(), per_file=1))  # noqa: S314 (our own sitemap)
    assert [el.text for el in index.findall("s:sitemap/s:loc", NS)] == [
        f"{PUBLIC}/sitemaps/1", f"{PUBLIC}/sitemaps/2"]
    first = ET.fromstring(public_client.get("/sitemaps/1").content)  # noqa: S314 (our own sitemap)
    assert len(first.findall("s:url", NS)) == 2  # files hold 50,000 each in the app
    assert public_client.get("/sitemaps/2").status_code == 404


def test_robots_names_the_sitemap_and_keeps_staff_pages_out(public_client):
    text = public_client.get("/robots.txt").text
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in text
    for path in ("/my/", "/hr/", "/admin/", "/api/"):
        assert f"Disallow: {path}" in text
    assert "Disallow: /\n" not in text


def test_deadline_calendar_event(public_client, tmp_path):
    ids = searchable_fixture(public_client, tmp_path)
    page = public_client.get(f"/opportunities/{ids['open-1']}", headers={"Accept-Language": "fi"})
    assert f'href="/opportunities/{ids["open-1"]}/deadline.ics"' in page.text
    assert "Lisää kalenteriin" in page.text
    response = public_client.get(f"/opportunities/{ids['open-1']}/deadline.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    deadline = date.fromisoformat(record(1)["application_deadline"])
    assert event.decoded("dtstart") == deadline
    assert event.decoded("dtend") == deadline + timedelta(days=1)
    assert str(event["url"]) == f"{PUBLIC}/opportunities/{ids['open-1']}"
    assert record(1)["title"] in str(event["summary"])
    assert calendar.walk("VALARM")
    assert public_client.get(f"/opportunities/{ids['open-2']}/deadline.ics").status_code == 404
    assert public_client.get(f"/opportunities/{ids['draft']}/deadline.ics").status_code == 404
