"""What every workflow of the office shares: an explicit state machine (pure, no I/O)
and the few steps each workflow service repeats (policy check, audit entry, version
check, retention dates).

A machine is a table of :class:`Transition` rows: an action, the states it may start
from, and the state it leads to. Asking a machine for the next state of an action that
the current state does not allow raises :class:`~liaison.errors.InvalidTransition`
listing the actions that *are* allowed, so a page, the API and the CLI can show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from liaison.errors import Conflict, InvalidTransition

#: INTERPOL-style retention: a record is kept 5 years, then renewed or deleted by its
#: owner after a review, which the rules ask for about 6 months before the end.
RETENTION_YEARS = 5
REVIEW_MONTHS_BEFORE_EXPIRY = 6


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str


class StateMachine:
    """A finite state machine over a ``StrEnum`` of states and one of actions."""

    def __init__(
        self,
        name: str,
        states: type[StrEnum],
        actions: type[StrEnum],
        transitions: Iterable[tuple[str, Iterable[str], str]],
        initial: str,
    ) -> None:
        self.name = name
        self.states = states
        self.actions = actions
        self.initial = initial
        self.transitions: dict[str, Transition] = {}
        for action, sources, target in transitions:
            known = {str(s) for s in states}
            srcs = frozenset(str(s) for s in sources)
            if str(action) not in {str(a) for a in actions}:
                raise ValueError(f"{name}: unknown action {action}")
            if not srcs <= known or str(target) not in known:
                raise ValueError(f"{name}: {action} names an unknown state")
            self.transitions[str(action)] = Transition(str(action), srcs, str(target))

    def allowed(self, state: str) -> list[str]:
        """The actions allowed from ``state``, in the order of the table."""
        return [t.action for t in self.transitions.values() if str(state) in t.sources]

    def is_terminal(self, state: str) -> bool:
        return not self.allowed(state)

    def can(self, state: str, action: str) -> bool:
        return str(action) in self.allowed(state)

    def next_state(self, state: str, action: str) -> str:
        """The state ``action`` leads to from ``state``; refuses what is not allowed."""
        allowed = self.allowed(state)
        if str(action) not in self.transitions:
            raise InvalidTransition(
                f"{self.name}: unknown action '{action}'; allowed from '{state}': "
                f"{', '.join(allowed) or 'none'}",
                allowed,
            )
        if str(action) not in allowed:
            raise InvalidTransition(
                f"{self.name}: '{action}' is not allowed when the status is '{state}'; "
                f"allowed: {', '.join(allowed) or 'none (final state)'}",
                allowed,
            )
        return self.transitions[str(action)].target

    def table(self) -> list[dict[str, Any]]:
        """The machine as data (documentation, the API, the pages)."""
        return [
            {"action": t.action, "from": sorted(t.sources), "to": t.target}
            for t in self.transitions.values()
        ]


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def retention_expiry(start: dt.date) -> dt.date:
    """The day a record recorded (or last renewed) on ``start`` reaches its retention limit."""
    return add_years(start, RETENTION_YEARS)


def review_date(start: dt.date) -> dt.date:
    """The review date of a record recorded or renewed on ``start`` (6 months before expiry)."""
    return add_months(retention_expiry(start), -REVIEW_MONTHS_BEFORE_EXPIRY)


def expiry_of_review(review_on: dt.date) -> dt.date:
    """The retention limit that goes with a review date."""
    return add_months(review_on, REVIEW_MONTHS_BEFORE_EXPIRY)


def check_version(kind: str, ref: str, current: int, expected: int | None) -> None:
    """Optimistic locking at the edge: a stale version is a conflict, never an overwrite."""
    if expected is not None and expected != current:
        raise Conflict(
            f"{kind} {ref} was changed meanwhile (version {current}, you had {expected}); "
            "reload it and try again"
        )


# -- the access policy, one line per action -------------------------------------------
# Services call these; both delegate to security/policy.py, the one place where access
# rules live.


def authorize(session: Any, actor: Any, kind: str, record: Any = None,
              action: str = "transition") -> None:
    """Refuse ``action`` (a workflow step by default) on ``record`` unless the policy allows it."""
    from liaison.security import policy

    policy.require(actor, action, kind, record, session=session)


def authorize_approval(actor: Any, drafted_by: str | None = None) -> None:
    """Four-eyes: what leaves the office is approved by a supervisor who did not draft it."""
    from liaison.security import policy

    policy.require_approval(actor, drafted_by or None)


# -- the parameters of an action, as the edges pass them -------------------------------


#: the years a workflow date may fall in (keeps date arithmetic in range)
MIN_YEAR, MAX_YEAR = 1900, 2200


class Params:
    """The parameters of a workflow action (a JSON body, CLI options), read with
    validation: a missing or malformed value names its field."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.values = {k: v for k, v in (values or {}).items() if v is not None}

    def text(self, name: str, required: bool = False, default: str = "",
             max_len: int = 4000) -> str:
        from liaison.errors import ValidationError

        value = self.values.get(name, default)
        if not isinstance(value, str):
            raise ValidationError.for_field(name, "must be text")
        if required and not value.strip():
            raise ValidationError.for_field(name, "is required for this action")
        if len(value.strip()) > max_len:
            raise ValidationError.for_field(name, f"at most {max_len} characters")
        return value.strip()

    def date(self, name: str, default: dt.date | None = None) -> dt.date | None:
        from liaison.errors import ValidationError

        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, dt.date):
            day = value
        else:
            try:
                day = dt.date.fromisoformat(str(value))
            except ValueError:
                raise ValidationError.for_field(
                    name, f"'{value}' is not a date (YYYY-MM-DD)") from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValidationError.for_field(name, f"{day} is outside {MIN_YEAR}-{MAX_YEAR}")
        return day

    def flag(self, name: str) -> bool:
        value = self.values.get(name, False)
        return value in (True, 1, "1", "true", "yes")

    def number(self, name: str) -> float | None:
        from liaison.errors import ValidationError

        value = self.values.get(name)
        if value is None or value == "":
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValidationError.for_field(name, f"'{value}' is not a number") from None
        if not 0.0 <= number <= 1.0:
            raise ValidationError.for_field(name, "a score between 0 and 1")
        return number


def audit_transition(session: Any, actor: Any, kind: str, ref: str, action: str,
                     before: str, after: str, approval: bool = False, **detail: Any) -> None:
    """The audit entry of one workflow step, in the caller's transaction."""
    from liaison.security.audit import AuditAction, Event, record

    record(session, Event(
        actor=actor.username,
        action=AuditAction.approve if approval else AuditAction.transition,
        entity_kind=kind, entity_ref=ref, origin=actor.origin,
        detail={"action": str(action), "from": str(before), "to": str(after), **detail},
    ))
