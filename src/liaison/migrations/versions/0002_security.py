"""security: users, access tokens, shares

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 11:18:50.094848
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('share',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_kind', sa.String(length=32), nullable=False),
    sa.Column('record_ref', sa.String(length=64), nullable=False),
    sa.Column('agency_ref', sa.String(length=64), nullable=False),
    sa.Column('shared_by', sa.String(length=64), nullable=False),
    sa.Column('shared_at', sa.DateTime(), nullable=False),
    sa.Column('purpose', sa.String(length=256), nullable=False),
    sa.ForeignKeyConstraint(['agency_ref'], ['agency.ref'], name=op.f('fk_share_agency_ref_agency')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_share')),
    sa.UniqueConstraint('record_kind', 'record_ref', 'agency_ref', name=op.f('uq_share_record_kind'))
    )
    with op.batch_alter_table('share', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_share_agency_ref'), ['agency_ref'], unique=False)
        batch_op.create_index(batch_op.f('ix_share_record_ref'), ['record_ref'], unique=False)

    op.create_table('user_account',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('agency_ref', sa.String(length=64), nullable=False),
    sa.Column('roles', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('clearance', sa.String(length=32), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('totp_secret', sa.String(length=64), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['agency_ref'], ['agency.ref'], name=op.f('fk_user_account_agency_ref_agency')),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_user_account'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_agency_ref'), ['agency_ref'], unique=False)

    op.create_table('access_token',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['username'], ['user_account.username'], name=op.f('fk_access_token_username_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_access_token'))
    )
    with op.batch_alter_table('access_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_token_username'), ['username'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('access_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_token_username'))

    op.drop_table('access_token')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_account_agency_ref'))

    op.drop_table('user_account')
    with op.batch_alter_table('share', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_share_record_ref'))
        batch_op.drop_index(batch_op.f('ix_share_agency_ref'))

    op.drop_table('share')
