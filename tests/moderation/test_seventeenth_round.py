"""The seventeenth round: the model's vocabulary holds the other languages' own n-grams, its
bundle ships gzipped, and a masked word may hold a script's vowel signs."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from bot.moderation.learned import LearnedScreen, read_bundle_text
from tests.moderation.posts import rules
from tests.support import benchmark_script


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    pytest.importorskip("sklearn")
    return benchmark_script("train_moderation_model")


def test_a_masked_word_may_hold_vowel_signs() -> None:
    # Malayalam and Bengali write a vowel as a sign on the consonant; Python's \w skips it
    assert "vulgarity" in rules("ഈ റോഡ് പണി ഒരു മൈ*ര് പരിപാടി ആണ്")
    assert "vulgarity" in rules("রাস্তার কাজ তিন মাসেও শেষ হয় না, বা*ল সব")
    # a footnote's asterisk after a word masks nothing
    assert "vulgarity" not in rules("पार्किंग मुफ़्त है* (*छुट्टियों को छोड़कर)")


def test_the_vocabulary_holds_the_other_languages_own_n_grams(
    trainer: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Frequency alone keeps one word n-gram: "the", twice in each English post.
    monkeypatch.setattr(trainer, "MOST_FREQUENT", {"word": 1, "char": 30})
    english = [f"the bus to the station was late again on route {n}" for n in range(12)]
    amharic = ["ሰላም ለከተማው ሰራተኞች", "ሰላም ጎረቤቶች", "ሰላም ሁላችሁም", "ጎረቤቶች እናመሰግናለን"]
    texts = english + amharic
    other = np.array([False] * len(english) + [True] * len(amharic))
    word = dict(trainer.vectorizers(texts, other).transformer_list)["word"]
    assert "ሰላም" in word.vocabulary  # seen in three of the other languages' posts
    assert "ጎረቤቶች" not in word.vocabulary  # in two only
    assert "station" not in word.vocabulary  # in every English post, but not the most frequent
    assert "the" in word.vocabulary


def test_the_bundle_is_written_gzipped_the_same_each_time(
    trainer: ModuleType, tmp_path: Path
) -> None:
    data = {
        "categories": ["harassment", "disruption", "illegal", "commercial", "negativity"],
        "word": {"ሰላም": [1.0, 0.5, 0.0, 0.0, 0.0, 0.0]},
        "char": {" ሰ": [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]},
        "intercepts": dict.fromkeys(
            ["harassment", "disruption", "illegal", "commercial", "negativity"], -1.0),
        "thresholds": dict.fromkeys(
            ["harassment", "disruption", "illegal", "commercial", "negativity"], 0.5),
    }
    first, second, plain = tmp_path / "a.json.gz", tmp_path / "b.json.gz", tmp_path / "c.json"
    for path in (first, second, plain):
        trainer.write_bundle(data, path)
    assert first.read_bytes() == second.read_bytes()  # no time stamp in the gzip header
    assert first.read_bytes()[:2] == b"\x1f\x8b"
    assert "ሰላም" in plain.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    assert read_bundle_text(first) == read_bundle_text(plain)
    read = LearnedScreen.from_bundle(first)
    assert read.thresholds == (0.5,) * 5
