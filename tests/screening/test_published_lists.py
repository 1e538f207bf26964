"""Published-list persons (``liaison import --format interpol-notices|ftm``) are
screened next to the bureau's own notices, never mixed with them: each stays its own
watchlist entry and every candidate says which source it comes from."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from liaison.db import transaction
from liaison.ingest.sources import import_published_list
from liaison.screening.index import ScreeningIndex
from liaison.screening.model import Query
from liaison.screening.watchlist import load_watchlist
from liaison.security.actor import cli_actor
from tests.notices.factories import make_person, published_notice

RED_LIST = {"total": 1, "_embedded": {"notices": [
    {"entity_id": "2019/48213", "name": "EL HAMRAOUI", "forename": "YOUSSEF",
     "date_of_birth": "1984/03/12", "nationalities": ["MA"], "sex_id": "M",
     "arrest_warrants": [{"charge": "Trafic de stupéfiants", "issuing_country_id": "FR"}]},
]}}
FTM = [
    {"id": "os-77", "schema": "Person",
     "properties": {"name": ["Karim Benali"], "alias": ["كريم بن علي"], "birthDate": ["1966"],
                    "citizenship": ["dz"]}},
    {"id": "os-co", "schema": "Company", "properties": {"name": ["Benali Trading"]}},
]


def _import(engine: Engine, tmp_path: Path) -> None:
    red, ftm = tmp_path / "red.json", tmp_path / "os.ftm.json"
    red.write_text(json.dumps(RED_LIST), encoding="utf-8")
    ftm.write_text("\n".join(json.dumps(e) for e in FTM), encoding="utf-8")
    with transaction(engine) as s:
        import_published_list(s, cli_actor(), red, "interpol-notices")
        import_published_list(s, cli_actor(), ftm, "ftm")
        # the bureau's own warrant on a man of the same name and birth date
        make_person(s, "P-1", name="Youssef El Hamraoui", birth_date="1984-03-12")
        published_notice(s, "W-1", "P-1", kind="arrest_warrant")
        make_person(s, "P-2", name="Karim Benali", birth_date="1966-01-01")  # no notice


def test_published_list_persons_are_listed_with_their_source(db_engine: Engine,
                                                             tmp_path: Path) -> None:
    _import(db_engine, tmp_path)
    with transaction(db_engine) as s:
        entries = {e.id: e for e in load_watchlist(s)}
    assert {k: e.source for k, e in entries.items()} == {
        "INTERPOL-2019-48213": "interpol_public", "FTM-os-77": "ftm", "P-1": "bureau"}
    assert "كريم بن علي" in entries["FTM-os-77"].names

    index = ScreeningIndex.build(entries.values())
    found = index.search(Query("Youssef El Hamraoui", "1984-03-12", "MA"))
    assert sorted(m.entry.id for m in found) == ["INTERPOL-2019-48213", "P-1"]
    by_id = {m.entry.id: m.explanation for m in found}
    assert by_id["INTERPOL-2019-48213"].published_list
    assert by_id["INTERPOL-2019-48213"].text.startswith("listed by interpol_public")
    assert by_id["INTERPOL-2019-48213"].to_dict()["source"] == "interpol_public"
    assert not by_id["P-1"].published_list and "listed by" not in by_id["P-1"].text

    (sanctioned,) = index.search(Query("كريم بن علي", "1966"))
    assert sanctioned.entry.id == "FTM-os-77"
    assert sanctioned.explanation.text.startswith("listed by ftm (published list)")


def test_an_ended_interpol_notice_takes_its_person_off(db_engine: Engine,
                                                      tmp_path: Path) -> None:
    _import(db_engine, tmp_path)
    from liaison.notices.model import Notice

    with transaction(db_engine) as s:
        notice = s.get(Notice, "INTERPOL-RED-2019-48213")
        assert notice is not None
        notice.status = "cancelled"  # as a later import of the list would record it
    with transaction(db_engine) as s:
        assert "INTERPOL-2019-48213" not in {e.id for e in load_watchlist(s)}
