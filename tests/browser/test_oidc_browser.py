"""Signing in with the city's account in Chromium, through the real provider's own pages.

The app is served as http://localhost:PORT and the provider as http://127.0.0.1:PORT: two
sites, so the sign-in only works if the cookie that binds it survives the cross-site return.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import free_port, serving
from tests.oidc_provider import running_provider

pytestmark = pytest.mark.browser


@pytest.fixture
def site(settings, tmp_path):
    port = free_port()
    public = f"http://localhost:{port}"
    with running_provider(tmp_path, [public]) as provider, \
            serving(provider.settings_for(settings, public), port):
        yield provider, public


def sign_in(page, public: str, login: str) -> list[str]:
    """Sign in from the sign-in page; returns the addresses the browser asked for."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{public}/login")
    page.get_by_role("link", name="Kirjaudu Espoo-tunnuksella").click()
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "any password")
    page.click("button[type=submit]")
    page.click("button[type=submit]")  # the provider's consent page
    return asked


def test_a_supervisor_signs_in_lands_on_my_openings_and_signs_out_at_the_provider(site, page):
    provider, public = site
    asked = sign_in(page, public, "maija")
    page.wait_for_url(re.compile(re.escape(public) + r"/my/?$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Omat ilmoitukset"
    assert "Kirjautuneena: maija.ohjaaja@espoo.fi" in page.inner_text("body")

    authorize = next(url for url in asked if url.startswith(f"{provider.issuer}/auth?"))
    params = parse_qs(urlsplit(authorize).query)
    assert params["code_challenge_method"] == ["S256"] and params["code_challenge"]
    assert params["state"] and params["nonce"] and params["response_mode"] == ["query"]

    # Signing out ends the session here and goes on to the provider's sign-out (a form
    # whose answer redirects there: the page's form-action must allow it).
    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_url(re.compile(re.escape(provider.issuer) + r"/session/end"))
    page.click("button[name=logout]")  # the provider asks "sign out?"
    page.wait_for_url(re.compile(re.escape(public) + r"/login"))
    page.goto(f"{public}/my/")
    assert urlsplit(page.url).path == "/login"


def test_hr_reaches_the_report(site, page):
    _provider, public = site
    sign_in(page, public, "henna")
    page.wait_for_url(re.compile(re.escape(public) + r"/hr/report"))
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Vuosiraportti: paikat suhteessa tavoitteisiin"
