"""Commands for the search index: `reindex` and `search check [--fix]`.

Both talk to the configured Meilisearch, else to the one a running `serve` manages, else
they start the managed server themselves for the duration of the command.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from opportunity_bank.settings import Settings


def register(commands) -> None:
    commands.add_parser(
        "reindex", help="rebuild the search index from the database without downtime"
    ).set_defaults(handler=run_reindex)
    search = commands.add_parser("search", help="search index maintenance")
    actions = search.add_subparsers(dest="search_command", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="compare the search index with the database (missing, extra, stale)"
    )
    check.add_argument("--fix", action="store_true", help="repair the differences found")
    check.set_defaults(handler=run_check)
    misses = actions.add_parser(
        "misses", help="how many searches found nothing, by query (no personal data kept)"
    )
    misses.add_argument("--days", type=positive_days, default=30,
                        help="the last N days, today included (default 30)")
    misses.set_defaults(handler=run_misses)


def positive_days(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 3660:
        raise argparse.ArgumentTypeError("use a whole number of days from 1 to 3660")
    return int(value)


def run_misses(settings: Settings, args: argparse.Namespace) -> int:
    """Queries that found nothing, most frequent first; "(withheld)" counts the queries that
    were not kept as text because they could hold personal data."""
    from opportunity_bank import db
    from opportunity_bank.search.misses import WITHHELD, miss_report

    db.upgrade(settings)
    engine = db.make_engine(settings)
    try:
        rows = miss_report(engine, args.days)
    finally:
        engine.dispose()
    total = sum(count for _, count in rows)
    print(f"{total} searches found nothing in the last {args.days} days")
    for query, count in rows:
        print(f"{count:>7}  {'(withheld)' if query == WITHHELD else query}")
    return 0


@contextmanager
def search_engine(settings: Settings) -> Iterator[tuple]:
    from meilisearch.errors import MeilisearchError

    from opportunity_bank import db
    from opportunity_bank.cli import CommandError
    from opportunity_bank.search.analysis import get_analyzer
    from opportunity_bank.search.client import SearchClient
    from opportunity_bank.search.engine import SearchEngine, SearchUnavailable
    from opportunity_bank.search.runtime import SearchServer

    analyzer = get_analyzer(settings.voikko_path)
    analyzer.require_finnish()
    db.upgrade(settings)
    engine = db.make_engine(settings)
    server = SearchServer.start(settings)
    # A batch job: a busy Meilisearch may take long to accept 5,000 documents; wait for it.
    client = SearchClient(server.url, server.key, timeout=120)
    try:
        yield engine, SearchEngine(client, settings.meili_index, analyzer)
    except (MeilisearchError, SearchUnavailable) as error:
        raise CommandError(f"Meilisearch at {server.url}: {error}") from None
    finally:
        client.close()
        server.stop()
        engine.dispose()


def run_reindex(settings: Settings, _args: argparse.Namespace) -> int:
    import time

    from opportunity_bank.search.rebuild import reindex

    with search_engine(settings) as (engine, search):
        started = time.perf_counter()
        count = reindex(search, engine, progress=lambda n: print(f"\rindexed {n}", end="", file=sys.stderr))
        elapsed = time.perf_counter() - started
    print(f"\nreindexed {count} searchable openings in {elapsed:.1f} s "
          f"({count / max(elapsed, 1e-9):.0f} documents/s)")
    return 0


def run_check(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.search.rebuild import check, repair

    with search_engine(settings) as (engine, search):
        diff = check(search, engine)
        print(diff.summary())
        for name in ("missing", "extra", "stale"):
            ids = getattr(diff, name)
            if ids:
                shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
                print(f"{name}: {shown}")
        if diff.clean:
            return 0
        if not args.fix:
            print("run `opportunity-bank search check --fix` to repair", file=sys.stderr)
            return 1
        repair(search, engine, diff)
        after = check(search, engine)
        print(f"repaired; now {after.summary()}")
        return 0 if after.clean else 1
