"""Finnish word vectors against the lexical search, on the relevance sets (issue 14, item 3).

The only embedding model with Finnish that the registries here ship with its weights is
spaCy's `spacy-fi-experimental-web-md` (Finnish web floret vectors, 50,000 x 300, an 88 MB
wheel; no Swedish or English). It is no dependency of the service; to measure it, install it
apart and run:

    .venv/bin/python -m pip install --target /tmp/fi-vectors "spacy>=3.8.2,<3.9" \\
        spacy-fi-experimental-web-md==0.15.0
    .venv/bin/python scripts/vector_experiment.py --vectors /tmp/fi-vectors [--set NAME …]

Printed next to our search as it is (scripts/relevance.py's table):
- "hybrid R": Meilisearch hybrid search with a `userProvided` embedder. A document's vector
  is the mean of its Finnish index terms' vectors (title, tags, description), a query's that
  of its terms; mixed with the lexical ranking at semanticRatio R.
- "vector associations": the terms of the set's own openings nearest to the query's Finnish
  terms (cosine >= NEAR_COSINE) join the lexicon's associated terms, which "Close to your
  search" asks for; "vector associations only": they replace them.
It also prints what a document and a query vector cost. docs/search-relevance.md has the
figures and the decision.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from pathlib import Path
from typing import Any

import relevance
from opportunity_bank.search.analysis import get_analyzer, load_synonym_groups
from opportunity_bank.search.engine import SearchEngine
from opportunity_bank.search.query import SearchRequest, meili_queries, shape_result
from opportunity_bank.search.rebuild import searchable_batches

RATIOS = (0.2, 0.5, 0.8)
NEAR_TERMS, NEAR_COSINE = 4, 0.45
EMBEDDER = "fi_web"
COST = {"document": [0.0, 0], "query": [0.0, 0]}
# Words for our kinds (and their synonyms) are near every opening of that kind: left out.
KIND_TERMS = {term for group in load_synonym_groups()
              if {"opinnäytetyö", "harjoittelu", "kesätyö"} & set(group) for term in group}


def vectors(site: str):
    sys.path.append(site)  # spaCy and numpy, installed apart
    import spacy

    return spacy.load("spacy_fi_experimental_web_md", exclude=[
        "tok2vec", "morphologizer", "parser", "ner", "lemmatizer", "attribute_ruler", "tagger",
        "senter"]).vocab


class Embedding:
    def __init__(self, vocab) -> None:
        import numpy

        self.np, self.vocab, self.analyzer = numpy, vocab, get_analyzer()

    def unit(self, term: str):
        vector = self.vocab.get_vector(term)
        norm = self.np.linalg.norm(vector)
        return vector / norm if norm else vector

    def terms(self, text: str) -> list[str]:
        return [t for t in self.analyzer.index_terms(text, "fi").split()
                if t not in KIND_TERMS and len(t) >= 3]

    def text(self, text: str, cost: str) -> list[float]:
        started = time.perf_counter()
        mean = self.np.mean([self.unit(t) for t in self.terms(text) or ["tyhjä"]], axis=0)
        norm = self.np.linalg.norm(mean)
        COST[cost][0] += time.perf_counter() - started
        COST[cost][1] += 1
        return (mean / norm if norm else mean).round(5).tolist()


class HybridEngine(SearchEngine):
    def __init__(self, client, uid: str, embedding: Embedding, ratio: float) -> None:
        super().__init__(client, uid, embedding.analyzer)
        self.embedding, self.ratio = embedding, ratio

    def ensure_index(self) -> None:
        super().ensure_index()
        self.wait(self.index.update_settings(
            {"embedders": {EMBEDDER: {"source": "userProvided", "dimensions": 300}}}).task_uid)

    def documents_for(self, opportunities) -> list[dict[str, Any]]:
        documents = super().documents_for(opportunities)
        for document in documents:
            text = " ".join([document["title"], " ".join(document["tags"]), document["description"]])
            document["_vectors"] = {EMBEDDER: self.embedding.text(text, "document")}
        return documents

    def search_index(self, request: SearchRequest, today) -> Any:
        queries = meili_queries(request, self.query_text(request.q), self.index_uid, today,
                                query_language=self.query_language(request))
        if request.q:
            queries[0].update(vector=self.embedding.text(request.q, "query"),
                              hybrid={"embedder": EMBEDDER, "semanticRatio": self.ratio})
        return shape_result(request, self.reader.multi_search(queries)["results"])


class NearTerms:
    """The analyzer, with the set's terms nearest to a query added to its associated terms."""

    def __init__(self, embedding: Embedding, folder: Path, with_lexicon: bool = True) -> None:
        self.embedding, self.analyzer, self.with_lexicon = embedding, embedding.analyzer, with_lexicon
        found = set()
        for opening in relevance.read_jsonl(folder / "openings.jsonl"):
            text = " ".join([opening["title"], *opening.get("tags", []), opening["description"]])
            found.update(t for t in embedding.terms(text) if self.analyzer.finnish_reading(t))
        self.vocabulary = sorted(found)
        self.matrix = embedding.np.array([embedding.unit(t) for t in self.vocabulary])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.analyzer, name)

    def associated_terms(self, query: str) -> list[str]:
        base = self.analyzer.associated_terms(query) if self.with_lexicon else []
        asked = [t for t in self.embedding.terms(query) if self.analyzer.finnish_reading(t)]
        if not asked:
            return base
        centre = self.embedding.np.mean([self.embedding.unit(t) for t in asked], axis=0)
        cosines = self.matrix @ (centre / (self.embedding.np.linalg.norm(centre) or 1))
        near = [self.vocabulary[i] for i in cosines.argsort()[::-1][:40] if cosines[i] >= NEAR_COSINE]
        return [*base, *[t for t in near if t not in asked and t not in base][:NEAR_TERMS]]


def indexed(search: SearchEngine, database) -> SearchEngine:
    from opportunity_bank.opportunities.lifecycle import city_today

    search.ensure_index()
    for batch in searchable_batches(database, city_today(), 10_000):
        search.apply(search.documents_for(batch), [])
    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", required=True, help="where spaCy and the model were installed")
    args, rest = parser.parse_known_args()
    sys.argv = [sys.argv[0], *rest]  # the rest (--set, --misses) is scripts/relevance.py's
    embedding = Embedding(vectors(args.vectors))

    def hybrid(ratio: float, client, uid: str, database, folder: Path) -> SearchEngine:
        return indexed(HybridEngine(client, uid, embedding, ratio), database)

    def associations(with_lexicon: bool, client, uid: str, database, folder: Path) -> SearchEngine:
        return indexed(SearchEngine(client, uid, NearTerms(embedding, folder, with_lexicon)), database)

    variants = {f"hybrid {ratio}": functools.partial(hybrid, ratio) for ratio in RATIOS}
    variants["vector associations"] = functools.partial(associations, True)
    variants["vector associations only"] = functools.partial(associations, False)
    relevance.main(variants)
    print(json.dumps({f"ms per {name}": round(total / max(count, 1) * 1000, 2)
                      for name, (total, count) in COST.items()}))


if __name__ == "__main__":
    main()
