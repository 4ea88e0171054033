"""The literal-word prefilter in front of the rules' patterns never changes what they match."""

from __future__ import annotations

import re

import pytest

from bot.moderation.rules import harassment, illegal, veiled
from bot.moderation.text import PatternSet, Prefiltered, fold, required_literals
from tests.moderation.posts import DEV, SAMPLES, labeled

_TEXTS = [lp.post.text for path in (DEV, *sorted(SAMPLES.glob("*.jsonl"))) for lp in labeled(path)]


@pytest.mark.parametrize(
    ("pattern", "needles"),
    [
        (r"(?:i know where|watch your back)", ("i know where", "watch your back")),
        (r"\bplates? (?:is )?\w+", ("plate",)),
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
