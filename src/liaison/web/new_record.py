"""Forms that record a new notice request, rogatory letter or extradition file, each on
its domain's service (``draft_notice``, ``receive_letter``, ``open_extradition``)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.db import transaction
from liaison.errors import LiaisonError
from liaison.extradition import service as extraditions
from liaison.extradition.model import ExtraditionDirection
from liaison.letters import service as letters
from liaison.notices import service as notices
from liaison.notices.model import NoticeKind, Scope
from liaison.security.actor import Actor
from liaison.web.forms import Field, FormErrors
from liaison.web.templating import render
from liaison.web.visitor import PageRoute, Visitor, checked_form, visitor
from liaison.workflow import Params

router = APIRouter(include_in_schema=False, route_class=PageRoute)


def _notice(session: Session, actor: Actor, ref: str, values: dict[str, Any]) -> Any:
    return notices.draft_notice(session, actor, ref, **values)


def _letter(session: Session, actor: Actor, ref: str, values: dict[str, Any]) -> Any:
    return letters.receive_letter(session, actor, ref=ref, **values)


def _extradition(session: Session, actor: Actor, ref: str, values: dict[str, Any]) -> Any:
    return extraditions.open_extradition(session, actor, ref=ref, **values)


@dataclass(frozen=True)
class NewForm:
    kind: str
    path: str
    prefix: str
    fields: tuple[Field, ...]
    create: Callable[[Session, Actor, str, dict[str, Any]], Any]
    defaults: tuple[tuple[str, str], ...] = ()


def _choices(values: list[str]) -> tuple[str, ...]:
    return tuple(values)


FORMS = {f.kind: f for f in (
    NewForm("notice", "notices", "RQ", (
        Field("kind", "select", _choices([k.value for k in NoticeKind
                                          if k != NoticeKind.cancellation])),
        Field("scope", "select", _choices([s.value for s in Scope])),
        Field("person_ref", "text"), Field("case_ref", "text"), Field("charges", "textarea"),
        Field("warrant_reference", "text"), Field("warrant_date", "date"),
        Field("penalty_months", "number"), Field("issuing_authority", "text"),
        Field("issuing_country_code", "text")), _notice,
        (("kind", "red"), ("scope", "international"))),
    NewForm("rogatory_letter", "commissions-rogatoires", "CRI", (
        Field("direction", "select", ("incoming", "outgoing")), Field("subject", "textarea"),
        Field("received_on", "date"), Field("requesting_authority", "text"),
        Field("requesting_country_code", "text"), Field("requested_authority", "text"),
        Field("requested_country_code", "text"), Field("case_ref", "text")), _letter),
    NewForm("extradition", "extraditions", "EX", (
        Field("direction", "select", _choices([d.value for d in ExtraditionDirection])),
        Field("requested_on", "date"), Field("person_ref", "text"), Field("notice_ref", "text"),
        Field("requesting_country_code", "text"), Field("requested_country_code", "text")),
        _extradition),
)}


def _values(form: NewForm, p: Params) -> dict[str, Any]:
    """The form's values in the types the service takes; empty references are None."""
    out: dict[str, Any] = {}
    for f in form.fields:
        if f.widget == "date":
            out[f.name] = p.date(f.name)
        elif f.widget == "number":
            number = p.number(f.name)
            out[f.name] = int(number) if number is not None else None
        else:
            text = p.text(f.name)
            if f.name.endswith("_code"):
                text = text.upper()
            out[f.name] = text or (None if f.name.endswith(("_ref", "_code")) else "")
    return {k: v for k, v in out.items() if v is not None or k.endswith(("_ref", "_code"))}


def _page(request: Request, form: NewForm, values: dict[str, str],
          errors: FormErrors | None = None, status_code: int = 200) -> HTMLResponse:
    return render(request, "desk/new_record.html",
                  {"form": form, "values": values, "errors": errors or FormErrors()},
                  status_code=status_code)


def install(kind: str) -> None:
    form = FORMS[kind]

    def blank(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
        today = dt.date.today()
        values = {"ref": f"{form.prefix}-{today.year}-W{secrets.token_hex(3).upper()}",
                  "issuing_country_code": get_settings().home_country, **dict(form.defaults)}
        return _page(request, form, values)

    async def submit(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> Response:
        raw = await checked_form(request)
        p = Params(raw)
        try:
            ref = p.text("ref", required=True)
            with transaction() as session:
                form.create(session, who.actor, ref, _values(form, p))
        except LiaisonError as exc:
            known = {"ref", *(f.name for f in form.fields)}
            errors = FormErrors.of("new", exc, known)
            if "already exists" in exc.message:
                errors.fields.setdefault("ref", []).append(exc.message)
                errors.general.clear()
            return _page(request, form, raw, errors, status_code=exc.status)
        return RedirectResponse(f"/{form.path}/{ref}?fait=open", status_code=303)

    router.add_api_route(f"/{form.path}/nouveau", blank, methods=["GET"],
                         response_class=HTMLResponse, name=f"{kind}_new")
    router.add_api_route(f"/{form.path}/nouveau", submit, methods=["POST"],
                         response_model=None, name=f"{kind}_create")


for _kind in FORMS:
    install(_kind)
