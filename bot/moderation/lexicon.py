"""Finding listed words however they are disguised.

A `Lexicon` holds concrete word forms ("fuck", "fucking", "bullshit"...). A post's tokens
are folded (look-alike letters, accents, case) and then:
- a token of plain letters must match a listed form *whole*, letting any letter repeat
  ("fuuuck"), so words that merely contain a listed form pass (Scunthorpe, Cockburn,
  assess, Dickens), unless the lexicon names the form an infix no word holds innocently;
- a token with digits or symbols is read as a pattern: leetspeak stands for its letters
  (1 -> i/l, 0 -> o, $ -> s, @ -> a...) and mask symbols (* # % - ' .) for one to four
  letters, and it matches when some listed form fits it whole ("f*ck", "a$$", "sh1t");
- runs of spaced-out letters are joined ("f u c k i n g", "B U L L S H I T", "sh i t").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from bot.moderation.spelling import FuzzyIndex
from bot.moderation.text import fold

_LEET = {
    "0": "o", "1": "[il]", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
    "@": "a", "$": "s", "!": "i", "|": "[il]", "+": "t", "€": "e", "¡": "i",
}  # fmt: skip
_MASK = set("*#%^~_-.'’\"?—–")  # dashes too: "f—ing"
_SEPARATORS = set(".-_'’")
_EDGE = ".,;:?!'’\"`()[]{}<>“”‘«»…"
_SEPARATOR = r"\s,;:/()\[\]{}<>\"“”"
_TOKEN = re.compile(rf"[^{_SEPARATOR}]+")
# A token with its edges trimmed, when two characters or more are left: from a token's start
# (the look-behind), past its leading edge characters, to its last character that is not one.
_TRIMMED_TOKEN = re.compile(
    rf"(?<![^{_SEPARATOR}])[{re.escape(_EDGE)}]*"
    rf"([^{_SEPARATOR}{re.escape(_EDGE)}][^{_SEPARATOR}]*[^{_SEPARATOR}{re.escape(_EDGE)}])"
)
# Single letters (or pairs) spaced out: "f u c k", "B.U.L.L.S.H.I.T", "sh i t".
_SPACED_RUN = re.compile(r"(?<!\S)(?:\S{1,2}[ .]){2,}\S{1,2}(?!\S)")
_LONE_DASH = re.compile(r"[—–]+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    form: str  # the listed form it was read as


def _as_it_looks(token: str) -> str:
    """Each look-alike symbol read as the letter it looks like: "cr@p" -> "crap"."""
    return "".join(_LEET[ch][1] if ch in _LEET and _LEET[ch].startswith("[") else
                   _LEET.get(ch, ch) for ch in token)


def _collapsed(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


class Lexicon:
    """A closed list of word forms, matched as described in the module docstring."""

    def __init__(
        self,
        forms: Iterable[str],
        *,
        exceptions: Iterable[str] = (),
        masked_min_letters: int = 1,
        fuzzy: bool = False,
        infixes: Iterable[str] = (),
    ) -> None:
        # How many plain letters a masked token must show: "f***" is enough for cuss words,
        # but an insult list would read it as "fool".
        self.masked_min_letters = masked_min_letters
        self.forms = frozenset(form.lower() for form in forms)
        self.exceptions = frozenset(exception.lower() for exception in exceptions)
        # Forms no word holds innocently, found inside a longer word too ("absofuckinglutely").
        self.infixes = tuple(infix.lower() for infix in infixes)
        # One dropped, swapped or doubled letter ("bullsht", "idoit"): see bot.moderation.spelling.
        self.fuzzy = FuzzyIndex(self.forms) if fuzzy else None
        buckets: dict[str, list[str]] = {}
        for form in sorted(self.forms):
            buckets.setdefault(form[0], []).append(form)
        # Newline-joined forms by first letter: one C-level regex scan per masked token.
        self._by_initial = {initial: "\n".join(group) for initial, group in buckets.items()}
        # Safe to share between threads: a lost or repeated entry changes no answer.
        self._seen: dict[str, str | None] = {}
        # The tokens already read as no listed form: a post made only of them (most posts)
        # has no hit among its tokens, and one set comparison says so.
        self._misses: set[str] = set()

    def find(self, text: str) -> list[Hit]:
        folded = fold(text)
        hits = []
        if not _token_set(folded) <= self._misses:
            seen = self._seen
            for start, end, token in _tokens(folded):
                # match_token's memory read here: a call less for each of the post's words
                form = seen[token] if token in seen else self.match_token(token)
                if form is not None:
                    hits.append(Hit(start, end, form))
        for run in _spaced_runs(folded):
            for hit in self._spaced_subruns(folded, list(run)):
                if not any(h.start <= hit.start < h.end for h in hits):
                    hits.append(hit)
        return sorted(hits, key=_START) if hits else hits

    def _spaced_subruns(self, folded: str, pieces: list[tuple[int, int]]) -> Iterator[Hit]:
        i = 0
        while i < len(pieces):
            for j in range(len(pieces), i + 2, -1):  # longest first, at least 3 pieces
                if not _mostly_single(pieces[i:j]):
                    continue  # "I do it", "we go to": short words, not a word spaced out
                if sum(folded[s:e].isalpha() for s, e in pieces[i:j]) < 2:
                    continue  # "à 5 $": a price, not "a55" spaced out
                # the comma of "b u l l s h i t, we pay" is no letter
                joined = "".join(folded[s:e] for s, e in pieces[i:j]).strip(_EDGE)
                # Part of a run is read only as a listed form spelt out exactly: "S.H.I.E.L.D."
                # holds "shie", one letter from "shite", and no swearing
                whole = i == 0 and j == len(pieces)
                form = self.match_token(joined) if whole else self._spelt_out(joined)
                if form is not None:
                    yield Hit(pieces[i][0], pieces[j - 1][1], form)
                    i = j - 1
                    break
            i += 1

    def _spelt_out(self, joined: str) -> str | None:
        if not joined.isalpha():
            return self.match_token(joined) if joined else None  # a mask: never a near-miss
        return self._match_plain(joined, near_misses=False)

    def match_token(self, token: str) -> str | None:
        """The listed form `token` (already folded) stands for, if any (remembered: the same
        words come back post after post, and reading a masked one costs regex searches)."""
        try:
            return self._seen[token]
        except KeyError:
            pass
        if len(self._seen) >= _SEEN_LIMIT:
            self._seen.clear()
            self._misses.clear()
        found = self._seen[token] = self._read_token(token)
        if found is None:
            self._misses.add(token)
        return found

    def _read_token(self, token: str) -> str | None:
        if self.exceptions and (token in self.exceptions
                                or _as_it_looks(token) in self.exceptions):
            return None  # "cr@p" is crap, not a masked "creep"
        if token.isalpha() and token.isascii():
            return self._match_plain(token) or self._infix(token)
        if "'" in token or "’" in token:
            # Contractions and elisions ("who's", "d'incompétents") are words, not masks;
            # "f'n" is still read as a mask below. A letter's plural is one too ("A's and B's").
            if re.fullmatch(r"[a-z]['’]s", token):
                return None
            if re.fullmatch(r"[snmtcdlj]['’][aeiouyh]", token):
                return None  # a French elision before a one-letter word: "n'a", "l'a"
            parts = [p for p in re.split("['’]", token) if len(p) >= 2]
            if parts and all(p.isalpha() and p.isascii() for p in parts):
                for part in parts:
                    if (found := self._match_plain(part)) is not None:
                        return found
                # English contractions; French elisions ("d'accord", "s'il", "n'est")
                if re.fullmatch(r"[a-z]+['’](?:s|t|re|ve|ll|d|m)|(?:[dlj]|qu)['’][a-z]+"
                                r"|[snmtc]['’][aeiouy][a-z]*", token):
                    return None
        if len(token) > 24:
            return None  # links and e-mail addresses, not disguised words
        if _DOTTED_LETTERS.fullmatch(token):
            # Letters with dots are the letters, spelt exactly: "s.h.i.t" is shit, but "a.s."
            # (Dutch "next") and "A.Ş." (Turkish "Inc.") are no stretched "ass"
            letters = token.replace(".", "")
            return letters if letters in self.forms else None
        found = self._match_masked(token)
        if found is None and "-" in token.strip("-"):
            # "a**-backwards", "sh!t-show": each hyphenated part on its own.
            for part in token.split("-"):
                if len(part) >= 2 and (found := self._read_token(part)) is not None:
                    break
        return found

    def _match_plain(self, token: str, *, near_misses: bool = True) -> str | None:
        """The form a word of plain letters is: itself, stretched ("fuuuuck", "shiiit") or,
        with `near_misses`, one edit away ("bullsht")."""
        if token in self.forms:
            return token
        if self.fuzzy is not None and token in self.fuzzy.real_words:
            return None  # "shiite" is a word of its own, not a stretched "shite"
        if (unstretched := squeezed(token)) in self.forms:
            return unstretched
        return self.fuzzy.match(token) if self.fuzzy is not None and near_misses else None

    def _infix(self, token: str) -> str | None:
        return next((infix for infix in self.infixes if infix in token), None)

    def _match_masked(self, token: str) -> str | None:
        letters = sum(ch.isascii() and ch.isalpha() for ch in token)
        if letters < self.masked_min_letters:
            return None
        for candidate, initials in _masked_patterns(token, letters):
            if any(re.fullmatch(candidate, word) for word in self.exceptions):
                return None  # "a load of cr*p": a tolerated word fits the mask
            for initial in initials:
                joined = self._by_initial.get(initial)
                if joined is None:
                    continue
                found = re.search(f"^(?:{candidate})$", joined, re.MULTILINE)
                if found:
                    return found.group()
        return None


_SEEN_LIMIT = 100_000
_START = attrgetter("start")
_DOTTED_LETTERS = re.compile(r"(?:[a-z]\.)+[a-z]\.?")
# Vowels doubled or more, consonants tripled; double consonants stay, or "assess" would read
# as "asses".
_STRETCHED = re.compile(r"([aeiouy])\1+|([^aeiouy])\2{2,}")


def squeezed(word: str) -> str:
    """`word` with its stretched letters cut to one ("fuuuuck" is "fuck")."""
    return _STRETCHED.sub(lambda m: m.group()[0], word)


@lru_cache(maxsize=64)
def _tokens(folded: str) -> tuple[tuple[int, int, str], ...]:
    """Word-like tokens of a folded text, edges trimmed (cached: every lexicon reads them)."""
    found = []
    for match in _TOKEN.finditer(folded):
        token = match.group()
        start, end = match.span()
        if token[0] in _EDGE or token[-1] in _EDGE:  # most tokens have nothing to trim
            start, end = _trim(folded, start, end)
            token = folded[start:end]
        if end - start >= 2:
            found.append((start, end, token))
    return tuple(found)


@lru_cache(maxsize=64)
def _token_set(folded: str) -> frozenset[str]:
    """The distinct tokens of a folded text, as `_tokens` reads them (edges trimmed, two
    characters or more) but without their places: cheaper, and all most posts need (cached:
    every lexicon asks)."""
    return frozenset(_TRIMMED_TOKEN.findall(folded))


def _mostly_single(pieces: list[tuple[int, int]]) -> bool:
    """At least half the pieces are one character each, as in "f u c k" or "i d i 0 t"."""
    return 2 * sum(end - start == 1 for start, end in pieces) >= len(pieces)


@lru_cache(maxsize=64)
def _spaced_runs(folded: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    runs = []
    for run in _SPACED_RUN.finditer(folded):
        pieces: list[tuple[int, int]] = []
        for m in re.finditer(r"[^ .]+", run.group()):
            if _LONE_DASH.fullmatch(m.group()):
                # A dash standing alone is punctuation ("ça — on"), not a masked letter.
                runs.append(tuple(pieces))
                pieces = []
            else:
                pieces.append((m.start() + run.start(), m.end() + run.start()))
        runs.append(tuple(pieces))
    return tuple(run for run in runs if len(run) >= 3)


@lru_cache(maxsize=8192)
def _masked_patterns(token: str, letters: int) -> tuple[tuple[str, str], ...]:
    """Regular expressions a masked token could stand for (with and without separators),
    each with the first letters its listed forms can start with."""
    variants = [token]  # (letters with dots never come here: `_read_token` reads them)
    if any(ch in _SEPARATORS for ch in token):
        variants.append("".join(ch for ch in token if ch not in _SEPARATORS))
    patterns = []
    for variant in variants:
        pattern = _mask_pattern(variant, letters)
        if pattern is not None:
            initial = _LEET.get(variant[0], variant[0])
            patterns.append((pattern, initial.strip("[]")))
    return tuple(patterns)


def _mask_pattern(token: str, letters: int) -> str | None:
    if token[0] in _MASK or len(token) < 2 or re.fullmatch(r"[a-z][+-]+", token):
        # "*t" shows too little of the word to say which it is; "A+", "B-" are grades
        return None
    masks = sum(ch in _MASK for ch in token)
    if sum(ch.isdigit() for ch in token) > letters:
        return None  # "1A5", "F-150", "500g": numbers with a letter, not disguised words
    if letters + sum(ch in _LEET for ch in token) < 2 and masks < 2:
        return None
    if letters < 2 and len(token) == 2:
        return None  # one letter and a symbol says nothing: "M$" is millions of dollars
    parts: list[str] = []
    for ch in _collapsed(token):
        if ch in _MASK:
            if parts and parts[-1] == "[a-z]{1,4}":
                continue
            parts.append("[a-z]{1,4}")
        elif ch in _LEET and not ch.isdigit():
            # A symbol is either the letter it looks like ("$" for s) or just a mask ("f@ck").
            # As a mask it hides one to four letters, as "*" does: "M$" is not "madarchod".
            parts.append(f"(?:(?:{_LEET[ch]})+|[a-z]{{1,4}})")
        elif ch in _LEET:
            parts.append(f"(?:{_LEET[ch]})+")
        elif ch.isascii() and ch.isalnum():
            parts.append(re.escape(ch) + "+")  # runs were collapsed: "a$$" is "a$"
        else:
            return None  # emoji or other symbols: not a disguised word
    return "".join(parts)


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in _EDGE:
        start += 1
    while end > start and folded[end - 1] in _EDGE:
        end -= 1
    return start, end


def expand(prefixes: Iterable[str], roots: Iterable[str], suffixes: Iterable[str]) -> set[str]:
    """Every prefix + root + suffix: the compounds a root takes ("bull" + "shit" + "ty")."""
    return {p + r + s for p in prefixes for r in roots for s in suffixes}
