"""Common words are never read as a misspelt cuss word, insult or slur.

The lexicons read a word one edit from a listed form as that form ("idoit", "bullsht"); the
common words of the residents' languages that are one edit from one ("shirts", "waking",
"sitter", "spices", French "retardé") are shipped in model_data/real_words.json, written by
benchmarks/write_real_words.py from word-frequency lists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.moderation.spelling import REAL_WORDS_FILE, _shipped_real_words
from tests.moderation.posts import labels, rules
from tests.support import benchmark_script


def test_the_shipped_words_are_those_the_lexicons_misread_now() -> None:
    pytest.importorskip("wordfreq")
    script = benchmark_script("write_real_words")
    shipped = json.loads(REAL_WORDS_FILE.read_text(encoding="utf-8"))["words"]
    assert shipped == sorted(script.misread_words()), \
        "a lexicon changed: rebuild the file with python benchmarks/write_real_words.py"


def test_without_the_file_only_the_listed_words_are_known(tmp_path: Path) -> None:
    assert _shipped_real_words(tmp_path / "missing.json") == frozenset()
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{not json", encoding="utf-8")
    assert _shipped_real_words(damaged) == frozenset()


@pytest.mark.parametrize("text", [
    "Free t-shirts for the first 100 kids at the Canada Day parade",
    "waking up to unplowed roads again",
    "Looking for a sitter for Saturday night, the rink is open late",
    "They botched the repaving on Liverpool Rd",
    "my dog puked after eating something at the off-leash park",
    "the new biotech campus at Seaton will bring jobs",
    "funk band at the waterfront concert tonight",
    "The Mormon church on Altona hosts a food drive",
    "The cooks at the ribfest deserve a medal",
    "Great food truck, amazing spices",
    "Hair dyes at the pharmacy are cheaper in Ajax",
    "The Shiite community centre on Brock is hosting an open house",
    "Shi'ite families are welcome at the iftar at the rec centre",
    "Le bus 110 est retardé de 20 minutes ce matin",
    "Une douce soirée au parc Esplanade",
    "Les douches de la piscine sont froides depuis lundi",
    "Il faut prendre une douche avant d'entrer dans la piscine",
])
def test_common_words_are_not_swearing_or_insults(text: str) -> None:
    found = rules(text)
    assert "vulgarity" not in found and "harassment" not in found


@pytest.mark.parametrize(("text", "category"), [
    ("you idoit", "harassment"),
    ("what an idiiot", "harassment"),
    ("bullsht, all of it", "vulgarity"),
    ("fuuuck this traffic", "vulgarity"),
    ("shiiit that's cold", "vulgarity"),
    ("the pool showers are cold, what a douche", "harassment"),
    ("Che idiota, il sindaco", "harassment"),
    ("Di whole council a pack a tief", "harassment"),
])
def test_misspelt_and_stretched_words_are_still_read(text: str, category: str) -> None:
    assert category in labels(text)
