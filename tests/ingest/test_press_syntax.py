"""What the press reader gets from the structure of a sentence rather than from lists of
phrasings: who a plural subject or a role names, which signings and meetings did not
take place, which day an undated signing or a «la veille» refers to, and the page
furniture and numbers that are no figures. Sample texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from liaison.ingest.press import extract
from liaison.ingest.press.clean import clean_page
from liaison.ingest.press.dates import find_dates
from liaison.ingest.press.nlp import load_pipeline
from liaison.ingest.press.syntax import load_parser


@pytest.fixture(scope="module", autouse=True)
def _models() -> None:
    load_pipeline()
    load_parser()


def _days(meeting: object) -> list[str]:
    return [d.start.iso() for d in meeting.dates]  # type: ignore[attr-defined]


def _names(meeting: object) -> list[str]:
    return [p.name for p in meeting.participants]  # type: ignore[attr-defined]


def test_a_plural_subject_takes_the_people_met_before_and_this_morning_is_the_article_day() -> None:
    text = (
        "Lyon, 12 mars 2026 – La directrice de la police judiciaire belge, Mme Ilse Peeters, "
        "a rencontré hier à Lyon le chef du service de coopération, M. Arnaud Delorme.\n\n"
        "Les deux responsables se sont revus ce matin à Lyon, en présence du capitaine "
        "Julien Favre.\n"
    )
    first, second = extract(text).meetings
    assert _days(first) == ["2026-03-11"]
    assert _names(first) == ["Ilse Peeters", "Arnaud Delorme"]
    assert _days(second) == ["2026-03-12"]
    assert set(_names(second)) == {"Ilse Peeters", "Arnaud Delorme", "Julien Favre"}


def test_one_after_the_other_is_one_meeting_each() -> None:
    text = (
        "Tunis, le 20 juin 2025 | 08:30\n\n"
        "Le chef de la police grecque, M. Nikos Pappas, a successivement rencontré, jeudi 19 "
        "juin, le directeur de la sûreté, M. Walid Gharbi, puis le procureur, M. Sami Ayari.\n"
    )
    result = extract(text)
    assert result.article_date == date(2025, 6, 20)  # a dateline on its own line
    assert sorted(_names(m)[-1] for m in result.meetings) == ["Sami Ayari", "Walid Gharbi"]
    assert all(_days(m) == ["2025-06-19"] for m in result.meetings)
    assert all(_names(m)[0] == "Nikos Pappas" for m in result.meetings)
    assert 8 not in {f.value for f in result.figures}  # the clock time is no figure


def test_a_role_as_subject_and_the_day_before_an_audience_told_earlier() -> None:
    text = (
        "Rabat, 6 novembre 2025 – Le ministre de la Justice, M. Omar Bennani, a reçu mercredi "
        "le président d'EUROJUST, M. Klaus Weber, en visite du 3 au 7 novembre.\n\n"
        "Le président avait été accueilli la veille par le procureur général, M. Reda Lahlou.\n"
    )
    first, second = extract(text).meetings
    assert _days(first) == ["2025-11-05"]  # the visit's span is not the audience's day
    assert _days(second) == ["2025-11-04"]
    assert _names(second) == ["Klaus Weber", "Reda Lahlou"]


def test_planned_postponed_and_conditional_signings_are_no_agreements() -> None:
    text = (
        "La signature du mémorandum d'entente, prévue jeudi, a été reportée. Un accord de "
        "réadmission pourrait être conclu en juin. Le protocole de coopération sera signé à "
        "Dakar.\n"
    )
    assert extract(text).agreements == []


def test_a_signed_noun_without_its_usual_complement_and_its_date_from_the_meeting() -> None:
    text = (
        "Les chefs des polices de la Moldavie, de la Roumanie et de l'Ukraine se sont réunis "
        "les 4 et 5 mars 2025 à Chisinau.\n\n"
        "Au terme des travaux, ils ont adopté une déclaration finale sur les armes légères.\n"
    )
    (agreement,) = extract(text).agreements
    assert agreement.kind == "declaration"
    assert agreement.date is not None and agreement.date.start.iso() == "2025-03-05"
    assert agreement.place == "Chisinau"


def test_a_videoconference_and_a_meeting_to_come_are_no_meetings() -> None:
    text = (
        "Paris, 3 février 2026 – Le directeur de la police aux frontières, M. Luc Arnaud, a "
        "tenu lundi une réunion par visioconférence avec son homologue irlandais, M. Sean "
        "Byrne. Les deux hommes se rencontreront à Dublin le 2 mars prochain.\n"
    )
    assert extract(text).meetings == []


def test_coming_dates_and_spans_still_going_on() -> None:
    (coming,) = find_dates("le 17 mars prochain", date(2026, 2, 3))
    assert coming.span.start.iso() == "2026-03-17"
    (span,) = find_dates("en visite du 25 au 28 novembre", date(2025, 11, 27))
    assert (span.span.start.iso(), span.span.end and span.span.end.iso()) == (
        "2025-11-25",
        "2025-11-28",
    )


@pytest.mark.parametrize(
    "line",
    [
        "Contact presse : +33 1 45 67 89 10",
        "Vidéo | Le président inaugure un commissariat",
        "Newsletter – Recevez chaque semaine nos communiqués",
    ],
)
def test_contact_lines_teasers_and_newsletters_are_furniture(line: str) -> None:
    page = clean_page(line + "\n\nLe ministre a salué la coopération.")
    assert page.paragraphs == ["Le ministre a salué la coopération."]
    assert page.dateline_place is None


def test_a_headline_with_a_dash_is_no_dateline() -> None:
    page = clean_page("Niger – Bénin : la coopération relancée\n\nLe texte a été signé.")
    assert page.dateline_place is None


def test_ratios_repetitions_phone_numbers_and_clock_times_are_no_figures() -> None:
    text = (
        "Les saisies ont été multipliées par trois et le service a été saisi à deux reprises. "
        "La réunion a commencé à 9 h 30 et fini à onze heures trente. Une victime sur trois "
        "était mineure. Appelez le 01 23 45 67 89. L'unité a traité "
        "1 204 signalements, soit quarante pour cent de plus.\n"
    )
    (figure,) = extract(text).figures  # «soit quarante pour cent de plus» qualifies it
    assert (figure.value, figure.unit) == (1204, "signalements")
    assert figure.change is not None
    assert (figure.change.direction, figure.change.value, figure.change.unit) == (
        "increase", 40, "%")  # «pour cent» is no hundred  # fmt: skip


def test_an_interview_to_the_press_is_no_meeting_and_a_fronted_pronoun_is_the_last_named() -> None:
    text = (
        "Dakar, 12 juin 2025\n\n"
        "Le chef de la police, M. Alioune Faye, a accordé lundi un entretien au quotidien « Le "
        "Soleil ».\n\n"
        "Mardi dernier, il avait reçu à Dakar le commissaire portugais M. Rui Costa.\n"
    )
    (meeting,) = extract(text).meetings
    assert _names(meeting) == ["Alioune Faye", "Rui Costa"]
    assert _days(meeting) == ["2025-06-10"]


def test_an_agreement_reached_and_a_day_of_the_current_month() -> None:
    text = (
        "Lomé, le 18 septembre 2025\n\n"
        "Les ministres togolais et béninois sont parvenus à un accord sur les patrouilles "
        "conjointes le 16 courant. Ils n'ont pas trouvé d'accord sur les visas.\n"
    )
    result = extract(text)
    (agreement,) = result.agreements
    assert agreement.kind == "agreement"
    assert agreement.date is not None and agreement.date.start.iso() == "2025-09-16"
    assert 16 not in {f.value for f in result.figures}


def test_the_text_signed_refers_back_and_bilateral_talks_are_one_meeting_each() -> None:
    text = (
        "Lisbonne, 2 octobre 2025\n\n"
        "Les polices portugaise et cap-verdienne se sont dotées hier d'un protocole de "
        "coopération.\n\n"
        "Le document a été signé par M. Rui Fonseca et M. Carlos Tavares.\n\n"
        "Le ministre, M. Nuno Silva, a eu jeudi des entretiens bilatéraux avec ses homologues "
        "d'Angola, M. Manuel Dias, et du Brésil, M. Paulo Lima.\n"
    )
    result = extract(text)
    (agreement,) = result.agreements
    assert agreement.kind == "protocol"
    assert agreement.date is not None and agreement.date.start.iso() == "2025-10-01"
    assert agreement.signatories == ["Rui Fonseca", "Carlos Tavares"]
    talks = sorted(_names(m) for m in result.meetings)
    assert talks == [["Nuno Silva", "Manuel Dias"], ["Nuno Silva", "Paulo Lima"]]


def test_a_guest_is_met_and_a_plan_adopted_beside_the_minutes_counts() -> None:
    text = (
        "Hanoï, 3 décembre 2025 – Le chef de la police laotienne, M. Bounmy Vongsa, était "
        "mardi l'invité du vice-ministre vietnamien, M. Tran Quoc Anh, à Hanoï.\n\n"
        "Au terme de la rencontre, ils ont approuvé le procès-verbal et un plan de travail "
        "pour 2026.\n"
    )
    result = extract(text)
    (meeting,) = result.meetings
    assert _names(meeting) == ["Bounmy Vongsa", "Tran Quoc Anh"]
    assert _days(meeting) == ["2025-12-02"]
    (agreement,) = result.agreements
    assert agreement.kind == "action_plan"
    assert agreement.date is not None and agreement.date.start.iso() == "2025-12-02"


def test_no_agreement_signed_two_agreements_counted_and_a_past_signing_keeps_its_day() -> None:
    none = extract(
        "Oslo, 2 mars 2026 – Aucun accord n'a été signé lors de la visite du ministre danois, "
        "M. Lars Holm, à Riga, où il a rencontré jeudi son homologue letton, M. Janis Ozols.\n"
    )
    assert none.agreements == []
    (meeting,) = none.meetings
    assert _names(meeting) == ["Lars Holm", "Janis Ozols"]
    two = extract(
        "Rome, 5 juin 2025 – Les ministres, M. Paolo Neri et Mme Ana Kola, ont signé mercredi "
        "à Rome deux accords : l'un sur la réadmission, l'autre sur la formation.\n"
    )
    assert [a.kind for a in two.agreements] == ["agreement", "agreement"]
    past = extract(
        "Madrid, 20 janvier 2026 – M. Luis Vega a reçu hier M. Diego Ruiz, avec qui il a fait "
        "le point sur la convention d'entraide signée le 12 mars 2024.\n"
    )
    (convention,) = past.agreements
    assert convention.date is not None and convention.date.start.iso() == "2024-03-12"
    assert _days(past.meetings[0]) == ["2026-01-19"]


def _kinds(result: object) -> list[str]:
    return sorted(a.kind for a in result.agreements)  # type: ignore[attr-defined]


def test_an_announced_list_is_read_with_its_sentence() -> None:
    text = (
        "Bissau, le 8 octobre 2025 – Le ministre de l'Intérieur, M. Botche Candé, a reçu "
        "mardi son homologue cap-verdien, M. Paulo Rocha.\n\n"
        "À l'issue de leurs entretiens, deux textes ont été signés :\n"
        "- un protocole relatif aux patrouilles maritimes ;\n"
        "- un plan d'action contre la pêche illicite.\n"
    )
    result = extract(text)
    assert _kinds(result) == ["action_plan", "protocol"]
    assert {a.date.start.iso() for a in result.agreements} == {"2025-10-07"}  # type: ignore[union-attr]


def test_received_one_after_the_other_on_days_of_their_own() -> None:
    text = (
        "Accra, 24 avril 2026 – Le commissaire de la police togolaise, M. Kossi Adjo, "
        "achève une visite au cours de laquelle il a été reçu successivement :\n"
        "- lundi, par le ministre de l'Intérieur, M. Kwaku Boateng ;\n"
        "- mardi, par l'inspectrice générale, Mme Abena Owusu.\n"
    )
    meetings = extract(text).meetings
    assert sorted((_days(m)[0], _names(m)[-1]) for m in meetings) == [
        ("2026-04-20", "Kwaku Boateng"), ("2026-04-21", "Abena Owusu")]  # fmt: skip
    assert all(_names(m)[0] == "Kossi Adjo" for m in meetings)


def test_the_same_host_receiving_someone_else_is_another_meeting() -> None:
    text = (
        "Tunis, 9 avril 2025 – Le ministre de l'Intérieur, M. Kamel Ferjani, a reçu mardi "
        "l'ambassadeur d'Italie, M. Marco Galli. Le ministre a également reçu, le même jour, "
        "l'ambassadeur d'Autriche, M. Peter Huber.\n"
    )
    meetings = extract(text).meetings
    assert sorted(_names(m)[-1] for m in meetings) == ["Marco Galli", "Peter Huber"]


def test_a_signing_only_promised_and_a_count_whose_items_are_named() -> None:
    promised = (
        "Abidjan, 12 septembre 2025 – Les deux parties ont adopté jeudi une feuille de route "
        "et se sont engagées à signer un accord de coopération d'ici la fin de l'année.\n"
    )
    assert _kinds(extract(promised)) == ["action_plan"]
    counted = (
        "Rabat, 10 juin 2025 – Le Maroc et la France ont signé lundi à Rabat trois accords : "
        "un accord de réadmission, une convention d'entraide judiciaire et un protocole de "
        "coopération policière.\n"
    )
    assert _kinds(extract(counted)) == ["agreement", "convention", "protocol"]
    initialled = (
        "Tunis, 5 mai 2025 – La Tunisie et l'Italie ont paraphé vendredi un accord sur la "
        "migration, qui sera signé le mois prochain à Rome.\n"
    )
    assert [a.date.start.iso() for a in extract(initialled).agreements] == ["2025-05-02"]  # type: ignore[union-attr]


def test_a_visit_over_several_days_is_the_frame_of_the_meetings_told_day_by_day() -> None:
    text = (
        "Tunis, le 4 mars 2026 – Le chef de la police maltaise, M. Joseph Farrugia, a "
        "effectué du dimanche 1er au mardi 3 mars une visite de travail en Tunisie, à "
        "l'invitation de son homologue, M. Slim Gharbi.\n\n"
        "Lundi, M. Farrugia s'est rendu au siège de la police à Tunis, où il a été accueilli "
        "par M. Gharbi pour une séance de travail.\n\n"
        "Le lendemain, toujours à Tunis, il a échangé avec le procureur, M. Anis Dridi.\n"
    )
    meetings = extract(text).meetings
    assert sorted((_days(m), _names(m)) for m in meetings) == [
        (["2026-03-02"], ["Joseph Farrugia", "Slim Gharbi"]),
        (["2026-03-03"], ["Joseph Farrugia", "Anis Dridi"]),
    ]


def test_a_meeting_on_the_occasion_told_before_and_another_partner_after_puis() -> None:
    text = (
        "Rabat, le 3 juillet 2025 – Le ministre, M. Karim Alami, et l'ambassadeur d'Autriche, "
        "M. Lukas Gruber, ont procédé mardi à l'échange des instruments de ratification de "
        "la convention signée le 4 avril 2024 à Vienne.\n\n"
        "En marge de la cérémonie, M. Alami s'est entretenu avec le directeur de la police "
        "autrichienne, M. Stefan Bauer.\n\n"
        "Le 2 juillet, Mme Hanna Lind a tenu une séance de travail avec M. Ole Berg, puis une "
        "réunion avec M. Piet Maas.\n"
    )
    meetings = {tuple(_names(m)): _days(m) for m in extract(text).meetings}
    assert meetings[("Karim Alami", "Stefan Bauer")] == ["2025-07-01"]
    assert meetings[("Hanna Lind", "Ole Berg")] == ["2025-07-02"]
    assert meetings[("Hanna Lind", "Piet Maas")] == ["2025-07-02"]


def test_an_earlier_meeting_of_its_own_time_is_another_meeting() -> None:
    text = (
        "Pretoria, 25 juin 2025 – Le ministre, M. Senzo Dube, s'est entretenu lundi avec le "
        "commissaire, M. Stephen Moyo. M. Dube s'était entretenu avec M. Moyo une première "
        "fois en mars.\n"
    )
    assert sorted(_days(m) for m in extract(text).meetings) == [[], ["2025-06-23"]]


def test_a_difference_after_the_number_dates_and_file_sizes_and_a_region_in_the_dateline() -> None:
    text = (
        "Québec (Québec), le 7 novembre 2025 – En 2024, 44 tonnes ont été saisies, soit 21 % "
        "de moins qu'en 2023.\n\n"
        "Télécharger le rapport (PDF, 2,4 Mo)\n\nDate de modification : 2025-11-07\n"
    )
    result = extract(text)
    assert result.article_date == date(2025, 11, 7)
    (figure,) = result.figures
    assert figure.value == 44 and figure.change is not None
    assert (figure.change.direction, figure.change.value, figure.change.reference_year) == (
        "decrease", 21, 2023)  # fmt: skip


def test_what_a_signing_noun_names_an_object_hung_elsewhere_and_an_earlier_signing() -> None:
    adopted = (
        "Dakar, 9 avril 2025 – Les travaux de la commission mixte, ouverts lundi à Dakar, ont "
        "été sanctionnés mercredi par l'adoption d'une déclaration finale.\n"
    )
    (declaration,) = extract(adopted).agreements
    assert (declaration.kind, declaration.date.start.iso()) == ("declaration", "2025-04-09")  # type: ignore[union-attr]
    hung = (
        "Cotonou, 19 août 2025 – Le ministre, M. Alassane Dossou, a signé lundi, au nom du "
        "gouvernement, un accord de siège avec le représentant de l'ONUDC, M. Pierre Lamy.\n"
    )
    assert [a.kind for a in extract(hung).agreements] == ["agreement"]
    recalled = (
        "Madrid, 30 janvier 2026 – Le ministre, M. Fernando Ruiz, a évoqué le mémorandum "
        "d'entente signé en 2019 avec le Maroc, lors d'une conférence de presse mardi.\n"
    )
    assert [a.date for a in extract(recalled).agreements] == [None]
    wished = (
        "Accra, 3 mars 2025 – Le ministre a plaidé mardi pour la signature d'un accord de "
        "réadmission avec le Togo.\n"
    )
    assert extract(wished).agreements == []


def test_then_with_someone_new_is_another_meeting() -> None:
    text = (
        "Rabat, 17 décembre 2025 – Le directeur du FBI, M. Kash Porter, a été reçu mardi par "
        "le directeur général, M. Adil Hamdi. Les deux responsables se sont ensuite "
        "entretenus avec le procureur général, M. Hicham Bali.\n"
    )
    meetings = extract(text).meetings
    assert sorted(len(_names(m)) for m in meetings) == [2, 3]
    assert all(_days(m) == ["2025-12-16"] for m in meetings)


def test_numbers_that_name_or_place_something_are_no_figures() -> None:
    text = (
        "Rabat, 4 mars 2025 – En application de l'article 12 de la loi n° 2024-15, la brigade "
        "compte 45 enquêteurs. L'équipe a gagné 3-1. Le COVID-19 a réduit les contrôles. "
        "Adresse : BP 1234. La résolution 2231 a été citée.\n"
    )
    assert [(f.value, f.unit) for f in extract(text).figures] == [(45, "enquêteurs")]


def test_a_second_agreement_joined_to_the_verb_by_ainsi_que() -> None:
    text = (
        "Madrid, 5 décembre 2025 – Les ministres de l'Intérieur de l'Espagne, du Portugal et "
        "de la France ont signé jeudi à Madrid une déclaration commune sur la migration, ainsi "
        "qu'un accord trilatéral de coopération policière.\n"
    )
    assert _kinds(extract(text)) == ["agreement", "declaration"]


def test_an_undated_signing_takes_the_day_of_its_occasion() -> None:
    closing = (
        "Alger, le 16 octobre 2025\n\n"
        "La 4e Conférence régionale s'est achevée hier à Alger, après trois jours de travaux.\n\n"
        "Le 14 octobre, le président, M. Omar Slimani, s'est entretenu avec M. Jan Novak.\n\n"
        "Au dernier jour des travaux, un mémorandum d'entente a été signé. Les délégations "
        "ont également adopté un plan d'action.\n"
    )
    assert {a.date.start.iso() for a in extract(closing).agreements} == {"2025-10-15"}  # type: ignore[union-attr]
    party = (
        "Dakar, 14 juin 2025\n\n"
        "Le chef du bureau, M. Aliou Ndiaye, a reçu au cours de la semaine :\n"
        "- lundi 9 juin, une délégation de la police gambienne conduite par M. Lamin Ceesay ;\n"
        "- jeudi 12 juin, la directrice de la police malienne, Mme Awa Keïta.\n\n"
        "Avec la délégation gambienne, un arrangement technique a été signé.\n"
    )
    result = extract(party)
    assert sorted(_days(m)[0] for m in result.meetings) == ["2025-06-09", "2025-06-12"]
    assert [a.date.start.iso() for a in result.agreements] == ["2025-06-09"]  # type: ignore[union-attr]


def test_the_agreement_named_again_and_a_signing_followed_by_meetings() -> None:
    text = (
        "Lisbonne, 27 mai 2026 (MAP) – Les écoles de police de Rabat et de Queluz ont signé "
        "mardi à Lisbonne un accord de jumelage.\n\n"
        "L'accord a été signé par le colonel Rachid Alaoui et le major Rui Lopes.\n\n"
        "La signature a été précédée de deux réunions de travail entre les deux hommes.\n"
    )
    result = extract(text)
    (agreement,) = result.agreements
    assert agreement.date.start.iso() == "2026-05-26"  # type: ignore[union-attr]
    assert set(agreement.signatories) == {"Rachid Alaoui", "Rui Lopes"}
    (meeting,) = result.meetings
    assert (_days(meeting), set(_names(meeting))) == (
        ["2026-05-26"],
        {"Rachid Alaoui", "Rui Lopes"},
    )


def test_datelines_written_otherwise() -> None:
    for line, day in [
        ("Le 24 septembre 2026 – Ottawa (Ontario) – Gendarmerie royale", date(2026, 9, 24)),
        ("Par Abdel Youssouf – 10 avril 2026", date(2026, 4, 10)),
        ("Madrid, 9 déc 2025 (AFP) - Le ministre a signé mardi un accord.", date(2025, 12, 9)),
        ("Date de publication : 12-05-2026 | 14:20", date(2026, 5, 12)),
        ("Publié le 24 avril 2026 à 17:05 | Par la rédaction | 3 commentaires", date(2026, 4, 24)),
    ]:  # fmt: skip
        page = clean_page(f"Titre\n\n{line}\n\nLe ministre a reçu mardi M. Paul Sow.\n")
        assert page.article_date == day, line


def test_a_gathering_closed_on_the_day_told_and_page_furniture_of_other_kinds() -> None:
    text = (
        "Dernières dépêches\n"
        "11:05 Maroc : ouverture du Salon de l'automobile à Casablanca\n\n"
        "Par Amina Diallo | Lu 1 245 fois\n\n"
        "Alger, le 16 octobre 2025 – La 6e Assemblée générale d'AFRIPOL s'est achevée hier à "
        "Alger, après trois jours de travaux.\n\n"
        "Communiqués associés\n"
        "Le Brésil et le Chili signent un accord\n\n"
        "Vous avez lu 2 de vos 5 articles gratuits ce mois-ci.\n"
    )
    result = extract(text)
    (event,) = result.events
    assert (event.dates.start.iso(), event.dates.end.iso()) == ("2025-10-13", "2025-10-15")  # type: ignore[union-attr]
    assert {c.code for c in result.countries} == set()
    assert result.people == [] and result.figures == []


def test_an_honorific_a_capitalised_grade_and_countries_named_otherwise() -> None:
    text = (
        "Doha, 3 février 2026 – Le ministre, Cheikh Khalid bin Hamad Al-Thani, a reçu mardi "
        "le Contrôleur général Sylvain Koffi Yapo et le commandant Cheikh Ndiaye. Les "
        "délégations du Congo et la Police grand-ducale étaient présentes.\n"
    )
    result = extract(text)
    names = {p.name for p in result.people}
    assert {"Khalid bin Hamad Al-Thani", "Sylvain Koffi Yapo", "Cheikh Ndiaye"} <= names
    assert {"CG", "LU"} <= {c.code for c in result.countries}


def test_agreements_reached_crowning_drafted_or_signed_earlier() -> None:
    reached = (
        "Rome, 8 octobre 2025 – Après deux jours de négociations, les délégations italienne et "
        "libyenne sont parvenues mardi soir à un accord sur la surveillance des côtes.\n"
    )
    assert [a.date.start.iso() for a in extract(reached).agreements] == ["2025-10-07"]  # type: ignore[union-attr]
    crowning = (
        "Yaoundé, 12 novembre 2025 – La délégation tchadienne, conduite par le général Ahmat "
        "Saleh, a été reçue mardi par M. Martin Nguele. Un protocole d'accord a sanctionné "
        "cette rencontre.\n"
    )
    assert [a.date.start.iso() for a in extract(crowning).agreements] == ["2025-11-11"]  # type: ignore[union-attr]
    drafted = (
        "Bruxelles, 15 avril 2025 – Le Conseil des ministres a approuvé vendredi le projet "
        "d'accord de coopération policière avec le Maroc, qui sera signé en mai.\n"
    )
    assert extract(drafted).agreements == []
    earlier = (
        "Niamey, 30 septembre 2025 – Le Niger et le Mali ont signé lundi une charte de sécurité. "
        "Ils avaient signé en mars un protocole d'entraide.\n"
    )
    days = sorted(str(a.date.start.iso() if a.date else None) for a in extract(earlier).agreements)
    assert days == ["2025-09-29", "None"]


def test_a_meeting_noun_after_its_support_verb_and_the_delegation_as_subject() -> None:
    support = (
        "Abidjan, 9 octobre 2025 – Arrivé lundi à Abidjan, le directeur de la police ghanéenne, "
        "M. George Amankwah, a été accueilli par M. Youssouf Koné. Les deux hommes ont tenu "
        "mardi une séance de travail.\n"
    )
    meetings = {(tuple(_names(m)), tuple(_days(m))) for m in extract(support).meetings}
    assert (("George Amankwah", "Youssouf Koné"), ("2025-10-07",)) in meetings
    delegation = (
        "Nouakchott, 9 octobre 2025 – Le ministre, M. Ali Traoré, a reçu mardi une délégation "
        "de l'Union européenne conduite par Mme Ylva Berg. Mercredi, la délégation a rencontré "
        "le général Sidi Khattri.\n"
    )
    meetings = {(tuple(_names(m)), tuple(_days(m))) for m in extract(delegation).meetings}
    assert (("Ylva Berg", "Sidi Khattri"), ("2025-10-08",)) in meetings


def test_a_day_of_the_next_two_weeks_is_this_years() -> None:
    day = find_dates("se tient du 24 au 27 novembre à Marrakech", date(2025, 11, 20))[0].span
    assert (day.start.iso(), day.end.iso()) == ("2025-11-24", "2025-11-27")  # type: ignore[union-attr]
    assert find_dates("signé le 12 mars", date(2025, 11, 20))[0].span.start.iso() == "2025-03-12"
    assert find_dates("le 20 décembre", date(2025, 11, 20))[0].span.start.iso() == "2024-12-20"


def test_a_signing_a_meeting_should_lead_to_and_a_meeting_going_on_until_thursday() -> None:
    text = (
        "Nouakchott, 30 janvier 2026\n\n"
        "Le ministre, M. Ahmed Salem, a présidé mardi, aux côtés de son homologue malien, le "
        "général Daoud Keïta, l'ouverture des travaux de la commission mixte.\n\n"
        "Cette réunion, qui se poursuit jusqu'à jeudi, doit déboucher sur la signature d'un "
        "protocole relatif aux patrouilles conjointes.\n\n"
        "En marge des travaux, les deux ministres ont eu un tête-à-tête.\n"
    )
    result = extract(text)
    assert result.agreements == []
    assert all("2026-02-05" not in _days(m) for m in result.meetings)


def test_agreements_counted_named_in_the_plural_or_told_as_another() -> None:
    counted = (
        "Dakar, 9 mai 2025 – Les ministres ont signé jeudi trois conventions relatives à la "
        "sécurité des frontières. Vingt-trois accords techniques ont été signés cette année, "
        "dont un arrangement avec la police gambienne.\n"
    )
    assert _kinds(extract(counted)) == ["agreement", "convention", "convention", "convention"]
    another = (
        "Niamey, 19 mars 2025 – Un accord a été signé lundi entre le Niger et le Tchad. Un "
        "second accord, relatif à l'extradition, a été paraphé le même jour.\n"
    )
    assert _kinds(extract(another)) == ["agreement", "agreement"]


def test_meeting_verbs_with_a_thing_as_object_and_a_meeting_to_come() -> None:
    text = (
        "Rabat, 6 mars 2025 – Le ministre, M. Karim Alaoui, a accueilli favorablement mardi la "
        "proposition de son homologue, M. Erik Lind. Les enquêteurs ont rencontré lundi des "
        "difficultés, selon le procureur, M. Omar Tazi. La police a réuni mercredi des preuves "
        "contre le suspect, M. Ali Bennis. Le ministre recevra lundi prochain M. Per Holm.\n"
    )
    assert extract(text).meetings == []
    assert find_dates("lundi prochain", date(2025, 3, 6))[0].span.start.iso() == "2025-03-10"


def test_an_object_after_a_complement_and_a_second_one_joined_to_it() -> None:
    text = (
        "Bamako, 3 décembre 2025 – Les ministres du Mali et du Niger se sont réunis mardi à "
        "Bamako. Ils ont adopté, au terme de leurs travaux, un plan d'action commun et une "
        "déclaration finale.\n"
    )
    assert _kinds(extract(text)) == ["action_plan", "declaration"]


def test_the_guest_meeting_someone_else_the_same_day_is_another_meeting() -> None:
    text = (
        "Dakar, 17 février 2026\n\n"
        "Le ministre, le général Mamadou Faye, a reçu ce mardi en audience son homologue "
        "gambien, M. Lamin Jobe.\n\n"
        "Les deux ministres ont fait le point sur la coopération.\n\n"
        "Les unités mixtes ont mené 40 patrouilles.\n\n"
        "Le même jour, M. Jobe s'est entretenu avec le directeur de la police, M. Ousmane Sy.\n"
    )
    meetings = sorted((_names(m), _days(m)) for m in extract(text).meetings)
    assert meetings == [
        (["Lamin Jobe", "Ousmane Sy"], ["2026-02-17"]),
        (["Mamadou Faye", "Lamin Jobe"], ["2026-02-17"]),
    ]


def test_a_signing_at_the_close_takes_the_closing_day_told_far_up() -> None:
    text = (
        "Communiqué\n22 mai 2026\n\n"
        "La 12e Conférence régionale, ouverte le mercredi 20 mai à Riga, s'est achevée ce "
        "vendredi. Quelque 150 délégués y ont pris part. La conférence portait sur la fraude. "
        "Le président a ouvert les travaux. M. Jan Novak s'est entretenu jeudi avec "
        "Mme Ilze Berzina.\n\n"
        "Jeudi également, un accord de coopération a été signé entre les deux agences.\n\n"
        "À l'issue des travaux, les délégués ont adopté un plan d'action régional.\n"
    )
    dates = {a.kind: a.date.start.iso() for a in extract(text).agreements}  # type: ignore[union-attr]
    assert dates == {"agreement": "2026-05-21", "action_plan": "2026-05-22"}


def test_an_earlier_signing_in_a_relative_clause_does_not_undate_the_new_one() -> None:
    text = (
        "Paris, le 13 juillet 2026\n\n"
        "Le ministre de l'Intérieur, M. Paul Girard, a reçu ce lundi la ministre espagnole "
        "de l'Intérieur, Mme Lucía Moreno.\n\n"
        "Les deux ministres ont signé un plan d'action franco-espagnol contre les trafics, qui "
        "prolonge la déclaration conjointe signée à Madrid en mars 2023.\n"
    )
    dates = [a.date.start.iso() for a in extract(text).agreements if a.kind == "action_plan"]  # type: ignore[union-attr]
    assert dates == ["2026-07-13"]


def test_il_after_a_subject_told_by_role_is_the_person_of_that_role() -> None:
    text = (
        "Rapport annuel 2025\n\n"
        "Un arrangement a été signé le 13 mai 2025 à Rabat par le directeur général de la "
        "police, M. Jan Peeters, et son homologue, M. Karim Alaoui.\n\n"
        "Le directeur général a reçu à Bruxelles, le 18 novembre 2025, le chef de la police "
        "de Saxe, M. Franz Huber. Il a ensuite présidé à Mondorf-les-Bains, le 4 décembre "
        "2025, la réunion annuelle des chefs de police du Benelux.\n"
    )
    meetings = {_days(m)[0]: _names(m) for m in extract(text).meetings}
    assert "Jan Peeters" in meetings["2025-12-04"]
    assert "Franz Huber" not in meetings["2025-12-04"]


def test_a_meeting_told_of_a_part_of_the_day_takes_the_day_told_before() -> None:
    text = (
        "Paris, le 13 juillet 2026\n\n"
        "Le ministre de l'Intérieur, M. Paul Girard, a reçu ce lundi place Beauvau la ministre "
        "espagnole de l'Intérieur, Mme Lucía Moreno.\n\n"
        "Les deux ministres ont évoqué la coopération aux frontières.\n\n"
        "Dans la matinée, Mme Moreno avait été accueillie à Hendaye par le directeur général "
        "de la police nationale, M. Marc Aubry.\n"
    )
    meetings = sorted((_names(m), _days(m)) for m in extract(text).meetings)
    assert (["Lucía Moreno", "Marc Aubry"], ["2026-07-13"]) in meetings


def test_a_surname_after_a_role_noun_is_the_person_named_in_full_before() -> None:
    text = (
        "Riga, 22 mai 2026\n\n"
        "Le secrétaire général, M. Jan Novak, a ouvert les travaux aux côtés du ministre letton "
        "de l'Intérieur, M. Andris Kalnins.\n\n"
        "En marge de la conférence, M. Novak s'est entretenu jeudi avec le ministre Kalnins, "
        "puis avec la directrice de la police estonienne, Mme Kadri Saar.\n"
    )
    meetings = sorted(_names(m) for m in extract(text).meetings)
    assert ["Jan Novak", "Andris Kalnins"] in meetings
    assert ["Jan Novak", "Kadri Saar"] in meetings


def test_a_numbered_meeting_of_a_group_held_on_two_named_days_is_an_event() -> None:
    text = (
        "Doha, 9 février 2026 – La 7e réunion des chefs des polices judiciaires des pays du "
        "Golfe s'est tenue dimanche 8 et lundi 9 février à Doha.\n"
    )
    (event,) = extract(text).events
    assert "7e réunion des chefs des polices judiciaires" in event.name
    assert event.dates is not None
    assert (event.dates.start.iso(), event.dates.end.iso()) == ("2026-02-08", "2026-02-09")  # type: ignore[union-attr]


def test_recent_news_about_the_issuer_and_paywall_lines_are_page_furniture() -> None:
    text = (
        "Actualités récentes\n"
        "Le secrétaire général reçoit l'ambassadeur du Soudan\n"
        "Séminaire sur la sûreté des stades à Doha\n\n"
        "Tunis, le 19 mars 2026\n\n"
        "Selon le rapport, 31 450 contrôles ont été menés en 2025.\n\n"
        "Cet article est réservé à nos abonnés. Il vous reste 45 % à découvrir.\n"
        "Je m'abonne – 1 € le premier mois\n"
        "Réagir (7) | Partager\n\n"
        "À propos d'INTERPOL\n"
        "INTERPOL compte 196 pays membres. Son siège est à Lyon.\n"
    )
    result = extract(text)
    assert [f.value for f in result.figures] == [31450]
    assert result.countries == [] and result.events == []


def test_agreements_told_with_each_partner_and_its_own_day_are_one_each() -> None:
    text = (
        "Rabat, le 30 décembre 2025\n\n"
        "La DGSN a signé cette année quatre mémorandums d'entente, notamment avec la police "
        "nationale portugaise le 22 avril à Lisbonne et avec la police italienne le 9 octobre "
        "à Rabat.\n"
    )
    found = sorted((a.date.start.iso(), a.place, a.countries) for a in extract(text).agreements)  # type: ignore[union-attr]
    assert [(d, p) for d, p, _ in found] == [("2025-04-22", "Lisbonne"), ("2025-10-09", "Rabat")]
    assert "IT" not in found[0][2] and "PT" not in found[1][2]


def test_a_meeting_held_twice_at_two_places_is_two_meetings() -> None:
    text = (
        "Tunis, 2 décembre 2026 – Le ministre de l'Intérieur, M. Sami Gharbi, et son homologue "
        "algérien, M. Karim Bensalem, se sont réunis lundi à Tabarka.\n\n"
        "Les deux ministres s'étaient déjà rencontrés à deux reprises cette année, en mars à "
        "Alger et en juillet à Djerba.\n"
    )
    places = sorted(m.place or "" for m in extract(text).meetings if not m.dates)
    assert places == ["Alger", "Djerba"]


def test_a_gathering_that_brought_together_a_head_count_is_no_meeting() -> None:
    text = (
        "Rabat, le 30 décembre 2025\n\n"
        "Le Maroc a accueilli du 24 au 27 novembre à Marrakech la 93e session de l'Assemblée "
        "générale d'INTERPOL, qui a réuni quelque 1 200 participants venus de 170 pays.\n\n"
        "Lors de cette session, la commissaire Nadia Alami a été élue déléguée pour l'Afrique.\n"
    )
    result = extract(text)
    assert result.meetings == []
    assert [e.name for e in result.events] == ["93e session de l'Assemblée générale d'INTERPOL"]


def test_distinction_names_run_to_what_they_are_of() -> None:
    text = (
        "Dakar, 12 mai 2026\n\n"
        "L'ambassadrice, Mme Francesca Lodi, a remis les insignes de chevalier de l'ordre du "
        "Mérite de la République italienne au commissaire Ibrahima Ndiaye.\n\n"
        "Le ministre, M. Aristide Okemba, a remis la médaille d'honneur de la police "
        "congolaise au capitaine Serge Ndong.\n\n"
        "La commissaire Sofie Claes a été nommée officier de l'ordre de Léopold.\n"
    )
    names = [d.name for d in extract(text).distinctions]
    assert any("ordre du Mérite de la République italienne" in n for n in names)
    assert any("médaille d'honneur de la police" in n for n in names)
    assert any("ordre de Léopold" in n for n in names)


def test_a_name_after_a_place_noun_is_no_person() -> None:
    text = (
        "Tunis, 2 décembre 2026 – Le ministre, M. Sami Gharbi, s'est rendu lundi au poste "
        "frontalier de Ras Jedir. Près de 1,4 million de voyageurs ont franchi le poste de "
        "Ras Jedir en 2026.\n"
    )
    assert [p.name for p in extract(text).people] == ["Sami Gharbi"]


def test_a_line_ending_on_a_phone_number_is_furniture() -> None:
    text = (
        "Luxembourg, le 4 mai 2026\n\n"
        "La police a traité 1 240 demandes en 2025.\n\n"
        "Communiqué par le ministère des Affaires intérieures – Tél. (+352) 247-84600\n"
    )
    assert [f.value for f in extract(text).figures] == [1240]
