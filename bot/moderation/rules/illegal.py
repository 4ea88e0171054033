"""Illegal activities: promoting illegal activities, or content likely to result in serious
harm to a person (Appendix 1, Terms of Use 04.03).

Promotion is the point: telling people to do it, offering it, or showing how to get away
with it. Reporting vandalism or dumping ("someone's been dumping... reported it") is not.
"""

from __future__ import annotations

import re

from bot.moderation.guidelines import explain
from bot.moderation.model import Finding, Post, Span
from bot.moderation.text import fold

# Words that turn an act into advice or an invitation: the act must follow one of these
# (checked on the text before the act, so the patterns below can start with the act).
_URGE_BEFORE = re.compile(
    r"(?:^|[.!?\n]\s*|\bjust |\byou (?:can|could|should) |\bwe (?:should|could) |\blet'?s "
    r"|\bsomeone (?:should|needs to|ought to) |\bwho wants to |\bgo |\beveryone (?:should )?"
    r"|\bi say we |\bwhy not |\bwe need to |\bif \w+ [^.]{0,40}?, )$"
)
_URGE = "(?P<urge>)"  # marks a pattern whose act must follow advice or an invitation
_VEHICLE = r"(?:car|truck|van|suv|vehicle|f-?150|ride|plow|bus|tires?)"
_PROPERTY = (
    r"(?:wall|building|washrooms?|window|sign|bus|shelter|statue|bench|fence|camera|park"
    r"|property|playground|station|library|school|sales cent(?:re|er)|office|city hall|car)"
)

_PATTERNS: tuple[tuple[str, float, str], ...] = (
    # vandalism and damage
    (_URGE + r"(?:slash|puncture|flatten|let the air out of)\b[^.!?]{0,25}\btires?\b", 0.9,
     "encourages damaging a vehicle"),
    (r"\bkey(?:ed|ing)? (?:his|her|their|the|that|your|a|them)?[^.!?]{0,40}?\b" + _VEHICLE, 0.85,
     "encourages damaging a vehicle"),
    (r"\b(?:burn|torch)\b[^.!?]{0,30}\bdown\b|\bset fire to\b", 0.9, "incites arson"),
    (_URGE + r"(?:spray ?paint|tag|graffiti|deface|vandali[sz]e|smash|wreck|egg|break)\b"
     r"[^.!?]{0,40}\b" + _PROPERTY, 0.85, "encourages vandalism of property"),
    (r"\bblank wall is calling\b", 0.8, "encourages graffiti"),
    (r"\bbolt ?cutters?\b|\bcut (?:the|a|through the) (?:fence|lock|chain)", 0.8,
     "encourages breaking into a fenced area"),
    (r"\bpull (?:up|out) the (?:survey )?stakes\b", 0.85, "encourages mischief on a site"),
    (r"\b(?:cones|barricades?|barriers|signs) (?:are|is) easy to (?:move|remove)\b"
     r"|\bmove the (?:cones|barricades?|barriers)\b"
     r"|\bdrive (?:right )?(?:through|around) the (?:closed|barricade)", 0.85,
     "encourages moving traffic control devices or entering a closed work zone"),
    (r"\bfree copper\b|\b(?:steal|swipe|nick|lift) (?:the|some|a|their)\b[^.!?]{0,30}"
     r"(?:copper|wire|tools|bikes?|packages?|signs?)", 0.85, "encourages theft"),
    # dumping, fraud, evasion
    (_URGE + r"(?:dump|toss|throw|chuck|leave|drop)\b[^.!?]{0,40}\b(?:garbage|trash|bags?|waste"
     r"|junk|mattress|tires|renovation|furniture)\b[^.!?]{0,60}\b(?:dumpster|ravine|creek"
     r"|river|lake|park|behind|bush|woods|field|ditch|side of the road|lot)\b", 0.85,
     "encourages illegal dumping"),
    (r"\bfare evasion\b|\b(?:board|get on) (?:through|at) the back doors?\b"
     r"|\b(?:skip|dodge) (?:the|paying the) fare\b", 0.85, "promotes fare evasion"),
    (r"\bcheques? (?:from|on) a closed account\b|\bbounce a cheque\b", 0.85, "promotes fraud"),
    (r"\bfake (?:accessible |disabled |handicap )?(?:parking )?(?:permits?|ids?|licen[cs]es?"
     r"|tickets?|receipts?|documents?|plates?)\b|\bforged?\b|\bforgery\b", 0.85,
     "promotes forged documents"),
    (r"\b(?:tinted|smoked) plate covers?\b|\bplate (?:cover|flipper)s?\b"
     r"|\bcan'?t read your plate\b", 0.85, "promotes evading enforcement"),
    (r"\btorrent(?:ing)?\b|\bpirat(?:e|ed|ing)\b|\bcracked (?:software|version|games?)\b",
     0.8, "promotes copyright infringement"),
    (r"\bno licen[cs]e needed\b|\bwithout a (?:permit|licen[cs]e)\b", 0.6,
     "promotes doing it without the required licence"),
    (r"\b(?:nobody|no one|no-one|drivers never|they never|they don'?t) (?:checks?|monitors?"
     r"|notices?|will notice|enforces?)\b|\bbefore they notice\b|\bwon'?t get caught\b", 0.45,
     "advice on getting away with it"),
    # drugs: a drug (or a quantity) offered, brought or sold
    (r"(?:\b\d+ ?(?:g|grams?|oz|ounces?|zips?)|\bgrams|\$\d+ ?/ ?(?:g|gram)"
     r"|\b(?:percs?|percocets?|molly|mdma|ecstasy|cocaine|coke|crack|meth|fentanyl|fent"
     r"|oxys?|xanax|xans|shrooms|lsd|acid tabs|ketamine|carts))\b"
     r"(?=[^.!?]{0,60}(?:\bdm\b|hit me up|selling|\bbuy\b|\$|delivery|bring|get lit|party|💊|💨))"
     r"|\b(?:selling|who'?s bringing|bringing the)\b[^.!?]{0,40}\b(?:percs?|molly|mdma|coke"
     r"|carts|weed|edibles|shrooms|pills|xanax|oxys?)\b", 0.85, "promotes illegal drugs"),
    # harm to people
    (r"\b(?:launch|shoot|aim|fire|throw|point)\b[^.!?]{0,40}\b(?:fireworks?|mortars?|rockets?"
     r"|firecrackers|roman candles?|them|it)\b[^.!?]{0,30}\b(?:at|toward|towards|into)\b"
     r"[^.!?]{0,20}\b(?:people|boats?|cars?|houses?|crowds?|kids|them|him|her|windows?)\b",
     0.9, "encourages endangering people"),
    (r"\bi know where\b[^.!?]{0,60}\blives?\b|\bpay (?:him|her|them) a visit\b"
     r"|\b(?:protest|show up|go|gather|meet)\b[^.!?]{0,20}\b(?:on|at|outside) (?:his|her"
     r"|their) (?:lawn|house|home|door|driveway)\b|\bhome address is\b", 0.85,
     "threatens a person at home"),
    (r"\bgo (?:tell|show|teach|visit|confront) (?:him|her|them)\b", 0.6,
     "incites others to confront a person"),
)
# Matched against folded (lowercase) text, so no IGNORECASE: it costs time.
_COMPILED = tuple((re.compile(p), conf, why) for p, conf, why in _PATTERNS)
# Reporting or warning about an act is the opposite of promoting it.
_REPORTING = re.compile(
    r"\bi(?:'ve| have)? reported\b|\breported (?:it|this|them)\b|\bplease report\b"
    r"|\breport (?:it|this|them|graffiti|dumping|vandalism)\b|\bplease don'?t\b|\bdo not\b"
    r"|\bshouldn'?t\b|\bis illegal\b"
    r"|\bit'?s illegal\b|\bagainst the law\b|\bcall(?:ed)? (?:by-?law|the police|911|drps)\b",
    re.IGNORECASE,
)


# Every pattern above needs one of these words; most posts have none, and one scan for
# them is much cheaper than trying every pattern.
_TRIGGERS = re.compile(
    r"(?:tire|key|burn|torch|fire|paint|tag|graffiti|deface|vandal|smash|wreck|egg|break|wall"
    r"|bolt|cut|stake|cone|barricade|barrier|drive|copper|steal|swipe|nick|lift|dump|toss"
    r"|throw|chuck|leave|drop|fare|back door|cheque|bounce|fake|forg|plate|torrent|pirat"
    r"|crack|licen|permit|nobody|no one|no-one|never|they don|notice|caught|gram|\d ?(?:g|oz)\b"
    r"|zip|/ ?g\b|perc|molly|mdma|ecstasy|coke|cocaine|meth|fent|oxy|xan|shroom|lsd|acid"
    r"|ketamine|cart|weed|edible|pill|selling|bringing|launch|shoot|aim|point|know where"
    r"|visit|protest|show up|gather|meet|home address|go (?:tell|show|teach|confront))"
)


def illegal(post: Post) -> list[Finding]:
    text = post.text
    folded = fold(text)
    if not _TRIGGERS.search(folded):
        return []
    hits: list[tuple[float, Span, str]] = []
    for pattern, confidence, why in _COMPILED:
        for match in pattern.finditer(folded):
            if "urge" in match.groupdict() and not _URGE_BEFORE.search(
                folded[max(0, match.start() - 60) : match.start()]
            ):
                continue
            start, end = _trimmed(folded, match.start(), match.end())
            hits.append((confidence, Span(start, end, text[start:end]), why))
    if not hits:
        return []
    # Several signs together (an act and how to get away with it) are surer than one.
    reasons = {why for _, _, why in hits}
    confidence = min(0.95, max(conf for conf, _, _ in hits) + 0.1 * (len(reasons) - 1))
    if _REPORTING.search(folded):
        confidence -= 0.4
    if confidence <= 0.0:
        return []
    best = max(hits, key=lambda hit: hit[0])
    reason = f"Post {best[2]} ('{best[1].text}')"
    evidence = tuple(sorted({span for _, span, _ in hits}, key=lambda s: s.start))
    return [Finding("illegal", round(confidence, 2), evidence, explain("illegal", reason))]


def _trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not folded[start].isalnum():
        start += 1
    while end > start and folded[end - 1].isspace():
        end -= 1
    return start, end
