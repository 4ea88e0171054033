"""Negativity: "keep things positive". A comment whose only content is that the poster
dislikes the topic or finds it lame or boring (Appendix 1). Criticism with substance
("Who cares about fireworks when Brock Road is falling apart? Put the budget into
potholes") is not negativity, so the rule also measures what is left besides the dismissal.
"""

from __future__ import annotations

import re

from bot.moderation.guidelines import explain
from bot.moderation.model import Finding, Post, Span
from bot.moderation.text import Prefiltered, fold, strip_emoji, word_alternation, words

_SUBJECT = (
    r"(?:this|that|the|these|another|such a|what a|a|so|most)? ?(?:[\w-]+ )?(?:topic|thread|post"
    r"|posts|update|updates|meeting|video|page|stuff|debate|discussion|survey|news|story"
    r"|subject|one|conversation)"
)
_DISMISSALS = Prefiltered(re.compile(
    word_alternation(
        (
            r"\bwho (?:the \S+ |tf )?(?:even )?cares\b",
            r"\bwho (?:the \S+ |tf )?(?:even )?gives an? (?:damn|hoot|rat'?s|sh\S*t|f\S*k|crap"
            r"|cr\S*p)",
            r"\bnobody (?:even )?cares\b", r"\bno one cares\b",
            r"\bdon'?t care\b", r"\bcouldn'?t care less\b", r"\bwho (?:even )?(?:reads|watches"
            r"|asked for|goes|uses)\b", r"\bwho (?:even )?(?:needs|wants|likes) (?:this|that|these"
            r"|it|them|those)\b", r"\bwho asked\b", r"\bimagine caring\b", r"\bnot another\b",
            r"\b(?:so |really |super |very |pretty )?(?:b[o0]ring|lame|dull|tedious|meh)\b",
            # "mid" as the young say "mediocre": "fireworks were mid ngl", "mid lineup. L"
            # (not "mid-March", "mid block", "in the mid 80s")
            r"\b(?:is|was|were|are|looks?|lowkey|kinda|pretty|so|hella|mad) mid\b(?!-| (?:\d"
            r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|morning"
            r"|afternoon|evening|block|way|point|range|size|season|renovation|construction"
            r"|project|build|air|sentence|shift|game|term|winter|summer|spring|fall))"
            r"|^\W*mid (?:lineup|video|show|fireworks|event|music|performance|band|dj)\b",
            r"\byawn+\b", r"\bzzz+\b", r"\bsnooze(?: ?fest)?\b",
            r"\b(?:the )?(?:lamest|dullest|most boring|most pointless|least interesting)\b",
            r"\b(?:riveting|thrilling|gripping|scintillating|fascinating) (?:stuff|content"
            r"|topic|thread|update|post)\b", r"\bputs? me to sleep\b", r"\bso over (?:this|it)\b",
            r"\bnothing ?burger\b", r"\bsleep ?fest\b", r"\bfun times\W+not\b",
            r"\bsaid no ?one ever\b",
            r"(?<=[,.] )(?:riveting|thrilling|scintillating|gripping)(?: stuff)?\W*$",
            r"\b(?:nobody|no one) (?:even )?(?:watches|reads|goes to|uses|wants|likes)\b",
            r"\bhow (?:exciting|thrilling|fascinating|riveting)\W{0,5}(?:not|lol)\b",
            r"\bcould (?:this|it|that) (?:\w+ )?be any (?:more )?(?:boring|lame|dull|duller"
            r"|lamer)\b",
            r"\bwaste of (?:time|space|bandwidth)\b", r"\bstop posting\b", r"\bugh+\b",
            r"\bis the worst\b", r"\bare the worst\b", r"\bsucks\b", r"\bbored\b",
            r"\bnobody (?:wants|needs) (?:this|to (?:hear|read|see))\b",
            # "dumb", "pointless" dismiss the topic only when said of the thread itself; said of
            # a proposal ("the painted lanes are useless") they are criticism.
            rf"\b{_SUBJECT} (?:is|are) (?:so |really )?"
            r"(?:lame|boring|dumb|pointless|stupid|useless)"
            r"(?: and (?:dumb|pointless|stupid|useless))?\b",
            r"^(?:so )?(?:dumb|stupid|pointless|useless)[.! ]*$",
        )
    ),
))
# Signs of substance: a suggestion, a reason, a question about the matter.
_SUBSTANCE = re.compile(
    r"(?<![a-z0-9])(?:should|could|would|please|instead|because|since|when|if|why|how"
    r"|put|fix|spend|suggest|maybe|rather|but|need|needs|consider|hope|wish|idea)\b|\?\s*\w"
    r"|(?<![a-z])\d"  # a number, not a digit masking a letter ("sh1t")
)
_FILLER_WORDS = frozenset(
    {
        "this", "the", "a", "an", "is", "are", "so", "it", "its", "it's", "that", "of", "about",
        "lol", "lmao", "tbh", "honestly", "just", "thread", "topic", "posts", "post", "update",
        "updates", "even", "who", "cares", "nobody", "care", "really", "another", "i", "im",
        "i'm", "me", "my", "here", "again", "all", "these", "those", "such", "what", "most", "to",
        "on", "in", "and", "anymore", "any", "ever", "thing", "things", "city", "has", "have",
        "posted", "discussion", "by", "one", "been", "was", "were", "page", "video",
        "literally", "site", "whole", "wow", "not", "ok", "okay", "content", "stuff", "yet"
    }
)  # fmt: skip


def negativity(post: Post) -> list[Finding]:
    text = post.text
    folded = fold(text)
    dismissals = list(_DISMISSALS.finditer(folded))
    if not dismissals:
        return []
    if _PRAISE.search(folded) and not _SARCASM.search(folded):
        return []  # "who cares about the rain, the festival was great!" is positive
    content = [w for w in _content_left(folded, dismissals) if not _names_topic(w, post)]
    substantive = _SUBSTANCE.search(_without(folded, dismissals)) is not None
    if len(content) > 4 or (substantive and len(content) > 1):
        return []
    confidence = 0.85 if len(content) <= 3 and not substantive else 0.6
    evidence = tuple(Span(m.start(), m.end(), text[m.start() : m.end()]) for m in dismissals)
    reason = f"Only dismisses the topic ('{evidence[0].text}')"
    return [Finding("negativity", confidence, evidence, explain("negativity", reason))]


_SARCASM = re.compile(r"[.!,]\s*not\b|\bnot\W*$|\bfun times\b|\byeah right\b")
_PRAISE = re.compile(r"\b(?:great|love[dsy]?|good|awesome|amazing|fun|nice|beautiful|thanks"
                     r"|thank you|enjoy\w*|best)\b")


def _names_topic(word: str, post: Post) -> bool:
    """Naming the topic ("gym membership thread, who cares") adds nothing to a dismissal."""
    about = fold(f"{post.folder} {post.topic}")
    return len(word) >= 3 and (word in about or word.rstrip("s") in about)


def _without(folded: str, matches: list[re.Match[str]]) -> str:
    kept, last = [], 0
    for match in matches:
        kept.append(folded[last : match.start()])
        last = match.end()
    kept.append(folded[last:])
    return " ".join(kept)


def _content_left(folded: str, matches: list[re.Match[str]]) -> list[str]:
    rest = strip_emoji(_without(folded, matches))
    return [word for word in words(rest) if word not in _FILLER_WORDS]
