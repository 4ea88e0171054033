"""The literal-word prefilter in front of the rules' patterns never changes what they match."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from bot.moderation import contacts
from bot.moderation.rules import harassment, illegal, other_languages, personal_info, veiled
from bot.moderation.text import (
    Alternatives,
    PatternSet,
    Prefiltered,
    fold,
    fold_char,
    required_literals,
)
from tests.moderation.posts import DEV, SAMPLES, labeled

_TEXTS = [lp.post.text for path in (DEV, *sorted(SAMPLES.glob("*.jsonl"))) for lp in labeled(path)]


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"(?:i know where|watch your back)", ("i know where", "watch your back")),
        (r"\bplates? (?:is )?\w+", ("plate ", "plate is ", "plates ", "plates is ")),
        (r"\b(?:dm|pm) (?:me|us)\b", ("dm me", "dm us", "pm me", "pm us")),  # joined
        (r"(?i:plate) \w+", None),  # matches "Plate" too: no needle can be named
        (r"\w+ing", ("ing",)),
        (r"\d+ ?(?:g|oz)", None),  # one letter is too common to be worth a check
    ],
)
def test_required_literals(pattern: str, needles: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern)) == needles


def test_prefiltered_patterns_match_exactly_what_the_patterns_match() -> None:
    patterns = [p for p, _, _ in harassment._COMPILED + illegal._COMPILED]
    patterns += [veiled._VEILED_THREATS, veiled._GENERALISATION, veiled._SCAM]
    for text in _TEXTS:
        folded = fold(text)
        for pattern in patterns:
            expected = [m.span() for m in pattern.pattern.finditer(folded)]
            assert [m.span() for m in pattern.finditer(folded)] == expected


def test_a_pattern_set_offers_every_pattern_that_matches() -> None:
    patterns = [p for p, _, _ in illegal._COMPILED]
    offered = PatternSet(patterns)
    for text in _TEXTS:
        folded = fold(text)
        candidates = set(offered.candidates(folded))
        assert {i for i, p in enumerate(patterns) if p.pattern.search(folded)} <= candidates


def test_prefilter_skips_texts_without_the_words() -> None:
    pattern = Prefiltered(re.compile(r"i know where \w+ lives"))
    assert pattern.search("see you at the meeting") is None
    assert pattern.search("i know where she lives") is not None


def test_every_character_that_matches_an_ascii_letter_regardless_of_case_folds_to_it() -> None:
    # What CaseFoldPrefiltered relies on: a case-insensitive match of a literal string in the
    # text is that string, lowercased, in the folded text.
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        if letter.fullmatch(char):
            matched = [a for a in "abcdefghijklmnopqrstuvwxyz"
                       if re.fullmatch(a, char, re.IGNORECASE)]
            assert matched and fold_char(char) in matched, (hex(code), char, matched)


@pytest.mark.parametrize("variant", [str, str.upper, str.title])
def test_case_insensitive_prefilters_and_pruned_alternatives_match_what_the_patterns_match(
    variant: Callable[[str], str],
) -> None:
    case_insensitive = [contacts._RURAL_ADDRESS, personal_info._HOME_LOCATION,
                        personal_info._SAID_PLATE]
    assert all(pattern.needles is not None for pattern in case_insensitive)
    pruned = [reader for reader in other_languages._READERS if reader._filters is not None]
    assert pruned
    for text in map(variant, _TEXTS):
        for pattern in case_insensitive:
            expected = [m.span() for m in pattern.pattern.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected
        folded = fold(text)
        for reader in pruned:
            expected = [m.span() for m in reader.whole.pattern.finditer(folded)]
            assert [m.span() for m in reader.finditer(folded)] == expected


def test_a_pattern_is_read_with_only_the_alternatives_that_can_match() -> None:
    reader = Alternatives(re.compile(r"(?:merde|putain)\b|(?:mierda|joder)\b|(?:kupal|gago)\b"))
    assert [m.group() for m in reader.finditer("joder, gago")] == ["joder", "gago"]
    assert list(reader._compiled) == [(1, 2)]
    assert list(reader.finditer("nothing here")) == []
