"""Pages for people (server-rendered HTML). Thin: call a service, render a template."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from liaison.db import transaction
from liaison.overview import count_by_kind
from liaison.web.templating import STATIC, render

router = APIRouter(include_in_schema=False)


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    with transaction() as session:
        counts = count_by_kind(session)
    return render(request, "home.html", {"counts": counts})
