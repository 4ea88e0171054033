"""Commercial posts: selling, advertising, spam, and signature lines to other forums."""

from __future__ import annotations

import pytest

from bot.moderation.contacts import AllowListCheck
from bot.moderation.rules.commercial import commercial
from bot.moderation.settings import AllowList
from tests.moderation.posts import post

CHECK = AllowListCheck(AllowList())

SELLING = [
    "Selling a Toro snowblower, barely used, $450 OBO.",  # dev d0029
    "DM me for snow removal, cheapest in Pickering 💪",  # dev d0025
    "Luxury Swiss replica watches ⌚ Free shipping! www.primewatchreplica-ca.store",  # d0045
    "I turned $500 into $12,400 in 3 weeks with the best crypto trading mentor",  # d0038
    "Check out my channel for the REAL news about council 🔔 like & subscribe!!",  # d0195
    "Renting out our driveway for Canada Day parking, $30! Message me to reserve 🚗",
    "Private swim coaching, $60/hour. Book at swimcoachjen.ca",
    "Leaf cleanup special!! We bag and haul, $99 per yard. Call Rob's Landscaping",
    "Medicare supplement plans for seniors, free quote today at seniorsaver-plans.com",
]

NOT_SELLING = [
    "Compostable bags are cheaper at No Frills than at Canadian Tire fyi.",  # dev d0162
    "The 10-visit pass went from $45 to $52 with no notice.",  # dev d0030
    "You can set up pre-authorized payments at pickering.ca/taxes.",  # dev d0143
    "The full calendar is on durham.ca/waste - enter your address.",  # dev d0146
    "Would people pay an extra $20/year on taxes for full sidewalk clearing?",  # dev d0011
    "The drone shot of the blacksmith shop at 1:12 is killer.",
    "If a senior needs help, dial 211.\n-- Sarah, Snow Angels volunteer | pickering.ca/volunteer",
]


@pytest.mark.parametrize("text", SELLING)
def test_soliciting_and_advertising_are_commercial(text: str) -> None:
    findings = commercial(post(text), CHECK)
    assert findings and findings[0].confidence >= 0.5


@pytest.mark.parametrize("text", NOT_SELLING)
def test_mentions_of_shops_prices_and_city_links_are_not(text: str) -> None:
    assert all(f.confidence < 0.5 for f in commercial(post(text), CHECK))


def test_a_signature_line_linking_to_another_forum_is_named() -> None:
    text = "Sunday hours would be great.\n\n--\nGary D. | Admin: durhamdadstalk.boards.net"
    finding = commercial(post(text), CHECK)[0]
    assert finding.kind == "signature"
    assert finding.evidence[0].text == "durhamdadstalk.boards.net"


def test_a_bare_outside_link_is_flagged_with_lower_confidence() -> None:
    finding = commercial(post("More on this at someblog.net/towers"), CHECK)[0]
    assert 0.5 <= finding.confidence < 0.8


def test_the_allow_list_of_domains_is_configurable() -> None:
    check = AllowListCheck(AllowList(domains=("pickering.ca", "someblog.net")))
    assert commercial(post("More on this at someblog.net/towers"), check) == []
