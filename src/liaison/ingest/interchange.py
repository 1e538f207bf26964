"""Import and export of the interchange format (JSON Lines, ``kind`` on every line).

The import streams: lines are validated and written in batches inside ONE transaction,
so memory stays flat and a file with any invalid line writes nothing (unless
``skip_invalid``). It is idempotent by reference: a record whose ``ref`` exists with the
same content is left alone; with other content it is updated. Every record written is
audited in the same transaction. A reference must name a record that exists already or
appears on an earlier line of the file.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pydantic
from sqlalchemy import Table, bindparam, select, text, tuple_
from sqlalchemy.orm import Session

from liaison.db import fast_insert
from liaison.errors import FieldProblem, ValidationError
from liaison.ingest.mapping import INTERNAL_COLUMNS, KINDS, KindMap
from liaison.ingest.schema import KIND_ORDER, SCHEMAS, RecordBase, parse_line
from liaison.records import utcnow
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, Event

BATCH = 2000
#: on PostgreSQL, rows written to a table before it is first analysed (then at each doubling)
ANALYSE_FIRST = 20_000
CHUNK = 900  # bound parameters per IN (...) query


@dataclass
class ImportReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[FieldProblem] = field(default_factory=list)
    invalid_lines: int = 0

    @property
    def written(self) -> int:
        return self.created + self.updated


def canonical(record: RecordBase) -> dict[str, Any]:
    """The record as the export writes it: ``kind`` first, defaults left out."""
    body = record.model_dump(mode="json", exclude_defaults=True)
    body.pop("kind", None)
    return {"kind": record.kind, **body}  # type: ignore[attr-defined]


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _problems_from(exc: pydantic.ValidationError, line: int) -> list[FieldProblem]:
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        # the discriminated union puts the kind first in the location: drop it
        if loc and loc[0] in SCHEMAS:
            loc = loc[1:]
        msg = err.get("msg", "invalid").removeprefix("Value error, ")
        if err.get("type") == "json_invalid":
            out.append(FieldProblem("(line)", f"not valid JSON: {msg}", line))
            continue
        if err.get("type") == "union_tag_invalid":
            out.append(FieldProblem("kind", f"unknown kind; expected one of {', '.join(KIND_ORDER)}", line))
            continue
        if err.get("type") == "union_tag_not_found":
            out.append(FieldProblem("kind", "missing: every line says which kind of record it is", line))
            continue
        out.append(FieldProblem(".".join(loc) or "(record)", msg, line))
    return out


def _has_nul(raw: bytes | str) -> bool:
    """Whether a line's JSON holds a NUL character (PostgreSQL text cannot store one)."""
    if (b"\\u0000" not in raw) if isinstance(raw, bytes) else ("\\u0000" not in raw):
        return False
    try:
        data = json.loads(raw)
    except ValueError:
        return False  # not JSON: the parser reports it
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and "\x00" in item:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _chunks(seq: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def existing_refs(session: Session, table: Table, refs: Iterable[str]) -> set[str]:
    wanted = sorted(set(refs))
    found: set[str] = set()
    for part in _chunks(wanted):
        found.update(session.scalars(select(table.c.ref).where(table.c.ref.in_(part))))
    return found


# -- rows <-> records ---------------------------------------------------------------


def to_rows(record: RecordBase, km: KindMap) -> tuple[dict[str, Any], dict[Table, list[dict[str, Any]]]]:
    """The main row and the child rows of one validated record."""
    data = dict(record.__dict__)  # the validated fields, without pydantic's dump cost
    del data["kind"]
    children: dict[Table, list[dict[str, Any]]] = {}
    for child in km.children:
        items = data.pop(child.field, None) or []
        parent, ref, pairs = child.parent_column, record.ref, tuple(child.columns.items())
        rows = []
        for pos, item in enumerate(items):
            values = item.__dict__
            row = {col: values[f] for f, col in pairs}
            row[parent] = ref
            row["position"] = pos
            rows.append(row)
        children[child.table] = rows
    renames = km.renames
    main = {renames.get(k, k): v for k, v in data.items()} if renames else data
    return main, children


def _children_of(session: Session, km: KindMap, refs: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    by_ref: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for child in km.children:
        t = child.table
        parent = t.c[child.parent_column]
        for part in _chunks(refs):
            rows = session.execute(
                select(t).where(parent.in_(part)).order_by(parent, t.c.position)
            ).mappings()
            for row in rows:
                item = {f: row[col] for f, col in child.columns.items()}
                by_ref[row[child.parent_column]][child.field].append(item)
    return by_ref


def to_records(session: Session, km: KindMap, rows: Sequence[Any]) -> list[RecordBase]:
    """Records (as the interchange models) of main-table rows of one kind."""
    reverse = {col: f for f, col in km.renames.items()}
    kids = _children_of(session, km, [r["ref"] for r in rows]) if km.children else {}
    schema = SCHEMAS[km.kind]
    known = schema.model_fields
    out = []
    for row in rows:
        # columns the interchange format does not carry (workflow notes…) stay out
        data = {reverse.get(k, k): v for k, v in row.items() if k not in INTERNAL_COLUMNS}
        data = {k: v for k, v in data.items() if v is not None and k in known}
        data["kind"] = km.kind
        for child in km.children:
            data[child.field] = kids.get(row["ref"], {}).get(child.field, [])
        out.append(schema.model_validate(data))
    return out


# -- import -------------------------------------------------------------------------


@dataclass
class _Pending:
    line: int
    record: RecordBase


#: one parsed batch: records, and the problems of the lines that failed, in line order
_Parsed = list[tuple[int, "_Pending | list[FieldProblem]"]]


def _parse(number: int, raw: bytes | str) -> _Pending | list[FieldProblem]:
    if _has_nul(raw):
        return [FieldProblem(
            "(line)", "contains a NUL character (\\u0000), which no text field may hold", number
        )]
    try:
        record = parse_line(raw)
    except pydantic.ValidationError as exc:
        return _problems_from(exc, number)
    return _Pending(number, record)


def _batches(lines: Iterable[tuple[int, bytes | str]]) -> Iterator[_Parsed]:
    """Lines read and validated, a batch (of BATCH records) at a time."""
    batch: _Parsed = []
    records = 0
    for number, raw in lines:
        if not raw.strip():
            continue
        outcome = _parse(number, raw)
        batch.append((number, outcome))
        records += isinstance(outcome, _Pending)
        if records >= BATCH:
            yield batch
            batch, records = [], 0
    if batch:
        yield batch


@contextmanager
def _few_collections() -> Iterator[None]:
    """An import allocates millions of short-lived objects that hold no cycles; the
    cyclic garbage collector, run at its default pace, would rescan everything alive
    again and again (a quarter of the import's time). Objects alive before the import
    are set aside (``gc.freeze``) and collections run less often; both undone after."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


class Importer:
    """Validates and writes interchange lines inside the caller's transaction."""

    def __init__(self, session: Session, actor: Actor, *, skip_invalid: bool = False,
                 max_problems: int = 100, source: str = "") -> None:
        self.session = session
        self.actor = actor
        self.skip_invalid = skip_invalid
        self.max_problems = max_problems
        self.source = source
        self.report = ImportReport()
        self.failed = False
        self._written: dict[str, int] = {}
        self._analyse_at: dict[str, int] = {}

    def _problem(self, problems: list[FieldProblem]) -> None:
        self.report.invalid_lines += 1
        room = self.max_problems - len(self.report.problems)
        self.report.problems.extend(problems[: max(room, 0)])
        if not self.skip_invalid:
            self.failed = True

    def feed(self, lines: Iterable[tuple[int, bytes | str]]) -> ImportReport:
        """Validate and write the lines, a batch at a time."""
        with _few_collections():
            for batch in _batches(lines):
                self._take(batch)
        return self.report

    def _take(self, batch: _Parsed) -> None:
        pending: list[_Pending] = []
        for _number, outcome in batch:
            self.report.read += 1
            if isinstance(outcome, _Pending):
                pending.append(outcome)
            else:
                self._problem(outcome)
        if pending:
            self._flush(pending)

    def _check_refs(self, batch: list[_Pending]) -> list[_Pending]:
        """Drop (and report) records whose references name nothing known."""
        defined: dict[tuple[str, str], int] = {}
        wanted: dict[str, set[str]] = defaultdict(set)
        made_refs = [list(_refs_of(p.record)) for p in batch]
        for made in made_refs:
            for kind, ref, _f in made:
                wanted[kind].add(ref)
        found = {
            kind: existing_refs(self.session, KINDS[kind].table, refs) for kind, refs in wanted.items()
        }
        good = []
        for position, p in enumerate(batch):
            bad = [
                FieldProblem(f, f"no {kind} with ref '{ref}' (it must exist or come on an earlier line)", p.line)
                for kind, ref, f in made_refs[position]
                if ref not in found[kind] and defined.get((kind, ref), position) >= position
            ]
            if bad:
                self._problem(bad)
                continue
            defined.setdefault((p.record.kind, p.record.ref), position)  # type: ignore[attr-defined]
            good.append(p)
        return good

    def _flush(self, batch: list[_Pending]) -> None:
        batch = self._check_refs(batch)
        if self.failed or not batch:
            return
        by_kind: dict[str, list[_Pending]] = defaultdict(list)
        for p in batch:
            by_kind[p.record.kind].append(p)  # type: ignore[attr-defined]
        events: list[Event] = []
        for kind in KIND_ORDER:
            if kind in by_kind:
                events.extend(self._write_kind(KINDS[kind], by_kind[kind]))
                self._keep_statistics(KINDS[kind].table, len(by_kind[kind]))
        audit.append_many(self.session, events)

    def _keep_statistics(self, table: Table, written: int) -> None:
        """PostgreSQL plans the next batch's reference lookups on the table's statistics,
        which see none of what this transaction wrote: past a few hundred thousand rows it
        would scan the whole table for each batch (the import turns quadratic). So the
        tables being filled are analysed as they grow (at 20,000 rows written, then each
        time the count doubles: a few ANALYZE in all); the transaction's own rows count."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        total = self._written[table.name] = self._written.get(table.name, 0) + written
        if total >= self._analyse_at.get(table.name, ANALYSE_FIRST):
            self.session.execute(text(f'ANALYZE "{table.name}"'))  # a name from the schema
            self._analyse_at[table.name] = total * 2

    def _write_kind(self, km: KindMap, items: list[_Pending]) -> list[Event]:
        # the last line wins when a file names the same ref twice
        latest: dict[str, _Pending] = {}
        for p in items:
            latest[p.record.ref] = p
        present = existing_refs(self.session, km.table, latest)
        old: dict[str, dict[str, Any]] = {}
        if present:
            found = self.session.execute(
                select(km.table).where(km.table.c.ref.in_(sorted(present)))
            ).mappings().all()
            old = {r.ref: canonical(r) for r in to_records(self.session, km, found)}
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        events: list[Event] = []
        child_rows: dict[Table, list[dict[str, Any]]] = defaultdict(list)
        now = utcnow()
        for ref, p in latest.items():
            if ref in old and old[ref] == canonical(p.record):
                self.report.unchanged += 1
                continue
            main, kids = to_rows(p.record, km)
            for t, rows in kids.items():
                child_rows[t].extend(rows)
            action = AuditAction.update if ref in old else AuditAction.create
            (updates if ref in old else inserts).append(main)
            events.append(Event(self.actor.username, action, km.kind, ref, origin=self.actor.origin,
                                detail={"via": "import", "line": p.line, "source": self.source}))
        if updates:
            self._update(km, updates, now)
        if inserts:
            for row in inserts:
                row["created_at"] = row["updated_at"] = now
                row["version"] = 1
            fast_insert(self.session, km.table, inserts)
        for t, rows in child_rows.items():
            fast_insert(self.session, t, rows)
        self.report.created += len(inserts)
        self.report.updated += len(updates)
        return events

    def _update(self, km: KindMap, rows: list[dict[str, Any]], now: Any) -> None:
        refs = [r["ref"] for r in rows]
        for child in km.children:
            col = child.table.c[child.parent_column]
            for part in _chunks(refs):
                self.session.execute(child.table.delete().where(col.in_(part)))
        t = km.table
        for row in rows:
            values = {k: v for k, v in row.items() if k != "ref"}
            self.session.execute(
                t.update().where(t.c.ref == row["ref"]).values(
                    **values, updated_at=now, version=t.c.version + 1
                )
            )


def _refs_of(record: RecordBase) -> Iterator[tuple[str, str, str]]:
    """(kind, ref, field) of every reference a record makes."""
    km = KINDS[record.kind]  # type: ignore[attr-defined]
    if not km.refs and not km.children:
        return
    for f, kind in km.refs.items():
        value = getattr(record, f)
        if value:
            yield kind, value, f
    for child in km.children:
        for i, item in enumerate(getattr(record, child.field)):
            for f, kind in child.refs.items():
                value = getattr(item, f)
                if value:
                    yield kind, value, f"{child.field}.{i}.{f}"


def import_records(session: Session, actor: Actor, lines: Iterable[tuple[int, bytes | str]], *,
                   skip_invalid: bool = False, source: str = "") -> ImportReport:
    """Import interchange lines in the caller's transaction. Raises ValidationError
    (naming every invalid line, up to a cap) when a line is invalid and
    ``skip_invalid`` is false; the caller's rollback then leaves the database as it was."""
    importer = Importer(session, actor, skip_invalid=skip_invalid, source=source)
    report = importer.feed(lines)
    if importer.failed:
        more = report.invalid_lines - len({p.line for p in report.problems})
        suffix = f" (and {more} more invalid lines)" if more > 0 else ""
        raise ValidationError(
            f"{report.invalid_lines} invalid line(s); nothing imported{suffix}", report.problems
        )
    audit.record(session, Event(actor.username, AuditAction.import_, "import", source[:64],
                                origin=actor.origin,
                                detail={"read": report.read, "created": report.created,
                                        "updated": report.updated, "invalid": report.invalid_lines}))
    return report


# -- export -------------------------------------------------------------------------


def _notice_order(session: Session) -> None:
    """Fill a temporary table with each notice's depth (0: refers to no notice), so
    the export writes a notice after the notices it derives from or cancels."""
    session.execute(text("DROP TABLE IF EXISTS tmp_notice_depth"))
    session.execute(text("CREATE TEMPORARY TABLE tmp_notice_depth (ref VARCHAR(64) PRIMARY KEY, depth INTEGER)"))
    session.execute(text(
        "INSERT INTO tmp_notice_depth (ref, depth) "
        "WITH RECURSIVE d(ref, depth) AS ("
        " SELECT ref, 0 FROM notice WHERE derived_from_ref IS NULL AND cancels_ref IS NULL"
        " UNION ALL"
        " SELECT n.ref, d.depth + 1 FROM notice n JOIN d"
        "  ON n.derived_from_ref = d.ref OR n.cancels_ref = d.ref WHERE d.depth < 32)"
        " SELECT ref, MAX(depth) FROM d GROUP BY ref"
    ))


def _pages(session: Session, km: KindMap) -> Iterator[Sequence[Any]]:
    t = km.table
    if km.kind == "notice":
        _notice_order(session)
        depth = text("tmp_notice_depth.depth")
        last: tuple[int, str] = (-1, "")
        while True:
            stmt = (
                select(t, text("tmp_notice_depth.depth AS _depth"))
                .join_from(t, text("tmp_notice_depth"), text("tmp_notice_depth.ref = notice.ref"))
                .where(tuple_(depth, t.c.ref) > tuple_(bindparam("d", last[0]), bindparam("r", last[1])))
                .order_by(depth, t.c.ref).limit(BATCH)
            )
            rows = session.execute(stmt).mappings().all()
            if not rows:
                return
            last = (rows[-1]["_depth"], rows[-1]["ref"])
            yield [{k: v for k, v in r.items() if k != "_depth"} for r in rows]
    else:
        last_ref = ""
        while True:
            rows = session.execute(
                select(t).where(t.c.ref > last_ref).order_by(t.c.ref).limit(BATCH)
            ).mappings().all()
            if not rows:
                return
            last_ref = rows[-1]["ref"]
            yield rows


def export_records(session: Session, actor: Actor, kinds: Sequence[str] | None = None,
                   on_page: Callable[[int], None] | None = None) -> Iterator[str]:
    """Interchange lines of every record (of ``kinds``), references before referrers.
    Each person exported is recorded in the audit trail as read by ``actor``."""
    for kind in KIND_ORDER:
        if kinds and kind not in kinds:
            continue
        km = KINDS[kind]
        for rows in _pages(session, km):
            records = to_records(session, km, rows)
            if kind == "person":
                audit.append_many(session, [
                    Event(actor.username, AuditAction.export, "person", r.ref, origin=actor.origin)
                    for r in records
                ])
            for r in records:
                yield dumps(canonical(r))
            if on_page:
                on_page(len(records))
