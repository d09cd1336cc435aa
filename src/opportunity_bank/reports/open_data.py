"""Open data: positions offered and filled per year, unit and kind (CC BY 4.0, no personal data).

The rows are the HR report's by-unit view over every year the bank has counted postings or
unit targets for, from the same queries (reports.yearly.report_rows), so the published numbers
and HR's agree exactly. Centre-wide targets are not shared out among units, as in the report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from litestar import Response, get
from litestar.response import Template
from sqlalchemy import func
from sqlmodel import Session, select

from opportunity_bank.models import LANGUAGES, ReportTotal, Target, Unit
from opportunity_bank.reports.arithmetic import COUNTED_STATUSES, MAX_SPAN_YEARS, ReportRow
from opportunity_bank.reports.exports import table_csv
from opportunity_bank.reports.yearly import report_rows
from opportunity_bank.web.http import PUBLIC
from opportunity_bank.web.services import Services, ServicesDep

REPORT_COLUMNS = ("year", "unit", "kind", "postings", "positions", "filled_positions", "target")
UNIT_NAME_COLUMNS = tuple(f"unit_{language}" for language in LANGUAGES)
COLUMNS = (*REPORT_COLUMNS, *UNIT_NAME_COLUMNS)
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
PUBLISHER = {"title": "City of Espoo, Urban Technology Centre", "path": "https://www.espoo.fi"}
FIELDS = [
    {"name": "year", "type": "year", "description": "the year the postings count toward"},
    {"name": "unit", "type": "string", "description": "the unit of the Urban Technology Centre"},
    {"name": "kind", "type": "string", "constraints": {"enum": ["thesis", "internship", "summer_job"]},
     "description": "thesis topic, internship or summer job"},
    {"name": "postings", "type": "integer", "description": "openings published that year"},
    {"name": "positions", "type": "integer", "description": "positions those openings offered"},
    {"name": "filled_positions", "type": "integer", "description": "positions filled"},
    {"name": "target", "type": "integer",
     "description": "the unit's own target in positions, empty where none is set"},
    *({"name": f"unit_{language}", "type": "string", "description": f"the unit's name in {name}"}
      for language, name in (("fi", "Finnish"), ("sv", "Swedish"), ("en", "English"))),
]
CACHE = {"Cache-Control": "public, max-age=3600"}


@dataclass(frozen=True, slots=True)
class YearSpan:
    first: int
    last: int


def counted_years(session: Session) -> YearSpan | None:
    """The years with counted postings or unit targets; None while the bank has neither."""
    totals = ReportTotal.__table__.c
    spans = [
        session.exec(select(func.min(totals.year), func.max(totals.year))
                     .where(totals.status.in_(sorted(COUNTED_STATUSES)), totals.postings > 0)).one(),
        session.exec(select(func.min(Target.year), func.max(Target.year))
                     .where(Target.unit_id.is_not(None))).one(),
    ]
    firsts = [first for first, _ in spans if first is not None]
    lasts = [last for _, last in spans if last is not None]
    if not firsts:
        return None
    last = max(lasts)
    # The report refuses longer ranges; older years than that are history, not statistics.
    return YearSpan(max(min(firsts), last - MAX_SPAN_YEARS + 1), last)


def open_data_records(session: Session) -> list[dict[str, Any]]:
    span = counted_years(session)
    if span is None:
        return []
    units = {unit.name: unit for unit in session.exec(select(Unit))}
    return [as_record(row, units.get(row.unit))
            for row in report_rows(session, span.first, span.last, by_unit=True)]


def as_record(row: ReportRow, unit: Unit | None) -> dict[str, Any]:
    record = {name: getattr(row, name) for name in REPORT_COLUMNS}
    for language in LANGUAGES:
        record[f"unit_{language}"] = unit.name_in(language) if unit else row.unit
    return record


def positions_csv(records: list[dict[str, Any]]) -> str:
    return table_csv(COLUMNS, [[record[name] for name in COLUMNS] for record in records])


def data_package(base_url: str) -> dict[str, Any]:
    """A Frictionless data package describing the two files."""
    schema = {"fields": FIELDS, "primaryKey": ["year", "unit", "kind"], "missingValues": [""]}
    return {
        "profile": "tabular-data-package",
        "name": "espoo-opportunity-bank-positions",
        "title": "Theses, internships and summer jobs of Espoo's Urban Technology Centre",
        "description": "Openings, positions offered and filled, and targets per year, unit and kind.",
        "homepage": base_url + "/",
        "licenses": [LICENSE],
        "contributors": [{**PUBLISHER, "role": "publisher"}],
        "resources": [
            {"name": "positions", "path": base_url + "/open-data/positions.csv", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
             "schema": schema},
            {"name": "positions-json", "path": base_url + "/open-data/positions.json", "format": "json",
             "mediatype": "application/json", "profile": "tabular-data-resource", "schema": schema},
        ],
    }


def records_of(services: Services) -> list[dict[str, Any]]:
    with Session(services.db) as session:
        return open_data_records(session)


@get("/open-data", name="open-data", sync_to_thread=False, include_in_schema=False, cache_control=PUBLIC)
def open_data_page() -> Template:
    return Template("pages/open_data.html", context={"fields": [f["name"] for f in FIELDS]})


@get("/open-data/positions.csv", name="open-data-csv", sync_to_thread=True, include_in_schema=False)
def open_data_csv(services: ServicesDep) -> Response:
    return Response(positions_csv(records_of(services)), media_type="text/csv", headers={
        **CACHE, "Content-Disposition": 'attachment; filename="positions.csv"'})


@get("/open-data/positions.json", name="open-data-json", sync_to_thread=True, include_in_schema=False)
def open_data_json(services: ServicesDep) -> Response:
    body = json.dumps(records_of(services), ensure_ascii=False)
    return Response(body, media_type="application/json", headers=CACHE)


@get("/open-data/datapackage.json", name="open-data-package", sync_to_thread=False, include_in_schema=False)
def open_data_package(services: ServicesDep) -> Response:
    return Response(json.dumps(data_package(services.settings.base_url), ensure_ascii=False),
                    media_type="application/json", headers=CACHE)


ROUTES = [open_data_page, open_data_csv, open_data_json, open_data_package]
