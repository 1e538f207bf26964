"""Structured logs: one JSON object a line on stderr, each with the request id.

What is logged is chosen so that no personal data gets in: the route's template
(``/api/v1/persons/{ref}``), never the path, the query string, a body, a name typed in
a search, a user name or an exception's message (a database error quotes the values
it was given). Exceptions are logged as their class and the frames' places.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id: ContextVar[str] = ContextVar("liaison_request_id", default="")

#: the attributes a LogRecord always has: everything else was passed in ``extra``
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def frames(exc: BaseException) -> list[str]:
    """Where an exception went through (file:line function), without its message."""
    return [f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}"
            for f in traceback.extract_tb(exc.__traceback__)][-12:]


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, event, request id, extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        body: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        rid = request_id.get()
        if rid:
            body["request_id"] = rid
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                body[key] = value
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            body["error"] = type(exc).__name__
            body["frames"] = frames(exc)
        return json.dumps(body, ensure_ascii=False, default=str)


def configure(level: str = "INFO", stream: Any = None) -> logging.Handler:
    """Send the ``liaison`` loggers to ``stream`` (stderr) as JSON lines, once."""
    logger = logging.getLogger("liaison")
    for handler in list(logger.handlers):
        if getattr(handler, "_liaison_json", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    handler._liaison_json = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(getattr(logging, level.upper(), logging.INFO))
    logger.propagate = False
    return handler
