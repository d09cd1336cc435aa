"""users.language: the language staff mails come in

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 21:00:00

Reminders and review mails went to every staff member in Finnish. Each account now keeps the
language its owner last used the service in (Finnish until then).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Not batch: adding a column needs no table rebuild, on SQLite either.
    op.add_column("users", sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2),
                                     nullable=False, server_default="fi"))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("language")
