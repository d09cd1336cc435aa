"""One JSON error shape for the API: a status, a sentence, and the fields at fault."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import msgspec
from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.response import Redirect, Template
from litestar.status_codes import (
    HTTP_303_SEE_OTHER,
    HTTP_400_BAD_REQUEST,
    HTTP_401_UNAUTHORIZED,
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_405_METHOD_NOT_ALLOWED,
    HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    HTTP_429_TOO_MANY_REQUESTS,
    HTTP_500_INTERNAL_SERVER_ERROR,
)
from sqlalchemy.exc import DataError

from opportunity_bank.incidents import log_unexpected
from opportunity_bank.web.csrf import REFUSED as CSRF_REFUSED

log = logging.getLogger(__name__)
# What Litestar names the request body in its validation problems.
BODY_PARAMETER = "data"
PAGE_PROBLEMS = {HTTP_405_METHOD_NOT_ALLOWED: "method", HTTP_413_REQUEST_ENTITY_TOO_LARGE: "too_large"}
MEANINGS = {400: "bad request: each bad parameter named", 401: "no valid token or session",
            403: "role or CSRF refused", 404: "not found, or not yours to see",
            409: "not possible from the current status", 413: "file larger than 10 MB",
            415: "not multipart/form-data", 422: "invalid fields, each named",
            429: "too many requests for this address or from this client",
            503: "search is busy: try again after Retry-After seconds"}


class FieldError(msgspec.Struct):
    field: str  # a parameter's or body field's name; empty when no one field is at fault
    message: str


class ErrorBody(msgspec.Struct):
    """Every 4xx and 5xx answer of the API has this shape."""

    status_code: int
    detail: str
    errors: list[FieldError]


def error_responses(*codes: int) -> dict[int, ResponseSpec]:
    """The error answers of an operation, for its OpenAPI description."""
    return {code: ResponseSpec(ErrorBody, description=MEANINGS[code], generate_examples=False)
            for code in codes}


def error_body(status: int, detail: str, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"status_code": status, "detail": detail, "errors": errors or []}


def json_error(status: int, detail: str, errors: list[dict[str, str]] | None = None) -> Response:
    return Response(error_body(status, detail, errors), status_code=status, media_type=MediaType.JSON)


def validation_error(request: Request, exc: ValidationException) -> Response:
    items = [item for item in (exc.extra if isinstance(exc.extra, list) else []) if isinstance(item, dict)]
    if wants_page(request):
        # A page's address with an id no row can have (0, -1, 30 digits) names no page.
        if any(item.get("source") == "path" for item in items):
            return Template("errors/not_found.html", status_code=HTTP_404_NOT_FOUND)
        return refused_page(exc.status_code, "bad_request")
    errors = [body_named(str(item.get("key", "")), str(item.get("message", ""))) for item in items]
    fields = ", ".join(e["field"] for e in errors if e["field"])
    detail = f"invalid {fields}" if fields else "invalid request"
    return json_error(exc.status_code, detail, errors)


def body_named(field: str, message: str) -> dict[str, str]:
    """A problem in the words a client knows: Litestar calls the request body ``data`` and, when
    there is none, says only ``'data'``."""
    if field != BODY_PARAMETER:
        return {"field": field, "message": message}
    if message.strip("'") in ("", BODY_PARAMETER):
        message = "the request has no body; send a JSON object"
    return {"field": "body", "message": message}


def wants_page(request: Request) -> bool:
    """A browser asking for a page (not the API, not a script): it gets an HTML error page."""
    accept = request.headers.get("accept", "")
    return not request.url.path.startswith("/api/") and "text/html" in accept


def refused_page(status: int, problem: str) -> Template:
    """A browser's request refused: what happened and what to do, in the page's language."""
    return Template("errors/refused.html", context={"problem": problem}, status_code=status)


def sign_in_redirect(request: Request, _exc: HTTPException | None = None) -> Response:
    """To sign-in, and back to this page afterwards (the login form checks `next` is local).

    A form sent once the session had ended goes back to the page that held the form: the
    address it was sent to takes no GET.
    """
    if request.method in ("GET", "HEAD"):
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    else:
        referer = urlsplit(request.headers.get("referer", ""))
        same_site = referer.netloc in ("", request.url.netloc)
        here = (referer.path + (f"?{referer.query}" if referer.query else "")) if same_site else ""
    return Redirect(request.app.route_reverse("login"), status_code=HTTP_303_SEE_OTHER,
                    query_params={"next": here} if here else None)


def http_error(request: Request, exc: HTTPException) -> Response:
    if wants_page(request):
        if exc.status_code == HTTP_404_NOT_FOUND:
            return Template("errors/not_found.html", status_code=HTTP_404_NOT_FOUND)
        if exc.status_code == HTTP_401_UNAUTHORIZED and request.method in ("GET", "HEAD"):
            return sign_in_redirect(request)
        if exc.status_code == HTTP_403_FORBIDDEN and exc.detail == CSRF_REFUSED:
            return refused_page(HTTP_403_FORBIDDEN, "expired_form")
        if exc.status_code in (HTTP_401_UNAUTHORIZED, HTTP_403_FORBIDDEN):
            return Template("errors/forbidden.html", status_code=HTTP_403_FORBIDDEN)
        if 400 <= exc.status_code < 500 and exc.status_code != HTTP_429_TOO_MANY_REQUESTS:
            return refused_page(exc.status_code, PAGE_PROBLEMS.get(exc.status_code, "bad_request"))
    if isinstance(exc.__cause__, SerializationException):  # a body that is not valid JSON
        return json_error(exc.status_code, "invalid body",
                          [{"field": "body", "message": f"not valid JSON ({exc.detail})"}])
    return Response(
        error_body(exc.status_code, exc.detail),
        status_code=exc.status_code,
        media_type=MediaType.JSON,
        headers=exc.headers,
    )


def out_of_range(request: Request, exc: OverflowError | DataError) -> Response:
    # A value the database cannot hold (an id of 30 digits in a path, say) is bad input. The
    # message of a DataError carries the statement's parameters: only its kind is logged.
    kind = type(getattr(exc, "orig", None) or exc).__name__
    log.warning("value out of range on %s %s (%s)", request.method, request.url.path, kind)
    return json_error(HTTP_400_BAD_REQUEST, "a value in the request is out of range")


def too_deep(request: Request, _exc: RecursionError) -> Response:
    # Decoding JSON nested a thousand deep runs out of stack: bad input, not a bug of ours.
    log.warning("body nested too deeply on %s %s", request.method, request.url.path)
    return json_error(HTTP_400_BAD_REQUEST, "the body is nested too deeply",
                      [{"field": "body", "message": "is nested too deeply"}])


def internal_error(request: Request, exc: Exception) -> Response:
    # The trace goes to the log only, under an id the person can quote: a response must
    # never carry internals.
    error_id = log_unexpected(f"{request.method} {request.url.path}", exc)
    if wants_page(request):
        return Template("errors/internal.html", context={"error_id": error_id},
                        status_code=HTTP_500_INTERNAL_SERVER_ERROR)
    # The id goes in the detail: the body keeps the one error shape the schema describes.
    return json_error(HTTP_500_INTERNAL_SERVER_ERROR, f"internal error {error_id}")


EXCEPTION_HANDLERS = {
    ValidationException: validation_error,
    HTTPException: http_error,
    OverflowError: out_of_range,
    DataError: out_of_range,
    RecursionError: too_deep,
    Exception: internal_error,
}
