"""Print recall@10 and MRR of our search and of plain Meilisearch on the relevance sets.

    .venv/bin/python scripts/relevance.py [--misses] [--set NAME …]

For the tuning suite (tests/relevance/) and the sets written apart from it
(tests/relevance/heldout/, fresh/, blind/ and unseen/, docs/search-relevance.md), each in turn:
starts a throwaway SQLite database, imports the set's openings.jsonl through the real
importer and indexer into one throwaway Meilisearch, and runs its queries.jsonl both ways.
With --misses it also lists, for our search, every query that misses an expected opening:
the missing openings' titles and what came first instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from opportunity_bank import db  # noqa: E402
from opportunity_bank.opportunities.importer import import_file  # noqa: E402
from opportunity_bank.search.analysis import get_analyzer  # noqa: E402
from opportunity_bank.search.client import SearchClient  # noqa: E402
from opportunity_bank.search.engine import SearchEngine  # noqa: E402
from opportunity_bank.search.indexer import OutboxIndexer  # noqa: E402
from opportunity_bank.search.managed import ManagedMeilisearch  # noqa: E402
from opportunity_bank.search.query import SearchRequest  # noqa: E402
from opportunity_bank.search.rebuild import searchable_batches  # noqa: E402
from opportunity_bank.search.relevance import (  # noqa: E402
    SETS,
    TOP_K,
    build_plain_index,
    evaluate,
    ours,
    plain,
    read_jsonl,
)
from opportunity_bank.settings import Settings  # noqa: E402

# How deep the misses listing looks for a missed opening among the hits.
DEEP_HITS = 50

# A variant builds its own index of a set: (client, index uid, database, set folder) -> engine.
Variant = Callable[[SearchClient, str, Engine, Path], SearchEngine]


def main(variants: dict[str, Variant] | None = None) -> None:
    """Measure every set (or those named with --set); `variants` are measured next to ours."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the queries that miss")
    parser.add_argument("--set", dest="sets", action="append", choices=list(SETS),
                        help="only this set (repeatable; default: all)")
    args = parser.parse_args()
    print(f"{'':28} {'set':9} {'lang':5} {'queries':>7} {'recall@10':>10} {'MRR':>7}")
    with tempfile.TemporaryDirectory() as tmp, ManagedMeilisearch(Path(tmp) / "meili") as meili:
        client = SearchClient(meili.url, meili.master_key)
        for number, (set_name, folder) in enumerate(SETS.items()):
            if args.sets and set_name not in args.sets:
                continue
            measure(client, Path(tmp) / str(number), set_name, folder, args.misses, variants or {})


def measure(client: SearchClient, tmp: Path, set_name: str, folder: Path, misses: bool,
            variants: dict[str, Variant]) -> None:
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
    for number, (name, variant) in enumerate(variants.items()):
        runs[name] = ours(variant(client, f"variant{number}_{uid}", engine, folder))
    by_language: dict[str, list[dict]] = defaultdict(list)
    for query in queries:
        by_language[query["language"]].append(query)
    for name, run in runs.items():
        for label, subset in [("all", queries), *sorted(by_language.items())]:
            scores = evaluate(run, subset)
            print(f"{name:28} {set_name:9} {label:5} {scores.queries:>7} "
                  f"{scores.recall_at_k:>10.3f} {scores.mrr:>7.3f}")
    if misses:
        titles = {o["external_id"]: o["title"] for o in read_jsonl(folder / "openings.jsonl")}
        print_misses(runs["Opportunity Bank"], search, queries, titles)


def print_misses(run, search: SearchEngine, queries: list[dict], titles: dict[str, str]) -> None:
    for query in queries:
        ranked = run(query["query"])[:TOP_K]
        missing = [i for i in query["expected"] if i not in ranked]
        if not missing:
            continue
        sent = search.query_text(SearchRequest(q=query["query"]))
        print(f"\n{query['language']} {query['query']!r} -> {sent!r}: "
              f"{len(missing)} of {len(query['expected'])} missing")
        # Where a missed opening stands among the hits says whether ranking or matching failed.
        deep = [hit["external_id"] for hit in search.search(
            SearchRequest(q=query["query"], per_page=DEEP_HITS, facets=False)).hits]
        for opening in missing:
            place = f"hit {deep.index(opening) + 1}" if opening in deep else "no hit"
            print(f"    missing {opening} ({place}): {titles[opening]}")
        for rank, opening in enumerate(ranked[:5], start=1):
            mark = "+" if opening in query["expected"] else " "
            print(f"  {mark}{rank:2} {opening}: {titles[opening]}")

if __name__ == "__main__":
    main()
