"""What students search: the document an opening becomes, and the index settings beside it."""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any, Protocol

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.visibility import day_number
from opportunity_bank.search.analysis import load_synonym_groups, meilisearch_synonyms

# Facet names in the API follow the filter parameters; values are the document fields.
FACETS = {"kind": "kind", "unit": "unit", "language": "languages", "level": "degree_levels"}

# What a kind is called in each language, so "harjoittelu", "internship" or "praktik" (and
# their synonyms and clipped forms) find every internship, whatever its title says.
KIND_WORDS = {
    "thesis": "opinnäytetyö thesis examensarbete",
    "internship": "harjoittelu internship praktik",
    "summer_job": "kesätyö summer job sommarjobb",
}
# Sort fields that put openings written in the query's language first (0), then those open
# to it (1), then the rest (2); query.py sorts on the one of the detected language.
LANGUAGE_RANKS = {language: f"lang_rank_{language}" for language in ("fi", "sv", "en")}

INDEX_SETTINGS: dict[str, Any] = {
    # The original words rank first, so an exact match wins over a base-form match.
    "searchableAttributes": [
        "title", "tags", "title_terms", "tags_terms", "kind_terms",
        "description", "description_terms", "translation_terms", "unit", "unit_terms",
        "location",
    ],
    # byAttribute would index 2.5x faster (880 -> 2,250 documents/s, one new opening 330 -> 80
    # ms p50, 23,000 openings on 2 busy cores) with the same recall@10 and MRR on the suite,
    # but "kesätöitä puistoissa" loses "Puistotyöntekijä kesäksi" from the top 3: the words
    # of a compound next to each other must count (docs/search.md, "What keeps it fast").
    "proximityPrecision": "byWord",
    "facetSearch": False,  # nobody searches within facet values; it only costs indexing time
    "displayedAttributes": [
        "id", "external_id", "kind", "title", "description", "unit", "languages",
        "content_language", "degree_levels", "positions", "year", "tags", "location",
        "compensation", "application_deadline", "start_date", "end_date", "published_at",
        "url",
    ],
    "filterableAttributes": [
        "id", "kind", "unit", "languages", "degree_levels", "deadline_day", "year", "location",
    ],
    "sortableAttributes": ["deadline_day", "published_ts", *LANGUAGE_RANKS.values()],
    "rankingRules": ["words", "sort", "typo", "proximity", "attribute", "exactness"],
    "faceting": {"maxValuesPerFacet": 100, "sortFacetValuesBy": {"*": "count"}},
    "pagination": {"maxTotalHits": 5000},
    "typoTolerance": {
        "enabled": True,
        "minWordSizeForTypos": {"oneTypo": 4, "twoTypos": 8},
    },
}


@functools.cache
def index_settings(analyzer: Analyzer | None = None) -> dict[str, Any]:
    """The declared settings plus the domain synonyms (analysed, so they meet analysed text)."""
    return {**INDEX_SETTINGS, "synonyms": meilisearch_synonyms(load_synonym_groups(analyzer))}


class Analyzer(Protocol):
    def index_terms(self, text: str, language: str) -> str: ...

    def added_terms(self, text: str, language: str) -> str: ...

    def translation_terms(self, text: str, language: str, targets: list[str]) -> str: ...

    def query_text(self, query: str) -> str: ...

    def relaxed_query_text(self, query: str) -> str: ...

    def associated_terms(self, query: str) -> list[str]: ...

    def query_language(self, query: str, interface_language: str = "") -> str | None: ...

    def suggestion(self, query: str) -> str | None: ...

    def analysed_phrase(self, phrase: str) -> str: ...


WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case words, as the database fallback matches them (search_terms)."""
    return WORD.findall(text.lower())


def search_terms(document: dict[str, Any]) -> str:
    """The distinct words of a document's searchable fields, analysed forms included: what
    the database fallback finds it by (the same fields the index searches)."""
    found: dict[str, None] = {}
    for name in INDEX_SETTINGS["searchableAttributes"]:
        value = document.get(name) or ""
        for word in words(" ".join(value) if isinstance(value, list) else value):
            found[word] = None
    return " ".join(found)


def detail_url(opportunity_id: int) -> str:
    return f"/opportunities/{opportunity_id}"


def to_document(
    opportunity: Opportunity, unit_name: str, analyzer: Analyzer | None = None
) -> dict[str, Any]:
    o = opportunity
    document: dict[str, Any] = {
        "id": o.id,
        "external_id": o.external_id,
        "kind": o.kind,
        "title": o.title,
        "description": o.description,
        "unit": unit_name,
        "languages": list(o.languages),
        "content_language": o.content_language,
        "degree_levels": list(o.degree_levels),
        "positions": o.positions,
        "year": o.year,
        "tags": list(o.tags),
        "location": o.location,
        "compensation": o.compensation,
        "application_deadline": _iso(o.application_deadline),
        "start_date": _iso(o.start_date),
        "end_date": _iso(o.end_date),
        "published_at": o.published_at.isoformat() if o.published_at else None,
        "deadline_day": day_number(o.application_deadline),
        "published_ts": int(o.published_at.timestamp()) if o.published_at else 0,
        "url": detail_url(o.id),
        **language_ranks(o.content_language, o.languages),
    }
    if analyzer is not None:
        language = o.content_language
        document["title_terms"] = analyzer.index_terms(o.title, language)
        document["description_terms"] = analyzer.added_terms(o.description, language)
        document["tags_terms"] = analyzer.index_terms(" ".join(o.tags), language)
        # In the other languages the opening is open to, what its title and tags say.
        document["translation_terms"] = analyzer.translation_terms(
            " ".join([o.title, *o.tags]), language, list(o.languages))
        words = KIND_WORDS.get(o.kind, "")
        document["kind_terms"] = f"{words} {analyzer.index_terms(words, 'fi')}"
        # Unit names are Finnish and say the field (Liikennesuunnittelu: traffic) when the
        # title does not.
        document["unit_terms"] = analyzer.index_terms(unit_name, "fi")
    return document


def language_ranks(content_language: str, languages: list[str]) -> dict[str, int]:
    return {
        field: 0 if language == content_language else 1 if language in languages else 2
        for language, field in LANGUAGE_RANKS.items()
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
