"""HR loads past years from a file: validated first, written whole or not at all."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook
from sqlmodel import Session, func, select

from opportunity_bank.cli import main
from opportunity_bank.models import Opportunity, OutboxEntry, Unit
from opportunity_bank.opportunities.importer import import_file
from tests.helpers import FIELDS, record, write_csv, write_jsonl


def count(engine, model=Opportunity) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_import_creates_units_and_rows_and_queues_indexing(engine, tmp_path):
    report = import_file(engine, write_jsonl(tmp_path / "a.jsonl", [record(i) for i in range(1, 41)]))
    assert report.summary() == "created 40, updated 0, unchanged 0, rejected 0"
    assert count(engine) == 40
    assert count(engine, Unit) == 2
    assert count(engine, OutboxEntry) == 40


def test_reimport_changes_nothing_and_update_is_detected(engine, tmp_path):
    rows = [record(i) for i in range(1, 11)]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    import_file(engine, path)
    again = import_file(engine, path)
    assert again.summary() == "created 0, updated 0, unchanged 10, rejected 0"
    rows[2]["title"] = "Uusi otsikko kesätyölle"
    changed = import_file(engine, write_jsonl(tmp_path / "b.jsonl", rows))
    assert changed.summary() == "created 0, updated 1, unchanged 9, rejected 0"


def test_one_bad_row_writes_nothing_and_names_its_line(engine, tmp_path):
    rows = [record(i) for i in range(1, 41)]
    rows[3]["positions"] = -2  # line 4
    report = import_file(engine, write_jsonl(tmp_path / "bad.jsonl", rows))
    assert not report.written
    assert [(e.line, e.field) for e in report.errors] == [(4, "positions")]
    assert count(engine) == 0 and count(engine, Unit) == 0


def test_skip_invalid_imports_the_good_rows_and_reports_the_rest(engine, tmp_path):
    rows = [record(i) for i in range(1, 6)]
    rows[1]["kind"] = "bogus"
    rows[2]["filled_positions"] = 9  # more than positions
    rows[4]["external_id"] = rows[0]["external_id"]  # duplicate within the file
    report = import_file(engine, write_jsonl(tmp_path / "m.jsonl", rows), skip_invalid=True)
    assert report.written and count(engine) == 2
    assert {(e.line, e.field) for e in report.errors} == {
        (2, "kind"), (3, "filled_positions"), (5, "external_id")
    }


def test_csv_and_xlsx_read_the_same_records(engine, tmp_path):
    rows = [record(i, languages="fi;en", degree_levels="bachelor;master") for i in range(1, 6)]
    csv_report = import_file(engine, write_csv(tmp_path / "a.csv", rows))
    assert csv_report.counts["created"] == 5
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(FIELDS))
    for row in rows:
        sheet.append([row.get(f) for f in FIELDS])
    workbook.save(tmp_path / "a.xlsx")
    xlsx_report = import_file(engine, tmp_path / "a.xlsx")
    assert xlsx_report.summary() == "created 0, updated 0, unchanged 5, rejected 0"
    with Session(engine) as session:
        stored = session.exec(select(Opportunity).where(Opportunity.external_id == "t-0001")).one()
    assert stored.languages == ["fi", "en"] and stored.degree_levels == ["bachelor", "master"]


def test_csv_error_lines_count_the_header(engine, tmp_path):
    rows = [record(i) for i in range(1, 4)]
    rows[1]["year"] = "next year"
    report = import_file(engine, write_csv(tmp_path / "a.csv", rows))
    assert [(e.line, e.field) for e in report.errors] == [(3, "year")]


def test_broken_json_line_is_reported(engine, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record(1)) + "\n{not json\n", encoding="utf-8")
    report = import_file(engine, path)
    assert [(e.line, e.field) for e in report.errors] == [(2, "record")]
    assert count(engine) == 0


@pytest.fixture
def cli_env(settings, monkeypatch):
    monkeypatch.setenv("OPPORTUNITY_BANK_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("OPPORTUNITY_BANK_DATABASE_URL", settings.database_url)
    return settings


def test_cli_import_reports_lines_and_exit_code(cli_env, engine, tmp_path, capsys):
    rows = [record(i) for i in range(1, 6)]
    rows[3]["positions"] = -2
    path = write_jsonl(tmp_path / "bad.jsonl", rows)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl: line 4: positions:" in err and "nothing was imported" in err
    assert count(engine) == 0
    assert main(["import", str(path), "--skip-invalid"]) == 1
    assert "created 4, updated 0, unchanged 0, rejected 1" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "missing.csv")]) == 2
    (tmp_path / "x.txt").write_text("hello")
    assert main(["import", str(tmp_path / "x.txt")]) == 2
    assert "use a .jsonl, .csv, .xlsx file" in capsys.readouterr().err
