"""Bad input, generated: random and mutated interchange lines end in a result or a
clear ValidationError, never another exception and never a partial write; any text
given to the press-release reader ends in an extraction, never a crash."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.ingest.interchange import import_records
from liaison.models import Base
from liaison.security.actor import cli_actor

#: examples per test (more for a long search: LIAISON_FUZZ_EXAMPLES=2000)
EXAMPLES = int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "40"))
#: one valid line per kind the mutations start from (references resolve in this order)
VALID: list[dict[str, Any]] = [
    {"kind": "agency", "ref": "AG-FZ", "name": "Brigade fictive", "acronym": "BF",
     "country": "FR", "type": "police"},
    {"kind": "person", "ref": "P-FZ", "classification": "confidential",
     "names": [{"full_name": "Rachid Fuzz"}, {"full_name": "رشيد", "script": "arabic",
                                               "type": "variant"}],
     "birth_date": "1984-03", "sex": "M", "nationalities": ["MA"],
     "documents": [{"number": "ZZ1", "country": "MA"}]},
    {"kind": "case", "ref": "C-FZ", "direction": "incoming", "partner_agency": "AG-FZ",
     "partner_country": "FR", "category": "drugs", "subject": "essai", "priority": "high",
     "opened_on": "2024-02-03", "due_on": "2024-02-10", "persons": [{"person": "P-FZ"}]},
    {"kind": "notice", "ref": "N-FZ", "type": "red", "status": "published", "person": "P-FZ",
     "case": "C-FZ", "issuing_country": "MA", "penalty_months": 60, "issued_on": "2024-02-11"},
    {"kind": "extradition", "ref": "EX-FZ", "direction": "to_home", "person": "P-FZ",
     "requesting_country": "MA", "requested_country": "ES", "stage": "request",
     "requested_on": "2024-03-01"},
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_line(draw: st.DrawFn) -> str:
    record = dict(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["set", "drop", "add", "retype"]))
        key = draw(st.sampled_from(sorted(record)))
        if op == "set":
            record[key] = draw(json_values)
        elif op == "drop":
            record.pop(key, None)
        elif op == "add":
            record[draw(st.text(min_size=1, max_size=10))] = draw(json_values)
        elif isinstance(record.get(key), str):
            record[key] = draw(st.sampled_from(["", " ", "x" * 5000, "1", "2024-13-45",
                                                "\x00", "ﷺ", "'; DROP TABLE person; --"]))
    line = json.dumps(record, ensure_ascii=draw(st.booleans()))
    cut = draw(st.integers(0, 6))
    if cut == 0:  # a truncated line
        line = line[: draw(st.integers(0, len(line)))]
    return line


lines_strategy = st.lists(
    st.one_of(mutated_line(), st.sampled_from([json.dumps(v) for v in VALID]),
              st.text(max_size=80), st.binary(max_size=40).map(lambda b: b.decode("latin-1"))),
    min_size=1, max_size=6,
)


OUTCOMES: dict[str, int] = {"refused": 0, "imported": 0, "unchanged": 0}


def _counts(engine: Engine) -> dict[str, int]:
    with transaction(engine) as s:
        return {t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables}


def _fuzz_import(engine: Engine, lines: list[str], skip_invalid: bool) -> None:
    before = _counts(engine)
    numbered = [(i, line.encode("utf-8", "surrogatepass")) for i, line in enumerate(lines, 1)]
    try:
        with transaction(engine) as s:
            report = import_records(s, cli_actor(), numbered, skip_invalid=skip_invalid)
    except ValidationError as exc:
        assert exc.problems, "a refusal names the line, the field and the reason"
        assert all(p.line is not None for p in exc.problems)
        assert _counts(engine) == before, "a refused file must write nothing"
        OUTCOMES["refused"] += 1
        return
    OUTCOMES["imported" if report.written else "unchanged"] += 1
    after = _counts(engine)
    grown = sum(after.values()) - sum(before.values())
    assert grown >= 1  # at least the import's own audit entry
    assert after["audit_entry"] - before["audit_entry"] >= report.created + report.updated


@pytest.mark.parametrize("skip_invalid", [False, True], ids=["strict", "skip-invalid"])
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(lines=lines_strategy)
def test_import_of_mutated_lines_is_a_result_or_a_clear_refusal(
        db_engine: Engine, skip_invalid: bool, lines: list[str]) -> None:
    _fuzz_import(db_engine, lines, skip_invalid)


# -- the press-release reader ---------------------------------------------------------

PAGE = """lundi, mars 3, 2025
Accueil | Monde | Sécurité

Coopération policière : une délégation espagnole reçue à Rabat

Le directeur général de la Sûreté nationale, M. Karim Alaoui, a reçu le 28 février 2025 \
une délégation de la Guardia Civil conduite par M. Javier Ortega. Les deux parties ont \
signé un plan d'action sur la lutte contre le trafic de drogue et l'immigration illégale.

En 2024, 1 250 dossiers ont été traités et 43 personnes remises aux autorités.
Partager sur Facebook | Twitter
"""


@st.composite
def mutated_page(draw: st.DrawFn) -> str:
    text = PAGE
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 80)))
        op = draw(st.sampled_from(["cut", "dup", "insert"]))
        if op == "cut":
            text = text[:i] + text[j:]
        elif op == "dup":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = text[:i] + draw(st.text(max_size=40)) + text[i:]
    return text


@pytest.fixture(scope="module")
def extract() -> Any:
    from liaison.ingest.press import extract as extract_
    from liaison.ingest.press.nlp import load_pipeline

    load_pipeline()
    return extract_


@settings(max_examples=EXAMPLES + 20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(mutated_page(), st.text(max_size=400)))
def test_press_reader_turns_any_text_into_an_extraction(extract: Any, text: str) -> None:
    from liaison.ingest.press import Extraction

    assert isinstance(extract(text), Extraction)
