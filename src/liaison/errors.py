"""One exception hierarchy. The CLI turns it into one line and an exit code, the API
into ``application/problem+json`` with the status each class carries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FieldProblem:
    """One thing wrong with the input: where (line, field) and why."""

    field: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.field}: {self.reason}"


class LiaisonError(Exception):
    """Base of every error Liaison reports to a person."""

    status = 400
    title = "Bad request"
    exit_code = 1

    def __init__(self, message: str, problems: list[FieldProblem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class ValidationError(LiaisonError):
    status = 422
    title = "Invalid input"
    exit_code = 2

    @classmethod
    def for_field(cls, field: str, reason: str) -> ValidationError:
        return cls(f"{field}: {reason}", [FieldProblem(field, reason)])


class NotFound(LiaisonError):
    status = 404
    title = "Not found"
    exit_code = 3


class Conflict(LiaisonError):
    status = 409
    title = "Conflict"
    exit_code = 4


class PermissionDenied(LiaisonError):
    status = 403
    title = "Forbidden"
    exit_code = 5


class NotAuthenticated(LiaisonError):
    status = 401
    title = "Not authenticated"
    exit_code = 5


class InvalidTransition(Conflict):
    """A workflow action not allowed from the record's current state."""

    title = "Action not allowed in this state"

    def __init__(self, message: str, allowed: list[str]) -> None:
        super().__init__(message)
        self.allowed = allowed


class Unavailable(LiaisonError):
    status = 503
    title = "Service unavailable"
    exit_code = 6
