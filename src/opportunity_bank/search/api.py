"""GET /api/v1/search: what students' apps and the search page ask."""

from __future__ import annotations

import logging
from typing import Annotated, Literal

import msgspec
from litestar import MediaType, Request, Response, get
from litestar.params import Parameter

from opportunity_bank.models.enums import Kind
from opportunity_bank.search.engine import SearchUnavailable
from opportunity_bank.search.query import (
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_QUERY_CHARS,
    MAX_VALUE_CHARS,
    MAX_VALUES,
    make_request,
)
from opportunity_bank.search.schemas import SearchAnswer
from opportunity_bank.web.errors import error_responses, json_error
from opportunity_bank.web.http import PUBLIC
from opportunity_bank.web.services import ServicesDep

log = logging.getLogger(__name__)

SEARCH_PARAMS = ("q", "kind", "unit", "language", "level", "page", "per_page", "sort", "facets")
# Literal types rather than strings: the schema lists the values and Litestar refuses others
# with a 400 naming the parameter, like every other bad parameter.
Language = Literal["fi", "sv", "en"]
Level = Literal["vocational", "bachelor", "master", "doctoral"]
Sort = Literal["relevance", "deadline", "newest"]
UnitName = Annotated[str, msgspec.Meta(max_length=MAX_VALUE_CHARS)]


def query_lists(request: Request) -> dict[str, list[str]]:
    return {name: request.query_params.getall(name, []) for name in SEARCH_PARAMS}


@get("/api/v1/search", name="api-search", tags=["search"], responses=error_responses(400, 503),
     cache_control=PUBLIC)
async def search_api(
    services: ServicesDep,
    q: Annotated[str, Parameter(
        description=f"Words to find, in any of fi/sv/en (cut at {MAX_QUERY_CHARS} characters)")] = "",
    kind: Annotated[list[Kind] | None, Parameter(description="repeatable", max_items=MAX_VALUES)] = None,
    unit: Annotated[list[UnitName] | None, Parameter(description="Unit name; repeatable",
                                                     max_items=MAX_VALUES)] = None,
    language: Annotated[list[Language] | None, Parameter(description="working language; repeatable",
                                                         max_items=MAX_VALUES)] = None,
    level: Annotated[list[Level] | None, Parameter(description="degree level; repeatable",
                                                   max_items=MAX_VALUES)] = None,
    page: Annotated[int, Parameter(ge=1, le=MAX_PAGE)] = 1,
    per_page: Annotated[int, Parameter(ge=1, le=MAX_PER_PAGE)] = 20,
    sort: Annotated[Sort, Parameter(description="relevance: best match first")] = "relevance",
    facets: Annotated[bool, Parameter(description="false: no facet counts (as-you-type)")] = True,
) -> Response[SearchAnswer]:
    """Published openings whose application deadline has not passed, with facet counts.

    Async so that an answer already in the cache costs no thread hop; a miss goes to a thread.
    The body is the cached JSON of a `SearchAnswer`, sent as it is kept.
    """
    search_request = make_request(q=q, kind=kind or (), unit=unit or (), language=language or (),
                                  level=level or (), page=page, per_page=per_page, sort=sort,
                                  facets=facets)
    try:
        body = await services.answers.search_json(search_request)
    except SearchUnavailable as error:
        log.warning("search API unavailable: %s", error)
        refused = json_error(503, "search is busy; try again in a moment")
        refused.headers.update({"Retry-After": "1", "Cache-Control": "no-store"})
        return refused
    return Response(body, media_type=MediaType.JSON)
