"""``liaison case …``: open a cooperation file, move it through its workflow, list
what is overdue."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from liaison.cases import service
from liaison.cases.rules import CASE_MACHINE, DEADLINE_DAYS
from liaison.db import transaction
from liaison.security.actor import cli_actor
from liaison.workflow_cli import add_action_commands, echo, echo_json, parse_date

app = typer.Typer(help="Cooperation files: open, assign, answer, close.", no_args_is_help=True)

PARAMS = {
    "assign": ["to"], "draft_answer": ["answer"], "approve_answer": ["on"],
    "reopen": ["note"], "close": ["on"], "reject": ["reason", "on"], "transfer": ["to", "on"],
}


def _run(ref: str, action: str, params: dict[str, Any], version: int | None) -> str:
    with transaction() as session:
        case = service.perform(session, cli_actor(), ref, action, params, version=version)
        return f"case {ref}: {case.status} (version {case.version})"


add_action_commands(app, CASE_MACHINE, PARAMS, service.ACTION_PARAMS, _run)


@app.command("open")
def open_(
    ref: Annotated[str, typer.Argument(help="reference of the new file")],
    subject: Annotated[str, typer.Option(help="what the partner asks")],
    priority: Annotated[str, typer.Option(
        help=f"deadline: {', '.join(f'{k} {v} days' for k, v in DEADLINE_DAYS.items())}")
    ] = "normal",
    direction: Annotated[str, typer.Option(help="incoming or outgoing")] = "incoming",
    country: Annotated[Optional[str], typer.Option(help="partner country (ISO alpha-2)")] = None,  # noqa: UP045
    opened_on: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD (default today)")] = None,  # noqa: UP045
) -> None:
    """Record a new cooperation file (status received) with its deadline."""
    with transaction() as session:
        case = service.open_case(
            session, cli_actor(), ref=ref, subject=subject, priority=priority,
            direction=direction, partner_country_code=country.upper() if country else None,
            opened_on=parse_date(opened_on, "--opened-on"),
        )
        echo(f"case {ref}: {case.status}, due {case.due_on}")


@app.command()
def show(ref: Annotated[str, typer.Argument(help="reference")]) -> None:
    """A file's status, deadline, answer and the actions allowed now."""
    with transaction() as session:
        case = service.get_case(session, cli_actor(), ref)
        echo_json({
            "ref": case.ref, "status": case.status, "priority": case.priority,
            "opened_on": case.opened_on, "due_on": case.due_on, "assigned_to": case.assigned_to,
            "answer_by": case.answer_by, "answer_approved_by": case.answer_approved_by,
            "version": case.version, "allowed": CASE_MACHINE.allowed(case.status),
            "links": service.links(session, cli_actor(), ref),
        })


@app.command()
def overdue(
    today: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD (default today)")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """Open files past their deadline, the latest first."""
    with transaction() as session:
        rows = service.overdue(session, cli_actor(), parse_date(today, "--today"))
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        echo(f"{r['ref']}\t{r['status']}\t{r['priority']}\tdue {r['due_on']}\t"
             f"{r['days_late']} days late\t{r['assigned_to'] or '-'}")
    echo(f"{len(rows)} overdue file(s)")
