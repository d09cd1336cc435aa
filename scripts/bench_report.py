"""Benchmark the yearly report on a million openings, and what its triggers cost an import.

    /work/venv/bin/python scripts/bench_report.py [--rows 1000000] [--runs 15]
        [--import-rows 20000] [--pg-url postgresql+psycopg://postgres@127.0.0.1:54329/postgres]

Report: builds a fresh SQLite file (and, with --pg-url or OPPORTUNITY_BANK_BENCH_PG_URL, a
fresh PostgreSQL database next to the one named), migrates it to 0001, bulk-loads the
openings without the ORM (executemany for SQLite, COPY for PostgreSQL), then upgrades to
head: migration 0002 creates the report_totals triggers and backfills the table from the
openings with the very SQL a production upgrade runs (timed). After ANALYZE it times the
report's query for both views and prints the median and 95th percentile in milliseconds,
with the query plans.

Writes: runs `opportunity-bank import` of an --import-rows JSONL file of demo openings into a
fresh database at head, once with the triggers and once with them dropped (by migration
0002's own downgrade statements, the schema otherwise unchanged), alternating, and prints
rows per second of the whole command; then the same for a bulk SQL load of as many rows
(executemany / COPY), where the triggers' share of the work is largest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine, make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from opportunity_bank import db
from opportunity_bank.opportunities.demo import demo_records
from opportunity_bank.reports.arithmetic import FILLED_STATUSES, KINDS, STATUSES
from opportunity_bank.reports.queries import aggregate_statement, report_aggregates
from opportunity_bank.settings import Settings

SRC = Path(db.__file__).resolve().parents[1]  # for the import command's subprocess
FIRST_YEAR, LAST_YEAR = 2015, 2026
UNITS = 24
BATCH = 50_000
COLUMNS = ("external_id", "kind", "title", "description", "unit_id", "languages",
           "content_language", "degree_levels", "positions", "filled_positions", "year",
           "status", "tags", "created_at", "updated_at")
RANGES = {"last 5 years": (LAST_YEAR - 4, LAST_YEAR), "all 12 years": (FIRST_YEAR, LAST_YEAR)}
BEFORE_TRIGGERS = "0001"
TRIGGERS_REVISION = "0002"


def openings(count: int, seed: int = 7) -> Iterator[tuple]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    statuses = sorted(STATUSES)
    for number in range(count):
        positions = rng.randint(1, 10)
        yield (
            f"bench-{number:07d}", rng.choice(KINDS), f"Opening {number}", "", rng.randint(1, UNITS),
            '["fi"]', "fi", "[]", positions,
            rng.choice((None, rng.randint(0, positions))), rng.randint(FIRST_YEAR, LAST_YEAR),
            rng.choice(statuses), "[]", now, now,
        )


def batches(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_units(engine: Engine) -> None:
    now = datetime.now(UTC)
    # Before the report triggers (migration 0002) units have no name_key yet (0005).
    keyed = "name_key" in {column["name"] for column in inspect(engine).get_columns("units")}
    columns = "id, name, name_key, created_at" if keyed else "id, name, created_at"
    values = ":id, :name, :key, :now" if keyed else ":id, :name, :now"
    with engine.begin() as connection:
        connection.execute(
            text(f"INSERT INTO units ({columns}) VALUES ({values})"),  # noqa: S608 (fixed names)
            [{"id": i, "name": f"Unit {i:02d}", "key": f"unit{i:02d}", "now": now}
             for i in range(1, UNITS + 1)],
        )


def load_sqlite(engine: Engine, count: int) -> None:
    placeholders = ", ".join("?" * len(COLUMNS))
    sql = f"INSERT INTO opportunities ({', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for batch in batches(openings(count)):
            cursor.executemany(sql, [(*row[:13], row[13].isoformat(), row[14].isoformat())
                                     for row in batch])
        raw.commit()
    finally:
        raw.close()


def load_postgresql(engine: Engine, count: int) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy(f"COPY opportunities ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in openings(count):
                copy.write_row(row)
        raw.commit()
    finally:
        raw.close()


def check_totals(engine: Engine) -> None:
    """report_totals against the openings, added up here in Python, not by the database."""
    expected: dict[tuple, list[int]] = {}
    with engine.connect() as connection:
        rows = connection.execution_options(yield_per=BATCH).execute(text(
            "SELECT year, kind, unit_id, status, positions, filled_positions FROM opportunities"))
        for year, kind, unit_id, status, positions, filled in rows:
            group = expected.setdefault((year, kind, unit_id, status), [0, 0, 0])
            group[0] += 1
            group[1] += positions
            if status in FILLED_STATUSES:
                group[2] += positions if filled is None else filled
        stored = {tuple(row[:4]): tuple(row[4:]) for row in connection.execute(text(
            "SELECT year, kind, unit_id, status, postings, positions, filled_positions"
            " FROM report_totals"))}
    wrong = set(stored.items()) ^ {(key, tuple(group)) for key, group in expected.items()}
    if wrong:
        raise SystemExit(f"report_totals differs from the openings in {len(wrong)} groups")
    print(f"  report_totals checked against {sum(g[0] for g in expected.values()):,} "
          "openings: exact", flush=True)


def analyze(engine: Engine) -> None:
    # On PostgreSQL VACUUM also sets the visibility map, without which no scan is index-only.
    sql = "ANALYZE" if engine.dialect.name == "sqlite" else "VACUUM ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text(sql))


def plan(engine: Engine, year_from: int, year_to: int, by_unit: bool) -> str:
    statement = aggregate_statement(year_from, year_to, by_unit)
    compiled = statement.compile(engine, compile_kwargs={"literal_binds": True})
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(explain + str(compiled)).all()
    return "\n".join("    " + " ".join(str(cell) for cell in row) for row in rows)


def time_query(
    engine: Engine, year_from: int, year_to: int, by_unit: bool, runs: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds per run.

    SQLite runs inside this process, so its CPU time is the query's own work and stays
    meaningful on a busy machine; PostgreSQL works in its server, so only wall time counts.
    """
    wall, cpu = [], []
    with engine.connect() as connection:
        report_aggregates(connection, year_from, year_to, by_unit)  # warm the cache once
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            report_aggregates(connection, year_from, year_to, by_unit)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench(name: str, settings: Settings, load, count: int, runs: int) -> dict:
    db.upgrade(settings, BEFORE_TRIGGERS)
    engine = db.make_engine(settings)
    start = time.perf_counter()
    insert_units(engine)
    load(engine, count)
    print(f"{name}: loaded {count:,} openings in {time.perf_counter() - start:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)", flush=True)
    start = time.perf_counter()
    db.upgrade(settings)
    backfill_s = time.perf_counter() - start
    with engine.connect() as connection:
        groups = connection.execute(text("SELECT COUNT(*) FROM report_totals")).scalar_one()
    print(f"  upgrade to head (triggers + backfill of {groups:,} report_totals rows): "
          f"{backfill_s:.1f} s", flush=True)
    check_totals(engine)
    analyze(engine)
    results = {"load_rows": count, "backfill_s": round(backfill_s, 1), "groups": groups}
    in_process = engine.dialect.name == "sqlite"
    for label, (year_from, year_to) in RANGES.items():
        for by_unit in (False, True):
            view = "by unit" if by_unit else "by kind"
            wall, cpu = time_query(engine, year_from, year_to, by_unit, runs)
            key = f"{label}, {view}"
            results[key] = {"median_ms": round(statistics.median(wall), 1),
                            "p95_ms": round(p95(wall), 1),
                            "cpu_median_ms": round(statistics.median(cpu), 1)}
            cpu_text = f"   (cpu median {results[key]['cpu_median_ms']:.1f} ms)" if in_process else ""
            print(f"  {key:<26} median {results[key]['median_ms']:7.1f} ms   "
                  f"p95 {results[key]['p95_ms']:7.1f} ms{cpu_text}", flush=True)
    for by_unit in (False, True):
        print(f"  plan ({'by unit' if by_unit else 'by kind'}, last 5 years):")
        print(plan(engine, *RANGES["last 5 years"], by_unit))
    engine.dispose()
    return results


def migration_module(settings: Settings):
    """Migration 0002 itself, so the benchmark drops the triggers with its own statements."""
    script = ScriptDirectory.from_config(db.alembic_config(settings))
    return script.get_revision(TRIGGERS_REVISION).module


def drop_triggers(settings: Settings) -> None:
    module = migration_module(settings)
    engine = db.make_engine(settings)
    statements = module.SQLITE_DOWN if engine.dialect.name == "sqlite" else module.POSTGRESQL_DOWN
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()


def import_seconds(settings: Settings, path: Path, triggers: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds of the import command (CPU: the command's own process,
    which on SQLite includes all the database work, triggers too)."""
    db.upgrade(settings)
    if not triggers:
        drop_triggers(settings)
    env = {**os.environ, "OPPORTUNITY_BANK_DATABASE_URL": settings.database_url,
           "OPPORTUNITY_BANK_DATA_DIR": str(settings.data_dir), "PYTHONPATH": str(SRC)}
    start, start_cpu = time.perf_counter(), children_cpu()
    done = subprocess.run([sys.executable, "-m", "opportunity_bank", "import", str(path)],
                          env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"import failed:\n{done.stderr}")
    seconds = (time.perf_counter() - start, children_cpu() - start_cpu)
    if triggers:
        engine = db.make_engine(settings)
        check_totals(engine)
        engine.dispose()
    return seconds


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bulk_seconds(settings: Settings, load, rows: int, triggers: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds of the bulk load (CPU: this process, all of SQLite's work)."""
    db.upgrade(settings)
    if not triggers:
        drop_triggers(settings)
    engine = db.make_engine(settings)
    insert_units(engine)
    start, start_cpu = time.perf_counter(), time.process_time()
    load(engine, rows)
    seconds = (time.perf_counter() - start, time.process_time() - start_cpu)
    if triggers:
        check_totals(engine)
    engine.dispose()
    return seconds


def with_and_without(name: str, what: str, rows: int, repeats: int, measure) -> dict:
    """Rows per second with and without the triggers, alternating, each on a fresh database.

    On SQLite the CPU time is the whole work and steadier than the wall clock on a busy
    machine; on PostgreSQL the server's share is not in it, so only the wall clock counts.
    """
    runs: dict[str, list[tuple[float, float]]] = {"with triggers": [], "without triggers": []}
    for _ in range(repeats):
        for label in runs:
            runs[label].append(measure(label == "with triggers"))
    results = {}
    for label, times in runs.items():
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        results[label] = {"median_s": round(wall, 2), "rows_per_s": round(rows / wall),
                          "cpu_median_s": round(cpu, 2), "cpu_rows_per_s": round(rows / cpu)}
        cpu_text = f", cpu {cpu:6.2f} s = {rows / cpu:7.0f} rows/s" if name == "SQLite" else ""
        print(f"{name}: {what} of {rows:,} rows {label:<17} median {wall:6.2f} s "
              f"= {rows / wall:7.0f} rows/s{cpu_text}   "
              f"(runs: {', '.join(f'{t[0]:.1f}' for t in times)})", flush=True)
    measures = {"wall": "median_s"} | ({"cpu": "cpu_median_s"} if name == "SQLite" else {})
    for measure, key in measures.items():
        cost = results["with triggers"][key] / results["without triggers"][key] - 1
        print(f"{name}: {what} with the triggers takes {cost * 100:+.1f} % {measure} time",
              flush=True)
    return results


def write_import_file(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in demo_records(rows, seed=11):
            handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return path


def fresh_postgresql(url: str, name: str = "ob_bench_report") -> str:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="openings for the report")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--import-rows", type=int, default=20_000,
                        help="rows of the import file (0: skip the import measurement)")
    parser.add_argument("--import-repeats", type=int, default=3)
    parser.add_argument("--pg-url", default=os.environ.get("OPPORTUNITY_BANK_BENCH_PG_URL"),
                        help="a PostgreSQL server's URL; databases ob_bench_* are made there")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    if not args.pg_url:
        print("PostgreSQL skipped: give --pg-url or OPPORTUNITY_BANK_BENCH_PG_URL")

    results = {}
    with tempfile.TemporaryDirectory(prefix="ob-bench-") as directory:
        tmp = Path(directory)
        if args.rows:
            settings = Settings(database_url=f"sqlite:///{tmp}/bench.db", data_dir=tmp)
            results["sqlite"] = bench("SQLite", settings, load_sqlite, args.rows, args.runs)
            (tmp / "bench.db").unlink()
            if args.pg_url:
                settings = Settings(database_url=fresh_postgresql(args.pg_url), data_dir=tmp)
                results["postgresql"] = bench("PostgreSQL", settings, load_postgresql,
                                              args.rows, args.runs)
        if args.import_rows:
            path = write_import_file(tmp / "import.jsonl", args.import_rows)
            serial = iter(range(1_000_000))

            def sqlite_db() -> Settings:
                return Settings(database_url=f"sqlite:///{tmp}/write-{next(serial)}.db",
                                data_dir=tmp)

            def postgresql_db() -> Settings:
                return Settings(database_url=fresh_postgresql(args.pg_url, "ob_bench_write"),
                                data_dir=tmp)

            targets = [("SQLite", sqlite_db, load_sqlite)]
            if args.pg_url:
                targets.append(("PostgreSQL", postgresql_db, load_postgresql))
            for name, fresh, load in targets:
                results[f"{name} import"] = with_and_without(
                    name, "import command", args.import_rows, args.import_repeats,
                    lambda triggers, fresh=fresh: import_seconds(fresh(), path, triggers))
                results[f"{name} bulk SQL"] = with_and_without(
                    name, "bulk SQL load", args.import_rows, args.import_repeats,
                    lambda triggers, fresh=fresh, load=load: bulk_seconds(
                        fresh(), load, args.import_rows, triggers))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
