"""The desk search as JSON: ``GET /api/v1/screening/search``. Thin: parse, call the
screening service (access policy, audit and the live index are its business), return."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from liaison.api.deps import CurrentActor
from liaison.api.records import ERRORS
from liaison.screening import service

router = APIRouter(tags=["screening"])


@router.get("/screening/search", summary="Is this person wanted? Ranked candidates",
            responses=ERRORS)
async def screening_search(
    actor: CurrentActor,
    name: Annotated[str | None, Query(max_length=service.MAX_NAME, description=(
        "the name as written, in any script (Latin, Arabic, Cyrillic)"))] = None,
    birth_date: Annotated[str | None, Query(max_length=10, description=(
        "YYYY, YYYY-MM or YYYY-MM-DD"))] = None,
    nationality: Annotated[str | None, Query(max_length=2, description=(
        "ISO 3166 alpha-2 code"))] = None,
    mrz: Annotated[str | None, Query(max_length=100, description=(
        "instead of a name: the two 44-character lines of a passport's machine-readable "
        "zone (ICAO 9303 TD3), separated by a line break; check digits are validated"))
    ] = None,
    limit: Annotated[int, Query(description="at most this many candidates (1-100)")] = 10,
    scope: Annotated[str, Query(description=(
        "watchlist: persons under an active notice and published-list persons; "
        "persons: every person record"))] = "watchlist",
) -> dict[str, Any]:
    """Candidates scoring at or above the engine's default threshold, best first, each
    with the explanation of its score, its source and the algorithm's version."""
    result = await run_in_threadpool(
        service.search, actor, name=name, birth_date=birth_date, nationality=nationality,
        mrz=mrz, limit=limit, scope=scope)
    return result.to_dict()
