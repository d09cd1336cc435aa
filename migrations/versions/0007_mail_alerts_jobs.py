"""mail outbox and bounces, saved-search alerts, scheduled job claims, deadline reminders

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-01 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "mail_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("to_address", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
        sa.Column("address_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("template", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("unsubscribe_path", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("available_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("claimed_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("failed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_index("ix_mail_outbox_address_hash", "mail_outbox", ["address_hash"])
    op.create_index("ix_mail_outbox_due", "mail_outbox", ["sent_at", "failed_at", "available_at"])
    op.create_table(
        "mail_bounces",
        sa.Column("address_hash", sqlmodel.sql.sqltypes.AutoString(length=64), primary_key=True),
        sa.Column("bounced_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    )
    op.create_table(
        "alert_subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("address_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("search_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("q", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("levels", sa.JSON(), nullable=False),
        sa.Column("frequency", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_digest_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_active_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("retention_asked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.UniqueConstraint("address_hash", "search_hash", name="uq_alert_address_search"),
    )
    op.create_index("ix_alert_subscriptions_address_hash", "alert_subscriptions", ["address_hash"])
    op.create_index("ix_alert_subscriptions_confirmed_at", "alert_subscriptions", ["confirmed_at"])
    op.create_table(
        "alert_tokens",
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), primary_key=True),
        sa.Column("subscription_id", sa.Integer(),
                  sa.ForeignKey("alert_subscriptions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("purpose", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_index("ix_alert_tokens_subscription_id", "alert_tokens", ["subscription_id"])
    op.create_table(
        "alert_sent_openings",
        sa.Column("subscription_id", sa.Integer(),
                  sa.ForeignKey("alert_subscriptions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("opportunity_id", sa.Integer(), primary_key=True),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    op.create_table(
        "alert_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("address_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("client_ip", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    for column in ("address_hash", "client_ip", "created_at"):
        op.create_index(f"ix_alert_requests_{column}", "alert_requests", [column])
    op.create_table(
        "job_runs",
        sa.Column("job", sqlmodel.sql.sqltypes.AutoString(length=50), primary_key=True),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=40), primary_key=True),
        sa.Column("claimed_by", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("claimed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("lease_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("finished_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    )
    op.create_table(
        "deadline_reminders",
        sa.Column("opportunity_id", sa.Integer(), primary_key=True),
        sa.Column("deadline", sa.Date(), primary_key=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), primary_key=True),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    # Not batch: adding a column needs no table rebuild, on SQLite either.
    op.add_column("users", sa.Column("deadline_reminders", sa.Boolean(), nullable=False,
                                     server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("deadline_reminders")
    for table in ("deadline_reminders", "job_runs", "alert_requests", "alert_sent_openings",
                  "alert_tokens", "alert_subscriptions", "mail_bounces", "mail_outbox"):
        op.drop_table(table)
