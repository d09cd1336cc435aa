"""report_totals stays equal to a GROUP BY over opportunities whatever writes the openings:
the ORM, raw SQL, bulk statements, REPLACE/upserts, rollbacks, and the migration's backfill.
Run on SQLite and, with OPPORTUNITY_BANK_TEST_DATABASE_URL, on PostgreSQL."""

from __future__ import annotations

import random
import threading
from collections import Counter
from datetime import UTC, datetime

from alembic import command
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine

from opportunity_bank import db
from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.text import name_key
from opportunity_bank.reports.arithmetic import (
    FILLED_STATUSES,
    KINDS,
    STATUSES,
    Posting,
    aggregate_postings,
)
from opportunity_bank.reports.queries import report_aggregates

UNITS = ("Geotekniikka", "Kaupunkimittaus", "Ylläpito – Åland")
YEARS = st.integers(2021, 2024)
INSERT_SQL = text(
    "INSERT INTO opportunities (external_id, kind, title, description, unit_id, languages,"
    " content_language, degree_levels, positions, filled_positions, year, status, tags,"
    " created_at, updated_at) VALUES (:external_id, :kind, 'raw', '', :unit_id, '[]', 'fi',"
    " '[]', :positions, :filled_positions, :year, :status, '[]', :now, :now)"
)


@st.composite
def openings(draw) -> dict:
    """The columns that count, with few distinct values so that groups collide."""
    positions = draw(st.integers(1, 6))
    return {
        "year": draw(YEARS),
        "kind": draw(st.sampled_from(KINDS)),
        "unit": draw(st.sampled_from(UNITS)),
        "status": draw(st.sampled_from(sorted(STATUSES))),
        "positions": positions,
        "filled_positions": draw(st.none() | st.integers(0, positions)),
    }


def expected_totals(connection: Connection) -> dict[tuple, tuple[int, int, int]]:
    """The GROUP BY, done here in Python with the report's own filled rule."""
    totals: dict[tuple, Counter] = {}
    rows = connection.execute(text(
        "SELECT year, kind, unit_id, status, positions, filled_positions FROM opportunities"))
    for year, kind, unit_id, status, positions, filled in rows:
        group = totals.setdefault((year, kind, unit_id, status), Counter())
        group["postings"] += 1
        group["positions"] += positions
        if status in FILLED_STATUSES:
            group["filled"] += positions if filled is None else filled
    return {key: (c["postings"], c["positions"], c["filled"]) for key, c in totals.items()}


def stored_totals(connection: Connection) -> dict[tuple, tuple[int, int, int]]:
    rows = connection.execute(text(
        "SELECT year, kind, unit_id, status, postings, positions, filled_positions"
        " FROM report_totals"))
    return {tuple(row[:4]): tuple(row[4:]) for row in rows}


def assert_exact(engine: Engine) -> None:
    with engine.connect() as connection:
        assert stored_totals(connection) == expected_totals(connection)


def unit_ids(engine: Engine) -> dict[str, int]:
    """In SQL, not the ORM: the migration test writes units at revision 0001 (no name_key)."""
    with engine.begin() as connection:
        existing = dict(connection.execute(text("SELECT name, id FROM units")).all())
        keyed = "name_key" in {c["name"] for c in inspect(connection).get_columns("units")}
        insert = ("INSERT INTO units (name, name_key, created_at) VALUES (:name, :key, :now)" if keyed
                  else "INSERT INTO units (name, created_at) VALUES (:name, :now)")
        for name in UNITS:
            if name not in existing:
                connection.execute(text(insert), {"name": name, "key": name_key(name),
                                                  "now": datetime.now(UTC)})
        return dict(connection.execute(text("SELECT name, id FROM units")).all())


def raw_values(opening: dict, units: dict[str, int], external_id: str) -> dict:
    values = {key: value for key, value in opening.items() if key != "unit"}
    return values | {"unit_id": units[opening["unit"]], "external_id": external_id,
                     "now": datetime.now(UTC)}


class OpeningWriters(RuleBasedStateMachine):
    """Random openings written and changed every way the bank's data can be changed."""

    engine: Engine

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.units = unit_ids(self.engine)
        self.serial = 0

    def next_external_id(self) -> str:
        self.serial += 1
        return f"prop-{self.serial}"

    @initialize()
    def start_empty(self) -> None:
        # Each run starts from nothing; the summary must empty with it.
        with self.engine.begin() as connection:
            connection.execute(text("DELETE FROM opportunities"))
            assert stored_totals(connection) == {}

    @rule(target=ids, opening=openings())
    def insert_orm(self, opening: dict) -> int:
        with db.session_scope(self.engine) as session:
            row = Opportunity(
                external_id=self.next_external_id(), title="orm",
                unit_id=self.units[opening["unit"]],
                **{key: value for key, value in opening.items() if key != "unit"},
            )
            session.add(row)
            session.flush()
            return row.id

    @rule(target=ids, opening=openings())
    def insert_sql(self, opening: dict) -> int:
        external_id = self.next_external_id()
        with self.engine.begin() as connection:
            connection.execute(INSERT_SQL, raw_values(opening, self.units, external_id))
            return connection.execute(text("SELECT id FROM opportunities WHERE external_id = :e"),
                                      {"e": external_id}).scalar_one()

    @rule(opening_id=ids, opening=openings(), fields=st.sets(st.sampled_from(
        ("year", "kind", "unit", "status", "positions", "filled_positions", "title")), min_size=1))
    def update_orm(self, opening_id: int, opening: dict, fields: set[str]) -> None:
        with db.session_scope(self.engine) as session:
            row = session.get(Opportunity, opening_id)
            if row is None:
                return
            for field in fields:
                if field == "unit":
                    row.unit_id = self.units[opening["unit"]]
                elif field == "title":
                    row.title = row.title + "!"  # a change that does not count
                else:
                    setattr(row, field, opening[field])

    @rule(opening_id=ids, opening=openings())
    def update_sql(self, opening_id: int, opening: dict) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                text("UPDATE opportunities SET year = :year, kind = :kind, unit_id = :unit_id,"
                     " status = :status, positions = :positions,"
                     " filled_positions = :filled_positions WHERE id = :id"),
                raw_values(opening, self.units, "") | {"id": opening_id},
            )

    @rule(year=YEARS, status=st.sampled_from(sorted(STATUSES)), delta=st.integers(-1, 2))
    def bulk_update_sql(self, year: int, status: str, delta: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                text("UPDATE opportunities SET status = :status,"
                     " positions = CASE WHEN positions + :delta >= 1"
                     " THEN positions + :delta ELSE positions END WHERE year = :year"),
                {"status": status, "delta": delta, "year": year},
            )

    @rule(opening_id=consumes(ids))
    def delete_orm(self, opening_id: int) -> None:
        with db.session_scope(self.engine) as session:
            row = session.get(Opportunity, opening_id)
            if row is not None:
                session.delete(row)

    @rule(opening_id=consumes(ids))
    def delete_sql(self, opening_id: int) -> None:
        with self.engine.begin() as connection:
            connection.execute(text("DELETE FROM opportunities WHERE id = :id"), {"id": opening_id})

    @rule(kind=st.sampled_from(KINDS), unit=st.sampled_from(UNITS))
    def bulk_delete_sql(self, kind: str, unit: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(text("DELETE FROM opportunities WHERE kind = :k AND unit_id = :u"),
                               {"k": kind, "u": self.units[unit]})

    @rule(opening_id=ids, opening=openings())
    def replace_sql(self, opening_id: int, opening: dict) -> None:
        """Rewrite a row by its external id: REPLACE on SQLite (a delete and an insert), an
        upsert on PostgreSQL."""
        with self.engine.begin() as connection:
            external_id = connection.execute(
                text("SELECT external_id FROM opportunities WHERE id = :id"), {"id": opening_id}
            ).scalar()
            if external_id is None:
                return
            sql = str(INSERT_SQL)
            if connection.dialect.name == "sqlite":
                sql = sql.replace("INSERT INTO", "INSERT OR REPLACE INTO", 1)
            else:
                sql += (" ON CONFLICT (external_id) DO UPDATE SET year = excluded.year,"
                        " kind = excluded.kind, unit_id = excluded.unit_id,"
                        " status = excluded.status, positions = excluded.positions,"
                        " filled_positions = excluded.filled_positions")
            connection.execute(text(sql), raw_values(opening, self.units, external_id))

    @rule(opening=openings())
    def rolled_back(self, opening: dict) -> None:
        with self.engine.connect() as connection, connection.begin() as transaction:
            connection.execute(INSERT_SQL,
                               raw_values(opening, self.units, self.next_external_id()))
            connection.execute(text("UPDATE opportunities SET status = 'completed'"))
            transaction.rollback()

    @invariant()
    def totals_are_exact(self) -> None:
        assert_exact(self.engine)

    @invariant()
    def report_counts_as_the_pure_reference(self) -> None:
        names = {unit_id: name for name, unit_id in self.units.items()}
        with self.engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT year, kind, unit_id, status, positions, filled_positions"
                " FROM opportunities WHERE year BETWEEN 2021 AND 2024")).all()
            postings = [Posting(y, k, names[u], s, p, f) for y, k, u, s, p, f in rows]
            for by_unit in (False, True):
                found = report_aggregates(connection, 2022, 2024, by_unit)
                assert sorted(found, key=repr) == sorted(aggregate_postings(postings, by_unit),
                                                         key=repr)


def test_totals_follow_every_kind_of_write(engine):
    OpeningWriters.engine = engine
    run_state_machine_as_test(OpeningWriters, settings=hypothesis_settings(
        max_examples=30, stateful_step_count=25, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    ))


def test_concurrent_writers_keep_the_totals_exact(engine):
    """Writers in parallel moving openings to and fro between the same few groups: nobody
    waits forever or deadlocks (groups are locked in key order) and nothing is lost."""
    units = unit_ids(engine)
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        rng = random.Random(number)
        mine: list[int] = []
        try:
            for step in range(60):
                opening = {"year": rng.choice((2023, 2024)), "kind": "thesis", "unit": UNITS[0],
                           "status": rng.choice(("published", "filled")),
                           "positions": rng.randint(1, 3), "filled_positions": None}
                with engine.begin() as connection:
                    if not mine or rng.random() < 0.4:
                        external_id = f"thread-{number}-{step}"
                        connection.execute(INSERT_SQL, raw_values(opening, units, external_id))
                        mine.append(connection.execute(
                            text("SELECT id FROM opportunities WHERE external_id = :e"),
                            {"e": external_id}).scalar_one())
                    elif rng.random() < 0.8:
                        connection.execute(
                            text("UPDATE opportunities SET year = :year, status = :status,"
                                 " positions = :positions WHERE id = :id"),
                            opening | {"id": rng.choice(mine)})
                    else:
                        connection.execute(text("DELETE FROM opportunities WHERE id = :id"),
                                           {"id": mine.pop(rng.randrange(len(mine)))})
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert_exact(engine)
    with engine.connect() as connection:
        assert sum(row[0] for row in stored_totals(connection).values()) > 40


def test_emptying_the_openings_empties_the_totals(engine):
    """TRUNCATE fires no row triggers on PostgreSQL; SQLite has only DELETE without WHERE."""
    units = unit_ids(engine)
    with engine.begin() as connection:
        for number in range(5):
            opening = {"year": 2024, "kind": KINDS[number % 3], "unit": UNITS[0],
                       "status": "filled", "positions": 3, "filled_positions": None}
            connection.execute(INSERT_SQL, raw_values(opening, units, f"empty-{number}"))
        assert sorted(stored_totals(connection).values()) == [(1, 3, 3), (2, 6, 6), (2, 6, 6)]
        if connection.dialect.name == "postgresql":
            connection.execute(text("TRUNCATE opportunities CASCADE"))
        else:
            connection.execute(text("DELETE FROM opportunities"))
        assert stored_totals(connection) == {}


def triggers(connection: Connection) -> set[str]:
    if connection.dialect.name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'opportunities'"
    else:
        sql = ("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
               " AND tgrelid = 'opportunities'::regclass")
    return set(connection.execute(text(sql)).scalars())


def test_migration_backfills_existing_openings_and_downgrade_drops_the_triggers(settings):
    """Openings written at revision 0001 (no triggers) are counted when 0002 runs."""
    config = db.alembic_config(settings)
    command.downgrade(config, "base")
    db.upgrade(settings, "0001")
    engine = create_engine(settings.database_url)
    try:
        units = unit_ids(engine)
        rng = random.Random(20261127)
        history = [
            {"year": rng.randint(2020, 2023), "kind": rng.choice(KINDS),
             "unit": rng.choice(UNITS), "status": rng.choice(sorted(STATUSES)),
             "positions": positions, "filled_positions": rng.choice([None, positions - 1])}
            for positions in (rng.randint(1, 5) for _ in range(120))
        ]
        with engine.begin() as connection:
            assert triggers(connection) == set()
            for number, opening in enumerate(history):
                connection.execute(INSERT_SQL, raw_values(opening, units, f"old-{number}"))
            assert stored_totals(connection) == {}

        db.upgrade(settings)
        with engine.connect() as connection:
            assert triggers(connection)
            expected = expected_totals(connection)
            assert len(expected) > 50 and any(c[0] > 1 for c in expected.values())
            assert stored_totals(connection) == expected

        # Down again: no triggers and nothing stale; writes there are caught up on upgrade.
        command.downgrade(config, "0001")
        with engine.begin() as connection:
            assert triggers(connection) == set()
            assert stored_totals(connection) == {}
            connection.execute(text("UPDATE opportunities SET status = 'completed' WHERE year = 2021"))
            connection.execute(text("DELETE FROM opportunities WHERE year = 2022"))
        db.upgrade(settings)
        assert_exact(engine)
    finally:
        engine.dispose()


def test_head_has_the_triggers(engine):
    """A batch migration that rebuilds opportunities on SQLite would silently lose them."""
    expected = {
        "sqlite": {"report_totals_insert", "report_totals_update", "report_totals_delete"},
        "postgresql": {"report_totals_insert_delete", "report_totals_update",
                       "report_totals_truncate"},
    }
    with engine.connect() as connection:
        assert triggers(connection) == expected[connection.dialect.name]
