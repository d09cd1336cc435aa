"""The real OpenID provider the sign-in tests talk to: tests/oidc/provider.mjs run with node.

Started and stopped by the tests (bounded waits), set up like Microsoft Entra ID. A test
signs in by following the provider's redirects and posting its login and consent forms
(`sign_in_at_provider`), or drives the same pages in Chromium.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import queue
import re
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import httpx

from opportunity_bank.settings import Settings

SCRIPT = Path(__file__).parent / "oidc" / "provider.mjs"
TENANT = "3f6b1c5e-0a8d-4c57-9d7e-5e0b2a9c1d11"
OTHER_TENANT = "9a0e4d2b-77c1-4f0e-8b1a-2c3d4e5f6a7b"
CLIENT_ID = "0c9e8f3a-opportunity-bank"
CLIENT_SECRET = "a-client-secret-for-tests-only"
STREETS = "Katu- ja viherpalvelut"
ACCOUNTS = {
    "maija": {"tid": TENANT, "oid": "oid-maija", "roles": ["Supervisor"], "name": "Maija Ohjaaja",
              "email": "maija.ohjaaja@espoo.fi", "preferred_username": "maija.ohjaaja@espoo.fi",
              "department": STREETS},
    # Lower case on purpose: app-role values are compared case-insensitively.
    "henna": {"tid": TENANT, "oid": "oid-henna", "roles": ["hr"], "name": "Henna Henkilöstö",
              "email": "henna.hr@espoo.fi"},
    "outsider": {"tid": OTHER_TENANT, "oid": "oid-outsider", "roles": ["Supervisor"],
                 "email": "ulkopuolinen@example.com", "department": STREETS},
    "norole": {"tid": TENANT, "oid": "oid-norole", "roles": [], "email": "ei.roolia@espoo.fi"},
}
START_TIMEOUT = 30
STOP_TIMEOUT = 10


@dataclass
class ProviderProcess:
    process: subprocess.Popen
    port: int

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}/{TENANT}/v2.0"

    def control(self, **params: str) -> dict:
        url = f"http://127.0.0.1:{self.port}/__control"
        if not params:
            return httpx.get(url, timeout=10).json()
        return httpx.post(url, params=params, timeout=10).json()

    def set_claims(self, login: str, **changes: object) -> None:
        claims = {**ACCOUNTS[login], **changes}
        httpx.post(f"http://127.0.0.1:{self.port}/__control", params={"account": login},
                   content=json.dumps(claims), timeout=10).raise_for_status()

    def reset(self) -> None:
        self.control(mode="normal")
        for login in ACCOUNTS:
            self.set_claims(login)

    def settings_for(self, settings: Settings, public_url: str, **overrides: object) -> Settings:
        return dataclasses.replace(
            settings, public_url=public_url, oidc_issuer=self.issuer, oidc_client_id=CLIENT_ID,
            oidc_client_secret=CLIENT_SECRET, oidc_tenant=TENANT, oidc_unit_claim="department",
            **overrides)


@contextmanager
def running_provider(workdir: Path, public_urls: list[str]) -> Iterator[ProviderProcess]:
    config = workdir / "oidc-provider.json"
    config.write_text(json.dumps({
        "tenant": TENANT, "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
        "redirect_uris": [f"{url}/auth/oidc/callback" for url in public_urls],
        "post_logout_redirect_uris": [f"{url}/login" for url in public_urls],
        "accounts": copy.deepcopy(ACCOUNTS),
    }))
    with (workdir / "oidc-provider.log").open("w") as log:
        process = subprocess.Popen(["node", str(SCRIPT), str(config)], stdout=subprocess.PIPE,
                                   stderr=log, text=True)
    try:
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()
        try:
            first = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"the OpenID provider did not start within {START_TIMEOUT} s") from None
        match = re.fullmatch(r"listening (\d+)\n", first)
        assert match, f"the OpenID provider said {first!r}; see {workdir / 'oidc-provider.log'}"
        yield ProviderProcess(process, int(match.group(1)))
    finally:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_TIMEOUT)
        process.stdout.close()


FORM_ACTION = re.compile(r'<form[^>]*action="([^"]+)"')


def sign_in_at_provider(authorize_url: str, login: str, browser: httpx.Client, callback_prefix: str) -> str:
    """Follow the provider from the authorization request to the redirect back to us, posting
    its login and consent forms on the way; returns the callback address with code and state."""
    url = authorize_url
    for _ in range(12):
        if url.startswith(callback_prefix):
            return url
        response = browser.get(url)
        if response.is_redirect:
            url = urljoin(url, response.headers["location"])
            continue
        assert response.status_code == 200, response.text
        action = FORM_ACTION.search(response.text)
        assert action, f"no form on the provider's page: {response.text[:500]}"
        data = ({"prompt": "login", "login": login, "password": "any"} if 'name="login"' in response.text
                else {"prompt": "consent"})
        answer = browser.post(urljoin(url, action.group(1).replace("&amp;", "&")), data=data)
        assert answer.is_redirect, answer.text
        url = urljoin(url, answer.headers["location"])
    raise AssertionError(f"the provider never sent the browser back; last address {url}")
