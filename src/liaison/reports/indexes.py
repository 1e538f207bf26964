"""Composite indexes the annual report's counts run on (revision 0005): each count is
an equality on kind/scope/direction and a range on a date, answered from the index
alone. Declared on the metadata here so that Alembic's autogenerate sees them."""

from __future__ import annotations

from sqlalchemy import Index, Table

from liaison.cases.model import Case
from liaison.extradition.model import Extradition
from liaison.letters.model import RogatoryLetter
from liaison.notices.model import Notice


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined, no-any-return]


_cases, _notices = _table(Case).c, _table(Notice).c
_letters, _extraditions = _table(RogatoryLetter).c, _table(Extradition).c

#: name -> columns, in the order of the index
REPORT_INDEXES: dict[str, list[str]] = {
    "ix_case_file_report": ["opened_on", "category", "partner_country_code", "direction"],
    "ix_notice_report_issued": ["kind", "scope", "issued_on", "issuing_country_code"],
    "ix_notice_report_arrest": ["kind", "scope", "arrest_on", "issuing_country_code", "issued_on"],
    "ix_rogatory_letter_report_received": ["direction", "received_on"],
    "ix_rogatory_letter_report_executed": ["direction", "executed_on"],
    "ix_extradition_report": ["direction", "surrendered_on"],
}
_TABLES = {
    "ix_case_file_report": _cases,
    "ix_notice_report_issued": _notices,
    "ix_notice_report_arrest": _notices,
    "ix_rogatory_letter_report_received": _letters,
    "ix_rogatory_letter_report_executed": _letters,
    "ix_extradition_report": _extraditions,
}

INDEXES = [
    Index(name, *(_TABLES[name][col] for col in cols)) for name, cols in REPORT_INDEXES.items()
]
