"""The literal-word prefilter in front of the rules' patterns never changes what they match."""

from __future__ import annotations

import re
from collections.abc import Callable

import phonenumbers
import pytest

from bot.moderation import contacts, lexicon, spelling
from bot.moderation.rules import (
    commercial,
    harassment,
    illegal,
    other_languages,
    personal_info,
    veiled,
    vulgarity,
)
from bot.moderation.text import (
    AllOf,
    Alternatives,
    Gate,
    PatternSet,
    Prefiltered,
    fold,
    fold_char,
    is_emoji,
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
    # Case-sensitive patterns that read the text as written, prefiltered on the folded text.
    case_sensitive = [harassment._NAME_PREFILTER, harassment._CLOWNED, personal_info._PLATE,
                      personal_info._PRIVATE_IDS, contacts._FRENCH_ADDRESS,
                      vulgarity._MIDDLE_FINGER, commercial._SIGNATURE]
    assert harassment._NAME_PREFILTER.needles is not None
    assert personal_info._PRIVATE_IDS.needles is not None
    case_insensitive += case_sensitive
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


def test_gates_open_for_every_text_one_of_their_patterns_matches() -> None:
    gated: list[tuple[Gate | AllOf, list[Prefiltered]]] = [
        (veiled._HARASSMENT_GATE, [veiled._VEILED_THREATS, veiled._GENERALISATION,
                                   veiled._EMOJI_INSULT, veiled._INCITE_HARASSING,
                                   veiled._INCITE_AT_HOME]),
        (veiled._ILLEGAL_GATE, [veiled._SHAME_IF, veiled._PROPERTY_HARM, veiled._FIREWORK_SALE,
                                veiled._DRUG_SALE]),
        (veiled._SCAM_PARTS, [veiled._SCAM]),
    ]
    abuse = harassment._COMPILED[harassment._ABUSE_INDEX][0].pattern
    texts = [*_TEXTS, "f.o.f.f you", "oh fo ff", "F off", "eff off mate", "go jump in the lake"]
    for text in texts:
        folded = fold(text)
        for gate, patterns in gated:
            if any(pattern.pattern.search(folded) for pattern in patterns):
                assert gate.may_match(folded), text
        if abuse.search(folded):
            assert harassment._abuse_may_match(folded), text
    assert harassment._abuse_may_match("oh f-o-f-f")
    assert not harassment._abuse_may_match("the meeting is before four, in the hall")


def test_a_lexicon_reads_the_same_tokens_with_or_without_their_places() -> None:
    tricky = ["...", "a.", "'hi'", "(x)", "“quoted” words", "f*ck!!", "«ok»", "..a..", "--"]
    for text in [*_TEXTS, *tricky]:
        folded = fold(text)
        tokens = {token for _, _, token in lexicon._tokens(folded)}
        assert lexicon._token_set(folded) == tokens, text


def test_the_harassment_pattern_set_offers_every_pattern_that_matches() -> None:
    patterns = [p for p, _, _ in harassment._COMPILED]
    for text in _TEXTS:
        folded = fold(text)
        candidates = set(harassment._PATTERN_SET.candidates(folded))
        assert {i for i, p in enumerate(patterns) if p.pattern.search(folded)} <= candidates


def test_folding_by_table_is_folding_character_by_character() -> None:
    odd = "".join(chr(code) for code in range(0x80, 0x3000, 7))
    for text in [*_TEXTS, odd, "ÉCOLE Ꭺ ſ ﬁ 😀 Кот"]:
        assert fold(text) == "".join(fold_char(ch) for ch in text)


def test_the_spaced_letters_hint_is_in_every_text_with_spaced_letters() -> None:
    for text in [*_TEXTS, "i h a t e you", "(a b c)", "x a b c", "a b c", "ab c d e"]:
        folded = fold(text)
        if spelling._SPACED.search(folded):
            assert spelling._MAYBE_SPACED.search(folded), text


def test_contact_hints_are_in_every_text_with_the_contact() -> None:
    odd = ["905 • 555 • 0138", "(905)·555·0138", "1 / 905 / 555 / 0138"]
    postal = ["L1V 6K7", "at L1V6K7.", "k1a 0b1", "xL1V 6K7"]
    for text in [*_TEXTS, *odd, *postal]:
        if contacts._ODD_SEPARATED.search(text):
            assert contacts._ODD_SEPARATOR.search(text), text
        if contacts._POSTAL_CODE.search(text):
            assert contacts._POSTAL_CODE_HINT.search(text), text


def test_no_ascii_character_is_an_emoji() -> None:
    # What disruption's clutter check relies on to skip reading ASCII posts one by one.
    assert not any(is_emoji(chr(code)) for code in range(128))


def test_every_number_the_phone_matcher_can_find_has_the_digits_its_gate_asks_for() -> None:
    # No region's shortest valid number, with its country code, is under the gate's count
    # (phonenumbers' metadata; a country code makes up for a short national number).
    shortest = min(
        len(str(code)) + min(length for length in metadata.general_desc.possible_length
                             if length > 0)
        for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
        for region in regions
        if (metadata := phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
            code, region)) is not None and metadata.general_desc.possible_length
    )
    assert shortest >= contacts.MATCHER_MIN_DIGITS
    # Every separator the matcher allows between digit blocks (case-insensitively) is one the
    # gate allows.
    theirs = re.compile(f"[{phonenumbers.phonenumberutil._VALID_PUNCTUATION}]",
                        re.UNICODE | re.IGNORECASE)
    ours = re.compile(r"\W|[xXー]")
    assert all(ours.fullmatch(ch) for ch in map(chr, range(0x30000)) if theirs.fullmatch(ch))
    made_up = ["+49 30 1234", "+43 1 5555", "call 310-4357", "(905)555-0138", "905.555.0138",
               "905 555 0138 x 22", "1-800-668-6868", "+1 (905) 555-0138",
               "９０５－５５５－０１３８", "+44 20 7946 0958", "011 44 20 7946 0958",
               "905 - 555 - 0138"]
    for text in [*_TEXTS, *made_up]:
        if any(phonenumbers.PhoneNumberMatcher(text, "CA")):
            assert contacts._MATCHER_DIGITS.search(text), text


def test_every_other_language_list_keeps_its_prefilter() -> None:
    """A list that loses its literal strings (grown past the bound, or given a word with none)
    is read in full on every post: the French illegal-advice list once cost 20 µs a post so."""
    unfiltered = [entry.reason for entry, pattern in zip(other_languages._LISTS,
                                                         other_languages._PATTERNS, strict=True)
                  if pattern.needles is None]
    assert unfiltered == []
