"""Commands for openings: import and demo-data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from opportunity_bank.settings import Settings


def register(commands) -> None:
    imp = commands.add_parser("import", help="import openings from .jsonl, .csv or .xlsx")
    imp.add_argument("file", type=Path)
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows even when some rows are invalid")
    imp.set_defaults(handler=run_import)

    demo = commands.add_parser("demo-data", help="load demo openings and targets")
    demo.add_argument("--count", type=int, default=300, help="how many openings (default 300)")
    demo.set_defaults(handler=run_demo_data)


def run_import(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.cli import CommandError, require_finnish
    from opportunity_bank.opportunities.importer import ImportFileError, import_validated, validate_file

    if args.file.is_dir():
        raise CommandError(f"{args.file}: is a folder; name the file to import in it")
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    require_finnish(settings)
    # The file first: one that cannot be imported is refused before the database is touched.
    try:
        validated = validate_file(args.file)
    except ImportFileError as error:
        raise CommandError(str(error)) from None
    except OSError as error:  # unreadable: permissions, a vanished mount
        raise CommandError(f"{args.file}: cannot be read ({error.strerror or error})") from None
    db.upgrade(settings)
    engine = db.make_engine(settings)

    def progress(done: int, total: int) -> None:
        if total >= 5000:
            print(f"\rwritten {done}/{total}", end="", file=sys.stderr, flush=True)

    report = import_validated(engine, validated, skip_invalid=args.skip_invalid, progress=progress)
    for error in report.errors:
        print(f"{args.file.name}: {error}", file=sys.stderr)
    if report.errors and not report.written:
        print(f"{report.rejected_lines} of {report.rows} rows are invalid; nothing was imported "
              "(fix them, or use --skip-invalid to import the valid rows)", file=sys.stderr)
        return 1
    print(f"{args.file.name}: {report.rows} rows: {report.summary()}")
    return 1 if report.errors else 0


def run_demo_data(settings: Settings, args: argparse.Namespace) -> int:
    from sqlmodel import Session, func, select

    from opportunity_bank import db
    from opportunity_bank.accounts.admin import set_unit_names
    from opportunity_bank.cli import CommandError
    from opportunity_bank.models import Opportunity, Target, Unit
    from opportunity_bank.opportunities.demo import UNIT_NAMES, demo_records, demo_targets, published_at
    from opportunity_bank.opportunities.importer import write_records
    from opportunity_bank.opportunities.schemas import validate_import_record
    from opportunity_bank.reports.targets import set_target

    if not 1 <= args.count <= 2_000_000:
        raise CommandError("--count must be from 1 to 2000000")
    db.upgrade(settings)
    engine = db.make_engine(settings)
    records, raws, published = [], list(demo_records(args.count)), {}
    for raw in raws:
        record, errors = validate_import_record(raw)
        if errors:
            raise CommandError(f"demo record {raw['external_id']} is invalid: {errors}")
        records.append(record)
        published[raw["external_id"]] = published_at(raw)
    counts = write_records(engine, records, published_at=published.get)
    with db.session_scope(engine) as session:
        if not session.exec(select(func.count(Target.id))).one():
            for year, kind, positions in demo_targets(raws):
                set_target(session, year, kind, positions)
        for name, names in UNIT_NAMES.items():
            unit = session.exec(select(Unit).where(Unit.name == name)).first()
            if unit is not None and not (unit.name_sv or unit.name_en):  # never over an admin's names
                set_unit_names(session, None, name, names)
    with Session(engine) as session:
        total = session.exec(select(func.count(Opportunity.id))).one()
    print(f"demo data: created {counts['created']}, updated {counts['updated']}, "
          f"unchanged {counts['unchanged']}; {total} openings in the bank")
    return 0
