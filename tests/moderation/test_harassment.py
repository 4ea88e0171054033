"""Harassment: attack an idea, not a person."""

from __future__ import annotations

import pytest

from bot.moderation.rules.harassment import harassment
from tests.moderation.posts import post

ATTACKS = [
    "Sarah Lindqvist should be fired. She's lazy and useless.",  # dev d0003
    "Whoever runs snow clearing in this city is a brain-dead moron",  # dev d0013
    "Councillor Raman is a r*tard, listen to her read a budget",  # masked slur (dev d0046)
    "Westbrook is a spineless puppet for the developers. Resign.",  # dev d0098
    "DRT drivers are lazy fat slobs who can't keep a schedule",  # a group of workers (d0150)
    "Seaton is turning into a p@ki ghetto, send them all back",  # hate speech (dev d0171)
    "you're an idiot if you think this saves money",
    "Councillor Doyle you're an absolute clown",
    "The rink attendant is a lazy slob who never floods the ice",
    "Hope the whole council chokes on the smoke lol",  # wish of harm (dev d0314)
    "People who let their dogs off leash should be shot",  # dev d0241
    "I'll find the guy who closed this trail and break his legs",
    "Councillor Fenwick takes envelopes of cash from the builders",  # defamation (dev d0125)
    "Treasurer Lam has been stealing from taxpayers for years",
    "The Diwali exemption? Go back where you came from.",  # dev d0265
    "Immigrants are ruining this city, they should all be sent home",
    "Rosa, nobody wants your opinion. Get a life.",
    "Oduya = 🤡🤡🤡",
    "Let's all go egg Councillor Brady's house tonight",
]

CIVIL = [
    "This plan is stupid. Density without transit is just traffic.",  # dev d0167
    "I disagree with Councillor Fenwick on this; he isn't listening to dog owners.",
    "Mayor Westbrook's vote on this was wrong and I've written to his office.",
    "A 4.9% hike is highway robbery. Council should have found savings.",
    "Ticketing people on their own street after a snowstorm is a cash grab.",
    "I'd kill for a 6am lane swim on weekends 😅",
    "This zoning change will kill the small shops along Kingston Rd.",
    "The fireworks last year were the bomb 💣🎆",
    "Those invasive buckthorn shrubs should be killed off before they spread.",
    "Garbage collection every other week is a disaster for big families.",
    "Raccoons and rats got into the bins again.",
    "I was such a prick to the lifeguard yesterday, sorry about that.",
    'Statements like "immigrants are scum" are deeply hurtful.',  # counter-speech
    "Whoever decided sidewalks come after the arena lots made the wrong call.",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_attacks_on_people_are_harassment(text: str) -> None:
    findings = harassment(post(text))
    assert findings and findings[0].category == "harassment"
    assert findings[0].evidence
    assert "attack an idea, not a person" in findings[0].explanation


@pytest.mark.parametrize("text", CIVIL)
def test_criticism_of_ideas_and_figures_of_speech_are_not(text: str) -> None:
    assert harassment(post(text)) == []
