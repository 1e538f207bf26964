"""MRZ (ICAO 9303 TD3): parsing, check digits, and errors that name the field."""

from __future__ import annotations

import pytest

from liaison.errors import ValidationError
from liaison.screening.mrz import check_digit, parse_td3


def make_td3(surname: str = "EL<AMRANI", given: str = "MOHAMED", number: str = "AB1234567",
             nat: str = "MAR", dob: str = "800418", sex: str = "M",
             expiry: str = "300101") -> tuple[str, str]:
    line1 = f"P<MAR{surname}<<{given}".ljust(44, "<")
    opt = "<" * 14
    body = (f"{number}{check_digit(number)}{nat}{dob}{check_digit(dob)}{sex}"
            f"{expiry}{check_digit(expiry)}{opt}{check_digit(opt)}")
    composite = body[0:10] + body[13:20] + body[21:43]
    return line1, body + str(check_digit(composite))


def test_check_digit_reference() -> None:
    # ICAO 9303 part 3 worked example: document number L898902C3 → 6
    assert check_digit("L898902C3") == 6
    assert check_digit("740812") == 2


def test_parse_valid() -> None:
    mrz = parse_td3(*make_td3())
    assert mrz.surname == "EL AMRANI" and mrz.given_names == "MOHAMED"
    assert mrz.birth_date == "1980-04-18" and mrz.sex == "M" and mrz.nationality == "MAR"
    q = mrz.to_query()
    assert q.name == "MOHAMED EL AMRANI" and q.birth_date == "1980-04-18"
    assert q.nationality == "MA"


BROKEN = [
    # what is changed, which field the error must name
    (lambda l1, l2: (l1, l2[:9] + "0" + l2[10:]) if l2[9] != "0" else (l1, l2[:9] + "1" + l2[10:]),
     "mrz.document_number"),
    (lambda l1, l2: (l1, l2[:19] + str((int(l2[19]) + 1) % 10) + l2[20:]), "mrz.birth_date"),
    (lambda l1, l2: (l1, l2[:27] + str((int(l2[27]) + 1) % 10) + l2[28:]), "mrz.expiry_date"),
    (lambda l1, l2: (l1, l2[:43] + str((int(l2[43]) + 1) % 10)), "mrz.composite"),
    (lambda l1, l2: (l1[:40], l2), "mrz.line1"),
    (lambda l1, l2: (l1, l2.replace("M", "m", 1).upper()[:-1] + "#"), "mrz.line2"),
    (lambda l1, l2: ("V" + l1[1:], l2), "mrz.document_type"),
]


@pytest.mark.parametrize(("change", "field"), BROKEN)
def test_errors_name_the_field(change, field: str) -> None:  # type: ignore[no-untyped-def]
    l1, l2 = change(*make_td3())
    with pytest.raises(ValidationError) as exc:
        parse_td3(l1, l2)
    assert exc.value.problems[0].field == field
