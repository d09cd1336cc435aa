"""The editing API: who may post and change what, validation, lifecycle, audit, search."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from opportunity_bank.models import AuditEntry, Opportunity
from tests.helpers import search_ids, wait_until
from tests.workspace_helpers import GEO, STREETS, make_staff, opening


@pytest.fixture
def staff(services):
    return make_staff(services)


def create(client, person, **fields):
    response = client.post("/api/v1/opportunities", json=opening(**fields), headers=person.auth)
    assert response.status_code == 201, response.text
    return response.json()


def test_anonymous_post_is_refused(client):
    response = client.post("/api/v1/opportunities", json=opening())
    assert response.status_code == 401
    assert client.get("/api/v1/me/opportunities").status_code == 401


def test_a_wrong_token_is_refused(client, staff):
    response = client.post("/api/v1/opportunities", json=opening(),
                           headers={"Authorization": "Bearer obk_not-a-real-token"})
    assert response.status_code == 401


def test_draft_is_not_found_until_published(client, staff):
    body = create(client, staff.streets, external_id="ws-1")
    assert body["status"] == "draft" and body["unit"] == STREETS and body["id"] > 0
    create(client, staff.streets, external_id="ws-visible", status="published")
    wait_until(lambda: search_ids(client) == ["ws-visible"])
    response = client.post(f"/api/v1/opportunities/{body['id']}/status", json={"status": "published"},
                           headers=staff.streets.auth)
    assert response.status_code == 200, response.text
    wait_until(lambda: "ws-1" in search_ids(client))


def test_external_id_is_generated(client, staff):
    first, second = create(client, staff.streets), create(client, staff.streets)
    assert first["external_id"].startswith("ob-") and first["external_id"] != second["external_id"]


def test_an_external_id_used_twice_is_refused_by_name(client, staff, services):
    create(client, staff.streets, external_id="ws-twice")
    response = client.post("/api/v1/opportunities", json=opening(external_id="ws-twice", title="Toinen"),
                           headers=staff.geo.auth)
    assert response.status_code == 422 and "external_id" in response.text
    with Session(services.db) as session:
        assert [o.title for o in session.exec(select(Opportunity))] == [opening()["title"]]


def test_another_unit_cannot_change_it(client, staff):
    body = create(client, staff.streets)
    path = f"/api/v1/opportunities/{body['id']}"
    assert client.patch(path, json={"title": "Kaapattu"}, headers=staff.geo.auth).status_code == 404
    assert client.post(f"{path}/status", json={"status": "published"},
                       headers=staff.geo.auth).status_code == 404
    mine = client.get("/api/v1/me/opportunities", headers=staff.geo.auth).json()
    assert mine == []
    # HR edits every unit's openings.
    response = client.patch(path, json={"title": "HR:n korjaama otsikko"}, headers=staff.hr.auth)
    assert response.status_code == 200 and response.json()["title"] == "HR:n korjaama otsikko"


def test_supervisor_cannot_post_for_another_unit_or_set_owner(client, staff):
    response = client.post("/api/v1/opportunities", json=opening(unit=GEO), headers=staff.streets.auth)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["unit"]
    response = client.post("/api/v1/opportunities", json=opening(owner_id=1, unit_id=2),
                           headers=staff.streets.auth)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"owner_id", "unit_id"}
    assert create(client, staff.streets, unit=STREETS)["unit"] == STREETS


def test_hr_chooses_the_unit(client, staff):
    body = create(client, staff.hr, unit=GEO)
    assert body["unit"] == GEO
    response = client.post("/api/v1/opportunities", json=opening(), headers=staff.hr.auth)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "unit"
    path = f"/api/v1/opportunities/{body['id']}"
    response = client.patch(path, json={"unit": STREETS}, headers=staff.geo.auth)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "unit"
    assert client.patch(path, json={"unit": STREETS}, headers=staff.hr.auth).json()["unit"] == STREETS
    assert client.patch(path, json={"title": "Ei enää"}, headers=staff.geo.auth).status_code == 404


def test_positions_abc_names_positions(client, staff):
    response = client.post("/api/v1/opportunities", json=opening(positions="abc"), headers=staff.streets.auth)
    assert response.status_code == 422
    assert "positions" in [e["field"] for e in response.json()["errors"]]
    body = create(client, staff.streets)
    response = client.patch(f"/api/v1/opportunities/{body['id']}", json={"positions": "abc"},
                            headers=staff.streets.auth)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["positions"]


def test_patch_validates_the_merged_opening(client, staff, services):
    body = create(client, staff.streets, filled_positions=None)
    path = f"/api/v1/opportunities/{body['id']}"
    response = client.patch(path, json={"end_date": "2027-05-01"}, headers=staff.streets.auth)
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "end_date", "message": "cannot be before start_date"}]
    response = client.patch(path, json={"contact_email": "ei-osoite", "min_age": 3},
                            headers=staff.streets.auth)
    assert {e["field"] for e in response.json()["errors"]} == {"contact_email", "min_age"}
    with Session(services.db) as session:
        assert session.get(Opportunity, body["id"]).end_date.isoformat() == "2027-08-15"


def test_status_is_not_changed_through_patch(client, staff):
    body = create(client, staff.streets)
    response = client.patch(f"/api/v1/opportunities/{body['id']}", json={"status": "published"},
                            headers=staff.streets.auth)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "status"


def test_unknown_status_answers_4xx(client, staff):
    body = create(client, staff.streets)
    response = client.post(f"/api/v1/opportunities/{body['id']}/status", json={"status": "archived"},
                           headers=staff.streets.auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "status"
    response = client.post("/api/v1/opportunities", json=opening(status="archived"),
                           headers=staff.streets.auth)
    assert response.status_code == 422


def test_impossible_change_answers_409_naming_allowed(client, staff):
    body = create(client, staff.streets)
    response = client.post(f"/api/v1/opportunities/{body['id']}/status", json={"status": "completed"},
                           headers=staff.streets.auth)
    assert response.status_code == 409
    assert "published" in response.json()["detail"] and "withdrawn" in response.json()["detail"]


def test_job_lifecycle_with_filled_positions(client, staff):
    body = create(client, staff.streets, status="published")
    path = f"/api/v1/opportunities/{body['id']}/status"
    auth = staff.streets.auth
    response = client.post(path, json={"status": "filled"}, headers=auth)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "filled_positions"
    too_many = client.post(path, json={"status": "filled", "filled_positions": 4}, headers=auth)
    assert too_many.status_code == 422
    response = client.post(path, json={"status": "filled", "filled_positions": 2}, headers=auth)
    assert response.status_code == 200 and response.json()["filled_positions"] == 2
    assert client.post(path, json={"status": "completed"}, headers=auth).json()["status"] == "completed"


def test_thesis_reserved_then_completed_with_link(client, staff):
    body = create(client, staff.streets, kind="thesis", status="published", degree_levels=["master"])
    path = f"/api/v1/opportunities/{body['id']}/status"
    auth = staff.streets.auth
    assert client.post(path, json={"status": "filled"}, headers=auth).json()["filled_positions"] == 1
    response = client.post(path, json={"status": "completed"}, headers=auth)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "thesis_url"
    response = client.post(path, json={"status": "completed", "thesis_url": "javascript:alert(1)"},
                           headers=auth)
    assert response.status_code == 422
    urn = "URN:NBN:fi:amk-2027060112345"
    response = client.post(path, json={"status": "completed", "thesis_url": urn}, headers=auth)
    assert response.status_code == 200 and response.json()["thesis_url"] == urn


def test_every_change_is_audited(client, staff, services):
    body = create(client, staff.streets)
    path = f"/api/v1/opportunities/{body['id']}"
    client.patch(path, json={"title": "Uusi otsikko kesätyölle"}, headers=staff.streets.auth)
    client.post(f"{path}/status", json={"status": "published"}, headers=staff.hr.auth)
    with Session(services.db) as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.entity_id == body["id"])
                               .order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["create", "edit", "status"]
    assert entries[1].changes["title"] == [opening()["title"], "Uusi otsikko kesätyölle"]
    assert entries[1].actor_label == "katu@espoo.fi"
    assert entries[2].changes["status"] == ["draft", "published"] and entries[2].actor_label == "hr@espoo.fi"


def test_script_in_title_is_stored_as_text_and_escaped_on_the_page(client, staff):
    title = "<script>alert('x')</script> Kesätyö"
    body = create(client, staff.streets, title=title)
    assert client.get(f"/api/v1/opportunities/{body['id']}/status").status_code in (404, 405)
    assert client.get("/api/v1/me/opportunities", headers=staff.streets.auth).json()[0]["title"] == title
    from tests.workspace_helpers import sign_in

    sign_in(client, "katu@espoo.fi")
    page = client.get(f"/my/{body['id']}/edit")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text


def test_me_lists_the_units_openings(client, staff):
    create(client, staff.streets, title="Katujen kesätyö")
    create(client, staff.geo, title="Geotekniikan kesätyö")
    titles = [o["title"] for o in client.get("/api/v1/me/opportunities", headers=staff.streets.auth).json()]
    assert titles == ["Katujen kesätyö"]
    assert len(client.get("/api/v1/me/opportunities", headers=staff.hr.auth).json()) == 2


def test_openapi_documents_the_editing_api(client):
    schema = client.get("/schema/openapi.json").json()
    assert "/api/v1/opportunities" in schema["paths"]
    assert "/api/v1/opportunities/{opportunity_id}/status" in schema["paths"]
    post_body = schema["paths"]["/api/v1/opportunities"]["post"]["requestBody"]
    assert post_body["content"]["application/json"]["schema"]
