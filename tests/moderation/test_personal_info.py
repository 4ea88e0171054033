"""Personal information, except the contacts of the City, resources and non-profits."""

from __future__ import annotations

import pytest

from bot.moderation.contacts import AllowListCheck
from bot.moderation.rules.personal_info import personal_info_with
from bot.moderation.settings import AllowList
from tests.moderation.posts import post

CHECK = AllowListCheck(AllowList())

PRIVATE = [
    ("Text Dave 905-555-0134", "905-555-0134"),
    ("call me back about my card, 905.555.0142. Margaret", "905.555.0142"),
    ("If found please call me (416) 555 0199 🙏", "(416) 555 0199"),
    ("text me at +1 289 555 0100", "+1 289 555 0100"),
    ("call/text me 9055550123", "9055550123"),
    ("Call Jen at nine oh five, five five five, zero one two eight", "nine oh five"),
    ("The guy at 1843 Fairport Rd never clears his sidewalk", "1843 Fairport Rd"),
    ("She's at apt 5, 12 Liverpool Rd S. Can someone help?", "apt 5, 12 Liverpool Rd S"),
    ("Account under Lena Chow, 1207 Annland St, Pickering L1W 1A5", "L1W 1A5"),
    ("email me: stopthetowers.kris@hotmail.com", "stopthetowers.kris@hotmail.com"),
    ("Plate CBRT 482 is parked in the fire route AGAIN", "CBRT 482"),
    ("My daughter, DOB 2016-04-12, health card 4821 555 013", "health card 4821 555 013"),
    ("She's on Foxwood Trail, the house with the red door", "the house with the red door"),
]

PUBLIC = [
    "To dispute a ticket call 905.683.7575 or see pickering.ca/parking.",  # the City
    "The Pickering Community Pantry (non-profit) takes items Mon-Thu, 905-555-0177.",
    "The teen area has the Kids Help Phone poster (1-800-668-6868) up.",
    "Call the DRPS non-emergency line 1-888-579-1520 instead of 911.",
    "If you or someone you love is struggling, call or text 988 any time.",
    "For fee assistance email customercare@pickering.ca.",
    "City Hall is at One The Esplanade, L1V 6K7.",
    "CHDRC is at 1867 Valley Farm Rd. Check pickering.ca/swim.",
    "Don Beer Arena, 940 Dillingham Rd, parking lot B is closest to pad 3.",
    "Corner of Whites and Sheppard is still a mess this morning.",
    "30 storeys on Kingston Rd with 2 lanes each way?",
    "Item 8.3 starts at 2:05:33 - By-law 8149/27 passed 5-2.",
    "Whitevale is north of Highway 7 along Whitevale Rd.",
]


@pytest.mark.parametrize(("text", "evidence"), PRIVATE)
def test_private_details_are_found(text: str, evidence: str) -> None:
    findings = personal_info_with(post(text), CHECK)
    assert findings, text
    assert any(evidence in span.text or span.text in evidence for span in findings[0].evidence)


@pytest.mark.parametrize("text", PUBLIC)
def test_public_resources_and_places_are_not_personal(text: str) -> None:
    assert personal_info_with(post(text), CHECK) == []


def test_the_allow_list_of_numbers_is_configurable() -> None:
    text = "Our ratepayers' group line is 905-555-0188"
    assert personal_info_with(post(text), CHECK)
    allowed = AllowListCheck(AllowList(phone_numbers=("905 555 0188",)))
    assert personal_info_with(post(text), allowed) == []


def test_organisations_on_the_allow_list_cover_their_numbers() -> None:
    text = "The Ajax Lions Club collects glasses, call 905-555-0166."
    assert personal_info_with(post(text), CHECK)
    allowed = AllowListCheck(AllowList(organisations=("Ajax Lions Club",)))
    assert personal_info_with(post(text), allowed) == []
