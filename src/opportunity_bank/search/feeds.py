"""Atom feeds of searches: `/feeds/opportunities.atom` takes the search page's parameters."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from litestar import MediaType, Request, Response, get
from sqlmodel import Session

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import searchable_openings
from opportunity_bank.search.api import query_lists
from opportunity_bank.search.documents import detail_url
from opportunity_bank.search.engine import SearchUnavailable
from opportunity_bank.search.pages import search_url
from opportunity_bank.search.query import SearchParamError, SearchRequest, parse_request
from opportunity_bank.web.http import PUBLIC
from opportunity_bank.web.i18n import LANGUAGES, gettext_for, kind_label, negotiate_language
from opportunity_bank.web.services import ServicesDep

log = logging.getLogger(__name__)
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAG_PREFIX = "tag:espoo.fi,2025:opportunity-bank"
FEED_SIZE = 50
SUMMARY_CHARS = 400
ATOM_TYPE = "application/atom+xml; charset=utf-8"
# XML 1.0 cannot carry most control characters, even escaped; imported text might hold some.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

ET.register_namespace("", ATOM_NS)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    opportunity: Opportunity
    unit: str


def clean(text: str | None) -> str:
    return NOT_XML.sub("", text or "")


def rfc3339(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def summary_text(entry: FeedEntry, gettext: Callable[[str], str]) -> str:
    o = entry.opportunity
    description = " ".join(clean(o.description).split())
    if len(description) > SUMMARY_CHARS:
        description = description[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    facts = [kind_label(o.kind, gettext), entry.unit]
    if o.application_deadline:
        facts.append(gettext("Apply by %(date)s") % {"date": o.application_deadline.isoformat()})
    return " · ".join(facts) + ("\n\n" + description if description else "")


def _element(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{name}", attributes)
    if text is not None:
        element.text = clean(text)
    return element


def atom_feed(
    entries: Sequence[FeedEntry], *, title: str, feed_url: str, page_url: str, base_url: str,
    language: str, gettext: Callable[[str], str], now: datetime,
) -> bytes:
    """An Atom 1.0 document (RFC 4287) listing openings, newest first."""
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {XML_LANG: language})
    # The feed's identity is its search, not the host it was fetched from.
    _element(feed, "id", f"{TAG_PREFIX}:feed{feed_url[feed_url.index('/feeds/'):]}")
    _element(feed, "title", title)
    updated = max((e.opportunity.updated_at for e in entries), default=now, key=rfc3339)
    _element(feed, "updated", rfc3339(updated))
    author = _element(feed, "author")
    _element(author, "name", gettext("City of Espoo, Urban Technology Centre"))
    _element(author, "uri", "https://www.espoo.fi")
    _element(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _element(feed, "link", rel="alternate", type="text/html", href=page_url)
    _element(feed, "generator", "Opportunity Bank")
    for entry in entries:
        o = entry.opportunity
        item = _element(feed, "entry", **{XML_LANG: o.content_language})
        _element(item, "id", f"{TAG_PREFIX}:opportunity:{o.id}")
        _element(item, "title", o.title)
        _element(item, "updated", rfc3339(o.updated_at))
        if o.published_at:
            _element(item, "published", rfc3339(o.published_at))
        _element(item, "link", rel="alternate", type="text/html", href=base_url + detail_url(o.id))
        # An entry's words follow the entry's own language, as its xml:lang says.
        entry_gettext = gettext_for(o.content_language) if o.content_language in LANGUAGES else gettext
        _element(item, "category", term=o.kind, label=kind_label(o.kind, entry_gettext))
        _element(item, "summary", summary_text(entry, entry_gettext), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def feed_title(search: SearchRequest, gettext: Callable[[str], str]) -> str:
    parts = [kind_label(k, gettext) for k in search.kind]
    if search.q:
        parts.insert(0, f"“{search.q}”")
    site = gettext("Opportunity Bank – City of Espoo")
    return f"{site}: {', '.join(parts)}" if parts else site


def openings_in_order(session: Session, ids: list[int]) -> list[FeedEntry]:
    """The found openings that are still searchable: the index may lag behind the database."""
    rows = session.exec(searchable_openings(city_today()).where(Opportunity.id.in_(ids))).all()
    by_id = {o.id: FeedEntry(o, unit) for o, unit in rows}
    return [by_id[i] for i in ids if i in by_id]


def plain(status: int, text: str) -> Response:
    return Response(text + "\n", status_code=status, media_type=MediaType.TEXT)  # Litestar adds the charset


@get("/feeds/opportunities.atom", name="opportunities-feed", sync_to_thread=True, include_in_schema=False,
     cache_control=PUBLIC)
def opportunities_feed(request: Request, services: ServicesDep) -> Response:
    language = negotiate_language(request)
    gettext = gettext_for(language)
    try:
        search = parse_request(query_lists(request), default_per_page=FEED_SIZE)
    except SearchParamError as error:
        return plain(400, f"{error.field}: {error.message}")
    search = replace(search, sort="newest", page=1, facets=False)
    try:
        result = services.answers.search(search)
    except SearchUnavailable as error:
        log.warning("feed degraded: %s", error)
        return plain(503, gettext("Search is temporarily unavailable. Please try again soon."))
    with Session(services.db) as session:
        entries = openings_in_order(session, [hit["id"] for hit in result.hits])
    base_url = services.settings.base_url
    body = atom_feed(
        entries,
        title=feed_title(search, gettext),
        feed_url=base_url + search_url(request.app.route_reverse("opportunities-feed"), search,
                                       sort="relevance"),
        page_url=base_url + search_url(request.app.route_reverse("search-page"), search),
        base_url=base_url, language=language, gettext=gettext, now=datetime.now(UTC),
    )
    return Response(body, media_type=ATOM_TYPE, headers={"Vary": "Accept-Language, Cookie"})
