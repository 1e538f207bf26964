"""The screening index: blocking keys → listed persons, and the search itself.

Blocking (no all-pairs comparison): every name part gives keys — its consonant
skeleton, the skeleton with one consonant removed (a typo), its dictionary name ids
— and each key's posting list holds the persons having it, sorted by birth year.
A query part collects the persons sharing any of its keys, within one year of the
query's birth year when it has one (plus persons of unknown birth year).  A person
is a candidate when at least two query parts found it (one for a one-part query).

The static part is a compressed array (CSR) built once; persons added later go to a
small dictionary searched the same way, and removed persons are masked at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import OSA

from liaison.screening.dates import PartialDate, parse_date
from liaison.screening.model import Match, Query, WatchlistEntry
from liaison.screening.names import default_dictionary
from liaison.screening.scorer import (
    AMBIGUOUS_BAND,
    AMBIGUOUS_CAP,
    AMBIGUOUS_COUNT,
    DEFAULT_THRESHOLD,
    DOB_RULES_OUT,
    WEAK_DATES,
    NameResult,
    PairCache,
    combine,
    explain,
    score_names,
)
from liaison.screening.tokens import Token, tokenize

IntArray = npt.NDArray[np.int64]
#: more candidates than this (counting repeats) and only the persons two parts found
#: through strong keys are scored: the desk search stays quick on the commonest names
WIDE_BLOCK = 3000
#: a mistyped query word of this many letters or more finding a listed word one edit
#: away counts as a strong key
NEAR_STRONG = 5
_EMPTY: IntArray = np.zeros(0, dtype=np.int64)
_EMPTY32: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)


class _Record:
    __slots__ = ("entry", "tokens", "dob")

    def __init__(self, entry: WatchlistEntry, tokens: tuple[tuple[Token, ...], ...],
                 dob: PartialDate | None) -> None:
        self.entry = entry
        self.tokens = tokens
        self.dob = dob


_NAMES: dict[tuple[str, ...], tuple[tuple[Token, ...], ...]] = {}


def _record(entry: WatchlistEntry) -> _Record:
    key = tuple(entry.names)
    names = _NAMES.get(key)
    if names is None:
        names = tuple(t for t in (tokenize(n) for n in key if n and n.strip()) if t)
        if len(_NAMES) < 2_000_000:
            _NAMES[key] = names
    return _Record(entry, names, parse_date(entry.birth_date))


def _words_of(rec: _Record) -> set[str]:
    """The words (folded) a listed person's names are made of."""
    return {tok.main.fold for name in rec.tokens for tok in name}


def _md(dob: PartialDate | None) -> int:
    """Month and day as one number (0 when unknown), for the birth-date fallback."""
    if dob is None or not dob.full or dob.month is None or dob.day is None:
        return 0
    return dob.month * 32 + dob.day


_KEYS: dict[int, tuple[str, ...]] = {}


def token_keys(tok: Token) -> tuple[str, ...]:
    """A token's blocking keys: those of its readings (skeletons, one consonant
    removed, dictionary ids) and, for a Latin word, the word as written (``=`` key),
    through which a mistyped query word finds it (see ``ScreeningIndex._near_words``)."""
    keys = _KEYS.get(tok.uid)
    if keys is None:
        word = tok.main.word
        keys = tok.keys + ("=" + word,) if word and not tok.arabic else tok.keys
        if len(_KEYS) < 2_000_000:
            _KEYS[tok.uid] = keys
    return keys


def _deletion_forms(word: str) -> set[str]:
    """The word, the word less any one letter (3+ letters) and less any two (5+)."""
    forms = {word}
    if len(word) >= 3:
        ones = {word[:i] + word[i + 1:] for i in range(len(word))}
        forms |= ones
        if len(word) >= 5:
            forms.update(w[:i] + w[i + 1:] for w in ones for i in range(len(w)))
    return forms


def _record_keys(rec: _Record) -> set[str]:
    return {k for name in rec.tokens for tok in name for k in token_keys(tok)}


class ScreeningIndex:
    """Build with ``ScreeningIndex.build(entries)``; ``add``/``remove`` keep it current."""

    def __init__(self) -> None:
        self.records: list[_Record | None] = []
        self.position: dict[str, int] = {}
        self.known: set[str] = set(default_dictionary().by_key)
        self.cache = PairCache(self.known)
        #: how many listed persons bear each word (counted on the first removal, then
        #: kept): a word whose last bearer leaves is no longer a known name
        self._bearers: dict[str, int] | None = None
        self._key_ids: dict[str, int] = {}
        self._offsets: IntArray = np.zeros(1, dtype=np.int64)
        self._post_rec: npt.NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self._post_year: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self._delta: dict[str, list[int]] = defaultdict(list)
        self._alive: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._years: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self._md: npt.NDArray[np.int16] = np.zeros(0, dtype=np.int16)
        self._mark: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._count: npt.NDArray[np.int8] = np.zeros(0, dtype=np.int8)
        self._weak_cap = 2000
        self._known_weak_cap = 1000
        self._found: dict[tuple[int, int | None], tuple[IntArray, npt.NDArray[np.int32]]] = {}
        self._words: list[str] = []
        self._form_hash: IntArray = _EMPTY
        self._form_word: npt.NDArray[np.int32] = _EMPTY32
        self._near_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._delta_words: dict[str, list[str]] = defaultdict(list)

    # -- building -------------------------------------------------------------------
    @classmethod
    def build(cls, entries: Iterable[WatchlistEntry]) -> ScreeningIndex:
        index = cls()
        keys: list[int] = []
        recs: list[int] = []
        key_ids = index._key_ids
        for entry in entries:
            rec = _record(entry)
            n = index._append(rec)
            for k in _record_keys(rec):
                kid = key_ids.get(k)
                if kid is None:
                    kid = key_ids[k] = len(key_ids)
                keys.append(kid)
                recs.append(n)
        index._freeze(np.asarray(keys, dtype=np.int64), np.asarray(recs, dtype=np.int32))
        return index

    def _append(self, rec: _Record) -> int:
        if rec.entry.id in self.position:
            self.remove(rec.entry.id)
        n = len(self.records)
        self.records.append(rec)
        self.position[rec.entry.id] = n
        words = _words_of(rec)
        self.known |= words
        if self._bearers is not None:
            for word in words:
                self._bearers[word] = self._bearers.get(word, 0) + 1
        return n

    def _freeze(self, keys: IntArray, recs: npt.NDArray[np.int32]) -> None:
        n = len(self.records)
        self._years = np.array([r.dob.year if r and r.dob else 0 for r in self.records],
                               dtype=np.int16)
        self._alive = np.array([r is not None for r in self.records], dtype=bool)
        self._md = np.array([_md(r.dob) if r else 0 for r in self.records], dtype=np.int16)
        self._mark = np.zeros(n, dtype=bool)
        self._count = np.zeros(n, dtype=np.int8)
        self._weak_cap = max(2000, n // 50)
        self._known_weak_cap = max(1000, n // 100)
        years = self._years[recs] if n else np.zeros(0, dtype=np.int16)
        order = np.lexsort((years, keys))
        self._post_rec = recs[order]
        self._post_year = years[order]
        counts = np.bincount(keys, minlength=len(self._key_ids))
        self._offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._index_words()

    # -- one-edit neighbours of the listed words ----------------------------------
    def _index_words(self) -> None:
        """Every listed Latin word under itself and its forms less one or two letters
        (symmetric deletion): two words one or two edits apart — a letter replaced,
        added or dropped, two neighbours swapped — share one of those forms, whatever
        the letters, the first one included (Nourad / Mourad, Gotfhold / Gotthold,
        Mihsin / Mishin, Youssoj / Youssouf). Stored as sorted hashes → word numbers (a
        few bytes a form)."""
        words = [k[1:] for k in self._key_ids if k[0] == "="]
        hashes: list[int] = []
        owners: list[int] = []
        for n, w in enumerate(words):
            forms = _deletion_forms(w)
            hashes.extend(map(hash, forms))
            owners.extend([n] * len(forms))
        order = np.argsort(np.asarray(hashes, dtype=np.int64), kind="stable")
        self._words = words
        self._form_hash = np.asarray(hashes, dtype=np.int64)[order]
        self._form_word = np.asarray(owners, dtype=np.int32)[order]
        self._near_cache = {}

    def _near_words(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Listed words one edit from ``word``, and two edits from it (5+ letters);
        edits counted as optimal string alignment (a swap of neighbours is one)."""
        hit = self._near_cache.get(word)
        if hit is not None:
            return hit
        found: set[str] = set()
        forms = _deletion_forms(word)
        probes = np.fromiter(map(hash, forms), dtype=np.int64, count=len(forms))
        lo = np.searchsorted(self._form_hash, probes, side="left")
        hi = np.searchsorted(self._form_hash, probes, side="right")
        for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
            if b > a:
                found.update(self._words[i] for i in self._form_word[a:b].tolist())
        for f in forms:
            found.update(self._delta_words.get(f, ()))
        found.discard(word)
        one: list[str] = []
        two: list[str] = []
        for w in sorted(found):
            d = OSA.distance(word, w, score_cutoff=2)
            if d == 1:
                one.append(w)
            elif d == 2 and min(len(word), len(w)) >= 5:
                two.append(w)
        hit = (tuple(one), tuple(two))
        if len(self._near_cache) > 200_000:
            self._near_cache.clear()
        self._near_cache[word] = hit
        return hit

    def add(self, entry: WatchlistEntry) -> None:
        """Add or replace one listed person (searchable at once)."""
        rec = _record(entry)
        known_before = len(self.known)
        n = self._append(rec)
        if len(self.known) != known_before:
            # a word became a name someone on the list bears: what the scorer worked
            # out while it was unknown (a typo, say) no longer holds
            self.cache = PairCache(self.known)
        self._alive = np.append(self._alive, True)
        self._years = np.append(self._years, rec.dob.year if rec.dob else 0).astype(np.int16)
        self._md = np.append(self._md, _md(rec.dob)).astype(np.int16)
        self._mark = np.append(self._mark, False)
        self._count = np.append(self._count, np.int8(0))
        for k in _record_keys(rec):
            if k[0] == "=" and k not in self._key_ids and k not in self._delta:
                w = k[1:]
                for form in _deletion_forms(w):
                    self._delta_words[form].append(w)
                self._near_cache.clear()
            self._delta[k].append(n)
        self._found.clear()

    def remove(self, entry_id: str) -> bool:
        """Remove a listed person (a cancelled notice); True if it was there."""
        n = self.position.pop(entry_id, None)
        if n is None:
            return False
        rec = self.records[n]
        bearers = self._count_bearers()
        self.records[n] = None
        if n < len(self._alive):
            self._alive[n] = False
        if rec is not None:
            gone = False
            for word in _words_of(rec):
                left = bearers[word] = bearers.get(word, 1) - 1
                if left <= 0 and word not in default_dictionary().by_key:
                    self.known.discard(word)
                    gone = True
            if gone:
                # as if never listed: the word is a typo again, not another name
                self.cache = PairCache(self.known)
                self._found.clear()
        return True

    def _count_bearers(self) -> dict[str, int]:
        if self._bearers is None:
            counts: dict[str, int] = defaultdict(int)
            for rec in self.records:
                if rec is not None:
                    for word in _words_of(rec):
                        counts[word] += 1
            self._bearers = counts
        return self._bearers

    def __len__(self) -> int:
        return len(self.position)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.position

    # -- blocking -------------------------------------------------------------------
    def _slices(self, tok: Token, year: int | None, weak: bool) -> list[npt.NDArray[np.int32]]:
        chunks: list[npt.NDArray[np.int32]] = []
        keys: Iterable[str] = tok.keys
        word = tok.main.word
        known = tok.main.fold in self.known
        # a word known as written finds its own spelling through its strong keys; its
        # loose keys (a listed spelling one consonant off) are worth their cost only on
        # the shorter lists: on a common name they mostly bring namesakes of other names
        cap = self._known_weak_cap if (weak and known) else 1 << 62
        if word and not tok.arabic and not known:
            # a word nobody on the list is called: also the listed words one or two
            # edits away (a word the watchlist or the dictionary knows as written finds
            # its own spelling; a typo making another known name is the scorer's to
            # tell). One edit on a long word is as telling as a shared skeleton: a
            # strong key; two edits, or one on a short word, a loose one
            one, two = self._near_words(word)
            strong_one = len(word) >= NEAR_STRONG
            near = (*(one if strong_one != weak else ()), *(two if weak else ()))
            keys = (*keys, *("=" + w for w in near))
        for k in keys:
            if (k[0] == "~") != weak and k[0] != "=":
                continue
            kid = self._key_ids.get(k)
            if kid is not None:
                lo, hi = int(self._offsets[kid]), int(self._offsets[kid + 1])
                if weak and ((year is None and hi - lo > self._weak_cap) or hi - lo > cap):
                    continue
                if year is None or hi - lo < 16:
                    chunks.append(self._post_rec[lo:hi])
                else:
                    a, b, c = np.searchsorted(self._post_year[lo:hi], (1, year - 1, year + 2))
                    chunks.append(self._post_rec[lo:lo + a])
                    chunks.append(self._post_rec[lo + b:lo + c])
            extra = self._delta.get(k)
            if extra:
                chunks.append(np.asarray(extra, dtype=np.int32))
        return chunks

    def _token_set(self, tok: Token, year: int | None
                   ) -> tuple[IntArray, npt.NDArray[np.int32]]:
        """Persons found by one part (all keys, strong keys; a person may appear more
        than once), cached per part and year."""
        key = (tok.uid, year)
        hit = self._found.get(key)
        if hit is None:
            s = self._slices(tok, year, False)
            chunks = s + self._slices(tok, year, True)
            found = np.concatenate(chunks).astype(np.int64) if chunks else _EMPTY
            hit = (found, np.concatenate(s) if s else _EMPTY32)
            if len(self._found) > 50_000:
                self._found.clear()
            self._found[key] = hit
        return hit

    def candidates(self, tokens: Sequence[Token], dob: PartialDate | None,
                   dob_filter: bool = False) -> list[int]:
        """Positions of the persons sharing blocking keys with at least two query parts
        (one of them through a strong key: skeleton or dictionary name).

        Parts are counted per person in a reusable counter array (no sort of the
        found lists): the cost follows the lists' lengths."""
        year = dob.year if dob else None
        cnt = self._count
        strong: list[npt.NDArray[np.int32]] = []
        found_all: list[IntArray] = []
        for tok in tokens[:15]:
            found, found_strong = self._token_set(tok, year)
            if len(found_strong):
                strong.append(found_strong)
            if len(found):
                cnt[found] += 1  # once per part, however many of its keys found it
                found_all.append(found)
        if not found_all:
            return []
        every = np.concatenate(found_all)
        counts = cnt[every]
        cnt[every] = 0
        full_date = dob is not None and dob.full and len(tokens) >= 2
        if not strong and not full_date:
            return []
        for found_strong in strong:
            cnt[found_strong] += 1
        strong_counts = cnt[every]
        for found_strong in strong:
            cnt[found_strong] = 0
        has_strong = strong_counts > 0
        need = 2 if len(tokens) >= 2 else 1
        keep = (counts >= need) & has_strong
        if year is not None:
            years = self._years[every]
            keep &= (years == 0) | (np.abs(years - year) <= 1)
        if need == 2 and int(np.count_nonzero(keep)) > WIDE_BLOCK:
            # common names met through one-letter-off keys only: too many to score;
            # keep the persons two parts found by a strong key
            keep &= strong_counts >= 2
        if full_date and dob is not None:
            # one part garbled beyond the keys, or every part mistyped: accept when the
            # full birth date agrees (day and month, year within one)
            md = self._md[every]
            years = self._years[every]
            agree = ((md == _md(dob)) | (md == _md(PartialDate(dob.year, dob.day, dob.month)))
                     ) & (np.abs(years - dob.year) <= 1)
            keep |= agree & (has_strong | (counts >= need))
        ids = np.unique(every[keep])
        ids = ids[self._alive[ids]]
        if dob_filter and dob is not None and dob.full:
            ids = ids[self._dob_possible(ids, dob)]
        return [int(i) for i in ids]

    def _dob_possible(self, ids: IntArray, dob: PartialDate) -> npt.NDArray[np.bool_]:
        """Candidates whose birth date does not rule them out (vectorised ``dates``)."""
        md = self._md[ids]
        years = self._years[ids]
        swapped = _md(PartialDate(dob.year, dob.day, dob.month))
        possible: npt.NDArray[np.bool_] = ((md == 0) | (years == 0) | (md == _md(dob))
                                           | ((years == dob.year) & (md == swapped)))
        return possible

    # -- search ---------------------------------------------------------------------
    def search(self, query: Query, limit: int = 10,
               threshold: float = DEFAULT_THRESHOLD) -> list[Match]:
        """Ranked matches scoring at least ``threshold``, each with its explanation."""
        scored = self.score_query(query, threshold)
        scored.sort(key=lambda m: (-m.score, m.entry.id))
        return scored[:limit]

    def score_query(self, query: Query, threshold: float) -> list[Match]:
        qtokens = tokenize(query.name)
        qdob = parse_date(query.birth_date)
        out: list[Match] = []
        seen: dict[int, NameResult] = {}
        # score down to the default threshold at least, so that the ambiguity below does
        # not depend on the threshold asked for
        floor = min(threshold, DEFAULT_THRESHOLD)
        for n in self.candidates(qtokens, qdob, floor > DOB_RULES_OUT):
            m = self._score(qtokens, qdob, query.nationality, n, floor, seen)
            if m is not None:
                out.append(m)
        out = _mark_ambiguous(out)
        return [m for m in out if m.score >= threshold]

    def _score(self, qtokens: tuple[Token, ...], qdob: PartialDate | None, qnat: str | None,
               n: int, threshold: float, seen: dict[int, NameResult]) -> Match | None:
        rec = self.records[n]
        if rec is None:
            return None
        res = seen.get(id(rec.tokens))
        if res is None:
            res = seen[id(rec.tokens)] = score_names(qtokens, rec.tokens, self.cache)
        score, dob, d_eff, nat, n_eff = combine(res.score, qdob, rec.dob, qnat,
                                                rec.entry.nationality, res.core_unmatched,
                                                res.other_unmatched)
        if score < threshold:
            return None
        names = [n for n in rec.entry.names if n and n.strip()]
        expl = explain(qtokens, names, rec.tokens, res, dob, d_eff, nat, n_eff,
                       rec.entry.source)
        return Match(rec.entry, score, expl)


def _mark_ambiguous(matches: list[Match]) -> list[Match]:
    """Hold under the default threshold the matches of a query that names many listed
    persons equally: when at least AMBIGUOUS_COUNT matches at or above the default
    threshold lie within AMBIGUOUS_BAND of the best of them with a birth date that does
    not tell them apart, every match with such a weak date is held at AMBIGUOUS_CAP (the
    lesser namesakes are no more singled out than the best ones); a match whose birth
    date agrees in full keeps its score."""
    weak = [m for m in matches
            if m.score >= DEFAULT_THRESHOLD and m.explanation.birth_date in WEAK_DATES]
    if len(weak) < AMBIGUOUS_COUNT:
        return matches
    top = max(m.score for m in weak)
    if sum(1 for m in weak if m.score >= top - AMBIGUOUS_BAND) < AMBIGUOUS_COUNT:
        return matches
    crowd = {id(m) for m in weak}
    note = f"ambiguous: {len(crowd)} listed persons match equally (at most {AMBIGUOUS_CAP:.2f})"
    return [replace(m, score=min(m.score, AMBIGUOUS_CAP),
                    explanation=replace(m.explanation,
                                        name_notes=(*m.explanation.name_notes, note)))
            if id(m) in crowd else m for m in matches]


def score_pair(query: Query, entry: WatchlistEntry) -> Match:
    """Score one query against one listed person, without blocking (for explanations
    and tests): the same code path as a search."""
    index = ScreeningIndex.build([entry])
    m = index._score(tokenize(query.name), parse_date(query.birth_date), query.nationality,
                     0, -1.0, {})
    assert m is not None
    return m
