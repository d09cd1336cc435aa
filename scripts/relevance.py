"""Print recall@10 and MRR of our search and of plain Meilisearch on both relevance sets.

    .venv/bin/python scripts/relevance.py

For the tuning suite (tests/relevance/) and the held-out set (tests/relevance/heldout/):
starts a throwaway SQLite database, imports the set's openings.jsonl through the real
importer and indexer into one throwaway Meilisearch, and runs its queries.jsonl both ways.
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
    SETS,
    build_plain_index,
    evaluate,
    ours,
    plain,
    read_jsonl,
)
from opportunity_bank.settings import Settings  # noqa: E402


def main() -> None:
    print(f"{'':20} {'set':9} {'lang':5} {'queries':>7} {'recall@10':>10} {'MRR':>7}")
    with tempfile.TemporaryDirectory() as tmp, ManagedMeilisearch(Path(tmp) / "meili") as meili:
        client = SearchClient(meili.url, meili.master_key)
        for number, (set_name, folder) in enumerate(SETS.items()):
            measure(client, Path(tmp) / str(number), set_name, folder)


def measure(client: SearchClient, tmp: Path, set_name: str, folder: Path) -> None:
    from opportunity_bank.opportunities.lifecycle import city_today

    tmp.mkdir()
    settings = Settings(data_dir=tmp, database_url=f"sqlite:///{tmp}/bank.db")
    db.upgrade(settings)
    engine = db.make_engine(settings)
    import_file(engine, folder / "openings.jsonl")
    uid = set_name.replace("-", "")
    search = SearchEngine(client, f"ours_{uid}", get_analyzer())
    search.ensure_index()
    OutboxIndexer(engine, search).drain()
    documents = [d for batch in searchable_batches(engine, city_today(), 10_000)
                 for d in SearchEngine(client, "plain").documents_for(batch)]
    build_plain_index(client, f"plain_{uid}", documents)
    queries = read_jsonl(folder / "queries.jsonl")
    runs = {"plain Meilisearch": plain(client, f"plain_{uid}"), "Opportunity Bank": ours(search)}
    by_language: dict[str, list[dict]] = defaultdict(list)
    for query in queries:
        by_language[query["language"]].append(query)
    for name, run in runs.items():
        for label, subset in [("all", queries), *sorted(by_language.items())]:
            scores = evaluate(run, subset)
            print(f"{name:20} {set_name:9} {label:5} {scores.queries:>7} "
                  f"{scores.recall_at_k:>10.3f} {scores.mrr:>7.3f}")

if __name__ == "__main__":
    main()
