"""``liaison retention …``: what must be reviewed, what is past retention, renewals."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from liaison import retention
from liaison.db import transaction
from liaison.security.actor import cli_actor
from liaison.workflow_cli import echo, echo_json, parse_date

app = typer.Typer(help="Retention reviews (5 years, reviewed 6 months before the end).",
                  no_args_is_help=True)


@app.command()
def due(
    within: Annotated[int, typer.Option(help="also list reviews due within N days")] = 0,
    today: Annotated[Optional[str], typer.Option(help="YYYY-MM-DD (default today)")] = None,  # noqa: UP045
    kind: Annotated[Optional[list[str]], typer.Option(help="only this kind (repeatable)")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """Records to review now; those past their retention limit are flagged, never deleted."""
    with transaction() as session:
        items = retention.due(session, cli_actor(), parse_date(today, "--today"), within, kind)
    if as_json:
        echo_json([i.as_dict() for i in items])
        return
    for i in items:
        flag = "PAST RETENTION" if i.past_retention else "review due"
        derived = "" if i.review_date_set else " (no review date: from creation)"
        echo(f"{i.kind}\t{i.ref}\t{i.status or '-'}\treview {i.review_on}\t"
             f"expires {i.expires_on}\t{flag}{derived}")
    past = sum(i.past_retention for i in items)
    echo(f"{len(items)} record(s) to review, {past} past retention (nothing deleted)")


@app.command()
def renew(
    kind: Annotated[str, typer.Argument(help=" | ".join(retention.KINDS))],
    ref: Annotated[str, typer.Argument(help="reference")],
    reason: Annotated[str, typer.Option(help="why the record is kept")],
) -> None:
    """Keep a reviewed record for a new period (recorded in the audit trail)."""
    with transaction() as session:
        nxt = retention.renew(session, cli_actor(), kind, ref, reason)
    echo(f"{kind} {ref}: next review on {nxt}")
