"""OpenID Connect: staff identities at the provider and sign-ins under way

Revision ID: 0006
Revises: 0009
Create Date: 2026-12-01 07:17:51

oidc_identities ties a user to issuer + subject at the city's identity provider;
oidc_requests holds each authorization request (state, nonce, PKCE verifier) for the few
minutes until the browser that started it comes back.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('oidc_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('browser_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('nonce', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('code_verifier', sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
    sa.Column('next_path', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
    sa.Column('client_ip', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('oidc_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oidc_requests_browser_hash'), ['browser_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_oidc_requests_client_ip'), ['client_ip'], unique=False)
        batch_op.create_index(batch_op.f('ix_oidc_requests_created_at'), ['created_at'], unique=False)

    op.create_table('oidc_identities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('issuer', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('last_login_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('oidc_identities', schema=None) as batch_op:
        batch_op.create_index('ix_oidc_identities_issuer_subject', ['issuer', 'subject'], unique=True)
        batch_op.create_index(batch_op.f('ix_oidc_identities_user_id'), ['user_id'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('oidc_identities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oidc_identities_user_id'))
        batch_op.drop_index('ix_oidc_identities_issuer_subject')

    op.drop_table('oidc_identities')
    with op.batch_alter_table('oidc_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_oidc_requests_created_at'))
        batch_op.drop_index(batch_op.f('ix_oidc_requests_client_ip'))
        batch_op.drop_index(batch_op.f('ix_oidc_requests_browser_hash'))

    op.drop_table('oidc_requests')
