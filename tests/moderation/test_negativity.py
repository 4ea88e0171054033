"""Negativity: only saying the topic is disliked or lame; criticism with substance is fine."""

from __future__ import annotations

import pytest

from bot.moderation.rules.negativity import negativity
from tests.moderation.posts import post


@pytest.mark.parametrize(
    "text",
    [
        "This topic is so lame",
        "who cares lol",
        "boring",
        "yawn",
        "zzzzz 😴",
        "snooze fest. 2 hours of this?",
        "Stop posting about snow, nobody cares",
        "libraries are boring, who even goes anymore",
        "ugh not another beach thread 🙄",
        "imagine caring this much about garbage lmao",
        "heritage stuff is so dull, who even cares",
    ],
)
def test_dismissing_the_topic_is_negativity(text: str) -> None:
    assert [f.category for f in negativity(post(text))] == ["negativity"]


@pytest.mark.parametrize(
    "text",
    [
        "Who cares about fireworks when Brock Road is falling apart? Put the budget into potholes.",
        "Not a fan of the new schedule. Maybe give out free extra tags for the first months?",
        "The new schedule sucks for shift workers. A 9pm lane swim twice a week would help.",
        "Boring as it sounds, the construction hours matter a lot to shift workers like me.",
        "Who cares about the rain, the festival was still great!",
        "Thank you for posting this early, gives us time to plan.",
    ],
)
def test_criticism_with_substance_is_not(text: str) -> None:
    assert negativity(post(text)) == []
