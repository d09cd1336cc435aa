"""The student search page at `/`: a plain GET form, enhanced by htmx to update as one types."""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import time
from dataclasses import replace
from datetime import date
from typing import Any
from urllib.parse import urlencode

from litestar import MediaType, Request, Response, get
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from opportunity_bank.models import Unit
from opportunity_bank.models.enums import DEGREE_LEVELS, KINDS, LANGUAGES
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.search.api import query_lists
from opportunity_bank.search.documents import FACETS
from opportunity_bank.search.engine import SearchUnavailable
from opportunity_bank.search.query import SearchParamError, SearchRequest, SearchResult, parse_request
from opportunity_bank.web.http import PUBLIC, accepts_gzip
from opportunity_bank.web.i18n import LANGUAGES as LANGUAGE_CHOICES
from opportunity_bank.web.i18n import negotiate_language
from opportunity_bank.web.services import ServicesDep

log = logging.getLogger(__name__)
PAGE_SIZE = 20
FACET_ORDER = ("kind", "language", "level", "unit")
FIXED_VALUES = {"kind": KINDS, "language": LANGUAGES, "level": DEGREE_LEVELS}
# A fragment and a page share one URL; caches and the browser must keep them apart.
VARY = {"Vary": "HX-Request, Accept-Encoding"}
PageKey = tuple[date, str, bool, bytes]
# status, gzipped HTML, and the search when it found nothing (counted again when served kept)
RenderedPage = tuple[int, bytes, SearchRequest | None]
MAX_KEPT_QUERY_BYTES = 1_000


def is_fragment_request(request: Request) -> bool:
    """htmx asking for the results only (not a history restore, which wants the whole page)."""
    return (request.headers.get("hx-request") == "true"
            and request.headers.get("hx-history-restore-request") != "true")


def search_query(search: SearchRequest, **changes: Any) -> list[tuple[str, str]]:
    """URL parameters that reproduce a search (defaults left out), with `changes` applied."""
    values = {"q": search.q, **{name: getattr(search, name) for name in FACETS},
              "sort": search.sort, "page": search.page, **changes}
    pairs: list[tuple[str, str]] = []
    if values["q"]:
        pairs.append(("q", values["q"]))
    for name in FACETS:
        pairs.extend((name, value) for value in values[name])
    if values["sort"] != "relevance":
        pairs.append(("sort", values["sort"]))
    if values["page"] > 1:
        pairs.append(("page", str(values["page"])))
    return pairs


def search_url(path: str, search: SearchRequest, **changes: Any) -> str:
    pairs = search_query(search, **changes)
    return f"{path}?{urlencode(pairs)}" if pairs else path


def checkbox_id(facet: str, value: str) -> str:
    return f"f-{facet}-{hashlib.blake2s(value.encode(), digest_size=5).hexdigest()}"


def facet_groups(search: SearchRequest, result: SearchResult | None) -> list[dict[str, Any]]:
    """Each facet with its options: value, count and whether chosen; chosen ones always shown.

    Checkbox ids depend on the value only, so htmx keeps focus on a box when counts re-render.
    """
    groups = []
    for name in FACET_ORDER:
        counts = result.facets.get(name, {}) if result else {}
        chosen = getattr(search, name)
        if name in FIXED_VALUES:
            values = [v for v in FIXED_VALUES[name] if counts.get(v) or v in chosen]
        else:
            values = sorted(set(counts) | set(chosen), key=lambda v: (-counts.get(v, 0), v.casefold()))
        options = [{"value": v, "count": counts.get(v, 0), "chosen": v in chosen, "id": checkbox_id(name, v)}
                   for v in values]
        groups.append({"name": name, "options": options})
    return groups


def page_numbers(current: int, last: int) -> list[int | None]:
    """Pages to link: the first, the last and the current one's neighbours; None is a gap."""
    wanted = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    numbers: list[int | None] = []
    for number in wanted:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def page_context(request: Request, search: SearchRequest, result: SearchResult | None,
                 **extra: Any) -> dict[str, Any]:
    page_path = request.app.route_reverse("search-page")
    feed_path = request.app.route_reverse("opportunities-feed")
    alert_path = request.app.route_reverse("alert-new")
    last_page = min(result.pages, 5000 // search.per_page) if result else 1
    return {
        "search": search,
        "result": result,
        "today": city_today(),  # the day a card's "closes in" counts from
        "facet_groups": facet_groups(search, result),
        "filtered": bool(search.filters()),
        "pages": page_numbers(search.page, last_page) if result and result.total else [],
        "last_page": last_page,
        "url": lambda **changes: search_url(page_path, search, **changes),
        "feed_url": search_url(feed_path, search, sort="relevance", page=1),
        "clear_url": search_url(page_path, SearchRequest(q=search.q)),
        # The search as it stands (words and filters), for the alert form.
        "alert_url": search_url(alert_path, search, sort="relevance", page=1),
        **extra,
    }


UNIT_NAMES_SECONDS = 30


def unit_names(engine: Engine, language: str, version: int) -> dict[str, str]:
    """Unit key -> its name in `language`, for the units that have one (cards and facets
    show the key, a Finnish name, for the others). Read once per index version and
    UNIT_NAMES_SECONDS: an administrator's new name shows within that time."""
    return _unit_names(engine, language, version, int(time.monotonic() // UNIT_NAMES_SECONDS))


@functools.lru_cache(maxsize=64)
def _unit_names(engine: Engine, language: str, _version: int, _window: int) -> dict[str, str]:
    with Session(engine) as session:
        units = session.exec(select(Unit)).all()
    return {unit.name: shown for unit in units
            if (shown := getattr(unit, f"name_{language}", None)) and shown != unit.name}


def search_context(request: Request, services: ServicesDep) -> tuple[int, dict[str, Any]]:
    """The status and template context of a search page: searches (may block), never raises."""
    # A language chosen in the address stays in the form, so typing keeps it in the URL too.
    explicit_language = request.query_params.get("lang") in LANGUAGE_CHOICES
    names = unit_names(services.db, negotiate_language(request), services.answers.version.value)
    try:
        search = replace(parse_request(query_lists(request), default_per_page=PAGE_SIZE),
                         interface_language=negotiate_language(request))
    except SearchParamError as error:
        return 400, page_context(request, SearchRequest(), None, error=error,
                                 explicit_language=explicit_language, unit_names=names)
    # The fragment re-renders facet counts too: counts that lag behind the query would mislead.
    try:
        result = services.answers.search(search)
    except SearchUnavailable as error:
        log.warning("search page degraded: %s", error)
        return 503, page_context(request, search, None, unavailable=True,
                                 explicit_language=explicit_language, unit_names=names)
    if result.total == 0:
        services.answers.note_miss(search)
    return 200, page_context(request, search, result, explicit_language=explicit_language,
                             unit_names=names)


def render_search_page(request: Request, services: ServicesDep, key: PageKey, version: int) -> RenderedPage:
    """Search and render (in a worker thread); keep the page if it shows a full answer.

    Pages are kept gzipped: a fifth to a seventh of the size, so thousands fit in a few MB,
    sent as they are to browsers that take gzip and inflated in some 20 µs for the others.
    The page holds no secret (no session, no CSRF token), so compressing it leaks nothing.
    """
    _, language, fragment, _ = key
    status, context = search_context(request, services)
    template = request.app.template_engine.get_template("search/_fragment.html" if fragment
                                                        else "search/page.html")
    html = template.render(**context, request=request, lang=language).encode()
    body = gzip.compress(html, compresslevel=1, mtime=0)
    # A long address is no popular search; unknown parameters are ignored but echoed in the
    # language links, so keeping such pages would let anyone fill the cache with padding.
    result = context["result"]
    missed = context["search"] if status == 200 and result.total == 0 else None
    if status == 200 and not result.degraded and len(key[3]) <= MAX_KEPT_QUERY_BYTES:
        services.answers.keep_page(key, version, (status, body, missed))
    return status, body, missed


@get("/", name="search-page", include_in_schema=False, cache_control=PUBLIC)
async def search_page(request: Request, services: ServicesDep) -> Response[bytes]:
    """Async: a page already rendered for this address and index version costs no thread hop.

    Rendering 20 cards with their dates and facets costs some milliseconds of CPU, several times
    what Meilisearch spends on the answer, and in a rush most requests repeat a popular search.
    """
    # All a page shows follows from these: the day (deadlines), the language, whether htmx
    # asks for the results only, and the address (the search and the language links).
    key: PageKey = (city_today(), negotiate_language(request), is_fragment_request(request),
                    request.scope["query_string"])
    page = services.answers.kept_page(key)
    if page is None:
        version = services.answers.version.value
        page = await services.answers.shared(
            ("page", key, version), lambda: render_search_page(request, services, key, version))
    elif page[2] is not None:
        services.answers.note_miss(page[2])
    status, packed, _ = page
    if accepts_gzip(request.headers.get("accept-encoding", "")):
        return Response(packed, status_code=status, media_type=MediaType.HTML,
                        headers={**VARY, "Content-Encoding": "gzip"})
    return Response(gzip.decompress(packed), status_code=status, media_type=MediaType.HTML, headers=VARY)
