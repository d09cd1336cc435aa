"""Benchmark the yearly report query on a million openings, in SQLite and PostgreSQL.

    /work/venv/bin/python scripts/bench_report.py [--rows 1000000] [--runs 15]
        [--pg-url postgresql+psycopg://postgres@127.0.0.1:54329/postgres]

Builds a fresh SQLite file (and, with --pg-url or OPPORTUNITY_BANK_BENCH_PG_URL, a fresh
PostgreSQL database next to the one named), migrates it, bulk-loads the openings without the
ORM (executemany for SQLite, COPY for PostgreSQL), runs ANALYZE, then times the report's
aggregate query for both views and prints the median and 95th percentile in milliseconds,
with the query plan so one can see the covering index at work.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from opportunity_bank import db
from opportunity_bank.reports.arithmetic import KINDS, STATUSES
from opportunity_bank.reports.queries import aggregate_statement, report_aggregates
from opportunity_bank.settings import Settings

FIRST_YEAR, LAST_YEAR = 2015, 2026
UNITS = 24
BATCH = 50_000
COLUMNS = ("external_id", "kind", "title", "description", "unit_id", "languages",
           "content_language", "degree_levels", "positions", "filled_positions", "year",
           "status", "tags", "created_at", "updated_at")
RANGES = {"last 5 years": (LAST_YEAR - 4, LAST_YEAR), "all 12 years": (FIRST_YEAR, LAST_YEAR)}


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
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO units (id, name, created_at) VALUES (:id, :name, :now)"),
            [{"id": i, "name": f"Unit {i:02d}", "now": now} for i in range(1, UNITS + 1)],
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
        cursor.execute("ANALYZE")
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
    # VACUUM sets the visibility map, without which no scan can be index-only.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE opportunities"))


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


def bench(name: str, engine: Engine, load, count: int, runs: int) -> dict:
    start = time.perf_counter()
    insert_units(engine)
    load(engine, count)
    print(f"{name}: loaded {count:,} openings in {time.perf_counter() - start:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)", flush=True)
    results = {}
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
    return results


def fresh_postgresql(url: str) -> str:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = "ob_bench_report"
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pg-url", default=os.environ.get("OPPORTUNITY_BANK_BENCH_PG_URL"),
                        help="a PostgreSQL server's URL; a database ob_bench_report is made there")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()

    results = {}
    with tempfile.TemporaryDirectory(prefix="ob-bench-") as directory:
        settings = Settings(database_url=f"sqlite:///{directory}/bench.db", data_dir=Path(directory))
        db.upgrade(settings)
        engine = db.make_engine(settings)
        results["sqlite"] = bench("SQLite", engine, load_sqlite, args.rows, args.runs)
        engine.dispose()
    if args.pg_url:
        settings = Settings(database_url=fresh_postgresql(args.pg_url))
        db.upgrade(settings)
        engine = db.make_engine(settings)
        results["postgresql"] = bench("PostgreSQL", engine, load_postgresql, args.rows, args.runs)
        engine.dispose()
    else:
        print("PostgreSQL skipped: give --pg-url or OPPORTUNITY_BANK_BENCH_PG_URL")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
