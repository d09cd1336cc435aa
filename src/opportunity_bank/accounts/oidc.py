"""The city's OpenID provider, through Authlib (joserfc verifies the tokens).

Authorization code flow with PKCE (S256), state and nonce, confidential client, query
response mode. Discovery and the key set are fetched once per app process and kept; an ID
token signed with a key id not in the kept set makes Authlib fetch the set again, once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.base_client.sync_app import BaseApp, OAuth2Mixin
from authlib.integrations.base_client.sync_openid import OpenIDMixin
from authlib.integrations.requests_client import OAuth2Session
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError
from litestar import Litestar

from opportunity_bank.accounts.claims import SignInRefused
from opportunity_bank.settings import Settings

SCOPES = "openid profile email"
HTTP_TIMEOUT = 10.0
# Clock difference between the provider and us that an ID token's times may show.
LEEWAY_SECONDS = 120


class ProviderClient(OAuth2Mixin, OpenIDMixin, BaseApp):
    """Authlib's framework-neutral OpenID client; the framework hooks are only for refresh tokens,
    which this service never keeps."""

    client_cls = OAuth2Session


@dataclass(frozen=True, slots=True)
class AuthorizationRequest:
    url: str
    state: str
    nonce: str
    code_verifier: str


class OpenIDProvider:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client = ProviderClient(
            None, name="city", client_id=settings.oidc_client_id,
            client_secret=settings.oidc_client_secret,
            server_metadata_url=f"{settings.oidc_issuer}/.well-known/openid-configuration",
            client_kwargs={"scope": SCOPES, "code_challenge_method": "S256",
                           "default_timeout": HTTP_TIMEOUT},
        )
        self._lock = threading.Lock()

    def metadata(self) -> dict[str, Any]:
        """The discovery document; refused unless it names the configured issuer (OIDC Discovery 4.3)."""
        try:
            with self._lock:
                metadata = self._client.load_server_metadata()
        except (requests.RequestException, ValueError) as error:
            raise SignInRefused("unavailable", f"discovery failed: {error}") from None
        if metadata.get("issuer") != self.settings.oidc_issuer:
            self._client.server_metadata.clear()
            raise SignInRefused("invalid", f"discovery names issuer {metadata.get('issuer')!r}, "
                                           f"not {self.settings.oidc_issuer!r}")
        return metadata

    def authorization_request(self, language: str) -> AuthorizationRequest:
        self.metadata()
        answer = self._client.create_authorization_url(
            self.settings.oidc_redirect_uri, response_mode="query", ui_locales=language)
        return AuthorizationRequest(answer["url"], answer["state"], answer["nonce"],
                                    answer["code_verifier"])

    def verified_claims(self, code: str, code_verifier: str, nonce: str) -> dict[str, Any]:
        """Exchange the code (once; the provider refuses a second use) and verify the ID token:
        signature against the provider's keys, issuer, audience, expiry, nonce, at_hash and,
        when configured, the tenant."""
        self.metadata()
        try:
            token = self._client.fetch_access_token(
                self.settings.oidc_redirect_uri, code=code, code_verifier=code_verifier)
        except requests.RequestException as error:
            raise SignInRefused("unavailable", f"token endpoint: {error}") from None
        except AuthlibBaseError as error:
            raise SignInRefused("expired", f"token endpoint refused the code: {error}") from None
        except ValueError as error:
            raise SignInRefused("invalid", f"token endpoint answered no JSON: {error}") from None
        if "id_token" not in token:
            raise SignInRefused("invalid", "the token response has no id_token")
        options: dict[str, Any] = {
            "iss": {"essential": True, "value": self.settings.oidc_issuer},
            "aud": {"essential": True, "value": self.settings.oidc_client_id},
        }
        if self.settings.oidc_tenant:
            options["tid"] = {"essential": True, "value": self.settings.oidc_tenant}
        try:
            claims = self._client.parse_id_token(token, nonce=nonce, claims_options=options,
                                                 leeway=LEEWAY_SECONDS)
        except requests.RequestException as error:
            raise SignInRefused("unavailable", f"key set: {error}") from None
        except ExpiredTokenError as error:
            raise SignInRefused("expired", f"ID token: {error}") from None
        except ClaimError as error:
            reason = "wrong_tenant" if error.claim == "tid" else "invalid"
            raise SignInRefused(reason, f"ID token claim {error.claim}: {error}") from None
        except (JoseError, ValueError) as error:
            raise SignInRefused("invalid", f"ID token: {type(error).__name__}: {error}") from None
        return dict(claims)

    def logout_url(self, post_logout_redirect_uri: str) -> str | None:
        """Where to sign out at the provider too, when it offers RP-initiated logout."""
        try:
            metadata = self.metadata()
        except SignInRefused:
            return None
        if not metadata.get("end_session_endpoint"):
            return None
        return self._client.create_logout_url(post_logout_redirect_uri=post_logout_redirect_uri,
                                              client_id=self.settings.oidc_client_id)["url"]


def provider_of(app: Litestar) -> OpenIDProvider:
    """The app's client, made on first use: discovery and keys are then fetched once per process."""
    provider = app.state.get("oidc_provider")
    if provider is None:
        provider = app.state.oidc_provider = OpenIDProvider(app.state.services.settings)
    return provider
