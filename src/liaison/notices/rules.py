"""The life of a warrant, notice, diffusion or search note, as data. Pure: no I/O.

    drafted ─submit─► compliance_review ─approve─► approved ─publish─► published
                        │   ▲  (clear_neutrality)                        │
                        │   └─ return_to_draft ◄─ refused ◄─ refuse ─────┘ (from review)
    published ─record_hit─► hit ─locate─► located ─arrest─► arrested
    cancel  : approved / published / hit / located / arrested → cancelled
    withdraw: anything not yet ended                          → withdrawn
    expire  : published / hit / located                       → expired

*approve* and *publish* also need the compliance review to pass (see
:mod:`liaison.notices.compliance`); the machine only says which actions the status
allows.
"""

from __future__ import annotations

from enum import StrEnum

from liaison.errors import ValidationError
from liaison.notices.model import CancellationReason, NoticeKind, NoticeStatus
from liaison.workflow import StateMachine


class NoticeAction(StrEnum):
    submit = "submit"
    clear_neutrality = "clear_neutrality"
    approve = "approve"
    refuse = "refuse"
    return_to_draft = "return_to_draft"
    publish = "publish"
    record_hit = "record_hit"
    locate = "locate"
    arrest = "arrest"
    cancel = "cancel"
    withdraw = "withdraw"
    expire = "expire"


N = NoticeStatus
#: a notice that has not ended (it can still be withdrawn)
LIVE_STATUSES = frozenset(
    {N.drafted, N.compliance_review, N.approved, N.published, N.hit, N.located}
)
#: statuses in which the notice has left the office (a cancellation note must follow it)
SENT_STATUSES = frozenset({N.published, N.hit, N.located, N.arrested})

NOTICE_MACHINE = StateMachine(
    "notice",
    NoticeStatus,
    NoticeAction,
    [
        (NoticeAction.submit, {N.drafted}, N.compliance_review),
        (NoticeAction.clear_neutrality, {N.compliance_review}, N.compliance_review),
        (NoticeAction.approve, {N.compliance_review}, N.approved),
        (NoticeAction.refuse, {N.compliance_review}, N.refused),
        (NoticeAction.return_to_draft, {N.compliance_review, N.refused}, N.drafted),
        (NoticeAction.publish, {N.approved}, N.published),
        (NoticeAction.record_hit, {N.published, N.hit}, N.hit),
        (NoticeAction.locate, {N.hit}, N.located),
        (NoticeAction.arrest, {N.hit, N.located}, N.arrested),
        (NoticeAction.cancel, {N.approved, *SENT_STATUSES}, N.cancelled),
        (NoticeAction.withdraw, LIVE_STATUSES, N.withdrawn),
        (NoticeAction.expire, {N.published, N.hit, N.located}, N.expired),
    ],
    initial=N.drafted,
)

#: the actions that send something out of the office: a supervisor approves them
APPROVAL_ACTIONS = frozenset(
    {NoticeAction.approve, NoticeAction.publish, NoticeAction.cancel,
     NoticeAction.clear_neutrality, NoticeAction.refuse}
)

#: notice kinds that ask for a person to be found (their persons go on the watchlist)
WANTED_KINDS = frozenset(
    {NoticeKind.arrest_warrant, NoticeKind.red, NoticeKind.diffusion,
     NoticeKind.search_note, NoticeKind.wanted_notice, NoticeKind.yellow,
     NoticeKind.blue, NoticeKind.green, NoticeKind.orange, NoticeKind.un_special}
)


class HitStep(StrEnum):
    """What may follow a confirmed hit, in the usual order."""

    inform_issuing_country = "inform_issuing_country"
    locate = "locate"
    provisional_arrest = "provisional_arrest"
    extradition_file = "extradition_file"


#: the notice action a hit step drives (None: the step is only recorded)
HIT_STEP_ACTIONS: dict[str, str | None] = {
    HitStep.inform_issuing_country: None,
    HitStep.locate: NoticeAction.locate,
    HitStep.provisional_arrest: NoticeAction.arrest,
    HitStep.extradition_file: None,
}


def cancellation_reason(value: str) -> CancellationReason:
    try:
        return CancellationReason(value)
    except ValueError:
        raise ValidationError.for_field(
            "reason",
            f"unknown cancellation reason '{value}' "
            f"(one of {', '.join(r.value for r in CancellationReason)})",
        ) from None


def follow_up_action(step: str) -> str | None:
    if step not in HIT_STEP_ACTIONS:
        raise ValidationError.for_field(
            "step", f"unknown step '{step}' (one of {', '.join(HIT_STEP_ACTIONS)})"
        )
    return HIT_STEP_ACTIONS[step]
