"""Compare plain and Finnish-analysed Meilisearch relevance on the relevance dataset.

Needs a running Meilisearch (this script starts nothing):

    /work/venv/bin/python scripts/relevance_experiment.py \
        --url http://127.0.0.1:7790 --key MASTER_KEY

Prints recall@10 and MRR per variant, then per query kind (--by-note) and the queries the
recommended variant gets wrong (--misses).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import meilisearch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from opportunity_bank.search.analysis import (  # noqa: E402 - needs the path above
    get_analyzer,
    load_synonym_groups,
    meilisearch_synonyms,
)
from opportunity_bank.search.documents import index_settings  # noqa: E402

RELEVANCE = ROOT / "tests" / "relevance"
TOP_K = 10
FETCH = 20
TERM_FIELDS = ("title", "description", "tags")
PLAIN_SETTINGS = {"searchableAttributes": ["title", "description", "tags", "unit"]}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def analysed_document(opening: dict) -> dict:
    analyzer = get_analyzer()
    language = (opening.get("languages") or ["fi"])[0]
    document = dict(opening)
    for field in TERM_FIELDS:
        value = opening.get(field) or ""
        text = " ".join(value) if isinstance(value, list) else value
        # As search/documents.py indexes them: a description's terms leave out its own words.
        terms = analyzer.added_terms if field == "description" else analyzer.index_terms
        document[f"{field}_terms"] = terms(text, language)
    return document


def build_index(client, uid: str, documents: list[dict], settings: dict) -> None:
    client.wait_for_task(client.delete_index(uid).task_uid)
    client.wait_for_task(client.create_index(uid, {"primaryKey": "external_id"}).task_uid)
    index = client.index(uid)
    client.wait_for_task(index.update_settings(settings).task_uid)
    task = client.wait_for_task(index.add_documents(documents).task_uid)
    if task.status != "succeeded":
        raise SystemExit(f"indexing {uid} failed: {task.error}")


def search_ids(client, uid: str, query: str, strategy: str) -> list[str]:
    params = {"limit": FETCH, "attributesToRetrieve": ["external_id"], "matchingStrategy": strategy}
    hits = client.index(uid).search(query, params)["hits"]
    return [hit["external_id"] for hit in hits]


def search_with_fallback(client, uid: str, query: str) -> list[str]:
    """All words must match; only when nothing does, let Meilisearch drop words from the end."""
    return search_ids(client, uid, query, "all") or search_ids(client, uid, query, "last")


def scores(ranked: list[str], expected: list[str]) -> tuple[float, float]:
    found = set(ranked[:TOP_K]) & set(expected)
    recall = len(found) / len(expected)
    rank = next((i for i, doc in enumerate(ranked, 1) if doc in expected), None)
    return recall, (1 / rank if rank else 0.0)


def variants(client, analysed_uid: str) -> dict:
    """Name -> function(query) -> ranked external ids."""
    analyzer = get_analyzer()

    def shaped(strategy: str, uid: str = analysed_uid):
        return lambda q: search_ids(client, uid, analyzer.query_text(q), strategy)

    return {
        "plain/last": lambda q: search_ids(client, "plain", q, "last"),
        "plain/frequency": lambda q: search_ids(client, "plain", q, "frequency"),
        "analysed/raw-query/last": lambda q: search_ids(client, analysed_uid, q, "last"),
        "analysed/last": shaped("last"),
        "analysed/frequency": shaped("frequency"),
        "analysed/all": shaped("all"),
        "analysed/all->last": lambda q: search_with_fallback(
            client, analysed_uid, analyzer.query_text(q)
        ),
        "analysed-byAttribute/last": shaped("last", "analysed_by_attribute"),
    }


def evaluate(run, queries: list[dict]) -> list[tuple[dict, list[str], float, float]]:
    results = []
    for query in queries:
        ranked = run(query["query"])
        recall, reciprocal_rank = scores(ranked, query["expected"])
        results.append((query, ranked, recall, reciprocal_rank))
    return results


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def print_table(table: dict[str, list]) -> None:
    print(f"{'variant':32} {'recall@10':>9} {'MRR':>6}")
    for name, results in table.items():
        recall = mean(r[2] for r in results)
        mrr = mean(r[3] for r in results)
        print(f"{name:32} {recall:9.3f} {mrr:6.3f}")


def print_by_note(table: dict[str, list]) -> None:
    notes = sorted({r[0]["note"] for results in table.values() for r in results})
    print(f"\n{'recall@10 / MRR by note':32}" + "".join(f"{n:>16}" for n in notes))
    for name, results in table.items():
        by_note = defaultdict(list)
        for r in results:
            by_note[r[0]["note"]].append(r)
        cells = "".join(
            f"{mean(r[2] for r in by_note[n]):8.2f}/{mean(r[3] for r in by_note[n]):.2f}".rjust(16)
            for n in notes
        )
        print(f"{name:32}{cells}")


def print_misses(name: str, results: list) -> None:
    print(f"\nQueries not perfect for {name}:")
    analyzer = get_analyzer()
    for query, ranked, recall, reciprocal_rank in results:
        if recall < 1 or reciprocal_rank < 1:
            print(
                f"  {query['query']!r} -> {analyzer.query_text(query['query'])!r}: "
                f"recall {recall:.2f} rr {reciprocal_rank:.2f} "
                f"expected {query['expected']} got {ranked[:TOP_K]}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--by-note", action="store_true", help="break results down by note")
    parser.add_argument("--misses", default="analysed/last", help="variant to explain")
    args = parser.parse_args()

    client = meilisearch.Client(args.url, args.key)
    openings = read_jsonl(RELEVANCE / "openings.jsonl")
    queries = read_jsonl(RELEVANCE / "queries.jsonl")

    started = time.perf_counter()
    documents = [analysed_document(opening) for opening in openings]
    print(f"analysed {len(documents)} openings in {time.perf_counter() - started:.2f} s")

    synonyms = meilisearch_synonyms(load_synonym_groups())
    analysed_settings = {**index_settings(), "synonyms": synonyms}
    build_index(client, "plain", openings, PLAIN_SETTINGS)
    build_index(client, "analysed", documents, analysed_settings)
    build_index(
        client,
        "analysed_by_attribute",
        documents,
        {**analysed_settings, "proximityPrecision": "byAttribute"},
    )

    table = {name: evaluate(run, queries) for name, run in variants(client, "analysed").items()}
    print(f"{len(queries)} queries, {len(openings)} openings\n")
    print_table(table)
    if args.by_note:
        print_by_note(table)
    if args.misses in table:
        print_misses(args.misses, table[args.misses])


if __name__ == "__main__":
    main()
