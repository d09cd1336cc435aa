"""Rewrite migrations/versions/0001 from the models.

Only while nothing has been released: once a database exists in production, schema changes
get their own migration (`alembic revision --autogenerate`) instead.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    versions = ROOT / "migrations" / "versions"
    with tempfile.TemporaryDirectory() as tmp:
        # Written where Alembic sees no other revision, so the hand-written ones that follow
        # 0001 (triggers, data) neither become its parents nor need an up-to-date database.
        fresh = Path(tmp) / "versions"
        fresh.mkdir()
        config = Config()
        config.set_main_option("script_location", str(ROOT / "migrations"))
        config.set_main_option("version_locations", str(fresh))
        config.set_main_option("sqlalchemy.url", f"sqlite:///{tmp}/empty.db")
        command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")
        for old in versions.glob("0001_*.py"):
            old.unlink()
        for new in fresh.glob("0001_*.py"):
            new.replace(versions / new.name)


if __name__ == "__main__":
    main()
