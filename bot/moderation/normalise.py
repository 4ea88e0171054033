"""Undoing the disguises a post can wear, once per post, before any rule or the model reads it.

- Compatibility forms (fullwidth, mathematical bold, circled letters, ligatures, odd spaces)
  become their plain characters (Unicode NFKC);
- letters from other scripts that look like Latin ones (Cyrillic "а", Greek "ο", Cherokee
  "Ꭺ"...) become the Latin letter they imitate, from the Unicode confusables table that
  `confusable-homoglyphs` ships (TR39), and Latin small capitals ("ʙᴜᴍᴘ") their letter;
  scripts people really write in here (Han, Arabic, Tamil, Gurmukhi...) are left alone;
- zero-width, bidi-control and other invisible characters are dropped, and so are stacks of
  combining marks on Latin letters ("Zalgo" text);
- emoji are read as words with the `emoji` package's names ("🐀" reads "rat"), for the rules
  that read words; keycap digits ("9️⃣") read as their digit everywhere.

Each normalised text keeps, for every character, the span of the original it came from, so a
rule's evidence is always shown to a moderator as the original words that matched.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from confusable_homoglyphs import categories as confusable_categories

from bot.moderation import text

# Scripts whose letters are used to imitate Latin ones; the others are real writing here.
_IMITATING_SCRIPTS = frozenset(
    {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC", "LISU", "COMMON",
     "CANADIAN-ABORIGINAL", "OLD-ITALIC", "RUNIC", "TIFINAGH", "VAI", "GLAGOLITIC"}
)  # fmt: skip
# Invisible characters that format-category (Cf) does not cover.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0")
_SKIN_TONES = (" light skin tone", " medium-light skin tone", " medium skin tone",
               " medium-dark skin tone", " dark skin tone")  # fmt: skip
# Emoji whose name is not the word it stands for in a post.
_READINGS = {"🖕": "middle finger emoji", "🐀": "rat", "🐁": "rat", "🐍": "snake", "🐖": "pig",
             "🐷": "pig", "🐽": "pig", "🤡": "clown", "💩": "shit", "🔪": "knife",
             "🔫": "gun", "🗡️": "knife", "🗡": "knife", "🪓": "axe", "💣": "bomb",
             "🧨": "firecracker", "⚰️": "coffin", "⚰": "coffin", "🪦": "grave",
             "🐒": "monkey", "🐵": "monkey", "🦍": "gorilla", "🐕": "dog", "🐶": "dog",
             "🤮": "vomit", "🍆": "eggplant", "☠️": "skull", "💀": "skull"}  # fmt: skip


@dataclass(frozen=True)
class Normalised:
    """A text for the rules and, per character, where in the original it came from."""

    text: str
    starts: tuple[int, ...] | None  # None: the text is the original itself
    ends: tuple[int, ...] | None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span that produced `text[start:end]`."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return position, position
        return self.starts[start], self.ends[end - 1]


@dataclass(frozen=True)
class NormalisedPost:
    """The two readings of one post: `plain` keeps emoji as they are (clutter and spam
    counts need them); `read` has them as words (insults, threats and the model)."""

    plain: Normalised
    read: Normalised


def normalise(text: str) -> NormalisedPost:
    if text.isascii():
        same = Normalised(text, None, None)
        return NormalisedPost(same, same)
    return _normalise(text)


@lru_cache(maxsize=256)
def _normalise(text: str) -> NormalisedPost:
    return NormalisedPost(_build(text, read_emoji=False), _build(text, read_emoji=True))


def _build(text: str, *, read_emoji: bool) -> Normalised:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def put(piece: str, start: int, end: int) -> None:
        out.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))

    import emoji  # a third of a second to import: only for non-ASCII posts

    emoji_at = {e["match_start"]: (e["match_end"], e["emoji"]) for e in emoji.emoji_list(text)}
    i, length = 0, len(text)
    while i < length:
        if i in emoji_at:
            end, found = emoji_at[i]
            put(_emoji_piece(found, read_emoji), i, end)
            i = end
            continue
        end = i + 1
        while end < length and unicodedata.combining(text[end]) and end not in emoji_at:
            end += 1  # a letter and its combining marks are one unit
        put(_plain_unit(text[i:end]), i, end)
        i = end
    normalised = "".join(out)
    return Normalised(normalised, tuple(starts), tuple(ends))


def _emoji_piece(found: str, read_emoji: bool) -> str:
    keycap = _keycap_digit(found)
    if keycap is not None:
        return keycap
    if not read_emoji:
        return found
    return f" {reading(found)} "


def _keycap_digit(found: str) -> str | None:
    if found.endswith("\u20e3") and found[0].isdigit():
        return found[0]
    return None


@lru_cache(maxsize=2048)
def reading(found: str) -> str:
    """An emoji as the words it stands for ("🐀" -> "rat", "🚮" -> "litter in bin sign")."""
    base = found.replace("\ufe0f", "")
    for candidate in (found, base, base[:1]):
        if candidate in _READINGS:
            return _READINGS[candidate]
    import emoji

    data = emoji.EMOJI_DATA.get(found) or emoji.EMOJI_DATA.get(base)
    if data is None:
        return ""
    name = str(data["en"]).strip(":").replace("_", " ").lower()
    for tone in _SKIN_TONES:
        name = name.replace(tone, "").replace(tone.strip(), "")
    return name.strip(" :,")


@lru_cache(maxsize=8192)
def _plain_unit(unit: str) -> str:
    """One letter with its combining marks, as plain as it can be made."""
    first = unit[0]
    if _is_latin(first):
        # An accent that composes is French or Spanish ("é"); other marks are "Zalgo".
        composed = unicodedata.normalize("NFKC", unit)
        return composed if len(composed) == 1 else unicodedata.normalize("NFKC", first)
    if unicodedata.category(first) == "Cf" or first in _INVISIBLE:
        return ""
    if first.isspace():
        return " "
    composed = unicodedata.normalize("NFKC", unit)
    if len(composed) == 1 and not composed.isascii():
        return _latin_lookalikes().get(composed, composed)
    return composed


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.normalize("NFD", char)[0].isascii()


@lru_cache(maxsize=1)
def _latin_lookalikes() -> dict[str, str]:
    """Each letter that imitates a Latin letter or digit, from the confusables table."""
    path = Path(confusable_categories.__file__).with_name("confusables.json")
    table: dict[str, list[dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    lookalikes: dict[str, str] = {}
    for char, homoglyphs in table.items():
        if len(char) != 1 or char.isascii():
            continue
        if confusable_categories.alias(char) not in _IMITATING_SCRIPTS:
            continue
        if unicodedata.category(char)[0] not in "LN":
            continue  # punctuation look-alikes stay what they are
        for homoglyph in homoglyphs:
            plain = homoglyph["c"]
            if len(plain) == 1 and plain.isascii() and plain.isalnum():
                lookalikes[char] = plain.lower()
                break
    lookalikes.update(_small_capitals())
    lookalikes.update(text.LOOKALIKES)
    # Accented Latin letters are not disguises: accents are folded later, keeping French words.
    return {c: p for c, p in lookalikes.items() if not _is_accented_latin(c)}


def _small_capitals() -> dict[str, str]:
    """Latin small capitals ("ʙᴜᴍᴘ"), which NFKC leaves alone and the confusables table
    mostly does not list, as the letter they are."""
    found: dict[str, str] = {}
    for block in (range(0x0250, 0x02B0), range(0x1D00, 0x1D80), range(0xA730, 0xA7B0)):
        for code in block:
            name = unicodedata.name(chr(code), "")
            prefix = "LATIN LETTER SMALL CAPITAL "
            if name.startswith(prefix) and len(name) == len(prefix) + 1:
                found[chr(code)] = name[-1].lower()
    return found


def _is_accented_latin(char: str) -> bool:
    decomposed = unicodedata.normalize("NFD", char)
    return len(decomposed) > 1 and decomposed[0].isascii()
