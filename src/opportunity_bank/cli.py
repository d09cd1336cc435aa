"""The command line: `opportunity-bank COMMAND …` (also `python -m opportunity_bank`).

Each feature package registers its own commands; this module only builds the parser,
loads the settings and reports errors as one line.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from opportunity_bank import incidents
from opportunity_bank.accounts import cli as accounts_cli
from opportunity_bank.incidents import log_unexpected
from opportunity_bank.operations import cli as operations_cli
from opportunity_bank.opportunities import cli as opportunities_cli
from opportunity_bank.reports import cli as reports_cli
from opportunity_bank.review import cli as review_cli
from opportunity_bank.search import cli as search_cli
from opportunity_bank.search.analysis import FinnishUnavailable
from opportunity_bank.search.managed import (
    DataDirInUse,
    MeilisearchBinaryMissing,
    find_binary,
    reclaim_data_dir,
)
from opportunity_bank.settings import Settings, SettingsError

REGISTRARS = (
    opportunities_cli.register, search_cli.register, accounts_cli.register, reports_cli.register,
    operations_cli.register, review_cli.register,
)


class CommandError(Exception):
    """A command could not do what was asked; the message is shown as is."""


# What a person can put right: the message, one line, says how; the exit code is 2.
REFUSALS = (SettingsError, CommandError, FinnishUnavailable, MeilisearchBinaryMissing, DataDirInUse)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="opportunity-bank",
        description="Theses, internships and summer jobs of Espoo's Urban Technology Centre.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="upgrade the database, start search and serve")
    serve.add_argument("--host", help="address to listen on (default from settings, 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default from settings, 8000)")
    serve.add_argument("--workers", type=int, default=1,
                       help="app processes (default 1; see docs/benchmarks.md)")
    serve.set_defaults(handler=run_serve)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="apply migrations up to the newest").set_defaults(
        handler=run_db_upgrade
    )
    for register in REGISTRARS:
        register(commands)
    return parser


def run_serve(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.runtime import serve

    if not 1 <= args.workers <= 32:
        raise CommandError("--workers must be from 1 to 32")
    require_finnish(settings)
    if settings.managed_meilisearch:
        find_binary(override=settings.meili_binary)
        reclaim_data_dir(settings.data_dir)
    db.upgrade(settings)
    host = args.host or settings.host
    port = args.port or settings.port
    print(f"Opportunity Bank at http://{host}:{port}/", file=sys.stderr)
    serve(settings, host, port, args.workers)
    return 0


def require_finnish(settings: Settings) -> None:
    """Stop before anything starts when Finnish openings could not be indexed or searched."""
    from opportunity_bank.search.analysis import get_analyzer

    get_analyzer(settings.voikko_path).require_finnish()


def run_db_upgrade(settings: Settings, _args: argparse.Namespace) -> int:
    from opportunity_bank import db

    db.upgrade(settings)
    print("database is at the newest schema")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # Alembic announces its plugins and context on every command; a migration it runs still shows.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
    logging.getLogger("alembic.runtime.migration").addFilter(
        lambda record: record.getMessage().startswith("Running"))
    args = build_parser().parse_args(argv)
    settings: Settings | None = None
    try:
        settings = Settings.from_env()
        return args.handler(settings, args)
    except REFUSALS as error:
        print(f"opportunity-bank: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        log_file = _unexpected_errors_to_file(settings)
        error_id = log_unexpected(f"opportunity-bank {args.command}", error)
        print(f"opportunity-bank: unexpected error {error_id} ({type(error).__name__}); "
              f"the details are in {log_file} under that id", file=sys.stderr)
        return 1


def _unexpected_errors_to_file(settings: Settings | None) -> Path:
    """Send the unexpected-error log to a file (DATA_DIR/log/errors.log, else the temp dir)
    instead of the terminal, where a stack would bury the one line that matters."""
    candidates = [settings.data_dir / "log" / "errors.log"] if settings else []
    candidates.append(Path(tempfile.gettempdir()) / "opportunity-bank-errors.log")
    for path in candidates:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        incidents.log.addHandler(handler)
        incidents.log.propagate = False
        return path.resolve()
    return candidates[-1]
