"""Commands for operators: `backup FILE` and `restore FILE --yes`."""

from __future__ import annotations

import argparse
from pathlib import Path

from opportunity_bank.settings import Settings


def register(commands) -> None:
    backup = commands.add_parser(
        "backup", help="write a consistent backup of the database to FILE (while it runs)"
    )
    backup.add_argument("file", type=Path)
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser(
        "restore", help="replace the whole database with a backup; then run `reindex`"
    )
    restore.add_argument("file", type=Path)
    restore.add_argument("--yes", action="store_true", help="confirm replacing the database")
    restore.set_defaults(handler=run_restore)


def run_backup(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank.cli import CommandError
    from opportunity_bank.operations.backup import BackupError, backup

    try:
        backup(settings, args.file)
    except BackupError as error:
        raise CommandError(str(error)) from None
    print(f"backed up the database to {args.file} ({args.file.stat().st_size} bytes)")
    return 0


def run_restore(settings: Settings, args: argparse.Namespace) -> int:
    from opportunity_bank import db
    from opportunity_bank.cli import CommandError
    from opportunity_bank.operations.backup import BackupError, restore
    from opportunity_bank.search.runtime import running_server

    if not args.yes:
        raise CommandError("restore replaces the whole database with the backup; add --yes to confirm")
    if running_server(settings):
        raise CommandError("the service is running (it published its search server); stop it first")
    try:
        restore(settings, args.file)
    except BackupError as error:
        raise CommandError(str(error)) from None
    db.upgrade(settings)  # a backup from an older release gets the newer migrations
    print(f"restored the database from {args.file}; now run `opportunity-bank reindex` "
          "so that search shows what the backup holds")
    return 0
