"""Finnish, Swedish and English queries find what a person would expect.

The four relevance sets (tests/relevance/ for tuning, tests/relevance/heldout/, fresh/ and
blind/ written apart) are run through the real import, indexer and search;
the bars are what we reach today (docs/search-relevance.md), so a change that loses
relevance on any of them fails here.
"""

from __future__ import annotations

import json

import pytest

from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.search.query import SearchRequest
from opportunity_bank.search.relevance import (
    BLIND,
    FRESH,
    HELDOUT,
    SUITE,
    UNSEEN,
    evaluate,
    ours,
    read_jsonl,
)
from tests.helpers import wait_until

# What we reach today (docs/search-relevance.md), a little below it. The unseen set, the
# fourth written apart, is measured but its misses are not read; its bars are issue 14's goal
# (recall@10 0.90, MRR 0.85, 0.85 in each language), which the twelfth round reached.
BARS = {  # set folder: (recall@10, MRR, recall@10 in each language)
    SUITE: (0.98, 0.97, 0.97),
    HELDOUT: (0.92, 0.95, 0.90),
    FRESH: (0.87, 0.92, 0.83),
    BLIND: (0.72, 0.86, 0.67),
    UNSEEN: (0.90, 0.90, 0.88),
}


def _import(services, path):
    report = import_file(services.db, path)
    assert report.written, report.errors
    wait_until(lambda: services.search.document_count() == report.rows, timeout=30)
    return services.search


@pytest.fixture
def indexed(services):
    return _import(services, SUITE / "openings.jsonl")


@pytest.mark.parametrize("folder", list(BARS), ids=["tuning", "held-out", "fresh", "blind", "unseen"])
def test_relevance_set_meets_its_bars(services, folder):
    search = _import(services, folder / "openings.jsonl")
    queries = read_jsonl(folder / "queries.jsonl")
    min_recall, min_mrr, min_language_recall = BARS[folder]
    scores = evaluate(ours(search), queries)
    assert scores.queries >= (60 if folder == SUITE else 150)
    assert scores.recall_at_k >= min_recall, scores
    assert scores.mrr >= min_mrr, scores
    for language in ("fi", "sv", "en"):
        subset = [q for q in queries if q["language"] == language]
        assert evaluate(ours(search), subset).recall_at_k >= min_language_recall, language


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("kesätöitä puistoissa", "Puistotyöntekijä kesäksi"),
        ("geotekninen harjoittelu", "Geotekniikan harjoittelija"),
        ("vieraslaj", "Vieraslajien torjuja"),
    ],
)
def test_inflected_compound_and_prefix_queries(indexed, query, expected_title):
    titles = [hit["title"] for hit in ours_hits(indexed, query)]
    assert any(expected_title.lower() in t.lower() for t in titles[:3]), titles


@pytest.mark.parametrize("query", ["", "!!!", "<script>alert(1)</script>", "kesä" * 2500, '"""', "työ -x 'a"])
def test_odd_queries_never_fail(indexed, query):
    ours_hits(indexed, query)


OWN_OPENINGS = [  # the issue's own examples, not in either set
    ("own-1", "internship", "Kunnossapidon harjoittelija", "Katujen ylläpidon laadunvalvontaa.", ["fi"]),
    ("own-2", "internship", "Kunnossapitoharjoittelija talvikaudeksi", "Aurausta ja hiekoitusta.", ["fi"]),
    ("own-3", "internship", "Harjoittelu katujen kunnossapidossa", "Urakoiden valvontaa.", ["fi"]),
    ("own-4", "summer_job", "Kunnossapidon kesätyöntekijä", "Kuoppien paikkausta.", ["fi"]),
    ("own-5", "summer_job", "Sommarjobb i parkerna", "Du sköter parker och klipper gräs.", ["sv", "fi"]),
    ("own-6", "summer_job", "Parkarbetare i sommar", "Parkskötsel i Esboviken, kesätyö.", ["sv", "fi"]),
    ("own-7", "summer_job", "Puistotyöntekijä kesäksi", "Hoidat puistoja koko kesän.", ["fi"]),
    ("own-8", "summer_job", "Kesätyöntekijä puistonhoitoon", "Leikkaat nurmikoita puistoissa.", ["fi", "sv"]),
    ("own-9", "thesis", "Thesis on traffic safety", "Traffic safety near schools; liikenne.", ["en", "fi"]),
    ("own-10", "thesis", "Opinnäytetyö liikenneturvallisuudesta", "Turvallisuus kouluilla.", ["fi"]),
]


@pytest.fixture
def own(services, tmp_path):
    path = tmp_path / "own.jsonl"
    path.write_text("".join(json.dumps({
        "external_id": external_id, "kind": kind, "title": title, "description": description,
        "unit": "Kunnossapito", "languages": languages, "year": 2027, "status": "published",
        "application_deadline": "2027-12-31",
    }, ensure_ascii=False) + "\n" for external_id, kind, title, description, languages in OWN_OPENINGS))
    return _import(services, path)


def test_a_compound_joined_split_or_inflected_finds_the_same_internships(own):
    found = [
        {hit["external_id"] for hit in ours_hits(own, query) if hit["kind"] == "internship"}
        for query in ("kunnossapitoharjoittelu", "harjoittelu kunnossapidossa", "kunnossapitoharjoitteluun")
    ]
    assert found[0] == found[1] == found[2] == {"own-1", "own-2", "own-3"}


def test_traineeship_finds_internships(own):
    hits = ours_hits(own, "traineeship")
    assert {hit["external_id"] for hit in hits[:3]} == {"own-1", "own-2", "own-3"}, hits


@pytest.mark.parametrize(("query", "first", "then"), [
    ("kesätöitä puistoissa", {"own-7", "own-8"}, {"own-5", "own-6"}),
    ("sommarjobb i parkerna", {"own-5", "own-6"}, {"own-7", "own-8"}),
    ("opinnäytetyö liikenne", {"own-10"}, {"own-9"}),
])
def test_openings_in_the_query_language_come_first(own, query, first, then):
    """Park summer jobs in Finnish and in Swedish match such a query equally well; those in
    the query's language come first."""
    ranked = [hit["external_id"] for hit in ours_hits(own, query)]
    assert first | then <= set(ranked), ranked
    assert max(ranked.index(i) for i in first) < min(ranked.index(i) for i in then), ranked


def ours_hits(engine, query):
    return engine.search(SearchRequest(q=query[:200], per_page=10)).hits
