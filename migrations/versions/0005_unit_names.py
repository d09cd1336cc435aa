"""Unit names in Finnish, Swedish and English

Revision ID: 0005
Revises: 0008
Create Date: 2026-12-01 07:40:00

Students read a unit's name in their language; `name` stays the key that imports and the
command line use. Plain ADD COLUMN on both databases: no table rebuild, so the triggers on
opportunities are untouched.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = ("name_fi", "name_sv", "name_en")


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column("units", sa.Column(column, sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("units") as batch:
        for column in COLUMNS:
            batch.drop_column(column)
