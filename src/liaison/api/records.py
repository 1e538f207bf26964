"""REST routes for every kind of record, generated from the interchange schemas:
list (filters, pagination), get, create, update (optimistic locking), share.

Thin: parse, call :mod:`liaison.security.records_service`, serialise. The policy and
the audit trail are applied there. (No ``from __future__ import annotations`` here:
FastAPI reads the per-kind models from the route functions' annotations.)
"""

import inspect
from enum import Enum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field, create_model

from liaison.api.deps import CurrentActor, Purpose
from liaison.db import transaction
from liaison.ingest.schema import KIND_ORDER, REF, SCHEMAS, RecordBase
from liaison.security import records_service as service
from liaison.security.policy import OPERATIONAL

router = APIRouter()

PROBLEM = {"description": "problem details (RFC 9457)",
           "content": {"application/problem+json": {}}}
ERRORS: dict[int | str, dict[str, Any]] = {
    code: PROBLEM for code in (400, 401, 403, 404, 409, 422)
}

#: URL segment of each kind
PLURALS = {
    "agency": "agencies", "agreement": "agreements", "working_group": "working-groups",
    "event": "events", "meeting": "meetings", "person": "persons", "case": "cases",
    "notice": "notices", "rogatory_letter": "rogatory-letters", "extradition": "extraditions",
}

#: interchange fields each list may be filtered on (equality)
FILTERS: dict[str, list[str]] = {
    "agency": ["type", "country", "acronym"],
    "agreement": ["type", "status"],
    "working_group": ["topic"],
    "event": ["country"],
    "meeting": ["type", "country", "event"],
    "person": ["sex", "source", "birth_date"],
    "case": ["direction", "status", "category", "priority", "partner_agency",
             "partner_country", "assigned_to"],
    "notice": ["type", "scope", "status", "person", "case", "issuing_country"],
    "rogatory_letter": ["direction", "status", "case", "requesting_country", "requested_country"],
    "extradition": ["direction", "stage", "outcome", "person", "notice"],
}
COMMON_FILTERS = ["classification"]

RefPath = Annotated[str, Path(pattern=REF, description="reference of the record")]


class ShareIn(BaseModel):
    agency: str = Field(pattern=REF, description="reference of the partner agency")
    purpose: str = Field("", max_length=256)


class ShareOut(BaseModel):
    kind: str
    ref: str
    agency: str
    shared_by: str
    purpose: str
    created: bool


def _models(kind: str) -> tuple[type[BaseModel], type[BaseModel], type[BaseModel], type[BaseModel]]:
    """(create body, update body, record out, page out) of one kind."""
    schema = SCHEMAS[kind]
    name = schema.__name__.removesuffix("Record")
    kind_field: Any = (Literal[kind], kind)
    body = create_model(f"{name}In", __base__=schema, kind=kind_field)
    update = create_model(f"{name}Update", __base__=schema, kind=kind_field,
                          version=(int, Field(ge=1, description="the version you read")))
    out = create_model(f"{name}Out", __base__=schema, kind=kind_field,
                       version=(int, Field(ge=1)))
    page = create_model(f"{name}Page", items=(list[out], ...),  # type: ignore[valid-type]
                        next_after=(str | None, None))
    return body, update, out, page


def _filters_dependency(kind: str) -> Any:
    names = FILTERS[kind] + COMMON_FILTERS

    def filters(**given: str | None) -> dict[str, str]:
        return {k: v for k, v in given.items() if v is not None}

    filters.__signature__ = inspect.Signature([  # type: ignore[attr-defined]
        inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
                          default=Query(None, max_length=64, description=f"only where {n} is this"))
        for n in names
    ])
    return filters


def _add_routes(kind: str) -> None:
    plural = PLURALS[kind]
    body_model, update_model, out_model, page_model = _models(kind)
    tag: list[str | Enum] = [plural]
    filters_dep = _filters_dependency(kind)

    def list_(actor: CurrentActor, why: Purpose,
              filters: dict[str, str] = Depends(filters_dep),  # noqa: B008
              after: Annotated[str | None, Query(max_length=64, description=(
                  "ref of the last record of the previous page"))] = None,
              limit: Annotated[int, Query(ge=1, le=service.MAX_PAGE)] = 50) -> Any:
        with transaction() as session:
            page = service.list_records(session, actor, kind, filters, after=after, limit=limit,
                                        purpose=why)
        return {"items": page.items, "next_after": page.next_after}

    def get(ref: RefPath, actor: CurrentActor, why: Purpose) -> Any:
        with transaction() as session:
            return service.get_record(session, actor, kind, ref, purpose=why)

    def create(body: body_model, actor: CurrentActor) -> Any:  # type: ignore[valid-type]
        record = SCHEMAS[kind].model_validate(body.model_dump())  # type: ignore[attr-defined]
        with transaction() as session:
            return service.create_record(session, actor, kind, record)

    def update(ref: RefPath, body: update_model, actor: CurrentActor) -> Any:  # type: ignore[valid-type]
        data = body.model_dump()  # type: ignore[attr-defined]
        version = data.pop("version")
        record: RecordBase = SCHEMAS[kind].model_validate(data)
        with transaction() as session:
            outcome = service.update_record(session, actor, kind, ref, record, version)
        if outcome.conflict is not None:
            raise outcome.conflict  # after the commit: the refused intent stays audited
        return outcome.record

    router.add_api_route(f"/{plural}", list_, methods=["GET"], response_model=page_model,
                         tags=tag, summary=f"List {plural}", responses=ERRORS,
                         operation_id=f"list_{kind}")
    router.add_api_route(f"/{plural}", create, methods=["POST"], response_model=out_model,
                         status_code=201, tags=tag, summary=f"Create a {kind}",
                         responses=ERRORS, operation_id=f"create_{kind}")
    router.add_api_route(f"/{plural}/{{ref}}", get, methods=["GET"], response_model=out_model,
                         tags=tag, summary=f"Get a {kind}", responses=ERRORS,
                         operation_id=f"get_{kind}")
    router.add_api_route(f"/{plural}/{{ref}}", update, methods=["PUT"], response_model=out_model,
                         tags=tag, summary=f"Update a {kind} (send the version you read)",
                         responses=ERRORS, operation_id=f"update_{kind}")
    if kind in OPERATIONAL:
        def share(ref: RefPath, body: ShareIn, actor: CurrentActor) -> Any:
            with transaction() as session:
                shared = service.share_record(session, actor, kind, ref, body.agency,
                                              body.purpose)
            return ShareOut(**shared.__dict__)

        router.add_api_route(f"/{plural}/{{ref}}/shares", share, methods=["POST"],
                             response_model=ShareOut, status_code=201, tags=tag,
                             summary=f"Share a {kind} with a partner agency",
                             responses=ERRORS, operation_id=f"share_{kind}")


for _kind in KIND_ORDER:
    _add_routes(_kind)
