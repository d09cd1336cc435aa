"""Signing in: CSRF, session cookies and timeouts, rate limit, headers, security log."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from datetime import timedelta

import pytest
from litestar.testing import TestClient
from sqlalchemy import update
from sqlmodel import Session, select

from opportunity_bank.app import create_app
from opportunity_bank.models import WebSession, utcnow
from tests.workspace_helpers import PASSWORD, csrf_token, make_staff, sign_in


@pytest.fixture
def staff(services):
    return make_staff(services)


def session_cookie(response, name: str = "ob_session") -> str:
    cookies = [c for c in response.headers.get_list("set-cookie") if c.startswith(f"{name}=")]
    assert len(cookies) == 1, response.headers.get_list("set-cookie")
    return cookies[0]


def test_login_without_csrf_token_is_refused(client, staff, caplog):
    caplog.set_level(logging.INFO, logger="opportunity_bank.security")
    client.get("/login")  # has the CSRF cookie, but the form field is missing
    response = client.post("/login", data={"email": staff.streets.email, "password": PASSWORD})
    assert response.status_code == 403
    fresh = TestClient(client.app, base_url="http://testserver.local")
    response = fresh.post("/login", data={"email": staff.streets.email, "password": PASSWORD,
                                          "_csrf_token": "forged"})
    assert response.status_code == 403
    refusals = [r.getMessage() for r in caplog.records if "event=csrf_refused" in r.getMessage()]
    assert len(refusals) == 2 and 'path="/login"' in refusals[0]


def test_a_form_sent_after_the_session_ended_signs_in_back_to_its_page(client, staff):
    sent = client.post("/my/1/status", data={"status": "closed"}, follow_redirects=False,
                       headers={"Accept": "text/html", "Referer": "http://testserver.local/my/1/edit?x=1"})
    assert sent.status_code == 303 and sent.headers["location"] == "/login?next=%2Fmy%2F1%2Fedit%3Fx%3D1"
    elsewhere = client.post("/my/1/status", data={"status": "closed"}, follow_redirects=False,
                            headers={"Accept": "text/html", "Referer": "https://evil.example/my/1/edit"})
    assert elsewhere.headers["location"] == "/login"


def test_sign_in_and_out(client, staff, services):
    assert client.get("/my/", follow_redirects=False).headers["location"].startswith("/login?next=%2Fmy")
    response = sign_in(client, staff.streets.email, next_path="/my/new?kind=thesis")
    assert response.status_code == 303 and response.headers["location"] == "/my/new?kind=thesis"
    cookie = session_cookie(response)
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path"} <= attributes and "domain" not in attributes
    assert "samesite=lax" in cookie.lower() and "secure" not in attributes
    value = cookie.split(";")[0].split("=", 1)[1]
    with Session(services.db) as session:
        stored = session.exec(select(WebSession.session_hash)).all()
    assert stored == [hashlib.sha256(value.encode()).hexdigest()]  # only a hash is kept
    page = client.get("/my/")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    response = client.post("/logout", data={"_csrf_token": csrf_token(page.text)}, follow_redirects=False)
    assert response.status_code == 303
    with Session(services.db) as session:
        assert session.exec(select(WebSession)).all() == []
    client.cookies.set("ob_session", value)
    assert client.get("/my/", follow_redirects=False).status_code == 303


def test_a_new_session_id_at_every_sign_in(client, staff):
    first = session_cookie(sign_in(client, staff.streets.email))
    second = session_cookie(sign_in(client, staff.streets.email))
    assert first.split(";")[0] != second.split(";")[0]
    client.cookies.set("ob_session", first.split(";")[0].split("=", 1)[1])
    assert client.get("/my/", follow_redirects=False).status_code == 303  # the old id is gone


def test_open_redirect_is_refused(client, staff):
    # Refused, the person lands where their role's work is: a supervisor on My openings.
    assert sign_in(client, staff.streets.email, next_path="//evil.example/").headers["location"] == "/my"


def test_each_role_lands_where_its_work_is(client, staff):
    assert sign_in(client, staff.hr.email).headers["location"] == "/hr/report"
    assert sign_in(client, staff.geo.email).headers["location"] == "/my"


@pytest.mark.parametrize("column", ["last_seen_at", "created_at"])
def test_idle_and_absolute_timeouts(client, staff, services, column):
    sign_in(client, staff.streets.email)
    assert client.get("/my/").status_code == 200
    age = timedelta(minutes=31) if column == "last_seen_at" else timedelta(hours=12, minutes=1)
    with Session(services.db) as session:
        session.exec(update(WebSession).values({column: utcnow() - age}))
        session.commit()
    response = client.get("/my/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_wrong_password_then_growing_waits(client, staff, services, caplog):
    from opportunity_bank.accounts import throttle

    caplog.set_level(logging.INFO, logger="opportunity_bank.security")
    for _ in range(5):
        assert sign_in(client, staff.streets.email, "wrong password!!").status_code == 401
    # The waits double (1, 2, 4 s ...): however slow this machine, one attempt soon meets one.
    statuses = [sign_in(client, staff.streets.email, "wrong password!!") for _ in range(6)]
    waiting = [r for r in statuses if r.status_code == 429]
    assert waiting and all(r.status_code in (401, 429) for r in statuses)
    assert 0 < int(waiting[0].headers["retry-after"]) <= 60
    with Session(services.db) as session:  # even the right password waits while it lasts
        assert not throttle.claim_attempt(session, staff.streets.email, "testclient", None).allowed
    # Another account from the same address is not locked by these five.
    assert sign_in(client, staff.geo.email).status_code == 303
    lines = [r.getMessage() for r in caplog.records if r.name == "opportunity_bank.security"]
    assert any(line.startswith("event=login_failed") and "katu@espoo.fi" in line for line in lines)
    assert any(line.startswith("event=login_throttled") for line in lines)
    assert any(line.startswith("event=login ") for line in lines)
    assert not any("wrong password" in line or PASSWORD in line for line in lines)


def test_unknown_email_fails_like_a_wrong_password(client, staff):
    assert sign_in(client, "nobody@espoo.fi").status_code == 401


def test_session_works_for_the_api_with_a_csrf_header(client, staff):
    sign_in(client, staff.streets.email)
    assert client.get("/api/v1/me/opportunities").status_code == 200
    body = {"kind": "thesis", "title": "Sessiolla luotu aihe", "year": 2027}
    assert client.post("/api/v1/opportunities", json=body).status_code == 403
    token = csrf_token(client.get("/my/").text)
    response = client.post("/api/v1/opportunities", json=body, headers={"X-CSRFToken": token})
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"


def test_security_headers_on_pages_and_errors(client):
    for path in ("/", "/login", "/api/v1/search", "/no-such-page"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "strict-transport-security" not in response.headers


def test_production_cookie_is_host_prefixed_and_secure(settings, staff):
    production = dataclasses.replace(settings, env="production")
    with TestClient(create_app(production), base_url="https://testserver.local") as client:
        page = client.get("/login")
        assert "__Host-ob_csrf=" in page.headers["set-cookie"]
        response = client.post("/login", follow_redirects=False, data={
            "email": staff.streets.email, "password": PASSWORD, "_csrf_token": csrf_token(page.text)})
        cookie = session_cookie(response, "__Host-ob_session")
        parts = {p.strip().lower() for p in cookie.split(";")}
        assert {"secure", "httponly", "path=/", "samesite=lax"} <= parts
        assert not any(p.startswith("domain") for p in parts)
        assert response.headers["strict-transport-security"].startswith("max-age=")
        assert client.get("/my/").status_code == 200


def test_many_failures_from_one_address_slow_that_address_down(client, staff):
    from opportunity_bank.accounts.throttle import FREE_ATTEMPTS

    for number in range(FREE_ATTEMPTS["address"]):
        assert sign_in(client, f"guess{number}@espoo.fi", "guessing").status_code == 401
    more = [sign_in(client, f"more{number}@espoo.fi", "guessing") for number in range(6)]
    waiting = [r for r in more if r.status_code == 429]
    assert waiting and 0 < int(waiting[0].headers["retry-after"]) <= 60
