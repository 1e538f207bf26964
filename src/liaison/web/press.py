"""The press review page: an analyst pastes a French press release (or uploads it), sees
what :mod:`liaison.ingest.press` proposes, and accepts, corrects or rejects each proposal.

Nothing is stored between the two steps: the proposals travel in the review form, signed
with the server's secret and bound to the session, so what comes back is what the
extractor proposed plus the analyst's corrections, never a forged proposal. Accepting
goes through :func:`liaison.ingest.press_service.accept_extraction` (the same records,
deduplication and audit entries linked to the source document as ``liaison ingest
--accept``); the review itself — what was corrected, rejected, left undecided, and the
figures and distinctions accepted (they have no table) — is one more audit entry in the
same transaction. Who may review: whoever the access policy lets create events, meetings
and agreements.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from liaison.config import get_settings
from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.ingest.press.result import KINDS, Extraction
from liaison.partners.model import AgreementKind, Country, MeetingKind
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.audit import AuditAction, AuditEntry
from liaison.security.policy import Action, can, require
from liaison.security.sessions import COOKIE_NAME, check_csrf
from liaison.web.templating import render
from liaison.web.visitor import PageRoute, Visitor, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)

#: proposals by kind, each in ``Extraction.to_dict`` form
Proposals = dict[str, list[dict[str, Any]]]
#: the kinds of record accepting may write (the policy must allow creating each)
WRITES = ("event", "meeting", "agreement")
MAX_BYTES = 1_000_000
DECISIONS = ("accept", "correct", "reject")

#: per kind of proposal, the fields an analyst may correct: (name, widget)
FIELDS: dict[str, list[tuple[str, str]]] = {
    "events": [("name", "text"), ("place", "text"), ("country", "country"),
               ("starts_on", "date"), ("ends_on", "date")],
    "meetings": [("kind", "meeting_kind"), ("held_on", "date"), ("ends_on", "date"),
                 ("place", "text"), ("count", "integer")],
    "agreements": [("kind", "agreement_kind"), ("title", "text"), ("signed_on", "date"),
                   ("place", "text"), ("subject", "text")],
    "people": [("name", "text"), ("role", "text"), ("organisation", "text")],
    "countries": [("code", "country")],
    "figures": [("value", "decimal"), ("counts", "text"), ("year", "integer")],
    "distinctions": [("name", "text"), ("recipient", "text")],
}
CHOICES = {"meeting_kind": [k.value for k in MeetingKind],
           "agreement_kind": [k.value for k in AgreementKind]}
#: fields that may not be emptied
REQUIRED = {("events", "name"), ("agreements", "title"), ("people", "name"),
            ("countries", "code"), ("figures", "value"), ("distinctions", "name"),
            ("meetings", "kind"), ("agreements", "kind")}
#: the date field pairs of each kind: (start, end) and where the DateSpan lives
DATES = {"events": ("starts_on", "ends_on", "dates"),
         "meetings": ("held_on", "ends_on", "dates"),
         "agreements": ("signed_on", None, "date")}


def may_review(actor: Actor) -> bool:
    return all(can(actor, Action.create, kind) for kind in WRITES)


def _require_reviewer(actor: Actor) -> None:
    for kind in WRITES:
        require(actor, Action.create, kind)


# --- the extractor, loaded once per process ------------------------------------------

_load_lock = threading.Lock()


def _load() -> None:
    from liaison.ingest.press.nlp import load_pipeline

    with _load_lock:
        load_pipeline()


_warming = threading.Event()


def warm_up() -> None:
    """Load the French language model in the background (several seconds), while the
    analyst pastes the text; once per process."""
    if not _warming.is_set():
        _warming.set()
        threading.Thread(target=_load, name="press-warm-up", daemon=True).start()


def _extract(text: str, article_date: dt.date | None) -> Extraction:
    from liaison.ingest.press import extract
    from liaison.ingest.press_service import registry_gazetteer

    _load()
    with transaction() as session:
        gazetteer = registry_gazetteer(session)
    return extract(text, article_date, gazetteer)


# --- the signed proposals --------------------------------------------------------------


def _signature(cookie: str, payload: str) -> str:
    key = get_settings().secret_key.encode("utf-8")
    message = b"press-review\x1f" + cookie.encode("utf-8") + b"\x1f" + payload.encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def sign(cookie: str, source: str, proposals: dict[str, list[dict[str, Any]]]) -> tuple[str, str]:
    """The review form's hidden ``payload`` and its ``signature`` for this session."""
    payload = json.dumps({"source": source, "proposals": proposals}, ensure_ascii=False,
                         sort_keys=True, default=str)
    return payload, _signature(cookie, payload)


def _unsign(cookie: str, payload: str, signature: str) -> tuple[str, Proposals]:
    if not hmac.compare_digest(_signature(cookie, payload), signature):
        raise ValidationError.for_field(
            "payload", "the proposals were changed or come from another session; "
                       "read the text again")  # fmt: skip
    data = json.loads(payload)
    return str(data["source"]), {k: list(data["proposals"].get(k, [])) for k in KINDS}


# --- form values of a proposal, and corrections -----------------------------------------


def _iso(span: dict[str, Any] | None, end: bool = False) -> str:
    """A complete date of a span as YYYY-MM-DD; '' when partial or absent."""
    if not span:
        return ""
    value = span.get("end") if end else span.get("start")
    if not value or value.startswith("--") or len(value) != 10:
        return ""
    return str(value)


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def values_of(kind: str, item: dict[str, Any]) -> dict[str, str]:
    """The form values of one proposal, as the extractor proposed it."""
    if kind in DATES:
        start, end, key = DATES[kind]
        spans = item.get(key)
        spans = spans if isinstance(spans, list) else [spans] if spans else []
        dates = {start: _iso(spans[0]) if spans else ""}
        if end:
            last = spans[-1] if spans else None
            # several spans («les 14 et 15 décembre» as two): the last day they reach
            dates[end] = (_iso(last, end=True) or (_iso(last) if len(spans) > 1 else "")
                          if last else "")  # fmt: skip
    else:
        dates = {}
    out: dict[str, str] = {}
    for name, _widget in FIELDS[kind]:
        if name in dates:
            out[name] = dates[name]
        elif name in ("value", "year", "count"):
            out[name] = _number_text(item.get(name))
        else:
            out[name] = str(item.get(name) or "")
    return out


@dataclass
class Review:
    """What the analyst decided, read from the review form."""

    decisions: dict[str, list[str]] = field(default_factory=dict)
    values: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return not self.errors


def _field_id(kind: str, index: int, name: str) -> str:
    return f"f-{kind}-{index}-{name}"


def _check(kind: str, name: str, widget: str, value: str, known_countries: set[str]) -> str:
    """The reason a corrected value is refused, or ''."""
    if not value:
        return "is required" if (kind, name) in REQUIRED else ""
    if widget == "date":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return f"'{value}' is not a date (YYYY-MM-DD)"
        if not 1900 <= day.year <= 2100:
            return f"{day} is outside 1900-2100"
    elif widget == "country":
        if value.upper() not in known_countries:
            return f"'{value}' is not an ISO 3166 country code"
    elif widget in CHOICES:
        if value not in CHOICES[widget]:
            return f"must be one of {', '.join(CHOICES[widget])}"
    elif widget == "integer":
        if not value.isdigit():
            return f"'{value}' is not a whole number"
        if name == "year" and not 1900 <= int(value) <= 2100:
            return f"{value} is outside 1900-2100"
    elif widget == "decimal":
        try:
            float(value.replace(",", ".").replace(" ", "").replace("\u202f", ""))
        except ValueError:
            return f"'{value}' is not a number"
    elif len(value) > 512:
        return "at most 512 characters"
    return ""


def read_review(form: dict[str, str], proposals: dict[str, list[dict[str, Any]]],
                known_countries: set[str]) -> Review:  # fmt: skip
    review = Review()
    for kind in KINDS:
        decisions, values = [], []
        for index, item in enumerate(proposals[kind]):
            decision = form.get(f"decision-{kind}-{index}", "")
            decisions.append(decision if decision in DECISIONS else "")
            original = values_of(kind, item)
            submitted = {name: form.get(_field_id(kind, index, name), original[name]).strip()
                         for name, _w in FIELDS[kind]}  # fmt: skip
            values.append(submitted)
            if decision == "reject":
                continue
            for name, widget in FIELDS[kind]:
                if submitted[name] == original[name]:
                    continue
                reason = _check(kind, name, widget, submitted[name], known_countries)
                if reason:
                    review.errors.setdefault(_field_id(kind, index, name), []).append(reason)
            if kind in DATES:
                start, end, _key = DATES[kind]
                if end and submitted[end] and not submitted[start]:
                    review.errors.setdefault(_field_id(kind, index, start), []).append(
                        "is required when an end is given")
                if (end and submitted[start] and submitted[end]
                        and _field_id(kind, index, start) not in review.errors
                        and _field_id(kind, index, end) not in review.errors
                        and submitted[end] < submitted[start]):
                    review.errors.setdefault(_field_id(kind, index, end), []).append(
                        "ends before it starts")
        review.decisions[kind] = decisions
        review.values[kind] = values
    return review


def _span(start: str, end: str, original: dict[str, Any] | None) -> dict[str, Any] | None:
    if not start:
        return None
    return {"start": start, "end": end if end and end != start else None,
            "text": (original or {}).get("text", ""), "year_source": "text",
            "kind": "range" if end and end != start else "single"}  # fmt: skip


def corrected(kind: str, item: dict[str, Any],
              values: dict[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The proposal with the analyst's values, and what changed (field: [before, after])."""
    original = values_of(kind, item)
    changes = {name: [original[name], values[name]] for name, _w in FIELDS[kind]
               if values[name] != original[name]}  # fmt: skip
    out = deepcopy(item)
    if not changes:
        return out, changes
    if kind in DATES:
        start, end, key = DATES[kind]
        if start in changes or (end and end in changes):
            old = item.get(key)
            first: dict[str, Any] | None = old[0] if isinstance(old, list) and old else (
                old if isinstance(old, dict) else None)
            span = _span(values[start], values[end] if end else "", first)
            out[key] = ([span] if span else []) if kind == "meetings" else span
    for name, widget in FIELDS[kind]:
        if name not in changes or widget == "date":
            continue
        value = values[name]
        if widget == "country":
            out[name] = value.upper() or None
        elif widget == "integer":
            out[name] = int(value) if value else None
        elif widget == "decimal":
            out[name] = float(value.replace(",", ".").replace(" ", "").replace("\u202f", ""))
        else:
            out[name] = value or (None if name not in ("name", "title", "kind") else value)
    return out, changes


def decide(proposals: Proposals, review: Review) -> tuple[Proposals, dict[str, Any]]:
    """The proposals to accept (in ``Extraction.to_dict`` form) and the review's record.

    Events, meetings, agreements, figures and distinctions are kept when accepted or
    corrected. A person rejected is taken out of the meetings' participants and the
    agreements' signatories; a person corrected is corrected there too. A country
    rejected is taken out of the meetings, agreements and events; a country corrected is
    replaced there.
    """
    kept: dict[str, list[dict[str, Any]]] = {kind: [] for kind in KINDS}
    record: dict[str, Any] = {"accepted": [], "corrected": [], "rejected": [], "undecided": []}
    renamed: dict[str, dict[str, Any]] = {}
    dropped_people: set[str] = set()
    recoded: dict[str, str] = {}
    dropped_countries: set[str] = set()
    for kind in KINDS:
        for index, item in enumerate(proposals[kind]):
            decision = review.decisions[kind][index]
            label = summary_of(kind, item)
            if decision == "reject":
                record["rejected"].append({"kind": kind, "item": label})
                if kind == "people":
                    dropped_people.add(str(item["name"]).lower())
                if kind == "countries":
                    dropped_countries.add(str(item["code"]))
                continue
            if not decision:
                record["undecided"].append({"kind": kind, "item": label})
                continue
            new, changes = corrected(kind, item, review.values[kind][index])
            if changes:
                record["corrected"].append({"kind": kind, "item": label, "changes": changes})
            else:
                record["accepted"].append({"kind": kind, "item": label})
            if kind == "people" and changes:
                renamed[str(item["name"]).lower()] = new
            if kind == "countries" and "code" in changes:
                recoded[str(item["code"])] = str(new["code"])
            kept[kind].append(new)

    def country(code: str | None) -> str | None:
        if code is None or code in dropped_countries:
            return None
        return recoded.get(code, code)

    for meeting in kept["meetings"]:
        participants = []
        for p in meeting.get("participants", []):
            key = str(p.get("name") or "").lower()
            if key in dropped_people:
                continue
            if key in renamed:
                fix = renamed[key]
                p = {**p, "name": fix["name"], "role": fix.get("role"),
                     "organisation": fix.get("organisation")}
            participants.append(p)
        meeting["participants"] = participants
        meeting["countries"] = [c for c in map(country, meeting.get("countries", [])) if c]
    for agreement in kept["agreements"]:
        agreement["countries"] = [c for c in map(country, agreement.get("countries", [])) if c]
        agreement["signatories"] = [renamed.get(s.lower(), {"name": s})["name"]
                                    for s in agreement.get("signatories", [])
                                    if s.lower() not in dropped_people]  # fmt: skip
    for event in kept["events"]:
        event["country"] = country(event.get("country"))
    record["kept figures"] = [{k: f.get(k) for k in ("value", "unit", "counts", "year")}
                              for f in kept["figures"]]  # fmt: skip
    record["kept distinctions"] = [{k: d.get(k) for k in ("name", "recipient", "awarded_by")}
                                   for d in kept["distinctions"]]  # fmt: skip
    return kept, record


def summary_of(kind: str, item: dict[str, Any]) -> str:
    """One line naming a proposal (for the audit entry)."""
    if kind == "meetings":
        names = ", ".join(str(p.get("name") or "?") for p in item.get("participants", []))
        first = item["dates"][0]["start"] if item.get("dates") else "?"
        return f"{item.get('kind')} {first} {item.get('place') or ''} {names}".strip()
    if kind == "agreements":
        return f"{item.get('title')} {(item.get('date') or {}).get('start', '')}".strip()
    if kind == "countries":
        return str(item.get("code"))
    if kind == "figures":
        return f"{_number_text(item.get('value'))} {item.get('counts') or item.get('unit')}"
    return str(item.get("name"))


# --- pages -------------------------------------------------------------------------------


def _known_countries() -> set[str]:
    with transaction() as session:
        return set(session.scalars(select(Country.code)))


def _read_upload(upload: UploadFile, raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise ValidationError.for_field("file", f"larger than {MAX_BYTES // 1000} kB")
    encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise ValidationError.for_field(
            "file", f"not UTF-8 text (byte {error.start}); save it as UTF-8") from None


def _form_page(request: Request, values: dict[str, str], errors: dict[str, list[str]],
               status_code: int = 200) -> HTMLResponse:  # fmt: skip
    return render(request, "press/form.html", {"values": values, "errors": errors},
                  status_code=status_code)


@router.get("/revue-presse", response_class=HTMLResponse)
def press_form(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
    _require_reviewer(who.actor)
    warm_up()
    return _form_page(request, {}, {})


@router.post("/revue-presse", response_model=None)
async def press_read(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> Response:
    _require_reviewer(who.actor)
    form = await request.form()
    check_csrf(request.cookies.get(COOKIE_NAME), str(form.get("csrf") or ""))
    text = str(form.get("text") or "")
    source = str(form.get("source") or "").strip()[:120]
    values = {"text": text, "source": source, "article_date": str(form.get("article_date") or "")}
    errors: dict[str, list[str]] = {}
    upload = form.get("file")
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            text = _read_upload(upload, await upload.read(MAX_BYTES + 1))
            source = source or upload.filename[:120]
        if not text.strip():
            raise ValidationError.for_field("text", "paste a press text or choose a file")
        if len(text) > MAX_BYTES:
            raise ValidationError.for_field("text", f"at most {MAX_BYTES} characters")
        when = None
        if values["article_date"]:
            try:
                when = dt.date.fromisoformat(values["article_date"])
            except ValueError:
                raise ValidationError.for_field(
                    "article_date", f"'{values['article_date']}' is not a date (YYYY-MM-DD)"
                ) from None
    except ValidationError as exc:
        for p in exc.problems or []:
            errors.setdefault(p.field, []).append(p.reason)
        return _form_page(request, values, errors, status_code=422)
    if not source:  # the same text pasted twice is the same document
        source = "texte-" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]
    extraction = await run_in_threadpool(_extract, text, when)
    proposals = extraction.to_dict()
    payload, signature = sign(who.cookie, source, proposals)
    return _review_page(request, source, proposals, payload, signature, Review())


def _review_page(request: Request, source: str, proposals: dict[str, list[dict[str, Any]]],
                 payload: str, signature: str, review: Review,
                 status_code: int = 200) -> HTMLResponse:  # fmt: skip
    items = {kind: [(index, item, values_of(kind, item)) for index, item in enumerate(found)]
             for kind, found in proposals.items()}  # fmt: skip
    ctx = {"source": source, "found": items, "kinds": KINDS, "fields": FIELDS,
           "choices": CHOICES, "payload": payload, "signature": signature,
           "review": review, "total": sum(len(v) for v in proposals.values())}
    return render(request, "press/review.html", ctx, status_code=status_code)


@router.post("/revue-presse/decision", response_model=None)
async def press_decide(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> Response:
    from liaison.ingest.press_service import accept_extraction

    _require_reviewer(who.actor)
    raw = await request.form()
    form = {k: str(v) for k, v in raw.items() if isinstance(v, str)}
    check_csrf(request.cookies.get(COOKIE_NAME), form.pop("csrf", None))
    payload, signature = form.get("payload", ""), form.get("signature", "")
    source, proposals = _unsign(who.cookie, payload, signature)
    review = read_review(form, proposals, _known_countries())
    if not review:
        return _review_page(request, source, proposals, payload, signature, review,
                            status_code=422)
    kept, record = decide(proposals, review)
    with transaction() as session:
        before = session.scalar(select(func.max(AuditEntry.seq))) or 0
        counts = accept_extraction(session, who.actor, Extraction.from_dict(kept), source)
        written = list(session.execute(
            select(AuditEntry.entity_kind, AuditEntry.entity_ref)
            .where(AuditEntry.seq > before, AuditEntry.action == AuditAction.accept,
                   AuditEntry.actor == who.actor.username)
            .order_by(AuditEntry.seq)))
        audit.record(session, audit.Event(
            who.actor.username, AuditAction.accept, "press_review", source[:64],
            origin=who.actor.origin, detail={"source": source, "counts": counts, **record}))
    ctx = {"source": source, "counts": counts, "record": record, "written": written}
    return render(request, "press/done.html", ctx)
