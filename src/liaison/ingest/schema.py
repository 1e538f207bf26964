"""The interchange format: one JSON object a line, its ``kind`` saying what it is.

One pydantic model per kind validates a line and names the field and the reason of
every fault. ``docs/interchange.md`` documents each field; a test checks the two agree.
References between records are by ``ref`` (e.g. a notice's ``person``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from liaison.cases.model import CaseCategory, CaseStatus, Direction, Priority
from liaison.extradition.model import ExtraditionDirection, ExtraditionStage
from liaison.letters.model import LetterStatus
from liaison.notices.model import CancellationReason, NoticeKind, NoticeStatus, Scope
from liaison.partners.countries import is_country
from liaison.partners.model import AgencyKind, AgreementKind, AgreementStatus, MeetingKind
from liaison.persons.model import NameKind, PersonSource, Script, Sex

REF = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")

Ref = Annotated[str, Field(pattern=REF, description="reference of a record (1-64 characters)")]
Text = Annotated[str, Field(max_length=4000)]
Short = Annotated[str, Field(max_length=256)]
Place = Annotated[str, Field(max_length=128)]


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if not is_country(code):
        raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-2 country code")
    return code


def check_partial_date(value: str | None) -> str | None:
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', a real calendar date when complete."""
    if value is None:
        return None
    if not PARTIAL_DATE.match(value):
        raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 10:
        dt.date.fromisoformat(value)
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class RecordBase(Strict):
    ref: Ref
    classification: Literal["public", "restricted", "confidential", "secret"] = "restricted"
    restrictions: list[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]] = Field(default_factory=list)
    review_on: dt.date | None = None


def _check_countries(values: list[str]) -> list[str]:
    return [c for c in (_country(v) for v in values) if c]


class Agency(RecordBase):
    kind: Literal["agency"]
    name: Short = Field(min_length=1)
    acronym: Annotated[str, Field(max_length=32)] = ""
    country: str | None = None
    type: AgencyKind

    _c = field_validator("country")(_country)


class Party(Strict):
    agency: Ref | None = None
    country: str | None = None

    _c = field_validator("country")(_country)

    @model_validator(mode="after")
    def _one(self) -> Party:
        if not self.agency and not self.country:
            raise ValueError("a party names an agency or a country")
        return self


class Agreement(RecordBase):
    kind: Literal["agreement"]
    type: AgreementKind
    title: Annotated[str, Field(min_length=1, max_length=512)]
    signed_on: dt.date | None = None
    place: Place = ""
    status: AgreementStatus = AgreementStatus.signed
    subjects: list[Short] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)


class WorkingGroup(RecordBase):
    kind: Literal["working_group"]
    name: Short = Field(min_length=1)
    topic: Short = ""
    established_on: dt.date | None = None
    members: list[str] = Field(default_factory=list)

    _m = field_validator("members")(_check_countries)


class EventRecord(RecordBase):
    kind: Literal["event"]
    name: Short = Field(min_length=1)
    place: Place = ""
    country: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None

    _c = field_validator("country")(_country)

    @model_validator(mode="after")
    def _order(self) -> EventRecord:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValueError("ends_on is before starts_on")
        return self


class Participant(Strict):
    name: Short = Field(min_length=1)
    role: Short = ""
    agency: Ref | None = None


class Meeting(RecordBase):
    kind: Literal["meeting"]
    held_on: dt.date
    ends_on: dt.date | None = None
    place: Place = ""
    country: str | None = None
    type: MeetingKind
    event: Ref | None = None
    partner_countries: list[str] = Field(default_factory=list)
    topics: list[Short] = Field(default_factory=list)
    summary: Text = ""
    participants: list[Participant] = Field(default_factory=list)

    _c = field_validator("country")(_country)
    _p = field_validator("partner_countries")(_check_countries)

    @model_validator(mode="after")
    def _order(self) -> Meeting:
        if self.ends_on and self.ends_on < self.held_on:
            raise ValueError("ends_on is before held_on")
        return self


class Name(Strict):
    full_name: Short = Field(min_length=1)
    script: Script = Script.latin
    type: NameKind = NameKind.primary


class Document(Strict):
    type: Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")] = "passport"
    number: Annotated[str, Field(min_length=1, max_length=64)]
    country: str | None = None
    expires_on: dt.date | None = None

    _c = field_validator("country")(_country)


class Person(RecordBase):
    kind: Literal["person"]
    names: list[Name] = Field(min_length=1)
    birth_date: str | None = None
    birth_place: Place = ""
    sex: Sex = Sex.unknown
    nationalities: list[str] = Field(default_factory=list)
    source: PersonSource = PersonSource.bureau
    documents: list[Document] = Field(default_factory=list)

    _b = field_validator("birth_date")(check_partial_date)
    _n = field_validator("nationalities")(_check_countries)


class LinkedPerson(Strict):
    person: Ref
    role: Annotated[str, Field(pattern=r"^[a-z_]{1,32}$")] = "subject"


class Case(RecordBase):
    kind: Literal["case"]
    direction: Direction
    partner_agency: Ref | None = None
    partner_country: str | None = None
    category: CaseCategory | None = None
    subject: Text = ""
    priority: Priority = Priority.normal
    status: CaseStatus = CaseStatus.received
    opened_on: dt.date
    due_on: dt.date | None = None
    closed_on: dt.date | None = None
    assigned_to: Annotated[str, Field(max_length=64)] = ""
    persons: list[LinkedPerson] = Field(default_factory=list)

    _c = field_validator("partner_country")(_country)

    @model_validator(mode="after")
    def _order(self) -> Case:
        if self.closed_on and self.closed_on < self.opened_on:
            raise ValueError("closed_on is before opened_on")
        return self


class Notice(RecordBase):
    kind: Literal["notice"]
    type: NoticeKind
    scope: Scope = Scope.international
    status: NoticeStatus = NoticeStatus.drafted
    issuing_authority: Short = ""
    issuing_country: str | None = None
    person: Ref | None = None
    case: Ref | None = None
    charges: Text = ""
    warrant_reference: Annotated[str, Field(max_length=128)] = ""
    penalty_months: Annotated[int, Field(ge=0, le=2000)] | None = None
    derived_from: Ref | None = None
    cancels: Ref | None = None
    cancellation_reason: CancellationReason | None = None
    issued_on: dt.date | None = None
    arrest_on: dt.date | None = None
    cancelled_on: dt.date | None = None

    _c = field_validator("issuing_country")(_country)

    @model_validator(mode="after")
    def _coherent(self) -> Notice:
        if self.type == NoticeKind.cancellation and not self.cancels:
            raise ValueError("a cancellation note names the notice it cancels (cancels)")
        if self.cancels and self.cancels == self.ref:
            raise ValueError("a notice cannot cancel itself")
        if self.issued_on and self.arrest_on and self.arrest_on < self.issued_on:
            raise ValueError("arrest_on is before issued_on")
        return self


class RogatoryLetter(RecordBase):
    kind: Literal["rogatory_letter"]
    direction: Direction
    requesting_authority: Short = ""
    requesting_country: str | None = None
    requested_authority: Short = ""
    requested_country: str | None = None
    case: Ref | None = None
    subject: Text = ""
    status: LetterStatus = LetterStatus.received
    received_on: dt.date | None = None
    due_on: dt.date | None = None
    executed_on: dt.date | None = None
    returned_on: dt.date | None = None

    _c = field_validator("requesting_country", "requested_country")(_country)

    @model_validator(mode="after")
    def _order(self) -> RogatoryLetter:
        if self.received_on and self.executed_on and self.executed_on < self.received_on:
            raise ValueError("executed_on is before received_on")
        return self


class Extradition(RecordBase):
    kind: Literal["extradition"]
    direction: ExtraditionDirection
    person: Ref | None = None
    notice: Ref | None = None
    requesting_country: str | None = None
    requested_country: str | None = None
    stage: ExtraditionStage = ExtraditionStage.request
    outcome: Literal["pending", "surrendered", "refused", "released"] = "pending"
    notes: Text = ""
    requested_on: dt.date | None = None
    provisional_arrest_on: dt.date | None = None
    court_opinion_on: dt.date | None = None
    decree_on: dt.date | None = None
    surrendered_on: dt.date | None = None
    refused_on: dt.date | None = None
    released_on: dt.date | None = None

    _c = field_validator("requesting_country", "requested_country")(_country)


AnyRecord = Annotated[
    Union[  # noqa: UP007 - a discriminated union reads better spelled out
        Agency, Agreement, WorkingGroup, EventRecord, Meeting, Person, Case, Notice,
        RogatoryLetter, Extradition,
    ],
    Field(discriminator="kind"),
]
LINE = TypeAdapter(AnyRecord)

#: kinds in the order an export writes them (a record only refers to earlier kinds)
KIND_ORDER = [
    "agency", "working_group", "event", "agreement", "meeting", "person", "case", "notice",
    "rogatory_letter", "extradition",
]
SCHEMAS: dict[str, type[RecordBase]] = {
    "agency": Agency, "agreement": Agreement, "working_group": WorkingGroup,
    "event": EventRecord, "meeting": Meeting, "person": Person, "case": Case,
    "notice": Notice, "rogatory_letter": RogatoryLetter, "extradition": Extradition,
}


def parse_line(text: str | bytes) -> RecordBase:
    """Validate one line; raises pydantic's ValidationError naming each field."""
    record: Any = LINE.validate_json(text)
    return record  # type: ignore[no-any-return]
