"""The record API: authentication, partner visibility, optimistic locking, audit."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from liaison.db import transaction
from liaison.security.audit import AuditEntry
from tests.api.conftest import PARTNER_AGENCY, Api

CASE = {"ref": "C-2025-0001", "direction": "incoming", "opened_on": "2025-03-01",
        "subject": "stolen vehicles", "partner_country": "FR", "assigned_to": "omar"}
PERSON = {"ref": "P-1", "names": [{"full_name": "Youssef El Amrani"}], "birth_date": "1985"}


def _create(api: Api, who: str, plural: str, body: dict[str, Any]) -> dict[str, Any]:
    response = api.client.post(f"/api/v1/{plural}", json=body, headers=api.headers(who))
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_every_route_but_the_token_and_the_schema_needs_a_login(api: Api) -> None:
    schema = api.client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    checked = 0
    for path, operations in schema.json()["paths"].items():
        if path == "/api/v1/auth/token":
            continue
        for method in operations:
            url = path.replace("{ref}", "X-1")
            response = api.client.request(method, url, json={})
            assert response.status_code == 401, (method, url, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
            checked += 1
    assert checked >= 40
    bad = api.client.get("/api/v1/cases", headers={"Authorization": "Bearer forged"})
    assert bad.status_code == 401


def test_partner_cannot_read_nor_list_a_case_not_shared_with_it(api: Api) -> None:
    _create(api, "omar", "cases", CASE)
    _create(api, "omar", "cases", {**CASE, "ref": "C-2025-0002"})
    partner = api.headers("pierre")
    hidden = api.client.get("/api/v1/cases/C-2025-0001", headers=partner)
    missing = api.client.get("/api/v1/cases/C-2025-9999", headers=partner)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["title"] == missing.json()["title"]
    assert api.client.get("/api/v1/cases", headers=partner).json()["items"] == []
    shared = api.client.post("/api/v1/cases/C-2025-0001/shares", headers=api.headers("omar"),
                             json={"agency": PARTNER_AGENCY, "purpose": "joint investigation"})
    assert shared.status_code == 201, shared.text
    seen = api.client.get("/api/v1/cases/C-2025-0001", headers=partner)
    assert seen.status_code == 200
    assert seen.json()["assigned_to"] == ""  # internal field withheld from partners
    listed = api.client.get("/api/v1/cases", headers=partner).json()["items"]
    assert [c["ref"] for c in listed] == ["C-2025-0001"]
    refused = api.client.put("/api/v1/cases/C-2025-0001", headers=partner,
                             json={**CASE, "version": 1, "subject": "changed"})
    assert refused.status_code == 403


def test_sharing_against_the_source_restriction_is_refused_with_the_reason(api: Api) -> None:
    _create(api, "omar", "cases", {**CASE, "restrictions": ["no_onward_sharing"]})
    response = api.client.post("/api/v1/cases/C-2025-0001/shares", headers=api.headers("omar"),
                               json={"agency": PARTNER_AGENCY})
    assert response.status_code == 403
    assert "no_onward_sharing" in response.json()["detail"]


def test_stale_version_gets_409_and_the_refused_intent_is_audited(api: Api) -> None:
    _create(api, "omar", "cases", CASE)
    omar = api.headers("omar")
    first = api.client.put("/api/v1/cases/C-2025-0001", headers=omar,
                           json={**CASE, "version": 1, "priority": "urgent"})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = api.client.put("/api/v1/cases/C-2025-0001", headers=omar,
                           json={**CASE, "version": 1, "subject": "other change"})
    assert stale.status_code == 409
    problem = stale.json()
    assert problem["errors"][0]["field"] == "version"
    current = api.client.get("/api/v1/cases/C-2025-0001", headers=omar).json()
    assert current["priority"] == "urgent" and current["subject"] == CASE["subject"]
    with transaction(api.engine) as s:
        details = s.scalars(select(AuditEntry.detail).where(
            AuditEntry.entity_ref == "C-2025-0001", AuditEntry.action == "update")).all()
    assert len(details) == 2 and "stale version" in details[1] and "other change" in details[1]


def test_two_concurrent_updates_one_wins_one_gets_409(api: Api) -> None:
    _create(api, "omar", "cases", CASE)
    headers = {"omar": api.headers("omar"), "sara": api.headers("sara")}
    barrier = threading.Barrier(2)
    statuses: dict[str, int] = {}

    def edit(who: str) -> None:
        barrier.wait()
        r = api.client.put("/api/v1/cases/C-2025-0001", headers=headers[who],
                           json={**CASE, "version": 1, "subject": f"edited by {who}"})
        statuses[who] = r.status_code

    threads = [threading.Thread(target=edit, args=(w,)) for w in headers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses.values()) == [200, 409]
    with transaction(api.engine) as s:
        entries = s.scalars(select(AuditEntry).where(
            AuditEntry.entity_ref == "C-2025-0001", AuditEntry.action == "update")).all()
    assert {e.actor for e in entries} == {"omar", "sara"}
    assert sum("stale version" in e.detail for e in entries) == 1


def test_reading_a_person_is_audited_with_its_purpose(api: Api) -> None:
    _create(api, "omar", "persons", PERSON)
    omar = api.headers("omar")
    r = api.client.get("/api/v1/persons/P-1", params={"purpose": "border hit check"}, headers=omar)
    assert r.status_code == 200
    api.client.get("/api/v1/persons", headers={**omar, "X-Purpose": "weekly review"})
    with transaction(api.engine) as s:
        reads = s.execute(select(AuditEntry.actor, AuditEntry.purpose, AuditEntry.origin).where(
            AuditEntry.entity_ref == "P-1", AuditEntry.action == "read")).all()
    assert [(a, p) for a, p, _o in reads] == [("omar", "border hit check"),
                                               ("omar", "weekly review")]


@pytest.mark.parametrize(
    ("body", "field"),
    [({**CASE, "opened_on": "not a date"}, "opened_on"),
     ({**CASE, "partner_agency": "NOPE"}, "partner_agency"),
     ({**CASE, "direction": "sideways"}, "direction")],
)
def test_bad_input_names_the_field(api: Api, body: dict[str, Any], field: str) -> None:
    r = api.client.post("/api/v1/cases", json=body, headers=api.headers("omar"))
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert field in [e["field"] for e in r.json()["errors"]]


@pytest.mark.parametrize(
    ("url", "body", "params", "field"),
    [("/api/v1/persons", {**PERSON, "birth_place": "x" * 200}, {}, "birth_place"),
     ("/api/v1/persons", {**PERSON, "names": [{"full_name": "A\x00B"}]}, {},
      "names.0.full_name"),
     ("/api/v1/persons", None, {"sex": "M\x00"}, "sex"),
     ("/api/v1/persons", None, {"purpose": "x\x00"}, "purpose")],
    ids=["too-long", "nul-in-body", "nul-in-filter", "nul-in-purpose"],
)
def test_what_the_database_would_refuse_is_a_422(api: Api, url: str, body: Any,
                                                 params: dict[str, str], field: str) -> None:
    h = api.headers("omar")
    if body is None:
        r = api.client.get(url, params=params, headers=h)
    else:
        r = api.client.post(url, json=body, headers=h)
    assert r.status_code == 422, r.text
    assert [e["field"] for e in r.json()["errors"]] == [field]


def test_duplicate_ref_is_a_conflict(api: Api) -> None:
    _create(api, "omar", "cases", CASE)
    r = api.client.post("/api/v1/cases", json=CASE, headers=api.headers("omar"))
    assert r.status_code == 409


def test_supervisor_needs_the_one_time_code(api: Api) -> None:
    r = api.client.post("/api/v1/auth/token", data={"username": "sara", "password": "x" * 12})
    assert r.status_code == 401
    token = api.token("sara")
    me = api.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["roles"] == ["supervisor"]
    api.client.post("/api/v1/auth/revoke", headers={"Authorization": f"Bearer {token}"})
    again = api.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 401


def test_the_web_session_cookie_works_and_needs_csrf_to_write(api: Api) -> None:
    from liaison.security import sessions

    cookie, _ = sessions.open_session("omar", "correct-horse-battery", engine=api.engine)
    api.client.cookies.set(sessions.COOKIE_NAME, cookie)
    try:
        assert api.client.get("/api/v1/cases").status_code == 200
        refused = api.client.post("/api/v1/cases", json=CASE)
        assert refused.status_code == 403
        created = api.client.post("/api/v1/cases", json=CASE,
                                  headers={sessions.CSRF_HEADER: sessions.csrf_token(cookie)})
        assert created.status_code == 201
    finally:
        api.client.cookies.clear()
