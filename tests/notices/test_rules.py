from __future__ import annotations

import pytest
from hypothesis import given

from liaison.errors import InvalidTransition, ValidationError
from liaison.notices.rules import NOTICE_MACHINE, cancellation_reason, follow_up_action

from .machine_properties import action_sequences, check_sequence

# (status, action, expected next status or None when refused)
TABLE = [
    ("drafted", "submit", "compliance_review"),
    ("drafted", "publish", None),
    ("drafted", "approve", None),
    ("drafted", "withdraw", "withdrawn"),
    ("compliance_review", "approve", "approved"),
    ("compliance_review", "refuse", "refused"),
    ("compliance_review", "clear_neutrality", "compliance_review"),
    ("compliance_review", "return_to_draft", "drafted"),
    ("compliance_review", "publish", None),
    ("refused", "return_to_draft", "drafted"),
    ("refused", "publish", None),
    ("approved", "publish", "published"),
    ("approved", "cancel", "cancelled"),
    ("published", "record_hit", "hit"),
    ("published", "locate", None),
    ("published", "expire", "expired"),
    ("hit", "record_hit", "hit"),
    ("hit", "locate", "located"),
    ("hit", "arrest", "arrested"),
    ("located", "arrest", "arrested"),
    ("located", "cancel", "cancelled"),
    ("arrested", "cancel", "cancelled"),
    ("arrested", "withdraw", None),
    ("arrested", "expire", None),
    ("cancelled", "publish", None),
    ("cancelled", "cancel", None),
    ("withdrawn", "submit", None),
    ("expired", "record_hit", None),
]


@pytest.mark.parametrize(("status", "action", "expected"), TABLE)
def test_transition_table(status: str, action: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidTransition) as err:
            NOTICE_MACHINE.next_state(status, action)
        assert err.value.allowed == NOTICE_MACHINE.allowed(status)
        assert action not in err.value.allowed
    else:
        assert NOTICE_MACHINE.next_state(status, action) == expected


def test_refusal_lists_allowed_actions() -> None:
    with pytest.raises(InvalidTransition) as err:
        NOTICE_MACHINE.next_state("drafted", "publish")
    assert err.value.allowed == ["submit", "withdraw"]
    assert "submit, withdraw" in err.value.message


def test_final_states_allow_nothing() -> None:
    for status in ("cancelled", "withdrawn", "expired"):
        assert NOTICE_MACHINE.is_terminal(status)


def test_every_state_is_reachable() -> None:
    reached, frontier = {NOTICE_MACHINE.initial}, [NOTICE_MACHINE.initial]
    while frontier:
        state = frontier.pop()
        for action in NOTICE_MACHINE.allowed(state):
            nxt = NOTICE_MACHINE.next_state(state, action)
            if nxt not in reached:
                reached.add(nxt)
                frontier.append(nxt)
    assert reached == {str(s) for s in NOTICE_MACHINE.states}


@given(action_sequences(NOTICE_MACHINE))
def test_random_sequences_stay_defined(actions: list[str]) -> None:
    check_sequence(NOTICE_MACHINE, actions)


def test_cancellation_reasons_and_hit_steps() -> None:
    assert cancellation_reason("arrested") == "arrested"
    with pytest.raises(ValidationError):
        cancellation_reason("bored")
    assert follow_up_action("provisional_arrest") == "arrest"
    assert follow_up_action("inform_issuing_country") is None
    with pytest.raises(ValidationError):
        follow_up_action("teleport")
