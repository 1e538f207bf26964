"""Scoring a query against a listed person: name parts, birth date, nationality.

Name evidence first: every query part is paired with at most one listed part
(best pairs first) and each pair says *how* it matched: ``exact``, ``romanisation``
(same name under French/English/BGN/ICAO folding), ``dictionary`` (two spellings of
one name in the project's dictionary), ``script`` (Arabic consonants = Latin
consonants), ``typo`` (one or two edits on a word the watchlist does not know as a
name).  Two names the dictionary knows as different names (Said/Saad) do not pair.
The name score is the mean pair score, lowered when a part is left over on *both*
sides (one name swapped for another) or when only one part is shared.

Then the birth date (see ``dates``) and the nationality move the score; a birth
date that cannot be the same person's (a namesake) pulls it far below the
threshold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from liaison.screening.dates import PartialDate, compare_dates
from liaison.screening.model import Explanation, PartMatch
from liaison.screening.names import default_dictionary
from liaison.screening.tokens import Form, Token

DEFAULT_THRESHOLD = 0.85
EMPTY_IDS: frozenset[int] = frozenset()
ARABIC_NAMES = default_dictionary().arabic_world
GIVEN_NAMES = default_dictionary().given
FAMILY_NAMES = default_dictionary().family
AFRICAN_FAMILY = default_dictionary().african_family

DOB_EFFECT = {"exact": 0.08, "swapped": 0.04, "year±1 (same day)": 0.04, "year": -0.02,
              "year±1": -0.04, "unknown": -0.06, "different": -0.4}
NAT_SAME, NAT_OTHER = 0.02, -0.03
NAT_OTHER_WEAK_DATE = -0.1
WEAK_DATES = frozenset({"unknown", "year", "year±1"})
# Above this threshold a birth date that is 'different' can never reach a match.
DOB_RULES_OUT = 1.0 + DOB_EFFECT["different"] + NAT_SAME
CONFLICT_PENALTY = 0.2
SINGLE_PART_FACTOR = 0.6
KNOWN_NAME_CAP = 0.55
KNOWN_TYPO = 0.72
DIFFERENT_NAME_CAP = 0.45
OPTIONAL_PENALTY = 0.01
OTHER_EXTRA_PENALTY = {"exact": 0.04, "swapped": 0.04, "year±1 (same day)": 0.04, "unknown": 0.12}
OTHER_EXTRA_DEFAULT = 0.08
# A given or family name present on one side only costs more when the birth date
# gives little evidence of its own.
CORE_EXTRA_PENALTY = {"exact": 0.06, "swapped": 0.08, "year±1 (same day)": 0.08,
                      "year": 0.14, "year±1": 0.14, "unknown": 0.2, "different": 0.1}
PAIR_MIN = 0.6
# One part left over on each side, the query's a word no list knows still like the
# listed one: paired at GARBLED (a full birth date must carry it).
GARBLED = 0.6
GARBLED_LIKENESS = 0.6
# A second reading of a part pairs only at this level or above (spelling, dictionary).
SECONDARY_MIN = 0.93
# A name this sure (every part the same spelling) is not made doubtful by another
# nationality beside a weak birth date: a dual national, or a record kept abroad.
NAME_CERTAIN = 0.995
YEAR_OFF_UNSURE_NAME = 0.1
# A trailing part of a listed name of three parts or more (a second family name) missing
# from the query costs this share of the usual price.
TRAILING_DROP_WEIGHT = 0.5
VOUCH_WEIGHT = 1.0
# Ambiguity: when this many listed persons score within AMBIGUOUS_BAND of the best match
# at or above the default threshold and the birth date tells none of them apart (weak
# date), the query names a crowd of namesakes rather than one of them: every match with
# a weak date is held at AMBIGUOUS_CAP, under the default threshold (still shown to a
# desk search with a lower threshold), and says so in its explanation.
AMBIGUOUS_COUNT = 3
AMBIGUOUS_BAND = 0.03
AMBIGUOUS_CAP = 0.8


@dataclass(slots=True)
class NameResult:
    score: float
    name_index: int
    pairs: list[tuple[int, int, float, str]]
    unmatched_q: list[int]
    unmatched_r: list[int]
    notes: list[str]
    core_unmatched: int = 0
    other_unmatched: float = 0.0
    #: the query's parts as read for this result, when not as written (a mistyped
    #: connector read as the connector)
    query: tuple[Token, ...] | None = None


def _feminine_e(a: str, b: str) -> bool:
    """Léon / Léone, Simon / Simone, Michel / Michelle: one word is the other with a final
    -e (its consonant doubled or not), the French feminine, which folding drops."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if not short or short[-1] in "aeiouy" or not long_.endswith("e"):
        return False
    return long_ in (short + "e", short + short[-1] + "e")


def _latin_sim(a: Form, b: Form) -> tuple[float, str]:
    if a.fold == b.fold:
        if not a.ids and not b.ids and _feminine_e(a.word, b.word):
            # outside the Arabic-world dictionary (Amine = Amin) a final -e is a woman's
            # form of the name, not a spelling
            return 0.88, "typo (1 edit)"
        return 1.0, "exact"
    if a.loose == b.loose:
        return 0.95, "romanisation"
    longest = max(len(a.fold), len(b.fold))
    dist = min(OSA.distance(a.fold, b.fold), OSA.distance(a.loose, b.loose),
               OSA.distance(a.word, b.word))
    shortest = min(len(a.fold), len(b.fold))
    if (a.skel == b.skel and len(a.skel) >= 2 and bool(a.ids) != bool(b.ids)
            and OSA.distance(a.loose, b.loose) <= 1
            and (a.word[:1] == b.word[:1] or (a.word[:1] in "aeiou" and b.word[:1] in "aeiou"))):
        return 0.9, "vowels differ"
    if dist == 1 and shortest >= 4:
        return 0.88, "typo (1 edit)"
    if dist == 1 and shortest == 3:
        return 0.8, "typo (1 edit)"
    if dist == 2 and shortest >= 5 and a.fold[0] == b.fold[0]:
        return 0.76, "typo (2 edits)"
    if dist == 2 and shortest == 4 and longest >= 5 and a.fold[0] == b.fold[0]:
        return 0.7, "typo (2 edits)"
    if dist == 2 and shortest >= 5:  # its first letter hit too (Qangari / Sangare)
        return 0.7, "typo (2 edits)"
    return 0.5 * OSA.normalized_similarity(a.fold, b.fold), "different"


_VOWEL_GROUP = re.compile(r"[aeiou]+")


def _one_syllable(word: str) -> bool:
    return len(_VOWEL_GROUP.findall(word)) == 1


_DICT_WORDS = tuple(k for k in default_dictionary().by_key
                    if ":" not in k and k.isascii() and len(k) >= 4)


@lru_cache(maxsize=100_000)
def dictionary_neighbours(word: str) -> frozenset[int]:
    """Ids of the dictionary names one edit from a (folded) word the dictionary does not
    know: the names it is likely a typo of."""
    d = default_dictionary()
    found = process.extract(word, _DICT_WORDS, scorer=OSA.distance, score_cutoff=1,
                            limit=None)
    return frozenset().union(*(d.ids(k) for k, _dist, _i in found)) if found else EMPTY_IDS


def _long_vowels_agree(a: Form, b: Form) -> bool:
    """Arabic و is written u/ou/o/w in Latin; a Latin 'ou'/'u' with no و (or the
    reverse) says the two words are different names (Kaddouri ≠ قادري)."""
    arabic, latin = (a, b) if a.arabic else (b, a)
    has_waw = "w" in arabic.loose[1:]
    has_u = "u" in latin.fold[1:]
    return has_waw == has_u


def _script_sim(a: Form, b: Form) -> tuple[float, str]:
    if a.arabic and b.arabic:
        if a.fold == b.fold:
            return 1.0, "exact"
        if OSA.distance(a.fold, b.fold) == 1 and max(len(a.fold), len(b.fold)) >= 3:
            return 0.88, "typo (1 edit)"
        return 0.0, "different"
    if a.skel == b.skel and len(a.skel) >= 2:
        if a.ids or b.ids or _long_vowels_agree(a, b):
            return 0.93, "script (same consonants)"
        return 0.75, "script (same consonants, not the long vowels)"
    if min(len(a.skel), len(b.skel)) >= 4 and OSA.distance(a.skel, b.skel) == 1:
        return 0.62, "script (consonants, 1 edit)"
    return 0.0, "different"


def _conn_factor(a: str, b: str) -> tuple[float, str]:
    if a == b:
        return 1.0, ""
    if {a, b} == {"ben", "ould"}:
        return 0.9, ", ben/ould"
    if a and b:
        return 0.55, f", {a}≠{b}"
    return 0.5, ", connector on one side"


def form_sim(a: Form, b: Form, q_known: bool = False) -> tuple[float, str]:
    """Similarity of two readings: spelling, script, dictionary, then the connector
    (ben/ould/ait/abu) checked."""
    sim, how = _script_sim(a, b) if (a.arabic or b.arabic) else _latin_sim(a, b)
    if sim < 1.0:
        if a.ids and b.ids:
            if a.ids & b.ids:
                sim, how = (0.97, "dictionary") if sim < 0.97 else (sim, how)
            else:
                sim, how = min(sim, DIFFERENT_NAME_CAP), "different names (dictionary)"
        elif (q_known and how in ("romanisation", "vowels differ") and b.fold != a.fold
              and _one_syllable(a.fold) and _one_syllable(b.fold)):
            # two names of one syllable the watchlist knows, their vowels apart, that the
            # dictionary does not tie (Dung / Dang, Trung / Trong): in a one-syllable
            # name (Vietnamese, Chinese) the vowel is the name
            sim, how = KNOWN_TYPO, "known name, vowels differ"
        elif (how == "typo (2 edits)" and not a.ids and not a.arabic
              and (near := dictionary_neighbours(a.fold)) and near.isdisjoint(b.ids)):
            # one edit from another dictionary name, two from this one: a typo of that
            # other name (Mohmaed is Mohamed mistyped, not Hmed)
            sim, how = min(sim, KNOWN_NAME_CAP), "typo of another name"
        elif q_known and (how.startswith("typo") or how == "different"):
            if how == "typo (1 edit)" and sim >= 0.88:
                # two real names one letter apart: a variant (Eduard/Eduardo) as often
                # as another name; only a birth date that agrees can carry it
                sim, how = KNOWN_TYPO, "known name, 1 edit"
            else:
                sim, how = min(sim, KNOWN_NAME_CAP), "another known name"
    factor, note = _conn_factor(a.conn, b.conn)
    return sim * factor, how + note


def token_sim(q: Token, r: Token, known: set[str] | frozenset[str]) -> tuple[float, str]:
    """Best similarity over the two tokens' readings (``known``: the words the watchlist
    and the dictionary know as names)."""
    best, how = 0.0, "different"
    for a, fa in enumerate(q.forms):
        for b, fb in enumerate(r.forms):
            s, h = form_sim(fa, fb, fa.fold in known)
            if s < SECONDARY_MIN and ((a and q.main.ids) or (b and r.main.ids)):
                # a second reading of a word the dictionary knows whole (Alaoui read as
                # Al + aoui) is a guess about its structure: it may meet a spelling,
                # never a look-alike
                continue
            if s > best:
                best, how = s, h
    if best < 0.97 and q.ids and r.ids and q.ids.isdisjoint(r.ids) and not how.startswith(
            "different names"):
        # both parts are names of the dictionary, and not the same one
        best, how = min(best, DIFFERENT_NAME_CAP), "different names (dictionary)"
    return best, how


class PairCache:
    """Token-pair similarity cache (names repeat a lot across a watchlist)."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self._cache: dict[int, tuple[float, str]] = {}
        self._near: dict[str, frozenset[str]] = {}

    def near_known(self, word: str) -> frozenset[str]:
        """The known words one edit from ``word`` (cached; the known words only grow)."""
        hit = self._near.get(word)
        if hit is None:
            hit = frozenset(w for w in _one_edit(word) if w in self.known)
            if len(self._near) > 200_000:
                self._near.clear()
            self._near[word] = hit
        return hit

    def sim(self, q: Token, r: Token) -> tuple[float, str]:
        key = (q.uid << 32) | r.uid
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 2_000_000:
                self._cache.clear()
            hit = token_sim(q, r, self.known)
            self._cache[key] = hit
        return hit


# on the folded word (ch → sh, y → i): -ovich, -evich, -ovych, -ovna, -evna, -ichna, -ivna
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit(word: str) -> set[str]:
    """Every word one edit from ``word`` (letter dropped, swapped, replaced, added)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


_RUSSIAN_PATRONYMIC = re.compile(r"(?:ovish|evish|ovna|evna|ishna|ivna)$")


@lru_cache(maxsize=200_000)
def optional_parts(tokens: tuple[Token, ...]) -> tuple[bool, ...]:
    """Which parts are a patronymic (ben X / ould X inside a name of 3+ parts, or at its
    end) and may be absent from another writing of the same person's name."""
    n = len(tokens)
    if n < 3:
        return (False,) * n
    filial = [t.main.conn in ("ben", "ould") for t in tokens]
    middle = [f and 0 < i < n - 1 for i, f in enumerate(filial)]
    first = tokens[0]
    given_first = bool(first.ids) and first.ids.isdisjoint(FAMILY_NAMES) and not first.main.conn
    # a filiation part at the end is a patronymic only in family-name-first order
    last = filial[-1] and not any(middle) and not given_first
    marks = tuple(middle[:-1]) + (last,)
    return tuple(m or _patronymic(t) for m, t in zip(marks, tokens, strict=True))


def _patronymic(tok: Token) -> bool:
    """A Russian or Ukrainian patronymic, its ending possibly mistyped (Iosipovict)."""
    word = tok.main.fold
    if tok.arabic or tok.main.conn or len(word) < 7:
        return False
    return bool(_RUSSIAN_PATRONYMIC.search(word)) or (
        not tok.ids and word[-5:-3] in ("ov", "ev") and OSA.distance(word[-3:], "ish") <= 1)


def _core_sets(n: int, opt: Sequence[bool], may_drop_last: bool) -> list[set[int]]:
    """Which parts can be the name's identity (first given name + family name), for
    given-name-first and family-name-first order."""
    core = [i for i in range(n) if not opt[i]] or list(range(n))
    sets = [{core[0], core[-1]}, {0, n - 1}]
    if len(core) >= 2:
        sets.append({core[0], core[1]})
    if may_drop_last and len(core) >= 3:
        sets.append({core[0], core[-2]})
    return sets


def _surname_like(tok: Token, nisba: bool) -> bool:
    """A part that can only be a family name: a dictionary family name or a nisba
    (``family_like``), an Ait / Abou name, or (in a name of the Arabic world) a name
    joined to Ben (Benjaouad)."""
    if tok.main.conn in ("ait", "abu"):
        return True
    if (nisba and not tok.main.conn
            and any(f.conn in ("ben", "ait", "abu") for f in tok.forms[1:])):
        return True  # in a name of the Arabic world only: Benitez is no Ben name
    return family_like(tok, nisba)


def _structure_ok(tokens: Sequence[Token], opt: Sequence[bool], matched: set[int]) -> bool:
    n = len(tokens)
    if n <= 1:
        return True
    last = tokens[-1]
    may_drop = not last.arabic and not last.main.conn and not (last.ids & ARABIC_NAMES)
    if n >= 3:
        # a family name at one end says which way the name is written: El Tazi Rachid
        # Mohamed is Rachid of the Tazi family, Youssef Mohamed Benjaouad a Benjaouad
        arabic = _arabic_world(tokens)
        first_fam = _surname_like(tokens[0], arabic)
        last_fam = _surname_like(last, arabic)
        core = [i for i in range(n) if not opt[i]] or list(range(n))
        if first_fam and not last_fam and len(core) >= 2:
            return {core[0], core[1]} <= matched
        if last_fam and not first_fam:
            return {core[0], core[-1]} <= matched or {0, n - 1} <= matched
    return any(c <= matched for c in _core_sets(n, opt, may_drop))


def _first_of_two_families(tokens: Sequence[Token], unmatched: Sequence[int],
                           matched: set[int]) -> bool:
    """A West/Central African family name on one side only, followed in its own name by
    a matched part that is no given name: the first of two family names is missing
    (Kalonji Biya / Biya). A second family name may be dropped (Kabila Tshibanda /
    Kabila), the first one is what names the person."""
    for i in unmatched:
        ids = tokens[i].ids
        if not ids or ids.isdisjoint(AFRICAN_FAMILY) or not ids.isdisjoint(GIVEN_NAMES):
            continue
        if any(j > i and tokens[j].ids.isdisjoint(GIVEN_NAMES) for j in matched):
            return True
    return False


def _arabic_world(tokens: Sequence[Token]) -> bool:
    """A name with a part of the Arabic-world dictionary or in Arabic script."""
    return any(t.arabic or not t.ids.isdisjoint(ARABIC_NAMES) for t in tokens)


def family_like(tok: Token, nisba: bool = True) -> bool:
    """A family name (dictionary family root, or a nisba ending in -i / ـي): a part that
    no second writing of the same person drops."""
    if tok.main.conn in ("ait", "abu"):
        return False
    if tok.ids:
        return tok.ids.isdisjoint(GIVEN_NAMES) and not tok.ids.isdisjoint(FAMILY_NAMES)
    word = tok.main.fold
    if tok.arabic:
        return len(word) >= 4 and word.endswith("ي")
    # a nisba (Alaoui, Idrissi) only in a name of the Arabic world: Ulibarri, Corradi
    # and Nkurunziza are other languages' names
    return nisba and len(word) >= 5 and word.endswith("i")


def _joined(tokens: Sequence[Token], i: int, j: int) -> str:
    return tokens[i].main.fold + tokens[j].main.fold


def _align(q: Sequence[Token], r: Sequence[Token], q_opt: Sequence[bool],
           r_opt: Sequence[bool], cache: PairCache) -> NameResult:
    cand: list[tuple[float, float, int, int, str]] = []
    for i, qt in enumerate(q):
        for j, rt in enumerate(r):
            s, how = cache.sim(qt, rt)
            if s >= PAIR_MIN:
                rank = s + (0.5 if q_opt[i] == r_opt[j] else 0.0)
                cand.append((rank, s, i, j, how))
    cand.sort(key=lambda c: -c[0])
    used_q: set[int] = set()
    used_r: set[int] = set()
    pairs: list[tuple[int, int, float, str]] = []
    for _rank, s, i, j, how in cand:
        if i not in used_q and j not in used_r:
            used_q.add(i)
            used_r.add(j)
            pairs.append((i, j, s, how))
    uq = [i for i in range(len(q)) if i not in used_q]
    ur = [j for j in range(len(r)) if j not in used_r]
    if uq and ur and (len(uq) > 1 or len(ur) > 1):
        _pair_joined(q, r, uq, ur, pairs)
    if len(uq) == 1 and len(ur) == 1 and pairs and _garbled(q[uq[0]], r[ur[0]], cache):
        pairs.append((uq[0], ur[0], GARBLED, "garbled (a word no list knows)"))
        uq, ur = [], []
    notes = []
    for i in uq:
        if ur:
            s, how, j = max((*cache.sim(q[i], r[j]), j) for j in ur)
            notes.append(f"{q[i].text}≠{r[j].text} ({how})")
    return NameResult(0.0, 0, pairs, uq, ur, notes)


def _garbled(qt: Token, rt: Token, cache: PairCache) -> bool:
    """The query's one part left over is a word no name list knows, still like the
    listed part left over (half its letters in place), and one edit from no other
    known name: the listed name garbled (Youce / Youssef, Zou / Zhou), not another name.
    Paired low (GARBLED): only a full birth date that agrees carries it."""
    a, b = qt.main, rt.main
    if (qt.arabic or rt.arabic or qt.ids or a.conn != b.conn or a.fold in cache.known
            or len(a.fold) < 2):
        return False
    like = max(OSA.normalized_similarity(a.fold, b.fold),
               OSA.normalized_similarity(a.loose, b.loose))
    if like < GARBLED_LIKENESS:
        return False
    return not (cache.near_known(a.fold) - {b.fold})


def _pair_joined(q: Sequence[Token], r: Sequence[Token], uq: list[int], ur: list[int],
                 pairs: list[tuple[int, int, float, str]]) -> None:
    """Jeanclaude = Jean-Claude: one part on one side, two adjacent on the other."""
    for one, two, flip in ((q, r, False), (r, q, True)):
        u1, u2 = (ur, uq) if flip else (uq, ur)
        for i in [i for i in u1 if len(one[i].main.fold) >= 6]:
            for a in list(u2):
                b = a + 1
                if b in u2 and one[i].main.fold == _joined(two, a, b):
                    u1.remove(i)
                    u2.remove(a)
                    u2.remove(b)
                    pairs.append((a, i, 0.95, "joined") if flip else (i, a, 0.95, "joined"))
                    break


def _name_score(res: NameResult, q: Sequence[Token], r: Sequence[Token],
                q_opt: Sequence[bool], r_opt: Sequence[bool]) -> float:
    if not res.pairs:
        return 0.0
    score = sum(p[2] for p in res.pairs) / len(res.pairs)
    nq, nr = len(q_opt), len(r_opt)
    if len(res.pairs) < min(2, nq, nr) or (len(res.pairs) == 1 and max(nq, nr) >= 2):
        score *= SINGLE_PART_FACTOR
        res.notes.append("only one name part in common")
    core_q = [i for i in res.unmatched_q if not q_opt[i]]
    core_r = [j for j in res.unmatched_r if not r_opt[j]]
    if (any(q[i].main.conn for i in res.unmatched_q)
            and any(r[j].main.conn for j in res.unmatched_r)):
        score -= CONFLICT_PENALTY
        res.notes.append("different ben/ould/ait/abu parts")
    crossed = any(q_opt[i] != r_opt[j] for i, j, _s, _h in res.pairs)
    if (core_q and core_r) or (crossed and (core_q or core_r)):
        score -= CONFLICT_PENALTY
        res.notes.append("a name part differs")
    elif not (_structure_ok(q, q_opt, {p[0] for p in res.pairs})
              and _structure_ok(r, r_opt, {p[1] for p in res.pairs})):
        score -= CONFLICT_PENALTY
        res.notes.append("a given or family name is missing")
    elif (any(family_like(q[i], _arabic_world(q)) for i in core_q)
          or any(family_like(r[j], _arabic_world(r)) for j in core_r)):
        score -= CONFLICT_PENALTY
        res.notes.append("a family name is on one side only")
    if not res.notes[-1:] or res.notes[-1] == "only one name part in common":
        if (_first_of_two_families(q, res.unmatched_q, {p[0] for p in res.pairs})
                or _first_of_two_families(r, res.unmatched_r, {p[1] for p in res.pairs})):
            score -= CONFLICT_PENALTY
            res.notes.append("the first of two family names is on one side only")
    if any("ben/ould" in how and not q_opt[i] and not r_opt[j] for i, j, _s, how in res.pairs):
        score -= CONFLICT_PENALTY
        res.notes.append("ben and ould family names differ")
    arabic_world = [t for t in (*(q[i] for i in core_q), *(r[j] for j in core_r))
                    if t.arabic or not t.ids.isdisjoint(ARABIC_NAMES)
                    or family_like(t, _arabic_world(q) or _arabic_world(r))]
    res.core_unmatched = len(arabic_world)
    # a pair of two different known names must be vouched for by the birth date like
    # a part on one side only
    vouch = sum(1 for _i, _j, _s, how in res.pairs if how.startswith("known name"))
    trailing = sum(1 for j in core_r if j == nr - 1 and nr >= 3 and r[j] not in arabic_world)
    res.other_unmatched = (len(core_q) + len(core_r) - len(arabic_world)
                           - (1 - TRAILING_DROP_WEIGHT) * trailing + VOUCH_WEIGHT * vouch)
    score -= OPTIONAL_PENALTY * (len(res.unmatched_q) + len(res.unmatched_r)
                                 - len(core_q) - len(core_r))
    return max(score, 0.0)


_CONNECTOR_SPELLINGS = {"ben": "ben", "bin": "ben", "ibn": "ben", "bent": "ben", "bint": "ben",
                        "ould": "ould", "uld": "ould", "ait": "ait", "abou": "abu",
                        "abu": "abu"}
CONNECTOR_TYPO_COST = 0.02


@lru_cache(maxsize=100_000)
def _mistyped_connector(word: str) -> str:
    """The connector a short word is one edit away from ('' if none, or several)."""
    if not 2 <= len(word) <= 5 or word in _CONNECTOR_SPELLINGS:
        return ""
    found = {conn for spelling, conn in _CONNECTOR_SPELLINGS.items()
             if OSA.distance(word, spelling) == 1}
    return found.pop() if len(found) == 1 else ""


@lru_cache(maxsize=100_000)
def connector_reading(q: tuple[Token, ...]) -> tuple[tuple[Token, ...], int] | None:
    """The query read with a mistyped connector (Hen Mohamed, Bi Aly, Oulud Jamal, it
    Tarak): a short word of no dictionary name, one edit from a connector, before a
    part without one, is read as that connector attached to the next part. Returns the
    parts so read and the position of the word taken as the connector."""
    from liaison.screening.tokens import tokenize

    for i in range(len(q) - 1):
        tok, nxt = q[i], q[i + 1]
        if tok.arabic or tok.main.conn or nxt.main.conn or nxt.arabic or tok.ids:
            continue
        conn = _mistyped_connector(tok.main.word or tok.main.fold)
        if not conn:
            continue
        joined = tokenize(f"{'abou' if conn == 'abu' else conn} {nxt.text}")
        if len(joined) == 1:
            return (*q[:i], joined[0], *q[i + 2:]), i
    return None


@lru_cache(maxsize=100_000)
def article_reading(q: tuple[Token, ...]) -> int | None:
    """The position of a short word of no dictionary name, one edit from the article
    El / Al (Ell, Eel, rAl), written before another part: a mistyped article."""
    for i in range(len(q) - 1):
        tok = q[i]
        word = tok.main.word or tok.main.fold
        if (tok.arabic or tok.main.conn or tok.ids or not 2 <= len(word) <= 3
                or word in ("el", "al")):
            continue
        if min(OSA.distance(word, a) for a in ("el", "al")) == 1:
            return i
    return None


def score_names(q: tuple[Token, ...], names: Sequence[tuple[Token, ...]],
                cache: PairCache) -> NameResult:
    """Best name score of the query over a listed person's names. A query with a word
    the watchlist does not know as a name that may be a mistyped connector is also
    read with the connector (when a listed name has one), and one with a mistyped
    article without it."""
    best = _score_names(q, names, cache)
    if best.score >= 0.999:
        return best
    readings: list[tuple[tuple[Token, ...], str]] = []
    reading = connector_reading(q)
    if (reading is not None and q[reading[1]].main.fold not in cache.known
            and any(t.main.conn for r in names for t in r)):
        alt_q, i = reading
        readings.append((alt_q, f"{q[i].text} read as {alt_q[i].main.conn}"))
    art = article_reading(q)
    if art is not None and q[art].main.fold not in cache.known:
        readings.append(((*q[:art], *q[art + 1:]), f"{q[art].text} read as an article"))
    for alt_q, note in readings:
        alt = _score_names(alt_q, names, cache)
        alt.score = max(0.0, alt.score - CONNECTOR_TYPO_COST)
        if alt.score > best.score:
            alt.notes.append(note)
            alt.query = alt_q
            best = alt
    return best


def _score_names(q: tuple[Token, ...], names: Sequence[tuple[Token, ...]],
                 cache: PairCache) -> NameResult:
    best: NameResult | None = None
    q_opt = optional_parts(q)
    q_arabic = bool(q) and q[0].arabic
    has_same_script = any(bool(r) and r[0].arabic == q_arabic for r in names)
    for k, r in enumerate(names):
        if has_same_script and q_arabic != (bool(r) and r[0].arabic) and not q_arabic:
            continue
        r_opt = optional_parts(r)
        res = _align(q, r, q_opt, r_opt, cache)
        res.score = _name_score(res, q, r, q_opt, r_opt)
        res.name_index = k
        if best is None or res.score > best.score:
            best = res
            if res.score >= 0.999:
                break
    return best if best is not None else NameResult(0.0, 0, [], [], [], [])


def nationality_effect(q: str | None, listed: str | None) -> tuple[str, float]:
    if not q or not listed:
        return "unknown", 0.0
    if q.upper() in listed.upper().split("|"):
        return "same", NAT_SAME
    return "different", NAT_OTHER


def combine(name: float, q_dob: PartialDate | None, w_dob: PartialDate | None,
            q_nat: str | None, w_nat: str | None,
            core_unmatched: int = 0, other_unmatched: float = 0.0
            ) -> tuple[float, str, float, str, float]:
    """Final score and the date and nationality verdicts with their effects (the date's
    effect includes the cost of a name part present on one side only)."""
    dob = compare_dates(q_dob, w_dob)
    d_eff = (DOB_EFFECT[dob] - CORE_EXTRA_PENALTY[dob] * core_unmatched
             - OTHER_EXTRA_PENALTY.get(dob, OTHER_EXTRA_DEFAULT) * other_unmatched)
    if dob == "year±1" and (name < NAME_CERTAIN or core_unmatched or other_unmatched):
        # a year of birth one year off proves almost nothing: it carries only a name
        # spelt alike in every part
        d_eff -= YEAR_OFF_UNSURE_NAME
    nat, n_eff = nationality_effect(q_nat, w_nat)
    if (nat == "different" and dob in WEAK_DATES
            and (name < NAME_CERTAIN or core_unmatched or other_unmatched)):
        # a dual national is rare; without a full date agreeing, another nationality
        # is what tells a namesake abroad from the listed person
        n_eff = NAT_OTHER_WEAK_DATE
    score = min(1.0, max(0.0, name + d_eff + n_eff))
    return round(score, 4), dob, d_eff, nat, n_eff


def explain(q: Sequence[Token], names: Sequence[str], tokens: Sequence[Sequence[Token]],
            res: NameResult, dob: str, d_eff: float, nat: str, n_eff: float,
            source: str = "bureau") -> Explanation:
    r = tokens[res.name_index]
    q = res.query if res.query is not None else q
    parts = tuple(PartMatch(q[i].text, r[j].text, how, s) for i, j, s, how in res.pairs)
    return Explanation(
        matched_name=names[res.name_index], parts=parts,
        unmatched_query=tuple(q[i].text for i in res.unmatched_q),
        unmatched_listed=tuple(r[j].text for j in res.unmatched_r),
        name_score=res.score, name_notes=tuple(res.notes), birth_date=dob,
        birth_date_effect=d_eff, nationality=nat, nationality_effect=n_eff, source=source)
