"""A red notice request without its warrant reference and with a birth date in the
future cannot be published over HTTP: the approval is refused with each failed rule
listed (field and reason), publication is refused as not allowed, the compliance
report lists both, and the notice stays in review, unchanged."""

from __future__ import annotations

from liaison.db import transaction
from liaison.notices import service as notices

from ..api.conftest import Api
from ..notices.factories import OFFICER, RED_FIELDS, make_person


def test_no_warrant_and_born_in_the_future_is_refused_with_each_rule(api: Api) -> None:
    with transaction(api.engine) as s:
        make_person(s, "P-1", birth_date="2031-05-01")
        notices.draft_notice(s, OFFICER, "RN-1", person_ref="P-1",
                             **{**RED_FIELDS, "warrant_reference": ""})
    omar, sara = api.headers("omar"), api.headers("sara")
    c = api.client
    assert c.post("/api/v1/notices/RN-1/actions/submit", headers=omar).status_code == 200
    report = c.get("/api/v1/notices/RN-1/compliance", headers=omar).json()
    assert report["ok"] is False
    assert {(f["rule"], f["field"]) for f in report["failures"]} == {
        ("warrant", "warrant_reference"), ("birth_date", "person.birth_date")}
    assert all(f["reason"] for f in report["failures"])
    before = c.get("/api/v1/notices/RN-1/actions", headers=sara).json()

    r = c.post("/api/v1/notices/RN-1/actions/approve", headers=sara, json={})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    errors = {e["field"]: e["reason"] for e in r.json()["errors"]}
    assert set(errors) == {"warrant_reference", "person.birth_date"}
    assert "future" in errors["person.birth_date"]

    r = c.post("/api/v1/notices/RN-1/actions/publish", headers=sara, json={})
    assert r.status_code == 409
    assert "approve" in r.json()["allowed"] and "publish" not in r.json()["allowed"]

    after = c.get("/api/v1/notices/RN-1/actions", headers=sara).json()
    assert (after["status"], after["version"]) == ("compliance_review", before["version"])
