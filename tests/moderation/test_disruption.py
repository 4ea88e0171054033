"""Board disruption: clutter and off-topic posts, judged against the folder's topic."""

from __future__ import annotations

import pytest

from bot.moderation.contacts import AllowListCheck
from bot.moderation.rules.disruption import disruption
from bot.moderation.settings import AllowList
from tests.moderation.posts import post

CHECK = AllowListCheck(AllowList())

CLUTTER = ["+1", "me too", "same", "bump", "BUMP", "first!", "First 🙌", "following", ".", "^^^^",
           "🔥" * 24]  # fmt: skip
KEEP = [
    "🙏",  # a lone emoji reaction
    "🎆🇨🇦❤️",
    "+1. Also the bus stop at Whites & Sheppard is completely buried",  # adds content
    "me too!! our green bin was missed again on Walnut Lane",
    "Same here, and the hot tub has been closed since February. Any update?",
]


@pytest.mark.parametrize("text", CLUTTER)
def test_clutter_posts_are_disruption(text: str) -> None:
    findings = disruption(post(text), CHECK)
    assert [f.kind for f in findings] == ["clutter"]


@pytest.mark.parametrize("text", KEEP)
def test_reactions_and_posts_with_content_are_not_clutter(text: str) -> None:
    assert disruption(post(text, folder="pool"), CHECK) == []


@pytest.mark.parametrize(
    ("text", "folder"),
    [
        ("anyone watching the leafs tonight??", "council"),  # sports
        ("Bitcoin to 200k this summer, mark my words 🚀", "green_bin"),
        ("Happy birthday to my sister Kayla!!! 🎂", "pool"),
        ("Does anyone know a good plumber in the Amberlea area?", "pool"),
        ("What time does the CHDRC pool open on Sundays?", "fireworks"),  # another civic matter
        ("When is the next property tax instalment due?", "pool"),
        ("LOST CAT: grey tabby, last seen near Dixie & Finch. Please share!!", "green_bin"),
    ],
)
def test_off_topic_posts_are_judged_against_the_folder_topic(text: str, folder: str) -> None:
    findings = disruption(post(text, folder=folder), CHECK)
    assert [f.kind for f in findings] == ["off_topic"]
    assert "Off-topic for" in findings[0].explanation


@pytest.mark.parametrize(
    ("text", "folder"),
    [
        ("What time does the CHDRC pool open on Sundays?", "pool"),  # the same question, on topic
        ("Where do diaper bags go under the new system?", "green_bin"),
        ("Where is the traffic study for Brock Rd north of Taunton?", "council"),  # council: all
        ("Four days a year feels too strict. Add Lunar New Year.", "fireworks"),
        ("Merci pour l'info! Est-ce que la collecte sera décalée?", "green_bin"),
        ("you're an idiot if you think this saves money. read a book", "green_bin"),
    ],
)
def test_on_topic_posts_are_not_disruption(text: str, folder: str) -> None:
    assert disruption(post(text, folder=folder), CHECK) == []
