"""JSON API for HR: targets and the yearly report (HR and admins only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import msgspec
from litestar import Request, get, put
from litestar.exceptions import ValidationException
from litestar.params import JSONBody, PathParameter, QueryParameter
from sqlmodel import Session

from opportunity_bank.accounts.identity import identify, require_reports
from opportunity_bank.db import session_scope
from opportunity_bank.models.enums import Kind
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.opportunities.schemas import FieldError
from opportunity_bank.reports.exports import to_json
from opportunity_bank.reports.targets import (
    TargetError,
    list_targets,
    parse_target,
    set_target_named,
)
from opportunity_bank.reports.yearly import (
    ReportParamError,
    ReportQuery,
    parse_report_query,
    report_rows,
)
from opportunity_bank.web.errors import error_responses
from opportunity_bank.web.services import ServicesDep

FromYear = Annotated[
    str | None, QueryParameter(name="from", description="first year (default: 4 before `to`)")
]
ToYear = Annotated[
    str | None, QueryParameter(name="to", description="last year (default: this year)")
]


class TargetOut(msgspec.Struct):
    """Positions aimed for in a year and kind; `unit` null for the whole centre."""

    year: int
    kind: Kind
    unit: str | None
    positions: int


class StoredTarget(TargetOut):
    updated_at: datetime


class TargetsAnswer(msgspec.Struct, rename={"year_from": "from", "year_to": "to"}):
    year_from: int
    year_to: int
    targets: list[StoredTarget]


class ReportRowOut(msgspec.Struct, omit_defaults=True):
    """One year and kind (and unit in the by-unit view, else no `unit`) against its target."""

    year: int
    kind: Kind
    postings: int
    positions: int
    filled_positions: int
    target: int | None
    achieved_pct: float | None
    change_positions: int | None
    unit: str | None = None


class YearlyReport(msgspec.Struct):
    rows: list[ReportRowOut]


GUARDED = error_responses(400, 401, 403)


def bad_request(errors: list[FieldError]) -> ValidationException:
    """400 in the one JSON error shape, each error naming its field."""
    return ValidationException(
        detail="; ".join(f"{e.field}: {e.message}" for e in errors),
        extra=[{"key": e.field, "message": e.message} for e in errors],
    )


def report_query(year_from: str | None, year_to: str | None, by: str | None = None) -> ReportQuery:
    try:
        return parse_report_query(
            {"from": year_from, "to": year_to, "by": by}, city_today().year
        )
    except ReportParamError as error:
        raise bad_request([error.error]) from None


@get("/api/v1/targets", name="api-targets", guards=[require_reports], sync_to_thread=True,
     responses=GUARDED)
def targets_api(
    services: ServicesDep,
    year_from: FromYear = None,
    year_to: ToYear = None,
) -> TargetsAnswer:
    """Targets of a range of years (default: the last five years to this one)."""
    query = report_query(year_from, year_to)
    with Session(services.db) as session:
        targets = list_targets(session, query.year_from, query.year_to)
    return TargetsAnswer(year_from=query.year_from, year_to=query.year_to,
                         targets=msgspec.convert([t.as_dict() for t in targets], list[StoredTarget],
                                                 strict=False))


@put("/api/v1/targets/{year:int}/{kind:str}", name="api-target-set",
     guards=[require_reports], sync_to_thread=True, responses=GUARDED)
def set_target_api(
    request: Request,
    services: ServicesDep,
    year: Annotated[int, PathParameter(description="the year the target is for")],
    kind: Annotated[str, PathParameter(description="thesis, internship or summer_job")],
    data: JSONBody[dict[str, Any]],
) -> TargetOut:
    """Set the target of a year and kind, centre-wide or for one unit (`{"positions", "unit"}`)."""
    unknown = sorted(set(data) - {"positions", "unit"})
    if unknown:
        raise bad_request([FieldError(name, "is not a field of a target") for name in unknown])
    try:
        target = parse_target({"year": year, "kind": kind, **data})
        with session_scope(services.db) as session:
            set_target_named(session, target, identify(request))
    except TargetError as error:
        raise bad_request(error.errors) from None
    return TargetOut(year=target.year, kind=target.kind, unit=target.unit, positions=target.positions)


@get("/api/v1/reports/yearly", name="api-report-yearly", guards=[require_reports],
     sync_to_thread=True, responses=GUARDED)
def yearly_report_api(
    services: ServicesDep,
    year_from: FromYear = None,
    year_to: ToYear = None,
    by: Annotated[str | None, QueryParameter(description="`unit` for the by-unit view")] = None,
) -> YearlyReport:
    """Positions offered and filled against targets per year and kind (and unit)."""
    query = report_query(year_from, year_to, by)
    with Session(services.db) as session:
        rows = report_rows(session, query.year_from, query.year_to, query.by_unit)
    return msgspec.convert(to_json(rows, query.by_unit), YearlyReport)


ROUTES = [targets_api, set_target_api, yearly_report_api]
