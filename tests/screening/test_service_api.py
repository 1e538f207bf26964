"""The desk search: the screening service and ``GET /api/v1/screening/search``, on a real
database (SQLite and PostgreSQL) through the application's own HTTP stack.

Checked here: ranked candidates with explanation, source and algorithm version; a
query given as a passport MRZ (check digits validated); 422 problem+json naming the
faulty field; 401 without a token; a partner sees nothing not shared with it; every
search audited with what was asked and which persons came back; the live index takes
a published notice in and drops a cancelled one without being rebuilt."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select

from liaison.db import transaction
from liaison.notices import service as notices
from liaison.screening import service, watchlist
from liaison.security.audit import AuditEntry
from tests.api.conftest import Api, api  # noqa: F401  (fixture)
from tests.notices.factories import SUPERVISOR, TODAY, make_person, published_notice
from tests.screening.test_mrz import make_td3
from tests.security.conftest import cheap_password_hashes  # noqa: F401  (autouse)

URL = "/api/v1/screening/search"


@pytest.fixture(autouse=True)
def fresh_indexes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    service.forget_indexes()
    monkeypatch.setattr(service, "RECHECK_SECONDS", 0.0)
    yield
    service.forget_indexes()


@pytest.fixture
def desk(api: Api) -> Api:  # noqa: F811
    with transaction(api.engine) as s:
        make_person(s, "P-1", name="Mohammed Ben Ahmed Al-Amrani", birth_date="1980-04-18",
                    arabic="محمد بن أحمد العمراني")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        make_person(s, "P-2", name="Mohamed El Amrani", birth_date="1958-11-02")  # no notice
        make_person(s, "P-3", name="Youssef Chraibi", birth_date="1979-01-02")
        published_notice(s, "R-3", "P-3")
    return api


def _last_search(engine: Engine) -> dict[str, object]:
    with transaction(engine) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "search")
                          .order_by(AuditEntry.seq.desc())).first()
        assert entry is not None
        detail: dict[str, object] = json.loads(entry.detail)
        detail["actor"] = entry.actor
        return detail


def test_search_ranks_with_explanations_and_is_audited(desk: Api) -> None:
    r = desk.client.get(URL, params={"name": "محمد بن أحمد العمراني", "birth_date": "1980"},
                        headers=desk.headers("omar"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["algorithm"].startswith("liaison-screen/")
    assert [c["person_ref"] for c in body["candidates"]] == ["P-1"]  # P-2 has no notice
    top = body["candidates"][0]
    assert top["source"] == "bureau" and top["published_list"] is False
    assert 0.85 <= top["score"] <= 1.0
    why = top["explanation"]
    assert why["algorithm"] == body["algorithm"] and why["birth_date"] == "year"
    assert why["matched_name"] == "محمد بن أحمد العمراني"  # the listed Arabic-script name
    assert len(why["parts"]) == 3 and {p["how"] for p in why["parts"]} == {"exact"}
    assert "birth date year" in why["text"]
    audited = _last_search(desk.engine)
    assert audited["actor"] == "omar" and audited["candidates"] == ["P-1"]
    assert audited["name"] == "محمد بن أحمد العمراني" and audited["scope"] == "watchlist"


def test_namesake_with_another_birth_date_is_not_a_candidate(desk: Api) -> None:
    r = desk.client.get(URL, params={"name": "Mohamed El Amrani", "birth_date": "1958-11-02",
                                     "nationality": "MA"}, headers=desk.headers("omar"))
    assert r.status_code == 200 and r.json()["candidates"] == []
    r = desk.client.get(URL, params={"name": "Mohamed El Amrani", "birth_date": "1958-11-02",
                                     "scope": "persons"}, headers=desk.headers("omar"))
    assert [c["person_ref"] for c in r.json()["candidates"]][:1] == ["P-2"]


def test_query_from_a_passport_mrz(desk: Api) -> None:
    line1, line2 = make_td3(surname="AL<AMRANI", given="MOHAMMED", dob="800418")
    r = desk.client.get(URL, params={"mrz": f"{line1}\n{line2}"}, headers=desk.headers("omar"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["query"] == {"name": "MOHAMMED AL AMRANI", "birth_date": "1980-04-18",
                             "nationality": "MA"}
    assert body["mrz"]["document_number"] == "AB1234567"
    assert [c["person_ref"] for c in body["candidates"]] == ["P-1"]
    assert body["candidates"][0]["explanation"]["birth_date"] == "exact"
    assert _last_search(desk.engine)["mrz_document"] == "AB1234567"


BAD = [
    ({"name": "Ali", "birth_date": "18/04/1980x"}, "birth_date"),
    ({"name": "Ali", "birth_date": "1980-13-01"}, "birth_date"),
    ({"name": "Ali", "nationality": "XX"}, "nationality"),
    ({"name": "Ali", "limit": "0"}, "limit"),
    ({"name": "Ali", "limit": "many"}, "limit"),
    ({"name": "Ali", "scope": "everyone"}, "scope"),
    ({"birth_date": "1980"}, "name"),
    ({"name": "x" * 300}, "name"),
    ({"mrz": "P<MAREL<AMRANI<<MOHAMED"}, "mrz"),
    ({"name": "Ali", "mrz": "\n".join(make_td3())}, "mrz"),
]


def test_bad_input_is_a_422_naming_the_field(desk: Api) -> None:
    headers = desk.headers("omar")
    for params, field in BAD:
        r = desk.client.get(URL, params=params, headers=headers)
        assert r.status_code == 422, (params, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert field in {e["field"] for e in r.json()["errors"]}, (params, r.text)


def test_mrz_check_digit_error_names_the_mrz_field(desk: Api) -> None:
    line1, line2 = make_td3()
    broken = line2[:19] + str((int(line2[19]) + 1) % 10) + line2[20:]
    r = desk.client.get(URL, params={"mrz": f"{line1}\n{broken}"}, headers=desk.headers("omar"))
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "mrz.birth_date"


def test_login_is_required_and_a_partner_sees_only_what_is_shared(desk: Api) -> None:
    assert desk.client.get(URL, params={"name": "Youssef Chraibi"}).status_code == 401
    r = desk.client.get(URL, params={"name": "Youssef Chraibi"}, headers=desk.headers("pierre"))
    assert r.status_code == 200 and r.json()["candidates"] == []
    assert _last_search(desk.engine)["candidates"] == []


def test_live_index_follows_notices_without_a_rebuild(desk: Api) -> None:
    params = {"name": "Youssef Chraibi", "birth_date": "1979-01-02"}
    headers = desk.headers("omar")

    def refs() -> list[str]:
        r = desk.client.get(URL, params=params, headers=headers)
        assert r.status_code == 200, r.text
        return [c["person_ref"] for c in r.json()["candidates"]]

    assert refs() == ["P-3"]
    index = service.index_for("watchlist", desk.engine)
    with transaction(desk.engine) as s:
        notices.perform(s, SUPERVISOR, "R-3", "cancel", {"reason": "withdrawn_by_judge",
                                                         "on": TODAY}, today=TODAY)
    assert refs() == []
    with transaction(desk.engine) as s:
        make_person(s, "P-4", name="Yusuf Shraybi", birth_date="1979-01-02")
        published_notice(s, "R-4", "P-4")
    assert refs() == ["P-4"]
    assert service.index_for("watchlist", desk.engine) is index  # kept live, not rebuilt


def test_service_rebuilds_when_another_process_changed_the_records(configured: Engine) -> None:
    from liaison.security.actor import cli_actor

    assert service.search(cli_actor(), name="Karim Benali").candidates == []
    for held in service._HOLDERS["watchlist"].held.values():  # as if in another process:
        watchlist.unregister_index(held)  # no hook tells this index about the write
    with transaction(configured) as s:
        make_person(s, "P-9", name="Karim Benali", birth_date="1966")
        published_notice(s, "R-9", "P-9")
    found = service.search(cli_actor(), name="Karim Benali", birth_date="1966")
    assert [c.person_ref for c in found.candidates] == ["P-9"]
