"""Upgrading an empty database gives exactly the models' schema (on SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import opportunity_bank.models  # noqa: F401
from opportunity_bank.db import in_models


def test_head_matches_the_models(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                                "include_name": in_models})
        assert compare_metadata(context, SQLModel.metadata) == []
        assert context.get_current_revision() is not None
