"""`opportunity-bank targets set` and `opportunity-bank report` on a real database."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, select

from opportunity_bank.cli import main
from opportunity_bank.db import session_scope
from opportunity_bank.models import AuditEntry, Target, Unit
from opportunity_bank.opportunities.importer import import_file
from opportunity_bank.reports.targets import set_target
from tests.hr_history import (
    TARGETS,
    as_text,
    expected_rows,
    expected_taavi,
    history_records,
    write_history,
)

YEAR_FROM, YEAR_TO = 2023, 2026


@pytest.fixture
def cli_env(settings, monkeypatch):
    monkeypatch.setenv("OPPORTUNITY_BANK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OPPORTUNITY_BANK_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("OPPORTUNITY_BANK_SECRET_KEY", settings.secret_key)
    return settings


@pytest.fixture
def history(cli_env, engine, tmp_path) -> list[dict]:
    records = history_records(300, seed=5)
    assert import_file(engine, write_history(tmp_path, records)).written
    with session_scope(engine) as session:
        for year, kind, unit, positions in TARGETS:
            unit_row = session.exec(select(Unit).where(Unit.name == unit)).one() if unit else None
            set_target(session, year, kind, positions, unit_row)
    return records


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("by_unit", [False, True], ids=["by-kind", "by-unit"])
def test_report_json_and_csv_match_independent_count(capsys, history, by_unit):
    by = ["--by", "unit"] if by_unit else []
    span = ["--from", str(YEAR_FROM), "--to", str(YEAR_TO)]
    expected = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, by_unit)
    code, out, _ = run(capsys, "report", *span, "--format", "json", *by)
    assert code == 0 and json.loads(out) == {"rows": expected}
    code, out, _ = run(capsys, "report", *span, "--format", "csv", *by)
    table = list(csv.reader(io.StringIO(out)))
    assert code == 0 and table[0] == list(expected[0])
    assert table[1:] == [[as_text(value) for value in row.values()] for row in expected]


def test_report_table_is_aligned_with_every_row(capsys, history):
    code, out, _ = run(capsys, "report", "--from", str(YEAR_FROM), "--to", str(YEAR_TO))
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["year", "kind", "postings", "positions", "filled_positions",
                                "target", "achieved_pct", "change_positions"]
    expected = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, False)
    assert len(lines) == 1 + len(expected)
    for line, row in zip(lines[1:], expected, strict=True):
        assert line.split() == [as_text(value) or "–" for value in row.values()]


def test_report_xlsx_to_file_and_to_a_pipe(capsysbinary, history, tmp_path):
    output = tmp_path / "report.xlsx"
    code = main(["report", "--from", str(YEAR_FROM), "--to", str(YEAR_TO),
                 "--format", "xlsx", "--output", str(output)])
    assert code == 0 and capsysbinary.readouterr().out == b""
    workbook = load_workbook(output)
    assert workbook.sheetnames == ["by kind", "by unit", "taavi"]
    by_kind = expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, False)
    taavi = [list(row) for row in workbook["taavi"].iter_rows(min_row=3, values_only=True)]
    assert taavi == [list(row.values()) for row in expected_taavi(by_kind)]
    by_unit = [list(row) for row in workbook["by unit"].iter_rows(min_row=3, values_only=True)]
    assert by_unit == [list(row.values())
                       for row in expected_rows(history, TARGETS, YEAR_FROM, YEAR_TO, True)]

    assert main(["report", "--from", str(YEAR_FROM), "--to", str(YEAR_TO), "--format", "xlsx"]) == 0
    piped = capsysbinary.readouterr().out
    assert piped.startswith(b"PK\x03\x04")  # a zip, not text
    assert load_workbook(io.BytesIO(piped)).sheetnames == ["by kind", "by unit", "taavi"]


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["--from", "2026", "--to", "2020"], "--to: the range is reversed"),
     (["--from", "1066", "--to", "2026"], "--from: the start year 1066"),
     (["--from", "2020", "--to", "next"], "--to: must be a year"),
     (["--from", "2001", "--to", "2100"], "at most 50 years")],
)
def test_report_bad_range_is_one_line_and_exit_2(capsys, cli_env, argv, words, tmp_path):
    output = tmp_path / "never.csv"
    code, out, err = run(capsys, "report", *argv, "--format", "csv", "--output", str(output))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err
    assert not output.exists()


def stored_targets(engine) -> list[tuple]:
    with Session(engine) as session:
        return [(t.year, t.kind, t.unit_id, t.positions)
                for t in session.exec(select(Target).order_by(Target.id))]


def test_targets_set_writes_and_audits(capsys, history, engine):
    code, out, _ = run(capsys, "targets", "set", "2027", "thesis", "44")
    assert code == 0 and "44" in out
    code, _, _ = run(capsys, "targets", "set", "2027", "thesis", "12", "--unit", "Geotekniikka")
    assert code == 0
    with Session(engine) as session:
        audit = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert audit.actor_label == "command line" and audit.changes["positions"] == [None, 12]
    code, out, _ = run(capsys, "report", "--from", "2027", "--to", "2027", "--format", "json")
    assert [row["target"] for row in json.loads(out)["rows"]] == [44, None, None]


@pytest.mark.parametrize(
    ("argv", "field"),
    [(["2027", "thesis", "-5"], "positions"), (["2027", "phd", "5"], "kind"),
     (["1999", "thesis", "5"], "year"), (["2027", "thesis", "lots"], "positions"),
     (["2027", "thesis", "5", "--unit", "Nowhere"], "unit")],
)
def test_targets_set_refuses_bad_input(capsys, history, engine, argv, field):
    before = stored_targets(engine)
    code, out, err = run(capsys, "targets", "set", *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{field}:" in err
    assert stored_targets(engine) == before
