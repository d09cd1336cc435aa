"""HR pages: targets (table and form) and the yearly report (table, chart, downloads)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from litestar import Controller, Request, Response, get, post
from litestar.params import URLEncodedBody
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_400_BAD_REQUEST, HTTP_422_UNPROCESSABLE_ENTITY
from markupsafe import Markup
from sqlmodel import Session

from opportunity_bank.accounts.identity import identify, require_reports
from opportunity_bank.db import session_scope
from opportunity_bank.opportunities.lifecycle import city_today
from opportunity_bank.reports.api import report_query
from opportunity_bank.reports.arithmetic import KINDS, MAX_YEAR, MIN_YEAR, taavi_rows
from opportunity_bank.reports.chart import chart_text_alternative, render_chart
from opportunity_bank.reports.exports import columns, taavi_to_csv, to_csv
from opportunity_bank.reports.targets import (
    TargetError,
    list_targets,
    parse_target,
    set_target_named,
    unit_names,
)
from opportunity_bank.reports.yearly import (
    ReportParamError,
    ReportQuery,
    parse_report_query,
    report_rows,
    report_workbook,
)
from opportunity_bank.web.services import Services, ServicesDep

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
TARGET_YEARS_AHEAD = 2  # targets are set for the coming years, so the page shows them too


@get("/hr/report", name="hr-report", guards=[require_reports], sync_to_thread=True,
     include_in_schema=False)
def report_page(request: Request, services: ServicesDep) -> Template:
    params = dict(request.query_params)
    try:
        query = parse_report_query(params, city_today().year)
    except ReportParamError as error:
        return Template(
            template_name="hr/report.html",
            context={"form": params, "error": error, "year_min": MIN_YEAR, "year_max": MAX_YEAR},
            status_code=HTTP_400_BAD_REQUEST,
        )
    with Session(services.db) as session:
        by_kind = report_rows(session, query.year_from, query.year_to, by_unit=False)
        rows = report_rows(session, query.year_from, query.year_to, True) if query.by_unit else by_kind
    return Template(
        template_name="hr/report.html",
        context={
            "form": query.params(),
            "query": query,
            "columns": columns(query.by_unit),
            "rows": [row.as_dict(query.by_unit) for row in rows],
            "chart": Markup(render_chart(by_kind)),  # noqa: S704 (built from escaped parts)
            "chart_table": chart_text_alternative(by_kind),
            "downloads": _downloads(query),
            "year_min": MIN_YEAR,
            "year_max": MAX_YEAR,
        },
    )


@get("/hr/report.csv", name="hr-report-csv", guards=[require_reports], sync_to_thread=True,
     include_in_schema=False)
def report_csv(services: ServicesDep, request: Request) -> Response[str]:
    query = _download_query(request)
    with Session(services.db) as session:
        rows = report_rows(session, query.year_from, query.year_to, query.by_unit)
    name = _filename("report-by-unit" if query.by_unit else "report", query, "csv")
    return _attachment(to_csv(rows, query.by_unit), CSV, name)


@get("/hr/report.taavi.csv", name="hr-report-taavi", guards=[require_reports],
     sync_to_thread=True, include_in_schema=False)
def report_taavi_csv(services: ServicesDep, request: Request) -> Response[str]:
    query = _download_query(request)
    with Session(services.db) as session:
        rows = report_rows(session, query.year_from, query.year_to, by_unit=False)
    return _attachment(taavi_to_csv(taavi_rows(rows)), CSV, _filename("taavi", query, "csv"))


@get("/hr/report.xlsx", name="hr-report-xlsx", guards=[require_reports], sync_to_thread=True,
     include_in_schema=False)
def report_xlsx(services: ServicesDep, request: Request) -> Response[bytes]:
    """Both views and the Taavi sheet, whatever ``by`` says."""
    query = _download_query(request)
    with Session(services.db) as session:
        workbook = report_workbook(session, query.year_from, query.year_to)
    return _attachment(workbook, XLSX, _filename("report", query, "xlsx"))


class TargetsPage(Controller):
    """The targets table and the form that sets one.

    A controller rather than two functions: Litestar 2.25 wraps a sync handler in a thread
    twice when a second function handler shares its path, and a Template it returns then
    fails with a 500.
    """

    path = "/hr/targets"
    guards = (require_reports,)
    include_in_schema = False

    @get(name="hr-targets", sync_to_thread=True)
    def show(self, request: Request, services: ServicesDep) -> Template:
        params = dict(request.query_params)
        try:
            query = _targets_range(params)
        except ReportParamError as error:
            return _targets_template(services, range_form=params,
                                     range_errors={error.field: error.message},
                                     status_code=HTTP_400_BAD_REQUEST)
        return _targets_template(services, query=query, saved=params.get("saved") == "1")

    @post(name="hr-targets-set", sync_to_thread=True)
    def set_target(
        self, request: Request, services: ServicesDep, data: URLEncodedBody[dict[str, Any]]
    ) -> Response:
        values = {name: data.get(name, "") for name in ("year", "kind", "positions", "unit")}
        try:
            target = parse_target(values)
            with session_scope(services.db) as session:
                set_target_named(session, target, identify(request))
        except TargetError as error:
            errors = {e.field: e.message for e in error.errors}
            return _targets_template(services, values=values, errors=errors,
                                     status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        # Show the default range, widened to include the year just set.
        shown = _targets_range({})
        params = {"from": min(shown.year_from, target.year),
                  "to": max(shown.year_to, target.year), "saved": 1}
        return Redirect(f"{request.app.route_reverse('hr-targets')}?{urlencode(params)}", status_code=303)


def _targets_range(params: dict[str, Any]) -> ReportQuery:
    return parse_report_query(params, city_today().year + TARGET_YEARS_AHEAD)


def _targets_template(
    services: Services,
    *,
    query: ReportQuery | None = None,
    range_form: dict[str, Any] | None = None,
    range_errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> Template:
    """The targets page; a bad range or a refused target is shown beside its field."""
    query = query or _targets_range({})
    with Session(services.db) as session:
        targets = list_targets(session, query.year_from, query.year_to)
        units = unit_names(session)
    return Template(
        template_name="hr/targets.html",
        context={
            "range_form": range_form or query.params(),
            "query": query,
            "targets": targets,
            "units": units,
            "kinds": KINDS,
            "values": values or {"year": city_today().year + 1},
            "errors": errors or {},
            "range_errors": range_errors or {},
            "saved": saved,
            "year_min": MIN_YEAR,
            "year_max": MAX_YEAR,
        },
        status_code=status_code,
    )


def _download_query(request: Request) -> ReportQuery:
    params = request.query_params
    return report_query(params.get("from"), params.get("to"), params.get("by"))


def _downloads(query: ReportQuery) -> dict[str, str]:
    query_string = urlencode(query.params())
    years = urlencode({"from": query.year_from, "to": query.year_to})
    return {
        "csv": f"/hr/report.csv?{query_string}",
        "xlsx": f"/hr/report.xlsx?{years}",
        "taavi": f"/hr/report.taavi.csv?{years}",
    }


def _filename(name: str, query: ReportQuery, extension: str) -> str:
    return f"opportunity-bank-{name}-{query.year_from}-{query.year_to}.{extension}"


def _attachment(content: str | bytes, media_type: str, filename: str) -> Response:
    return Response(
        content, media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"},
    )


ROUTES = [report_page, report_csv, report_taavi_csv, report_xlsx, TargetsPage]
