"""What every HTTP request goes through: a request id, one access log line, and the
mapping of database failures to clear answers instead of a 500.

The mapping, in one place (:func:`database_problem`):

* the database is busy (SQLite "database is locked" after the busy timeout,
  PostgreSQL deadlock, serialisation failure, lock timeout) or unreachable
  → 503 ``application/problem+json`` with ``Retry-After``; nothing was written;
* a uniqueness or foreign-key violation raced past the service's checks (two
  creations of the same ref at once) → 409;
* anything else → 500 problem+json, logged with the request id, no message.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from liaison.config import get_settings
from liaison.errors import Conflict, LiaisonError, Unavailable
from liaison.ops import logging as ops_logging

log = logging.getLogger("liaison.http")
HEADER = b"x-request-id"
_GOOD_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
RETRY_AFTER = "1"


def database_problem(exc: BaseException) -> LiaisonError | None:
    """The answer a database failure deserves, or None when it is not one."""
    if isinstance(exc, OperationalError):
        return Unavailable("the database is busy or unreachable; nothing was written, "
                           "try again in a moment")
    if isinstance(exc, IntegrityError):
        return Conflict("the record was changed or created by someone else at the same "
                        "time; nothing was written, reload and try again")
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return Unavailable("the database connection was lost; nothing was written")
    return None


def _problem_body(status: int, title: str, detail: str) -> bytes:
    import json

    return json.dumps({"type": "about:blank", "title": title, "status": status,
                       "detail": detail}).encode()


def _incoming_id(scope: Scope) -> str:
    for name, value in scope.get("headers", []):
        if name == HEADER:
            text = value.decode("latin-1")
            if _GOOD_ID.match(text):
                return str(text)
    return uuid.uuid4().hex


def _route_of(scope: Scope) -> str:
    """The matched route's template (``/api/v1/persons/{ref}``), never the path."""
    template = getattr(scope.get("route"), "path", None)
    if not template:
        return "(unmatched)"
    prefix = "/api/v1"  # the router prefix is not in the route object FastAPI hands over
    path = str(scope.get("path", ""))
    if path.startswith(prefix + "/") and not template.startswith(prefix):
        template = prefix + template
    return str(template)


class RequestContext:
    """ASGI middleware: request id in and out, access log, database errors mapped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = _incoming_id(scope)
        token = ops_logging.request_id.set(rid)
        started = time.perf_counter()
        state: dict[str, Any] = {"status": 500, "sent": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
                state["sent"] = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (HEADER, rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:  # noqa: BLE001 - every failure gets an answer and a log line
            await self._fail(exc, state, send_with_id)
        finally:
            self._access(scope, state["status"], started)
            ops_logging.request_id.reset(token)

    async def _fail(self, exc: Exception, state: dict[str, Any], send: Send) -> None:
        mapped = database_problem(exc)
        if mapped is None:
            log.error("unhandled error", exc_info=exc)
            status, title = 500, "Internal error"
            detail = "an internal error occurred; it was logged"
        else:
            log.warning("database refused", extra={"error": type(exc.__cause__ or exc).__name__,
                                                   "status": mapped.status})
            status, title, detail = mapped.status, mapped.title, mapped.message
        if state["sent"]:
            return  # the answer had begun: nothing more can be said on this connection
        headers = [(b"content-type", b"application/problem+json")]
        if status == 503:
            headers.append((b"retry-after", RETRY_AFTER.encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": _problem_body(status, title, detail)})

    @staticmethod
    def _access(scope: Scope, status: int, started: float) -> None:
        log.info("request", extra={"method": scope.get("method"), "route": _route_of(scope),
                                   "status": status,
                                   "ms": round((time.perf_counter() - started) * 1000, 1)})


def install(app: Any) -> None:
    """Add the request middleware and the JSON logs to a FastAPI app (once)."""
    if getattr(app.state, "liaison_ops", False):
        return
    app.state.liaison_ops = True
    ops_logging.configure(get_settings().log_level)
    app.add_middleware(RequestContext)
