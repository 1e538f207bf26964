"""Workflow actions over HTTP: allowed actions, refusals as problem+json, four-eyes,
the compliance review, hits and their steps, lists."""

from __future__ import annotations

from liaison.db import transaction
from liaison.notices import service as notices

from ..api.conftest import Api
from .factories import OFFICER, RED_FIELDS, make_person


def test_notice_workflow_over_http(api: Api) -> None:
    with transaction(api.engine) as s:
        make_person(s, "P-1")
        notices.draft_notice(s, OFFICER, "RN-1", person_ref="P-1",
                             **{**RED_FIELDS, "warrant_reference": ""})
    omar, sara = api.headers("omar"), api.headers("sara")
    c = api.client
    state = c.get("/api/v1/notices/RN-1/actions", headers=omar).json()
    assert (state["status"], state["allowed"]) == ("drafted", ["submit", "withdraw"])
    refused = c.post("/api/v1/notices/RN-1/actions/publish", headers=omar)
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["allowed"] == ["submit", "withdraw"]
    r = c.post("/api/v1/notices/RN-1/actions/submit", headers=omar, json={})
    assert r.status_code == 200 and r.json()["status"] == "compliance_review"
    report = c.get("/api/v1/notices/RN-1/compliance", headers=omar).json()
    assert [f["rule"] for f in report["failures"]] == ["warrant"]
    assert c.post("/api/v1/notices/RN-1/actions/approve", headers=omar).status_code == 403
    r = c.post("/api/v1/notices/RN-1/actions/approve", headers=sara)
    assert r.status_code == 422
    assert [e["field"] for e in r.json()["errors"]] == ["warrant_reference"]
    with transaction(api.engine) as s:
        s.get(notices.Notice, "RN-1").warrant_reference = "TPI-1"  # type: ignore[union-attr]
    version = c.get("/api/v1/notices/RN-1/actions", headers=omar).json()["version"]
    stale = c.post("/api/v1/notices/RN-1/actions/approve", headers=sara,
                   json={"version": version - 1})
    assert stale.status_code == 409
    for action in ("approve", "publish"):
        r = c.post(f"/api/v1/notices/RN-1/actions/{action}", headers=sara, json={})
        assert r.status_code == 200, r.text
    r = c.post("/api/v1/notices/RN-1/actions/record_hit", headers=omar,
               json={"source": "border", "score": 0.93, "place": "Casablanca airport"})
    assert r.json()["status"] == "hit"
    [hit] = c.get("/api/v1/notices/RN-1/hits", headers=omar).json()
    r = c.post(f"/api/v1/hits/{hit['id']}/steps/provisional_arrest", headers=omar, json={})
    assert r.status_code == 200 and r.json()["steps"][0]["step"] == "provisional_arrest"
    r = c.post(f"/api/v1/hits/{hit['id']}/steps/extradition_file", headers=omar)
    ext = r.json()["extradition_ref"]
    timeline = c.get(f"/api/v1/extraditions/{ext}/timeline", headers=omar).json()
    assert timeline["stage"] == "provisional_arrest"
    r = c.post("/api/v1/notices/RN-1/actions/cancel", headers=sara,
               json={"reason": "arrested"})
    assert r.json() == {"kind": "notice", "ref": "RN-1", "status": "cancelled",
                        "version": r.json()["version"], "allowed": []}
    assert c.get("/api/v1/notices/RN-1-CN/actions", headers=omar).json()["status"] == "published"


def test_partner_and_anonymous_are_kept_out(api: Api) -> None:
    with transaction(api.engine) as s:
        from liaison.cases import service as cases

        cases.open_case(s, OFFICER, ref="C-1", subject="x")
    c = api.client
    assert c.post("/api/v1/cases/C-1/actions/assign", json={"to": "omar"}).status_code == 401
    r = c.post("/api/v1/cases/C-1/actions/assign", headers=api.headers("pierre"),
               json={"to": "omar"})
    assert r.status_code == 404
    r = c.post("/api/v1/cases/C-1/actions/assign", headers=api.headers("omar"), json={})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "to"
    r = c.post("/api/v1/cases/C-1/actions/fly", headers=api.headers("omar"))
    assert r.status_code == 422
    lists = ["/api/v1/workflows/overdue-cases?today=2099-01-01",
             "/api/v1/workflows/letter-reminders", "/api/v1/retention/due?within=10000"]
    for url in lists:
        r = c.get(url, headers=api.headers("omar"))
        assert r.status_code in (200, 422), (url, r.text)
    r = c.get("/api/v1/workflows/overdue-cases?today=2099-01-01", headers=api.headers("omar"))
    assert [x["ref"] for x in r.json()] == ["C-1"]


def test_confirm_match_over_http(api: Api) -> None:
    with transaction(api.engine) as s:
        from .factories import published_notice

        make_person(s, "P-1")
        published_notice(s, "RN-1", "P-1")
    r = api.client.post("/api/v1/hits", headers=api.headers("omar"),
                        json={"person_ref": "P-1", "score": 0.99, "query": "EL AMRANI"})
    assert r.status_code == 200 and [h["notice_ref"] for h in r.json()] == ["RN-1"]
    r = api.client.post("/api/v1/hits", headers=api.headers("omar"), json={"person_ref": "P-2"})
    assert r.status_code == 404
