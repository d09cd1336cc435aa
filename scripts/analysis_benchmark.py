"""Throughput of TextAnalyzer.index_terms on the relevance openings.

    /work/venv/bin/python scripts/analysis_benchmark.py [--rounds 1000]

Prints words/s without the per-word cache (raw Voikko and Snowball) and with it (a full
reindex, where most words repeat).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from opportunity_bank.search.analysis import TextAnalyzer, tokens  # noqa: E402

OPENINGS = ROOT / "tests" / "relevance" / "openings.jsonl"


def texts() -> list[tuple[str, str]]:
    with OPENINGS.open(encoding="utf-8") as lines:
        openings = [json.loads(line) for line in lines if line.strip()]
    return [
        (" ".join([o["title"], o["description"], *o["tags"]]), o["languages"][0]) for o in openings
    ]


def words_per_second(analyzer: TextAnalyzer, corpus: list[tuple[str, str]], rounds: int) -> float:
    words = sum(len(tokens(text)) for text, _ in corpus) * rounds
    started = time.perf_counter()
    for _ in range(rounds):
        for text, language in corpus:
            analyzer.index_terms(text, language)
    return words / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    args = parser.parse_args()
    corpus = texts()
    uncached = words_per_second(TextAnalyzer(cache_size=0), corpus, max(1, args.rounds // 100))
    cached = words_per_second(TextAnalyzer(), corpus, args.rounds)
    print(f"{len(corpus)} openings x {args.rounds} rounds")
    print(f"without cache: {uncached:12,.0f} words/s")
    print(f"with cache:    {cached:12,.0f} words/s")


if __name__ == "__main__":
    main()
