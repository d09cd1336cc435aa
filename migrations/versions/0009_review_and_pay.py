"""review before publishing, structured pay and direct apply

Revision ID: 0009
Revises: 0002
Create Date: 2026-12-01 08:00:00

Plain ADD COLUMNs, never a batch rebuild: on SQLite a rebuilt opportunities table would lose
the report_totals triggers of 0002.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPPORTUNITY_COLUMNS = (
    sa.Column("pay_min", sa.Numeric(10, 2), nullable=True),
    sa.Column("pay_max", sa.Numeric(10, 2), nullable=True),
    sa.Column("pay_currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=True),
    sa.Column("pay_period", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column("direct_apply", sa.Boolean(), nullable=False, server_default=sa.false()),
    sa.Column("submitted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column("review_reason", sa.Text(), nullable=True),
    sa.Column("pending_changes", sa.JSON(), nullable=True),
)


def upgrade() -> None:
    op.add_column("units", sa.Column("review_required", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    for column in OPPORTUNITY_COLUMNS:
        op.add_column("opportunities", column)


def downgrade() -> None:
    # SQLite drops a column in place (3.35+), without rebuilding the table and its triggers.
    for column in reversed(OPPORTUNITY_COLUMNS):
        op.drop_column("opportunities", column.name)
    op.drop_column("units", "review_required")
