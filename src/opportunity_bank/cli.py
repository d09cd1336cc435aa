"""The command line: `opportunity-bank COMMAND …` (also `python -m opportunity_bank`).

Each feature package registers its own commands; this module only builds the parser,
loads the settings and reports errors as one line.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from opportunity_bank.accounts import cli as accounts_cli
from opportunity_bank.operations import cli as operations_cli
from opportunity_bank.opportunities import cli as opportunities_cli
from opportunity_bank.reports import cli as reports_cli
from opportunity_bank.review import cli as review_cli
from opportunity_bank.search import cli as search_cli
from opportunity_bank.settings import Settings, SettingsError

REGISTRARS = (
    opportunities_cli.register, search_cli.register, accounts_cli.register, reports_cli.register,
    operations_cli.register, review_cli.register,
)


class CommandError(Exception):
    """A command could not do what was asked; the message is shown as is."""


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
                       help="app processes (default 1; see the README's performance section)")
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
    import uvicorn

    from opportunity_bank import db
    from opportunity_bank.app import create_app

    db.upgrade(settings)
    host = args.host or settings.host
    port = args.port or settings.port
    if not 1 <= args.workers <= 32:
        raise CommandError("--workers must be from 1 to 32")
    print(f"Opportunity Bank at http://{host}:{port}/", file=sys.stderr)
    options = dict(host=host, port=port, log_level="info", timeout_graceful_shutdown=20,
                   proxy_headers=True, server_header=False)
    if args.workers > 1:
        from opportunity_bank.web.workers import serve_workers

        serve_workers(settings, args.workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)
    return 0


def run_db_upgrade(settings: Settings, _args: argparse.Namespace) -> int:
    from opportunity_bank import db

    db.upgrade(settings)
    print("database is at the newest schema")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        return args.handler(settings, args)
    except (SettingsError, CommandError) as error:
        print(f"opportunity-bank: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
