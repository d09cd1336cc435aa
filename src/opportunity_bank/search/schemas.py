"""The search API's answer as a type: what `/schema/openapi.json` publishes for clients.

The answer itself is built as JSON by `SearchResult.as_json` and kept in the answer cache as
bytes; these structs describe it, and the tests decode real answers with them (unknown fields
refused), so the published schema cannot drift from what is sent.
"""

from __future__ import annotations

from datetime import date, datetime

import msgspec

from opportunity_bank.models.enums import Kind


class SearchHit(msgspec.Struct, forbid_unknown_fields=True):
    """One open opening as a search finds it; `url` is its public page."""

    id: int
    external_id: str
    kind: Kind
    title: str
    unit: str
    languages: list[str]
    content_language: str
    degree_levels: list[str]
    positions: int
    year: int
    tags: list[str]
    location: str | None
    compensation: str | None
    application_deadline: date | None
    start_date: date | None
    end_date: date | None
    published_at: datetime | None
    url: str


class SearchFacets(msgspec.Struct, forbid_unknown_fields=True):
    """How many matches each value has, per filter group (empty when `facets=false`)."""

    kind: dict[str, int] = msgspec.field(default_factory=dict)
    unit: dict[str, int] = msgspec.field(default_factory=dict)
    language: dict[str, int] = msgspec.field(default_factory=dict)
    level: dict[str, int] = msgspec.field(default_factory=dict)


class SearchAnswer(msgspec.Struct, forbid_unknown_fields=True):
    """Open openings matching a search, one page of them, with counts per filter value.

    `degraded` is true while Meilisearch is unreachable and the database answered: plainer
    ranking, no typo tolerance, the same visibility rule. `suggestion` is the "did you mean"
    of a search that found nothing.
    """

    query: str
    total: int
    page: int
    per_page: int
    hits: list[SearchHit]
    facets: SearchFacets
    degraded: bool
    # With no hits: a corrected query (spelling, lexicon) that finds some, else null.
    suggestion: str | None = None
    # When the search found less than a page (first page, by relevance): openings near it,
    # matching its most specific words, to show after the hits. Not counted in `total`.
    related: list[SearchHit] = msgspec.field(default_factory=list)
