"""Published lists: INTERPOL public notices JSON and FollowTheMoney entity lines,
on documents written here in those formats."""

from __future__ import annotations

import json

import pytest

from liaison.errors import ValidationError
from liaison.screening.sources import (
    interpol_charges,
    parse_ftm_lines,
    parse_interpol_notices,
)

LIST_DOC = {
    "total": 2, "query": {"page": 1, "resultPerPage": 20},
    "_embedded": {"notices": [
        {"entity_id": "2019/12345", "name": "EL AMRANI", "forename": "MOHAMED",
         "date_of_birth": "1980/04/18", "nationalities": ["MA", "FR"],
         "_links": {"self": {"href": "https://example.invalid/notices/2019-12345"}}},
        {"entity_id": "2021/777", "name": "TRAORE", "forename": "BAKARY",
         "date_of_birth": "1962", "nationalities": ["ML"]},
    ]},
}
DETAIL_DOC = {
    "entity_id": "2019/12345", "name": "EL AMRANI", "forename": "MOHAMED",
    "date_of_birth": "1980/04/18", "nationalities": ["MA"], "sex_id": "M",
    "arrest_warrants": [{"charge": "Drug trafficking", "issuing_country_id": "MA"}],
}


def test_interpol_list() -> None:
    entries = parse_interpol_notices(json.dumps(LIST_DOC))
    assert [e.id for e in entries] == ["interpol:2019/12345", "interpol:2021/777"]
    first = entries[0]
    assert first.names == ("MOHAMED EL AMRANI",)
    assert first.birth_date == "1980-04-18" and first.nationality == "MA|FR"
    assert first.source == "interpol:red"
    assert entries[1].birth_date == "1962"


def test_interpol_detail() -> None:
    (entry,) = parse_interpol_notices(DETAIL_DOC, kind="yellow")
    assert entry.gender == "M" and entry.source == "interpol:yellow"
    assert interpol_charges(DETAIL_DOC) == [("Drug trafficking", "MA")]


def test_interpol_bad_date_names_field() -> None:
    bad = dict(DETAIL_DOC, date_of_birth="18/04/1980")
    with pytest.raises(ValidationError, match="notice 2019/12345.date_of_birth"):
        parse_interpol_notices(bad)


FTM_LINES = [
    json.dumps({"id": "os-1", "schema": "Person", "datasets": ["un_sc_sanctions"],
                "properties": {"name": ["Abdelkader Benali"], "alias": ["عبد القادر بن علي"],
                               "birthDate": ["1971-02-16"], "nationality": ["dz"],
                               "gender": ["male"]}}),
    json.dumps({"id": "os-2", "schema": "Company", "properties": {"name": ["ACME SARL"]}}),
    "",
    json.dumps({"id": "os-3", "schema": "Person",
                "properties": {"firstName": ["Youssef"], "lastName": ["Chraibi"]}}),
]


def test_ftm_people_only() -> None:
    entries = list(parse_ftm_lines(FTM_LINES, dataset="test"))
    assert [e.id for e in entries] == ["un_sc_sanctions:os-1", "test:os-3"]
    first = entries[0]
    assert first.names == ("Abdelkader Benali", "عبد القادر بن علي")
    assert first.birth_date == "1971-02-16" and first.nationality == "DZ"
    assert first.gender == "M" and first.source == "ftm:un_sc_sanctions"
    assert entries[1].names == ("Youssef Chraibi",)


def test_ftm_bad_line() -> None:
    with pytest.raises(ValidationError, match="line 1"):
        list(parse_ftm_lines(["{not json"]))
