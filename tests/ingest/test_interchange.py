"""The interchange format: all-or-nothing import naming every bad line, idempotence,
--skip-invalid, and a byte-for-byte export/import/export round trip."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.ingest import interchange
from liaison.ingest.interchange import export_records, import_records
from liaison.models import AuditEntry, Case, Notice, Person
from liaison.security import audit
from liaison.security.actor import cli_actor
from tests.ingest.conftest import run_cli


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _count(engine: Engine, cls: type) -> int:
    with transaction(engine) as s:
        return s.scalar(select(func.count()).select_from(cls)) or 0


def _cases(n: int) -> list[str]:
    return [
        json.dumps({"kind": "case", "ref": f"C-{i:04d}", "direction": "incoming",
                    "opened_on": "2023-03-01", "category": "drugs"})
        for i in range(n)
    ]


def test_one_invalid_line_imports_nothing(configured: Engine, tmp_path: Path) -> None:
    lines = _cases(1000)
    lines.insert(500, json.dumps({"kind": "case", "ref": "C-BAD", "direction": "sideways",
                                  "opened_on": "2023-03-01"}))
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = _count(configured, AuditEntry)

    result = run_cli(_url(configured), "import", str(path))

    assert result.returncode != 0
    message = result.stderr.decode()
    assert "line 501" in message and "direction" in message
    assert "Traceback" not in message
    assert _count(configured, Case) == 0
    assert _count(configured, AuditEntry) == before


def test_skip_invalid_twice_adds_nothing_the_second_time(configured: Engine, tmp_path: Path) -> None:
    lines = _cases(1000) + ['{"kind": "case", "ref": "C-X", "direction": "incoming"}']
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    first = run_cli(_url(configured), "import", "--skip-invalid", str(path))
    assert first.returncode == 0, first.stderr
    assert b"1,000 created" in first.stdout
    assert b"line 1001: opened_on" in first.stderr
    audit_after_first = _count(configured, AuditEntry)

    second = run_cli(_url(configured), "import", "--skip-invalid", str(path))
    assert second.returncode == 0
    assert b"0 created, 0 updated, 1,000 unchanged" in second.stdout
    assert _count(configured, Case) == 1000
    # only the summary entry of the second import, no record written again
    assert _count(configured, AuditEntry) == audit_after_first + 1


@pytest.mark.parametrize(
    ("line", "field", "reason"),
    [
        ('{"kind": "person", "ref": "P1", "names": []}', "names", "at least 1"),
        ('{"kind": "person", "ref": "P1", "names": [{"full_name": "A"}], "birth_date": "1990-13"}',
         "birth_date", "YYYY"),
        ('{"kind": "person", "ref": "P1", "names": [{"full_name": "A"}], "nationalities": ["XX"]}',
         "nationalities", "ISO 3166"),
        ('{"kind": "notice", "ref": "N1", "type": "red", "person": "NOBODY"}', "person", "no person"),
        ('{"kind": "notice", "ref": "N1", "type": "cancellation"}', "(record)", "cancels"),
        ('{"kind": "spaceship", "ref": "S1"}', "kind", "unknown kind"),
        ('{"ref": "S1"}', "kind", "missing"),
        ('{"kind": "case", "ref": "C1", "direction": "incoming", "opened_on": "2023-01-01", "colour": 1}',
         "colour", "Extra inputs"),
        ("{not json", "(line)", "not valid JSON"),
    ],
)
def test_each_fault_names_its_field(db_engine: Engine, line: str, field: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught, transaction(db_engine) as s:
        import_records(s, cli_actor(), [(1, line)])
    problems = caught.value.problems
    assert any(p.line == 1 and p.field == field and reason in p.reason for p in problems), problems
    assert _count(db_engine, Person) == 0


def test_reference_must_come_earlier(db_engine: Engine) -> None:
    lines = [
        (1, '{"kind": "notice", "ref": "N2", "type": "search_note", "derived_from": "N1"}'),
        (2, '{"kind": "notice", "ref": "N1", "type": "red"}'),
    ]
    with pytest.raises(ValidationError) as caught, transaction(db_engine) as s:
        import_records(s, cli_actor(), lines)
    assert [(p.line, p.field) for p in caught.value.problems] == [(1, "derived_from")]


def test_one_bad_line_is_one_error_even_when_later_lines_refer_to_records_after_it(
    db_engine: Engine
) -> None:
    """Once a line fails nothing is written; later lines referring to valid records that
    come after the bad one must not be reported as referring to nothing (across
    batches, through the preparing worker too)."""
    pairs = _people_and_notices(1500)
    # every person first, then every notice: 3,000 lines in two batches, the notices of
    # the second batch naming persons of the first
    ordered = [line for _n, line in pairs[0::2]] + [line for _n, line in pairs[1::2]]
    bad = json.loads(ordered[1])  # the second person
    bad["birth_date"] = "1984-13"
    ordered[1] = json.dumps(bad)
    lines = list(enumerate(ordered, start=1))
    with pytest.raises(ValidationError) as caught, transaction(db_engine) as s:
        import_records(s, cli_actor(), lines)
    # the bad person, and the notice on it (which has no valid person to name): nothing
    # about the 2,998 lines after them
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "birth_date"),
                                                                  (1502, "person")]
    assert "2 invalid line(s)" in str(caught.value)
    assert _count(db_engine, Person) == 0 and _count(db_engine, Notice) == 0


def test_changed_record_is_updated_and_audited(db_engine: Engine) -> None:
    base = {"kind": "case", "ref": "C-1", "direction": "incoming", "opened_on": "2023-01-01"}
    with transaction(db_engine) as s:
        import_records(s, cli_actor(), [(1, json.dumps(base))])
    with transaction(db_engine) as s:
        report = import_records(s, cli_actor(), [(1, json.dumps({**base, "priority": "urgent"}))])
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    with transaction(db_engine) as s:
        case = s.get(Case, "C-1")
        assert case is not None and case.priority == "urgent" and case.version == 2
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_ref == "C-1")).all()
    assert list(actions) == ["create", "update"]


def test_export_import_export_is_byte_identical(
    db_engine: Engine, small_demo_file: Path, sqlite_engine: Engine, tmp_path: Path
) -> None:
    with transaction(db_engine) as s, small_demo_file.open("rb") as f:
        report = import_records(s, cli_actor(), enumerate(f, start=1))
    assert report.created > 2000
    with transaction(db_engine) as s:
        first = "\n".join(export_records(s, cli_actor()))
    # the exported order differs from the generator's; it is the canonical one
    assert len(first.splitlines()) == report.created

    other = tmp_path / "other.db"
    from liaison import db
    from liaison.partners.service import ensure_countries

    engine = db.make_engine(f"sqlite:///{other}")
    db.upgrade(engine)
    with transaction(engine) as s:
        ensure_countries(s)
        import_records(s, cli_actor(), enumerate(first.splitlines(), start=1))
    with transaction(engine) as s:
        second = "\n".join(export_records(s, cli_actor()))
    engine.dispose()
    assert second == first


def test_export_cli_filters_by_kind_and_audits_person_reads(configured: Engine, small_demo_file: Path) -> None:
    url = _url(configured)
    assert run_cli(url, "import", str(small_demo_file)).returncode == 0
    result = run_cli(url, "export", "--kind", "person")
    assert result.returncode == 0, result.stderr
    kinds = {json.loads(line)["kind"] for line in result.stdout.decode().splitlines()}
    assert kinds == {"person"}
    with transaction(configured) as s:
        exported = s.scalar(select(func.count()).where(AuditEntry.action == "export"))
        persons = s.scalar(select(func.count()).select_from(Person))
    assert exported == persons


def test_import_from_stdin_and_unknown_kind_option(configured: Engine) -> None:
    url = _url(configured)
    ok = run_cli(url, "import", "-", stdin="\n".join(_cases(3)).encode())
    assert ok.returncode == 0 and b"3 created" in ok.stdout
    bad = run_cli(url, "export", "--kind", "spaceship")
    assert bad.returncode != 0 and b"--kind: unknown kind" in bad.stderr
    missing = run_cli(url, "import", "/nonexistent.jsonl")
    assert missing.returncode != 0 and b"no such file" in missing.stderr
    assert _count(configured, Notice) == 0


def test_nul_character_is_refused_with_its_line(db_engine: Engine) -> None:
    line = '{"kind": "case", "ref": "C-NUL", "direction": "incoming", "opened_on": "2023-01-01", "subject": "a\\u0000b"}'
    with pytest.raises(ValidationError) as caught, transaction(db_engine) as s:
        import_records(s, cli_actor(), [(3, line)])
    assert [(p.line, p.field) for p in caught.value.problems] == [(3, "(line)")]


def test_a_failure_while_reading_rolls_everything_back(db_engine: Engine) -> None:
    """An error while the lines are read (a broken stream) reaches the caller, and what
    earlier batches wrote is rolled back."""

    def broken() -> Iterator[tuple[int, bytes]]:
        for number, line in enumerate(_cases(4500), start=1):  # two full batches first
            yield number, line.encode()
        raise OSError("the stream broke")

    with pytest.raises(OSError, match="the stream broke"), transaction(db_engine) as s:
        import_records(s, cli_actor(), broken())
    assert _count(db_engine, Case) == 0


def test_an_invalid_line_past_a_batch_is_reported_by_its_number(db_engine: Engine) -> None:
    lines = [(n, line) for n, line in enumerate(_cases(2500), start=1)]
    lines.insert(2100, (9999, '{"kind": "case", "ref": "C-Y", "direction": "up"}'))
    with transaction(db_engine) as s:
        report = import_records(s, cli_actor(), lines, skip_invalid=True)
    assert (report.read, report.created, report.invalid_lines) == (2501, 2500, 1)
    assert report.problems[0].line == 9999 and report.problems[0].field == "direction"
    assert _count(db_engine, Case) == 2500


def test_postgresql_statistics_follow_a_long_import(
    db_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tables being filled are analysed as they grow, inside the import's own
    transaction (else PostgreSQL plans each batch's lookups as for an empty table)."""
    if db_engine.dialect.name != "postgresql":
        pytest.skip("SQLite looks references up by index whatever its statistics")
    monkeypatch.setattr(interchange, "ANALYSE_FIRST", 1000)
    lines = list(enumerate(_cases(4500), start=1))
    with transaction(db_engine) as s:
        import_records(s, cli_actor(), lines)
        estimated = s.scalar(text(
            "SELECT reltuples FROM pg_class WHERE oid = 'case_file'::regclass"))
    assert estimated is not None and estimated >= 1000  # analysed, own rows counted
    assert _count(db_engine, Case) == 4500


def _people_and_notices(n: int, charges: str = "fraud") -> list[tuple[int, str]]:
    """n persons (a name and a document each), each followed by a notice on them."""
    lines = []
    for i in range(n):
        lines.append(json.dumps({"kind": "person", "ref": f"P-{i:05d}", "nationalities": ["FR"],
                                 "names": [{"full_name": f"Person {i}"}, {"full_name": f"P. {i}", "type": "alias"}],
                                 "documents": [{"number": f"D{i}", "country": "MA"}]}))
        lines.append(json.dumps({"kind": "notice", "ref": f"N-{i:05d}", "type": "red",
                                 "person": f"P-{i:05d}", "charges": charges}))
    return list(enumerate(lines, start=1))


def _tables(engine: Engine) -> list[list[tuple[object, ...]]]:
    """Every imported row, without the timestamps (which differ from run to run)."""
    with transaction(engine) as s:
        return [
            sorted(tuple(r) for r in s.execute(text(sql)))
            for sql in ("SELECT ref, nationalities, restrictions, version FROM person",
                        "SELECT person_ref, position, full_name, kind FROM person_name",
                        "SELECT person_ref, position, number, country_code FROM identity_document",
                        "SELECT ref, kind, person_ref, charges, version FROM notice",
                        "SELECT action, entity_kind, entity_ref, detail FROM audit_entry")
        ]


@pytest.mark.parametrize("worker", ["0", "1"])
def test_worker_and_in_process_imports_write_the_same(
    db_engine: Engine, monkeypatch: pytest.MonkeyPatch, worker: str
) -> None:
    """A long import prepares its lines in a forked worker (LIAISON_IMPORT_WORKER=0: in
    the importing process); either way the same rows, the same audit entries, a chain
    that verifies, and a re-import that changes half the records updates just those."""
    monkeypatch.setenv("LIAISON_IMPORT_WORKER", worker)
    lines = _people_and_notices(1500)  # 3,000 lines: two chunks
    with transaction(db_engine) as s:
        report = import_records(s, cli_actor(), lines, source="f.jsonl")
    assert (report.read, report.created) == (3000, 3000)
    tables = _tables(db_engine)
    assert [len(t) for t in tables] == [1500, 3000, 1500, 1500, 3001]
    assert ("create", "notice", "N-00007", '{"line": 16, "source": "f.jsonl", "via": "import"}') in tables[4]
    assert ("P-00007", 1, "P. 7", "alias") in tables[1]

    changed = _people_and_notices(1500)
    changed[1::4] = _people_and_notices(1500, charges="murder")[1::4]  # every other notice
    with transaction(db_engine) as s:
        again = import_records(s, cli_actor(), changed, source="g.jsonl")
        assert audit.verify(s).ok
    assert (again.created, again.updated, again.unchanged) == (0, 750, 2250)
    after = _tables(db_engine)
    assert after[:3] == tables[:3]
    assert ("N-00002", "red", "P-00002", "murder", 2) in after[3]
    assert ("N-00003", "red", "P-00003", "fraud", 1) in after[3]
    assert ("update", "notice", "N-00002", '{"line": 6, "source": "g.jsonl", "via": "import"}') in after[4]
    assert len(after[4]) == 3001 + 750 + 1


def test_a_failing_worker_is_reported_and_nothing_is_written(
    db_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def failing(self: object, chunk: list[tuple[int, str]]) -> list[object]:
        calls.append(1)
        raise MemoryError("no room")

    monkeypatch.setattr(interchange._Preparer, "__call__", failing)  # the fork inherits it
    with pytest.raises(interchange.ImportFailed, match="preparing process failed: MemoryError: no room"), \
            transaction(db_engine) as s:
        import_records(s, cli_actor(), list(enumerate(l for _n, l in _people_and_notices(1500))))
    assert calls == []  # it ran in the worker, not here
    assert _count(db_engine, Person) == 0


def test_the_audit_detail_of_an_imported_record_is_its_json() -> None:
    detail = interchange._detail_text('a "quoted" \\ név')
    assert detail(12) == audit._encode_detail({"via": "import", "line": 12, "source": 'a "quoted" \\ név'})


@pytest.mark.parametrize("dialect", [("sqlite", "qmark"), ("postgresql", "pyformat")])
def test_prepared_rows_are_the_rows_to_rows_gives(small_demo_file: Path, dialect: tuple[str, str]) -> None:
    """The worker's rows, column by column, are what the generic path (to_rows, then
    fast_insert's plan) would write, for every record of the demo (every kind)."""
    from liaison.db import bulk_plan
    from liaison.ingest.mapping import KINDS

    prepare = interchange._Preparer(*dialect, "demo")
    lines = list(enumerate(small_demo_file.read_bytes().splitlines(), start=1))
    seen = set()
    for (_number, raw), ready in zip(lines, prepare(lines), strict=True):
        record = interchange.parse_line(raw)
        km = KINDS[record.kind]
        seen.add(record.kind)
        main, kids = interchange.to_rows(record, km)
        kind_rows = prepare.kinds[record.kind]
        expected = dict(zip(kind_rows.main.plan.names, kind_rows.main.plan.rows([main])[0], strict=True))
        got = dict(zip(kind_rows.main.columns, ready[3], strict=True))
        for stamp in ("created_at", "updated_at"):
            del expected[stamp], got[stamp]
        assert got == expected
        for (child, maker), rows in zip(kind_rows.children, ready[4], strict=True):
            plan = bulk_plan(*dialect, child.table)
            assert [dict(zip(maker.columns, r, strict=True)) for r in rows] == [
                dict(zip(plan.names, r, strict=True)) for r in plan.rows(kids[child.table])]
    assert seen == set(KINDS)
