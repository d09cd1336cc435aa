"""attachments stored in the database; sign-in throttles instead of a failure log

Revision ID: 0004
Revises: 0007
Create Date: 2026-12-01 07:30:00

Attachments lived as files under DATA_DIR/attachments, which a second app process or a
backup did not see. Their bytes move into attachment_chunks; files already on disk are read
in here, when the upgrade knows the directory (`db upgrade` and `serve` pass it), and left
in place for the operator to remove.

Units get name_key, so names that differ only in case, spacing or invisible characters
are one unit, and parallel creates of one new name cannot make two.

login_failures (one row per failure, a hard lock after five) gives way to login_throttles:
one row per account, address or browser with a growing delay.
"""
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
import sqlmodel
from alembic import context, op

revision: str = '0004'
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK_BYTES = 256 * 1024  # the same as opportunities.attachments.CHUNK_BYTES when written


def upgrade() -> None:
    op.create_table(
        'attachment_chunks',
        sa.Column('attachment_id', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['attachment_id'], ['attachments.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('attachment_id', 'seq'),
    )
    op.create_table(
        'login_throttles',
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('window_start', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('blocked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint('key'),
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_email'))
        batch_op.drop_index(batch_op.f('ix_login_failures_created_at'))
        batch_op.drop_index(batch_op.f('ix_login_failures_client_ip'))
    op.drop_table('login_failures')
    add_unit_name_keys()
    directory = context.config.attributes.get("attachments_dir")
    if directory:
        copy_files_in(Path(directory))


def add_unit_name_keys() -> None:
    """Key the units there are; names that differ only in case or spacing keep apart by id."""
    from opportunity_bank.opportunities.text import name_key

    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_key', sqlmodel.sql.sqltypes.AutoString(length=200),
                                      nullable=True))
    connection = op.get_bind()
    taken: set[str] = set()
    for unit_id, name in connection.execute(sa.text("SELECT id, name FROM units ORDER BY id")).all():
        key = name_key(name)
        if key in taken:
            key = f"{key}#{unit_id}"
        taken.add(key)
        connection.execute(sa.text("UPDATE units SET name_key = :key WHERE id = :id"),
                           {"key": key, "id": unit_id})
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.alter_column('name_key', nullable=False)
        batch_op.create_index(batch_op.f('ix_units_name_key'), ['name_key'], unique=True)


def copy_files_in(directory: Path) -> None:
    connection = op.get_bind()
    chunks = sa.table('attachment_chunks', sa.column('attachment_id'), sa.column('seq'),
                      sa.column('data', sa.LargeBinary))
    rows = connection.execute(sa.text("SELECT id, stored_name FROM attachments")).all()
    for attachment_id, stored_name in rows:
        path = directory / stored_name
        if not path.is_file():
            continue
        with path.open('rb') as handle:
            for seq, data in enumerate(iter(lambda: handle.read(CHUNK_BYTES), b'')):
                connection.execute(chunks.insert().values(attachment_id=attachment_id, seq=seq,
                                                          data=data))


def downgrade() -> None:
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_name_key'))
        batch_op.drop_column('name_key')
    op.drop_table('login_throttles')
    op.drop_table('attachment_chunks')
    op.create_table(
        'login_failures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column('client_ip', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_failures_client_ip'), ['client_ip'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_email'), ['email'], unique=False)
