"""Search requests: validating parameters, building Meilisearch queries, shaping answers.

Pure functions; the engine module does the talking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from opportunity_bank.models.enums import DEGREE_LEVELS, KINDS, LANGUAGES
from opportunity_bank.opportunities.visibility import index_filter
from opportunity_bank.search.documents import FACETS, LANGUAGE_RANKS

MAX_QUERY_CHARS = 200
MAX_PAGE = 500
MAX_PER_PAGE = 100
MAX_VALUES = 20  # per filter group
MAX_VALUE_CHARS = 200
SORTS = {"relevance": None, "deadline": ["deadline_day:asc"], "newest": ["published_ts:desc"]}
FLAGS = {"true": True, "1": True, "false": False, "0": False}
HIGHLIGHT_PRE, HIGHLIGHT_POST = "\x02", "\x03"  # never in text; templates turn them into <mark>
HIT_FIELDS = (
    "id", "external_id", "kind", "title", "unit", "languages", "content_language",
    "degree_levels", "positions", "year", "tags", "location", "compensation",
    "application_deadline", "start_date", "end_date", "published_at", "url",
)


class SearchParamError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class SearchRequest:
    q: str = ""
    kind: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    facets: bool = True  # as-you-type requests skip facets: they are not shown
    # The language of the page or of Accept-Language: breaks a tie in detecting the query's.
    interface_language: str = ""
    # Only these openings (never from the URL): alert digests ask which new openings match.
    ids: tuple[int, ...] = ()

    def filters(self) -> dict[str, tuple[str, ...]]:
        return {name: getattr(self, name) for name in FACETS if getattr(self, name)}

    def cache_key(self, today: date) -> tuple:
        return (
            " ".join(self.q.casefold().split()), *(tuple(sorted(getattr(self, f))) for f in FACETS),
            self.page, self.per_page, self.sort, self.facets, self.interface_language,
            today.toordinal(), self.ids,
        )


@dataclass(slots=True)
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    degraded: bool = False
    suggestion: str | None = None  # "did you mean", only with no hits and only if it finds some
    related: list[dict[str, Any]] = field(default_factory=list)  # near it, when it found less than a page

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.request.q,
            "total": self.total,
            "page": self.request.page,
            "per_page": self.request.per_page,
            "hits": [{k: h.get(k) for k in HIT_FIELDS} for h in self.hits],
            "facets": self.facets,
            "degraded": self.degraded,
            "suggestion": self.suggestion,
            "related": [{k: h.get(k) for k in HIT_FIELDS} for h in self.related],
        }

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))


def _int(params: Mapping[str, Sequence[str]], name: str, default: int, low: int, high: int) -> int:
    values = params.get(name) or []
    if not values or values[-1] == "":
        return default
    try:
        value = int(values[-1])
    except ValueError:
        raise SearchParamError(name, f"must be a whole number from {low} to {high}") from None
    if not low <= value <= high:
        raise SearchParamError(name, f"must be a whole number from {low} to {high}")
    return value


def _choices(params: Mapping[str, Sequence[str]], name: str, allowed: Sequence[str] | None) -> tuple:
    values = tuple(dict.fromkeys(v.strip() for v in params.get(name, []) if v.strip()))
    if len(values) > MAX_VALUES:
        raise SearchParamError(name, f"at most {MAX_VALUES} values")
    for value in values:
        if allowed is not None and value not in allowed:
            raise SearchParamError(name, f"unknown value {value[:40]!r}; use one of {', '.join(allowed)}")
        if len(value) > MAX_VALUE_CHARS:
            raise SearchParamError(name, f"a value is longer than {MAX_VALUE_CHARS} characters")
    return values


def _flag(params: Mapping[str, Sequence[str]], name: str, default: bool) -> bool:
    value = ((params.get(name) or [""])[-1]).strip().lower()
    if value == "":
        return default
    if value not in FLAGS:
        raise SearchParamError(name, "use true or false")
    return FLAGS[value]


def parse_request(params: Mapping[str, Sequence[str]], *, default_per_page: int = 20) -> SearchRequest:
    """Validate query parameters (each a list, as repeated in the URL), as the pages get them."""
    q_values = params.get("q") or [""]
    sort = (params.get("sort") or ["relevance"])[-1] or "relevance"
    if sort not in SORTS:
        raise SearchParamError("sort", f"use one of {', '.join(SORTS)}")
    return make_request(
        q=q_values[-1],
        kind=_choices(params, "kind", KINDS),
        unit=_choices(params, "unit", None),
        language=_choices(params, "language", LANGUAGES),
        level=_choices(params, "level", DEGREE_LEVELS),
        page=_int(params, "page", 1, 1, MAX_PAGE),
        per_page=_int(params, "per_page", default_per_page, 1, MAX_PER_PAGE),
        sort=sort,
        facets=_flag(params, "facets", True),
    )


def make_request(*, q: str = "", kind: Sequence[str] = (), unit: Sequence[str] = (),
                 language: Sequence[str] = (), level: Sequence[str] = (), page: int = 1,
                 per_page: int = 20, sort: str = "relevance", facets: bool = True) -> SearchRequest:
    """A request from values already checked (by `parse_request` or the API's typed parameters).

    Spaces are collapsed and the words cut at MAX_QUERY_CHARS; repeated values count once.
    """
    def distinct(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))

    return SearchRequest(
        q=" ".join(q.split())[:MAX_QUERY_CHARS], kind=distinct(kind), unit=distinct(unit),
        language=distinct(language), level=distinct(level), page=page, per_page=per_page,
        sort=sort, facets=facets,
    )


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def filter_expression(
    filters: Mapping[str, tuple[str, ...]], today: date, skip: str | None = None
) -> list[Any]:
    """Meilisearch filter: AND across groups, OR within a group; always only open openings."""
    expression: list[Any] = [index_filter(today)]
    for name, values in filters.items():
        if name != skip and values:
            expression.append([f"{FACETS[name]} = {quote(v)}" for v in values])
    return expression


def meili_queries(
    request: SearchRequest, query_text: str, index_uid: str, today: date,
    matching_strategy: str = "last",
    query_language: str | None = None,
) -> list[dict[str, Any]]:
    """The main query, then one facet-only query per filtered group.

    Sorted by relevance, openings written in ``query_language`` come before equally good
    matches in other languages (the ``sort`` ranking rule breaks ties of the rules before it).

    A group's own filter is left out of its facet query (disjunctive faceting), so choosing
    "summer job" still shows how many theses there are to switch to.
    """
    filters = request.filters()
    only = [f"id IN [{', '.join(str(int(i)) for i in request.ids)}]"] if request.ids else []
    main: dict[str, Any] = {
        "indexUid": index_uid,
        "q": query_text,
        "filter": [*filter_expression(filters, today), *only],
        "hitsPerPage": request.per_page,
        "page": request.page,
        "attributesToRetrieve": list(HIT_FIELDS),
        "matchingStrategy": matching_strategy,
    }
    if request.q:
        main.update(
            attributesToHighlight=["title"],
            highlightPreTag=HIGHLIGHT_PRE,
            highlightPostTag=HIGHLIGHT_POST,
        )
    if SORTS[request.sort]:
        main["sort"] = SORTS[request.sort]
    elif request.q and query_language in LANGUAGE_RANKS:
        main["sort"] = [f"{LANGUAGE_RANKS[query_language]}:asc"]
    if not request.facets:
        main["facets"] = [FACETS["kind"]]  # for the exact total (see total_of)
        return [main]
    main["facets"] = [FACETS[name] for name in FACETS if name not in filters]
    queries = [main]
    for name in filters:
        queries.append({
            "indexUid": index_uid,
            "q": query_text,
            "filter": [*filter_expression(filters, today, skip=name), *only],
            "limit": 0,
            "facets": [FACETS[name]],
            "matchingStrategy": matching_strategy,
        })
    return queries


def shape_result(request: SearchRequest, answers: list[dict[str, Any]]) -> SearchResult:
    main = answers[0]
    hits = []
    for hit in main.get("hits", []):
        shaped = {k: hit.get(k) for k in HIT_FIELDS}
        formatted = hit.get("_formatted") or {}
        shaped["title_highlight"] = formatted.get("title", hit.get("title"))
        hits.append(shaped)
    by_field = {v: k for k, v in FACETS.items()}
    facets: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for answer in answers:
        for field_name, counts in (answer.get("facetDistribution") or {}).items():
            facets[by_field[field_name]] = dict(counts)
    return SearchResult(
        request=request,
        total=total_of(request, facets["kind"]),
        hits=hits,
        facets=facets if request.facets else {name: {} for name in FACETS},
    )


def total_of(request: SearchRequest, kinds: Mapping[str, int]) -> int:
    """How many openings match, exactly: `totalHits` stops at pagination.maxTotalHits, but
    Meilisearch counts facet values over every match, and each opening has one kind. The
    kind counts come without the kind filter (disjunctive faceting): the chosen ones add up."""
    return sum(count for kind, count in kinds.items() if not request.kind or kind in request.kind)
