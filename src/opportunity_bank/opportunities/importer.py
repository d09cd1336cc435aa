"""`opportunity-bank import`: JSON Lines, CSV and XLSX files of import records.

Every row is validated before anything is written; the rows are then written in one
transaction, so a bad file or a killed process leaves the database as it was.
"""

from __future__ import annotations

import csv
import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from opportunity_bank.db import session_scope
from opportunity_bank.opportunities.schemas import (
    ImportRecord,
    validate_import_record,
)
from opportunity_bank.opportunities.service import (
    Outcome,
    UnitCache,
    existing_by_external_id,
    upsert,
)

SUPPORTED = (".jsonl", ".csv", ".xlsx")
FLUSH_EVERY = 1000


class ImportFileError(ValueError):
    """The file as a whole cannot be read (wrong type, unreadable header)."""


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    rows: int = 0
    counts: Counter = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    @property
    def rejected_lines(self) -> int:
        return len({e.line for e in self.errors})

    def summary(self) -> str:
        return (
            f"created {self.counts[Outcome.CREATED]}, updated {self.counts[Outcome.UPDATED]}, "
            f"unchanged {self.counts[Outcome.UNCHANGED]}, rejected {self.rejected_lines}"
        )


Rows = Iterator[tuple[int, dict[str, Any] | None, str | None]]
RESAVE_UTF8 = ("save it again as UTF-8: in Excel \"CSV UTF-8 (comma delimited)\", in LibreOffice "
               "tick \"Edit filter settings\" and choose Unicode (UTF-8)")


def read_rows(path: Path) -> Rows:
    """Yield (line number, raw record, error) for each data row of the file.

    A file that cannot be read as a whole (empty, no rows, not UTF-8, not a workbook) raises
    :class:`ImportFileError` with one line naming it, before any row is yielded or, for a
    text file that turns out not to be UTF-8 further down, before anything is written.
    """
    suffix = path.suffix.lower()
    readers = {".jsonl": _jsonl_rows, ".csv": _csv_rows, ".xlsx": _xlsx_rows}
    if suffix not in readers:
        raise ImportFileError(f"{path.name}: use a {', '.join(SUPPORTED)} file")
    if _is_blank(path):
        raise ImportFileError(f"{path.name}: the file is empty")
    rows = 0
    try:
        for row in readers[suffix](path):
            rows += 1
            yield row
    except UnicodeDecodeError:
        raise ImportFileError(
            f"{path.name}: line {_first_undecodable_line(path)} is not UTF-8 text; {RESAVE_UTF8}"
        ) from None
    if not rows:
        what = "no records" if suffix == ".jsonl" else "a header but no rows"
        raise ImportFileError(f"{path.name}: the file has {what}")


def _is_blank(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(4096)
    return not head.removeprefix(b"\xef\xbb\xbf").strip()


def _first_undecodable_line(path: Path) -> int:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                return number
    return 1


def _jsonl_rows(path: Path) -> Rows:
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, None, f"not valid JSON ({error.msg}, column {error.colno})"
                continue
            if not isinstance(value, dict):
                yield number, None, "must be a JSON object"
                continue
            yield number, value, None


def _csv_rows(path: Path) -> Rows:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
        handle.seek(0)
        # Spreadsheet programs set to Finnish save CSV with semicolons between columns.
        delimiter = ";" if header.count(";") > header.count(",") else ","
        # strict: a quote that is never closed is an error, not a cell holding the rest of
        # the file (which would then be reported as missing fields on some later line).
        reader = csv.DictReader(handle, delimiter=delimiter, strict=True)
        try:
            names = reader.fieldnames
        except csv.Error as error:
            raise ImportFileError(_csv_problem(path, 1, error)) from None
        if not names or "external_id" not in names:
            raise ImportFileError(f"{path.name}: line 1 must be a header naming external_id")
        _check_header(path, "line 1", names)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ImportFileError(_csv_problem(path, start, error)) from None
            if not any(value for key, value in row.items() if key is not None):
                continue  # a spreadsheet's trailing empty line, ";;;;" included
            extra = row.pop(None, None)
            if extra:
                yield reader.line_num, None, "has more cells than the header has columns"
                continue
            yield reader.line_num, row, None


def _csv_problem(path: Path, line: int, error: csv.Error) -> str:
    if "unexpected end of data" in str(error):
        return (f"{path.name}: line {line}: a cell opened with a quote (\") is never closed; "
                "close it or remove the quote")
    return f"{path.name}: line {line} is not valid CSV ({error}); save it again from the spreadsheet"


def _check_header(path: Path, where: str, names: Sequence[str]) -> None:
    """Refuse a header that names a column twice: which cell would count is a guess."""
    seen: set[str] = set()
    for name in (str(n).strip() for n in names if n is not None and str(n).strip()):
        if name in seen:
            raise ImportFileError(f"{path.name}: {where} names the column {name!r} twice")
        seen.add(name)


def _xlsx_rows(path: Path) -> Rows:
    from openpyxl import load_workbook  # only the XLSX path pays for importing openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise ImportFileError(
            f"{path.name}: not an Excel workbook; save it again as \"Excel Workbook (.xlsx)\" "
            "or as a UTF-8 .csv file"
        ) from None
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if not header or "external_id" not in header:
            raise ImportFileError(f"{path.name}: row 1 must be a header naming external_id")
        names = [str(h).strip() if h is not None else "" for h in header]
        _check_header(path, "row 1", names)
        for number, values in enumerate(rows, start=2):
            if values is None or all(v is None or v == "" for v in values):
                continue
            record = {name: _xlsx_value(v) for name, v in zip(names, values, strict=False) if name}
            yield number, record, None
    finally:
        workbook.close()


def _xlsx_value(value: Any) -> Any:
    # Spreadsheet dates arrive as datetimes and whole numbers as floats. Numbers become
    # text, as a CSV cell is: an id or a postcode typed as 1001 is text to the person who
    # typed it, and the fields that are numbers read their text as numbers.
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def validate_file(path: Path) -> tuple[list[tuple[int, ImportRecord]], list[RowError], int]:
    good: list[tuple[int, ImportRecord]] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    count = 0
    for line, raw, problem in read_rows(path):
        count += 1
        if problem:
            errors.append(RowError(line, "record", problem))
            continue
        record, problems = validate_import_record(raw)
        errors.extend(RowError(line, p.field, p.message) for p in problems)
        if record is None:
            continue
        if record.external_id in seen:
            errors.append(RowError(
                line, "external_id", f"{record.external_id!r} already on line {seen[record.external_id]}"
            ))
            continue
        seen[record.external_id] = line
        good.append((line, record))
    return good, errors, count


def import_file(
    engine: Engine,
    path: Path,
    *,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    return import_validated(engine, validate_file(path), skip_invalid=skip_invalid, progress=progress)


def import_validated(
    engine: Engine,
    validated: tuple[list[tuple[int, ImportRecord]], list[RowError], int],
    *,
    skip_invalid: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Write what :func:`validate_file` found valid, unless it found errors (or skip them)."""
    report = ImportReport()
    good, report.errors, report.rows = validated
    if report.errors and not skip_invalid:
        return report
    report.counts = write_records(engine, [record for _, record in good], progress)
    report.written = True
    return report


def write_records(
    engine: Engine,
    records: list[ImportRecord],
    progress: Callable[[int, int], None] | None = None,
    published_at: Callable[[str], datetime | None] | None = None,
) -> Counter:
    """Upsert validated records in one transaction: all of them are written, or none.

    `published_at` may date new openings' publication (the demo spreads them over seasons).
    """
    counts: Counter = Counter()
    with session_scope(engine) as session:
        units = UnitCache(session)
        for start in range(0, len(records), FLUSH_EVERY):
            batch = records[start : start + FLUSH_EVERY]
            existing = existing_by_external_id(session, (r.external_id for r in batch))
            for record in batch:
                outcome = upsert(
                    session, record.external_id, record, units, existing.get(record.external_id),
                    published_at(record.external_id) if published_at else None,
                )
                counts[outcome] += 1
            session.flush()
            # Written rows need not stay in memory; a 100,000-row file stays flat.
            session.expunge_all()
            if progress:
                progress(start + len(batch), len(records))
    return counts
