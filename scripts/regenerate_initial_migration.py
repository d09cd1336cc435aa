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
    for old in (ROOT / "migrations" / "versions").glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        config = Config()
        config.set_main_option("script_location", str(ROOT / "migrations"))
        config.set_main_option("sqlalchemy.url", f"sqlite:///{tmp}/empty.db")
        command.revision(config, message="initial schema", autogenerate=True, rev_id="0001")


if __name__ == "__main__":
    main()
