"""docs/workflows.md shows the machines as the code defines them."""

from __future__ import annotations

from pathlib import Path

from liaison.cases.rules import DEADLINE_DAYS
from liaison.workflow_drive import KINDS

DOC = Path(__file__).parents[2] / "docs" / "workflows.md"


def test_every_transition_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for _model, machine, _perform, _column in KINDS.values():
        for t in machine.table():
            row = f"| `{t['action']}` | {', '.join(t['from'])} | {t['to']} |"
            assert row in text, row


def test_deadlines_are_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert ", ".join(f"{k} {v}" for k, v in DEADLINE_DAYS.items()
                     ).replace("urgent 2", "urgent 2 days") in text.replace("\n  ", " ")
