"""The stages of an extradition, as data. Pure: no I/O.

    request ─arrest_provisionally─► provisional_arrest ─give_court_opinion─► court_opinion
        ─issue_decree─► decree ─surrender─► surrender
    refuse : court_opinion / decree                  → refusal
    release: provisional_arrest / court_opinion / refusal → release

The stage is the file's status; each stage has its own date column
(:data:`~liaison.extradition.model.STAGE_DATES`). A stage's date may not precede the
previous one; :func:`stage_durations` gives the days each stage took, a key figure.
After a provisional arrest, the requesting state has a deadline to send the formal
papers (:func:`papers_due_on`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from liaison.errors import ValidationError
from liaison.extradition.model import STAGE_DATES, ExtraditionStage
from liaison.workflow import StateMachine, add_months


class ExtraditionAction(StrEnum):
    arrest_provisionally = "arrest_provisionally"
    give_court_opinion = "give_court_opinion"
    issue_decree = "issue_decree"
    surrender = "surrender"
    refuse = "refuse"
    release = "release"


E = ExtraditionStage
EXTRADITION_MACHINE = StateMachine(
    "extradition",
    ExtraditionStage,
    ExtraditionAction,
    [
        (ExtraditionAction.arrest_provisionally, {E.request}, E.provisional_arrest),
        (ExtraditionAction.give_court_opinion, {E.request, E.provisional_arrest}, E.court_opinion),
        (ExtraditionAction.issue_decree, {E.court_opinion}, E.decree),
        (ExtraditionAction.surrender, {E.decree}, E.surrender),
        (ExtraditionAction.refuse, {E.court_opinion, E.decree}, E.refusal),
        (ExtraditionAction.release, {E.provisional_arrest, E.court_opinion, E.refusal}, E.release),
    ],
    initial=E.request,
)

#: the outcome column that goes with a final stage
OUTCOMES: dict[str, str] = {E.surrender: "surrendered", E.refusal: "refused", E.release: "released"}

#: months the requesting state has to send the formal papers after a provisional arrest
PAPERS_MONTHS_NEIGHBOUR = 1
PAPERS_MONTHS_OTHER = 3


def papers_due_on(provisional_arrest_on: dt.date, neighbour: bool) -> dt.date:
    months = PAPERS_MONTHS_NEIGHBOUR if neighbour else PAPERS_MONTHS_OTHER
    return add_months(provisional_arrest_on, months)


def check_stage_date(dates: dict[str, dt.date | None], stage: str, on: dt.date) -> None:
    """A stage may not be dated before any stage already recorded."""
    for earlier, value in dates.items():
        if earlier != stage and value is not None and on < value:
            raise ValidationError.for_field(
                "on", f"the {stage} date {on} is before the {earlier} date {value}"
            )


@dataclass(frozen=True)
class StageTime:
    stage: str
    on: dt.date
    days: int | None  # days since the previous recorded stage (None for the first)


def stage_durations(dates: dict[str, dt.date | None]) -> list[StageTime]:
    """The recorded stages in date order, with the days each one took from the one before."""
    order = list(STAGE_DATES)
    recorded = sorted(
        ((on, order.index(stage), stage) for stage, on in dates.items() if on is not None)
    )
    out: list[StageTime] = []
    previous: dt.date | None = None
    for on, _, stage in recorded:
        out.append(StageTime(stage, on, None if previous is None else (on - previous).days))
        previous = on
    return out


def total_days(dates: dict[str, dt.date | None]) -> int | None:
    """Days from the request (or the first recorded stage) to the last recorded one."""
    times = stage_durations(dates)
    return (times[-1].on - times[0].on).days if times else None
