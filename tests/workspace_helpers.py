"""Shared set-up for the workspace tests: staff with tokens, signing in through the real form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from opportunity_bank import db
from opportunity_bank.accounts.tokens import create_token
from opportunity_bank.accounts.users import add_user

PASSWORD = "correct horse battery staple"
CSRF_INPUT = re.compile(r'name="_csrf_token" value="([^"]+)"')
STREETS = "Katu- ja viherpalvelut"
GEO = "Geotekniikka"


@dataclass
class Person:
    email: str
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class Staff:
    streets: Person
    geo: Person
    hr: Person


def make_staff(services) -> Staff:
    people = {}
    with db.session_scope(services.db) as session:
        for key, email, role, unit in (("streets", "katu@espoo.fi", "supervisor", STREETS),
                                       ("geo", "geo@espoo.fi", "supervisor", GEO),
                                       ("hr", "hr@espoo.fi", "hr", None)):
            user = add_user(session, email, role, PASSWORD, unit)
            people[key] = Person(email, create_token(session, user, "test"))
    return Staff(**people)


def csrf_token(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "no CSRF field on the page"
    return match.group(1)


def sign_in(client, email: str, password: str = PASSWORD, next_path: str | None = None):
    page = client.get("/login")
    data = {"email": email, "password": password, "_csrf_token": csrf_token(page.text)}
    if next_path:
        data["next"] = next_path
    return client.post("/login", data=data, follow_redirects=False)


def opening(**overrides: Any) -> dict[str, Any]:
    """A valid body for POST /api/v1/opportunities; override what the test is about."""
    body = {"kind": "summer_job", "title": "Kesätyöntekijä katujen kunnossapitoon",
            "description": "Ulkotyötä Espoon kaduilla.", "year": 2027, "positions": 3,
            "languages": ["fi"], "application_deadline": "2099-03-31",
            "start_date": "2027-06-01", "end_date": "2027-08-15"}
    body.update(overrides)
    return body


def page_form(client, path: str) -> str:
    """The CSRF token of a page, for posting its forms."""
    response = client.get(path)
    assert response.status_code == 200, response.text
    return csrf_token(response.text)
