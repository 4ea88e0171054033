"""Text folding shared by the rules: look-alike letters, accents and case are reduced to plain
lowercase ASCII letters *one character for one character*, so a match in the folded text is
also a span of the original post.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from bot.moderation.model import Span
from bot.moderation.prefilter_strings import KnownAnswers

# Letters from other scripts that look like Latin ones (Unicode confusables, the common
# subset people use to slip words past filters).
LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
    "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i",
    "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "μ": "u",
    # Latin variants NFKD does not reduce
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "s", "ſ": "s", "ƒ": "f", "ɑ": "a",
    "ʋ": "u", "ɩ": "i", "ℓ": "l",
}  # fmt: skip


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character in, one character out: lowercase ASCII where it is a look-alike letter."""
    if ch.isascii():
        return ch.lower()
    low = ch.lower()
    if low in LOOKALIKES:
        return LOOKALIKES[low]
    decomposed = unicodedata.normalize("NFKD", low)
    if decomposed and decomposed[0].isascii() and decomposed[0].isalnum():
        return decomposed[0].lower()
    return ch


class _FoldTable(dict[int, str]):
    """fold_char as a table for str.translate, filled as characters come (a table read in C
    is twice as fast as a Python call per character)."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _FOLD_TABLE_LIMIT:
            self.clear()  # bounded, whatever characters posts bring
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD_TABLE_LIMIT = 65_536


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """`text` folded, same length, so indices carry over to the original (cached: every rule
    folds the same post)."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


# Digits and symbols standing for letters inside a word ("h4te", "th@yoli", "p0rra") or
# opening one ("4ssh...", "3sti"), read as the letters, one character for one.
_LEET_INSIDE = r"(?<=[a-z])[013457@$!](?=[a-z])"
_LEET_IN_WORD = re.compile(_LEET_INSIDE)
_LEET_IN_OR_OPENING_WORD = re.compile(rf"{_LEET_INSIDE}|\b[0134@$](?=[a-z]{{2}})")
_LEET_CHARACTER = re.compile(r"[013457@$!]")  # in every match of both
_LEET_LETTER = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
                "!": "i"}


def unleet(folded: str, *, opening: bool = True) -> str:
    """The folded text with leetspeak read as letters (inside words, and opening them unless
    `opening` is false); same length, so spans carry over."""
    if _LEET_CHARACTER.search(folded) is None:
        return folded  # most posts: nothing to read
    pattern = _LEET_IN_OR_OPENING_WORD if opening else _LEET_IN_WORD
    return pattern.sub(lambda m: _LEET_LETTER[m.group()], folded)


def word_alternation(alternatives: list[str] | tuple[str, ...]) -> str:
    """`alt1|alt2|...`, each starting at a word, written so `re` can scan it fast.

    A leading `\\b` on each alternative makes the regular-expression engine try every
    alternative at every position; one look-behind in front of the group lets it skip
    ahead by first letter (seven to ten times faster on a typical post).
    """
    inner = "|".join(alt[2:] if alt.startswith("\\b") else alt for alt in alternatives)
    return rf"(?<![a-z0-9])(?:{inner})"


def literal_trie(alternatives: Sequence[tuple[str, str]]) -> str:
    """An alternation of `literal + tail` for each (literal, tail regex) pair, factored by
    leading letters so the regular-expression engine reads a letter once instead of trying
    every alternative: "garbage|green bin|grass" becomes "g(?:arbage|r(?:een bin|ass))".

    Matches exactly what the plain alternation matches, preferring the same alternative: a
    letter is only factored out where every alternative still has letters left, and the
    alternatives sharing a letter keep their order (those with another letter cannot match
    at the same place).
    """
    if not alternatives:
        return "(?!)"
    if any(not literal for literal, _ in alternatives):
        return "|".join(re.escape(literal) + tail for literal, tail in alternatives)
    groups: dict[str, list[tuple[str, str]]] = {}
    for literal, tail in alternatives:
        groups.setdefault(literal[0], []).append((literal[1:], tail))
    branches = []
    for letter, rest in groups.items():
        inner = literal_trie(rest)
        branches.append(re.escape(letter) + (inner if len(rest) == 1 and "|" not in inner
                                             else f"(?:{inner})"))
    return "|".join(branches)


def _top_level_alternatives(pattern: str) -> list[str]:
    """`a|b(c|d)|e` -> ["a", "b(c|d)", "e"]: the pattern split at its outermost bars."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def at_words(pattern: str) -> str:
    """A pattern whose every alternative starts at a word, rewritten as text.word_alternation
    does (one look-behind instead of a \\b per alternative: several times faster)."""
    parts = _top_level_alternatives(pattern)
    if all(part.startswith("\\b") for part in parts):
        return word_alternation(parts)
    return pattern


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words(folded: str) -> list[str]:
    """Plain words of already-folded text (for counting and overlap, not evidence)."""
    return _WORD.findall(folded)


def span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def spans_of(pattern: re.Pattern[str], text: str, folded: str) -> Iterator[Span]:
    """Each match of `pattern` in the folded text, as a span of the original."""
    for match in pattern.finditer(folded):
        yield span(text, match.start(), match.end())


def is_emoji(ch: str) -> bool:
    """Pictographs and their joiners, variation selectors and skin tones."""
    code = ord(ch)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x200D, 0xFE0F, 0x20E3)
        or 0x1F3FB <= code <= 0x1F3FF
        or 0x2190 <= code <= 0x21FF
        or 0xE0020 <= code <= 0xE007F
    )


def strip_emoji(text: str) -> str:
    return "".join(ch for ch in text if not is_emoji(ch))


class _Needles:
    """Every prefiltered pattern's literal strings in one Aho-Corasick automaton, so a post is
    read once for all of them (and once per text: the rules share the answer)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def register(self, needles: tuple[str, ...]) -> frozenset[int]:
        for needle in needles:
            if needle not in self.ids:
                self.ids[needle] = len(self.ids)
                self._automaton = None
                _present.cache_clear()
        return frozenset(self.ids[needle] for needle in needles)

    def automaton(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for needle, index in self.ids.items():
                automaton.add_word(needle, index)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


_NEEDLES = _Needles()


@lru_cache(maxsize=64)
def _present(text: str) -> frozenset[int]:
    """The ids of the needles in `text`. Asked directly, not through a method: the rules ask
    twenty to thirty times a post, and each call less counts."""
    return frozenset(map(_SECOND, _NEEDLES.automaton().iter(text)))


_SECOND = itemgetter(1)


class Prefiltered:
    """A compiled pattern that first asks whether the text holds one of the literal strings
    every match must contain (found in the pattern itself). One automaton pass per post
    answers that for every pattern at once, and most patterns then need no scan at all.
    Same matches, always."""

    def __init__(
        self, pattern: re.Pattern[str], needles: Sequence[str] | None = None
    ) -> None:
        """`needles`, when given, are strings one of which every match holds (as
        text.literal_trie's literals are); otherwise they are read from the pattern."""
        self.pattern = pattern
        found = required_literals(pattern) if needles is None else tuple(sorted(set(needles)))
        if found is not None and not _usable(frozenset(found)):
            found = None
        self.needles = _NEEDLES.register(found) if found is not None else None

    def may_match(self, text: str) -> bool:
        needles = self.needles
        return needles is None or not needles.isdisjoint(_present(text))

    # finditer and search ask as may_match does, written out: a call less each time.
    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        needles = self.needles
        if needles is None or not needles.isdisjoint(_present(text)):
            return self.pattern.finditer(text)
        return iter(())

    def search(self, text: str) -> re.Match[str] | None:
        needles = self.needles
        if needles is None or not needles.isdisjoint(_present(text)):
            return self.pattern.search(text)
        return None

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self.pattern.sub(replacement, text) if self.may_match(text) else text


class Gate:
    """Whether any of several prefiltered patterns can match a text, in one set test: a rule
    whose patterns all need literal strings the post does not hold skips them all (most
    posts). Same matches, always: each pattern still asks for itself when the gate opens."""

    def __init__(self, patterns: Sequence[Prefiltered]) -> None:
        self._always = any(pattern.needles is None for pattern in patterns)
        self._needles = frozenset().union(*(pattern.needles or () for pattern in patterns))

    def may_match(self, text: str) -> bool:
        return self._always or not self._needles.isdisjoint(_present(text))


class AllOf:
    """Whether a pattern can match, from prefilters of the parts every match is made of (an
    agency, a request and what is requested): each part's literal strings must all be
    there, which is much rarer than any one part's. Same matches, always."""

    def __init__(self, parts: Sequence[Prefiltered]) -> None:
        self._parts = tuple(parts)

    def may_match(self, text: str) -> bool:
        return all(part.may_match(text) for part in self._parts)


class CaseFoldPrefiltered(Prefiltered):
    """A pattern that reads the text as written, whose prefilter reads the folded text
    (`fold`). For a case-insensitive pattern: every character that matches an ASCII letter
    regardless of case ("E", "K" the Kelvin sign, "ſ", "ı") folds to that lowercase letter
    (tests/moderation/test_prefilter.py checks every code point), so a match in the text has
    one of the pattern's literal strings, lowercased, in the folded text. The pattern itself
    still reads the text: same matches, always."""

    def __init__(
        self, pattern: re.Pattern[str], needles: Sequence[str] | None = None
    ) -> None:
        """`needles`, when given, are lowercase strings one of which every match holds,
        regardless of case; otherwise they are read from the pattern."""
        self.pattern = pattern
        self.needles = None
        if needles is not None:
            self.needles = _NEEDLES.register(tuple(sorted(set(needles))))
        elif pattern.flags & re.IGNORECASE or "(?i:" in pattern.pattern:
            # The literal strings of the pattern read case-sensitively, then lowercased.
            plain = re.compile(pattern.pattern.replace("(?i:", "(?:"),
                               pattern.flags & ~re.IGNORECASE)
            needles = required_literals(plain)
            if needles is not None and all(needle.isascii() for needle in needles):
                self.needles = _NEEDLES.register(tuple(sorted({n.lower() for n in needles})))
        else:
            # A case-sensitive pattern that reads the text as written ("[A-Z][a-z]+ is"):
            # `fold` maps character for character, so each literal string in the text is,
            # folded, in the folded text, the one every other rule's prefilter reads (its
            # automaton pass is shared instead of a second one over the text as written).
            needles = required_literals(pattern)
            if needles is not None:
                folded = frozenset(fold(needle) for needle in needles)
                if _usable(folded):
                    self.needles = _NEEDLES.register(tuple(sorted(folded)))

    def may_match(self, text: str) -> bool:
        return self.needles is None or not self.needles.isdisjoint(_present(fold(text)))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        needles = self.needles  # may_match written out: a call less
        if needles is None or not needles.isdisjoint(_present(fold(text))):
            return self.pattern.finditer(text)
        return iter(())

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None


class Alternatives:
    """A pattern `A|B|C...` (a few top-level alternatives, no groups) run with only the
    alternatives whose literal strings are in the text: an alternative that cannot match
    anywhere in a text changes no match when left out, and a pattern of the remaining ones
    is compiled once per combination (at most 2**n of them). Same matches, always."""

    # Up to 12 alternatives (the other-language swear list has 10): the combinations are
    # compiled only as texts bring them, a handful in practice.
    _MOST = 12

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.whole = Prefiltered(pattern)
        parts = _top_level_alternatives(pattern.pattern)
        self._parts = parts
        self._filters = (
            [Prefiltered(re.compile(part, pattern.flags)) for part in parts]
            if 1 < len(parts) <= self._MOST and not pattern.groups
            else None
        )
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._filters is None or not self.whole.may_match(text):
            return self.whole.finditer(text)
        present = tuple(i for i, part in enumerate(self._filters) if part.may_match(text))
        if len(present) == len(self._filters):
            return self.whole.pattern.finditer(text)
        if not present:
            return iter(())
        pattern = self._compiled.get(present)
        if pattern is None:
            pattern = re.compile("|".join(self._parts[i] for i in present),
                                 self.whole.pattern.flags)
            self._compiled[present] = pattern
        return pattern.finditer(text)


class PatternSet:
    """Many prefiltered patterns: which of them can match a text, in their order, from one
    automaton pass (instead of asking each pattern in turn)."""

    def __init__(self, patterns: Sequence[Prefiltered]) -> None:
        self._always = frozenset(i for i, p in enumerate(patterns) if p.needles is None)
        self._by_needle: dict[int, list[int]] = {}
        for index, pattern in enumerate(patterns):
            for needle in pattern.needles or ():
                self._by_needle.setdefault(needle, []).append(index)
        self._needles = frozenset(self._by_needle)
        self._always_in_order = sorted(self._always)

    def candidates(self, text: str) -> list[int]:
        # Only this set's needles among those in the text (a set operation in C): the text
        # holds other rules' needles too, and most posts none of this set's.
        present = self._needles.intersection(_present(text))
        if not present:
            return list(self._always_in_order)
        found = set(self._always)
        by_needle = self._by_needle
        for needle in present:
            found.update(by_needle[needle])
        return sorted(found)


# The automaton holds every needle at no cost per post; the bound only stops a pattern's
# expansion from running away (each needle is a set member, tested against what is present).
# At 800, the French illegal-advice list (941 strings) and then the other-language insults
# (966) lost their prefilter and were read in full on every post, about 25 µs each.
_MAX_NEEDLES = 2000


# Worked out once for the shipped rules (bot/moderation/prefilter_strings.py): reading the
# patterns' parse trees took about half the package's import.
KNOWN_ANSWERS = KnownAnswers()


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which is in every match of `pattern`; None when none can be named."""
    if pattern.flags & re.IGNORECASE:
        return None
    known, answer = KNOWN_ANSWERS.get(pattern.pattern, pattern.flags)
    if not known:
        answer = _read_required_literals(pattern)
        KNOWN_ANSWERS.remember(pattern.pattern, pattern.flags, answer)
    return answer


def _read_required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    from re import _parser  # type: ignore[attr-defined]

    found = _required(_parser.parse(pattern.pattern, pattern.flags))
    if not found or not _usable(found):
        return None  # a single ASCII letter is in nearly every post ("$" is in few)
    return tuple(sorted(found))


def _required(items: object) -> frozenset[str] | None:
    """The best any-of set of literals for a parsed sequence (see _strength), or None.

    Consecutive items that each match one of a few plain strings ("dm", "(?:me|us)", "[ae]",
    "s?", and the zero-width "\\b" or look-arounds between them) are joined into the strings
    their concatenation can be ("dm me", "dm us"): each is in every match of the sequence."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: frozenset[str] | None = None
    run: frozenset[str] = _EMPTY_RUN

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and "" not in candidate and (
            best is None or _strength(candidate) > _strength(best)
        ):
            best = candidate

    for op, value in items:  # type: ignore[attr-defined]
        if op is c.AT or op is c.ASSERT_NOT:
            continue  # zero-width: what stands on either side is contiguous in the text
        if op is c.ASSERT:
            # What a look-ahead or look-behind asks for is in the text too (not in the match,
            # but the automaton reads the whole text).
            consider(_required(value[1]))
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and value[0] >= 1 and _single_literal(value[2]):
            # "ab+c" always holds "ab" and "bc": a repeated letter ends one run, starts the next.
            letter = chr(value[2][0][1])
            consider(_joined(run, frozenset({letter})))
            run = frozenset({letter})
            continue
        options = _finite([(op, value)])
        if options is not None:
            joined = _joined(run, options)
            if joined is not None:
                run = joined
                continue
            consider(run)
            run = options
            continue
        consider(run)
        run = _EMPTY_RUN
        if op is c.SUBPATTERN:
            if not value[1] & c.SRE_FLAG_IGNORECASE:  # "(?i:...)" matches other cases too
                consider(_required(value[-1]))
        elif op is c.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and value[0] >= 1:
            consider(_required(value[2]))
    consider(run)
    return best


_EMPTY_RUN: frozenset[str] = frozenset({""})
_MOST_JOINED = 64


def _joined(run: frozenset[str], options: frozenset[str]) -> frozenset[str] | None:
    joined = frozenset(a + b for a in run for b in options)
    return joined if len(joined) <= _MOST_JOINED else None


def _finite(items: object) -> frozenset[str] | None:
    """Every string a parsed sequence can match, when that is a few plain strings."""
    from re import _constants as c  # type: ignore[attr-defined]

    out = _EMPTY_RUN
    for op, value in items:  # type: ignore[attr-defined]
        options: frozenset[str] | None
        if op is c.LITERAL:
            options = frozenset({chr(value)})
        elif op is c.AT:
            continue
        elif op is c.SUBPATTERN:
            options = None if value[1] & c.SRE_FLAG_IGNORECASE else _finite(value[-1])
        elif op is c.BRANCH:
            branches = [_finite(branch) for branch in value[1]]
            options = (None if any(b is None for b in branches)
                       else frozenset().union(*branches))  # type: ignore[arg-type]
        elif op is c.IN:
            options = (frozenset(chr(v) for _, v in value)
                       if all(o is c.LITERAL for o, _ in value) else None)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and value[0] == 0 and value[1] == 1:
            inner = _finite(value[2])
            options = None if inner is None else inner | _EMPTY_RUN
        else:
            options = None
        if options is None:
            return None
        joined = _joined(out, options)
        if joined is None:
            return None
        out = joined
    return out


def _single_literal(items: object) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]

    parsed = list(items)  # type: ignore[call-overload]
    return len(parsed) == 1 and parsed[0][0] is c.LITERAL


# Words in most posts: a set of literal strings with one of them is a weak prefilter (it
# lets nearly every post through), so a set without them is preferred ("hop|jump|climb"
# over "the " in "hop the fence"). Any required set gives the same matches; this only
# chooses the one that skips the most posts.
_COMMON_WORDS = frozenset(
    {"a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "back", "be",
     "because", "been", "but", "by", "can", "come", "could", "day", "did", "do", "does",
     "even", "first", "for", "from", "get", "give", "go", "good", "had", "has", "have", "he",
     "her", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know",
     "like", "look", "make", "me", "more", "most", "my", "new", "no", "not", "now", "of", "on",
     "one", "only", "or", "other", "our", "out", "over", "people", "say", "see", "she", "so",
     "some", "take", "than", "that", "the", "their", "them", "then", "there", "these", "they",
     "think", "this", "time", "to", "two", "up", "us", "use", "want", "was", "way", "we",
     "well", "were", "what", "when", "which", "who", "will", "with", "work", "would", "year",
     "you", "your"}
)  # fmt: skip


def _common(needle: str) -> bool:
    word = needle.strip(" ,.'").lower()
    return word in _COMMON_WORDS or (len(word) <= 2 and word.isascii() and word.isalnum())


def _usable(needles: frozenset[str]) -> bool:
    """What required_literals accepts: not too many strings, no single letter or digit."""
    return len(needles) <= _MAX_NEEDLES and not any(
        len(n) < 2 and n.isascii() and (n.isalnum() or n.isspace()) for n in needles
    )


def _strength(needles: frozenset[str]) -> tuple[bool, bool, int, int]:
    return (_usable(needles), not any(map(_common, needles)), min(len(n) for n in needles),
            -len(needles))
