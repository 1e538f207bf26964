"""Drive a record to a given state through its real workflow: the shortest sequence of
actions the machine allows, each done by the service with plausible parameters, the
right actor (an officer drafts, a supervisor approves) and increasing dates.

For the demo database and tests: every state reached this way went through the same
rules, policy checks and audit entries as a person's actions would.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from liaison.cases import service as cases
from liaison.cases.model import Case
from liaison.cases.rules import CASE_MACHINE
from liaison.errors import ValidationError
from liaison.extradition import service as extraditions
from liaison.extradition.model import Extradition
from liaison.extradition.rules import EXTRADITION_MACHINE
from liaison.letters import service as letters
from liaison.letters.model import RogatoryLetter
from liaison.letters.rules import LETTER_MACHINE
from liaison.notices import service as notices
from liaison.notices.model import Notice
from liaison.notices.rules import NOTICE_MACHINE
from liaison.security.actor import Actor
from liaison.workflow import StateMachine

#: kind -> (model, machine, perform, status column)
KINDS: dict[str, tuple[Any, StateMachine, Callable[..., Any], str]] = {
    "case": (Case, CASE_MACHINE, cases.perform, "status"),
    "notice": (Notice, NOTICE_MACHINE, notices.perform, "status"),
    "rogatory_letter": (RogatoryLetter, LETTER_MACHINE, letters.perform, "status"),
    "extradition": (Extradition, EXTRADITION_MACHINE, extraditions.perform, "stage"),
}

#: actions a supervisor does (what leaves the office)
SUPERVISOR_ACTIONS = frozenset({
    "approve_answer", "approve", "publish", "cancel", "clear_neutrality", "refuse",
})

#: parameters each action gets when driven
DEFAULT_PARAMS: dict[str, dict[str, Any]] = {
    "assign": {"to": "officer"},
    "draft_answer": {"answer": "Les vérifications effectuées n'ont révélé aucun antécédent."},
    "reject": {"reason": "outside the bureau's remit"},
    "transfer": {"to": "Direction générale de la sûreté nationale"},
    "clear_neutrality": {"reason": "ordinary-law offence; no political element"},
    "refuse": {"reason": "insufficient judicial data"},
    "cancel": {"reason": "arrested"},
    "withdraw": {"note": "withdrawn by the requesting authority"},
    "record_hit": {"source": "border", "score": 0.96},
    "send_for_execution": {"to": "Juge d'instruction"},
    "record_partial_execution": {"note": "one witness could not be found"},
}


#: self-loop steps a path must take before an action (the machine cannot see them)
BEFORE: dict[str, list[str]] = {"approve_answer": ["draft_answer"]}


def path_to(machine: StateMachine, start: str, target: str) -> list[str]:
    """The shortest sequence of actions from ``start`` to ``target`` (empty if equal)."""
    if start == target:
        return []
    seen, queue = {start}, deque([(start, list[str]())])
    while queue:
        state, actions = queue.popleft()
        for action in machine.allowed(state):
            nxt = machine.next_state(state, action)
            if nxt == target:
                return [*actions, action]
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, [*actions, action]))
    raise ValidationError.for_field("status", f"{machine.name}: '{target}' cannot be reached "
                                              f"from '{start}'")


def drive(session: Session, kind: str, ref: str, target: str, *, officer: Actor,
          supervisor: Actor, start_on: dt.date, step_days: int = 7,
          params: dict[str, dict[str, Any]] | None = None) -> Any:
    """Take the record ``ref`` to ``target`` through its workflow; returns the record."""
    model, machine, perform, column = KINDS[kind]
    record = session.get(model, ref)
    if record is None:
        raise ValidationError.for_field("ref", f"no {kind} {ref}")
    on = start_on
    actions = path_to(machine, getattr(record, column), target)
    actions = [step for action in actions for step in [*BEFORE.get(action, []), action]]
    for action in actions:
        on += dt.timedelta(days=step_days)
        actor = supervisor if action in SUPERVISOR_ACTIONS else officer
        values = {"on": on, **DEFAULT_PARAMS.get(action, {}), **(params or {}).get(action, {})}
        if action == "assign":
            values.setdefault("to", officer.username)
            values["to"] = officer.username if values["to"] == "officer" else values["to"]
        record = perform(session, actor, ref, action, values, today=max(on, start_on))
    return record
