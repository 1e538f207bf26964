"""What the workflow commands share: one command per state-machine action, built from
the machine's table, so the CLI always offers exactly the actions the rules define.

``liaison case assign C-1 --to amal`` runs ``cases.service.perform(…, "assign",
{"to": "amal"})`` in one transaction as the command-line actor, then prints the new
status. A refused action prints one line (with the allowed actions) and exits non-zero
(the root command's error handling).
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Optional

import typer

from liaison.workflow import StateMachine

#: option name -> help, for every parameter a workflow action may take
OPTION_HELP: dict[str, str] = {
    "to": "user, agency or authority the record goes to",
    "reason": "why (recorded with the step)",
    "note": "a note recorded with the step",
    "on": "date of the step, YYYY-MM-DD (default: today)",
    "answer": "text of the answer to the partner",
    "due_on": "due date, YYYY-MM-DD",
    "person_ref": "the person who was matched (default: the notice's person)",
    "source": "where the match came from: desk, border, batch, partner",
    "query": "what was searched",
    "score": "the screening score of the match",
    "place": "where it happened",
}


def echo(text: str) -> None:
    typer.echo(text)


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _command(action: str, params: list[str], run: Callable[[str, str, dict[str, Any],
             int | None], str]) -> Callable[..., None]:
    def command(**kwargs: Any) -> None:
        ref = kwargs.pop("ref")
        version = kwargs.pop("version")
        echo(run(ref, action, {k: v for k, v in kwargs.items() if v is not None}, version))

    sig = [inspect.Parameter("ref", inspect.Parameter.KEYWORD_ONLY,
                             annotation=Annotated[str, typer.Argument(help="reference")])]
    for name in params:
        option = "--" + name.replace("_", "-")
        annotation = Annotated[Optional[str],  # noqa: UP045 (typer reads it at runtime)
                               typer.Option(option, help=OPTION_HELP.get(name, name))]
        sig.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                     annotation=annotation))
    sig.append(inspect.Parameter(
        "version", inspect.Parameter.KEYWORD_ONLY, default=None,
        annotation=Annotated[Optional[int],  # noqa: UP045
                             typer.Option(help="refuse if the record changed since this version")],
    ))
    command.__signature__ = inspect.Signature(sig)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in sig}
    return command


def add_action_commands(
    app: typer.Typer,
    machine: StateMachine,
    params: dict[str, list[str]],
    helps: dict[str, str],
    run: Callable[[str, str, dict[str, Any], int | None], str],
    skip: Iterable[str] = (),
) -> None:
    """One command per action of ``machine`` (``record_hit`` → ``record-hit``)."""
    for transition in machine.transitions.values():
        action = transition.action
        if action in skip:
            continue
        sources = ", ".join(sorted(transition.sources))
        help_text = (f"{action.replace('_', ' ').capitalize()}: {sources} → {transition.target}."
                     + (f" Needs: {helps[action]}." if action in helps else ""))
        app.command(name=action.replace("_", "-"), help=help_text)(
            _command(action, params.get(action, []), run)
        )


def parse_date(value: str | None, name: str = "--on") -> dt.date | None:
    from liaison.errors import ValidationError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.for_field(name, f"'{value}' is not a date (YYYY-MM-DD)") from None
