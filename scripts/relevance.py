"""Print recall@10 and MRR of our search and of plain Meilisearch on the relevance suite.

    .venv/bin/python scripts/relevance.py

Starts a throwaway Meilisearch and SQLite database, imports tests/relevance/openings.jsonl
through the real importer and indexer, and runs tests/relevance/queries.jsonl both ways.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from opportunity_bank import db  # noqa: E402
from opportunity_bank.opportunities.importer import import_file  # noqa: E402
from opportunity_bank.search.analysis import get_analyzer  # noqa: E402
from opportunity_bank.search.client import SearchClient  # noqa: E402
from opportunity_bank.search.engine import SearchEngine  # noqa: E402
from opportunity_bank.search.indexer import OutboxIndexer  # noqa: E402
from opportunity_bank.search.managed import ManagedMeilisearch  # noqa: E402
from opportunity_bank.search.rebuild import searchable_batches  # noqa: E402
from opportunity_bank.search.relevance import (  # noqa: E402
    SUITE,
    build_plain_index,
    evaluate,
    ours,
    plain,
    read_jsonl,
)
from opportunity_bank.settings import Settings  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, ManagedMeilisearch(Path(tmp) / "meili") as meili:
        settings = Settings(data_dir=Path(tmp), database_url=f"sqlite:///{tmp}/bank.db")
        db.upgrade(settings)
        engine = db.make_engine(settings)
        import_file(engine, SUITE / "openings.jsonl")
        client = SearchClient(meili.url, meili.master_key)
        search = SearchEngine(client, "ours", get_analyzer())
        search.ensure_index()
        OutboxIndexer(engine, search).drain()
        from opportunity_bank.opportunities.lifecycle import city_today

        documents = [d for batch in searchable_batches(engine, city_today(), 10_000)
                     for d in SearchEngine(client, "plain").documents_for(batch)]
        build_plain_index(client, "plain", documents)
        queries = read_jsonl(SUITE / "queries.jsonl")
        runs = {"plain Meilisearch": plain(client, "plain"), "Opportunity Bank": ours(search)}
        by_language: dict[str, list[dict]] = defaultdict(list)
        for query in queries:
            by_language[query["language"]].append(query)
        print(f"{len(queries)} queries over {len(documents)} openings\n")
        print(f"{'':20} {'set':8} {'recall@10':>10} {'MRR':>7}")
        for name, run in runs.items():
            for label, subset in [("all", queries), *sorted(by_language.items())]:
                scores = evaluate(run, subset)
                print(f"{name:20} {label:8} {scores.recall_at_k:>10.3f} {scores.mrr:>7.3f}")


if __name__ == "__main__":
    main()
