"""Published lists as sources: INTERPOL's public notices JSON and FollowTheMoney
entities (the format OpenSanctions publishes).

Each document becomes interchange records (a person marked with its ``source``, and
for an INTERPOL notice the notice itself), imported through the same validated,
audited importer as everything else. Their references carry the source's prefix
(``INTERPOL-…``, ``FTM-…``), so they never merge with the bureau's own records.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from liaison.errors import FieldProblem, ValidationError
from liaison.ingest.interchange import ImportReport, dumps, import_records
from liaison.partners.countries import is_country
from liaison.security.actor import Actor

FORMATS = ("interpol-notices", "ftm")
_SAFE = re.compile(r"[^A-Za-z0-9._:-]+")


def _ref(prefix: str, raw: str) -> str:
    ref = f"{prefix}-{_SAFE.sub('-', raw).strip('-')}"
    if len(ref) > 64:  # keep it unique and within the 64 characters a ref may have
        ref = f"{prefix}-{hashlib.sha256(raw.encode()).hexdigest()[:40]}"
    return ref


def _countries(values: Any) -> list[str]:
    out = []
    for v in values or []:
        code = str(v).strip().upper()
        if is_country(code) and code not in out:
            out.append(code)
    return out


def _interpol_birth(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip().replace("/", "-")
    return text if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else None


def _interpol_documents(data: Any) -> Iterator[dict[str, Any]]:
    """The notices of a list document, a detail document, or a JSON array of them."""
    if isinstance(data, list):
        for item in data:
            yield from _interpol_documents(item)
    elif isinstance(data, dict) and isinstance(data.get("_embedded"), dict) and "notices" in data["_embedded"]:
        yield from data["_embedded"]["notices"]
    elif isinstance(data, dict):
        yield data


def interpol_records(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """A person and its red notice from one INTERPOL public notice document."""
    entity = str(doc.get("entity_id") or "").strip()
    if not entity:
        raise ValueError("entity_id: missing")
    forename = str(doc.get("forename") or "").strip()
    name = str(doc.get("name") or "").strip()
    full = " ".join(p for p in (forename, name) if p)
    if not full:
        raise ValueError("name: neither name nor forename is given")
    person_ref = _ref("INTERPOL", entity)
    sex = {"M": "M", "F": "F"}.get(str(doc.get("sex_id") or "").upper(), "U")
    person: dict[str, Any] = {
        "kind": "person", "ref": person_ref, "classification": "public", "source": "interpol_public",
        "names": [{"full_name": full}], "sex": sex,
        "nationalities": _countries(doc.get("nationalities")),
    }
    birth = _interpol_birth(doc.get("date_of_birth"))
    if birth:
        person["birth_date"] = birth
    warrants = [w for w in doc.get("arrest_warrants") or [] if isinstance(w, dict)]
    issuers = _countries(w.get("issuing_country_id") for w in warrants)
    notice: dict[str, Any] = {
        "kind": "notice", "ref": _ref("INTERPOL-RED", entity), "type": "red", "scope": "international",
        "status": "published", "classification": "public", "person": person_ref,
        "issuing_authority": "INTERPOL (notice publique)",
        "charges": "; ".join(str(w.get("charge") or "").strip() for w in warrants if w.get("charge"))[:4000],
    }
    if issuers:
        notice["issuing_country"] = issuers[0]
    return [person, notice]


def ftm_records(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A person from one FollowTheMoney entity (other schemata are not persons: skipped)."""
    from followthemoney import model
    from followthemoney.exc import InvalidData

    try:
        proxy = model.get_proxy(data)
    except (InvalidData, TypeError, KeyError) as exc:
        raise ValueError(f"(document): not a FollowTheMoney entity ({exc})") from exc
    if not proxy.schema.is_a("Person"):
        return []
    if not proxy.id:
        raise ValueError("id: missing")
    names = [{"full_name": n} for n in proxy.get("name")[:1]]
    names += [{"full_name": n, "type": "alias"} for n in proxy.get("name")[1:] + proxy.get("alias")]
    if not names:
        raise ValueError("name: the entity has no name")
    for item in names:
        if re.search(r"[\u0600-\u06ff]", item["full_name"]):
            item["script"] = "arabic"
        elif re.search(r"[\u0400-\u04ff]", item["full_name"]):
            item["script"] = "cyrillic"
    person: dict[str, Any] = {
        "kind": "person", "ref": _ref("FTM", proxy.id), "classification": "public", "source": "ftm",
        "names": names[:50],
        "nationalities": _countries(proxy.get("nationality") + proxy.get("citizenship")),
        "sex": {"male": "M", "female": "F"}.get((proxy.get("gender") or [""])[0], "U"),
    }
    births = sorted(proxy.get("birthDate"), key=len, reverse=True)
    if births and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", births[0]):
        person["birth_date"] = births[0]
    return [person]


def _documents(path: Path, fmt: str) -> Iterator[tuple[int, Any]]:
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if fmt == "interpol-notices" and stripped[:1] in "[{" and "\n{" not in stripped.strip():
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationError(f"{path}: not valid JSON", [FieldProblem("(file)", str(exc), exc.lineno)]) from exc
        for i, doc in enumerate(_interpol_documents(data), start=1):
            yield i, doc
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValidationError(f"line {number}: not valid JSON",
                                      [FieldProblem("(line)", f"not valid JSON: {exc.msg}", number)]) from exc


def published_list_lines(path: Path, fmt: str) -> Iterator[tuple[int, str]]:
    """Interchange lines for a published list file; faults name the line (or document)."""
    if fmt not in FORMATS:
        raise ValidationError.for_field("--format", f"unknown format '{fmt}'; one of interchange, {', '.join(FORMATS)}")
    convert = interpol_records if fmt == "interpol-notices" else ftm_records
    problems = []
    out: list[tuple[int, str]] = []
    for number, doc in _documents(path, fmt):
        if not isinstance(doc, dict):
            problems.append(FieldProblem("(document)", "expected a JSON object", number))
            continue
        try:
            out.extend((number, dumps(r)) for r in convert(doc))
        except ValueError as exc:
            field, _, reason = str(exc).partition(": ")
            problems.append(FieldProblem(field if reason else "(document)", reason or str(exc), number))
    if problems:
        raise ValidationError(f"{len(problems)} invalid document(s) in {path.name}; nothing imported", problems)
    yield from out


def import_published_list(session: Session, actor: Actor, path: Path, fmt: str) -> ImportReport:
    """Import a published list in the caller's transaction (idempotent, all or nothing)."""
    if not path.is_file():
        raise ValidationError.for_field("FILE", f"no such file: {path}")
    return import_records(session, actor, published_list_lines(path, fmt), source=f"{fmt}:{path.name}")
