"""A staff member's language, kept from the pages they use, for the mails they get."""

from __future__ import annotations

from sqlalchemy import event
from sqlmodel import Session

from opportunity_bank import db
from opportunity_bank.accounts.sessions import start_session, user_for_session
from opportunity_bank.accounts.users import add_user
from opportunity_bank.models import User


def test_the_language_is_written_only_when_it_changes(engine):
    # Every signed-in request passes here: an unchanged language must cost no write.
    with db.session_scope(engine) as session:
        user = add_user(session, "anna@espoo.fi", "hr", "a long password 2026", None)
        session.flush()
        session_id = start_session(session, user)
    statements: list[str] = []

    def seen(_connection, _cursor, statement, *_args) -> None:
        statements.append(statement.lstrip().split()[0].upper())

    def committed(_connection) -> None:
        statements.append("COMMIT")

    def visit(language: str) -> str:
        statements.clear()
        event.listen(engine, "before_cursor_execute", seen)
        event.listen(engine, "commit", committed)
        try:
            with Session(engine, expire_on_commit=False) as session:
                return user_for_session(session, session_id, language=language).language
        finally:
            event.remove(engine, "before_cursor_execute", seen)
            event.remove(engine, "commit", committed)

    assert visit("fi") == "fi" and set(statements) == {"SELECT"}  # an account starts in Finnish
    assert visit("sv") == "sv" and {"UPDATE", "COMMIT"} <= set(statements)
    assert visit("sv") == "sv" and set(statements) == {"SELECT"}
    with Session(engine) as session:
        assert session.get(User, user.id).language == "sv"
