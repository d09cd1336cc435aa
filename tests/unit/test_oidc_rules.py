"""Pure rules of staff sign-in: settings, what the claims mean, which role wins."""

from __future__ import annotations

import pytest

from opportunity_bank.accounts.claims import (
    SignInRefused,
    email_of,
    mapped_role,
    read_claims,
    subject_of,
    unit_of,
)
from opportunity_bank.settings import Settings, SettingsError, parse_role_map

ROLE_MAP = parse_role_map("Supervisor=supervisor,HR=hr,Admin=admin")
SSO = {"OPPORTUNITY_BANK_OIDC_ISSUER": "https://login.microsoftonline.com/t/v2.0",
       "OPPORTUNITY_BANK_OIDC_CLIENT_ID": "client", "OPPORTUNITY_BANK_OIDC_CLIENT_SECRET": "secret",
       "OPPORTUNITY_BANK_PUBLIC_URL": "https://mahdollisuudet.espoo.fi/"}
PRODUCTION = {"OPPORTUNITY_BANK_ENV": "production", "OPPORTUNITY_BANK_SECRET_KEY": "k" * 40}


def test_sso_settings_are_read_with_the_documented_defaults():
    settings = Settings.from_env(SSO)
    assert settings.oidc_enabled and settings.oidc_roles == ROLE_MAP
    assert settings.oidc_redirect_uri == "https://mahdollisuudet.espoo.fi/auth/oidc/callback"
    assert settings.oidc_tenant is None and settings.oidc_unit_claim is None


@pytest.mark.parametrize(("values", "named"), [
    ({"OPPORTUNITY_BANK_OIDC_CLIENT_ID": ""}, "OIDC_CLIENT_ID"),
    ({"OPPORTUNITY_BANK_PUBLIC_URL": ""}, "PUBLIC_URL"),
    ({"OPPORTUNITY_BANK_OIDC_ROLES": "Supervisor=boss"}, "OIDC_ROLES"),
    ({"OPPORTUNITY_BANK_OIDC_ROLES": "Supervisor"}, "OIDC_ROLES"),
    ({"OPPORTUNITY_BANK_LOCAL_LOGIN": "maybe"}, "LOCAL_LOGIN"),
    ({**PRODUCTION, "OPPORTUNITY_BANK_PUBLIC_URL": "http://mahdollisuudet.espoo.fi"}, "https"),
])
def test_incomplete_or_unsafe_sso_settings_are_refused_by_name(values, named):
    with pytest.raises(SettingsError, match=named):
        Settings.from_env({**SSO, **values})


@pytest.mark.parametrize(("values", "allowed"), [
    ({}, True),                                     # development, no SSO
    (SSO, True),                                    # development with SSO: passwords still work
    (PRODUCTION, True),                             # a small installation without SSO
    ({**PRODUCTION, **SSO}, False),                 # production behind SSO
    ({**PRODUCTION, **SSO, "OPPORTUNITY_BANK_LOCAL_LOGIN": "true"}, True),  # break-glass admin
])
def test_password_sign_in_is_off_in_production_behind_sso_unless_asked_for(values, allowed):
    assert Settings.from_env(values).password_login is allowed


@pytest.mark.parametrize(("roles", "expected"), [
    (("Supervisor",), "supervisor"), (("supervisor",), "supervisor"), (("HR",), "hr"),
    (("hR", "Supervisor"), "hr"), (("Supervisor", "Admin", "HR"), "admin"),
    (("Reader",), None), ((), None),
])
def test_app_roles_map_case_insensitively_and_the_widest_wins(roles, expected):
    assert mapped_role(roles, ROLE_MAP) == expected


def test_entra_oid_names_the_person_and_sub_is_the_fallback():
    assert subject_of({"sub": "pairwise", "oid": "object-id"}) == "object-id"
    assert subject_of({"sub": "pairwise"}) == "pairwise"


def test_e_mail_falls_back_to_the_user_principal_name():
    assert email_of({"email": " Maija@Espoo.fi "}) == "maija@espoo.fi"
    assert email_of({"preferred_username": "maija@espoo.fi"}) == "maija@espoo.fi"
    assert email_of({"preferred_username": "EspooAD\\maija"}) is None


def test_the_unit_comes_from_the_configured_claim_only():
    claims = {"department": " Geotekniikka ", "office": "Espoontori"}
    assert unit_of(claims, "department") == "Geotekniikka"
    assert unit_of(claims, None) is None
    assert unit_of({"department": ["Katu- ja viherpalvelut"]}, "department") == "Katu- ja viherpalvelut"
    assert unit_of({"department": ""}, "department") is None


def test_claims_without_a_mapped_role_or_e_mail_are_refused_with_a_reason():
    base = {"iss": "https://idp/t/v2.0", "sub": "s", "oid": "o", "email": "a@espoo.fi"}
    with pytest.raises(SignInRefused) as refused:
        read_claims({**base, "roles": ["Reader"]}, ROLE_MAP, None)
    assert refused.value.reason == "no_role" and "Reader" in refused.value.detail
    with pytest.raises(SignInRefused) as refused:
        read_claims({**base, "email": None, "roles": ["HR"]}, ROLE_MAP, None)
    assert refused.value.reason == "no_email"
    staff = read_claims({**base, "roles": "Supervisor", "department": "Geo"}, ROLE_MAP, "department")
    assert (staff.subject, staff.role, staff.unit, staff.email) == ("o", "supervisor", "Geo", "a@espoo.fi")
