"""Commands for HR: `targets set` and `report`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from opportunity_bank.settings import Settings

FORMATS = ("table", "csv", "xlsx", "json")


def register(commands) -> None:
    targets = commands.add_parser("targets", help="staff targets in positions")
    actions = targets.add_subparsers(dest="targets_command", required=True, metavar="ACTION")
    set_ = actions.add_parser("set", help="set the target of a year and kind (audited)")
    set_.add_argument("year")
    set_.add_argument("kind", help="thesis, internship or summer_job")
    set_.add_argument("positions", help="target in positions (0 or more)")
    set_.add_argument("--unit", help="the unit's name (default: the whole centre)")
    set_.set_defaults(handler=run_targets_set)

    report = commands.add_parser("report", help="positions against targets per year")
    report.add_argument("--from", dest="year_from", metavar="YEAR",
                        help="first year (default: four years before --to)")
    report.add_argument("--to", dest="year_to", metavar="YEAR", help="last year (default: this year)")
    report.add_argument("--format", choices=FORMATS, default="table")
    report.add_argument("--by", choices=("kind", "unit"), default="kind",
                        help="unit: one row per year, kind and unit (xlsx always holds both views)")
    report.add_argument("--output", type=Path, metavar="FILE", help="write here, not to stdout")
    report.set_defaults(handler=run_report)


def run_targets_set(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.cli import CommandError
    from opportunity_bank.reports.targets import TargetError, parse_target, set_target_named

    try:
        target = parse_target({"year": args.year, "kind": args.kind,
                               "positions": args.positions, "unit": args.unit})
        db.upgrade(settings)
        with db.session_scope(db.make_engine(settings)) as session:
            set_target_named(session, target)
    except TargetError as error:
        raise CommandError(f"target not set: {error}") from None
    where = target.unit or "the whole centre"
    print(f"target {target.year} {target.kind.value} for {where}: {target.positions} positions")
    return 0


def run_report(settings: Settings, args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from opportunity_bank import db
    from opportunity_bank.cli import CommandError
    from opportunity_bank.opportunities.lifecycle import city_today
    from opportunity_bank.reports import exports
    from opportunity_bank.reports.yearly import (
        ReportParamError,
        parse_report_query,
        report_rows,
        report_workbook,
    )

    try:
        query = parse_report_query(
            {"from": args.year_from, "to": args.year_to, "by": args.by}, city_today().year
        )
    except ReportParamError as error:
        option = {"from": "--from", "to": "--to", "by": "--by"}[error.field]
        raise CommandError(f"{option}: {error.message}") from None
    if args.format == "xlsx" and args.output is None and sys.stdout.isatty():
        raise CommandError("xlsx is binary: give --output FILE or redirect standard output")

    db.upgrade(settings)
    engine = db.make_engine(settings)
    with Session(engine) as session:
        if args.format == "xlsx":
            content: str | bytes = report_workbook(session, query.year_from, query.year_to)
        else:
            rows = report_rows(session, query.year_from, query.year_to, query.by_unit)
            content = {
                "table": exports.to_table,
                "csv": exports.to_csv,
                "json": _json_text,
            }[args.format](rows, query.by_unit)
    engine.dispose()
    write_output(content, args.output)
    return 0


def _json_text(rows, by_unit: bool) -> str:
    from opportunity_bank.reports.exports import to_json

    return json.dumps(to_json(rows, by_unit), ensure_ascii=False, indent=2) + "\n"


def write_output(content: str | bytes, output: Path | None) -> None:
    """To stdout, or to FILE through a temporary file so a failure leaves no half file."""
    data = content.encode() if isinstance(content, str) else content
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, output)
    except OSError as error:
        from opportunity_bank.cli import CommandError

        partial.unlink(missing_ok=True)
        raise CommandError(f"{output}: {error.strerror}") from None
