"""Backups of the database, which is the source of truth (the search index is rebuilt from it).

SQLite: the online backup API copies a consistent snapshot while the service keeps running,
and a restore copies the backup back through the same API, in one write transaction, so a
killed restore leaves the database as it was. PostgreSQL: `pg_dump -Fc` and
`pg_restore --clean --if-exists --single-transaction`; the password goes to them through the
environment, never the command line, where other users could read it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from opportunity_bank.settings import Settings, child_environment

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
BUSY_TIMEOUT_SECONDS = 30


class BackupError(RuntimeError):
    """A backup or restore could not be made; the message says why and what to do."""


def backup(settings: Settings, target: Path) -> None:
    target = target.expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        if settings.is_sqlite:
            _sqlite_backup(_sqlite_path(settings), partial)
        else:
            _run_pg("pg_dump", settings, "--format=custom", "--no-owner", f"--file={partial}")
        _fsync(partial)
        partial.replace(target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()


def restore(settings: Settings, source: Path) -> None:
    source = source.expanduser().resolve()
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    with source.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if settings.is_sqlite:
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(f"{source} is not an SQLite backup (the database is SQLite)")
        _sqlite_restore(source, _sqlite_path(settings))
    else:
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(f"{source} is not a pg_dump custom-format backup (the database is PostgreSQL)")
        _run_pg("pg_restore", settings, "--clean", "--if-exists", "--no-owner",
                "--single-transaction", "--exit-on-error", str(source))


# --- SQLite -----------------------------------------------------------------------------------
def _sqlite_path(settings: Settings) -> Path:
    database = make_url(settings.database_url).database
    if not database or database == ":memory:":
        raise BackupError("the SQLite database is in memory; there is nothing to back up")
    return Path(database)


def _sqlite_backup(database: Path, target: Path) -> None:
    if not database.is_file():
        raise BackupError(f"{database}: no database yet (run `opportunity-bank db upgrade`)")
    source = sqlite3.connect(database, timeout=BUSY_TIMEOUT_SECONDS)
    copy = sqlite3.connect(target)
    try:
        # In steps, so the service's writers wait for at most one step at a time.
        source.backup(copy, pages=2048, sleep=0.01)
        # A single self-contained file: no -wal beside it to forget when copying it elsewhere.
        copy.execute("PRAGMA journal_mode=DELETE")
        _check_sqlite(copy, target)
    finally:
        copy.close()
        source.close()


def _sqlite_restore(source: Path, database: Path) -> None:
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        _check_sqlite(backup_db, source)
        database.parent.mkdir(parents=True, exist_ok=True)
        live = sqlite3.connect(database, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            # All pages in one step: one write transaction, so it lands whole or not at all.
            backup_db.backup(live, pages=-1)
        finally:
            live.close()
    except sqlite3.OperationalError as error:
        raise BackupError(f"could not restore into {database}: {error}; stop the service and retry") from None
    finally:
        backup_db.close()


def _check_sqlite(connection: sqlite3.Connection, path: Path) -> None:
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a readable SQLite database: {error}") from None
    if result != "ok":
        raise BackupError(f"{path} fails SQLite's integrity check: {result}")
    if not {"alembic_version", "opportunities"} <= tables:
        raise BackupError(f"{path} is not an Opportunity Bank database")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- PostgreSQL -------------------------------------------------------------------------------
def libpq_url(database_url: str) -> tuple[str, str | None]:
    """The URL for libpq tools (no SQLAlchemy driver, no password) and the password apart."""
    url = make_url(database_url)
    plain = URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                       database=url.database, query=url.query)
    return plain.render_as_string(hide_password=False), url.password


def pg_tool(name: str) -> str:
    """The newest installed client tool: it must be at least as new as the server."""
    bundled = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                     key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    found = bundled[-1] if bundled else shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found; install the PostgreSQL client tools "
                          "(apt-get install postgresql-client)")
    return found


def _run_pg(tool: str, settings: Settings, *args: str) -> None:
    url, password = libpq_url(settings.database_url)
    env = child_environment(**({"PGPASSWORD": password} if password else {}))
    done = subprocess.run([pg_tool(tool), *args, f"--dbname={url}"], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{tool} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}")
