"""Vulgarity: masked forms are caught; words and places that merely contain one are not."""

from __future__ import annotations

import pytest

from bot.moderation.rules.vulgarity import vulgarity
from tests.moderation.posts import labels, post

MASKED = [
    ("this is bullsh!t", "bullsh!t"),  # symbol for a letter (dev d0008)
    ("you're a f*cking a$$hole", "f*cking"),  # dev d0012
    ("B U L L S H I T", "B U L L S H I T"),  # spacing (dev d0063)
    ("every other week?? f*** that", "f***"),  # all but one letter masked (dev d0110)
    ("what the actual fück", "fück"),  # accented look-alike (dev d0147)
    ("phuck this", "phuck"),  # spelled by sound (dev d0073)
    ("Fuuuuuck.", "Fuuuuuck"),  # repeated letters (dev d0267)
    ("Brock Rd is a sh1tshow", "sh1tshow"),  # leetspeak (dev d0293)
    ("bulls#!t, that's the only day", "bulls#!t"),  # dev d0260
    ("sh i t like this", "sh i t"),  # partly spaced (dev d0238)
    ("fuсk this", "fuсk"),  # Cyrillic 'с' in place of Latin 'c'
    ("ЅНIТ", "ЅНIТ"),  # Cyrillic capitals
    ("f.u.c.k the rules", "f.u.c.k"),
    ("this is b*llocks", "b*llocks"),
    ("Holy $hit.", "$hit"),
    ("motherf***er", "motherf***er"),
    ("what a clusterf*ck", "clusterf*ck"),
    ("f-ing insane", "f-ing"),
    ("f'n gorgeous", "f'n"),
    ("Seaton roads are a fkn joke", "fkn"),
    ("Quelle bande de merde", "merde"),
]

INNOCENT = [
    "We moved here from Scunthorpe last year.",
    "Councillor Cockburn asked the right question.",
    "Please assess the assessment again, the class sizes in Essex and Sussex differ.",
    "Is the Dickens book club still meeting?",
    "Can shitake stems and grapefruit peels go in the green bin? My therapist asked.",
    "Does the badminton camp supply shuttlecocks? My cocker spaniel chews them.",
    "Spotted a tufted titmouse and a largemouth bass off the pier.",
    "The pussy willows along the trail are out.",
    "Our vet said a bitch in heat can set off fights among the males.",
    "Hell of a job, damn good idea, what the heck, freaking finally, this sucks.",
    "Call 905-555-0134 at 7:01am, $450 OBO, item 2:05:33, #6 on the list.",
    "Uranus and Saturn through the telescopes, e.g. at the well-known observatory.",
    "Councillor Dick Smith voted against it.",
    "Pickering L1W 1A5, the white F-150, 500g cakes, $8M more, a 4.9% hike, @CityofPickering",
]


@pytest.mark.parametrize(("text", "evidence"), MASKED)
def test_masked_vulgarity_is_caught_with_its_evidence(text: str, evidence: str) -> None:
    findings = vulgarity(post(text))
    assert [f.category for f in findings] == ["vulgarity"]
    assert evidence in [span.text for span in findings[0].evidence]


@pytest.mark.parametrize("text", INNOCENT)
def test_words_containing_a_bad_substring_pass(text: str) -> None:
    assert vulgarity(post(text)) == []


def test_middle_finger_emoji_is_vulgar_but_other_emoji_are_not() -> None:
    assert "vulgarity" in labels("🖕🖕🖕")
    assert "vulgarity" not in labels("🎆🇨🇦❤️")


def test_evidence_spans_point_into_the_original_text() -> None:
    text = "Pool closed AGAIN?! Fuuuuuck. And the $hit parking too"
    finding = vulgarity(post(text))[0]
    for span in finding.evidence:
        assert text[span.start : span.end] == span.text
    assert finding.explanation.startswith("Masked vulgar language")
