"""Imports every mapped class, so the metadata (and Alembic) sees the whole schema."""

import liaison.reports.indexes  # noqa: F401  (the annual report's composite indexes)
from liaison.cases.model import Case, CasePerson
from liaison.db import Base
from liaison.extradition.model import Extradition
from liaison.letters.model import RogatoryLetter
from liaison.notices.hits import Hit
from liaison.notices.model import Notice
from liaison.partners.model import (
    Agency,
    Agreement,
    AgreementParty,
    Country,
    Event,
    Meeting,
    MeetingParticipant,
    WorkingGroup,
)
from liaison.persons.model import IdentityDocument, Person, PersonName
from liaison.security.audit import AuditEntry
from liaison.security.model import AccessToken, Share, UserAccount

__all__ = [
    "Agency", "Agreement", "AgreementParty", "AuditEntry", "Base", "Case", "CasePerson",
    "Country", "Event", "Extradition", "Hit", "IdentityDocument", "Meeting", "MeetingParticipant",
    "Notice", "Person", "PersonName", "RogatoryLetter", "WorkingGroup",
    "AccessToken", "Share", "UserAccount",
]
