"""`/sitemap.xml` and `/robots.txt`: exactly the openings students can find, on PUBLIC_URL.

A sitemap file holds at most 50,000 URLs (sitemaps.org); past that `/sitemap.xml` becomes a
sitemap index of numbered files, each a keyset page of the same query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from xml.etree import ElementTree as ET

from litestar import Response, get
from sqlalchemy import func
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.visibility import searchable_clause
from opportunity_bank.search.documents import detail_url
from opportunity_bank.web.params import RowId
from opportunity_bank.web.services import ServicesDep

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS_PER_FILE = 50_000
XML_TYPE = "application/xml; charset=utf-8"
# Pages for staff, sign-in and machine clients: nothing a search engine should list.
PRIVATE_PREFIXES = ("/my/", "/hr/", "/admin/", "/auth/", "/login", "/api/", "/alerts/", "/review")


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    opportunity_id: int
    lastmod: datetime


def lastmod_text(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def urlset(base_url: str, entries: Iterable[SitemapEntry]) -> bytes:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    for entry in entries:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = base_url + detail_url(entry.opportunity_id)
        ET.SubElement(url, "lastmod").text = lastmod_text(entry.lastmod)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def sitemap_index(base_url: str, files: int) -> bytes:
    root = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for number in range(1, files + 1):
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = f"{base_url}/sitemaps/{number}"
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def robots_txt(base_url: str) -> str:
    lines = ["User-agent: *", *(f"Disallow: {prefix}" for prefix in PRIVATE_PREFIXES), "",
             f"Sitemap: {base_url}/sitemap.xml", ""]
    return "\n".join(lines)


def searchable_total(session: Session, today: date) -> int:
    return session.exec(select(func.count()).select_from(Opportunity).where(searchable_clause(today))).one()


def searchable_entries(session: Session, today: date, page: int, per_file: int) -> list[SitemapEntry]:
    """Page `page` (from 1) of the searchable openings in id order."""
    rows = session.exec(
        select(Opportunity.id, Opportunity.updated_at)
        .where(searchable_clause(today))
        .order_by(Opportunity.id)
        .offset((page - 1) * per_file)
        .limit(per_file)
    ).all()
    return [SitemapEntry(opportunity_id, updated) for opportunity_id, updated in rows]


def file_count(total: int, per_file: int) -> int:
    return max(1, -(-total // per_file))


def sitemap_body(session: Session, base_url: str, today: date, per_file: int = MAX_URLS_PER_FILE) -> bytes:
    total = searchable_total(session, today)
    if total <= per_file:
        return urlset(base_url, searchable_entries(session, today, 1, per_file))
    return sitemap_index(base_url, file_count(total, per_file))


def xml(body: bytes) -> Response:
    return Response(body, media_type=XML_TYPE, headers={"Cache-Control": "public, max-age=3600"})


@get("/sitemap.xml", name="sitemap", sync_to_thread=True, include_in_schema=False)
def sitemap(services: ServicesDep) -> Response:
    with Session(services.db) as session:
        return xml(sitemap_body(session, services.settings.base_url, city_today()))


@get("/sitemaps/{number:int}", name="sitemap-file", sync_to_thread=True, include_in_schema=False)
def sitemap_file(number: RowId, services: ServicesDep) -> Response:
    today = city_today()
    with Session(services.db) as session:
        if number > file_count(searchable_total(session, today), MAX_URLS_PER_FILE):
            return Response("no such sitemap file\n", status_code=404, media_type="text/plain")
        entries = searchable_entries(session, today, number, MAX_URLS_PER_FILE)
    return xml(urlset(services.settings.base_url, entries))


@get("/robots.txt", name="robots", sync_to_thread=False, include_in_schema=False)
def robots(services: ServicesDep) -> Response:
    return Response(robots_txt(services.settings.base_url), media_type="text/plain",
                    headers={"Cache-Control": "public, max-age=86400"})


ROUTES = [sitemap, sitemap_file, robots]
