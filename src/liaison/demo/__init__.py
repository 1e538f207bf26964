"""The demo database: synthetic but realistic records for 2022-2025 whose volumes are
the bureau's published figures, counted from the records (never stored as totals).

Everything goes through the interchange importer, so the demo is validated and
audited like any other import; then :mod:`liaison.demo.showcase` adds, through the
workflow services, one record in every state of every workflow (dated 2026).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import fields, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from liaison.config import get_settings
from liaison.demo.partners import (
    ACTION_PLAN_FR,
    AGENCIES,
    BILATERAL_2023,
    EVENTS,
    HAMMOUCHI,
    MEETINGS_2023,
    PARTNER_WEIGHTS,
)
from liaison.demo.people import PersonFactory
from liaison.demo.showcase import build_showcase
from liaison.demo.volumes import VOLUMES, YearVolumes, category_counts
from liaison.ingest.interchange import dumps, import_records
from liaison.overview import count_by_kind
from liaison.persons.model import Person
from liaison.security.actor import Actor

YEARS = sorted(VOLUMES)
SUBJECTS = {
    "drugs": "Trafic international de stupéfiants",
    "illegal_immigration": "Réseau d'immigration illégale",
    "transfer_of_detainees": "Transfèrement d'un détenu vers son pays d'origine",
    "mutual_data_exploitation": "Exploitation mutuelle de données",
    "information_request": "Demande d'information",
    "terrorism": "Menace terroriste",
    "cybercrime": "Escroquerie en ligne",
    "money_laundering": "Blanchiment de capitaux",
    "human_trafficking": "Traite des êtres humains",
    "organised_crime": "Criminalité organisée",
    "other": "Demande diverse",
}
CHARGES = [
    "trafic international de stupéfiants", "homicide volontaire", "escroquerie en bande organisée",
    "traite des êtres humains", "blanchiment de capitaux", "vol à main armée",
    "association de malfaiteurs", "enlèvement",
]
DUE_DAYS = {"urgent": 2, "high": 7, "normal": 30, "low": 60}


def _day(rng: random.Random, year: int, last: dt.date | None = None) -> dt.date:
    start = dt.date(year, 1, 1)
    end = min(dt.date(year, 12, 31), last) if last else dt.date(year, 12, 31)
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _after(rng: random.Random, day: dt.date, lo: int, hi: int, cap: dt.date | None = None) -> dt.date:
    out = day + dt.timedelta(days=rng.randint(lo, hi))
    return min(out, cap) if cap else out


class DemoBuilder:
    def __init__(self, seed: int, scale: float = 1.0) -> None:
        """``scale`` < 1 makes a proportionally smaller demo (for tests); 1 is the
        published volumes."""
        self.scale = scale
        self.rng = random.Random(seed)
        self.people = PersonFactory(seed)
        self.home = get_settings().home_country
        self.partners = list(PARTNER_WEIGHTS)
        self.weights = list(PARTNER_WEIGHTS.values())
        self.home_agency = get_settings().home_agency

    def vol(self, year: int) -> YearVolumes:
        v = VOLUMES[year]
        if self.scale == 1.0:
            return v
        counts = {f.name: max(1, round(getattr(v, f.name) * self.scale))
                  for f in fields(v) if f.name != "shares"}
        counts["warrant_arrests"] = min(counts["warrant_arrests"], counts["warrants_issued"])
        return replace(v, **counts)

    def pool(self, n: int) -> int:
        return max(1, round(n * self.scale))

    def partner(self) -> str:
        return self.rng.choices(self.partners, self.weights)[0]

    # -- partners -----------------------------------------------------------------
    def agencies(self) -> Iterator[dict[str, Any]]:
        yield {"kind": "agency", "ref": self.home_agency, "name": "Bureau central national INTERPOL",
               "acronym": "BCN", "country": self.home, "type": "police", "classification": "public"}
        for ref, name, acronym, country, kind in AGENCIES:
            yield {"kind": "agency", "ref": ref, "name": name, "acronym": acronym,
                   "country": country, "type": kind, "classification": "public"}
        for code in self.partners:
            yield {"kind": "agency", "ref": f"NCB-{code}", "name": f"Bureau central national {code}",
                   "acronym": f"BCN-{code}", "country": code, "type": "police",
                   "classification": "public"}

    def diplomacy(self) -> Iterator[dict[str, Any]]:
        yield {"kind": "working_group", "ref": "WG-FUGITIVES", "name": "Groupe de travail sur les fugitifs",
               "topic": "recherche et arrestation des fugitifs", "established_on": "2022-03-15",
               "members": ["ES", "FR", "BE"], "classification": "public"}
        yield {"kind": "working_group", "ref": "WG-SPORT-EVENTS",
               "name": "Sécurité des grands événements sportifs", "topic": "sécurité des compétitions",
               "established_on": "2024-02-01", "members": ["ES", "PT"], "classification": "public"}
        yield from EVENTS
        yield ACTION_PLAN_FR
        yield from self._synthetic_agreements()
        yield {"kind": "meeting", "ref": "MT-2025-PLAN-FR", "held_on": "2025-06-24", "place": "Rabat",
               "country": self.home, "type": "bilateral", "partner_countries": ["FR"],
               "topics": ["plan d'action", "criminalité organisée"], "classification": "public",
               "participants": [HAMMOUCHI,
                                {"name": "Louis Laugier", "role": "Directeur général de la Police nationale",
                                 "agency": "DGPN-FR"},
                                {"name": "Christophe Lecourtier",
                                 "role": "Ambassadeur de la République française au Maroc"}]}
        for ref, day, place, country, agency, name, role, topics in MEETINGS_2023:
            yield {"kind": "meeting", "ref": ref, "held_on": day, "place": place, "country": self.home,
                   "type": "bilateral", "partner_countries": [country], "topics": topics,
                   "classification": "restricted",
                   "participants": [HAMMOUCHI, {"name": name, "role": role, "agency": agency}]}
        for i, (agency, country) in enumerate(BILATERAL_2023, start=1):
            yield {"kind": "meeting", "ref": f"MT-2023-BI-{i:02d}", "held_on": str(_day(self.rng, 2023)),
                   "place": "Rabat", "country": self.home, "type": "bilateral",
                   "partner_countries": [country] if country else [],
                   "topics": ["sécurité internationale"], "classification": "restricted",
                   "participants": [HAMMOUCHI, {"name": f"Délégation {agency}", "agency": agency}]}
        for i, (event, day) in enumerate([("EV-ARAB-POLICE-47", "2023-12-06")], start=1):
            yield {"kind": "meeting", "ref": f"MT-2023-ML-{i:02d}", "held_on": day, "place": "Tanger",
                   "country": self.home, "type": "multilateral", "event": event,
                   "partner_countries": ["SA", "AE", "TN", "EG", "JO"], "topics": ["coopération arabe"],
                   "classification": "public", "participants": [HAMMOUCHI]}
        others = [c for c in self.partners] + ["BR", "CN", "JP", "KR", "IN", "ZA", "NG", "KE",
                                                "AR", "MX", "AU", "ID", "PK", "RU", "UA", "GR", "PL"]
        for i in range(43):  # 43 bilateral meetings in four days at the 93rd General Assembly
            yield {"kind": "meeting", "ref": f"MT-2025-GA93-{i + 1:02d}",
                   "held_on": str(dt.date(2025, 11, 24) + dt.timedelta(days=i % 4)),
                   "place": "Marrakech", "country": self.home, "type": "bilateral",
                   "event": "EV-INTERPOL-GA93", "partner_countries": [others[i % len(others)]],
                   "topics": ["coopération policière"], "classification": "restricted",
                   "participants": [HAMMOUCHI]}

    def _synthetic_agreements(self) -> Iterator[dict[str, Any]]:
        """Invented agreements (refs AG-DEMO-…), so that every kind and status of the
        registry, and the report's «accords signés», have something to show. Fixed, not
        drawn from the random stream: the rest of the demo stays as it was."""
        items = [  # (year-month-day, kind, status, partner, subject)
            ("2022-05-17", "memorandum_of_understanding", "in_force", "ES", "lutte contre le trafic de drogue"),
            ("2022-10-03", "protocol", "in_force", "BE", "échange de données d'identification"),
            ("2023-02-21", "memorandum_of_understanding", "in_force", "PT", "sécurité des grands événements sportifs"),
            ("2023-06-12", "action_plan", "signed", "SN", "migration irrégulière et traite des êtres humains"),
            ("2023-11-08", "agreement", "in_force", "AE", "formation des cadres de police"),
            ("2024-04-09", "convention", "signed", "TN", "recherche des fugitifs"),
            ("2024-09-30", "declaration", "expired", "IT", "coopération opérationnelle"),
            ("2025-03-04", "memorandum_of_understanding", "negotiating", "DE", "cybercriminalité"),
            ("2022-01-25", "protocol", "terminated", "NL", "échange d'officiers de liaison"),
        ]
        names = {"memorandum_of_understanding": "Mémorandum d'entente", "protocol": "Protocole",
                 "action_plan": "Plan d'action", "agreement": "Accord", "convention": "Convention",
                 "declaration": "Déclaration commune"}
        for day, kind, status, country, subject in items:
            signed = status != "negotiating"
            yield {"kind": "agreement", "ref": f"AG-DEMO-{day[:4]}-{country}-{kind[:4].upper()}",
                   "type": kind, "title": f"{names[kind]} : {subject} ({country}, démo)",
                   "signed_on": day if signed else None, "place": "Rabat", "status": status,
                   "subjects": [subject], "classification": "restricted",
                   "parties": [{"agency": "DGSN", "country": self.home}, {"country": country}]}

    # -- files --------------------------------------------------------------------
    def cases(self) -> Iterator[dict[str, Any]]:
        statuses_old = ["closed"] * 90 + ["answered"] * 6 + ["rejected"] * 2 + ["transferred"] * 2
        statuses_new = ["received", "assigned", "in_progress", "answered", "closed", "rejected",
                        "transferred"]
        for year in YEARS:
            cats = [c for c, n in category_counts(self.vol(year)).items() for _ in range(n)]
            self.rng.shuffle(cats)
            for i, cat in enumerate(cats, start=1):
                opened = _day(self.rng, year)
                priority = self.rng.choices(list(DUE_DAYS), [5, 15, 70, 10])[0]
                status = self.rng.choice(statuses_new if year == YEARS[-1] and opened.month >= 10
                                         else statuses_old)
                country = self.partner()
                rec: dict[str, Any] = {
                    "kind": "case", "ref": f"CF-{year}-{i:05d}",
                    "direction": "incoming" if self.rng.random() < 0.62 else "outgoing",
                    "partner_agency": f"NCB-{country}", "partner_country": country,
                    "category": cat, "subject": SUBJECTS[cat], "priority": priority,
                    "status": status, "opened_on": str(opened),
                    "due_on": str(opened + dt.timedelta(days=DUE_DAYS[priority])),
                    "review_on": str(opened.replace(year=opened.year + 5, day=min(opened.day, 28))),
                }
                if status in ("closed", "rejected", "transferred"):
                    rec["closed_on"] = str(_after(self.rng, opened, 1, 90))
                yield rec

    def notices(self) -> Iterator[dict[str, Any]]:
        yield from self._warrants()
        yield from self._foreign_requests()
        yield from self._regional()

    def _person(self, ref: str, origin: str | None = None) -> dict[str, Any]:
        return self.people.person(ref, origin)

    def _warrants(self) -> Iterator[dict[str, Any]]:
        """Home international arrest warrants, with arrests in the year they happen."""
        self.home_warrants: list[tuple[str, str, dt.date | None]] = []
        for year in YEARS:
            v = self.vol(year)
            for i in range(1, v.warrants_issued + 1):
                ref = f"MA-W-{year}-{i:04d}"
                person = self._person(f"P-{ref}")
                yield person
                issued = _day(self.rng, year, dt.date(year, 10, 31))
                arrested = _after(self.rng, issued, 5, 55, dt.date(year, 12, 31)) if i <= v.warrant_arrests else None
                status = "arrested" if arrested else ("published" if year >= 2024 else
                                                      self.rng.choice(["published", "hit", "located"]))
                rec = {"kind": "notice", "ref": ref, "type": "arrest_warrant", "scope": "international",
                       "status": status, "issuing_authority": "Procureur du Roi",
                       "issuing_country": self.home, "person": person["ref"],
                       "charges": self.rng.choice(CHARGES),
                       "warrant_reference": f"MA-JUD-{year}-{i:05d}", "penalty_months": 60,
                       "issued_on": str(issued), "classification": "confidential",
                       "review_on": str(issued.replace(year=year + 5, day=min(issued.day, 28)))}
                if arrested:
                    rec["arrest_on"] = str(arrested)
                self.home_warrants.append((ref, person["ref"], arrested))
                yield rec

    def _foreign_requests(self) -> Iterator[dict[str, Any]]:
        """Foreign red notices and diffusions, the national search notes broadcast at
        their request, and the international cancellation notes that end them."""
        pool: list[str] = []
        n = 0
        for year in [2019, 2020, 2021, *YEARS]:
            v = self.vol(year if year in VOLUMES else YEARS[0])
            notes = v.search_notes if year in VOLUMES else self.pool(1900)
            for _ in range(notes):
                n += 1
                country = self.partner()
                person = self._person(f"P-F-{n:06d}", origin=country)
                yield person
                issued = _day(self.rng, year)
                kind = "red" if self.rng.random() < 0.55 else "diffusion"
                fref = f"{country}-{kind[:3].upper()}-{year}-{n:06d}"
                yield {"kind": "notice", "ref": fref, "type": kind, "scope": "international",
                       "status": "published", "issuing_authority": f"BCN {country}",
                       "issuing_country": country, "person": person["ref"],
                       "charges": self.rng.choice(CHARGES), "warrant_reference": f"{country}-J-{n}",
                       "penalty_months": self.rng.choice([36, 60, 120]), "issued_on": str(issued),
                       "classification": "confidential", "restrictions": ["no_onward_sharing"]}
                if year in VOLUMES:
                    yield {"kind": "notice", "ref": f"MA-SN-{year}-{n:06d}", "type": "search_note",
                           "scope": "national", "status": "published",
                           "issuing_authority": "Bureau central national", "issuing_country": self.home,
                           "person": person["ref"], "derived_from": fref,
                           "issued_on": str(_after(self.rng, issued, 0, 20, dt.date(year, 12, 31))),
                           "classification": "confidential"}
                pool.append(fref)
            if year in VOLUMES:
                yield from self._cancel(pool, year, v.cancellations_international, "international")

    def _cancel(self, pool: list[str], year: int, count: int, scope: str) -> Iterator[dict[str, Any]]:
        self.rng.shuffle(pool)
        for i in range(min(count, len(pool))):
            target = pool.pop()
            yield {"kind": "notice", "ref": f"MA-CN-{scope[:3].upper()}-{year}-{i + 1:05d}",
                   "type": "cancellation", "scope": scope, "status": "published",
                   "issuing_authority": "Bureau central national", "issuing_country": self.home,
                   "cancels": target,
                   "cancellation_reason": self.rng.choice(["arrested", "withdrawn_by_judge",
                                                           "expired", "duplicate"]),
                   "issued_on": str(_day(self.rng, year)), "classification": "restricted"}

    def _regional(self) -> Iterator[dict[str, Any]]:
        """Arab-level wanted notices and their cancellations."""
        pool: list[str] = []
        n = 0
        arab = ["DZ", "TN", "EG", "SA", "AE", "JO", "QA", "KW", "LB", "MR"]
        for year in [2018, 2019, 2020, 2021, *YEARS]:
            count = self.vol(year).regional_wanted if year in VOLUMES else self.pool(260)
            for _ in range(count):
                n += 1
                country = self.rng.choice(arab)
                person = self._person(f"P-R-{n:06d}", origin="arab")
                yield person
                ref = f"AR-WN-{year}-{n:05d}"
                yield {"kind": "notice", "ref": ref, "type": "wanted_notice", "scope": "regional",
                       "status": "published", "issuing_authority": f"Police {country}",
                       "issuing_country": country, "person": person["ref"],
                       "charges": self.rng.choice(CHARGES), "issued_on": str(_day(self.rng, year)),
                       "classification": "confidential"}
                pool.append(ref)
            if year in VOLUMES:
                yield from self._cancel(pool, year, self.vol(year).cancellations_regional, "regional")

    def letters(self) -> Iterator[dict[str, Any]]:
        for year in YEARS:
            executed = self.vol(year).letters_executed
            for i in range(1, executed + 40):
                country = self.partner()
                received = _day(self.rng, year, dt.date(year, 9, 30))
                rec: dict[str, Any] = {
                    "kind": "rogatory_letter", "ref": f"CRI-{year}-{i:04d}", "direction": "incoming",
                    "requesting_authority": f"Juge d'instruction ({country})",
                    "requesting_country": country, "requested_authority": "Parquet général",
                    "requested_country": self.home, "subject": "Audition de témoins et saisie de documents",
                    "received_on": str(received), "due_on": str(received + dt.timedelta(days=90)),
                    "status": "registered" if i > executed + 20 else "sent_for_execution",
                }
                if i <= executed:
                    done = _after(self.rng, received, 10, 80, dt.date(year, 12, 31))
                    rec.update(status=self.rng.choice(["executed", "executed", "partially_executed", "returned"]),
                               executed_on=str(done))
                    if rec["status"] == "returned":
                        rec["returned_on"] = str(_after(self.rng, done, 0, 20))
                yield rec
            for i in range(1, 16):
                country = self.partner()
                sent = _day(self.rng, year)
                yield {"kind": "rogatory_letter", "ref": f"CRI-OUT-{year}-{i:03d}", "direction": "outgoing",
                       "requesting_authority": "Juge d'instruction", "requesting_country": self.home,
                       "requested_country": country, "requested_authority": f"Autorité centrale {country}",
                       "subject": "Demande d'entraide pénale", "received_on": str(sent),
                       "status": self.rng.choice(["registered", "sent_for_execution", "executed"])}

    def extraditions(self) -> Iterator[dict[str, Any]]:
        n = 0
        for year in YEARS:
            v = self.vol(year)
            for direction, count in (("to_home", v.surrendered_to_home), ("by_home", v.surrendered_by_home)):
                for _ in range(count + 6):
                    n += 1
                    country = self.partner()
                    person = self._person(f"P-EX-{n:05d}", origin=None if direction == "to_home" else country)
                    yield person
                    requested = _day(self.rng, year, dt.date(year, 5, 31))
                    steps = [requested]
                    for lo, hi in ((3, 30), (20, 50), (20, 50), (10, 30)):
                        steps.append(_after(self.rng, steps[-1], lo, hi))
                    rec: dict[str, Any] = {
                        "kind": "extradition", "ref": f"EX-{direction.upper()}-{n:05d}", "direction": direction,
                        "person": person["ref"],
                        "requesting_country": self.home if direction == "to_home" else country,
                        "requested_country": country if direction == "to_home" else self.home,
                        "requested_on": str(steps[0]), "provisional_arrest_on": str(steps[1]),
                        "court_opinion_on": str(steps[2]), "decree_on": str(steps[3]),
                        "classification": "confidential",
                    }
                    if count > 0:
                        count -= 1
                        day = _after(self.rng, steps[3], 5, 60, dt.date(year, 12, 31))
                        rec.update(stage="surrender", outcome="surrendered", surrendered_on=str(day))
                    else:
                        stage = self.rng.choice(["request", "provisional_arrest", "court_opinion", "decree",
                                                 "refusal", "release"])
                        rec["stage"] = stage
                        order = ["request", "provisional_arrest", "court_opinion", "decree"]
                        keep = order[: order.index(stage) + 1] if stage in order else order[:3]
                        for k in ("provisional_arrest", "court_opinion", "decree"):
                            if k not in keep:
                                rec.pop(f"{k}_on", None)
                        if stage == "refusal":
                            rec.update(outcome="refused", refused_on=str(steps[3]))
                        if stage == "release":
                            rec.update(outcome="released", released_on=str(steps[3]))
                    yield rec

    def records(self) -> Iterator[dict[str, Any]]:
        yield from self.agencies()
        yield from self.diplomacy()
        yield from self.cases()
        yield from self.notices()
        yield from self.letters()
        yield from self.extraditions()


def build_demo(session: Session, actor: Actor, *, seed: int = 2023, force: bool = False,
               scale: float = 1.0, accounts: bool = False) -> dict[str, int] | None:
    """Fill the database with the demo; ``None`` if it already holds persons (unless
    forced). ``accounts``: also the demo's user accounts (``liaison demo`` makes them)."""
    if not force and session.scalar(select(func.count()).select_from(Person)):
        return None
    builder = DemoBuilder(seed, scale)
    lines = ((i, dumps(r)) for i, r in enumerate(builder.records(), start=1))
    import_records(session, actor, lines, source="demo")
    build_showcase(session, actor, builder.people, home=builder.home,
                   home_agency=builder.home_agency)
    if accounts:
        from liaison.demo.accounts import create_accounts

        create_accounts(session, actor, builder.home_agency)
    return count_by_kind(session)
