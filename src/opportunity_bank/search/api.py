"""GET /api/v1/search: what students' apps and the search page ask."""

from __future__ import annotations

import logging
from typing import Annotated

from litestar import MediaType, Request, Response, get
from litestar.params import Parameter

from opportunity_bank.search.engine import SearchUnavailable
from opportunity_bank.search.query import MAX_PAGE, SORTS, parse_request
from opportunity_bank.web.errors import json_error
from opportunity_bank.web.services import ServicesDep

log = logging.getLogger(__name__)

SEARCH_PARAMS = ("q", "kind", "unit", "language", "level", "page", "per_page", "sort", "facets")


def query_lists(request: Request) -> dict[str, list[str]]:
    return {name: request.query_params.getall(name, []) for name in SEARCH_PARAMS}


@get("/api/v1/search", name="api-search", tags=["search"])
async def search_api(
    request: Request,
    services: ServicesDep,
    q: Annotated[str | None, Parameter(description="Words to find, in any of fi/sv/en")] = None,
    kind: Annotated[list[str] | None, Parameter(description="thesis, internship, summer_job")] = None,
    unit: Annotated[list[str] | None, Parameter(description="Unit name; repeatable")] = None,
    language: Annotated[list[str] | None, Parameter(description="fi, sv, en; repeatable")] = None,
    level: Annotated[list[str] | None, Parameter(description="vocational, bachelor, master…")] = None,
    page: Annotated[int | None, Parameter(ge=1, le=MAX_PAGE)] = None,
    per_page: Annotated[int | None, Parameter(ge=1, le=100)] = None,
    sort: Annotated[str | None, Parameter(description=" | ".join(SORTS))] = None,
    facets: Annotated[bool | None, Parameter(description="false: no facet counts (as-you-type)")] = None,
) -> Response[bytes]:
    """Published openings whose application deadline has not passed, with facet counts.

    Async so that an answer already in the cache costs no thread hop; a miss goes to a thread.
    """
    search_request = parse_request(query_lists(request))
    try:
        body = await services.answers.search_json(search_request)
    except SearchUnavailable as error:
        log.warning("search API unavailable: %s", error)
        refused = json_error(503, "search is busy; try again in a moment")
        refused.headers["Retry-After"] = "1"
        return refused
    return Response(body, media_type=MediaType.JSON)
