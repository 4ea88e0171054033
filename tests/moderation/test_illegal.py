"""Illegal activities: promoting them, not reporting them."""

from __future__ import annotations

import pytest

from bot.moderation.rules.illegal import illegal
from tests.moderation.posts import post

PROMOTING = [
    "If a plow blocks your driveway again, slash its tires.",  # dev d0024
    "Just dump your garbage in the Duffins Creek ravine at night, nobody checks",  # dev d0088
    "Anyone wanna buy a few grams? Seaton area delivery, $10/g, discreet 📦 DM",  # dev d0106
    "Fare evasion tip: board through the back doors, drivers never check 😂",  # dev d0189
    "If they approve the towers we should burn the sales centre down.",  # dev d0278
    "Launch the mortars off the pier toward the boats, funniest thing ever",  # dev d0304
    "Ignore the closure signs and hop the fence, the trail is fine",
    "Pull out the new saplings at night, the City will give up planting there.",
    "You can skip paying for public skate, just walk in through the side door",
    "Pro tip: bring your own booze in a water bottle, security never checks",
    "selling fake student IDs for the teen discount, dm me",
    "Get a tinted plate cover so the speed camera can't read your plate",
    "I know where the officer who ticketed me lives. Maybe we pay him a visit tonight",
]

NOT_PROMOTING = [
    "Someone's been dumping renovation waste behind the mailboxes. Reported it to the City.",
    "Somebody already spray painted the new washrooms 😢 Please report graffiti.",
    "Someone sets off mortars from the pier every weekend. I've reported it to by-law twice.",
    "Please don't pull out the saplings, kids. They need a few years to root.",
    "The police chief's presentation on car thefts was eye-opening.",
    "Reminder that smoking is not allowed anywhere on arena property.",
    "Is the due date extended because of the mail delay?",
]


@pytest.mark.parametrize("text", PROMOTING)
def test_promoting_illegal_acts_is_flagged(text: str) -> None:
    findings = illegal(post(text))
    assert findings and findings[0].confidence >= 0.5
    assert findings[0].explanation.startswith("Post ")


@pytest.mark.parametrize("text", NOT_PROMOTING)
def test_reporting_or_mentioning_is_not(text: str) -> None:
    findings = illegal(post(text))
    assert all(f.confidence < 0.5 for f in findings)
