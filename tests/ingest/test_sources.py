"""Published lists as sources: INTERPOL public notices JSON and FollowTheMoney entities,
read from documents written here in those formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from liaison.db import transaction
from liaison.errors import ValidationError
from liaison.ingest.sources import import_published_list
from liaison.models import Notice, Person
from liaison.security.actor import cli_actor

RED_LIST = {
    "total": 2,
    "query": {"page": 1, "resultPerPage": 20},
    "_embedded": {"notices": [
        {"entity_id": "2019/48213", "name": "EL HAMRAOUI", "forename": "YOUSSEF",
         "date_of_birth": "1984/03/12", "nationalities": ["MA", "FR"], "sex_id": "M",
         "arrest_warrants": [{"charge": "Trafic international de stupéfiants",
                              "issuing_country_id": "FR"}],
         "_links": {"self": {"href": "notices/v1/red/2019-48213"}}},
        {"entity_id": "2021/10577", "name": "NDIAYE", "forename": "AMINATA",
         "date_of_birth": "1979", "nationalities": ["SN"], "sex_id": "F",
         "arrest_warrants": [{"charge": "Escroquerie", "issuing_country_id": "SN"},
                             {"charge": "Faux et usage de faux", "issuing_country_id": "SN"}]},
    ]},
    "_links": {"self": {"href": "notices/v1/red?page=1"}},
}

FTM_LINES = [
    {"id": "os-wanted-5521", "schema": "Person",
     "properties": {"name": ["Ivan Sergeyevich Volkov"], "alias": ["Иван Сергеевич Волков"],
                    "birthDate": ["1971-05"], "nationality": ["ru"], "gender": ["male"],
                    "topics": ["wanted"]}},
    {"id": "os-company-1", "schema": "Company", "properties": {"name": ["Volkov Holdings"]}},
    {"id": "os-sanction-77", "schema": "Person",
     "properties": {"name": ["Karim Benali"], "birthDate": ["1966"], "citizenship": ["dz"]}},
]


def test_interpol_list_document(db_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "red.json"
    path.write_text(json.dumps(RED_LIST), encoding="utf-8")
    with transaction(db_engine) as s:
        report = import_published_list(s, cli_actor(), path, "interpol-notices")
    assert report.created == 4
    with transaction(db_engine) as s:
        person = s.get(Person, "INTERPOL-2019-48213")
        assert person is not None
        assert (person.primary_name, person.birth_date, person.sex, person.nationalities, person.source) == (
            "YOUSSEF EL HAMRAOUI", "1984-03-12", "M", ["MA", "FR"], "interpol_public")
        notice = s.get(Notice, "INTERPOL-RED-2021-10577")
        assert notice is not None
        assert (notice.kind, notice.status, notice.issuing_country_code, notice.person_ref) == (
            "red", "published", "SN", "INTERPOL-2021-10577")
        assert notice.charges == "Escroquerie; Faux et usage de faux"
    # importing the same list again changes nothing
    with transaction(db_engine) as s:
        again = import_published_list(s, cli_actor(), path, "interpol-notices")
    assert (again.created, again.unchanged) == (0, 4)


def test_interpol_detail_documents_as_json_lines(db_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "details.jsonl"
    docs = RED_LIST["_embedded"]["notices"]  # type: ignore[index]
    path.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    with transaction(db_engine) as s:
        report = import_published_list(s, cli_actor(), path, "interpol-notices")
    assert report.created == 4


def test_ftm_persons_only_with_their_source(db_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json"
    path.write_text("\n".join(json.dumps(e) for e in FTM_LINES), encoding="utf-8")
    with transaction(db_engine) as s:
        report = import_published_list(s, cli_actor(), path, "ftm")
    assert report.created == 2  # the company is not a person
    with transaction(db_engine) as s:
        persons = {p.ref: p for p in s.scalars(select(Person))}
    volkov = persons["FTM-os-wanted-5521"]
    assert [(n.full_name, n.script, n.kind) for n in volkov.names] == [
        ("Ivan Sergeyevich Volkov", "latin", "primary"),
        ("Иван Сергеевич Волков", "cyrillic", "alias"),
    ]
    assert (volkov.birth_date, volkov.nationalities, volkov.sex, volkov.source) == ("1971-05", ["RU"], "M", "ftm")
    assert persons["FTM-os-sanction-77"].nationalities == ["DZ"]


@pytest.mark.parametrize(
    ("fmt", "content", "field"),
    [
        ("interpol-notices", json.dumps({"name": "X"}), "entity_id"),
        ("interpol-notices", json.dumps({"entity_id": "2020/1"}), "name"),
        ("ftm", '{"id": "a", "schema": "Spaceship", "properties": {}}', "(document)"),
        ("ftm", "{broken", "(line)"),
    ],
)
def test_bad_documents_name_the_fault_and_write_nothing(
    db_engine: Engine, tmp_path: Path, fmt: str, content: str, field: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as caught, transaction(db_engine) as s:
        import_published_list(s, cli_actor(), path, fmt)
    assert caught.value.problems[0].field == field
    with transaction(db_engine) as s:
        assert s.scalars(select(Person)).first() is None
