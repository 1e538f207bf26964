"""The desk pages of the operational records (cooperation files, notices, rogatory
letters, extraditions): a list with filters, sorting and pagination; a detail page with
its links, its history and a form for each workflow action the record allows now."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from liaison.cases import service as cases
from liaison.cases.rules import CASE_MACHINE
from liaison.db import transaction
from liaison.errors import LiaisonError, NotFound
from liaison.extradition import service as extraditions
from liaison.extradition.rules import EXTRADITION_MACHINE
from liaison.letters import service as letters
from liaison.letters.rules import LETTER_MACHINE
from liaison.notices import followup
from liaison.notices import service as notices
from liaison.notices.rules import NOTICE_MACHINE, HitStep
from liaison.security import audit
from liaison.security.actor import Actor
from liaison.security.policy import can, redact
from liaison.security.records_service import share_record
from liaison.web import new_case, new_record, queries
from liaison.web.forms import FormErrors, fields_of
from liaison.web.templating import render
from liaison.web.visitor import PageRoute, Visitor, checked_form, visitor
from liaison.workflow import StateMachine

router = APIRouter(include_in_schema=False, route_class=PageRoute)


@dataclass(frozen=True)
class Section:
    path: str
    kind: str
    service: ModuleType
    get: Callable[[Session, Actor, str], Any]
    #: the fields shown on the detail page, in order
    shown: tuple[str, ...]
    #: its workflow: the state each action leads to (for the history)
    machine: StateMachine


COMMON = ("classification", "restrictions", "review_on", "created_at", "updated_at", "version")
SECTIONS: dict[str, Section] = {s.kind: s for s in (
    Section("dossiers", "case", cases, cases.get_case,
            ("subject", "direction", "category", "priority", "status", "opened_on", "due_on",
             "closed_on", "partner_country_code", "partner_agency_ref", "assigned_to", "answer",
             "answer_by", "answer_approved_by", "answered_on", "status_note"), CASE_MACHINE),
    Section("notices", "notice", notices, notices.get_notice,
            ("kind", "scope", "status", "person_ref", "case_ref", "issuing_authority",
             "issuing_country_code", "charges", "warrant_reference", "warrant_date",
             "penalty_months", "penalty_basis", "issued_on", "derived_from_ref", "cancels_ref",
             "cancellation_reason", "arrest_on", "cancelled_on", "neutrality_flag",
             "neutrality_decision", "neutrality_reason", "submitted_by", "approved_by",
             "status_note"), NOTICE_MACHINE),
    Section("commissions-rogatoires", "rogatory_letter", letters, letters.get_letter,
            ("subject", "direction", "status", "requesting_authority", "requesting_country_code",
             "requested_authority", "requested_country_code", "case_ref", "received_on",
             "due_on", "executed_on", "returned_on", "last_reminder_on", "reminder_count",
             "status_note"), LETTER_MACHINE),
    Section("extraditions", "extradition", extraditions, extraditions.get_extradition,
            ("direction", "stage", "outcome", "person_ref", "notice_ref",
             "requesting_country_code", "requested_country_code", "requested_on",
             "provisional_arrest_on", "court_opinion_on", "decree_on", "surrendered_on",
             "refused_on", "released_on", "notes"), EXTRADITION_MACHINE),
)}


def _int(value: str | None, default: int = 1) -> int:
    try:
        return int(value or default)
    except ValueError:
        return default


def list_view(request: Request, who: Visitor, section: Section) -> HTMLResponse:
    listing = queries.LISTINGS[section.kind]
    q = request.query_params
    filters = {name: q.get(name, "") for name in listing.filters}
    with transaction() as session:
        page = queries.list_page(session, who.actor, section.kind, filters, q.get("tri", ""),
                                 _int(q.get("page")), q.get("q", ""))
    ctx = {"section": section, "listing": listing, "page": page, "text": q.get("q", ""),
           "can_create": can(who.actor, "create", section.kind).allowed}
    template = "desk/list_rows.html" if request.headers.get("HX-Request") else "desk/list.html"
    return render(request, template, ctx)


def _history(session: Session, actor: Actor, kind: str, ref: str) -> list[Any]:
    """The record's history from the audit trail: its writes and workflow steps (the
    reads too, for an auditor). A partner agency sees none of the bureau's trail."""
    if actor.is_partner:
        return []
    entries = audit.entries_for(session, ref, kind)
    if can(actor, "audit", "audit").allowed:
        return entries
    return [e for e in entries if e.action not in ("read", "search")]


def _links(session: Session, actor: Actor, kind: str, record: Any) -> dict[str, list[str]]:
    ref = record.ref
    if kind == "case":
        found = cases.links(session, actor, ref)
        found["extraditions"] = []
        return found
    if kind == "notice":
        return {
            "derived": queries.refs_where(session, actor, "notice", "derived_from_ref", ref),
            "cancelled_by": queries.refs_where(session, actor, "notice", "cancels_ref", ref),
            "extraditions": queries.refs_where(session, actor, "extradition", "notice_ref", ref),
            "letters": [],
        }
    return {}


def _detail_context(session: Session, who: Visitor, section: Section, ref: str) -> dict[str, Any]:
    actor = who.actor
    record = section.get(session, actor, ref)
    data = redact(actor, {name: getattr(record, name, None)
                          for name in ("ref", *section.shown, *COMMON)})
    ctx: dict[str, Any] = {
        "section": section, "record": record, "data": data,
        "links": _links(session, actor, section.kind, record),
        "history": _history(session, actor, section.kind, ref),
        "actions": [] if actor.is_partner else section.service.allowed_actions(session, actor, ref),
        "fields_of": fields_of, "today": dt.date.today().isoformat(),
        "targets": {t.action: t.target for t in section.machine.transitions.values()},
        "partners": [] if actor.is_partner else queries.partner_agencies(session, actor),
    }
    if section.kind == "notice":
        ctx["compliance"] = notices.review(session, actor, ref)
        ctx["hits"] = followup.hits_of(session, actor, ref)
        ctx["hit_steps"] = [s.value for s in HitStep]
    if section.kind == "extradition":
        ctx["timeline"] = extraditions.timeline(session, actor, ref)
    return ctx


def detail_view(request: Request, who: Visitor, section: Section, ref: str,
                errors: FormErrors | None = None, values: dict[str, str] | None = None,
                status_code: int = 200) -> HTMLResponse:
    with transaction() as session:
        ctx = _detail_context(session, who, section, ref)
    ctx.update(errors=errors or FormErrors(), values=values or {},
               done=request.query_params.get("fait", ""))
    return render(request, "desk/detail.html", ctx, status_code=status_code)


async def action_view(request: Request, who: Visitor, section: Section, ref: str,
                      action: str) -> Response:
    form = await checked_form(request)
    version = _int(form.pop("version", None), 0) or None
    params = {k: v for k, v in form.items() if v != ""}
    try:
        with transaction() as session:
            section.service.perform(session, who.actor, ref, action, params, version=version)
    except NotFound:
        raise
    except LiaisonError as exc:
        known = {f.name for f in fields_of(section.kind, action)}
        errors = FormErrors.of(action, exc, known)
        return detail_view(request, who, section, ref, errors, form, status_code=exc.status)
    return RedirectResponse(f"/{section.path}/{ref}?fait={action}", status_code=303)


def _install(section: Section) -> None:
    base = f"/{section.path}"

    def listing(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
        return list_view(request, who, section)

    def detail(request: Request, ref: str,
               who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
        return detail_view(request, who, section, ref)

    async def act(request: Request, ref: str, action: str,
                  who: Annotated[Visitor, Depends(visitor)]) -> Response:
        return await action_view(request, who, section, ref, action)

    router.add_api_route(base, listing, methods=["GET"], response_class=HTMLResponse,
                         name=f"{section.kind}_list")
    router.add_api_route(base + "/{ref}", detail, methods=["GET"], response_class=HTMLResponse,
                         name=f"{section.kind}_detail")
    router.add_api_route(base + "/{ref}/actions/{action}", act, methods=["POST"],
                         response_model=None, name=f"{section.kind}_action")

    async def share(request: Request, ref: str,
                    who: Annotated[Visitor, Depends(visitor)]) -> Response:
        return await share_view(request, who, section, ref)

    router.add_api_route(base + "/{ref}/partage", share, methods=["POST"], response_model=None,
                         name=f"{section.kind}_share")


async def share_view(request: Request, who: Visitor, section: Section, ref: str) -> Response:
    """Share the record with a partner agency (refused when the source forbids it)."""
    form = await checked_form(request)
    try:
        with transaction() as session:
            share_record(session, who.actor, section.kind, ref, form.get("agency", ""),
                         form.get("purpose", ""))
    except NotFound:
        raise
    except LiaisonError as exc:
        errors = FormErrors.of("share", exc, {"agency", "purpose"})
        return detail_view(request, who, section, ref, errors, form, status_code=exc.status)
    return RedirectResponse(f"/{section.path}/{ref}?fait=share", status_code=303)


@router.post("/notices/{ref}/concordances/{hit_id}/{step}", response_model=None)
async def hit_follow_up(request: Request, ref: str, hit_id: int, step: str,
                        who: Annotated[Visitor, Depends(visitor)]) -> Response:
    """The next step after a confirmed hit (inform, locate, arrest, extradition file)."""
    form = await checked_form(request)
    section = SECTIONS["notice"]
    try:
        with transaction() as session:
            hit = followup.follow_up(session, who.actor, hit_id, step,
                                     {k: v for k, v in form.items() if v})
            if hit.notice_ref != ref:
                raise NotFound(f"no hit {hit_id} on notice {ref}")
    except NotFound:
        raise
    except LiaisonError as exc:
        errors = FormErrors.of("hit", exc, set())
        return detail_view(request, who, section, ref, errors, form, status_code=exc.status)
    return RedirectResponse(f"/notices/{ref}?fait={step}", status_code=303)


# the creation forms come before "/{ref}", which would take "nouveau" for a reference
router.include_router(new_case.router)
router.include_router(new_record.router)
for _section in SECTIONS.values():
    _install(_section)
