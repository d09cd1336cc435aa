"""report_totals kept by triggers on opportunities, and filled from the openings already there

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 21:45:00

The yearly report reads report_totals (one row per year, kind, unit and status) instead of
every opening, so that it answers in milliseconds however many openings the bank holds. The
table is kept by triggers rather than by application code so that every path that writes
openings, the ORM, bulk SQL, imports or a restore through SQL, keeps it exact.

Each opening adds to its group postings = 1, its positions, and filled_positions = its
filled_positions (all its positions when not given) if its status is filled or completed,
else 0. An update subtracts the old contribution and adds the new one, and only fires when a
column that counts changed. A group whose last opening leaves is deleted, so the table holds
exactly the non-empty groups of opportunities. Subtracting from a missing group inserts a
negative one rather than passing silently: drift then shows instead of hiding.

The statuses are written out here, not imported, because a migration must keep meaning what
it meant when it ran; tests/integration/test_report_totals.py holds them to
reports.arithmetic.FILLED_STATUSES.

Batch migrations on SQLite rebuild a table by copying it, which drops its triggers: a later
migration that batch-alters opportunities must create these triggers again
(test_migrations checks that head has them).
"""

# The SQL below is put together from this file's own constants only, never from input.
# ruff: noqa: S608
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "year, kind, unit_id, status"
COUNTED_COLUMNS = ("year", "kind", "unit_id", "status", "positions", "filled_positions")


def filled(row: str) -> str:
    """The filled positions an opening adds (row is NEW, OLD or empty for the table itself)."""
    prefix = f"{row}." if row else ""
    return (f"CASE WHEN {prefix}status IN ('filled', 'completed') "
            f"THEN COALESCE({prefix}filled_positions, {prefix}positions) ELSE 0 END")


def add(row: str, sign: str) -> str:
    """Add (sign '') or subtract (sign '-') one opening's contribution to its group."""
    return f"""
        INSERT INTO report_totals ({KEY}, postings, positions, filled_positions)
        VALUES ({key_of(row)}, {sign}1, {sign}{row}.positions, {sign}({filled(row)}))
        ON CONFLICT ({KEY}) DO UPDATE SET
            postings = report_totals.postings + excluded.postings,
            positions = report_totals.positions + excluded.positions,
            filled_positions = report_totals.filled_positions + excluded.filled_positions;"""


def key_of(row: str) -> str:
    return ", ".join(f"{row}.{column}" for column in KEY.split(", "))


def remove(row: str) -> str:
    """Subtract an opening and drop its group if that was the group's last opening."""
    return add(row, "-") + f"""
        DELETE FROM report_totals
        WHERE ({KEY}) = ({key_of(row)}) AND postings = 0;"""


BACKFILL = [
    "DELETE FROM report_totals",
    f"""INSERT INTO report_totals ({KEY}, postings, positions, filled_positions)
        SELECT {KEY}, COUNT(*), SUM(positions), SUM({filled('')})
        FROM opportunities GROUP BY {KEY}""",
]

# SQLite has one writer at a time, so the update simply adds before it subtracts.
SQLITE_UP = [
    f"""CREATE TRIGGER report_totals_insert AFTER INSERT ON opportunities
        BEGIN {add('NEW', '')}
        END""",
    f"""CREATE TRIGGER report_totals_update
        AFTER UPDATE OF {', '.join(COUNTED_COLUMNS)} ON opportunities
        WHEN {' OR '.join(f'OLD.{c} IS NOT NEW.{c}' for c in COUNTED_COLUMNS)}
        BEGIN {add('NEW', '')} {remove('OLD')}
        END""",
    f"""CREATE TRIGGER report_totals_delete AFTER DELETE ON opportunities
        BEGIN {remove('OLD')}
        END""",
]
SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS report_totals_{event}"
               for event in ("insert", "update", "delete")]

# One function for every event; TRUNCATE fires no row triggers, hence its own trigger. An
# update that moves an opening locks its two groups in key order, so that two editors moving
# openings between the same groups in opposite directions wait for each other instead of
# deadlocking; within one group it adds before it subtracts, so the row is never deleted and
# made again.
POSTGRESQL_UP = [
    f"""CREATE FUNCTION report_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'TRUNCATE' THEN
                DELETE FROM report_totals;
            ELSIF TG_OP = 'INSERT' THEN {add('NEW', '')}
            ELSIF TG_OP = 'DELETE' THEN {remove('OLD')}
            ELSIF ({key_of('OLD')}) < ({key_of('NEW')}) THEN {remove('OLD')} {add('NEW', '')}
            ELSE {add('NEW', '')} {remove('OLD')}
            END IF;
            RETURN NULL;
        END
        $$""",
    """CREATE TRIGGER report_totals_insert_delete AFTER INSERT OR DELETE ON opportunities
        FOR EACH ROW EXECUTE FUNCTION report_totals_apply()""",
    f"""CREATE TRIGGER report_totals_update
        AFTER UPDATE OF {', '.join(COUNTED_COLUMNS)} ON opportunities FOR EACH ROW
        WHEN (({', '.join(f'OLD.{c}' for c in COUNTED_COLUMNS)})
              IS DISTINCT FROM ({', '.join(f'NEW.{c}' for c in COUNTED_COLUMNS)}))
        EXECUTE FUNCTION report_totals_apply()""",
    """CREATE TRIGGER report_totals_truncate AFTER TRUNCATE ON opportunities
        FOR EACH STATEMENT EXECUTE FUNCTION report_totals_apply()""",
]
POSTGRESQL_DOWN = [
    *(f"DROP TRIGGER IF EXISTS report_totals_{name} ON opportunities"
      for name in ("insert_delete", "update", "truncate")),
    "DROP FUNCTION IF EXISTS report_totals_apply()",
]


def upgrade() -> None:
    # Triggers first, then the backfill recomputes every group from the openings: whatever
    # is written in between is counted once, by the recomputation. On PostgreSQL CREATE
    # TRIGGER also locks out writers until this transaction commits.
    for statement in _dialect(SQLITE_UP, POSTGRESQL_UP) + BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    # Without its triggers the table would go stale; leave it empty rather than wrong.
    for statement in _dialect(SQLITE_DOWN, POSTGRESQL_DOWN) + BACKFILL[:1]:
        op.execute(statement)


def _dialect(sqlite: list[str], postgresql: list[str]) -> list[str]:
    name = op.get_bind().dialect.name
    if name == "sqlite":
        return sqlite
    if name == "postgresql":
        return postgresql
    raise NotImplementedError(f"report_totals triggers are written for SQLite and PostgreSQL, not {name}")
