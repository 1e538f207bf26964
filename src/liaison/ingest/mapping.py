"""How each interchange kind maps onto its tables: field names to columns, references
to other records, and the child rows a record owns (names, parties, participants…)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from liaison import models as m


@dataclass(frozen=True)
class Children:
    field: str
    table: Table
    parent_column: str
    #: interchange field -> column
    columns: dict[str, str]
    #: interchange field -> kind it refers to
    refs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class KindMap:
    kind: str
    table: Table
    #: interchange field -> column, where the names differ
    renames: dict[str, str] = field(default_factory=dict)
    #: interchange field -> kind it refers to
    refs: dict[str, str] = field(default_factory=dict)
    children: tuple[Children, ...] = ()

    def column(self, name: str) -> str:
        return self.renames.get(name, name)


def _t(cls: Any) -> Table:
    table: Table = cls.__table__
    return table


KINDS: dict[str, KindMap] = {
    "agency": KindMap("agency", _t(m.Agency), {"country": "country_code", "type": "kind"}),
    "working_group": KindMap("working_group", _t(m.WorkingGroup)),
    "event": KindMap("event", _t(m.Event), {"country": "country_code"}),
    "agreement": KindMap(
        "agreement", _t(m.Agreement), {"type": "kind"},
        children=(
            Children("parties", _t(m.AgreementParty), "agreement_ref",
                     {"agency": "agency_ref", "country": "country_code"}, {"agency": "agency"}),
        ),
    ),
    "meeting": KindMap(
        "meeting", _t(m.Meeting),
        {"country": "country_code", "type": "kind", "event": "event_ref"},
        refs={"event": "event"},
        children=(
            Children("participants", _t(m.MeetingParticipant), "meeting_ref",
                     {"name": "name", "role": "role", "agency": "agency_ref"},
                     {"agency": "agency"}),
        ),
    ),
    "person": KindMap(
        "person", _t(m.Person),
        children=(
            Children("names", _t(m.PersonName), "person_ref",
                     {"full_name": "full_name", "script": "script", "type": "kind"}),
            Children("documents", _t(m.IdentityDocument), "person_ref",
                     {"type": "kind", "number": "number", "country": "country_code",
                      "expires_on": "expires_on"}),
        ),
    ),
    "case": KindMap(
        "case", _t(m.Case),
        {"partner_agency": "partner_agency_ref", "partner_country": "partner_country_code"},
        refs={"partner_agency": "agency"},
        children=(
            Children("persons", _t(m.CasePerson), "case_ref",
                     {"person": "person_ref", "role": "role"}, {"person": "person"}),
        ),
    ),
    "notice": KindMap(
        "notice", _t(m.Notice),
        {"type": "kind", "issuing_country": "issuing_country_code", "person": "person_ref",
         "case": "case_ref", "derived_from": "derived_from_ref", "cancels": "cancels_ref"},
        refs={"person": "person", "case": "case", "derived_from": "notice", "cancels": "notice"},
    ),
    "rogatory_letter": KindMap(
        "rogatory_letter", _t(m.RogatoryLetter),
        {"requesting_country": "requesting_country_code",
         "requested_country": "requested_country_code", "case": "case_ref"},
        refs={"case": "case"},
    ),
    "extradition": KindMap(
        "extradition", _t(m.Extradition),
        {"person": "person_ref", "notice": "notice_ref",
         "requesting_country": "requesting_country_code",
         "requested_country": "requested_country_code"},
        refs={"person": "person", "notice": "notice"},
    ),
}

#: columns a record has that the interchange format does not carry
INTERNAL_COLUMNS = frozenset({"created_at", "updated_at", "version"})
