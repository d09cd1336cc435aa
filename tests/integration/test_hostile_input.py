"""Hostile input: oversized bodies, injection attempts, markup; no internals in answers."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from litestar import Request, post

from opportunity_bank.app import MAX_BODY_BYTES


@post("/api/v1/test-only/echo-size")
async def echo_size(request: Request) -> dict:
    return {"size": len(await request.body())}


def test_bodies_over_the_app_wide_limit_are_refused(client):
    client.app.register(echo_size)
    assert client.post("/api/v1/test-only/echo-size", content=b"x" * 1000).json() == {"size": 1000}
    too_big = client.post("/api/v1/test-only/echo-size", content=b"x" * (MAX_BODY_BYTES + 1))
    assert too_big.status_code == 413
    assert "Traceback" not in too_big.text


def test_huge_ids_and_injection_in_parameters_are_client_errors(client):
    assert client.get("/api/v1/opportunities/99999999999999999999999999").status_code == 400
    body = client.get("/api/v1/search", params={"q": "' OR 1=1 --", "unit": "x' OR '1'='1"}).json()
    assert body["total"] == 0
    markup = client.get("/api/v1/search", params={"kind": "<script>alert(1)</script>"})
    assert markup.status_code == 400
    # Echoed only inside JSON, which browsers do not render as markup.
    assert markup.headers["content-type"].startswith("application/json")
    assert markup.json()["errors"][0]["field"] == "kind"


# --- bodies are refused before they are read (issue 13, items 2, 3 and 7) ---

TEN_MB = 10 * 1024 * 1024
PIECE = 64 * 1024


async def _call(app, method: str, path: str, headers: dict[str, str], body: bytes,
                chunk: int = PIECE) -> tuple[int, int]:
    """The app called as uvicorn calls it; (status, body bytes the app asked for)."""
    state = {"read": 0, "status": None}
    pieces = [body[i:i + chunk] for i in range(0, len(body), chunk)] or [b""]

    async def receive():
        if state["read"] >= len(pieces):
            await asyncio.sleep(3600)  # a client that sends nothing more: the app must not wait
        index = state["read"]
        state["read"] += 1
        return {"type": "http.request", "body": pieces[index], "more_body": index < len(pieces) - 1}

    async def send(message):
        if message["type"] == "http.response.start":
            state["status"] = message["status"]

    path_only, _, query = path.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path_only, "raw_path": path_only.encode(),
        "query_string": query.encode(), "root_path": "", "client": ("127.0.0.1", 50000),
        "server": ("testserver.local", 80),
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }
    await asyncio.wait_for(app(scope, receive, send), timeout=20)
    return state["status"], sum(len(p) for p in pieces[:state["read"]])


def call(app, method, path, headers, body, chunk=PIECE):
    # A loop of its own in a thread: the browser tests' Playwright leaves one running here.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _call(app, method, path, headers, body, chunk)).result()


def unsafe_routes(app) -> list[tuple[str, str]]:
    found = []
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            for method in sorted(set(handler.http_methods) - {"GET", "HEAD", "OPTIONS"}):
                path = route.path_format.replace("{opportunity_id}", "1").replace(
                    "{attachment_id}", "1").replace("{year}", "2027").replace("{kind}", "thesis")
                found.append((method, path))
    return found


def test_anonymous_ten_megabyte_posts_are_refused_unread_on_every_route(client):
    """A bogus session cookie and a 10 MB form field: no route reads more than its small limit.

    Routes behind a sign-in refuse before reading a byte; open ones (sign-in) stop at their
    16 KB limit. Sent without Content-Length, as a client streaming to fill memory would.
    """
    from opportunity_bank.web.params import SMALL_BODY

    routes = unsafe_routes(client.app)
    assert ("POST", "/api/v1/opportunities/1/attachments") in routes and len(routes) >= 10
    body = b"title=" + b"x" * TEN_MB
    for method, path in routes:
        headers = {"cookie": "ob_session=bogus-session-id",
                   "content-type": "application/x-www-form-urlencoded"}
        status, read = call(client.app, method, path, headers, body)
        # RFC 8058 one-click unsubscribe answers the same page whatever the token (idempotent).
        idempotent = (200,) if path == "/alerts/unsubscribe/{token}" else ()
        assert status in (303, 401, 403, 404, 413, *idempotent), (method, path, status)
        assert read <= SMALL_BODY + PIECE, (method, path, read)
        if path.startswith(("/api/v1/opportunities", "/my/")):
            assert read == 0, (method, path, read)


def test_a_declared_ten_megabytes_is_refused_before_reading(client):
    headers = {"content-type": "application/x-www-form-urlencoded",
               "content-length": str(TEN_MB)}
    assert call(client.app, "POST", "/login", headers, b"x" * TEN_MB) == (413, 0)


def test_upload_with_the_csrf_token_as_a_form_field_answers_never_hangs(client, services):
    """Signed in through the page, the API upload carries its token in the multipart body."""
    from tests.integration.test_workspace_attachments import tiny_pdf
    from tests.workspace_helpers import make_staff, opening, page_form, sign_in

    staff = make_staff(services)
    draft = client.post("/api/v1/opportunities", json=opening(), headers=staff.streets.auth).json()["id"]
    sign_in(client, staff.streets.email)
    token = page_form(client, f"/my/{draft}/edit")
    path = f"/api/v1/opportunities/{draft}/attachments"
    pdf = {"file": ("ohje.pdf", tiny_pdf(), "application/pdf")}
    assert client.post(path, data={"_csrf_token": token}, files=pdf).status_code == 201
    assert client.post(path, data={"_csrf_token": "forged"}, files=pdf).status_code == 403
    assert client.post(path, files=pdf).status_code == 403


def test_junk_bodies_are_client_errors(client, services):
    from tests.workspace_helpers import make_staff, opening

    staff = make_staff(services)
    draft = client.post("/api/v1/opportunities", json=opening(), headers=staff.streets.auth).json()["id"]
    junk = [
        ({"content-type": "multipart/form-data; boundary=x"}, b"\x00garbage--x\r\nno headers\r\n\r\n"),
        ({"content-type": "multipart/form-data; boundary=x"},
         b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-"),
        ({"content-type": "multipart/form-data"}, b"--x--"),
        ({"content-type": "multipart/form-data; boundary=" + "b" * 300}, b"--" + b"b" * 300),
    ]
    for headers, body in junk:
        response = client.post(f"/api/v1/opportunities/{draft}/attachments", content=body,
                               headers={**staff.streets.auth, **headers})
        assert 400 <= response.status_code < 500, (body, response.status_code, response.text)
        assert "errors" in response.json()
    deep = "[" * 1000 + "]" * 1000
    for path, method in (("/api/v1/opportunities", "POST"), (f"/api/v1/opportunities/{draft}", "PATCH")):
        response = client.request(method, path, content=deep,
                                  headers={**staff.streets.auth, "content-type": "application/json"})
        assert response.status_code in (400, 422), (path, response.status_code, response.text)
    sign_in_junk = client.post("/login", content=b"--x\r\n\r\n",
                               headers={"content-type": "multipart/form-data; boundary=x"})
    assert 400 <= sign_in_junk.status_code < 500


# --- sign-in throttling (item 5) ---

def test_parallel_guesses_are_counted_one_by_one(services):
    """20 guesses at once, as from 20 connections or processes: only the free five go ahead."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from sqlmodel import Session

    from opportunity_bank.accounts import throttle

    barrier = Barrier(20)

    def guess(_):
        with Session(services.db) as session:
            barrier.wait()
            return throttle.claim(session, "account:victim@espoo.fi", 5).allowed

    with ThreadPoolExecutor(20) as pool:
        allowed = sum(pool.map(guess, range(20)))
    assert allowed == 5


def test_the_owner_of_an_attacked_account_still_signs_in(client, services):
    from litestar.testing import TestClient

    from tests.workspace_helpers import make_staff, sign_in

    staff = make_staff(services)
    assert sign_in(client, staff.streets.email).status_code == 303  # the owner's browser, before
    attacker = TestClient(client.app, base_url="http://testserver.local")
    answers = [sign_in(attacker, staff.streets.email, f"guess-{n}").status_code for n in range(12)]
    assert answers[:5] == [401] * 5 and 429 in answers
    assert sign_in(attacker, staff.streets.email).status_code == 429  # a new browser waits
    assert sign_in(client, staff.streets.email).status_code == 303  # the owner's does not
    # Nor is anyone else behind the attacker's address kept out.
    assert sign_in(attacker, staff.geo.email).status_code == 303


def test_forwarded_addresses_are_believed_only_from_trusted_proxies(settings):
    from dataclasses import replace

    from opportunity_bank.runtime import uvicorn_options

    options = uvicorn_options(settings, "127.0.0.1", 8000)
    assert options["proxy_headers"] is False
    trusted = uvicorn_options(replace(settings, trusted_proxies=("10.0.0.0/8",)), "127.0.0.1", 8000)
    assert trusted["proxy_headers"] is True and trusted["forwarded_allow_ips"] == ["10.0.0.0/8"]


# --- lifecycle fields, links, text (items 7-10) ---

def test_a_filled_opening_cannot_be_bent_by_patch(client, services):
    from tests.workspace_helpers import make_staff, opening

    staff = make_staff(services)
    auth = staff.streets.auth
    created = client.post("/api/v1/opportunities", json=opening(status="published", positions=3),
                          headers=auth).json()
    path = f"/api/v1/opportunities/{created['id']}"
    filled = client.post(f"{path}/status", json={"status": "filled", "filled_positions": 2}, headers=auth)
    assert filled.status_code == 200, filled.text
    for change in ({"filled_positions": None}, {"positions": 10000}, {"filled_positions": 3}):
        response = client.patch(path, json=change, headers=auth)
        assert response.status_code == 409, (change, response.text)
        assert [e["field"] for e in response.json()["errors"]] == list(change)
        assert "/status" in response.json()["detail"]
    assert client.patch(path, json={"title": "Uusi otsikko"}, headers=auth).status_code == 200
    body = client.get(path).json()
    assert (body["positions"], body["filled_positions"]) == (3, 2)


def test_a_forged_host_changes_no_link(client, services, settings):
    from dataclasses import replace

    from litestar.testing import TestClient

    from opportunity_bank.app import create_app
    from tests.workspace_helpers import make_staff, opening

    staff = make_staff(services)
    created = client.post("/api/v1/opportunities", json=opening(status="published"),
                          headers=staff.streets.auth).json()
    forged = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    page = client.get(f"/opportunities/{created['id']}", headers=forged)
    assert page.status_code == 200 and "evil.example" not in page.text
    assert f'href="{settings.base_url}/opportunities/{created["id"]}' in page.text
    feed = client.get("/feeds/opportunities.atom", headers=forged)
    assert feed.status_code == 200 and "evil.example" not in feed.text
    guarded = replace(settings, allowed_hosts=("bank.example",), public_url="https://bank.example")
    with TestClient(create_app(guarded), base_url="http://bank.example") as strict:
        assert strict.get("/healthz").status_code == 200
        assert strict.get("/healthz", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("title", ["\u200b\u200b\u200b\u200b", "\u2066\u2069\u00ad\u200d \u200c",
                                   "Kesä\x00työ", "Kesä\x1btyö"])
def test_invisible_and_control_titles_are_refused(client, services, title):
    from tests.workspace_helpers import make_staff, opening

    staff = make_staff(services)
    response = client.post("/api/v1/opportunities", json=opening(title=title, unit="Geotekniikka"),
                           headers=staff.hr.auth)
    assert response.status_code == 422, response.text
    error = response.json()["errors"][0]
    assert error["field"] == "title" and ("visible" in error["message"] or "control" in error["message"])


def test_unit_names_differing_in_case_space_or_invisibles_are_one_unit(client, services):
    from sqlmodel import Session, select

    from opportunity_bank.models import Unit
    from tests.workspace_helpers import make_staff, opening

    staff = make_staff(services)
    names = ["Kunnossapito", "kunnossapito", " KUNNOSSAPITO\u200b", "Kunnos\u00adsapito", "Kunnossa pito"]
    units = {client.post("/api/v1/opportunities", json=opening(unit=name),
                         headers=staff.hr.auth).json()["unit"] for name in names}
    assert units == {"Kunnossapito"}
    with Session(services.db) as session:
        assert len(session.exec(select(Unit).where(Unit.name_key == "kunnossapito")).all()) == 1
    title = "Ka\u0308yta\u0308va\u0308t"  # as some keyboards and PDFs send it: a + combining ¨
    decomposed = client.post("/api/v1/opportunities", json=opening(title=title, unit="Kunnossapito"),
                             headers=staff.hr.auth).json()
    assert decomposed["title"] == "Käytävät"  # NFC


def test_parallel_creates_of_one_new_unit_make_one_unit(services):
    """Ten editors name the same new unit at once (PostgreSQL answered 500 to nine of them)."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from sqlmodel import Session, select

    from opportunity_bank.accounts.users import add_user
    from opportunity_bank.models import Unit
    from opportunity_bank.opportunities import editing
    from tests.workspace_helpers import opening

    with Session(services.db, expire_on_commit=False) as session:
        hr = editing.Editor.of(add_user(session, "hr2@espoo.fi", "hr", "x" * 12, None))
        session.commit()
    barrier = Barrier(10)

    def create(number: int) -> int:
        with Session(services.db, expire_on_commit=False) as session:
            barrier.wait()
            values = opening(unit="Uusi yksikkö", title=f"Avoin {number}")
            created = editing.create_opening(session, hr, values)
            session.commit()
            return created.unit_id

    with ThreadPoolExecutor(10) as pool:
        unit_ids = set(pool.map(create, range(10)))
    with Session(services.db) as session:
        assert len(unit_ids) == 1 and len(session.exec(select(Unit)).all()) == 1


# --- CSRF and the smaller items (item 13) ---

def test_students_get_no_cookie_and_the_sign_in_form_gets_one(client, services):
    from litestar.testing import TestClient

    from tests.integration.test_workspace_attachments import tiny_pdf
    from tests.workspace_helpers import make_staff, opening

    staff = make_staff(services)
    created = client.post("/api/v1/opportunities", json=opening(status="published"),
                          headers=staff.streets.auth).json()
    attachment = client.post(f"/api/v1/opportunities/{created['id']}/attachments", headers=staff.streets.auth,
                             files={"file": ("o.pdf", tiny_pdf(), "application/pdf")}).json()
    student = TestClient(client.app, base_url="http://testserver.local")
    for path in ("/", "/?q=kes%C3%A4ty%C3%B6", f"/opportunities/{created['id']}",
                 "/feeds/opportunities.atom", attachment["url"], "/api/v1/search?q=kesä"):
        response = student.get(path)
        assert response.status_code == 200, path
        assert "set-cookie" not in response.headers, (path, response.headers["set-cookie"])
    login = student.get("/login")
    assert "ob_csrf=" in login.headers["set-cookie"] and "HttpOnly" in login.headers["set-cookie"]


def test_the_csrf_token_is_bound_to_the_session_and_rotated_at_sign_in(client, services):
    from litestar.testing import TestClient

    from tests.workspace_helpers import csrf_token, make_staff, page_form, sign_in

    staff = make_staff(services)
    before = csrf_token(client.get("/login").text)
    sign_in(client, staff.streets.email)
    during = page_form(client, "/my/")
    assert during != before
    other = TestClient(client.app, base_url="http://testserver.local")
    sign_in(other, staff.streets.email)
    # A token from one session (or from before sign-in) is worthless in another.
    for token in (during, before):
        response = other.post("/my/rollover", data={"_csrf_token": token, "year": "2027",
                                                    "kind": "summer_job"}, follow_redirects=False)
        assert response.status_code == 403
    own = page_form(other, "/my/")
    response = other.post("/my/rollover", data={"_csrf_token": own, "year": "2027",
                                                "kind": "summer_job"}, follow_redirects=False)
    assert response.status_code == 303
    # Signing in again rotates it: the old token is refused.
    sign_in(other, staff.streets.email)
    response = other.post("/my/rollover", data={"_csrf_token": own, "year": "2027",
                                                "kind": "summer_job"}, follow_redirects=False)
    assert response.status_code == 403


def test_a_session_cookie_inside_another_cookie_changes_nothing(client, services):
    """The exemption reads the parsed session cookie, not the text of the Cookie header."""
    from tests.workspace_helpers import make_staff, sign_in

    staff = make_staff(services)
    sign_in(client, staff.streets.email)
    session_id = client.cookies.get("ob_session")
    client.cookies.clear()
    response = client.post("/api/v1/opportunities", json={"kind": "thesis", "title": "Väärennetty",
                                                           "year": 2027},
                           headers={"cookie": f"ob_session={session_id}; x=1"})
    assert response.status_code == 403  # signed in by the cookie, so the token is needed
    assert client.post("/api/v1/opportunities", json={},
                       headers={"cookie": "decoy=ob_session=1"}).status_code == 401


def test_language_cookie_is_secure_in_production(settings):
    from dataclasses import replace

    from litestar.testing import TestClient

    from opportunity_bank.app import create_app

    production = replace(settings, env="production", public_url="https://bank.example")
    with TestClient(create_app(production), base_url="http://bank.example") as client:
        cookie = client.get("/?lang=sv").headers["set-cookie"]
    assert cookie.startswith("lang=sv") and "Secure" in cookie


def test_the_sqlite_file_is_private(tmp_path):
    import stat

    from opportunity_bank import db
    from opportunity_bank.settings import Settings

    path = tmp_path / "bank.db"
    sqlite = Settings(data_dir=tmp_path, database_url=f"sqlite:///{path}")
    db.upgrade(sqlite)
    path.chmod(0o644)  # as a file made by an older version
    engine = db.make_engine(sqlite)
    with engine.connect():
        pass
    engine.dispose()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_secret_query_values_are_redacted_in_the_access_log():
    import logging

    from opportunity_bank.web.logs import RedactSecrets

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5", "GET", "/x?q=kesä&access_token=obk_s3cret&Password=p",
                                "1.1", 200), None)
    RedactSecrets().filter(record)
    line = record.getMessage()
    assert "s3cret" not in line and "=p " not in line and "q=kesä" in line


def test_csv_names_its_charset_once(client, services):
    from tests.workspace_helpers import make_staff

    staff = make_staff(services)
    for path in ("/hr/report.csv?from=2026&to=2027", "/hr/report.taavi.csv?from=2026&to=2027"):
        response = client.get(path, headers=staff.hr.auth)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
    refused = client.get("/feeds/opportunities.atom", params={"kind": "bogus"})
    assert refused.status_code == 400 and refused.headers["content-type"] == "text/plain; charset=utf-8"


BROWSER = {"Accept": "text/html,application/xhtml+xml"}


@pytest.mark.parametrize("path", ["/opportunities/99999999999999999999", "/opportunities/0",
                                  "/opportunities/-1/deadline.ics", "/attachments/2147483648",
                                  "/opportunities/99999/deadline.ics"])
def test_a_browser_asking_for_an_impossible_id_gets_the_not_found_page(client, path):
    page = client.get(path, params={"lang": "fi"}, headers=BROWSER)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Sivua ei löytynyt" in page.text and "Expected" not in page.text


def test_a_browser_is_told_in_its_language_why_a_request_was_refused(client, services):
    expired = client.post("/alerts/new", params={"lang": "fi"}, headers=BROWSER,
                          data={"email": "a@example.fi"})
    assert expired.status_code == 403 and "Lomake oli vanhentunut" in expired.text
    wrong = client.post("/alerts/privacy", params={"lang": "sv"}, headers=BROWSER)
    assert wrong.status_code == 405 and "Den här adressen tar inte emot" in wrong.text
    for answer in (expired, wrong):
        assert answer.headers["content-type"].startswith("text/html") and "status_code" not in answer.text
    # Scripts keep their JSON.
    assert client.post("/alerts/privacy").json()["status_code"] == 405


@pytest.mark.parametrize(("body", "message"), [
    (b"", "the request has no body; send a JSON object"),
    (b'{"title": "Puisto', "not valid JSON (Input data was truncated)"),
])
def test_a_missing_or_broken_json_body_is_named_body(client, services, body, message):
    """A client is told about its body, not about a parameter named ``data`` it never sent."""
    from tests.workspace_helpers import make_staff

    staff = make_staff(services)
    for path, method in (("/api/v1/opportunities", "POST"), ("/api/v1/alerts", "POST")):
        response = client.request(method, path, content=body,
                                  headers={**staff.streets.auth, "content-type": "application/json"})
        assert 400 <= response.status_code < 500, path
        assert response.json()["errors"] == [{"field": "body", "message": message}], path
