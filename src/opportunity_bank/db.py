"""Engine and sessions, SQLite pragmas, the outbox hook and the migration runner."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import event, insert
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, create_engine

from opportunity_bank.models import Opportunity, OutboxEntry, Unit, utcnow
from opportunity_bank.opportunities.text import name_key
from opportunity_bank.settings import Settings

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_BUSY_TIMEOUT_MS = 15_000
WAL_SWITCH_RETRY_SECONDS = 0.01

outbox_written = threading.Event()
"""Set after a commit that wrote outbox rows, so the in-process indexer wakes at once."""


def make_engine(settings: Settings) -> Engine:
    """hide_parameters: a database error in the log shows the statement, never the values
    (password hashes, tokens, personal data)."""
    if settings.is_sqlite:
        private_sqlite_file(settings)
        engine = create_engine(
            settings.database_url,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        settings.database_url, pool_size=10, max_overflow=10, pool_pre_ping=True, pool_recycle=1800,
        hide_parameters=True,
    )


def private_sqlite_file(settings: Settings) -> None:
    """The database file readable by its owner only (0600, like the keys); SQLite gives its
    -wal and -shm files the same mode."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = make_url(settings.database_url).database
    if not path or path == ":memory:":
        return
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    os.chmod(path, 0o600)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the service and the command line write the same file; foreign keys are off by
    # default in SQLite and the busy timeout turns lock contention into waiting, not errors.
    # Recursive triggers make REPLACE fire the delete triggers that keep report_totals exact.
    # WAL is a property of the file: set only when the file is not in WAL yet (a new or a
    # restored database). The journal_mode pragma does not wait on the busy handler, so on a
    # cold open, while another connection recovers the WAL, it failed with "database is
    # locked" (seen in CI). Reading the schema first opens the file under the busy handler;
    # connections that open a file not yet in WAL at the same moment race to switch it, and
    # the losers wait for the winner here (seen in CI too).
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("SELECT count(*) FROM sqlite_schema")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA recursive_triggers=ON")
    cursor.close()
    # The degraded search's case-insensitive matching: SQLite's own lower() folds ASCII only.
    dbapi_connection.create_function("ob_lower", 1, _lower, deterministic=True)


def _switch_to_wal(cursor) -> None:
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_SWITCH_RETRY_SECONDS)


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@event.listens_for(Unit, "before_insert")
def _unit_name_key(_mapper, _connection, unit: Unit) -> None:
    """Every new unit carries the key names are compared by, whoever made it."""
    unit.name_key = name_key(unit.name)


@event.listens_for(OrmSession, "before_flush")
def _stamp_updated_at(session: OrmSession, _flush_context, _instances) -> None:
    """Every changed opening carries a fresh updated_at, whichever code path changed it.

    `reindex` relies on it to replay what changed while it was building the new index.
    """
    now = utcnow()
    for obj in session.dirty:
        if isinstance(obj, Opportunity) and session.is_modified(obj, include_collections=False):
            obj.updated_at = now


@event.listens_for(OrmSession, "after_flush")
def _write_outbox(session: OrmSession, _flush_context) -> None:
    """Every change to an opening queues its search document in the same transaction.

    Done as a flush hook rather than in each service function so that no code path (form,
    API, import, lifecycle change) can forget it.
    """
    changed = {
        obj.id
        for obj in (*session.new, *session.dirty, *session.deleted)
        if isinstance(obj, Opportunity) and obj.id is not None
    }
    if not changed:
        return
    now = utcnow()
    session.connection().execute(
        insert(OutboxEntry.__table__),
        [{"opportunity_id": i, "created_at": now, "available_at": now, "attempts": 0}
         for i in sorted(changed)],
    )
    session.info["outbox_written"] = True


@event.listens_for(OrmSession, "after_commit")
def _wake_indexer(session: OrmSession) -> None:
    if session.info.pop("outbox_written", False):
        outbox_written.set()


@event.listens_for(OrmSession, "after_rollback")
def _forget_outbox(session: OrmSession) -> None:
    session.info.pop("outbox_written", None)


# Made by migrations, not by the models: the full-text index of search_terms (migration 0003),
# on SQLite an FTS5 table with shadow tables of its own, on PostgreSQL a generated tsvector
# column and its GIN index (0010).
MIGRATION_ONLY = ("search_terms_fts", "ix_search_terms_lexemes", "lexemes")


def in_models(name: str | None, _type: str, _parent_names: dict) -> bool:
    """Alembic's include_name: what comparing the database with the models should look at."""
    return not (name or "").startswith(MIGRATION_ONLY)


def alembic_config(settings: Settings) -> Config:
    # Imported here: Alembic costs each app process 12 MB and only `db upgrade` needs it.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(settings.migrations_dir))
    config.set_main_option("sqlalchemy.url", settings.database_url.replace("%", "%%"))
    # Migration 0004 reads attachments that older versions kept as files into the database.
    config.attributes["attachments_dir"] = settings.attachments_dir
    return config


def upgrade(settings: Settings, revision: str = "head") -> None:
    if settings.is_sqlite:
        private_sqlite_file(settings)
    from alembic import command

    command.upgrade(alembic_config(settings), revision)
