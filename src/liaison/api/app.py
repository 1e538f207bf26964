"""The FastAPI application: the JSON API under /api/v1 and the pages for people.

Routers live beside this module, one per domain; they parse, call a service and
serialise, nothing more. Errors of the :class:`~liaison.errors.LiaisonError` hierarchy
become ``application/problem+json`` (RFC 9457).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from liaison import __version__
from liaison.errors import LiaisonError

PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def _liaison_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, LiaisonError)
    extra: dict[str, Any] = {}
    if exc.problems:
        extra["errors"] = [
            {"field": p.field, "reason": p.reason, **({"line": p.line} if p.line else {})}
            for p in exc.problems
        ]
    allowed = getattr(exc, "allowed", None)
    if allowed is not None:
        extra["allowed"] = allowed
    return problem(exc.status, exc.title, exc.message, **extra)


def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path")),
         "reason": e.get("msg", "invalid")}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{e['field']}: {e['reason']}" for e in errors)
    return problem(422, "Invalid input", detail, errors=errors)


def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own errors (unparsable body, unknown route…) as problem+json too."""
    assert isinstance(exc, StarletteHTTPException)
    response = problem(exc.status_code, HTTPStatus(exc.status_code).phrase, str(exc.detail))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def create_app() -> FastAPI:
    app = FastAPI(
        title="Liaison",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.add_exception_handler(LiaisonError, _liaison_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    from liaison.api import health

    app.include_router(health.router)
    # Domain routers (each module exposes ``router``), mounted under /api/v1.
    for module in _api_modules():
        app.include_router(module.router, prefix="/api/v1")
    from liaison.web import pages

    app.include_router(pages.router)
    pages.mount_static(app)
    from liaison.ops.http import install  # request ids, JSON logs, DB failures as 503/409

    install(app)
    return app


def _api_modules() -> list[Any]:
    import importlib

    names = ["auth", "records", "reports", "workflows", "screening"]  # add a domain's API module name here when it exists
    return [importlib.import_module(f"liaison.api.{n}") for n in names]
