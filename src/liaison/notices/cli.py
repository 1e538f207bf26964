"""``liaison notice …``: draft a warrant or notice request, review its compliance,
move it through its workflow, cancel it (with its derived records), record hits."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from liaison.db import transaction
from liaison.notices import followup, service
from liaison.notices.rules import NOTICE_MACHINE, HitStep
from liaison.security.actor import cli_actor
from liaison.workflow_cli import add_action_commands, echo, echo_json, parse_date

app = typer.Typer(help="Warrants, notices, diffusions, search notes: review, publish, cancel.",
                  no_args_is_help=True)

PARAMS = {
    "clear_neutrality": ["reason"], "refuse": ["reason"], "return_to_draft": ["note"],
    "publish": ["on"], "record_hit": ["person_ref", "source", "query", "score", "place",
                                      "note", "on"],
    "locate": ["place", "note"], "arrest": ["on"], "cancel": ["reason", "on", "note"],
    "withdraw": ["note", "on"], "expire": ["on"],
}


def _run(ref: str, action: str, params: dict[str, Any], version: int | None) -> str:
    with transaction() as session:
        notice = service.perform(session, cli_actor(), ref, action, params, version=version)
        return f"notice {ref}: {notice.status} (version {notice.version})"


add_action_commands(app, NOTICE_MACHINE, PARAMS, service.ACTION_PARAMS, _run)

Opt = Optional[str]  # noqa: UP045


@app.command()
def draft(
    ref: Annotated[str, typer.Argument(help="reference of the request")],
    kind: Annotated[str, typer.Option(help="red, arrest_warrant, diffusion, search_note…")],
    person: Annotated[Opt, typer.Option(help="person reference")] = None,
    charges: Annotated[str, typer.Option(help="the offence / the facts")] = "",
    warrant_ref: Annotated[str, typer.Option(help="arrest warrant or decision reference")] = "",
    warrant_date: Annotated[Opt, typer.Option(help="date of the warrant, YYYY-MM-DD")] = None,
    penalty_basis: Annotated[str, typer.Option(help="prosecution or sentence")] = "",
    penalty_months: Annotated[Optional[int], typer.Option(help="maximum / left to serve")] = None,  # noqa: UP045
    issuing_country: Annotated[Opt, typer.Option(help="alpha-2")] = None,
    derived_from: Annotated[Opt, typer.Option(help="the warrant or notice it derives from")] = None,
    scope: Annotated[str, typer.Option(help="international, regional, national")] = "international",
    neutrality_flag: Annotated[bool, typer.Option(
        help="may be of a political, military, religious or racial character")] = False,
) -> None:
    """Record a notice request as drafted."""
    with transaction() as session:
        notice = service.draft_notice(
            session, cli_actor(), ref, kind=kind, person_ref=person, charges=charges,
            warrant_reference=warrant_ref, warrant_date=parse_date(warrant_date, "--warrant-date"),
            penalty_basis=penalty_basis, penalty_months=penalty_months,
            issuing_country_code=issuing_country.upper() if issuing_country else None,
            derived_from_ref=derived_from, scope=scope, neutrality_flag=neutrality_flag,
        )
        echo(f"notice {ref}: {notice.status}")


@app.command()
def review(
    ref: Annotated[str, typer.Argument(help="reference")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """The compliance review: every failed rule with its reason (exit 2 if any fails)."""
    with transaction() as session:
        report = service.review(session, cli_actor(), ref)
    if as_json:
        echo_json(report.as_dict())
    else:
        for f in report.failures:
            echo(f"FAIL {f.rule} ({f.field}): {f.reason}")
        echo("compliant" if report.ok else f"{len(report.failures)} rule(s) failed")
    if not report.ok:
        raise SystemExit(2)  # (typer.Exit is swallowed outside standalone mode)


@app.command()
def show(ref: Annotated[str, typer.Argument(help="reference")]) -> None:
    """A notice's status, dates, decisions and the actions allowed now."""
    with transaction() as session:
        n = service.get_notice(session, cli_actor(), ref)
        echo_json({
            "ref": n.ref, "kind": n.kind, "status": n.status, "person_ref": n.person_ref,
            "derived_from_ref": n.derived_from_ref, "cancels_ref": n.cancels_ref,
            "cancellation_reason": n.cancellation_reason, "issued_on": n.issued_on,
            "review_on": n.review_on, "submitted_by": n.submitted_by,
            "approved_by": n.approved_by, "neutrality_decision": n.neutrality_decision,
            "neutrality_reason": n.neutrality_reason, "version": n.version,
            "allowed": NOTICE_MACHINE.allowed(n.status),
            "hits": [h.id for h in followup.hits_of(session, cli_actor(), ref)],
        })


@app.command()
def hits(ref: Annotated[str, typer.Argument(help="notice reference")]) -> None:
    """The hits on a notice and the steps taken since."""
    with transaction() as session:
        rows = followup.hits_of(session, cli_actor(), ref)
        echo_json([{"id": h.id, "person_ref": h.person_ref, "confirmed_by": h.confirmed_by,
                    "confirmed_on": h.confirmed_on, "source": h.source, "score": h.score,
                    "steps": h.steps, "extradition_ref": h.extradition_ref} for h in rows])


@app.command("follow-up")
def follow_up(
    hit_id: Annotated[int, typer.Argument(help="hit number")],
    step: Annotated[str, typer.Argument(help=" | ".join(s.value for s in HitStep))],
    on: Annotated[Opt, typer.Option(help="YYYY-MM-DD (default today)")] = None,
    note: Annotated[str, typer.Option(help="a note")] = "",
) -> None:
    """Record what follows a hit (the extradition file opens an extradition record)."""
    with transaction() as session:
        hit = followup.follow_up(session, cli_actor(), hit_id, step, {"on": on, "note": note})
        extra = f", extradition {hit.extradition_ref}" if hit.extradition_ref else ""
        echo(f"hit {hit_id}: {', '.join(s['step'] for s in hit.steps)}{extra}")


@app.command()
def watchlist(
    as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
) -> None:
    """The persons under an active warrant, notice or search note (what screening uses)."""
    from liaison.screening.watchlist import load_watchlist

    with transaction() as session:
        entries = load_watchlist(session)
    if as_json:
        echo_json([e.__dict__ for e in entries])
        return
    for e in entries:
        echo(f"{e.id}\t{' | '.join(e.names)}\t{e.birth_date or ''}\t{e.nationality or ''}")
    echo(f"{len(entries)} person(s) on the watchlist")


@app.command()
def check() -> None:
    """Notices whose statuses contradict each other (exit 1 if any)."""
    with transaction() as session:
        problems = followup.inconsistencies(session)
    for p in problems:
        echo(f"{p['ref']}\t{p['problem']}")
    echo(f"{len(problems)} inconsistent notice(s)")
    if problems:
        raise SystemExit(1)
