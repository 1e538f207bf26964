"""The fields of each workflow action's form, and the errors shown beside them.

The services say what each action needs in words (``ACTION_PARAMS``); the pages need
widgets, so this table names them. A field a service does not read is harmless; a
field it needs and this table forgets would be refused by the service with the field's
name, and shown at the top of the form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from liaison.errors import FieldProblem, LiaisonError
from liaison.notices.model import CancellationReason

#: field name -> widget: date, textarea, text, number, or select:<choices key>
WIDGETS: dict[str, str] = {
    "on": "date", "due_on": "date", "answer": "textarea", "reason": "textarea",
    "note": "textarea", "to": "text", "place": "text", "person_ref": "text",
    "source": "text", "query": "text", "score": "number",
}
CHOICES: dict[str, list[str]] = {
    "cancellation_reason": [r.value for r in CancellationReason],
}
_DATE_NOTE = ["on", "note"]

ACTION_FIELDS: dict[str, dict[str, list[str]]] = {
    "case": {
        "assign": ["to"], "start": [], "draft_answer": ["answer"], "approve_answer": ["on"],
        "reopen": ["note"], "close": ["on"], "reject": ["reason", "on"],
        "transfer": ["to", "on"],
    },
    "notice": {
        "submit": [], "clear_neutrality": ["reason"], "approve": [], "refuse": ["reason"],
        "return_to_draft": ["note"], "publish": ["on"],
        "record_hit": ["person_ref", "place", "note", "on"], "locate": ["place", "note"],
        "arrest": ["on"], "cancel": ["reason:cancellation_reason", "on", "note"],
        "withdraw": ["note", "on"], "expire": ["on"],
    },
    "rogatory_letter": {
        "register": ["on", "due_on"], "send_for_execution": ["to"], "remind": ["on"],
        "record_execution": ["on", "note"], "record_partial_execution": ["note", "on"],
        "refuse": ["reason", "on"], "return_results": ["on"],
    },
    "extradition": {},  # every stage: a date and a note
}


@dataclass(frozen=True)
class Field:
    name: str
    widget: str
    choices: tuple[str, ...] = ()


def fields_of(kind: str, action: str) -> list[Field]:
    names = ACTION_FIELDS.get(kind, {}).get(action, _DATE_NOTE)
    out = []
    for spec in names:
        name, _sep, choices = spec.partition(":")
        if choices:
            out.append(Field(name, "select", tuple(CHOICES[choices])))
        else:
            out.append(Field(name, WIDGETS.get(name, "text")))
    return out


@dataclass
class FormErrors:
    """A refused form: the problems per field, and the rest for the top of the form."""

    action: str = ""
    fields: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, action: str, exc: LiaisonError, known: set[str]) -> FormErrors:
        errors = cls(action=action, allowed=list(getattr(exc, "allowed", None) or []))
        problems: list[FieldProblem] = exc.problems or []
        for p in problems:
            if p.field in known:
                errors.fields.setdefault(p.field, []).append(p.reason)
            else:
                errors.general.append(str(p))
        if not problems:
            errors.general.append(exc.message)
        return errors

    def __bool__(self) -> bool:
        return bool(self.fields or self.general)
