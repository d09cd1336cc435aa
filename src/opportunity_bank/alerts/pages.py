"""The alert pages and API: subscribe, confirm (a POST), one-click unsubscribe, manage, privacy.

Token pages answer no-store and no-referrer: the token in the address is the key to the
subscription, so it must not be cached or sent to another site.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import Annotated, Any

from litestar import Request, Response, Router, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, JSONBody, PathParameter
from litestar.response import Template
from litestar.status_codes import (
    HTTP_202_ACCEPTED,
    HTTP_400_BAD_REQUEST,
    HTTP_404_NOT_FOUND,
    HTTP_422_UNPROCESSABLE_ENTITY,
    HTTP_429_TOO_MANY_REQUESTS,
)
from pydantic import BaseModel, Field
from sqlmodel import Session

from opportunity_bank.accounts.identity import client_ip
from opportunity_bank.alerts import service
from opportunity_bank.alerts.rules import (
    FREQUENCIES,
    AlertInputError,
    FieldProblem,
    SavedSearch,
    parse_alert,
    parse_search,
)
from opportunity_bank.search.documents import FACETS
from opportunity_bank.search.pages import search_url
from opportunity_bank.search.query import SearchParamError
from opportunity_bank.web.errors import error_responses, json_error
from opportunity_bank.web.i18n import LANGUAGES, gettext_for, negotiate_language
from opportunity_bank.web.params import SMALL_BODY
from opportunity_bank.web.services import ServicesDep

log = logging.getLogger(__name__)
FormData = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.URL_ENCODED)]
# Any text: an unknown or overlong token gets the friendly page, not a validation error.
Token = Annotated[str, PathParameter(description="the token from the link in the mail")]
PRIVATE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def problem_message(problem: FieldProblem, gettext: Callable[[str], str]) -> str:
    messages = {
        "email": gettext("Enter an e-mail address, such as name@example.fi."),
        "frequency": gettext("Choose daily or weekly."),
        "language": gettext("Choose Finnish, Swedish or English."),
        "rate": gettext("Too many alert requests in a short time. Try again in an hour."),
        "search": gettext("The search has a setting that cannot be used:"),
    }
    text = messages[problem.code]
    return f"{text} {problem.detail}" if problem.detail else text


def form_values(data: Mapping[str, Any]) -> dict[str, Any]:
    """A form's fields as the API's shape; repeated fields arrive as lists."""
    def listed(name: str) -> list[str]:
        value = data.get(name, [])
        return [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]

    return {
        "email": data.get("email", ""), "frequency": data.get("frequency", "weekly"),
        "language": data.get("language", "fi"),
        "search": {"q": data.get("q", ""), **{name: listed(name) for name in FACETS}},
    }


def form_page(request: Request, search: SavedSearch, values: Mapping[str, Any],
              errors: dict[str, str] | None = None, status_code: int = 200) -> Template:
    return Template("alerts/new.html", status_code=status_code, context={
        "saved": search, "values": values, "errors": errors or {}, "frequencies": FREQUENCIES,
        "search_link": search_url("/", search.request()),
        "interface_language": negotiate_language(request),
    })


def message_page(kind: str, status_code: int = 200, **context: Any) -> Template:
    return Template("alerts/message.html", status_code=status_code, headers=PRIVATE,
                    context={"kind": kind, **context})


def invalid_link() -> Template:
    return message_page("invalid", HTTP_404_NOT_FOUND)


# --- subscribing -------------------------------------------------------------------------------

@get("/new", name="alert-new", sync_to_thread=False, include_in_schema=False)
def new_alert(request: Request) -> Template:
    """The form for the search as it stands (the search page links here with its parameters)."""
    params = {name: request.query_params.getall(name, []) for name in ("q", *FACETS)}
    try:
        search = parse_search({k: v for k, v in params.items() if v})
    except SearchParamError:
        search = SavedSearch()
    return form_page(request, search, {"frequency": "weekly", "language": negotiate_language(request)})


@post("/new", name="alert-create", sync_to_thread=True, include_in_schema=False,
      request_max_body_size=SMALL_BODY)
def create_alert(request: Request, data: FormData, services: ServicesDep) -> Template:
    values = form_values(data)
    gettext = gettext_for(negotiate_language(request))
    try:
        wanted = parse_alert(values)
        with Session(services.db, expire_on_commit=False) as session:
            service.subscribe(session, wanted, client_ip(request))
            session.commit()
    except AlertInputError as error:
        search = SavedSearch()
        with suppress(SearchParamError):
            search = parse_search(values["search"])
        errors = {p.field: problem_message(p, gettext) for p in error.problems}
        return form_page(request, search, values, errors, HTTP_422_UNPROCESSABLE_ENTITY)
    except service.RateLimited:
        return form_page(request, wanted.search, values,
                         {"email": problem_message(FieldProblem("email", "rate"), gettext)},
                         HTTP_429_TOO_MANY_REQUESTS)
    return message_page("requested")


class AlertSearchIn(BaseModel):
    q: str = ""
    kind: list[str] = Field(default_factory=list)
    unit: list[str] = Field(default_factory=list)
    language: list[str] = Field(default_factory=list)
    level: list[str] = Field(default_factory=list)


class AlertIn(BaseModel):
    email: str
    frequency: str = "weekly"
    language: str = "fi"
    search: AlertSearchIn = Field(default_factory=AlertSearchIn)


class AlertAccepted(BaseModel):
    status: str = "confirmation_sent"
    detail: str


@post("/api/v1/alerts", name="api-alerts", status_code=HTTP_202_ACCEPTED, sync_to_thread=True,
      tags=["alerts"], responses=error_responses(400, 429), request_max_body_size=SMALL_BODY)
def create_alert_api(request: Request, data: JSONBody[AlertIn],
                     services: ServicesDep) -> AlertAccepted | Response:
    """Subscribe an address to new openings matching a search; a confirmation mail is sent.

    Nothing else is mailed until the link in it is confirmed. The same address and search
    again does not create a second subscription. 400 names each field at fault.
    """
    language = data.language if data.language in LANGUAGES else negotiate_language(request)
    gettext = gettext_for(language)
    try:
        wanted = parse_alert(data.model_dump())
        with Session(services.db, expire_on_commit=False) as session:
            service.subscribe(session, wanted, client_ip(request))
            session.commit()
    except AlertInputError as error:
        problems = [{"field": p.field, "message": problem_message(p, gettext)} for p in error.problems]
        return json_error(HTTP_400_BAD_REQUEST, f"invalid {', '.join(p['field'] for p in problems)}",
                          problems)
    except service.RateLimited:
        message = problem_message(FieldProblem("email", "rate"), gettext)
        return json_error(HTTP_429_TOO_MANY_REQUESTS, message, [{"field": "email", "message": message}])
    return AlertAccepted(detail=gettext("Check your e-mail and confirm the alert with the link in it."))


# --- confirming --------------------------------------------------------------------------------

@get("/confirm/{token:str}", name="alert-confirm-page", sync_to_thread=True, include_in_schema=False)
def confirm_page(token: Token, services: ServicesDep) -> Template:
    """Shows a button only: mail scanners fetch links, and fetching must not confirm."""
    with Session(services.db) as session:
        found = service.find_token(session, token, service.CONFIRM)
    if found.subscription is None:
        return invalid_link()
    if found.used:
        return message_page("already_confirmed")
    return Template("alerts/confirm.html", headers=PRIVATE,
                    context={"token": token, "subscription": found.subscription})


@post("/confirm/{token:str}", name="alert-confirm", sync_to_thread=True, include_in_schema=False,
      request_max_body_size=SMALL_BODY)
def confirm_alert(token: Token, services: ServicesDep) -> Template:
    with Session(services.db, expire_on_commit=False) as session:
        found = service.find_token(session, token, service.CONFIRM)
        if found.subscription is None:
            return invalid_link()
        if found.used:
            return message_page("already_confirmed")
        service.confirm(session, found.subscription, token)
        manage = service.issue_token(session, found.subscription, service.MANAGE)
        session.commit()
    return message_page("confirmed", manage_path=f"/alerts/manage/{manage}")


# --- unsubscribing and managing ------------------------------------------------------------------

@get("/unsubscribe/{token:str}", name="alert-unsubscribe-page", sync_to_thread=True,
     include_in_schema=False)
def unsubscribe_page(token: Token, services: ServicesDep) -> Template:
    with Session(services.db) as session:
        found = service.find_token(session, token, service.MANAGE)
    if found.subscription is None:
        return message_page("unsubscribed")
    return Template("alerts/unsubscribe.html", headers=PRIVATE, context={"token": token})


@post("/unsubscribe/{token:str}", name="alert-unsubscribe", sync_to_thread=True,
      include_in_schema=False, exclude_from_csrf=True, request_max_body_size=SMALL_BODY)
def unsubscribe(token: Token, services: ServicesDep) -> Template:
    """RFC 8058 one-click: mail providers POST `List-Unsubscribe=One-Click` here with no cookies,
    so this one route takes no CSRF token; the unguessable token in the address is the proof.
    Idempotent: a second POST (or one for a deleted subscription) answers the same page."""
    with Session(services.db) as session:
        found = service.find_token(session, token, service.MANAGE)
        if found.subscription is not None:
            log.info("alert subscription %d unsubscribed", found.subscription.id)
            service.remove(session, found.subscription)
            session.commit()
    return message_page("unsubscribed")


@get("/manage/{token:str}", name="alert-manage-page", sync_to_thread=True, include_in_schema=False)
def manage_page(token: Token, services: ServicesDep) -> Template:
    with Session(services.db) as session:
        found = service.find_token(session, token, service.MANAGE)
        if found.subscription is None:
            return invalid_link()
        subscription = found.subscription
        search = service.saved_search(subscription)
    return Template("alerts/manage.html", headers=PRIVATE, context={
        "token": token, "subscription": subscription, "saved": search, "frequencies": FREQUENCIES,
        "search_link": search_url("/", search.request()),
    })


@post("/manage/{token:str}", name="alert-manage", sync_to_thread=True, include_in_schema=False,
      request_max_body_size=SMALL_BODY)
def manage_alert(token: Token, data: FormData, services: ServicesDep) -> Template:
    action = data.get("action")
    with Session(services.db, expire_on_commit=False) as session:
        found = service.find_token(session, token, service.MANAGE)
        if found.subscription is None:
            return invalid_link()
        subscription = found.subscription
        if action == "frequency" and data.get("frequency") in FREQUENCIES:
            service.change_frequency(session, subscription, str(data["frequency"]))
            outcome = "saved"
        elif action == "keep":
            service.keep(session, subscription)
            outcome = "saved"
        elif action == "delete":
            service.remove(session, subscription)
            outcome = "unsubscribed"
        elif action == "forget":
            service.forget_address(session, subscription.address_hash)
            outcome = "forgotten"
        else:
            return message_page("bad_action", HTTP_400_BAD_REQUEST, manage_path=f"/alerts/manage/{token}")
        session.commit()
    return message_page(outcome, manage_path=f"/alerts/manage/{token}")


@get("/privacy", name="alert-privacy", sync_to_thread=False, include_in_schema=False)
def privacy_notice() -> Template:
    return Template("alerts/privacy.html")


# A Router: Litestar registers handlers given to the app directly once per handler sharing their
# path, which wraps a sync handler in a thread twice; a router registers copies.
alert_pages = Router(path="/alerts", include_in_schema=False, route_handlers=[
    new_alert, create_alert, confirm_page, confirm_alert, unsubscribe_page, unsubscribe, manage_page,
    manage_alert, privacy_notice])
ROUTES = [alert_pages, create_alert_api]
