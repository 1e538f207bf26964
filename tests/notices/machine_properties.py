"""Property checks shared by the workflow machines: over random sequences of actions,
no machine reaches a state outside its enum, and a refused action changes nothing."""

from __future__ import annotations

from hypothesis import strategies as st

from liaison.errors import InvalidTransition
from liaison.workflow import StateMachine


def action_sequences(machine: StateMachine) -> st.SearchStrategy[list[str]]:
    names = [str(a) for a in machine.actions] + ["no_such_action"]
    return st.lists(st.sampled_from(names), max_size=30)


def check_sequence(machine: StateMachine, actions: list[str]) -> None:
    states = {str(s) for s in machine.states}
    state = machine.initial
    for action in actions:
        allowed = machine.allowed(state)
        try:
            new = machine.next_state(state, action)
        except InvalidTransition as exc:
            assert action not in allowed
            assert exc.allowed == allowed
            continue  # the state is unchanged: ``state`` was not reassigned
        assert action in allowed
        assert new in states
        state = new
    assert state in states
