"""PostgreSQL: append-only audit trail and row-level security for partner accounts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no roles: the access policy is the only wall there
    from liaison.security.rls import upgrade_statements

    for statement in upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    from liaison.security.rls import downgrade_statements

    for statement in downgrade_statements():
        op.execute(statement)
