"""``liaison letter …``: international rogatory letters, from receipt to return."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from liaison.db import transaction
from liaison.letters import service
from liaison.letters.rules import LETTER_MACHINE
from liaison.security.actor import cli_actor
from liaison.workflow_cli import add_action_commands, echo, echo_json, parse_date

app = typer.Typer(help="Rogatory letters: register, execute, remind, return.",
                  no_args_is_help=True)

PARAMS = {
    "register": ["on", "due_on"], "send_for_execution": ["to"], "remind": ["on"],
    "record_execution": ["on", "note"], "record_partial_execution": ["note", "on"],
    "refuse": ["reason", "on"], "return_results": ["on"],
}


def _run(ref: str, action: str, params: dict[str, Any], version: int | None) -> str:
    with transaction() as session:
        letter = service.perform(session, cli_actor(), ref, action, params, version=version)
        due = f", due {letter.due_on}" if letter.due_on else ""
        return f"letter {ref}: {letter.status}{due} (version {letter.version})"


add_action_commands(app, LETTER_MACHINE, PARAMS, service.ACTION_PARAMS, _run)


@app.command()
def receive(
    ref: Annotated[str, typer.Argument(help="reference of the letter")],
    subject: Annotated[str, typer.Option(help="the act requested")] = "",
    direction: Annotated[str, typer.Option(help="incoming or outgoing")] = "incoming",
    country: Annotated[Optional[str], typer.Option(help="requesting country (alpha-2)")] = None,  # noqa: UP045
    received_on: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,  # noqa: UP045
) -> None:
    """Record a rogatory letter as received."""
    with transaction() as session:
        letter = service.receive_letter(
            session, cli_actor(), ref=ref, subject=subject, direction=direction,
            received_on=parse_date(received_on, "--received-on"),
            requesting_country_code=country.upper() if country else None,
        )
        echo(f"letter {ref}: {letter.status}")


@app.command()
def reminders(
    today: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD (default today)")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """Letters with the executing authority to remind: overdue, or due within 15 days."""
    with transaction() as session:
        rows = service.due_reminders(session, cli_actor(), parse_date(today, "--today"))
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        state = "OVERDUE" if r["overdue"] else f"{r['days_left']} days left"
        echo(f"{r['ref']}\t{r['status']}\tdue {r['due_on']}\t{state}\t"
             f"{r['reminders']} reminder(s)")
    echo(f"{len(rows)} letter(s) to remind")


@app.command()
def show(ref: Annotated[str, typer.Argument(help="reference")]) -> None:
    """A letter's status, dates and the actions allowed now."""
    with transaction() as session:
        x = service.get_letter(session, cli_actor(), ref)
        echo_json({"ref": x.ref, "status": x.status, "received_on": x.received_on,
                   "due_on": x.due_on, "executed_on": x.executed_on,
                   "returned_on": x.returned_on, "reminders": x.reminder_count,
                   "version": x.version, "allowed": LETTER_MACHINE.allowed(x.status)})
