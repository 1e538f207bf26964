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
import multiprocessing as mp
import os
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

import pydantic
from sqlalchemy import Table, bindparam, select, text, tuple_
from sqlalchemy.orm import Session

from liaison.config import SETTINGS
from liaison.db import driver_cursor, insert_rows
from liaison.errors import FieldProblem, LiaisonError, ValidationError
from liaison.ingest.bulk import RowMaker
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
#
# An import runs in two steps. *Preparing* a line needs no database: validate it, and
# turn a valid record into the rows that insert it (main row, child rows, in each
# table's column order) and its audit detail. *Writing* needs the transaction: check
# the references, tell new records from known ones, insert, and seal one audit entry
# per record written into the hash chain. On a long input (more than one chunk) the
# preparing runs in a forked worker process, a chunk ahead of the writing, so the two
# share the machine's cores; a short one, or an import from a thread other than the
# main one (the web server's), prepares in-process. Both run the same code.

#: one prepared line: None (blank), the problems of an invalid line, or a record ready
#: to write: (kind, ref, references made, main row, child rows per KindMap.children,
#: audit detail, line number)
_Ready = tuple[str, str, tuple[tuple[str, str, str], ...], list[Any], tuple[list[list[Any]], ...], str, int]
_Chunk = list[tuple[int, bytes | str]]


def _parse(number: int, raw: bytes | str) -> RecordBase | list[FieldProblem]:
    if _has_nul(raw):
        return [FieldProblem(
            "(line)", "contains a NUL character (\\u0000), which no text field may hold", number
        )]
    try:
        return parse_line(raw)
    except pydantic.ValidationError as exc:
        return _problems_from(exc, number)


def _detail_text(source: str) -> Callable[[int], str]:
    """The audit detail of a record imported from ``line`` of ``source``, as the chain
    encodes ``{"via": "import", "line": line, "source": source}`` (keys sorted), made
    with one format instead of one JSON encoding per record."""
    rest = audit._encode_detail({"source": source, "via": "import"})[1:]
    return lambda line: f'{{"line": {line}, {rest}'


class _KindRows:
    """How one kind's validated records become rows: the record's main row and its
    child rows (the rows :func:`to_rows` gives, without the intermediate dicts), and
    the references it makes, as (kind, ref, field)."""

    def __init__(self, dialect: str, paramstyle: str, km: KindMap) -> None:
        owned = {c.field for c in km.children}
        columns = set(km.table.c.keys())
        fields = {km.column(f): f for f in SCHEMAS[km.kind].model_fields
                  if f != "kind" and f not in owned and km.column(f) in columns}
        self.main = RowMaker(dialect, paramstyle, km.table, fields)
        self.children = [
            (c, RowMaker(dialect, paramstyle, c.table, {col: f for f, col in c.columns.items()},
                         (c.parent_column, "position")))
            for c in km.children
        ]
        self.refs = list(km.refs.items())

    def make(self, record: RecordBase) -> tuple[list[Any], tuple[list[list[Any]], ...],
                                                 tuple[tuple[str, str, str], ...]]:
        values = record.__dict__
        ref = values["ref"]
        refs = [(kind, v, f) for f, kind in self.refs if (v := values[f])]
        kids = []
        for child, maker in self.children:
            rows = []
            for position, item in enumerate(values[child.field] or ()):
                attrs = item.__dict__
                rows.append(maker.row(attrs, (ref, position)))
                for f, kind in child.refs.items():
                    if v := attrs[f]:
                        refs.append((kind, v, f"{child.field}.{position}.{f}"))
            kids.append(rows)
        return self.main.row(values), tuple(kids), tuple(refs)


class _Preparer:
    """Validates a chunk of lines and makes each valid record's rows (see above)."""

    def __init__(self, dialect: str, paramstyle: str, source: str) -> None:
        self.kinds = {kind: _KindRows(dialect, paramstyle, km) for kind, km in KINDS.items()}
        self.detail = _detail_text(source)

    def __call__(self, chunk: _Chunk) -> list[Any]:
        out: list[Any] = []
        kinds, detail = self.kinds, self.detail
        for number, raw in chunk:
            if not raw.strip():
                out.append(None)
                continue
            record = _parse(number, raw)
            if type(record) is list:
                out.append(record)
                continue
            kind = record.kind  # type: ignore[union-attr]
            row, kids, refs = kinds[kind].make(record)  # type: ignore[arg-type]
            out.append((kind, record.ref, refs, row, kids, detail(number), number))  # type: ignore[union-attr]
        return out


def _chunked(lines: Iterable[tuple[int, bytes | str]], size: int = BATCH) -> Iterator[_Chunk]:
    it = iter(lines)
    while chunk := list(islice(it, size)):
        yield chunk


class _WorkerFailed:
    def __init__(self, what: str) -> None:
        self.what = what


def _worker(prepare: _Preparer, inbox: Any, outbox: Any, *parents_ends: Any) -> None:
    """The preparing process: chunks in, prepared chunks out, None at the end."""
    for end in parents_ends:  # so that either side sees the other's end if it dies
        end.close()
    try:
        with _few_collections():
            while (chunk := inbox.recv()) is not None:
                outbox.send(prepare(chunk))
        outbox.send(None)
    except EOFError:
        pass  # the importing process has gone: nothing to tell it
    except BaseException as exc:  # noqa: BLE001 - reported to the importing process
        with suppress(OSError):
            outbox.send(_WorkerFailed(f"{type(exc).__name__}: {exc}"))


def _may_fork() -> bool:
    return (
        os.environ.get("LIAISON_IMPORT_WORKER", SETTINGS["LIAISON_IMPORT_WORKER"][0]) != "0"
        and "fork" in mp.get_all_start_methods()
        and threading.current_thread() is threading.main_thread()
    )


def _in_worker(prepare: _Preparer, chunks: Iterator[_Chunk]) -> Iterator[tuple[_Chunk, list[Any]]]:
    """Chunks prepared by a forked worker, in order; the lines are read by a thread of
    this process (so a progress display stays here) and sent a chunk ahead."""
    ctx = mp.get_context("fork")
    inbox_r, inbox_w = ctx.Pipe(duplex=False)
    outbox_r, outbox_w = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(prepare, inbox_r, outbox_w, inbox_w, outbox_r), daemon=True,
                       name="liaison-import-prepare")
    proc.start()
    inbox_r.close()
    outbox_w.close()
    sent: deque[_Chunk] = deque()
    failure: list[BaseException] = []

    def feed() -> None:
        try:
            for chunk in chunks:
                sent.append(chunk)
                try:
                    inbox_w.send(chunk)
                except OSError:
                    return  # the worker is gone: the importing thread hears it from its end
        except BaseException as exc:  # noqa: BLE001 - reading failed: raised again in the importing thread
            failure.append(exc)
        with suppress(OSError):
            inbox_w.send(None)  # the end, after the last chunk or a failure to read

    feeder = threading.Thread(target=feed, name="liaison-import-read", daemon=True)
    feeder.start()
    try:
        while True:
            try:
                prepared = outbox_r.recv()
            except EOFError:
                if failure:
                    raise failure[0] from None
                raise ImportFailed("the import's preparing process stopped unexpectedly") from None
            if prepared is None:
                break
            if isinstance(prepared, _WorkerFailed):
                raise ImportFailed(f"the import's preparing process failed: {prepared.what}")
            yield sent.popleft(), prepared
        feeder.join()
        if failure:
            raise failure[0]
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join(5)
        inbox_w.close()
        outbox_r.close()


_CREATE, _UPDATE = AuditAction.create.value, AuditAction.update.value


class ImportFailed(LiaisonError):
    """The import could not run to its end for a reason other than its input."""


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


def present_refs(session: Session, table: Table, refs: Iterable[str]) -> set[str]:
    """The ``refs`` that name a row of ``table``: :func:`existing_refs` through the
    driver, one query (PostgreSQL) or one per 900 references (SQLite)."""
    wanted = list(set(refs))
    if not wanted:
        return set()
    cursor = driver_cursor(session)
    try:
        if session.get_bind().dialect.name == "postgresql":
            sql = f'SELECT ref FROM "{table.name}" WHERE ref = ANY(%s)'  # noqa: S608 - a schema name
            cursor.execute(sql, (wanted,))
            return {r[0] for r in cursor.fetchall()}
        found: set[str] = set()
        for part in _chunks(wanted):
            marks = ",".join("?" * len(part))
            sql = f'SELECT ref FROM "{table.name}" WHERE ref IN ({marks})'  # noqa: S608 - as above
            cursor.execute(sql, part)
            found.update(r[0] for r in cursor.fetchall())
        return found
    finally:
        cursor.close()


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
        #: valid records not written because an earlier line failed: later lines may
        #: refer to them, and must not be reported for it (one bad line, one error)
        self._unwritten: dict[str, set[str]] = defaultdict(set)
        self._analyse_at: dict[str, int] = {}
        dialect = session.connection().dialect
        self._postgres = dialect.name == "postgresql"
        self._prepare = _Preparer(dialect.name, dialect.paramstyle, source)

    def _problem(self, problems: list[FieldProblem]) -> None:
        self.report.invalid_lines += 1
        room = self.max_problems - len(self.report.problems)
        self.report.problems.extend(problems[: max(room, 0)])
        if not self.skip_invalid:
            self.failed = True

    def _prepared(self, lines: Iterable[tuple[int, bytes | str]]) -> Iterator[tuple[_Chunk, list[Any]]]:
        chunks = _chunked(lines)
        first = next(chunks, None)
        if first is None:
            return
        if len(first) == BATCH and _may_fork():
            yield from _in_worker(self._prepare, chain([first], chunks))
            return
        for chunk in chain([first], chunks):
            yield chunk, self._prepare(chunk)

    def feed(self, lines: Iterable[tuple[int, bytes | str]]) -> ImportReport:
        """Validate and write the lines, a chunk at a time."""
        with _few_collections():
            for chunk, prepared in self._prepared(lines):
                self._take(chunk, prepared)
        return self.report

    def _take(self, chunk: _Chunk, prepared: list[Any]) -> None:
        ready: list[tuple[bytes | str, _Ready]] = []
        for (_number, raw), outcome in zip(chunk, prepared, strict=True):
            if outcome is None:
                continue
            self.report.read += 1
            if type(outcome) is list:
                self._problem(outcome)
            else:
                ready.append((raw, outcome))
        if ready:
            self._flush(ready)

    def _check_refs(self, batch: list[tuple[bytes | str, _Ready]]) -> list[tuple[bytes | str, _Ready]]:
        """Drop (and report) records whose references name nothing known."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for _raw, item in batch:
            for kind, ref, _f in item[2]:
                wanted[kind].add(ref)
        if not wanted:
            return batch
        found = {kind: present_refs(self.session, KINDS[kind].table, refs) for kind, refs in wanted.items()}
        defined: dict[tuple[str, str], int] = {}
        good = []
        for position, (raw, item) in enumerate(batch):
            bad = item[2] and [
                FieldProblem(f, f"no {kind} with ref '{ref}' (it must exist or come on an earlier line)",
                             item[6])
                for kind, ref, f in item[2]
                if ref not in found[kind] and ref not in self._unwritten[kind]
                and defined.get((kind, ref), position) >= position
            ]
            if bad:
                self._problem(bad)
                continue
            defined.setdefault((item[0], item[1]), position)
            good.append((raw, item))
        return good

    def _flush(self, batch: list[tuple[bytes | str, _Ready]]) -> None:
        batch = self._check_refs(batch)
        if self.failed:
            for _raw, item in batch:
                self._unwritten[item[0]].add(item[1])
            return
        if not batch:
            return
        by_kind: dict[str, list[tuple[bytes | str, _Ready]]] = defaultdict(list)
        for raw, item in batch:
            by_kind[item[0]].append((raw, item))
        entries: list[tuple[str, str, str, str]] = []
        for kind in KIND_ORDER:
            if kind in by_kind:
                self._write_kind(KINDS[kind], by_kind[kind], entries)
                self._keep_statistics(KINDS[kind].table, len(by_kind[kind]))
        audit.append_entries(self.session, self.actor.username, self.actor.origin, entries)

    def _keep_statistics(self, table: Table, written: int) -> None:
        """PostgreSQL plans the next batch's reference lookups on the table's statistics,
        which see none of what this transaction wrote: past a few hundred thousand rows it
        would scan the whole table for each batch (the import turns quadratic). So the
        tables being filled are analysed as they grow (at 20,000 rows written, then each
        time the count doubles: a few ANALYZE in all); the transaction's own rows count."""
        if not self._postgres:
            return
        total = self._written[table.name] = self._written.get(table.name, 0) + written
        if total >= self._analyse_at.get(table.name, ANALYSE_FIRST):
            self.session.execute(text(f'ANALYZE "{table.name}"'))  # a name from the schema
            self._analyse_at[table.name] = total * 2

    def _write_kind(self, km: KindMap, items: list[tuple[bytes | str, _Ready]],
                    entries: list[tuple[str, str, str, str]]) -> None:
        # the last line wins when a file names the same ref twice
        latest: dict[str, tuple[bytes | str, _Ready]] = {}
        for raw, item in items:
            latest[item[1]] = (raw, item)
        present = present_refs(self.session, km.table, latest)
        old: dict[str, dict[str, Any]] = {}
        if present:
            found = self.session.execute(
                select(km.table).where(km.table.c.ref.in_(sorted(present)))
            ).mappings().all()
            old = {r.ref: canonical(r) for r in to_records(self.session, km, found)}
        inserts: list[list[Any]] = []
        updates: list[dict[str, Any]] = []
        child_rows: list[list[list[Any]]] = [[] for _ in km.children]
        for ref, (raw, item) in latest.items():
            if ref in old:
                # a known record: compared, and updated when it differs (the rare path:
                # the record is validated again here, rather than shipped from the worker)
                record = parse_line(raw)
                if old[ref] == canonical(record):
                    self.report.unchanged += 1
                    continue
                updates.append(to_rows(record, km)[0])
                action = _UPDATE
            else:
                inserts.append(item[3])
                action = _CREATE
            for n, rows in enumerate(item[4]):  # an update's children replace the old ones
                child_rows[n].extend(rows)
            entries.append((action, km.kind, ref, item[5]))
        now = utcnow()
        if updates:
            self._update(km, updates, now)
        makers = self._prepare.kinds[km.kind]
        if inserts:
            main = makers.main
            created, updated = main.index("created_at"), main.index("updated_at")
            stamp = main.plan.stored("created_at", now)
            for row in inserts:
                row[created] = row[updated] = stamp
            insert_rows(self.session, main.sql, inserts)
        for (_child, maker), rows in zip(makers.children, child_rows, strict=True):
            if rows:
                insert_rows(self.session, maker.sql, rows)
        self.report.created += len(inserts)
        self.report.updated += len(updates)

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
