"""PostgreSQL's second wall behind the access policy.

* **Row-level security** on the records a partner may see once shared (cases, notices,
  rogatory letters, persons, extraditions): when a transaction declares it acts for a
  partner agency (``liaison.partner_agency``, set by :func:`apply_row_security`), only
  rows shared with that agency exist for it, whatever query the application runs.
* **An append-only audit trail**: a trigger refuses UPDATE and DELETE on
  ``audit_entry`` to every role but a superuser (an operator repairing by hand), and
  :func:`grant_app_role` gives the application's own role no UPDATE, DELETE or
  TRUNCATE on it.

The table owner and superusers bypass row-level security: production runs the
application as an ordinary role (:func:`grant_app_role`), never as the owner.
SQLite has neither wall; the policy in :mod:`liaison.security.policy` is the first.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from liaison.security.actor import Actor

#: table -> record kind of the rows a partner may see once shared
PARTNER_TABLES = {
    "case_file": "case", "notice": "notice", "rogatory_letter": "rogatory_letter",
    "person": "person", "extradition": "extradition",
}
SETTING = "liaison.partner_agency"
POLICY = "liaison_partner_shared"

_APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION liaison_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql
"""


def upgrade_statements() -> list[str]:
    """The DDL of both walls (run by the Alembic revision on PostgreSQL only)."""
    statements = [
        _APPEND_ONLY_FUNCTION,
        "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
        "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION liaison_audit_append_only()",
        "REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC",
    ]
    for table, kind in PARTNER_TABLES.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {POLICY} ON {table}",
            # identifiers and kinds are this module's constants, never input
            f"CREATE POLICY {POLICY} ON {table} USING ("  # noqa: S608
            f"coalesce(current_setting('{SETTING}', true), '') = '' OR EXISTS ("
            f"SELECT 1 FROM share WHERE share.record_kind = '{kind}' "
            f"AND share.record_ref = {table}.ref "
            f"AND share.agency_ref = current_setting('{SETTING}', true)))",
        ]
    return statements


def downgrade_statements() -> list[str]:
    statements = [
        "DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry",
        "DROP FUNCTION IF EXISTS liaison_audit_append_only()",
    ]
    for table in PARTNER_TABLES:
        statements += [f"DROP POLICY IF EXISTS {POLICY} ON {table}",
                       f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"]
    return statements


def apply_row_security(session: Session, actor: Actor) -> None:
    """Declare, for the rest of this transaction, the partner agency acting (nothing
    for the home bureau). Every service that reads for a partner calls this first."""
    bind: Any = session.get_bind()
    if bind.dialect.name != "postgresql" or not actor.is_partner:
        return
    session.execute(text("SELECT set_config(:name, :agency, true)"),
                    {"name": SETTING, "agency": actor.agency_ref})


_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grant_app_role(engine: Engine, role: str, *, create: bool = False) -> None:
    """Give the application's database role what it needs, and no more: read and write
    the records, only read and append the audit trail. Idempotent."""
    if not _ROLE.match(role):
        raise ValueError(f"not a plain role name: {role!r}")
    with engine.begin() as conn:
        if create:
            conn.execute(text(  # the role name matched _ROLE above
                f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') "  # noqa: S608
                f"THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"))
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO {role}'))
        conn.execute(text(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO {role}'))
        conn.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO {role}'))
        conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM {role}"))
