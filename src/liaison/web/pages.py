"""Pages for people (server-rendered HTML, htmx for partial updates). Thin: call a
service, render a template. Each area has its module; this one mounts them."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from liaison.web.templating import STATIC, render

AREAS = ["auth", "dashboard", "desk", "persons", "partners", "reports", "press"]

router = APIRouter(include_in_schema=False)
for _name in AREAS:
    # an area still being written by its engineer (not yet in the tree) is skipped
    if importlib.util.find_spec(f"liaison.web.{_name}") is not None:
        router.include_router(importlib.import_module(f"liaison.web.{_name}").router)


def mount_static(app: FastAPI) -> None:
    """The pages' static files (CSS, the vendored htmx) and the 404 page for people
    (unknown addresses outside /api/ and /static/; the API keeps its own answer)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    previous: Callable[..., Any] = (
        app.exception_handlers.get(StarletteHTTPException) or http_exception_handler)

    async def not_found(request: Request, exc: Exception) -> Response:
        path = request.url.path
        if (getattr(exc, "status_code", 0) == 404
                and not path.startswith(("/api/", "/static/"))):
            return render(request, "errors/404.html", {}, status_code=404)
        answer = previous(request, exc)
        response: Response = await answer if isinstance(answer, Awaitable) else answer
        return response

    app.add_exception_handler(StarletteHTTPException, not_found)
