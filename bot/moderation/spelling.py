"""Misspelt words read as the listed words they were meant to be.

People get slurs, insults and cuss words past filters (or just type fast) by dropping a
letter ("bullsht", "hatrd"), swapping two ("idoit", "haet"), doubling one ("idiiot"),
gluing words together ("Ihate") or spacing letters out ("h a t e"). `FuzzyIndex` finds a
listed form one such edit away; `repair` rewrites a folded text with those edits undone, so
the pattern rules can read it.

Only edits that keep the first letter are tried, and only for forms of five letters or
more: shorter words have too many real English neighbours ("moon" is "moron" without its r).
Real words that are one edit from a listed form are never read as it (`REAL_WORDS`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

# Ordinary words one edit away from a listed insult, slur or cuss word (found by checking
# every form's edits against a large English vocabulary).
LISTED_REAL_WORDS = frozenset(
    {
        "animal", "counts", "filthy", "garage", "looser", "loses", "moons", "moroni", "morton",
        "numpy", "picks", "savage", "twist", "weird", "colons", "niger", "arises", "assess",
        "assets", "batch", "batched", "batches", "batching", "carbon", "clocks", "shifts",
        "sites", "sitting", "slope", "bitten", "pricks", "fickle", "tricks", "clown", "hater",
        "haters", "later", "hated", "heated", "dates", "mornings", "moron", "crooks", "twits",
        "brash", "trashy", "flith", "lairs", "sluts", "bastard", "wither", "snakes", "sneak",
        "shits", "shite", "sheet", "shirt", "shitt", "whites", "white", "wanker", "wanted",
        "prat", "part", "parts", "tarts", "start", "starts", "rates", "rated", "bart", "beta",
        "lair", "ares", "bras", "chin", "cons", "cook", "coos", "cuts", "down", "dumb", "exit",
        "fall", "fist", "lies", "lose", "mere", "mons", "moon", "morn", "pace", "pest", "pets",
        "pick", "pike", "sake", "sand", "site", "sits", "stan", "thin", "thus", "tits", "vale",
        "with", "lars", "lech", "girl", "ared", "arab", "puck", "pucks", "wore", "puss", "twas",
        "tugs", "fats", "sobs", "boos", "dune", "wort", "thee", "live", "back", "shot", "soot",
        "shoo", "lack", "bats", "fred", "cree", "rook", "tash", "vius", "asin", "lice", "loser",
    }
)  # fmt: skip
# The common words of the languages Pickering's residents write in ("shirts", "waking",
# "sitter", "spices", French "retardé" and "douce") that the lexicons would read as one edit
# from a listed form: written by benchmarks/write_real_words.py from word-frequency lists.
REAL_WORDS_FILE = Path(__file__).with_name("model_data") / "real_words.json"


def _shipped_real_words(path: Path = REAL_WORDS_FILE) -> frozenset[str]:
    try:
        return frozenset(json.loads(path.read_text(encoding="utf-8"))["words"])
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()  # without the file only the listed words are known to be real


REAL_WORDS = LISTED_REAL_WORDS | _shipped_real_words()
_MIN_FORM = 5


class FuzzyIndex:
    """Listed forms and every string one edit away from them (first letter kept)."""

    def __init__(self, forms: Iterable[str], *, min_length: int = _MIN_FORM,
                 real_words: frozenset[str] = REAL_WORDS) -> None:
        self.forms = frozenset(f for f in forms if f.isalpha() and f.isascii())
        self.real_words = real_words
        self._near: dict[str, str] = {}
        for form in sorted(self.forms):
            if len(form) < min_length - 1:
                continue
            # Four-letter forms only by a swap ("haet"); a dropped letter must leave four
            # letters ("idot"), and the real words that leaves ("moon" is "moron" without
            # its r) are in REAL_WORDS.
            edits = _swapped(form) | {d for d in _dropped(form) if len(d) >= min_length - 1}
            for variant in edits:
                if variant not in self.forms and variant not in real_words:
                    self._near.setdefault(variant, form)
        self._long = frozenset(f for f in self.forms if len(f) >= min_length)
        self.match = lru_cache(maxsize=16384)(self._match)
        # Words repeat from post to post: each is repaired once.
        self.repaired = lru_cache(maxsize=32768)(lambda word: _repaired_word(word, self))
        # The words known to stay themselves (most words): a post made only of them needs no
        # repair, and one set test says so (bounded; safe to share between threads).
        self.unchanged: set[str] = set()

    def _match(self, token: str) -> str | None:
        """The form `token` is one edit away from, if any (the token is plain lowercase)."""
        if len(token) < 4 or token in self.real_words or token in self.forms:
            return None
        found = self._near.get(token)
        if found is not None:
            return found
        if len(token) >= 6:  # a letter too many: "idiiot", "hattred"
            for extra in _dropped(token):
                if extra in self._long:
                    return extra
        return None


def _dropped(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(1, len(word))}


def _swapped(word: str) -> set[str]:
    return {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(1, len(word) - 1)
        if word[i] != word[i + 1]
    }


_SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z] ){2,}[a-z](?![a-z0-9])")
# What every _SPACED match holds, read from its first space (the engine jumps from space to
# space): a lone letter before it, two more after. Three times faster; most posts have none.
_MAYBE_SPACED = re.compile(r" (?<![a-z0-9][a-z] )(?<=[a-z] )[a-z] [a-z](?![a-z0-9])")
_TOKEN = re.compile(r"[a-z]+")
# Short words people glue onto the next one ("Ihate", "youare").
# Pronouns and a few function words are split off the front; never "the" or "a": "the" +
# "rapist" would read "therapist" as an insult.
_GLUE = ("i", "you", "we", "they", "much", "just", "very", "such", "so", "all", "are", "is",
         "were", "these", "those", "them")  # fmt: skip


_TAILS = ("are", "is", "all", "were", "so", "like")


def repair(folded: str, index: FuzzyIndex) -> str | None:
    """`folded` with spaced-out letters joined, glued words split and misspelt listed words
    corrected; None when there was nothing to repair."""
    text = folded
    if _MAYBE_SPACED.search(folded) is not None:
        text = _SPACED.sub(lambda m: m.group().replace(" ", ""), folded)
    words = _TOKEN.findall(text)
    if not index.unchanged.issuperset(words):  # most posts: every word stays itself
        if len(index.unchanged) >= _UNCHANGED_LIMIT:
            index.unchanged.clear()
        # Only the words not known to stay themselves are asked about, each once: a post
        # with one word that changes ("senior" -> "seniors") comes here every time it is
        # screened, and a long one would otherwise cost a Python call per word, three times.
        changes: dict[str, str] = {}
        for word in set(words).difference(index.unchanged):
            repaired = index.repaired(word)
            if repaired == word:
                index.unchanged.add(word)
            else:
                changes[word] = repaired
        if changes:
            # Each changed word rewritten where it stands whole (a run of letters, as _TOKEN
            # reads it); every other run stays itself, so only these need finding.
            whole = "|".join(map(re.escape, sorted(changes)))
            text = re.sub(rf"(?<![a-z])(?:{whole})(?![a-z])", lambda m: changes[m.group()], text)
    return text if text != folded else None


_UNCHANGED_LIMIT = 100_000


def _repaired_word(word: str, index: FuzzyIndex) -> str:
    if word in index.forms or len(word) < 4:
        return word
    for glue in _GLUE:
        rest = word[len(glue) :]
        if word.startswith(glue) and len(rest) >= 4:
            if rest in index.forms:
                return f"{glue} {rest}"
            if (near := index.match(rest)) is not None:
                return f"{glue} {near}"
    for cut in range(4, len(word) - 3):  # "hatewomen", "womenare"
        head, tail = word[:cut], word[cut:]
        if head in index.forms and (tail in index.forms or tail in _TAILS):
            return f"{head} {tail}"
    return index.match(word) or word
