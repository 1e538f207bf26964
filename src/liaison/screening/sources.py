"""Published lists as screening sources: INTERPOL public notices and FollowTheMoney.

Both parsers return ``WatchlistEntry`` objects whose ``source`` says where they come
from (``interpol:red``, ``ftm:<dataset>``), so they are never mixed with the bureau's
own records.  Persisting them is the import command's job; these functions only read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from liaison.errors import ValidationError
from liaison.screening.dates import parse_date
from liaison.screening.model import WatchlistEntry

_SEX = {"M": "M", "F": "F", "U": None}


def _interpol_date(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip().replace("/", "-")
    parse_date(text, f"{where}.date_of_birth")
    return text


def interpol_notice(doc: dict[str, Any], kind: str = "red") -> WatchlistEntry:
    """One notice (list item or detail document) → a watchlist entry."""
    entity_id = doc.get("entity_id")
    if not entity_id:
        raise ValidationError.for_field("entity_id", "missing in an INTERPOL notice")
    where = f"notice {entity_id}"
    surname = (doc.get("name") or "").strip()
    forename = (doc.get("forename") or "").strip()
    if not surname and not forename:
        raise ValidationError.for_field(f"{where}.name", "neither name nor forename given")
    nationalities = [str(n).upper() for n in doc.get("nationalities") or [] if n]
    return WatchlistEntry(
        id=f"interpol:{entity_id}",
        names=(f"{forename} {surname}".strip(),),
        birth_date=_interpol_date(doc.get("date_of_birth"), where),
        nationality="|".join(nationalities) or None,
        gender=_SEX.get(str(doc.get("sex_id") or "U").upper()),
        source=f"interpol:{kind}")


def interpol_charges(doc: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(charge, issuing country) of each arrest warrant of a detail document."""
    out = []
    for w in doc.get("arrest_warrants") or []:
        out.append((str(w.get("charge") or "").strip(), w.get("issuing_country_id")))
    return out


def parse_interpol_notices(data: str | bytes | dict[str, Any],
                           kind: str = "red") -> list[WatchlistEntry]:
    """A list document (``_embedded.notices``), a detail document, or a JSON array."""
    doc = json.loads(data) if isinstance(data, (str, bytes)) else data
    if isinstance(doc, list):
        items = doc
    elif isinstance(doc, dict) and "_embedded" in doc:
        items = doc["_embedded"].get("notices") or []
    elif isinstance(doc, dict):
        items = [doc]
    else:
        raise ValidationError.for_field("document", "not an INTERPOL notices document")
    return [interpol_notice(item, kind) for item in items]


def _first(values: list[str]) -> str | None:
    return sorted(values)[0] if values else None


def ftm_entity(data: dict[str, Any], dataset: str = "ftm") -> WatchlistEntry | None:
    """A FollowTheMoney Person entity → an entry (None for other schemata)."""
    from followthemoney import model

    proxy = model.get_proxy(data, cleaned=False)
    if not proxy.schema.is_a("Person"):
        return None
    names = proxy.get("name") or []
    if not names:
        first, last = proxy.first("firstName"), proxy.first("lastName")
        names = [" ".join(p for p in (first, last) if p)]
    aliases = proxy.get("alias") + proxy.get("previousName")
    all_names = tuple(dict.fromkeys(n for n in [*names, *aliases] if n and n.strip()))
    if not all_names:
        raise ValidationError.for_field(f"entity {proxy.id}.name", "a person without a name")
    birth = _first([d[:10] for d in proxy.get("birthDate")])
    countries = [c.upper() for c in proxy.get("nationality") + proxy.get("citizenship")]
    datasets = data.get("datasets") or [dataset]
    return WatchlistEntry(
        id=f"{datasets[0]}:{proxy.id}", names=all_names,
        birth_date=birth if birth and parse_date(birth, f"entity {proxy.id}.birthDate") else None,
        nationality="|".join(dict.fromkeys(countries)) or None,
        gender=(proxy.first("gender") or "")[:1].upper() or None,
        source=f"ftm:{datasets[0]}")


def parse_ftm_lines(lines: Iterable[str], dataset: str = "ftm") -> Iterator[WatchlistEntry]:
    """FollowTheMoney entity JSON lines → entries for the Person entities."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValidationError.for_field(f"line {n}", f"not JSON: {exc.msg}") from None
        entry = ftm_entity(data, dataset)
        if entry is not None:
            yield entry
