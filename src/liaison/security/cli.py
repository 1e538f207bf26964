"""`liaison user …` and `liaison audit …`: accounts, and the audit trail's checks."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console

from liaison.db import get_engine, transaction, upgrade
from liaison.errors import LiaisonError, ValidationError
from liaison.security import audit
from liaison.security.accounts import add_user, disable_user
from liaison.security.actor import cli_actor
from liaison.security.policy import Action, require

out = Console(highlight=False)

user_app = typer.Typer(help="User accounts: add, disable.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit trail: verify its chain, show who saw a person.",
                        no_args_is_help=True)


class ChainBroken(LiaisonError):
    title = "Audit chain broken"
    exit_code = 8


def _ready() -> None:
    upgrade(get_engine())


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="user name (a-z, 0-9, . _ -)")],
    role: Annotated[list[str], typer.Option("--role", help="officer, supervisor, analyst, "
                                            "auditor, admin or partner (repeatable)")],
    agency: Annotated[str, typer.Option("--agency", help="acronym or ref of the user's agency")],
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="read the password from standard input (required)")] = False,
    totp: Annotated[bool, typer.Option(
        "--totp", help="require a one-time code (always on for supervisors and admins)")] = False,
    clearance: Annotated[str, typer.Option(
        help="highest classification the user may read (default: the role's)")] = "",
) -> None:
    """Create an account; prints the second factor's enrolment URI once."""
    if not password_stdin:
        raise ValidationError.for_field("--password-stdin", "give the password on standard input")
    password = sys.stdin.readline().rstrip("\r\n")
    _ready()
    with transaction() as session:
        new = add_user(session, cli_actor(), name, role, agency, password, totp=totp,
                       clearance=clearance)
        roles, agency_ref = ", ".join(new.user.roles), new.user.agency_ref
    out.print(f"User {name} added ({roles}; agency {agency_ref}).")
    if new.totp_uri:
        out.print("Second factor: enrol this URI in an authenticator app now; "
                  "it is not shown again:")
        out.print(new.totp_uri, markup=False, soft_wrap=True)


@user_app.command("disable")
def user_disable(name: Annotated[str, typer.Argument(help="user name")]) -> None:
    """Disable an account at once and revoke its tokens and sessions."""
    _ready()
    with transaction() as session:
        revoked = disable_user(session, cli_actor(), name)
    out.print(f"User {name} disabled; {revoked} token(s) or session(s) revoked.")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the whole hash chain; exits non-zero naming the first broken entry."""
    actor = cli_actor()
    require(actor, Action.audit, "audit")
    with transaction() as session:
        result = audit.verify(session)
    if not result.ok:
        raise ChainBroken(f"audit chain broken at entry {result.broken_seq}: {result.reason} "
                          f"({result.checked} entries verified before it)")
    out.print(f"Audit chain intact: {result.checked:,} entries verified.")


@audit_app.command("show")
def audit_show(
    person: Annotated[str, typer.Option("--person", help="reference of the person")] = "",
    ref: Annotated[str, typer.Option("--ref", help="reference of any record")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
) -> None:
    """Who looked at (or changed) a person: every audit entry about it, oldest first."""
    target, kind = (person, "person") if person else (ref, None)
    if not target:
        raise ValidationError.for_field("--person", "name a person (or --ref a record)")
    actor = cli_actor()
    require(actor, Action.audit, "audit")
    with transaction() as session:
        entries = audit.entries_for(session, target, kind)
        rows = [{"seq": e.seq, "at": e.at.isoformat(timespec="seconds"), "actor": e.actor,
                 "action": e.action, "purpose": e.purpose, "origin": e.origin} for e in entries]
    if as_json:
        for row in rows:
            out.print(json.dumps(row, ensure_ascii=False), markup=False, soft_wrap=True)
        return
    if not rows:
        out.print(f"No audit entry about {target}.")
        return
    for r in rows:
        out.print(f"{r['seq']:>8}  {r['at']}  {r['actor']:<20} {r['action']:<12} "
                  f"{r['origin']:<16} {r['purpose']}", markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Mount `liaison user` and `liaison audit` on the root command."""
    app.add_typer(user_app, name="user")
    app.add_typer(audit_app, name="audit")
