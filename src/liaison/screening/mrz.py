"""Passport machine-readable zone (ICAO Doc 9303 part 4, TD3: two lines of 44).

Line 1: ``P`` + type, issuing state (3), then ``SURNAME<<GIVEN<NAMES`` padded with
``<``.  Line 2: document number (9) + check digit, nationality (3), birth date
YYMMDD + check digit, sex, expiry YYMMDD + check digit, optional data (14) + check
digit, and a final composite check digit.  Check digits use the weights 7, 3, 1
over digit values (0–9), letters (A=10 … Z=35) and the filler ``<`` (0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from liaison.errors import ValidationError
from liaison.screening.model import Query

LINE_LENGTH = 44
_WEIGHTS = (7, 3, 1)
_ALLOWED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


@dataclass(frozen=True)
class MRZ:
    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: str | None
    sex: str | None
    expiry_date: str
    optional_data: str

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}".strip()

    def to_query(self) -> Query:
        """A screening query: name, birth date and nationality (alpha-3 kept as read)."""
        return Query(name=self.full_name, birth_date=self.birth_date,
                     nationality=_alpha2(self.nationality), id=self.document_number)


def check_digit(field: str) -> int:
    """ICAO 9303 check digit of a field."""
    total = 0
    for i, ch in enumerate(field):
        if ch.isdigit():
            value = int(ch)
        elif "A" <= ch <= "Z":
            value = ord(ch) - 55
        else:
            value = 0
        total += value * _WEIGHTS[i % 3]
    return total % 10


def _check(name: str, field: str, digit: str) -> None:
    if not digit.isdigit() and not (digit == "<" and set(field) <= {"<"}):
        raise ValidationError.for_field(f"mrz.{name}", f"check digit {digit!r} is not a digit")
    expected = 0 if digit == "<" else int(digit)
    if check_digit(field) != expected:
        raise ValidationError.for_field(
            f"mrz.{name}", f"check digit {digit} does not match {field!r} "
                           f"(expected {check_digit(field)})")


def _date(name: str, yymmdd: str, future: bool) -> str | None:
    if set(yymmdd) <= {"<"}:
        return None
    if not yymmdd.isdigit():
        raise ValidationError.for_field(f"mrz.{name}", f"{yymmdd!r} is not YYMMDD")
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    this_year = date.today().year % 100
    century = 2000 if (yy <= this_year + (20 if future else 0)) else 1900
    try:
        return date(century + yy, mm, dd).isoformat()
    except ValueError as exc:
        raise ValidationError.for_field(f"mrz.{name}", f"{yymmdd!r}: {exc}") from None


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def parse_td3(line1: str, line2: str) -> MRZ:
    """Parse and validate a TD3 machine-readable zone; ValidationError names the field."""
    lines = [line1.strip().upper(), line2.strip().upper()]
    for n, line in enumerate(lines, start=1):
        if len(line) != LINE_LENGTH:
            raise ValidationError.for_field(
                f"mrz.line{n}", f"has {len(line)} characters, TD3 needs {LINE_LENGTH}")
        bad = sorted(set(line) - _ALLOWED)
        if bad:
            raise ValidationError.for_field(f"mrz.line{n}", f"invalid characters {bad}")
    l1, l2 = lines
    if l1[0] != "P":
        raise ValidationError.for_field("mrz.document_type", f"{l1[0]!r} is not a passport (P)")
    _check("document_number", l2[0:9], l2[9])
    _check("birth_date", l2[13:19], l2[19])
    _check("expiry_date", l2[21:27], l2[27])
    _check("optional_data", l2[28:42], l2[42])
    _check("composite", l2[0:10] + l2[13:20] + l2[21:43], l2[43])
    surname, given = _names(l1[5:])
    if not surname:
        raise ValidationError.for_field("mrz.name", "no surname in line 1")
    sex = l2[20] if l2[20] in "MF" else None
    return MRZ(
        document_type=l1[0:2].replace("<", ""), issuing_state=l1[2:5].replace("<", ""),
        surname=surname, given_names=given, document_number=l2[0:9].replace("<", ""),
        nationality=l2[10:13].replace("<", ""), birth_date=_date("birth_date", l2[13:19], False),
        sex=sex, expiry_date=_date("expiry_date", l2[21:27], True) or "",
        optional_data=l2[28:42].replace("<", ""))


def _alpha2(alpha3: str) -> str | None:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return None
    if alpha3 == "D":
        return "DE"
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else None
