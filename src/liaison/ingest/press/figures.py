"""Figures: value, unit, what is counted, the year, and the change against another year.

«6 473 dossiers …, avec une augmentation de 12 % par rapport à 2022» is one figure
(6473 dossiers) carrying a change (+12 % on 2022); «54 personnes …, comparativement à
69 personnes en 2022» is two figures, the first carrying the comparison. Dates, years,
ordinals («93e»), clock times, durations and anaphoric number words («les deux pays»)
are not figures.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from liaison.ingest.press.numbers import NumberMatch, as_number, find_numbers
from liaison.ingest.press.result import Change, Figure
from liaison.ingest.press.sentences import Sentence

_YEAR = r"(?:19|20)\d\d"
_PERCENT = re.compile(r"^\s*(?:%|pour\s*cent\b|pourcent\b)")
_NOT_A_FIGURE_AFTER = re.compile(
    r"^(?:e|è|ème|eme|er|re|ère)\b|^\s*h\b|^h\d|^\s*(?:fois|reprises)\b"
    r"|^\s*(?:heures?|jours?|semaines?|mois|ans|années?|minutes?|min|secondes?|h\d)\b|^\s*(?:janvier|février|mars|avril|mai|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre)\b",
    re.IGNORECASE,
)
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:n°|N°|numéro|article|art\.|№|°|\bles|\bdes|\bces|\bleurs|\bnos|\bses|\baux|\bLes"
    r"|\bDes|\bCes)\s*$"
)
#: clock times: «09:15», «10 h 30», «à 9h» (hours), and the minutes after them
_CLOCK_AFTER = re.compile(r"^\s*[:h]\s*\d{2}\b|^:\d{2}\b")
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}\s*[:h]\s*$|\bheures?\s+(?:et\s+)?$", re.IGNORECASE)
#: «multiplié par deux», «divisé par trois», «une personne sur trois»: ratios, not counts
_RATIO_BEFORE = re.compile(
    r"\b(?:multipliée?s?|divisée?s?)\s+par\s*$|\b(?:une?|\d+)\s+[\w'-]+\s+sur\s+$",
    re.IGNORECASE,
)
#: a telephone number: «+223 20 22 33 44», «01 45 67 89 10»
_PHONE = re.compile(
    r"\+\d{1,3}[ .]?(?:\(0\)\s?)?\d{1,3}(?:[ .-]\d{2,3}){2,}|(?<!\d)0\d(?:[ .-]\d{2}){4}(?!\d)"
)
_CHANGE = re.compile(
    r"(?P<kw>augmentation|hausse|progression|croissance|accroissement|baisse|diminution"
    r"|recul|régression|repli|chute|augmenté|progressé|crû|diminué|baissé|reculé|chuté"
    r"|\+|-)\s*(?:de\s+|d')?(?:plus de |près de |environ )?$",
    re.IGNORECASE,
)
_DOWN = {
    "baisse",
    "diminution",
    "recul",
    "régression",
    "repli",
    "chute",
    "-",
    "diminué",
    "baissé",
    "reculé",
    "chuté",
}
_REFERENCE = re.compile(
    rf"^\s*(?:par rapport (?:à|a)|comparativement (?:à|a)|comparée? (?:à|a)|sur|vs\.?)"
    rf"\s+(?:l'année\s+|l'exercice\s+|l'an\s+)?(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
_COMPARED = re.compile(
    r"(?:comparativement|par rapport|comparée?s?)\s+(?:à|au|aux)\s*$|\bcontre\s*$", re.I
)
_IN_YEAR = re.compile(
    rf"^[^,;.]*?\b(?:en|l'année|au titre de|pour|d'ici|à l'horizon)\s+(?:l'année\s+)?"
    rf"(?P<year>{_YEAR})\b"
)
_COMPARISON_NEAR = re.compile(r"\b(?:contre|comparativement|par rapport|comparée?s?)\b", re.I)
_REFERENCE_BEFORE = re.compile(
    r"(?:par rapport|comparativement|comparée?)\s+(?:à|a)\s+(?:l'année\s+)?$|\bsur\s+$"
)
_NUMBER_OF = re.compile(
    r"\b(?:le nombre|le total|le volume)\s+(?:de|d'|des)\s*(?P<what>[^,;]+)$", re.IGNORECASE
)
_PREVIOUS_YEAR = re.compile(
    r"^\s*(?:\w+\s+)?(?:l'année (?:précédente|dernière)|l'an dernier|l'exercice précédent"
    r"|un an plus tôt|un an auparavant)",
    re.I,
)
_LABEL_WORD = re.compile(r"\s*(?P<w>[\w'’-]+)")
_LABEL_STOP = {
    "par", "pour", "en", "dans", "avec", "qui", "que", "au", "aux", "à", "ont", "a", "sont",
    "est", "ce", "soit", "contre", "lors", "entre", "depuis", "sur", "selon", "tout",
    "tandis", "dont", "ainsi", "comparativement", "issus", "et", "ou",
}  # fmt: skip
_LEFT_VERBS = re.compile(
    r"\s*(?:représentaient|représentent|représente|représentait|constituent|constituaient"
    r"|ont représenté|a représenté|soit|avec|à hauteur de|pour|de"
    r"|(?:ont|a)\s+\w+(?:é|u|i)(?:e|s|es)?\s+de)\s*$",
    re.IGNORECASE,
)
_LEFT_ARTICLES = re.compile(r"^(?:et\s+|ou\s+)?(?:les|le|la|l'|des|du|de la)\s*", re.I)


def _label_after(text: str, max_words: int = 5) -> str:
    """The noun phrase after a number: «dossiers et demandes d'informations»."""
    words: list[str] = []
    position = 0
    rest = re.sub(r"^\s*(?:de\s+|d')", " ", text)
    while len(words) < max_words:
        match = _LABEL_WORD.match(rest, position)
        if not match:
            break
        word = match.group("w")
        lower = word.lower()
        if lower in _LABEL_STOP and not (lower == "et" and len(words) == 1):
            break
        if lower.startswith(("l'année", "l'an", "l'exercice")):
            break
        if len(words) >= 1 and lower.endswith("ant") and len(lower) > 5:
            break
        words.append(word)
        position = match.end()
    while words and words[-1].lower() in {"de", "d'", "des", "du", "la", "le", "et", "les"}:
        words.pop()
    return " ".join(words)


def _label_before(text: str) -> str:
    segment = re.split(r"[,;:()]|\d\s*(?:%|pour\s*cent)", text)[-1]
    segment = _LEFT_VERBS.sub("", segment).strip()
    return _LEFT_ARTICLES.sub("", segment).strip()


#: a number that names or places something rather than counting it
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:articles?|lois?|décrets?|arrêtés?|ordonnances?|circulaires?|dahirs?|résolutions?"
    r"|n°|no|numéros?|vol|routes? (?:nationales?|régionales?)|RN|N|A|kilomètres?|km|BP|pages?"
    r"|chapitres?|alinéas?|paragraphes?|sections?|lots?|COVID|Covid|covid)\s*(?:n°\s*)?-?$",
)
_JOINED = re.compile(r"^[-/]\d")
_NUMERIC_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
_FILE_SIZE = re.compile(r"^\s*(?:[kKMGT]o|[kKMGT]B|octets)\b")


def _skip(sentence: Sentence, number: NumberMatch) -> bool:
    text = sentence.text
    if any(d.start <= number.start < d.end for d in sentence.dates):
        return True
    if not number.in_words and re.fullmatch(_YEAR, number.text):
        return True
    if number.in_words and re.search(r"\bpour\s*$", text[: number.start]):
        return True  # «8 pour cent»
    after, before = text[number.end :], text[: number.start]
    if _NOT_A_FIGURE_AFTER.match(after) or _CLOCK_AFTER.match(after):
        return True
    if _CLOCK_BEFORE.search(before) or _RATIO_BEFORE.search(before):
        return True
    if any(m.start() <= number.start < m.end() for m in _PHONE.finditer(text)):
        return True
    if any(m.start() <= number.start < m.end() for m in _NUMERIC_DATE.finditer(text)):
        return True  # «Date de modification : 2025-11-07», «mis à jour le 19/06/2025»
    if _FILE_SIZE.match(after):
        return True  # «(PDF, 2,4 Mo)»: the size of a download
    if not number.in_words and (_IDENTIFIER_BEFORE.search(before) or _JOINED.match(after)
                                or re.search(r"\d[-/]$", before)):  # fmt: skip
        return True  # «l'article 12», «la résolution 2231», «BP 1234», «3-1», «COVID-19»
    return number.in_words and bool(_NOT_A_FIGURE_BEFORE.search(before))


def _year_of(sentence: Sentence, number: NumberMatch, doc_year: int | None) -> int | None:
    clause = _IN_YEAR.match(sentence.text[number.end :])
    if clause:
        return int(clause.group("year"))
    for match in re.finditer(rf"\b(?P<y>{_YEAR})\b", sentence.text):
        before = sentence.text[: match.start()]
        low, high = sorted((match.start(), number.start))
        if re.search(r"[;:]", sentence.text[low:high]):
            continue  # «un accord signé en 2023 reste en vigueur : il a permis …»
        if any(d.start <= match.start() < d.end for d in sentence.dates):
            continue
        if _REFERENCE_BEFORE.search(before) or _COMPARISON_NEAR.search(before[-40:]):
            continue
        if re.search(r"\b(?:en|l'année|année|bilan|exercice)\s+$", before, re.I):
            return int(match.group("y"))
    return doc_year


def document_year(sentences: list[Sentence], article_date: date | None) -> int | None:
    """The year a review speaks of: «bilan 2023», «l'année 2023», else the article's."""
    counts: Counter[int] = Counter()
    for sentence in sentences:
        for match in re.finditer(
            rf"\b(?:bilan|l'année|exercice|au titre de)\s+(?P<y>{_YEAR})\b", sentence.text, re.I
        ):
            counts[int(match.group("y"))] += 3 if sentence.first_line else 1
    if counts:
        return counts.most_common(1)[0][0]
    if article_date:
        return article_date.year
    written = Counter(
        d.span.start.year for s in sentences for d in s.dates
        if d.span.year_source == "text" and d.span.start.year
    )  # fmt: skip
    return written.most_common(1)[0][0] if written else None


#: «…, soit 9 % de moins qu'en 2023»: a difference told after the number
_LESS_OR_MORE = re.compile(
    rf"^\s*(?:de|en)\s+(?P<dir>moins|plus)\b(?:\s+(?:qu'en|qu'|que|par rapport à)\s*"
    rf"(?:l'année\s+|l'an\s+)?(?P<year>{_YEAR})\b)?",
    re.IGNORECASE,
)


def _change_after(sentence: Sentence, number: NumberMatch) -> Change | None:
    """«1 430 combattants …, soit 9 % de moins qu'en 2023»: the number is the change of
    the figure before it, told by «de moins» / «de plus» after it."""
    if not re.search(r"(?:\bsoit|[,(])\s*$", sentence.text[: number.start]):
        return None
    after = sentence.text[number.end :]
    percent = _PERCENT.match(after)
    rest = after[percent.end() :] if percent else after
    difference = _LESS_OR_MORE.match(rest)
    if not difference:
        return None
    return Change(
        direction="decrease" if difference.group("dir").lower() == "moins" else "increase",
        value=as_number(number.value),
        unit="%" if percent else None,
        reference_year=int(difference.group("year")) if difference.group("year") else None,
    )


def _change(sentence: Sentence, number: NumberMatch) -> Change | None:
    before = sentence.text[: number.start]
    keyword = _CHANGE.search(before[-60:])
    if not keyword:
        return _change_after(sentence, number)
    after = sentence.text[number.end :]
    percent = _PERCENT.match(after)
    rest = after[percent.end() :] if percent else after
    reference = _REFERENCE.match(rest)
    down = keyword.group("kw").lower() in _DOWN
    return Change(
        direction="decrease" if down else "increase",
        value=as_number(number.value),
        unit="%" if percent else None,
        reference_year=int(reference.group("year")) if reference else None,
    )


def _label(sentence: Sentence, number: NumberMatch) -> tuple[str, str]:
    """(unit, what is counted) of a number."""
    after = sentence.text[number.end :]
    percent = _PERCENT.match(after)
    if percent:
        label = _label_before(sentence.text[: number.start])
        rest = after[percent.end() :]
        if not label and re.match(r"\s*(?:des|de la|du|de l')\s", rest):
            label = _label_after(rest)
        return "%", label
    label = _label_after(after)
    if not label:  # «Le nombre de commissions … s'est établi à 1 905»
        named = _NUMBER_OF.search(sentence.text[: number.start])
        label = _label_after(named.group("what")) if named else ""
    return (label.split()[0] if label else ""), label


def _attach_change(figures: list[Figure], references: list[Figure], change: Change) -> bool:
    """Give a change («en hausse de 17 %») to the last figure that is not itself the
    reference of a comparison («contre 54 en 2023»)."""
    target = next((f for f in reversed(figures) if not any(f is r for r in references)), None)
    if target is None:
        return False
    if target.change is None:
        target.change = change
    elif target.change.value is None:
        target.change.value, target.change.unit = change.value, change.unit
        target.change.reference_year = target.change.reference_year or change.reference_year
    else:
        return False
    return True


def sentence_figures(sentence: Sentence, doc_year: int | None) -> list[Figure]:
    """The figures of one sentence, changes attached to the figure they qualify."""
    figures: list[Figure] = []
    references: list[Figure] = []
    for number in find_numbers(sentence.text):
        if _skip(sentence, number):
            continue
        change = _change(sentence, number)
        if change and _attach_change(figures, references, change):
            continue
        unit, label = _label(sentence, number)
        figure = Figure(
            value=as_number(number.value),
            unit=unit,
            counts=label,
            year=_year_of(sentence, number, doc_year),
            change=change,
            sentence=sentence.text,
            confidence=(0.75 if number.in_words else 0.9) if label else 0.5,
        )
        if figures and _COMPARED.search(sentence.text[: number.start][-40:]):
            if not figure.counts:  # «contre 15 en 2023»: the same thing, another year
                figure.unit, figure.counts = figures[-1].unit, figures[-1].counts
                figure.confidence = figures[-1].confidence
            if _PREVIOUS_YEAR.match(sentence.text[number.end :]) and figures[-1].year:
                figure.year = figures[-1].year - 1  # «contre 1 988 l'année précédente»
            _compare(figures[-1], figure)
            references.append(figure)
        figures.append(figure)
    return figures


def _compare(figure: Figure, reference: Figure) -> None:
    if figure.change is not None:
        return
    direction = "increase" if figure.value > reference.value else "decrease"
    if figure.value == reference.value:
        direction = "comparison"
    figure.change = Change(direction, None, None, reference.year, reference.value)


def find_figures(sentences: list[Sentence], article_date: date | None) -> list[Figure]:
    doc_year = document_year(sentences, article_date)
    figures: list[Figure] = []
    seen: set[tuple[float, str]] = set()
    for sentence in sorted(sentences, key=lambda s: s.heading):  # body before headings
        for figure in sentence_figures(sentence, doc_year):
            key = (figure.value, figure.unit)
            if sentence.heading and key in seen:
                continue
            seen.add(key)
            figures.append(figure)
    return figures
