"""HR sets targets through the API and the page; bad input changes nothing; every change is
audited."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from opportunity_bank.models import AuditEntry, Target, Unit
from opportunity_bank.opportunities.importer import import_file
from tests.helpers import record, write_jsonl
from tests.hr_users import bearer, make_token


@pytest.fixture
def hr(services) -> dict[str, str]:
    return bearer(make_token(services.db, "hr@espoo.fi", "hr"))


@pytest.fixture
def units(services, tmp_path) -> None:
    rows = [record(1, unit="Geotekniikka"), record(2, unit="Kaupunkimittaus")]
    assert import_file(services.db, write_jsonl(tmp_path / "units.jsonl", rows)).written


def stored(services) -> tuple[list[tuple], list[dict]]:
    with Session(services.db) as session:
        targets = session.exec(select(Target).order_by(Target.id)).all()
        audit = session.exec(select(AuditEntry).where(AuditEntry.entity == "target")
                             .order_by(AuditEntry.id)).all()
        return ([(t.year, t.kind, t.unit_id, t.positions) for t in targets],
                [dict(entry.changes, actor=entry.actor_label) for entry in audit])


def test_put_sets_lists_and_audits(client, services, hr, units):
    response = client.put("/api/v1/targets/2026/thesis", json={"positions": 30}, headers=hr)
    assert response.status_code == 200, response.text
    assert response.json() == {"year": 2026, "kind": "thesis", "unit": None, "positions": 30}
    client.put("/api/v1/targets/2026/thesis", json={"positions": 32}, headers=hr)
    client.put("/api/v1/targets/2026/thesis", json={"positions": 4, "unit": "Geotekniikka"},
               headers=hr)
    client.put("/api/v1/targets/2030/internship", json={"positions": 0}, headers=hr)

    listed = client.get("/api/v1/targets", params={"from": 2026, "to": 2026}, headers=hr).json()
    assert [(t["year"], t["kind"], t["unit"], t["positions"]) for t in listed["targets"]] == [
        (2026, "thesis", None, 32), (2026, "thesis", "Geotekniikka", 4)]
    _, audit = stored(services)
    assert [(a["positions"], a["unit"], a["actor"]) for a in audit] == [
        ([None, 30], None, "hr@espoo.fi"), ([30, 32], None, "hr@espoo.fi"),
        ([None, 4], "Geotekniikka", "hr@espoo.fi"), ([None, 0], None, "hr@espoo.fi")]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [("/api/v1/targets/2026/thesis", {"positions": -1}, "positions"),
     ("/api/v1/targets/2026/thesis", {"positions": "many"}, "positions"),
     ("/api/v1/targets/2026/thesis", {}, "positions"),
     ("/api/v1/targets/2026/phd", {"positions": 3}, "kind"),
     ("/api/v1/targets/1900/thesis", {"positions": 3}, "year"),
     ("/api/v1/targets/2026/thesis", {"positions": 3, "unit": "Nowhere"}, "unit"),
     ("/api/v1/targets/2026/thesis", {"positions": 3, "units": "Geotekniikka"}, "units")],
)
def test_bad_targets_are_400_naming_the_field_and_change_nothing(
    client, services, hr, units, path, body, field
):
    client.put("/api/v1/targets/2026/thesis", json={"positions": 7}, headers=hr)
    before = stored(services)
    response = client.put(path, json=body, headers=hr)
    assert response.status_code == 400, response.text
    assert field in [error["field"] for error in response.json()["errors"]]
    assert response.json()["detail"]
    assert stored(services) == before


def test_bad_target_range_is_400(client, hr):
    response = client.get("/api/v1/targets", params={"from": 2030, "to": 2020}, headers=hr)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "to"


def csrf_field(page: str) -> dict[str, str]:
    """The form's CSRF token, when the app has CSRF protection switched on."""
    match = re.search(r'name="_csrf_token" value="([^"]*)"', page)
    return {"_csrf_token": match.group(1)} if match else {}


def test_targets_page_form_sets_a_target(client, services, hr, units):
    page = client.get("/hr/targets", headers=hr)
    assert page.status_code == 200
    for control in ("target-year", "target-kind", "target-unit", "target-positions", "from", "to"):
        assert f'<label for="{control}">' in page.text and f'id="{control}"' in page.text
    form = {"year": "2026", "kind": "summer_job", "unit": "Kaupunkimittaus", "positions": "12"}
    response = client.post("/hr/targets", data=form | csrf_field(page.text), headers=hr,
                           follow_redirects=False)
    assert response.status_code == 303
    shown = client.get(response.headers["location"], headers=hr)
    assert 'role="status"' in shown.text
    assert re.search(r"2026</th>\s*<td>Summer jobs</td>\s*<td>Kaupunkimittaus</td>\s*"
                     r'<td class="num">12</td>', shown.text)
    assert stored(services)[1][-1]["positions"] == [None, 12]


@pytest.mark.parametrize(
    ("form", "field", "words"),
    [({"year": "2026", "kind": "thesis", "positions": "-3"}, "positions", "Enter 0 or more."),
     ({"year": "2026", "kind": "phd", "positions": "3"}, "kind", "Choose one of the options."),
     ({"year": "3000", "kind": "thesis", "positions": "3"}, "year", "Enter a year from 2000 to 2100."),
     ({"year": "2026", "kind": "thesis", "positions": "3", "unit": "Nowhere"}, "unit",
      "There is no unit with this name.")],
)
def test_targets_form_errors_are_422_beside_the_field(client, services, hr, units, form, field, words):
    page = client.get("/hr/targets", headers=hr)
    before = stored(services)
    response = client.post("/hr/targets", data=form | csrf_field(page.text), headers=hr)
    assert response.status_code == 422
    assert f'id="target-{field}-error"' in response.text and words in response.text
    assert f'aria-describedby="target-{field}-error"' in response.text
    assert 'role="alert"' in response.text
    assert stored(services) == before


@pytest.mark.parametrize("unit", [None, "Geotekniikka"], ids=["centre-wide", "unit"])
def test_database_keeps_one_target_per_year_kind_and_unit(services, units, unit):
    """Even when two requests race past set_target's lookup, the second row is refused."""
    with Session(services.db) as session:
        unit_id = session.exec(select(Unit.id).where(Unit.name == unit)).first() if unit else None
        session.add(Target(year=2026, kind="thesis", unit_id=unit_id, positions=1))
        session.commit()
        session.add(Target(year=2026, kind="thesis", unit_id=unit_id, positions=2))
        with pytest.raises(IntegrityError):
            session.commit()
