"""The database as the service uses it: SQLite in WAL with a busy timeout and foreign keys;
PostgreSQL through a connection pool."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import QueuePool

from opportunity_bank import db
from tests.faults import openings, publish_openings


def test_sqlite_pragmas_or_postgresql_pool(engine):
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 15_000
    else:
        assert isinstance(engine.pool, QueuePool) and engine.pool.size() == 10


def test_a_database_file_not_in_wal_is_switched_to_it(settings, tmp_path):
    # A file of its own, so that this holds in the PostgreSQL run too (a restored backup is
    # such a file: backups are written in DELETE mode).
    settings = dataclasses.replace(settings, database_url=f"sqlite:///{tmp_path / 'plain.db'}")
    plain = db.make_engine(settings)
    with plain.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=DELETE")
    plain.dispose()
    engine = db.make_engine(settings)
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced(engine):
    publish_openings(engine, openings(1, 1))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("UPDATE opportunities SET unit_id = 424242"))


def test_database_errors_in_logs_carry_no_values(engine):
    insert = text("INSERT INTO units (id, name, name_key, created_at) VALUES (:id, :name, :name, :at)")
    with pytest.raises(IntegrityError) as error, engine.begin() as connection:
        for name in ("secret-value-1", "secret-value-2"):
            connection.execute(insert, {"id": 7, "name": name, "at": "2026-01-01 00:00:00"})
    assert "secret-value" not in str(error.value)
    assert "parameters hidden" in str(error.value)
