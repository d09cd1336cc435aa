"""Commands for the search index."""

from __future__ import annotations

import argparse
import sys

from opportunity_bank.settings import Settings


def register(commands) -> None:
    commands.add_parser(
        "reindex", help="rebuild the search index from the database without downtime"
    ).set_defaults(handler=run_reindex)


def run_reindex(settings: Settings, _args: argparse.Namespace) -> int:
    import time

    from opportunity_bank import db
    from opportunity_bank.search.analysis import get_analyzer
    from opportunity_bank.search.client import SearchClient
    from opportunity_bank.search.engine import SearchEngine
    from opportunity_bank.search.runtime import SearchServer

    db.upgrade(settings)
    engine = db.make_engine(settings)
    server = SearchServer.start(settings)
    try:
        search = SearchEngine(SearchClient(server.url, server.key), settings.meili_index, get_analyzer())
        started = time.perf_counter()
        count = search.reindex(engine, progress=lambda n: print(f"\rindexed {n}", end="", file=sys.stderr))
        elapsed = time.perf_counter() - started
        print(f"\nreindexed {count} searchable openings in {elapsed:.1f} s "
              f"({count / max(elapsed, 1e-9):.0f} documents/s)")
    finally:
        server.stop()
    return 0
