"""report indexes: composite indexes for the annual report's counts

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: name -> (table, columns); the same as liaison.reports.indexes.REPORT_INDEXES
INDEXES = {
    "ix_case_file_report": (
        "case_file", ["opened_on", "category", "partner_country_code", "direction"]
    ),
    "ix_notice_report_issued": ("notice", ["kind", "scope", "issued_on", "issuing_country_code"]),
    "ix_notice_report_arrest": (
        "notice", ["kind", "scope", "arrest_on", "issuing_country_code", "issued_on"]
    ),
    "ix_rogatory_letter_report_received": ("rogatory_letter", ["direction", "received_on"]),
    "ix_rogatory_letter_report_executed": ("rogatory_letter", ["direction", "executed_on"]),
    "ix_extradition_report": ("extradition", ["direction", "surrendered_on"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
