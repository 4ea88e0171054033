"""The learned screen: the shipped bundle loads offline and fast, reads posts the way
scikit-learn did when it was trained, adds findings for new wordings the rules miss, and
leaves civic criticism and thanks alone."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.moderation.guidelines import GUIDELINE
from bot.moderation.learned import (
    BUNDLE,
    LEARNED_CATEGORIES,
    LearnedScreen,
    _char_grams,
    _word_grams,
    harassment_reading,
    is_praise,
    model_input,
    read_as_model,
    read_bundle_text,
    shipped_screen,
)
from tests.moderation.posts import post


@pytest.fixture(scope="module")
def screen() -> LearnedScreen:
    return LearnedScreen.from_bundle()


def test_bundle_is_small_and_loads() -> None:
    # Its load time is a figure for benchmarks/moderation_speed.py, not a timed test.
    assert BUNDLE.stat().st_size < 5_000_000
    assert LearnedScreen.from_bundle().thresholds


def test_the_shipped_screen_is_read_once() -> None:
    assert shipped_screen() is shipped_screen()
    assert shipped_screen().thresholds == LearnedScreen.from_bundle().thresholds


def test_a_bundle_for_other_categories_is_refused(tmp_path: Path) -> None:
    data = json.loads(read_bundle_text(BUNDLE))
    data["categories"] = ["vulgarity"]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="trained for"):
        LearnedScreen.from_bundle(other)


@pytest.mark.parametrize(
    "text",
    [
        "Just  print a fake permit,   bylaw never checks!!",
        "a I x 🇨🇦🇨🇦 ok",
        "Les oies sont partout au parc, merci.\n\n--\nsig: example.boards.net",
        "f u c k   th1s   sh!t",
        "",
    ],
)
def test_n_grams_are_those_scikit_learn_was_trained_on(text: str) -> None:
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    word = sklearn_text.TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b"
    ).build_analyzer()
    char = sklearn_text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    folded = text.lower()
    assert _word_grams(folded) == word(folded)
    assert _char_grams(folded) == char(folded)


@pytest.mark.parametrize(
    "text",
    [
        "Just  print a fake permit,   bylaw never checks!!",
        "don't stop - it's fine... really?!",
        "the  - end (of) it",
        "l'école c'est nul, n'est-ce pas",
        "f u c k   th1s   sh!t 🇨🇦",
        "a\tb\nc",
        "!!! ??",
        "",
    ],
)
def test_the_rows_read_word_by_word_are_every_n_gram_of_the_text(
    screen: LearnedScreen, text: str
) -> None:
    # The screen remembers each word's own rows and joins them with the pairs of tokens
    # across words; that must be the rows of every word and character n-gram of the text.
    tables = screen._tables["all"]
    expected = [tables.word_index[g] for g in _word_grams(text) if g in tables.word_index]
    expected += [tables.char_index[g] for g in _char_grams(text) if g in tables.char_index]
    assert sorted(screen._rows(text).tolist()) == sorted(expected)
    assert sorted(screen._rows(text).tolist()) == sorted(expected)  # again, remembered


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # New wordings from a fresh set that the rules of the day missed.
        ("Bring your own fireworks and set them off from the pier, way better show", "illegal"),
        (
            "Just cut down the neighbour's maple when they're away if it shades your garden",
            "illegal",
        ),
        ("Canada Day is cringe and so is this whole event", "negativity"),
        ("trees? seriously? what a waste of a thread", "negativity"),
        ("Who's going to the Raptors parade next week?", "disruption"),
    ],
)
def test_new_wordings_are_found(screen: LearnedScreen, text: str, category: str) -> None:
    findings = {f.category: f for f in screen.findings(post(text))}
    assert category in findings
    finding = findings[category]
    assert 0.5 <= finding.confidence <= 1.0
    assert finding.kind == "learned"
    assert finding.explanation.endswith(GUIDELINE[finding.category])


@pytest.mark.parametrize(
    "text",
    [
        "I disagree with spending $150k on fireworks when the rec centres need repairs.",
        "Thanks to the staff who found my son's lost mitts!",
        "The fee is ridiculous for something other towns do for free. I think it's a cash grab.",
        "What time do the fireworks start? Last year it was 10:15.",
        "Please have more accessible washrooms this year, there was one for the whole site.",
    ],
)
def test_civic_posts_get_no_finding(screen: LearnedScreen, text: str) -> None:
    assert screen.findings(post(text)) == []


def test_evidence_spans_are_the_posts_own_text(screen: LearnedScreen) -> None:
    text = "Just bring a pellet gun down at night and take care of a few of them"
    findings = screen.findings(post(text))
    assert [f.category for f in findings] == ["illegal"]
    spans = findings[0].evidence
    assert spans
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "🦆" * 400, "Ｆｕｌｌ　ｗｉｄｔｈ ТЕХТ іn сyrіllіс", "x" * 20_000, "\x00\ud7ff"],
)
def test_hostile_text_is_scored_without_error(screen: LearnedScreen, text: str) -> None:
    scores = screen.scores(text)
    assert set(scores) == set(LEARNED_CATEGORIES)
    assert all(0.0 <= p <= 1.0 for p in scores.values())
    for finding in screen.findings(post(text)):
        assert all(text[s.start : s.end] == s.text for s in finding.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "I would never eat food touched by a trans person.",
        "Muslim families hosted the iftar.",
        "My manager is a gay man.",
        "Those immigrants and refugees run the market.",
        "Old people and young people both ride route 110.",
    ],
)
def test_the_model_never_reads_which_group_a_post_names(text: str) -> None:
    read, names_group = read_as_model(text)
    assert names_group
    for word in ("trans", "person", "muslim", "gay", "man", "immigrants", "refugees", "old"):
        assert word not in read.split()


def test_everyday_words_that_can_name_a_group_stay_when_they_do_not() -> None:
    read, names_group = read_as_model("The old bridge on Brock Rd and the white car parked on it")
    assert not names_group
    assert "old bridge" in read and "white car" in read


def test_quoted_words_are_told_apart_from_the_writers_own() -> None:
    read, _ = read_as_model('If you say "get out of here" to a neighbour, you are the problem.')
    assert "qget qout qof qhere" in read
    assert "get out" not in read
    assert model_input("no quotes, no change") == "no quotes, no change"


def test_a_post_naming_a_group_needs_the_group_threshold(screen: LearnedScreen) -> None:
    text = "Those newcomers are ruining every street they move onto"
    plain = "Those developers are ruining every street they move onto"
    index = LEARNED_CATEGORIES.index("harassment")
    score = screen.scores(text)["harassment"]
    assert read_as_model(text)[1] and not read_as_model(plain)[1]
    below = tuple(0.01 if i == index else t for i, t in enumerate(screen.thresholds))
    above = tuple(0.999 if i == index else t for i, t in enumerate(screen.thresholds))
    assert score < 0.999
    strict = replace(screen, thresholds=below, group_thresholds=above)
    assert "harassment" not in {f.category for f in strict.findings(post(text))}
    lenient = replace(screen, thresholds=above, group_thresholds=below)
    assert "harassment" in {f.category for f in lenient.findings(post(text))}


def test_the_shipped_bundle_has_a_group_threshold_for_harassment() -> None:
    data = json.loads(read_bundle_text(BUNDLE))
    assert set(data["group_thresholds"]) == set(LEARNED_CATEGORIES)
    assert 0.3 <= data["group_thresholds"]["harassment"] <= 0.95
    # Only harassment has cases naming groups to calibrate on (HateCheck's).
    others = set(LEARNED_CATEGORIES) - {"harassment"}
    assert all(data["group_thresholds"][c] == data["thresholds"][c] for c in others)


def _flags_everything(screen: LearnedScreen) -> LearnedScreen:
    """The screen with every threshold at 0.01: whatever stops a finding is not the score."""
    low = tuple(0.01 for _ in LEARNED_CATEGORIES)
    return replace(screen, thresholds=low, group_thresholds=low)


@pytest.mark.parametrize(
    "text",
    [
        "Every Tamil family on our street came to the street party, wonderful people.",
        "Muslim women run the best sewing circle in town, so generous with their time.",
        "Refugees make fantastic neighbours, we are lucky to have them.",
    ],
)
def test_praise_of_a_group_is_never_flagged_by_the_model_alone(
    screen: LearnedScreen, text: str
) -> None:
    assert read_as_model(text)[1] and is_praise(text)
    assert screen.scores(text)["harassment"] > 0.01  # the score alone would flag it
    found = {f.category for f in _flags_everything(screen).findings(post(text))}
    assert "harassment" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants are not amazing, they are a drain.",
        "I hate Muslims.",
        "Refugees make terrible neighbours.",
        # Praise of a person names no group: the model still reads it (sarcasm is common).
        "Great job Councillor, really brilliant work as always.",
    ],
)
def test_what_is_not_praise_of_a_group_is_still_read(screen: LearnedScreen, text: str) -> None:
    assert "harassment" in {f.category for f in _flags_everything(screen).findings(post(text))}


def test_around_a_group_harassment_reads_no_function_words() -> None:
    read, names_group = read_as_model("All the women I know are so kind to them.")
    assert names_group
    assert harassment_reading(read).split() == ["i", "know", "kind", "."]
    # The other categories read the whole text (their cues are often in the style).
    assert read.split() == ["all", "the", "i", "know", "are", "so", "kind", "to", "them."]


def test_harassment_of_a_post_naming_a_group_is_scored_on_that_reading(
    screen: LearnedScreen,
) -> None:
    text = "All the women I know are so kind to them."
    read, _ = read_as_model(text)
    scores = screen.scores(text)
    assert scores["harassment"] == screen._scored(harassment_reading(read))["harassment"]
    assert scores["disruption"] == screen._scored(read)["disruption"]
    assert scores["harassment"] != screen._scored(read)["harassment"]


def test_evidence_is_never_a_function_word(screen: LearnedScreen) -> None:
    text = "All of them are a total disgrace and an embarrassment to this whole town"
    findings = _flags_everything(screen).findings(post(text))
    spans = [s.text.lower() for f in findings for s in f.evidence]
    assert spans
    assert not {"all", "of", "them", "are", "a", "and", "an", "to", "this"} & set(spans)
