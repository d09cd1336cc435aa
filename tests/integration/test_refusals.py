"""Clean refusals: one line and exit 2 for what a person can fix, an id for what they cannot.

The commands run as a person runs them, in a process of their own; the dictionary goes
missing through the setting that points Voikko at a directory, or through a Python without
the `libvoikko` package.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text
from sqlmodel import Session, select

from opportunity_bank.models import Opportunity
from opportunity_bank.opportunities.importer import import_file
from tests.faults import ROOT, cli_env, managed_settings
from tests.helpers import FIELDS, record, write_csv


def run(settings, *args: str, extra_env: dict[str, str] | None = None,
        python: tuple[str, ...] = ("-m", "opportunity_bank")) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *python, *args], env={**cli_env(settings), **(extra_env or {})},
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def one_line(done: subprocess.CompletedProcess) -> str:
    """The refusal: exit 2, exactly one line on stderr, no stack."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.mark.parametrize("command", [("serve",), ("reindex",), ("import", "{file}")])
def test_commands_refuse_at_once_without_the_finnish_dictionary(settings, tmp_path, command):
    empty = tmp_path / "no-dictionary"
    empty.mkdir()
    data = write_csv(tmp_path / "rows.csv", [record(1)])
    managed = managed_settings(settings)
    started = time.monotonic()
    done = run(managed, *(part.format(file=data) for part in command),
               extra_env={"OPPORTUNITY_BANK_VOIKKO_PATH": str(empty)})
    line = one_line(done)
    assert "libvoikko1 voikko-fi" in line and "OPPORTUNITY_BANK_VOIKKO_PATH" in line
    assert time.monotonic() - started < 20
    # It stopped before starting anything: no Meilisearch, nothing imported.
    assert not (managed.data_dir / "meilisearch").exists()
    assert _untouched(settings)


def _untouched(settings) -> bool:
    from sqlalchemy import create_engine

    engine = create_engine(settings.database_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT count(*) FROM opportunities")).scalar_one()
    engine.dispose()
    return rows == 0


def test_serve_refuses_without_the_voikko_package(settings):
    """A Python where `import libvoikko` fails, as on a machine without the package."""
    program = ("import sys; sys.modules['libvoikko'] = None; from opportunity_bank.cli import main; "
               "sys.exit(main(['serve']))")
    line = one_line(run(managed_settings(settings), python=("-c", program)))
    assert "libvoikko1 voikko-fi" in line and "libvoikko" in line


def test_a_dictionary_directory_that_holds_one_is_used(tmp_path):
    from opportunity_bank.search.analysis import TextAnalyzer, has_finnish_dictionary

    assert has_finnish_dictionary(Path("/usr/lib/voikko"))
    assert not has_finnish_dictionary(tmp_path)
    analyzer = TextAnalyzer(dictionary_path=Path("/usr/lib/voikko"))
    assert analyzer.finnish_available()
    assert "kesätyö" in analyzer.index_terms("kesätöitä", "fi").split()
    assert not TextAnalyzer(dictionary_path=tmp_path).finnish_available()


@pytest.mark.parametrize(("value", "problem"), [("two", "whole number"), ("0", "from 1")])
def test_a_bad_setting_is_one_line_naming_the_variable(settings, value, problem):
    line = one_line(run(managed_settings(settings), "serve",
                        extra_env={"OPPORTUNITY_BANK_MEILI_MAX_INDEXING_THREADS": value}))
    assert line.startswith("opportunity-bank: OPPORTUNITY_BANK_MEILI_MAX_INDEXING_THREADS must be")
    assert problem in line


def latin1_csv(path: Path) -> Path:
    rows = [",".join(FIELDS[:4]), "t-1,summer_job,Kesätyö Tapiolassa,Hoitotyötä puistoissa"]
    path.write_bytes("\n".join(rows).encode("latin-1"))
    return path


def not_a_workbook(path: Path) -> Path:
    path.write_text("external_id,kind\nt-1,thesis\n", encoding="utf-8")
    return path


def header_only_workbook(path: Path) -> Path:
    book = Workbook()
    book.active.append(list(FIELDS))
    book.save(path)
    return path


def unclosed_quote_csv(path: Path) -> Path:
    rows = [",".join(FIELDS[:4]), "t-1,summer_job,Kesätyö,Puistotyötä", 't-2,thesis,"Gradu,Kuvaus',
            "t-3,thesis,Toinen gradu,Kuvaus"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def twice_named_csv(path: Path) -> Path:
    path.write_text(",".join([*FIELDS[:4], "title"]) + "\nt-1,thesis,Gradu,Kuvaus,Toinen\n",
                    encoding="utf-8")
    return path


def twice_named_workbook(path: Path) -> Path:
    book = Workbook()
    book.active.append([*FIELDS[:4], "kind"])
    book.active.append(["t-1", "thesis", "Gradu", "Kuvaus", "summer_job"])
    book.save(path)
    return path


BROKEN_FILES = {
    "unclosed.csv": (unclosed_quote_csv, "line 3: a cell opened with a quote (\") is never closed"),
    "twice.csv": (twice_named_csv, "line 1 names the column 'title' twice"),
    "twice.xlsx": (twice_named_workbook, "row 1 names the column 'kind' twice"),
    "empty.csv": (lambda p: p.write_bytes(b"") and p, "the file is empty"),
    "blank.jsonl": (lambda p: p.write_text("\n  \n", encoding="utf-8") and p, "the file is empty"),
    "header.csv": (lambda p: p.write_text(",".join(FIELDS) + "\r\n", encoding="utf-8") and p,
                   "the file has a header but no rows"),
    "header.xlsx": (header_only_workbook, "the file has a header but no rows"),
    "latin1.csv": (latin1_csv, "line 2 is not UTF-8 text; save it again as UTF-8"),
    "fake.xlsx": (not_a_workbook, "not an Excel workbook; save it again"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_a_file_that_cannot_be_imported_is_one_line_naming_it(settings, tmp_path, name):
    make, message = BROKEN_FILES[name]
    path = tmp_path / name
    make(path)
    line = one_line(run(settings, "import", str(path)))
    assert line.startswith(f"opportunity-bank: {name}: {message}")
    assert _untouched(settings)


def test_a_folder_named_for_import_is_refused_as_a_folder(settings, tmp_path):
    line = one_line(run(settings, "import", str(tmp_path)))
    assert line == f"opportunity-bank: {tmp_path}: is a folder; name the file to import in it"


def test_numbers_typed_in_a_workbook_are_read_as_text_where_text_is_wanted(engine, tmp_path):
    """An id typed as 1001 is a number cell to Excel; the import reads it as a CSV cell."""
    rows = [record(1), record(2)]
    book = Workbook()
    book.active.append(list(FIELDS))
    for number, row in enumerate(rows, start=1001):
        book.active.append([number if f == "external_id" else row.get(f) for f in FIELDS])
    book.active.cell(row=2, column=FIELDS.index("year") + 1, value=2026.0)
    book.save(tmp_path / "numbers.xlsx")
    report = import_file(engine, tmp_path / "numbers.xlsx")
    assert not report.errors, report.errors
    with Session(engine) as session:
        stored = session.exec(select(Opportunity).order_by(Opportunity.external_id)).all()
    assert [(o.external_id, o.year) for o in stored] == [("1001", 2026), ("1002", rows[1]["year"])]


def test_excel_semicolon_csv_with_a_byte_order_mark_is_read(engine, tmp_path):
    """As Excel set to Finnish saves "CSV UTF-8": a BOM, semicolons, cells with ; quoted."""
    rows = [record(1, title="Kesätyö Tapiolassa"), record(2)]
    text_out = io.StringIO()
    writer = csv.writer(text_out, delimiter=";")  # quotes the tags "ulkotyö;kesä", as Excel does
    writer.writerow(FIELDS)
    writer.writerows([[row.get(f, "") for f in FIELDS] for row in rows])
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text_out.getvalue().encode("utf-8") + b";;;;\r\n")
    report = import_file(engine, path)
    assert not report.errors, report.errors
    assert report.written and report.summary() == "created 2, updated 0, unchanged 0, rejected 0"


def test_an_unexpected_error_in_a_command_shows_an_id_and_logs_the_stack(settings, tmp_path):
    # A database file that is a directory: SQLite cannot open it, which nothing anticipates.
    broken = replace(settings, database_url=f"sqlite:///{tmp_path}")
    done = run(broken, "db", "upgrade")
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    last = lines[-1]
    assert last.startswith("opportunity-bank: unexpected error ") and "errors.log" in last
    error_id = last.split("unexpected error ")[1].split()[0]
    log = (settings.data_dir / "log" / "errors.log").read_text(encoding="utf-8")
    assert f"unexpected error {error_id} in opportunity-bank db" in log and "Traceback" in log


def test_an_unexpected_error_in_the_app_answers_with_an_id_and_no_stack(client, engine, caplog):
    with engine.begin() as connection:  # the table every student page reads is gone
        connection.execute(text("ALTER TABLE opportunities RENAME TO opportunities_gone"))
    api = client.get("/api/v1/opportunities/1")
    assert api.status_code == 500
    body = api.json()
    api_id = body["detail"].removeprefix("internal error ")
    assert len(api_id) == 12 and body == {"status_code": 500, "detail": body["detail"], "errors": []}
    page = client.get("/opportunities/1", headers={"Accept": "text/html"})
    assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    page_id = page.text.split("<code>")[1].split("</code>")[0]
    assert len(page_id) == 12 and "Traceback" not in page.text
    logged = [r for r in caplog.records if r.name == "opportunity_bank.unexpected"]
    assert {api_id, page_id} <= {r.getMessage().split()[2] for r in logged}
    assert all(r.exc_info for r in logged)


def test_readyz_is_not_ready_without_finnish_analysis(settings, tmp_path):
    from litestar.testing import TestClient

    from opportunity_bank.app import create_app

    empty = tmp_path / "no-dictionary"
    empty.mkdir()
    with TestClient(create_app(replace(settings, voikko_path=empty))) as broken:
        answer = broken.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["analysis"] == "unavailable" and answer.json()["status"] == "not ready"
