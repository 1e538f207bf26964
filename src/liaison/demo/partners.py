"""Public partners of the demo: the agencies, events, meetings and agreement that
public French-language press releases about the Moroccan bureau name, plus each
partner country's NCB. Facts only (names, dates, places)."""

from __future__ import annotations

from typing import Any

#: (ref, name, acronym, country, type)
AGENCIES: list[tuple[str, str, str, str | None, str]] = [
    ("DGSN", "Direction générale de la sûreté nationale", "DGSN", "MA", "police"),
    ("DGST", "Direction générale de la surveillance du territoire", "DGST", "MA", "intelligence"),
    ("DGPN-FR", "Direction générale de la police nationale", "DGPN", "FR", "police"),
    ("DGSI-FR", "Direction générale de la sécurité intérieure", "DGSI", "FR", "intelligence"),
    ("FBI-US", "Federal Bureau of Investigation", "FBI", "US", "police"),
    ("CIA-US", "Central Intelligence Agency", "CIA", "US", "intelligence"),
    ("VSSE-BE", "Sûreté de l'État", "VSSE", "BE", "intelligence"),
    ("PSS-SA", "Présidence de la sécurité de l'État", "PSS", "SA", "intelligence"),
    ("SIRP-PT", "Système d'information de la République portugaise", "SIRP", "PT", "intelligence"),
    ("SIS-PT", "Service de renseignement de sécurité", "SIS", "PT", "intelligence"),
    ("BFV-DE", "Office fédéral de protection de la Constitution", "BfV", "DE", "intelligence"),
    ("DSN-AT", "Direction de la protection de l'État et du renseignement", "DSN", "AT", "intelligence"),
    ("PN-ES", "Policía Nacional", "CNP", "ES", "police"),
    ("GC-ES", "Guardia Civil", "GC", "ES", "police"),
    ("INTERPOL", "Organisation internationale de police criminelle", "INTERPOL", None,
     "international_organisation"),
    ("CMAI", "Conseil des ministres arabes de l'Intérieur", "CMAI", None, "international_organisation"),
    ("UA", "Union africaine", "UA", None, "international_organisation"),
    ("ONU", "Organisation des Nations unies", "ONU", None, "international_organisation"),
    ("EUROPOL", "Agence de l'Union européenne pour la coopération des services répressifs",
     "Europol", None, "international_organisation"),
    ("AFRIPOL", "Mécanisme africain de coopération policière", "AFRIPOL", None,
     "international_organisation"),
]

#: partner countries of the cooperation files, with their weight (Spain and France lead)
PARTNER_WEIGHTS: dict[str, int] = {
    "ES": 37, "FR": 28, "BE": 5, "NL": 4, "IT": 4, "DE": 3, "PT": 2, "GB": 1, "US": 1,
    "CA": 1, "DZ": 1, "TN": 1, "SN": 1, "ML": 1, "CI": 1, "MR": 1, "SA": 1, "AE": 1,
    "QA": 1, "EG": 1, "TR": 1, "CH": 1, "SE": 1, "NO": 1,
}

EVENTS: list[dict[str, Any]] = [
    {"kind": "event", "ref": "EV-INTERPOL-GA91", "name": "91e Assemblée générale d'INTERPOL",
     "place": "Vienne", "country": "AT", "starts_on": "2023-11-28", "ends_on": "2023-12-01",
     "classification": "public"},
    {"kind": "event", "ref": "EV-ARAB-POLICE-47",
     "name": "47e conférence des dirigeants de la police et de la sécurité arabes",
     "place": "Tanger", "country": "MA", "starts_on": "2023-12-06", "ends_on": "2023-12-07",
     "classification": "public"},
    {"kind": "event", "ref": "EV-INTERPOL-GA92", "name": "92e Assemblée générale d'INTERPOL",
     "place": "Glasgow", "country": "GB", "starts_on": "2024-11-04", "ends_on": "2024-11-07",
     "classification": "public"},
    {"kind": "event", "ref": "EV-INTERPOL-GA93", "name": "93e Assemblée générale d'INTERPOL",
     "place": "Marrakech", "country": "MA", "starts_on": "2025-11-24", "ends_on": "2025-11-27",
     "classification": "public"},
]

HAMMOUCHI = {"name": "Abdellatif Hammouchi",
             "role": "Directeur général de la Sûreté nationale et de la Surveillance du territoire",
             "agency": "DGSN"}

#: (ref, date, place, country met, their agency, their participant, their role, topics)
MEETINGS_2023: list[tuple[str, str, str, str, str, str, str, list[str]]] = [
    ("MT-2023-DGSI-1", "2023-12-14", "Rabat", "FR", "DGSI-FR", "Nicolas Lerner",
     "Directeur général de la sécurité intérieure", ["renseignement", "sécurité"]),
    ("MT-2023-DGSI-2", "2023-12-15", "Rabat", "FR", "DGSI-FR", "Nicolas Lerner",
     "Directeur général de la sécurité intérieure", ["coordination opérationnelle"]),
]

#: bilateral meetings of the year under review, one per partner service named
BILATERAL_2023: list[tuple[str, str]] = [
    ("INTERPOL", ""), ("FBI-US", "US"), ("CIA-US", "US"), ("DGPN-FR", "FR"), ("VSSE-BE", "BE"),
    ("PSS-SA", "SA"), ("SIRP-PT", "PT"), ("SIS-PT", "PT"), ("BFV-DE", "DE"), ("DSN-AT", "AT"),
]

ACTION_PLAN_FR: dict[str, Any] = {
    "kind": "agreement", "ref": "AG-2025-MA-FR-PLAN", "type": "action_plan",
    "title": "Plan d'action conjoint entre la Sûreté nationale du Maroc et la Police nationale française",
    "signed_on": "2025-06-24", "place": "Rabat", "status": "in_force",
    "subjects": ["criminalité organisée transfrontalière", "coopération opérationnelle"],
    "parties": [{"agency": "DGSN", "country": "MA"}, {"agency": "DGPN-FR", "country": "FR"}],
    "classification": "public",
}
