"""The admin pages: users, tokens, units and the audit log; and each role's way in."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import Session, select

from opportunity_bank import db
from opportunity_bank.accounts.tokens import create_token
from opportunity_bank.accounts.users import UserError, add_user
from opportunity_bank.models import ApiToken, Unit, User
from tests.workspace_helpers import PASSWORD, STREETS, opening, page_form, sign_in

HTML = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture
def people(services):
    with db.session_scope(services.db) as session:
        admin = add_user(session, "admin@espoo.fi", "admin", PASSWORD, None)
        worker = add_user(session, "katu@espoo.fi", "supervisor", PASSWORD, STREETS)
        add_user(session, "hr@espoo.fi", "hr", PASSWORD, None)
        token = create_token(session, worker, "import script")
        return {"admin": admin.id, "worker": worker.id, "token": token}


def user(services, user_id: int) -> User:
    with Session(services.db) as session:
        return session.get(User, user_id)


@pytest.mark.parametrize(("email", "landing"), [
    ("admin@espoo.fi", "/admin/users"), ("hr@espoo.fi", "/hr/report"), ("katu@espoo.fi", "/my")])
def test_each_role_lands_where_its_work_is(client, people, email, landing):
    response = sign_in(client, email)
    assert response.status_code == 303 and response.headers["location"] == landing
    page = client.get(landing, headers=HTML)
    assert page.status_code == 200 and email in page.text and "Sign out" in page.text


def test_anonymous_browser_is_sent_to_sign_in_and_back(client, people):
    response = client.get("/hr/report?from=2024", headers=HTML, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Fhr%2Freport%3Ffrom%3D2024"
    assert client.get("/admin/users", headers=HTML, follow_redirects=False).status_code == 303
    signed = sign_in(client, "hr@espoo.fi", next_path="/hr/report?from=2024")
    assert signed.headers["location"] == "/hr/report?from=2024"
    # Scripts keep their JSON answers.
    client.cookies.clear()
    assert client.get("/hr/report").headers["content-type"].startswith("application/json")


def test_forbidden_page_is_a_page_in_the_layout(client, people):
    sign_in(client, "katu@espoo.fi")
    response = client.get("/admin/users", headers=HTML)
    assert response.status_code == 403 and "text/html" in response.headers["content-type"]
    assert "No access to this page" in response.text and "katu@espoo.fi" in response.text
    assert client.get("/hr/report", headers=HTML).status_code == 403


def test_admin_adds_a_user_and_errors_are_words(client, services, people):
    sign_in(client, "admin@espoo.fi")
    token = page_form(client, "/admin/users")
    bad = client.post("/admin/users", data={"_csrf_token": token, "email": "uusi@espoo.fi",
                                            "role": "supervisor", "unit": "", "password": "lyhyt"},
                      headers={"Accept-Language": "fi"})
    assert bad.status_code == 422 and 'href="#f-unit"' in bad.text and "Valitse yksikkö." in bad.text
    assert 'value="uusi@espoo.fi"' in bad.text
    made = client.post("/admin/users", data={"_csrf_token": token, "email": "uusi@espoo.fi",
                                             "role": "hr", "unit": "", "password": PASSWORD},
                       follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"] == "/admin/users?done=user-added"
    assert "uusi@espoo.fi" in client.get("/admin/users").text


def test_a_user_added_twice_at_once_is_added_once(client, services, people):
    sign_in(client, "admin@espoo.fi")
    token = page_form(client, "/admin/users")
    form = {"_csrf_token": token, "email": "kaksoisklikki@espoo.fi", "role": "hr", "unit": "",
            "password": PASSWORD}
    with ThreadPoolExecutor(4) as pool:  # a double (and triple) click on "Add"
        answers = list(pool.map(lambda _: client.post("/admin/users", data=form, follow_redirects=False,
                                                      headers={"Accept-Language": "fi"}), range(4)))
    assert sorted(a.status_code for a in answers) == [303, 422, 422, 422]
    refused = [a.text for a in answers if a.status_code == 422]
    assert all("Tällä sähköpostiosoitteella on jo käyttäjä." in text for text in refused)
    with Session(services.db) as session:
        assert len(session.exec(select(User).where(User.email == "kaksoisklikki@espoo.fi")).all()) == 1


def test_admin_changes_role_disables_and_resets(client, services, people):
    sign_in(client, "admin@espoo.fi")
    worker = people["worker"]
    token = page_form(client, f"/admin/users/{worker}")
    response = client.post(f"/admin/users/{worker}", data={"_csrf_token": token, "role": "hr", "unit": ""},
                           follow_redirects=False)
    assert response.status_code == 303 and user(services, worker).role == "hr"
    response = client.post(f"/admin/users/{worker}/active", data={"_csrf_token": token, "active": "0"})
    assert response.status_code == 200 and "The user was disabled and signed out." in response.text
    assert user(services, worker).is_active is False
    # A disabled user's token no longer works.
    assert client.get("/api/v1/me/opportunities",
                      headers={"Authorization": f"Bearer {people['token']}"}).status_code == 401
    short = client.post(f"/admin/users/{worker}/password", data={"_csrf_token": token, "password": "x"})
    assert short.status_code == 422 and "at least 12 characters" in short.text
    for untypable in ("\x00" * 12, "salasana-on-\ufffd\ufffd"):  # NULs; bytes that were not UTF-8
        refused = client.post(f"/admin/users/{worker}/password", params={"lang": "fi"},
                              data={"_csrf_token": token, "password": untypable})
        assert refused.status_code == 422 and "Poista tekstistä ohjausmerkit" in refused.text
    with pytest.raises(UserError, match="control characters"):
        add_user(Session(services.db), "nul@espoo.fi", "hr", "\x00" * 12, None)
    self_disable = client.post(f"/admin/users/{people['admin']}/active",
                               data={"_csrf_token": token, "active": "0"})
    assert self_disable.status_code == 422 and user(services, people["admin"]).is_active


def test_admin_revokes_a_token(client, services, people):
    sign_in(client, "admin@espoo.fi")
    page = client.get("/admin/tokens").text
    assert "katu@espoo.fi" in page and "import script" in page and "Never" in page
    token_id = re.search(r'/admin/tokens/(\d+)/revoke', page).group(1)
    response = client.post(f"/admin/tokens/{token_id}/revoke",
                           data={"_csrf_token": page_form(client, "/admin/tokens")})
    assert response.status_code == 200 and "The token was revoked" in response.text
    with Session(services.db) as session:
        assert session.exec(select(ApiToken)).one().revoked_at is not None
    assert client.get("/api/v1/me/opportunities",
                      headers={"Authorization": f"Bearer {people['token']}"}).status_code == 401


@pytest.mark.parametrize(("fields", "message"), [
    ({"name": "\x00"}, "Poista tekstistä ohjausmerkit"),
    ({"name": "\u200b"}, "Täytä tämä kenttä."),
    ({"name": STREETS, "name_sv": "Gatu\x07service"}, "Poista tekstistä ohjausmerkit"),
])
def test_a_unit_name_with_control_or_only_invisible_characters_is_refused(client, services, people,
                                                                           fields, message):
    sign_in(client, "admin@espoo.fi")
    token = page_form(client, "/admin/units")
    refused = client.post("/admin/units", data={"_csrf_token": token, **fields}, params={"lang": "fi"})
    assert refused.status_code == 422 and message in refused.text
    with Session(services.db) as session:
        assert [u.name for u in session.exec(select(Unit))] == [STREETS]


def test_unit_names_in_three_languages_and_the_audit_log(client, services, people):
    sign_in(client, "admin@espoo.fi")
    token = page_form(client, "/admin/units")
    names = {"name_fi": STREETS, "name_sv": "Gatu- och grönservice", "name_en": "Street and green services"}
    client.post("/admin/units", data={"_csrf_token": token, "name": STREETS, **names})
    with Session(services.db) as session:
        unit = session.exec(select(Unit).where(Unit.name == STREETS)).one()
        assert (unit.name_in("sv"), unit.name_in("en")) == (names["name_sv"], names["name_en"])
    posted = client.post("/api/v1/opportunities", json=opening(status="published"),
                         headers={"Authorization": f"Bearer {people['token']}"}).json()
    swedish = client.get(f"/opportunities/{posted['id']}", params={"lang": "sv"}).text
    assert '<span lang="sv">Gatu- och grönservice</span>' in swedish
    log = client.get("/admin/audit", params={"person": "admin@", "lang": "en"}).text
    assert "Unit names changed" in log and "Gatu- och grönservice" in log
    empty = client.get("/admin/audit", params={"from": "2000-01-01", "to": "2000-01-02"})
    assert "Nothing matches." in empty.text
