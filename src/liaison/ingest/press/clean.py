"""Page furniture: what a copied news page holds besides the article.

Headline tickers, image file names, menus, language switchers, "related articles"
markers, share buttons and credits are dropped line by line, each with the reason, so
that no country, person or figure is ever read from them. A line holding nothing but a
date (the page's dateline) gives the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from liaison.ingest.press.dates import header_date

_IMAGE = re.compile(
    r"^(?:\S*\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic)"
    r"|(?:IMG|DSC|DSCN|PXL|VID|WhatsApp[ _]Image)[ _-]?[\d_ .:-]*(?:WA\d+)?[\w.-]*)$",
    re.IGNORECASE,
)
_TICKER = re.compile(
    r"^(?:flash(?:[ -]infos?)?|derni[èe]re?s? (?:minute|infos?|nouvelles|actualités|dépêches)"
    r"|en continu|fil (?:des )?dépêches"
    r"|breaking(?: news)?|urgent|à la une|a la une|fil info|fil d'actu|brèves|ticker"
    r"|les plus lue?s|les plus (?:partagée?s|commentée?s|consultée?s)|tendances|en bref"
    r"|trending)\b\s*[:|•·»-]*",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:\**\s*related_articles\[\d+\]\s*\**|(?:[àa] lire (?:aussi|également)|lire aussi"
    r"|voir aussi|lire également|à voir aussi|articles? (?:similaires|liés|connexes|associés)"
    r"|sur le même (?:sujet|thème)|dans la même rubrique|related(?: articles)?"
    r"|vous aimerez aussi|nos derniers articles"
    # «Communiqués associés», «Autres communiqués», «Autres actualités»
    r"|(?:articles?|communiqués?|actualités?|dépêches?|nouvelles?|contenus?) (?:associée?s|liée?s"
    r"|similaires|connexes|en lien|récente?s|populaires)"
    r"|autres (?:communiqués|actualités|articles|dépêches|nouvelles)"
    r")\b)\s*[:|»>-]*",
    re.IGNORECASE,
)
#: «À propos d'INTERPOL» then a paragraph on the issuer: the boilerplate of a release
_ABOUT = re.compile(
    r"^(?:[àa] propos d(?:e\s+(?:la\s+|l')?|u\s+|es\s+|')|about\s+)[A-ZÀ-Ý][^.!?:;]{0,60}$",
    re.IGNORECASE,
)
_LANGUAGES = (
    r"(?:Arabic|English|French|Français|Francais|Anglais|Arabe|Español|Espagnol|Deutsch"
    r"|Amazigh|Tamazight|العربية|ⵜⴰⵎⴰⵣⵉⵖⵜ|Nederlands|Italiano|Português|Portugais|Italien"
    r"|FR|EN|AR|ES|DE|NL|IT|PT)"
)
_LANGUAGE_SWITCH = re.compile(rf"^(?:{_LANGUAGES}[\s|/·•-]*){{2,}}$")
_FURNITURE = re.compile(
    r"^(?:partager|share|tweet|imprimer|facebook|twitter|whatsapp|linkedin|e-?mail"
    r"|\d+\s+commentaires?|commentaires?|copyright|©|tous droits réservés|crédits? photo"
    r"|\(?photo\s*:|photo d'illustration|source\s*:|par la rédaction|mots-clés|tags\s*:"
    r"|ce site utilise des cookies|accepter les cookies|newsletter|abonnez-vous"
    r"|publié le\s*\.?$|le\s*\.$|retour en haut|lire la suite|voir plus"
    r"|contacts?(?: presse| médias)?\s*:|tél(?:éphone)?\.?\s*:|fax\s*:|courriel\s*:"
    # «Communiqué par le ministère … – Tél. (+352) 247-84600»: a line ending on a phone
    r"|[^.]{0,100}\btél(?:éphone)?\.?\s*:?\s*\(?\+?\d[\d\s().-]{5,}$"
    r"|par\s+[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+){0,3}\s*$"
    # «Par Flore Mbarga, à Yaoundé», «Par Mamadou Bah | Lu 1 245 fois»: a byline
    r"|par\s+[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+){0,3}\s*[,|–—]\s*[^.]{0,60}$"
    # a paywall or a reading-time stamp
    r"|vous avez (?:lu|atteint|consulté)\b|temps de lecture"
    # «Cet article est réservé à nos abonnés. Il vous reste 45 % à découvrir.», «Je
    # m'abonne – 1 € le premier mois», «Réagir (7) | Partager»
    r"|(?:cet article est )?réservée? (?:à nos|aux) abonnés|il vous reste \d+\s*%"
    r"|je m'abonne|s'abonner|réagir\s*(?:\(\d+\)|$|[|]))",
    re.IGNORECASE,
)
#: «Vidéo | Le roi … en visite …»: a media teaser, a label then a headline
_TEASER = re.compile(
    r"^(?:vidéos?|photos?|diaporama|podcast|infographie|en images|audio|live|direct|exclusif"
    r"|reportage|interview|entretien vidéo)\s*[|:•·»›-]\s*\S",
    re.IGNORECASE,
)
_MENU_WORDS = {
    "accueil", "actualités", "actualité", "international", "national", "société", "politique",
    "économie", "sport", "sports", "culture", "régions", "vidéos", "contact", "monde",
    "sécurité", "justice", "opinions", "médias", "galerie", "archives", "recherche", "menu",
    "communiqués", "agenda", "publications", "à propos", "qui sommes-nous", "english",
}  # fmt: skip
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])")
_SEPARATORS = re.compile(r"\s*[|•·»›>/\t]\s*|\s{3,}")


_CLOCK = re.compile(r"\s*(?:[|,•·-]|à)?\s*\d{1,2}\s*[:h]\s*\d{2}\s*$")
#: «Doha – La Direction…»: a place alone opening a paragraph
_PLACE_LINE = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][\w'-]+(?:[ -][A-ZÀ-Ý][\w'-]+)?)\s+[–—]\s+(?=[A-ZÀ-Ý])"
)
#: «Dakar, le vendredi 12 septembre 2025», «Kigali, le 17 mai 2025 | 09:15»,
#: «Nouakchott, 4 juillet 2025 –»: a dateline on a line of its own
_DATELINE_ALONE = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][\w' -]{1,40})(?:\s*\([A-ZÀ-Ý][\w' -]{1,30}\))?,"
    r"\s+(?:le\s+)?(?P<date>[^–—:.()|]{6,40}?)"
    r"(?:\s*\([A-ZÀ-Ý][\w.-]{1,12}\))?\s*[–—:.-]?\s*$"
)
#: «Rome, le 12 juin 2025 – Le commandant…», «Ottawa (Ontario), le 7 novembre 2025 –»:
#: a dateline opening the first paragraph, the region in brackets left out of the place
_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-Ý][\w' -]{1,40})(?:\s*\([A-ZÀ-Ý][\w' -]{1,30}\))?,"
    r"\s+(?:le\s+)?(?P<date>[^–—:.()]{6,40}?)"
    r"(?:\s*\([A-ZÀ-Ý][\w.-]{1,12}\))?\s*[–—:.-]\s+(?=[A-ZÀ-Ý«])"
)


_PIECES = re.compile(r"\s+[–—|]\s+|\s+-\s+")
_CITY_PIECE = re.compile(r"^(?P<city>[A-ZÀ-Ý][\w'-]+(?:[ -][A-ZÀ-Ý][\w'-]+)?)(?:\s*\([^()]+\))?$")


@dataclass
class CleanPage:
    """The article's paragraphs (headline first), its date if the page gave one, and
    every dropped line with the reason it was dropped."""

    paragraphs: list[str]
    article_date: date | None = None
    #: the place a dateline gives («Rome, le 12 juin 2025 –», «Doha –»)
    dateline_place: str | None = None
    ignored: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


#: «11:05 Maroc : ouverture du Salon …»: an item of a news feed, a time then a headline
_FEED_ITEM = re.compile(r"^(?:[01]?\d|2[0-3])[:h][0-5]\d\s+\S")


def _is_ticker(line: str) -> bool:
    """«FLASH | item | item»: a short capitalised label, then headlines."""
    items = [item.strip() for item in line.split("|")]
    return len(items) >= 3 and len(items[0].split()) <= 2 and items[0].isupper()


def _is_menu(line: str) -> bool:
    if " " not in line and len(_CAMEL.split(line)) >= 2:
        return True
    items = [item for item in _SEPARATORS.split(line) if item]
    if len(items) >= 2 and all(item.lower() in _MENU_WORDS for item in items):
        return True
    return len(items) >= 3 and all(
        len(item.split()) <= 4 and not item.endswith(".") for item in items
    )


def _reason(line: str) -> str | None:
    """Why ``line`` is furniture, or None when it is article text."""
    checks = (
        (_IMAGE.match(line), "image file name"),
        (_FEED_ITEM.match(line) and len(line) < 140, "news feed item"),
        (_LANGUAGE_SWITCH.match(line), "language switcher"),
        (_FURNITURE.match(line), "share, credit or byline"),
        (len(re.sub(r"\W", "", line)) < 3, "no text"),
        (_is_ticker(line), "headline ticker"),
        (_is_menu(line), "menu"),
    )
    for hit, reason in checks:
        if hit:
            return reason
    return None


def clean_page(raw: str) -> CleanPage:
    """Split ``raw`` into article paragraphs, dropping page furniture."""
    text = raw.replace("\r\n", "\n").replace("\u2019", "'").replace("\u00a0", " ")
    page = CleanPage(paragraphs=[])
    skipping: str | None = None  # a ticker or a related-articles block runs to a blank line
    for raw_line in text.split("\n"):
        line = raw_line.strip().strip("*").strip()
        if not line:
            skipping = None
            continue
        if skipping and len(line) < 200:
            page.ignored.append((line, skipping))
            continue
        skipping = None
        for pattern, reason in ((_TICKER, "headline ticker"), (_RELATED, "related articles"),
                                (_ABOUT, "about the issuer")):
            match = pattern.match(line)
            if match:
                page.ignored.append((line, reason))
                skipping = reason if not line[match.end() :].strip(" :|•-") else None
                break
        else:
            _keep_or_drop(page, line)
    return page


def _dated_pieces(line: str) -> tuple[date, str | None] | None:
    """«Le 24 septembre 2026 – Ottawa (Ontario) – Gendarmerie royale du Canada», «Par
    Abdelkerim Youssouf – 10 avril 2026»: a short line of short pieces, one a date, the
    others a place, a source or a byline; the date and the place (a piece of one or two
    capitalised words, a region in brackets left out)."""
    if len(line) > 110:
        return None
    pieces = [p.strip() for p in _PIECES.split(line) if p.strip()]
    if len(pieces) < 2 or any(len(p.split()) > 8 for p in pieces):
        return None
    dated = [
        header_date(re.sub(r"^(?:[Ll]e|[Pp]ublié le)\s+", "", _CLOCK.sub("", p))) for p in pieces
    ]
    found = [d for d in dated if d is not None]
    if len(found) != 1:
        return None
    place = None
    for piece, day in zip(pieces, dated, strict=True):
        city = _CITY_PIECE.match(piece)
        if day is None and city and not piece.lower().startswith("par "):
            place = place or city.group("city")
    return found[0], place


def _keep_or_drop(page: CleanPage, line: str) -> None:
    bare = _CLOCK.sub("", line)  # «Mardi 4 février 2025 | 10:32»
    dated = header_date(bare) if len(line) < 60 else None
    if dated is not None:
        page.ignored.append((line, "dateline"))
        page.article_date = page.article_date or dated
        return
    pieces = _dated_pieces(line)
    if pieces is not None:
        page.ignored.append((line, "dateline"))
        page.article_date = page.article_date or pieces[0]
        page.dateline_place = page.dateline_place or pieces[1]
        return
    alone = _DATELINE_ALONE.match(bare) if len(line) < 80 else None
    if alone and header_date(alone.group("date")):
        page.ignored.append((line, "dateline"))
        page.article_date = page.article_date or header_date(alone.group("date"))
        page.dateline_place = page.dateline_place or alone.group("city").strip()
        return
    opening = _DATELINE.match(line)
    if opening and header_date(opening.group("date")):
        page.ignored.append((opening.group(0).strip(), "dateline"))
        page.article_date = page.article_date or header_date(opening.group("date"))
        page.dateline_place = page.dateline_place or opening.group("city").strip()
        line = line[opening.end() :]
    if _FURNITURE.match(line) or _TEASER.match(line):  # «Newsletter – Recevez …»
        page.ignored.append((line, "share, credit or byline"))
        return
    placed = _PLACE_LINE.match(line)
    body = line.rstrip().endswith((".", "!", "?", "»")) or len(line) > 160
    # a dateline opens a body paragraph, not a kicker or a headline («Mali – Guinée : …»)
    if placed and body and len(line[placed.end() :].split()) >= 4:
        page.ignored.append((placed.group(0).strip(), "dateline"))
        page.dateline_place = page.dateline_place or placed.group("city")
        line = line[placed.end() :]
    reason = _reason(line)
    if reason:
        page.ignored.append((line, reason))
    else:
        page.paragraphs.append(line)
