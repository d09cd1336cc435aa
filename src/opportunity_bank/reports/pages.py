"""HR pages: targets (table and form) and the yearly report (table, chart, downloads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
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
from opportunity_bank.opportunities.messages import field_messages
from opportunity_bank.reports.api import bad_request
from opportunity_bank.reports.arithmetic import KINDS, MAX_YEAR, MIN_YEAR, ReportRow, taavi_rows
from opportunity_bank.reports.chart import ChartLabels, chart_text_alternative, render_chart
from opportunity_bank.reports.exports import ExportLabels, columns, taavi_to_csv, to_csv, to_excel_csv
from opportunity_bank.reports.targets import (
    TargetError,
    list_targets,
    parse_target,
    remove_target,
    set_target_named,
    unit_names,
)
from opportunity_bank.reports.yearly import (
    ReportParamError,
    ReportQuery,
    WorkbookLabels,
    parse_report_query,
    report_rows,
    report_workbook,
)
from opportunity_bank.web.csrf import require_csrf
from opportunity_bank.web.errors import validation_error, wants_page
from opportunity_bank.web.i18n import gettext_for, negotiate_language
from opportunity_bank.web.params import SMALL_BODY
from opportunity_bank.web.services import Services, ServicesDep

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Litestar adds "; charset=utf-8" to text types itself; naming it here too doubled it.
CSV = "text/csv"
TARGET_YEARS_AHEAD = 2
DECIMAL_MARKS = {"fi": ",", "sv": ",", "en": "."}
Gettext = Callable[[str], str]  # targets are set for the coming years, so the page shows them too


def chart_labels(gettext: Gettext, language: str) -> ChartLabels:
    return ChartLabels(
        title=gettext("Positions against targets"),
        description=gettext("Bar chart of positions offered per year {year_from}–{year_to}, one bar "
                            "per kind ({kinds}). A black line across a bar marks that year's target."),
        kinds=kind_words(gettext), year=gettext("Year"), kind=gettext("Kind"),
        positions=gettext("Positions"), target=gettext("Target"), achieved=gettext("Achieved (%)"),
        decimal_mark=DECIMAL_MARKS[language],
    )


def kind_words(gettext: Gettext) -> dict[str, str]:
    return {"thesis": gettext("Theses"), "internship": gettext("Internships"),
            "summer_job": gettext("Summer jobs")}


def export_labels(gettext: Gettext, language: str) -> ExportLabels:
    headers = {"year": gettext("Year"), "kind": gettext("Kind"), "unit": gettext("Unit"),
               "postings": gettext("Postings"), "positions": gettext("Positions"),
               "filled_positions": gettext("Filled positions"), "target": gettext("Target"),
               "achieved_pct": gettext("Achieved (%)"), "change_positions": gettext("Change in positions")}
    return ExportLabels(headers=headers, kinds=kind_words(gettext), decimal_mark=DECIMAL_MARKS[language])


def unit_charts(rows: list[ReportRow], labels: ChartLabels) -> list[tuple[str, Markup]]:
    """One chart per unit, drawn from that unit's rows as if it were the whole centre."""
    by_unit: dict[str, list[ReportRow]] = {}
    for row in rows:
        by_unit.setdefault(row.unit or "", []).append(replace(row, unit=None))
    return [(unit, Markup(render_chart(  # noqa: S704 (built from escaped parts)
                unit_rows, replace(labels, title=f"{labels.title}: {unit}"), f"chart-unit-{number}")))
            for number, (unit, unit_rows) in enumerate(sorted(by_unit.items()), start=1)]


@get("/hr/report", name="hr-report", guards=[require_reports], sync_to_thread=True,
     include_in_schema=False)
def report_page(request: Request, services: ServicesDep) -> Template:
    params = dict(request.query_params)
    language = negotiate_language(request)
    gettext = gettext_for(language)
    try:
        query = parse_report_query(params, city_today().year)
    except ReportParamError as error:
        return _refused_form(params, error, gettext)
    labels = chart_labels(gettext, language)
    with Session(services.db) as session:
        by_kind = report_rows(session, query.year_from, query.year_to, by_unit=False)
        rows = report_rows(session, query.year_from, query.year_to, True) if query.by_unit else by_kind
    return Template(
        template_name="hr/report.html",
        context={
            "form": query.params(),
            "errors": {},
            "query": query,
            "columns": columns(query.by_unit),
            "rows": [row.as_dict(query.by_unit) for row in rows],
            "chart": Markup(render_chart(by_kind, labels)),  # noqa: S704 (built from escaped parts)
            "chart_table": chart_text_alternative(by_kind, labels),
            "unit_charts": unit_charts(rows, labels) if query.by_unit else [],
            "downloads": _downloads(request, query),
            "language": language,
            "year_min": MIN_YEAR,
            "year_max": MAX_YEAR,
        },
    )


def _refused_form(params: dict, error: ReportParamError, gettext: Gettext) -> Template:
    return Template(
        template_name="hr/report.html",
        context={"form": params, "errors": field_messages([error.error], gettext),
                 "year_min": MIN_YEAR, "year_max": MAX_YEAR},
        status_code=HTTP_400_BAD_REQUEST,
    )


def _download_refused(request: Request, error: ReportParamError) -> Response:
    """A browser gets the report form with the reason; a script the JSON error naming the field."""
    if not wants_page(request):
        return validation_error(request, bad_request([error.error]))
    return _refused_form(dict(request.query_params), error, gettext_for(negotiate_language(request)))


DOWNLOAD_ERRORS = {ReportParamError: _download_refused}


@get("/hr/report.csv", name="hr-report-csv", guards=[require_reports],
     exception_handlers=DOWNLOAD_ERRORS, sync_to_thread=True,
     include_in_schema=False)
def report_csv(services: ServicesDep, request: Request) -> Response[str]:
    """Machine-readable: the codes and column names scripts and Taavi's import rely on."""
    query = _download_query(request)
    with Session(services.db) as session:
        rows = report_rows(session, query.year_from, query.year_to, query.by_unit)
    name = _filename("report-by-unit" if query.by_unit else "report", query, "csv")
    return _attachment(to_csv(rows, query.by_unit), CSV, name)


@get("/hr/report.excel.csv", name="hr-report-excel-csv", guards=[require_reports],
     exception_handlers=DOWNLOAD_ERRORS,
     sync_to_thread=True, include_in_schema=False)
def report_excel_csv(services: ServicesDep, request: Request) -> Response[str]:
    """For Excel: headers and kinds in the chosen language (`lang`), `;` and decimal commas."""
    query = _download_query(request)
    language = negotiate_language(request)
    with Session(services.db) as session:
        rows = report_rows(session, query.year_from, query.year_to, query.by_unit)
    name = _filename(f"excel-{language}" + ("-by-unit" if query.by_unit else ""), query, "csv")
    return _attachment(to_excel_csv(rows, query.by_unit, export_labels(gettext_for(language), language)),
                       CSV, name)


@get("/hr/report.taavi.csv", name="hr-report-taavi", guards=[require_reports],
     exception_handlers=DOWNLOAD_ERRORS,
     sync_to_thread=True, include_in_schema=False)
def report_taavi_csv(services: ServicesDep, request: Request) -> Response[str]:
    query = _download_query(request)
    with Session(services.db) as session:
        rows = report_rows(session, query.year_from, query.year_to, by_unit=False)
    return _attachment(taavi_to_csv(taavi_rows(rows)), CSV, _filename("taavi", query, "csv"))


@get("/hr/report.xlsx", name="hr-report-xlsx", guards=[require_reports],
     exception_handlers=DOWNLOAD_ERRORS, sync_to_thread=True,
     include_in_schema=False)
def report_xlsx(services: ServicesDep, request: Request) -> Response[bytes]:
    """Both views and the Taavi sheet, whatever ``by`` says."""
    query = _download_query(request)
    language = negotiate_language(request)
    gettext = gettext_for(language)
    labels = WorkbookLabels(
        title=gettext("Opportunity Bank: positions against targets %(from)s–%(to)s")
        % {"from": query.year_from, "to": query.year_to},
        by_kind=gettext("By kind"), by_unit=gettext("By unit"), words=export_labels(gettext, language))
    with Session(services.db) as session:
        workbook = report_workbook(session, query.year_from, query.year_to, labels)
    return _attachment(workbook, XLSX, _filename("report", query, "xlsx"))


class TargetsPage(Controller):
    """The targets table and the form that sets one.

    A controller rather than two functions: Litestar 2.25 wraps a sync handler in a thread
    twice when a second function handler shares its path, and a Template it returns then
    fails with a 500.
    """

    path = "/hr/targets"
    guards = (require_reports, require_csrf)
    include_in_schema = False

    @get(name="hr-targets", sync_to_thread=True)
    def show(self, request: Request, services: ServicesDep) -> Template:
        params = dict(request.query_params)
        try:
            query = _targets_range(params)
        except ReportParamError as error:
            return _targets_template(request, services, range_form=params,
                                     range_errors=field_messages([error.error], _gettext(request)),
                                     status_code=HTTP_400_BAD_REQUEST)
        return _targets_template(request, services, query=query, done=params.get("done"))

    @post(name="hr-targets-set", sync_to_thread=True, request_max_body_size=SMALL_BODY)
    def set_target(
        self, request: Request, services: ServicesDep, data: URLEncodedBody[dict[str, Any]]
    ) -> Response:
        values = {name: data.get(name, "") for name in ("year", "kind", "positions", "unit")}
        try:
            target = parse_target(values)
            with session_scope(services.db) as session:
                set_target_named(session, target, identify(request))
        except TargetError as error:
            return _targets_template(request, services, values=values,
                                     errors=field_messages(error.errors, _gettext(request)),
                                     status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        return _back_to_targets(request, target.year, "target-saved")

    @post("/remove", name="hr-targets-remove", sync_to_thread=True)
    def remove(
        self, request: Request, services: ServicesDep, data: URLEncodedBody[dict[str, Any]]
    ) -> Response:
        values = {name: data.get(name, "") for name in ("year", "kind", "unit")}
        try:
            target = parse_target({**values, "positions": 0})
            with session_scope(services.db) as session:
                remove_target(session, target, identify(request))
        except TargetError as error:
            return _targets_template(request, services,
                                     errors=field_messages(error.errors, _gettext(request)),
                                     status_code=HTTP_422_UNPROCESSABLE_ENTITY)
        return _back_to_targets(request, target.year, "target-removed")


def _gettext(request: Request) -> Gettext:
    return gettext_for(negotiate_language(request))


def _back_to_targets(request: Request, year: int, done: str) -> Redirect:
    """The default range, widened to include the year just changed, with the flash message."""
    shown = _targets_range({})
    params = {"from": min(shown.year_from, year), "to": max(shown.year_to, year), "done": done}
    return Redirect(f"{request.app.route_reverse('hr-targets')}?{urlencode(params)}", status_code=303)


def _targets_range(params: dict[str, Any]) -> ReportQuery:
    return parse_report_query(params, city_today().year + TARGET_YEARS_AHEAD)


def _targets_template(
    request: Request,
    services: Services,
    *,
    query: ReportQuery | None = None,
    range_form: dict[str, Any] | None = None,
    range_errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    done: str | None = None,
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
            "done": done,
            "year_min": MIN_YEAR,
            "year_max": MAX_YEAR,
        },
        status_code=status_code,
    )


def _download_query(request: Request) -> ReportQuery:
    return parse_report_query(dict(request.query_params), city_today().year)


def _downloads(request: Request, query: ReportQuery) -> dict[str, str]:
    query_string = urlencode(query.params())
    years = urlencode({"from": query.year_from, "to": query.year_to})
    path = request.app.route_reverse
    return {
        "csv": f"{path('hr-report-csv')}?{query_string}",
        "excel": f"{path('hr-report-excel-csv')}?{query_string}",
        "xlsx": f"{path('hr-report-xlsx')}?{years}",
        "taavi": f"{path('hr-report-taavi')}?{years}",
    }


def _filename(name: str, query: ReportQuery, extension: str) -> str:
    return f"opportunity-bank-{name}-{query.year_from}-{query.year_to}.{extension}"


def _attachment(content: str | bytes, media_type: str, filename: str) -> Response:
    return Response(
        content, media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"',
                 "Cache-Control": "no-store"},
    )


ROUTES = [report_page, report_csv, report_excel_csv, report_taavi_csv, report_xlsx, TargetsPage]
