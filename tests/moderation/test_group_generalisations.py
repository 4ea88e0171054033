"""Hate speech as people write it about a whole community: what the group supposedly does,
is or should suffer, in everyday words; while
reporting, refuting or quoting such a claim to object to it stays acceptable. The sentences
are written for this test (not taken from any labeled set)."""

from __future__ import annotations

import pytest

from bot.moderation.rules.harassment import harassment
from tests.moderation.posts import post

GENERALISATIONS = [
    "Somalis bring crime to every building they move into.",
    "Refugees are frauds and liars, every last one.",
    "Koreans can't drive, keep them off Brock Rd.",
    "Iranians control the banks here now.",
    "Seniors are a drain on the budget and should be kept off the trails.",
    "Afghans never integrate, they just take our housing.",
    "Haitians are lazy freeloaders who get everything for free.",
    "Autistic kids are feral and shouldn't be allowed at day camp.",
    "Drag queens are groomers, plain and simple.",
    "Homosexuality is a mental illness and the library shouldn't promote it.",
]

REFUTED_OR_REPORTED = [
    "It's a myth that refugees bring crime; the police numbers say otherwise.",
    "The idea that seniors are a drain on the budget is nonsense.",
    "Someone posted that 'Somalis bring crime' under the bus notice. Reported it.",
    "A man yelled that immigrants steal our jobs. The driver asked him to leave.",
    "Would it kill them to put up a sign before the Whites Rd ramp?",
    "Why do Tamil families always bring the best food to the potluck?! Recipes please",
]


@pytest.mark.parametrize("text", GENERALISATIONS)
def test_generalisations_about_a_community_are_harassment(text: str) -> None:
    assert [f.category for f in harassment(post(text))] == ["harassment"], text


@pytest.mark.parametrize("text", REFUTED_OR_REPORTED)
def test_refuting_or_reporting_them_and_place_names_are_not(text: str) -> None:
    assert harassment(post(text)) == [], text
