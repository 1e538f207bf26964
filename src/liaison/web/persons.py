"""Person search for the desk, and a person's page (opened only with a stated purpose,
which the audit trail records), with its history from the audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from liaison.db import transaction
from liaison.security.records_service import get_record
from liaison.web import queries
from liaison.web.desk import _history
from liaison.web.person_search import ensure_index, search_persons
from liaison.web.templating import render
from liaison.web.visitor import PageRoute, Visitor, visitor

router = APIRouter(include_in_schema=False, route_class=PageRoute)

#: purposes offered when a person is opened (free text is accepted too)
PURPOSES = ("case_work", "screening_hit", "notice_request", "partner_request", "data_quality")


@router.get("/personnes", response_class=HTMLResponse)
def person_search(request: Request, who: Annotated[Visitor, Depends(visitor)],
                  nom: str = "", naissance: str = "", nationalite: str = "") -> HTMLResponse:
    candidates = None
    if nom.strip():
        index = ensure_index()
        with transaction() as session:
            candidates = search_persons(session, who.actor, index, nom.strip(),
                                        naissance.strip(), nationalite.strip())
    ctx = {"name": nom, "birth": naissance, "nationality": nationalite,
           "candidates": candidates}
    partial = request.headers.get("HX-Request") and request.headers.get("HX-Target") == "results"
    return render(request, "persons/results.html" if partial else "persons/search.html", ctx)


@router.get("/personnes/{ref}", response_class=HTMLResponse)
def person_page(request: Request, ref: str, who: Annotated[Visitor, Depends(visitor)],
                motif: str = "") -> HTMLResponse:
    purpose = motif.strip()
    if not purpose:
        return render(request, "persons/purpose.html", {"ref": ref, "purposes": PURPOSES})
    with transaction() as session:
        person = get_record(session, who.actor, "person", ref, purpose=purpose[:256])
        history = _history(session, who.actor, "person", ref)
        links = {
            "notices": queries.refs_where(session, who.actor, "notice", "person_ref", ref),
            "cases": queries.cases_of_person(session, who.actor, ref),
            "extraditions": queries.refs_where(session, who.actor, "extradition", "person_ref",
                                               ref),
        }
    return render(request, "persons/person.html",
                  {"person": person, "links": links, "purpose": purpose, "history": history})
