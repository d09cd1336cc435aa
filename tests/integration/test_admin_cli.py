"""`users list|set|disable`, `tokens list|revoke` and `units set … --name-*` on the command line."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from opportunity_bank.accounts.tokens import create_token
from opportunity_bank.accounts.users import add_user
from opportunity_bank.cli import main
from opportunity_bank.db import session_scope
from opportunity_bank.models import ApiToken, Unit, User
from tests.workspace_helpers import PASSWORD, STREETS


@pytest.fixture
def people(settings, engine, monkeypatch):
    monkeypatch.setenv("OPPORTUNITY_BANK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OPPORTUNITY_BANK_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("OPPORTUNITY_BANK_SECRET_KEY", settings.secret_key)
    with session_scope(engine) as session:
        worker = add_user(session, "katu@espoo.fi", "supervisor", PASSWORD, STREETS)
        create_token(session, worker, "import script")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_users_list_set_and_disable(capsys, engine, people):
    code, out, _ = run(capsys, "users", "list")
    assert code == 0 and "katu@espoo.fi\tsupervisor\tKatu- ja viherpalvelut\tactive\t1 tokens" in out
    code, out, _ = run(capsys, "users", "set", "katu@espoo.fi", "--role", "hr", "--unit", "")
    assert code == 0 and "role supervisor -> hr" in out
    assert run(capsys, "users", "disable", "katu@espoo.fi")[0] == 0
    with Session(engine) as session:
        user = session.exec(select(User)).one()
        assert (user.role, user.unit_id, user.is_active) == ("hr", None, False)
    code, _, err = run(capsys, "users", "set", "nobody@espoo.fi", "--role", "hr")
    assert code == 2 and err.strip().endswith("there is no user nobody@espoo.fi")
    code, _, err = run(capsys, "users", "set", "katu@espoo.fi", "--role", "supervisor", "--unit", "")
    assert code == 2 and "a supervisor belongs to a unit" in err


def test_tokens_list_and_revoke(capsys, engine, people):
    code, out, _ = run(capsys, "tokens", "list")
    assert code == 0 and "katu@espoo.fi\timport script\tlast used never\tactive" in out
    token_id = out.split("\t")[0]
    assert run(capsys, "tokens", "revoke", token_id)[:2] == (0, f"token {token_id} revoked\n")
    with Session(engine) as session:
        assert session.exec(select(ApiToken)).one().revoked_at is not None
    assert run(capsys, "tokens", "revoke", "999")[0] == 2


def test_units_set_names(capsys, engine, people):
    code, out, _ = run(capsys, "units", "set", STREETS, "--name-sv", "Gatu- och grönservice",
                       "--name-en", "Street and green services")
    assert code == 0 and "review none; fi Katu- ja viherpalvelut / sv Gatu- och grönservice" in out
    with Session(engine) as session:
        unit = session.exec(select(Unit).where(Unit.name == STREETS)).one()
        assert (unit.name_in("fi"), unit.name_in("en")) == (STREETS, "Street and green services")
    assert run(capsys, "units", "set", STREETS)[0] == 2  # nothing to set
