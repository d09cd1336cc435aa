"""Staff sign-in through a real OpenID provider (oidc-provider under node, set up like Entra ID).

The app runs in Litestar's test client and talks to the provider over loopback for discovery,
the code exchange and the key set; the person's browser at the provider is an httpx client
that posts the provider's own login and consent forms.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from litestar.testing import TestClient
from sqlmodel import Session, select

from opportunity_bank import db
from opportunity_bank.accounts.tokens import create_token, user_for_token
from opportunity_bank.accounts.users import add_user
from opportunity_bank.app import create_app
from opportunity_bank.models import OidcIdentity, Unit, User, WebSession
from opportunity_bank.web import csrf
from tests.oidc_provider import STREETS, TENANT, running_provider, sign_in_at_provider
from tests.workspace_helpers import GEO, PASSWORD, csrf_token, opening

PUBLIC = "http://testserver.local"
CALLBACK = f"{PUBLIC}/auth/oidc/callback"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    with running_provider(tmp_path_factory.mktemp("oidc"), [PUBLIC]) as process:
        yield process


def make_client(settings) -> TestClient:
    client = TestClient(create_app(settings), base_url=PUBLIC)
    client.headers["Accept-Language"] = "en"
    return client


@pytest.fixture
def oidc_settings(provider, settings):
    provider.reset()
    return provider.settings_for(settings, PUBLIC)


@pytest.fixture
def app(oidc_settings) -> Iterator[TestClient]:
    with make_client(oidc_settings) as client:
        yield client


class Events(logging.Handler):
    """Security events, from a handler on the security logger itself: a second app in a test
    reconfigures logging and would drop pytest's capture."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def any(self, *parts: str) -> bool:
        return any(all(part in line for part in parts) for line in self.lines)


@pytest.fixture
def events() -> Iterator[Events]:
    logger = logging.getLogger("opportunity_bank.security")
    handler, level = Events(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def start(client: TestClient, next_path: str | None = None) -> str:
    response = client.get("/auth/oidc/login", params={"next": next_path} if next_path else None,
                          follow_redirects=False)
    assert response.status_code == 303, response.text
    return response.headers["location"]


def through_provider(client: TestClient, login: str) -> str:
    """Start a sign-in in `client` and go through the provider with a fresh browser there."""
    with httpx.Client(timeout=10) as at_provider:
        return sign_in_at_provider(start(client), login, at_provider, CALLBACK)


def sign_in(client: TestClient, login: str):
    return client.get(through_provider(client, login), follow_redirects=False)


def signed_in(client: TestClient) -> bool:
    return client.get("/my/", follow_redirects=False).status_code == 200


def users(engine) -> list[User]:
    with Session(engine) as session:
        return list(session.exec(select(User)))


def local_hr_token(engine) -> str:
    with db.session_scope(engine) as session:
        return create_token(session, add_user(session, "hr@espoo.fi", "hr", PASSWORD, None), "test")


def refusal(response) -> str:
    assert 'id="refusal"' in response.text, response.text
    return response.text.split('data-reason="', 1)[1].split('"', 1)[0]


def test_the_authorization_request_carries_pkce_s256_state_and_nonce(app, provider):
    authorize = urlsplit(start(app))
    params = parse_qs(authorize.query)
    assert f"{authorize.scheme}://{authorize.netloc}{authorize.path}".startswith(provider.issuer)
    assert params["code_challenge_method"] == ["S256"]
    assert len(params["code_challenge"][0]) == 43  # base64url of a SHA-256
    assert len(params["state"][0]) >= 20 and len(params["nonce"][0]) >= 20
    assert params["response_type"] == ["code"] and params["response_mode"] == ["query"]
    assert params["redirect_uri"] == [CALLBACK]
    assert params["client_id"] == ["0c9e8f3a-opportunity-bank"]
    assert "openid" in params["scope"][0].split()
    assert "code_verifier" not in params
    # Two sign-ins never share a state or nonce.
    again = parse_qs(urlsplit(start(app)).query)
    assert again["state"] != params["state"] and again["nonce"] != params["nonce"]


def test_a_supervisor_lands_on_my_openings_of_the_unit_in_the_claim(app, engine, events):
    hr = {"Authorization": f"Bearer {local_hr_token(engine)}"}
    for title, unit in (("Katujen kunnossapidon kesätyö", STREETS), ("Geotekniikan harjoittelu", GEO)):
        created = app.post("/api/v1/opportunities", json=opening(title=title, unit=unit), headers=hr)
        assert created.status_code == 201, created.text
    response = sign_in(app, "maija")
    assert response.status_code == 303
    assert response.headers["location"] == "/my"
    page = app.get("/my/")
    assert page.status_code == 200
    assert "My openings" in page.text
    assert "Katujen kunnossapidon kesätyö" in page.text and "Geotekniikan harjoittelu" not in page.text
    assert "Signed in:" in page.text and "<strong>maija.ohjaaja@espoo.fi</strong>" in page.text
    with Session(engine) as session:
        user = session.exec(select(User).where(User.email == "maija.ohjaaja@espoo.fi")).one()
        assert user.role == "supervisor" and user.password_hash == ""
        assert session.get(Unit, user.unit_id).name == STREETS
        identity = session.exec(select(OidcIdentity).where(OidcIdentity.user_id == user.id)).one()
        assert (identity.issuer.endswith(f"/{TENANT}/v2.0"), identity.subject) == (True, "oid-maija")
    assert events.any("event=login", 'method="oidc"')
    assert events.any("event=oidc_user_created", 'role="supervisor"', 'subject="oid-maija"')
    # The same person again is the same user, not a second one.
    app.cookies.clear()
    assert sign_in(app, "maija").status_code == 303
    assert len(users(engine)) == 2  # the HR person made with a password, and Maija once


def test_hr_lands_on_the_report(app):
    response = sign_in(app, "henna")
    assert response.status_code == 303 and response.headers["location"] == "/hr/report"
    assert app.get("/hr/report").status_code == 200


def test_next_page_is_kept_through_the_provider(app):
    with httpx.Client(timeout=10) as at_provider:
        callback = sign_in_at_provider(start(app, "/hr/targets"), "henna", at_provider, CALLBACK)
    assert app.get(callback, follow_redirects=False).headers["location"] == "/hr/targets"
    with httpx.Client(timeout=10) as at_provider:
        callback = sign_in_at_provider(start(app, "/" + "x" * 3000), "henna", at_provider, CALLBACK)
    assert app.get(callback, follow_redirects=False).headers["location"] == "/hr/report"


def test_another_tenant_gets_no_session(app, engine, events):
    assert sign_in(app, "maija").status_code == 303
    response = sign_in(app, "outsider")  # in the same browser: Maija's session ends too
    assert response.status_code == 403 and refusal(response) == "wrong_tenant"
    assert "another organisation" in response.text
    assert not signed_in(app) and [u.email for u in users(engine)] == ["maija.ohjaaja@espoo.fi"]
    with Session(engine) as session:
        assert session.exec(select(WebSession)).all() == []
    assert events.any("event=oidc_refused", "tid")


def test_no_role_gets_a_no_access_page_in_the_persons_language(app, engine):
    app.headers["Accept-Language"] = "fi"
    response = sign_in(app, "norole")
    assert response.status_code == 403 and refusal(response) == "no_role"
    assert '<html lang="fi">' in response.text and "käyttöoikeutta" in response.text
    assert not signed_in(app) and users(engine) == []


def test_a_tampered_state_signs_nobody_in(app):
    callback = through_provider(app, "maija")
    state = parse_qs(urlsplit(callback).query)["state"][0]
    response = app.get(callback.replace(f"state={state}", f"state={state[:-2]}xy"), follow_redirects=False)
    assert response.status_code == 400 and refusal(response) == "expired"
    assert not signed_in(app)


def test_a_callback_naming_another_issuer_is_refused(app, events):
    callback = through_provider(app, "maija")  # the provider names itself (RFC 9207)
    query = parse_qs(urlsplit(callback).query)
    assert query["iss"]
    response = app.get("/auth/oidc/callback", params={**{k: v[0] for k, v in query.items()},
                                                      "iss": "https://evil.example"})
    assert response.status_code == 400 and refusal(response) == "invalid"
    assert events.any("event=oidc_refused", "evil.example") and not signed_in(app)


def test_replaying_the_callback_url_signs_nobody_in(app, oidc_settings):
    callback = through_provider(app, "maija")
    assert app.get(callback, follow_redirects=False).status_code == 303
    # Another browser with the same address (from a log, a Referer, a shoulder).
    with make_client(oidc_settings) as other:
        response = other.get(callback, follow_redirects=False)
        assert response.status_code == 400 and refusal(response) == "expired"
        assert not signed_in(other)
    # The same browser after signing out.
    app.post("/logout", data={"_csrf_token": csrf_token(app.get("/my/").text)}, follow_redirects=False)
    response = app.get(callback, follow_redirects=False)
    assert refusal(response) == "expired" and not signed_in(app)


def test_a_code_is_used_once_even_with_a_fresh_state(app, events):
    first = through_provider(app, "maija")
    assert app.get(first, follow_redirects=False).status_code == 303
    app.cookies.clear()
    second_state = parse_qs(urlsplit(start(app)).query)["state"][0]
    code = parse_qs(urlsplit(first).query)["code"][0]
    response = app.get("/auth/oidc/callback", params={"code": code, "state": second_state},
                       follow_redirects=False)
    assert response.status_code == 400 and refusal(response) == "expired"
    assert not signed_in(app)
    assert events.any("token endpoint refused the code")


def test_a_callback_in_another_browser_than_the_one_that_started_is_refused(app, oidc_settings):
    callback = through_provider(app, "maija")
    with make_client(oidc_settings) as other:
        assert refusal(other.get(callback, follow_redirects=False)) == "expired"
        assert not signed_in(other)
    # The browser that started can still finish: the refusal elsewhere did not use it up.
    assert app.get(callback, follow_redirects=False).status_code == 303


def test_an_expired_id_token_is_refused(app, provider, engine):
    provider.control(mode="stale")
    response = sign_in(app, "maija")
    assert response.status_code == 400 and refusal(response) == "expired"
    assert "took too long" in response.text
    assert not signed_in(app) and users(engine) == []


def test_a_wrongly_signed_id_token_is_refused(app, provider, engine, events):
    provider.control(mode="forged")
    before = provider.control()["jwks_requests"]
    response = sign_in(app, "maija")
    assert response.status_code == 400 and refusal(response) == "invalid"
    assert not signed_in(app) and users(engine) == []
    assert events.any("BadSignatureError")
    # A known key id with a wrong signature is not a rotation: the key set is not fetched again.
    assert provider.control()["jwks_requests"] == before + 1


def test_key_rotation_fetches_the_key_set_again_once(app, provider):
    before = provider.control()["jwks_requests"]
    assert sign_in(app, "maija").status_code == 303
    assert provider.control()["jwks_requests"] == before + 1
    provider.control(mode="rotated")
    app.cookies.clear()
    assert sign_in(app, "maija").status_code == 303
    assert provider.control()["jwks_requests"] == before + 2
    app.cookies.clear()
    assert sign_in(app, "maija").status_code == 303
    assert provider.control()["jwks_requests"] == before + 2


def test_a_role_removed_between_sign_ins_ends_access(app, provider, engine, oidc_settings, events):
    assert sign_in(app, "maija").status_code == 303
    with Session(engine) as session:
        user = session.exec(select(User)).one()
        token = create_token(session, user, "script")
        session.commit()
    provider.set_claims("maija", roles=[])
    with make_client(oidc_settings) as laptop:
        response = sign_in(laptop, "maija")
        assert response.status_code == 403 and refusal(response) == "no_role"
        assert not signed_in(laptop)
    assert not signed_in(app), "the earlier session must end with the role"
    with Session(engine) as session:
        assert user_for_token(session, token) is None
    assert events.any("event=access_withdrawn")
    # Given another role and unit in Entra, the next sign-in follows them.
    provider.set_claims("maija", roles=["HR"], department="Geotekniikka")
    app.cookies.clear()
    assert sign_in(app, "maija").headers["location"] == "/hr/report"
    with Session(engine) as session:
        user = session.exec(select(User)).one()
        assert user.role == "hr" and session.get(Unit, user.unit_id).name == "Geotekniikka"
    assert events.any("event=role_changed", 'old="supervisor"', 'new="hr"')


def test_sign_out_ends_the_session_and_goes_to_the_providers_sign_out(app, provider):
    assert sign_in(app, "maija").status_code == 303
    token = csrf_token(app.get("/my/").text)
    response = app.post("/logout", data={"_csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    end = urlsplit(response.headers["location"])
    assert f"{end.scheme}://{end.netloc}{end.path}" == f"{provider.issuer}/session/end"
    params = parse_qs(end.query)
    assert params["post_logout_redirect_uri"] == [f"{PUBLIC}/login"]
    assert params["client_id"] == ["0c9e8f3a-opportunity-bank"]
    assert not signed_in(app)
    # The provider accepts that request (client and redirect are registered there).
    assert httpx.get(response.headers["location"], timeout=10).status_code == 200


def test_an_unreachable_provider_gives_a_page_not_a_500(settings):
    dead = "http://127.0.0.1:9/tenant/v2.0"
    with make_client(dataclasses.replace(settings, oidc_issuer=dead, oidc_client_id="x",
                                         oidc_client_secret="y", public_url=PUBLIC)) as client:
        response = client.get("/auth/oidc/login", follow_redirects=False)
        assert response.status_code == 503 and refusal(response) == "unavailable"


def test_the_login_page_offers_the_city_account_first(app):
    app.headers["Accept-Language"] = "fi"
    page = app.get("/login").text
    assert "Kirjaudu Espoo-tunnuksella" in page
    assert page.index('id="oidc-login"') < page.index('name="password"')


def test_password_sign_in_is_off_in_production_behind_sso_unless_break_glass(settings):
    production = dataclasses.replace(
        settings, env="production", oidc_issuer="https://login.microsoftonline.com/t/v2.0",
        oidc_client_id="x", oidc_client_secret="y", public_url="https://testserver.local")
    with db.session_scope(db.make_engine(settings)) as session:
        add_user(session, "varatunnus@espoo.fi", "admin", PASSWORD, None)
    form = {"email": "varatunnus@espoo.fi", "password": PASSWORD}
    with TestClient(create_app(production), base_url="https://testserver.local") as client:
        client.headers["Accept-Language"] = "en"
        page = client.get("/login").text
        assert 'id="oidc-login"' in page and 'name="password"' not in page
        # A scripted post, with a valid CSRF nonce and token of its own, still finds the door shut.
        nonce = "n" * 43
        client.cookies.set("__Host-ob_csrf", nonce)
        response = client.post("/login", data=form, follow_redirects=False, headers={
            "x-csrftoken": csrf.signed(production.resolved_secret_key(), "anonymous", nonce)})
        assert response.status_code == 403 and "turned off" in response.text
        assert "__Host-ob_session" not in client.cookies
    with TestClient(create_app(dataclasses.replace(production, local_login=True)),
                    base_url="https://testserver.local") as client:
        page = client.get("/login").text
        assert page.index('id="oidc-login"') < page.index('name="password"')
        response = client.post("/login", data={**form, "_csrf_token": csrf_token(page)},
                               follow_redirects=False)
        assert response.status_code == 303 and "__Host-ob_session" in client.cookies


def test_an_error_from_the_provider_or_a_bare_callback_gives_a_page(app, events):
    start(app)
    response = app.get("/auth/oidc/callback", params={"error": "access_denied", "state": "x",
                                                      "error_description": "User cancelled"})
    assert response.status_code == 400 and refusal(response) == "cancelled"
    assert events.any("event=oidc_refused", "access_denied", "User cancelled")
    for params in ({}, {"code": "x" * 5000, "state": "y" * 5000}, {"code": "abc"}):
        response = app.get("/auth/oidc/callback", params=params)
        assert response.status_code == 400 and refusal(response) == "expired"


def test_without_sso_settings_its_addresses_do_not_exist(client):
    assert client.get("/auth/oidc/login", follow_redirects=False).status_code == 404
    assert client.get("/auth/oidc/callback?code=a&state=b").status_code == 404
    assert 'id="oidc-login"' not in client.get("/login").text


def test_sign_in_starts_from_one_address_are_bounded(app, engine):
    from opportunity_bank.accounts.oidc_pages import MAX_STARTS_PER_IP
    from opportunity_bank.models import OidcRequest

    start(app)
    with db.session_scope(engine) as session:
        session.add_all(OidcRequest(browser_hash=f"{n:064x}", state=f"s{n}", nonce="n", code_verifier="v",
                                    client_ip="testclient") for n in range(MAX_STARTS_PER_IP - 1))
    response = app.get("/auth/oidc/login", follow_redirects=False)
    assert response.status_code == 429 and refusal(response) == "too_many"
    with Session(engine) as session:
        assert len(session.exec(select(OidcRequest)).all()) == MAX_STARTS_PER_IP
