"""The Posting Guidelines (Appendix 1) and Terms of Use (04.03) in their own words.

One place for the sentences moderators read on every alert, so wording stays consistent
between the CLI report, Slack and Teams.
"""

from __future__ import annotations

import re

from bot.moderation.model import Category

GUIDELINE: dict[Category, str] = {
    "harassment": (
        "No threats, abuse, hate speech, personal attacks or harassment, and no defamatory "
        "statements: attack an idea, not a person."
    ),
    "vulgarity": "No vulgar language, including masked vulgarity (cuss words disguised with "
    "symbols or letters).",
    "disruption": "No board disruption: off-topic posts and clutter posts (\"me too\") "
    "interfere with the discussion.",
    "illegal": "No promotion of illegal activities, and nothing likely to result in serious "
    "harm to a person.",
    "commercial": "No classified, commercial or soliciting posts (phone numbers, commercial "
    "websites, buy/sell, spam), and no signature lines linking to other forums not "
    "associated with the City or pickering.ca.",
    "duplicate": "Single posts only: the same message posted more than once, in one folder "
    "or several.",
    "personal_info": "No addresses, phone numbers or other private information, except the "
    "contact information of legitimate resources and non-profit organizations.",
    "negativity": "Keep things positive: a comment that only says the topic is disliked or "
    "lame adds nothing.",
}

# Mild words the City tolerates in ordinary speech: not vulgarity, and never an insult however
# they are disguised ("cr@p" is not a masked "creep").
MILD_WORDS: frozenset[str] = frozenset({"damn", "hell", "heck", "freaking", "sucks", "crap"})

BANNED_AUTHOR = "The author is banned from posting (Terms of Use 04.03 c)."


def explain(category: Category, reason: str) -> str:
    """One line: what was seen, then the guideline it breaks."""
    return f"{reason}. {GUIDELINE[category]}"


# "I know where he lives" said of a neighbour or a friend ("...too, he's my neighbour, I'll
# bring him soup"), English and French, folded: follows the words that would be a threat.
_A_FRIEND = (
    r"\b(?:he'?s|she'?s|they'?re|he is|she is|c'est|il est|elle est)"
    r" (?:my|our|mon|ma|notre) (?:neighbou?rs?|friends?|brother|sister|cousin|voisine?|amie?"
    r"|frere|soeur|cousine?)\b"
)
NOT_SAID_OF_A_FRIEND = rf"(?![^.!?]{{0,50}}{_A_FRIEND})"
_SAYS_A_FRIEND = re.compile(_A_FRIEND)


def says_a_friend(folded: str) -> bool:
    """The post says the person it speaks of is the poster's neighbour, friend or relative:
    what the model, reading "I know where she lives", cannot weigh."""
    return _SAYS_A_FRIEND.search(folded) is not None
