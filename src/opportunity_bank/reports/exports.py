"""The yearly report as JSON, CSV, a terminal table and an XLSX workbook.

Every format takes its columns from the row dataclasses, so they cannot drift apart.
CSV and XLSX are opened by HR in Excel, where a text cell starting with "=" would run as a
formula; unit names are free text, so such cells are neutralised (CSV) or typed as plain
text (XLSX).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from decimal import Decimal

from opportunity_bank.reports.arithmetic import ReportRow, TaaviRow

COLUMNS = tuple(field.name for field in fields(ReportRow))
TAAVI_COLUMNS = tuple(field.name for field in fields(TaaviRow))
TAAVI_SHEET = "taavi"

_TEXT_COLUMNS = frozenset({"kind", "unit", "metric"})
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_NAME = 31

Cell = int | str | Decimal | None


def columns(by_unit: bool) -> list[str]:
    return [name for name in COLUMNS if by_unit or name != "unit"]


def to_json(rows: Iterable[ReportRow], by_unit: bool) -> dict:
    return {"rows": [row.as_dict(by_unit) for row in rows]}


def to_csv(rows: Iterable[ReportRow], by_unit: bool) -> str:
    return _csv(columns(by_unit), _report_cells(rows, by_unit))


def taavi_to_csv(taavi_rows: Iterable[TaaviRow]) -> str:
    return _csv(TAAVI_COLUMNS, _taavi_cells(taavi_rows))


def to_table(rows: Iterable[ReportRow], by_unit: bool) -> str:
    """Columns padded to their widest cell; numbers right-aligned, an en dash for no value."""
    header = columns(by_unit)
    texts = [header]
    texts += [[_text(cell) or "–" for cell in cells] for cells in _report_cells(rows, by_unit)]
    widths = [max(map(len, column)) for column in zip(*texts, strict=True)]
    lines = (
        "  ".join(
            text.ljust(width) if name in _TEXT_COLUMNS else text.rjust(width)
            for name, text, width in zip(header, line, widths, strict=True)
        ).rstrip()
        for line in texts
    )
    return "\n".join(lines) + "\n"


def to_xlsx(
    views: Mapping[str, tuple[Sequence[ReportRow], bool]],
    title: str,
    taavi: Sequence[TaaviRow] | None = None,
) -> bytes:
    """One sheet per view (name -> (rows, by_unit)), plus a "taavi" sheet when given.

    Each sheet: the title in the first row, the column names in the second, then the rows.
    """
    sheets = {
        name: (columns(by_unit), _report_cells(rows, by_unit))
        for name, (rows, by_unit) in views.items()
    }
    if taavi is not None:
        if TAAVI_SHEET in sheets:
            raise ValueError(f"the sheet name {TAAVI_SHEET!r} is kept for the Taavi rows")
        sheets[TAAVI_SHEET] = (list(TAAVI_COLUMNS), _taavi_cells(taavi))
    _check_sheet_names(sheets)

    # openpyxl weighs about 10 MB; only the processes that export pay for it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (header, body) in sheets.items():
        sheet = workbook.create_sheet(name)
        sheet.append([title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(header)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = max(len(cell.value) + 2, 12)
        for row_number, cells in enumerate(body, start=3):
            for column_number, value in enumerate(cells, start=1):
                _write_cell(sheet.cell(row=row_number, column=column_number), value)
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _report_cells(rows: Iterable[ReportRow], by_unit: bool) -> list[list[Cell]]:
    names = columns(by_unit)
    return [[getattr(row, name) for name in names] for row in rows]


def _taavi_cells(rows: Iterable[TaaviRow]) -> list[list[Cell]]:
    return [[getattr(row, name) for name in TAAVI_COLUMNS] for row in rows]


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return f"{cell:.1f}"
    return str(cell)


def _csv(header: Sequence[str], body: Iterable[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([_csv_text(cell) for cell in cells] for cells in body)
    return buffer.getvalue()


def _csv_text(cell: Cell) -> str:
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return _text(cell)


def _write_cell(cell, value: Cell) -> None:
    if isinstance(value, Decimal):
        cell.value = float(value)
        cell.number_format = "0.0"
    else:
        cell.value = value
    if isinstance(value, str):
        # openpyxl turns any text starting with "=" into a formula; keep it text.
        cell.data_type = "s"


def _check_sheet_names(sheets: Mapping[str, object]) -> None:
    seen: set[str] = set()
    for name in sheets:
        if not 0 < len(name) <= _MAX_SHEET_NAME:
            raise ValueError(f"sheet name {name!r} must have 1–{_MAX_SHEET_NAME} characters")
        if _SHEET_NAME_FORBIDDEN.search(name):
            raise ValueError(f"sheet name {name!r} may not contain any of [ ] : * ? / \\")
        # Excel treats sheet names case-insensitively.
        if name.casefold() in seen:
            raise ValueError(f"two sheets named {name!r}")
        seen.add(name.casefold())


def table_csv(header: Sequence[str], body: Iterable[Sequence[Cell]]) -> str:
    """Any table as comma-separated UTF-8, with formula-looking text neutralised (open data)."""
    return _csv(header, body)
