"""How fast the database answers searches while Meilisearch is away (the degraded mode).

    PYTHONPATH=src /work/venv/bin/python scripts/bench_degraded_search.py [--count 10000]
        [--database-url postgresql+psycopg://…]   (default: a temporary SQLite file)

Loads COUNT demo openings, then times each query below (median and worst of 20 runs).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from opportunity_bank import db
from opportunity_bank.opportunities.demo import demo_records
from opportunity_bank.opportunities.importer import write_records
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.schemas import validate_import_record
from opportunity_bank.opportunities.visibility import searchable_count
from opportunity_bank.search.analysis import get_analyzer
from opportunity_bank.search.fallback import DatabaseSearch
from opportunity_bank.search.query import parse_request
from opportunity_bank.search.rebuild import fill_missing_terms
from opportunity_bank.settings import Settings

QUERIES = (
    {},
    {"q": ["puisto"]},
    {"q": ["kesätyö espoo"], "kind": ["summer_job"]},
    {"q": ["mittaus"], "language": ["fi"], "sort": ["deadline"]},
    {"unit": ["Geotekniikka"], "level": ["master"], "page": ["3"]},
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="bench-degraded-"))
    url = args.database_url or f"sqlite:///{data_dir / 'bench.db'}"
    settings = Settings(data_dir=data_dir, database_url=url)
    db.upgrade(settings)
    engine = db.make_engine(settings)
    records = [validate_import_record(raw)[0] for raw in demo_records(args.count)]
    write_records(engine, records)
    analyzer = get_analyzer()
    fill_missing_terms(engine, analyzer)  # what the indexer does at its first check
    search = DatabaseSearch(engine, analyzer)
    today = city_today()
    print(f"{args.count} openings, {searchable_count(engine, today)} searchable, {engine.dialect.name}")
    for params in QUERIES:
        request = parse_request(params)
        times = []
        for _ in range(20):
            started = time.perf_counter()
            result = search.search(request, today)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{params!s:70} total {result.total:6}  median {statistics.median(times):6.1f} ms"
              f"  worst {max(times):6.1f} ms")


if __name__ == "__main__":
    main()
