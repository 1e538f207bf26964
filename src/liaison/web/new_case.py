"""Opening a cooperation file, and linking a person to it (forms on the case service)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from liaison.cases import service as cases
from liaison.cases.model import CaseCategory, Direction, Priority
from liaison.db import transaction
from liaison.errors import LiaisonError, NotFound
from liaison.partners.model import Agency
from liaison.security.policy import visible_filter
from liaison.web.forms import FormErrors
from liaison.web.templating import render
from liaison.web.visitor import PageRoute, Visitor, checked_form, visitor
from liaison.workflow import Params

router = APIRouter(include_in_schema=False, route_class=PageRoute)
CASE_FIELDS = {"ref", "subject", "direction", "priority", "category", "partner_country_code",
               "partner_agency_ref", "opened_on"}


def _form(request: Request, who: Visitor, values: dict[str, str],
          errors: FormErrors | None = None, status_code: int = 200) -> HTMLResponse:
    with transaction() as session:
        agencies = list(session.execute(
            select(Agency.ref, Agency.acronym, Agency.country_code)
            .where(visible_filter(who.actor, Agency, "agency")).order_by(Agency.acronym)))
    ctx = {"values": values, "errors": errors or FormErrors(), "agencies": agencies,
           "directions": [d.value for d in Direction], "priorities": [p.value for p in Priority],
           "categories": [c.value for c in CaseCategory]}
    return render(request, "desk/new_case.html", ctx, status_code=status_code)


@router.get("/dossiers/nouveau", response_class=HTMLResponse)
def new_case_form(request: Request, who: Annotated[Visitor, Depends(visitor)]) -> HTMLResponse:
    today = dt.date.today()
    ref = f"CF-{today.year}-W{secrets.token_hex(3).upper()}"
    values = {"ref": ref, "direction": "incoming", "priority": "normal",
              "opened_on": today.isoformat()}
    return _form(request, who, values)


@router.post("/dossiers/nouveau", response_model=None)
async def new_case_submit(request: Request,
                          who: Annotated[Visitor, Depends(visitor)]) -> Response:
    form = await checked_form(request)
    p = Params(form)
    try:
        ref = p.text("ref", required=True)
        with transaction() as session:
            cases.open_case(
                session, who.actor, ref=ref, subject=p.text("subject", required=True),
                direction=p.text("direction", default="incoming"),
                priority=p.text("priority", default="normal"),
                opened_on=p.date("opened_on"),
                partner_country_code=p.text("partner_country_code").upper() or None,
                partner_agency_ref=p.text("partner_agency_ref") or None,
                category=p.text("category") or None,
            )
    except LiaisonError as exc:
        errors = FormErrors.of("open", exc, CASE_FIELDS)
        if "already exists" in exc.message:
            errors.fields.setdefault("ref", []).append(exc.message)
            errors.general.clear()
        return _form(request, who, form, errors, status_code=exc.status)
    return RedirectResponse(f"/dossiers/{ref}?fait=open", status_code=303)


@router.post("/dossiers/{ref}/personnes", response_model=None)
async def link_person(request: Request, ref: str,
                      who: Annotated[Visitor, Depends(visitor)]) -> Response:
    from liaison.web.desk import SECTIONS, detail_view

    form = await checked_form(request)
    p = Params(form)
    try:
        with transaction() as session:
            cases.link_person(session, who.actor, ref, p.text("person_ref", required=True),
                              p.text("role", default="subject"))
    except NotFound as exc:
        if "no person" not in exc.message:
            raise
        errors = FormErrors("link_person", {"person_ref": [exc.message]})
        return detail_view(request, who, SECTIONS["case"], ref, errors, form, status_code=404)
    except LiaisonError as exc:
        errors = FormErrors.of("link_person", exc, {"person_ref", "role"})
        return detail_view(request, who, SECTIONS["case"], ref, errors, form,
                           status_code=exc.status)
    return RedirectResponse(f"/dossiers/{ref}?fait=link_person", status_code=303)
