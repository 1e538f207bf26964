"""``liaison extradition …``: extradition files, one dated step per stage."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from liaison.db import transaction
from liaison.extradition import service
from liaison.extradition.rules import EXTRADITION_MACHINE
from liaison.security.actor import cli_actor
from liaison.workflow_cli import add_action_commands, echo, echo_json, parse_date

app = typer.Typer(help="Extraditions: provisional arrest, court opinion, decree, surrender.",
                  no_args_is_help=True)

PARAMS = {a: ["on", "note"] for a in EXTRADITION_MACHINE.transitions}


def _run(ref: str, action: str, params: dict[str, Any], version: int | None) -> str:
    with transaction() as session:
        ext = service.perform(session, cli_actor(), ref, action, params, version=version)
        return f"extradition {ref}: {ext.stage} ({ext.outcome}, version {ext.version})"


add_action_commands(app, EXTRADITION_MACHINE, PARAMS, service.ACTION_PARAMS, _run)


@app.command("open")
def open_(
    ref: Annotated[str, typer.Argument(help="reference of the file")],
    direction: Annotated[str, typer.Option(help="to_home or by_home")],
    person: Annotated[Optional[str], typer.Option(help="person reference")] = None,  # noqa: UP045
    notice: Annotated[Optional[str], typer.Option(help="notice reference")] = None,  # noqa: UP045
    requesting_country: Annotated[Optional[str], typer.Option(help="alpha-2")] = None,  # noqa: UP045
    requested_country: Annotated[Optional[str], typer.Option(help="alpha-2")] = None,  # noqa: UP045
    requested_on: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD")] = None,  # noqa: UP045
) -> None:
    """Record an extradition request (stage request)."""
    with transaction() as session:
        ext = service.open_extradition(
            session, cli_actor(), ref=ref, direction=direction, person_ref=person,
            notice_ref=notice, requested_on=parse_date(requested_on, "--requested-on"),
            requesting_country_code=requesting_country.upper() if requesting_country else None,
            requested_country_code=requested_country.upper() if requested_country else None,
        )
        echo(f"extradition {ref}: {ext.stage}")


@app.command()
def timeline(ref: Annotated[str, typer.Argument(help="reference")]) -> None:
    """The dated stages of a file and the days each took."""
    with transaction() as session:
        data = service.timeline(session, cli_actor(), ref)
        data["allowed"] = EXTRADITION_MACHINE.allowed(data["stage"])
    echo_json(data)
