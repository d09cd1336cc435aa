"""The yearly report as HR asks for it: which years, which view, and the finished rows.

Shared by the API, the HR pages and the command line, so all three read their parameters
and count in exactly the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlmodel import Session

from opportunity_bank.opportunities.schemas import FieldError
from opportunity_bank.reports.arithmetic import (
    MAX_YEAR,
    MIN_YEAR,
    ReportRangeError,
    ReportRow,
    Target,
    build_report,
    taavi_rows,
    validate_range,
)
from opportunity_bank.reports.exports import ExportLabels, to_xlsx
from opportunity_bank.reports.queries import report_aggregates
from opportunity_bank.reports.targets import list_targets

DEFAULT_YEARS = 5
VIEWS = ("kind", "unit")
SHEET_BY_KIND = "by kind"
SHEET_BY_UNIT = "by unit"


class ReportParamError(ValueError):
    """A report parameter that cannot be used; the field is named as the request spelled it."""

    def __init__(self, field: str, message: str, code: str = "range") -> None:
        self.error = FieldError(field, message, code, {"min": MIN_YEAR, "max": MAX_YEAR})
        super().__init__(f"{field}: {message}")

    @property
    def field(self) -> str:
        return self.error.field

    @property
    def message(self) -> str:
        return self.error.message


@dataclass(frozen=True, slots=True)
class ReportQuery:
    year_from: int
    year_to: int
    by_unit: bool = False

    def params(self) -> dict[str, str]:
        """The query string that asks for this report again (download links, forms)."""
        params = {"from": str(self.year_from), "to": str(self.year_to)}
        if self.by_unit:
            params["by"] = "unit"
        return params


def parse_report_query(params: Mapping[str, str | None], this_year: int) -> ReportQuery:
    """Read ``from``, ``to`` and ``by``; missing years give the last five years to this one."""
    year_to = _year(params, "to", this_year)
    year_from = _year(params, "from", year_to - DEFAULT_YEARS + 1)
    by = (params.get("by") or "kind").strip()
    if by not in VIEWS:
        raise ReportParamError("by", f"must be {' or '.join(VIEWS)}, not {by!r}", "choice")
    # Each year alone first, so that the error names the parameter at fault.
    for field, year in (("from", year_from), ("to", year_to)):
        try:
            validate_range(year, year)
        except ReportRangeError as error:
            raise ReportParamError(field, str(error)) from None
    try:
        validate_range(year_from, year_to)
    except ReportRangeError as error:
        raise ReportParamError("to", str(error)) from None
    return ReportQuery(year_from, year_to, by == "unit")


def _year(params: Mapping[str, str | None], field: str, default: int) -> int:
    text = (params.get(field) or "").strip()
    if not text:
        return default
    if not (text.isascii() and text.isdigit()):
        raise ReportParamError(field, f"must be a year such as 2026, not {text!r}", "year")
    return int(text)


def report_rows(session: Session, year_from: int, year_to: int, by_unit: bool) -> list[ReportRow]:
    validate_range(year_from, year_to)
    aggregates = report_aggregates(session.connection(), year_from, year_to, by_unit)
    targets = [
        Target(year=t.year, kind=t.kind, unit=t.unit, positions=t.positions)
        for t in list_targets(session, year_from, year_to)
    ]
    return build_report(aggregates, targets, year_from, year_to, by_unit)


def report_workbook(session: Session, year_from: int, year_to: int,
                    labels: WorkbookLabels | None = None) -> bytes:
    """Both views and the Taavi rows in one workbook, a sheet each."""
    by_kind = report_rows(session, year_from, year_to, by_unit=False)
    by_unit = report_rows(session, year_from, year_to, by_unit=True)
    names = (labels.by_kind, labels.by_unit) if labels else (SHEET_BY_KIND, SHEET_BY_UNIT)
    return to_xlsx(
        {names[0]: (by_kind, False), names[1]: (by_unit, True)},
        title=labels.title if labels else report_title(year_from, year_to),
        taavi=taavi_rows(by_kind),
        labels=labels.words if labels else None,
    )


@dataclass(frozen=True, slots=True)
class WorkbookLabels:
    """The workbook in a person's language: its title, sheet names and column words."""

    title: str
    by_kind: str
    by_unit: str
    words: ExportLabels


def report_title(year_from: int, year_to: int) -> str:
    return f"Opportunity Bank – positions against targets {year_from}–{year_to}"

