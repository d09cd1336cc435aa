"""The /my/ pages: forms with field errors, preview, lifecycle buttons, copy and roll-over."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, select

from opportunity_bank.models import AuditEntry, Opportunity
from opportunity_bank.opportunities import editing
from tests.helpers import search_ids, wait_until
from tests.workspace_helpers import GEO, STREETS, make_staff, opening, page_form, sign_in


@pytest.fixture
def staff(services):
    return make_staff(services)


@pytest.fixture
def supervisor(client, staff):
    assert sign_in(client, staff.streets.email).status_code == 303
    return staff.streets


def job_form(token: str, **overrides) -> dict:
    form = {"_csrf_token": token, "kind": "summer_job", "title": "Puistotyöntekijä",
            "description": "Kesätyö puistoissa.", "languages": ["fi", "sv"], "year": "2027",
            "application_deadline": "2099-03-31", "positions": "4", "start_date": "2027-06-01",
            "end_date": "2027-08-15", "compensation": "", "min_age": "", "tags": "puisto; kesä",
            "contact_email": "", "location": "Tapiola", "how_to_apply": "", "apply_url": "",
            "action": "draft"}
    form.update(overrides)
    return form


def test_form_fields_fit_the_kind(client, supervisor):
    thesis = client.get("/my/new?kind=thesis").text
    assert 'name="degree_levels"' in thesis and 'name="field_of_study"' in thesis
    assert 'name="min_age"' not in thesis and 'name="positions"' not in thesis
    job = client.get("/my/new?kind=summer_job").text
    assert 'name="positions"' in job and 'name="min_age"' in job and 'name="start_date"' in job
    assert 'name="field_of_study"' not in job
    assert 'name="unit"' not in job  # a supervisor's unit is their own


def test_invalid_form_is_shown_again_with_messages_beside_the_fields(client, supervisor, services):
    token = page_form(client, "/my/new?kind=summer_job")
    response = client.post("/my/new", data=job_form(token, positions="abc", title="Puistotyöntekijä <b>",
                                                    contact_email="ei-osoite"))
    assert response.status_code == 422
    page = response.text
    assert re.search(r'aria-describedby="[^"]*\berror-positions"', page) and 'id="error-positions"' in page
    assert re.search(r'aria-describedby="[^"]*\berror-contact_email"', page)
    assert "Enter a whole number, such as 3." in page and "Input should be" not in page
    assert 'href="#f-positions"' in page  # the error summary links to the field
    assert 'value="Puistotyöntekijä &lt;b&gt;"' in page and 'value="abc"' in page  # values kept
    with Session(services.db) as session:
        assert session.exec(select(Opportunity)).all() == []


def test_a_kind_sent_twice_counts_as_sent_last(client, supervisor, services):
    token = page_form(client, "/my/new?kind=summer_job")
    response = client.post("/my/new", data=job_form(token, kind=["thesis", "summer_job"]),
                           follow_redirects=False)
    assert response.status_code == 303
    with Session(services.db) as session:
        assert session.exec(select(Opportunity.kind)).all() == ["summer_job"]


def test_a_form_too_large_to_read_is_refused_in_words_and_saves_nothing(client, supervisor, services):
    token = page_form(client, "/my/new?kind=summer_job")
    response = client.post("/my/new", data=job_form(token, description="ä" * 100_000),
                           params={"lang": "fi"}, headers={"Accept": "text/html"})
    assert response.status_code == 413 and "liian suuret" in response.text
    with Session(services.db) as session:
        assert session.exec(select(Opportunity)).all() == []


def test_preview_saves_nothing(client, supervisor, services):
    token = page_form(client, "/my/new?kind=summer_job")
    response = client.post("/my/new", data=job_form(token, action="preview"))
    assert response.status_code == 200 and "Preview" in response.text and "Tapiola" in response.text
    with Session(services.db) as session:
        assert session.exec(select(Opportunity)).all() == []


def test_create_as_draft_edit_then_publish_with_one_click(client, supervisor, services):
    token = page_form(client, "/my/new?kind=summer_job")
    response = client.post("/my/new", data=job_form(token), follow_redirects=False)
    assert response.status_code == 303
    opportunity_id = int(re.search(r"/my/(\d+)/edit", response.headers["location"]).group(1))
    with Session(services.db) as session:
        saved = session.get(Opportunity, opportunity_id)
        assert (saved.status, saved.positions, saved.languages, saved.tags) == (
            "draft", 4, ["fi", "sv"], ["puisto", "kesä"])
    edit = f"/my/{opportunity_id}/edit"
    token = page_form(client, edit)
    response = client.post(edit, data=job_form(token, title="Puistotyöntekijä Tapiolaan", languages="fi",
                                                action="save"), follow_redirects=False)
    assert response.status_code == 303
    listing = client.get("/my/").text
    assert "Puistotyöntekijä Tapiolaan" in listing and 'value="published"' in listing
    response = client.post(f"/my/{opportunity_id}/status",
                           data={"_csrf_token": token, "status": "published"}, follow_redirects=False)
    assert response.status_code == 303
    external_id = saved.external_id
    wait_until(lambda: search_ids(client) == [external_id])
    page = client.get(edit).text  # the change history, old → new
    assert "Puistotyöntekijä → Puistotyöntekijä Tapiolaan" in page
    assert "Draft → Published" in page and "Status changed" in page


def test_a_form_sent_twice_in_a_moment_makes_one_draft(client, supervisor, services):
    """A double click on "Save as draft" sends the form twice; the second gets the first's draft."""
    token = page_form(client, "/my/new?kind=summer_job")
    first, second = (client.post("/my/new", data=job_form(token), follow_redirects=False)
                     for _ in range(2))
    assert first.headers["location"] == second.headers["location"]
    different = client.post("/my/new", data=job_form(token, title="Rantojen siivooja"),
                            follow_redirects=False)
    assert different.headers["location"] != first.headers["location"]
    with Session(services.db) as session:
        titles = sorted(o.title for o in session.exec(select(Opportunity)))
    assert titles == ["Puistotyöntekijä", "Rantojen siivooja"]


def form_key(page: str) -> str:
    return re.search(r'name="form_key" value="(ob-[0-9a-f]{16})"', page).group(1)


def test_a_new_opening_form_sent_again_gives_what_it_made(client, supervisor, services):
    """The form carries its opening's identifier: sent again (back and resend, a double click
    after changing a word), it answers with the opening it made; a fresh form makes another."""
    token = page_form(client, "/my/new?kind=summer_job")
    key = form_key(client.get("/my/new?kind=summer_job").text)
    kept = client.post("/my/new", data=job_form(token, form_key=key, positions="abc"))
    assert kept.status_code == 422 and form_key(kept.text) == key  # an error keeps the key
    previewed = client.post("/my/new", data=job_form(token, form_key=key, action="preview"))
    assert form_key(previewed.text) == key
    first = client.post("/my/new", data=job_form(token, form_key=key), follow_redirects=False)
    again = client.post("/my/new", data=job_form(token, form_key=key, title="Rantojen siivooja"),
                        follow_redirects=False)
    assert again.headers["location"] == first.headers["location"]
    other = form_key(client.get("/my/new?kind=summer_job").text)
    assert other != key
    client.post("/my/new", data=job_form(token, form_key=other, title="Rantojen siivooja"))
    with Session(services.db) as session:
        made = {o.external_id: o.title for o in session.exec(select(Opportunity))}
    assert made == {key: "Puistotyöntekijä", other: "Rantojen siivooja"}


def test_a_form_key_another_opening_has_is_not_used(client, supervisor, staff, services):
    theirs = client.post("/api/v1/opportunities", json=opening(), headers=staff.geo.auth).json()
    token = page_form(client, "/my/new?kind=summer_job")
    response = client.post("/my/new", data=job_form(token, form_key=theirs["external_id"]),
                           follow_redirects=False)
    assert response.status_code == 303
    with Session(services.db) as session:
        made = session.exec(select(Opportunity).where(Opportunity.title == "Puistotyöntekijä")).one()
    assert made.external_id not in (theirs["external_id"], None) and made.id != theirs["id"]


def at_the_same_moment(monkeypatch) -> None:
    """The moment of a race: the next send's repeat checks answer as if the send before it
    had not been committed yet."""
    for name in ("just_made", "made_from_form", "external_id_taken"):
        calls = iter([lambda *args: None])
        monkeypatch.setattr(editing, name, lambda *args, check=getattr(editing, name), calls=calls:
                            next(calls, check)(*args))


def test_a_form_sent_twice_at_the_same_moment_makes_one_opening(client, supervisor, services,
                                                                   monkeypatch):
    """Both sends pass the repeat checks before either is saved: the database refuses the
    second insert of the form's key, and the second send is answered with the first's opening."""
    token = page_form(client, "/my/new?kind=summer_job")
    key = form_key(client.get("/my/new?kind=summer_job").text)
    first = client.post("/my/new", data=job_form(token, form_key=key), follow_redirects=False)
    at_the_same_moment(monkeypatch)
    second = client.post("/my/new", data=job_form(token, form_key=key), follow_redirects=False)
    assert second.status_code == 303
    assert second.headers["location"] == first.headers["location"]
    with Session(services.db) as session:
        assert [o.external_id for o in session.exec(select(Opportunity))] == [key]


def test_mark_filled_and_complete_a_thesis(client, supervisor, staff):
    job = client.post("/api/v1/opportunities", json=opening(status="published"),
                      headers=staff.streets.auth).json()
    thesis = client.post("/api/v1/opportunities", headers=staff.streets.auth,
                         json=opening(kind="thesis", status="published")).json()
    token = page_form(client, "/my/")

    def post(oid, **data):
        return client.post(f"/my/{oid}/status", data={"_csrf_token": token, **data},
                           follow_redirects=False)

    assert post(job["id"], status="filled", filled_positions="2").status_code == 303
    assert post(thesis["id"], status="filled").status_code == 303
    missing = post(thesis["id"], status="completed")
    assert missing.status_code == 422 and 'id="error-thesis_url"' not in missing.text  # not a form field
    assert "thesis_url" in missing.text
    assert post(thesis["id"], status="completed", thesis_url="URN:NBN:fi:amk-1").status_code == 303
    assert post(thesis["id"], status="published").status_code == 409
    body = client.get("/api/v1/me/opportunities").json()
    assert {o["id"]: (o["status"], o["filled_positions"]) for o in body} == {
        job["id"]: ("filled", 2), thesis["id"]: ("completed", 1)}


def test_another_units_edit_page_is_not_found(client, supervisor, staff):
    theirs = client.post("/api/v1/opportunities", json=opening(), headers=staff.geo.auth).json()
    response = client.get(f"/my/{theirs['id']}/edit")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert opening()["title"] not in response.text
    token = page_form(client, "/my/")
    response = client.post(f"/my/{theirs['id']}/copy", data={"_csrf_token": token})
    assert response.status_code == 404


def test_copy_makes_a_draft_for_next_year(client, supervisor, staff, services):
    original = client.post("/api/v1/opportunities", headers=staff.streets.auth, json=opening(
        status="published", start_date="2028-02-29", end_date="2028-08-15",
        application_deadline="2028-01-31", year=2028)).json()
    token = page_form(client, "/my/")
    response = client.post(f"/my/{original['id']}/copy", data={"_csrf_token": token},
                           follow_redirects=False)
    copy_id = int(re.search(r"/my/(\d+)/edit", response.headers["location"]).group(1))
    with Session(services.db) as session:
        copy = session.get(Opportunity, copy_id)
    assert copy.status == "draft" and copy.year == 2029 and copy.copied_from_id == original["id"]
    assert (copy.start_date.isoformat(), copy.end_date.isoformat(),
            copy.application_deadline.isoformat()) == ("2029-02-28", "2029-08-15", "2029-01-31")
    assert copy.external_id != original["external_id"] and copy.title == original["title"]
    again = client.post(f"/my/{original['id']}/copy", data={"_csrf_token": token}, follow_redirects=False)
    assert again.headers["location"] == response.headers["location"]  # a double click copies once


def test_a_copy_sent_twice_at_the_same_moment_copies_once(client, supervisor, staff, services,
                                                           monkeypatch):
    original = client.post("/api/v1/opportunities", headers=staff.streets.auth, json=opening()).json()
    listing = client.get("/my/").text
    token = page_form(client, "/my/")
    key = form_key(listing[listing.index(f'action="/my/{original["id"]}/copy"'):])
    form = {"_csrf_token": token, "form_key": key}
    first = client.post(f"/my/{original['id']}/copy", data=form, follow_redirects=False)
    at_the_same_moment(monkeypatch)
    second = client.post(f"/my/{original['id']}/copy", data=form, follow_redirects=False)
    assert second.status_code == 303 and second.headers["location"] == first.headers["location"]
    with Session(services.db) as session:
        copies = session.exec(select(Opportunity).where(Opportunity.copied_from_id == original["id"])).all()
    assert [c.external_id for c in copies] == [key]


def test_roll_over_a_season_once(client, supervisor, staff, services):
    auth = staff.streets.auth
    for title, kind, year, status in (("Kesä A", "summer_job", 2026, "published"),
                                      ("Kesä B", "summer_job", 2026, "filled"),
                                      ("Kesä C", "summer_job", 2026, "withdrawn"),
                                      ("Harjoittelu", "internship", 2026, "published"),
                                      ("Kesä 2025", "summer_job", 2025, "published")):
        body = client.post("/api/v1/opportunities", headers=auth, json=opening(
            title=title, kind=kind, year=year, start_date=f"{year}-06-01", end_date=f"{year}-08-01",
            status="published" if status != "withdrawn" else "draft")).json()
        if status != "published":
            extra = {"filled_positions": 1} if status == "filled" else {}
            client.post(f"/api/v1/opportunities/{body['id']}/status", headers=auth,
                        json={"status": status, **extra})
    client.post("/api/v1/opportunities", headers=staff.geo.auth,
                json=opening(title="Toisen yksikön kesätyö", year=2026, unit=GEO))
    token = page_form(client, "/my/")
    form = {"_csrf_token": token, "kind": "summer_job", "year": "2026"}
    response = client.post("/my/rollover", data=form, follow_redirects=False)
    assert response.status_code == 303 and "rolled=2" in response.headers["location"]
    assert "rolled=0" in client.post("/my/rollover", data=form, follow_redirects=False).headers["location"]
    with Session(services.db) as session:
        rolled = session.exec(select(Opportunity).where(Opportunity.year == 2027)).all()
        audit = session.exec(select(AuditEntry).where(AuditEntry.action == "copy")).all()
    assert sorted(o.title for o in rolled) == ["Kesä A", "Kesä B"]
    assert {o.status for o in rolled} == {"draft"} and {o.filled_positions for o in rolled} == {None}
    assert len(audit) == 2


def test_hr_rolls_over_any_unit_and_sees_every_opening(client, staff, services):
    client.post("/api/v1/opportunities", headers=staff.geo.auth, json=opening(year=2026, unit=GEO))
    client.post("/api/v1/opportunities", headers=staff.streets.auth, json=opening(year=2026))
    sign_in(client, staff.hr.email)
    listing = client.get("/my/").text
    assert len(re.findall(rf'class="row-title"><a [^>]+>{opening()["title"]}<', listing)) == 2
    assert STREETS in listing and GEO in listing
    unit_id = re.search(rf'<option value="(\d+)">{GEO}</option>', listing).group(1)
    token = page_form(client, "/my/new?kind=thesis")
    assert 'name="unit"' in client.get("/my/new?kind=thesis").text
    response = client.post("/my/rollover", follow_redirects=False, data={
        "_csrf_token": token, "kind": "summer_job", "year": "2026", "unit_id": unit_id})
    assert "rolled=1" in response.headers["location"]
    bad = client.post("/my/rollover", data={"_csrf_token": token, "kind": "thesis", "year": "2026",
                                            "unit_id": unit_id})
    assert bad.status_code == 422


def test_every_form_carries_a_csrf_token(client, supervisor, staff):
    opportunity_id = client.post("/api/v1/opportunities", json=opening(status="published"),
                                 headers=staff.streets.auth).json()["id"]
    for path in ("/my/", f"/my/{opportunity_id}/edit", "/my/new?kind=thesis", "/login"):
        page = client.get(path).text
        forms = page.count('<form method="post"')
        assert page.count("<form") == forms + page.count('<form method="get"'), path
        assert forms >= 1 and page.count('name="_csrf_token" value="') == forms, path
