"""Users with API tokens for the HR tests, made the way the `users add` command makes them."""

from __future__ import annotations

from opportunity_bank.accounts.tokens import create_token
from opportunity_bank.accounts.users import add_user
from opportunity_bank.db import session_scope

PASSWORD = "correct horse battery staple"


def make_token(engine, email: str, role: str, unit: str | None = None) -> str:
    with session_scope(engine) as session:
        user = add_user(session, email, role, PASSWORD, unit)
        session.flush()
        return create_token(session, user, "tests")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
