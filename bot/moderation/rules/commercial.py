"""Commercial posts: classified, commercial or soliciting posts (buy/sell, advertising,
spam, links to commercial websites) and signature lines linking to other forums not
associated with the City or pickering.ca (Appendix 1)."""

from __future__ import annotations

import re

from bot.moderation import contacts
from bot.moderation.contacts import AllowListCheck, Contact
from bot.moderation.guidelines import explain
from bot.moderation.model import Finding, Post, Span
from bot.moderation.rules.veiled import warns_of_a_scam
from bot.moderation.text import (
    Alternatives,
    CaseFoldPrefiltered,
    Prefiltered,
    fold,
    word_alternation,
)

_P = r"\$ ?\d[\d,.]*k?"  # a price
# "Selling" from the one who sells, not a report of someone else selling ("a guy was selling
# cartons out of his trunk"), a rule ("selling raw milk is illegal") or "selling out".
_SELLING = (
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!'s )(?<!\bnot )(?<!\bfor )(?<!door )"
    r"(?<!someone )(?<!somebody )(?<!\bguy )(?<!people )(?<!vendors )(?<!woman )(?<!\bman )"
    r"\bselling\b(?! out\b)(?![^.!?\n]{0,40}\b(?:is|are) (?:illegal|not allowed|banned))"
)
# Each of these alone says someone is selling, soliciting or advertising.
_SOLICITING = Prefiltered(re.compile(
    word_alternation(
        (
            r"\bfor sale\b", _SELLING, r"(?<!n't )(?<!\bnot )\bwants? to buy\b",
            r"\b(?:message|msg|text|call|dm|email|e-mail|whatsapp|contact|inbox)(?: me| us)?"
            r" (?:to|for) (?:order|buy|book|reserve|details|pricing|prices|info|a quote|rates)\b",
            r"\brefinanc\w*\b", r"\bmortgage rates?\b", r"\brates are (?:dropping|low)\b",
            # one's own offer, not a comparison ("a sidewalk is cheaper than a kid getting hit")
            r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )\bcheaper than\b",
            r"\b(?:2|two)[- ]for[- ](?:1|one)\b", r"\bbogo\b",
            r"\bbuy one,? get one\b", r"\bcome (?:try|visit|check out|see) (?:our|us)\b",
            r"\bdeposits? (?:accepted|required|taken)\b",
            r"\b(?:anyone|who) wants? (?:my|a|an|some|these|this|our)\b[^.!\n]{0,40}"
            r"\b(?:for free|free|\$ ?\d)", r"\b\d+ (?:for|4) " + _P,
            r"\bserving (?:all of )?(?:pickering|ajax|whitby|durham|oshawa|scarborough|the gta"
            r"|toronto)\b", r"\bpackages? (?:from|start|starting)\b",
            r"\bsale this (?:week|weekend)\b",
            r"\bwarehouse sale\b", r"\bbuy now\b",
            r"(?<!n't )(?<!\bnot )\b(?:wanna|want to) buy\b",
            r"\b(?:dm|pm|inbox) (?:me|us)\b(?! (?:if|when|about the))",
            r"\b(?:message|msg|text|call|whatsapp) (?:me|us) to (?:buy|order|reserve|book)\b",
            r"\bdm (?:for|to)\b", r"\bdm$", r"\bhit me up\b",
            r"\b(?:dm|pm) me if (?:you|u) want (?:some|one|any|them|it)\b",
            # not "is the market cash only or do they take tap?", "a couple of farms are cash only"
            r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\bcash only\b(?! or\b)",
            r"\bbuying\b[^.!?\n]{0,40}?\bcash\b",  # "buying catalytic converters, cash"
            r"\bfree (?:shipping|trial|delivery|estimate|quote|consultation|evaluation|walk"
            r"|class|lesson|session|sample)s?\b",
            r"\btry it free\b", r"\bfirst \w+ free\b",
            # a testimonial of riches and the handle to write to: "I made $8,400 last week
            # trading crypto ... message her on Telegram"
            r"\b(?:made|earned|make|earn|making|earning) \$ ?(?:\d{1,3}(?:,\d{3})+|\d{4,}|\d+k)"
            r"(?:\.\d\d)? (?:last|this|a|per|every"
            r"|each|in a) (?:week|month|day)\b",
            r"\b(?:message|msg|text|contact|dm) (?:her|him|them|me|us) on (?:telegram|whatsapp"
            r"|signal|instagram|ig|snap(?:chat)?|wechat)\b",
            r"\b\d{1,2} ?% off\b", r"\b(?:promo|discount|coupon) code\b", r"\buse code\b",
            r"\blimited (?:time|offer|spots|stock)\b", r"\bspots? (?:still )?(?:left|available)\b",
            # not a resident asking or telling how: "so we have to book online now?", "you
            # register online", "you used to book at the front desk"
            r"(?<!\bwe )(?<!have to )(?<!\bjust )(?<!\byou )(?<!\bi )(?<!\bthey )(?<!\bto )"
            r"(?<!\bcan )(?<!\bcould )(?<!\bwill )(?<!\bshould )(?<!\bsays )(?<!\bsaid )"
            r"\b(?:book|order|enrol+|register|sign up) (?:now|today|online|at|with us)\b",
            r"\bshop (?:now|online|with us)\b",
            # "fair rates, 24/7", "call us for all your plumbing needs", "same day delivery"
            r"\b(?:fair|best|great|reasonable|competitive|low|affordable|unbeatable) rates\b",
            r"\bfor all your (?:\w+ ){1,2}needs\b", r"\bsame[- ]day delivery\b",
            r"\blike (?:&|and) subscribe\b", r"\bsubscribe to my\b",
            r"\bcheck out my (?:channel|page|shop|store|website|site|insta\w*|tiktok|youtube"
            r"|blog)\b",
            r"\bfollow (?:me|us) (?:on|at|for)\b", r"\blink in (?:my )?(?:bio|profile)\b",
            r"\bturned " + _P + r" into\b", r"\bmake " + _P + r" (?:a|per) (?:day|week)\b",
            r"\b(?:crypto|forex|bitcoin|trading) (?:mentor|expert|coach|signals|investment)\b",
            r"\bwork from home\b", r"\breplica\b", r"\bcheapest\b", r"\bbest (?:prices?|rates)\b",
            r"\brates? (?:at|from|start)\b",
            _P + r" ?(?:obo|flat|firm)\b",
            r"\b(?:contracts?|services?|lessons?|spots?|appointments?|rooms?)"
            r" (?:still )?available\b",
            r"\brenting out\b", r"\bfor rent\b", r"\bpay only if\b", r"\bsame[- ]day service\b",
            r"\bno credit check\b", r"\b(?:fast|quick|easy) (?:cash|loans?|money)\b",
            r"\bapproved in \d+", r"\blost \d+ ?(?:lbs|pounds|kg)\b", r"\bweight loss\b",
            r"\bwe (?:fix|fight|clean|repair|remove|deliver|install|buy|sell|pressure wash|haul"
            r"|sharpen|shovel|plow|plough)\b",
            r"\b(?:call|text) (?:or text |or call )?(?:\w+ )?(?:today|now) for\b",
            r"\bthinking of (?:selling|buying)\b", r"\bhome evaluation\b",
            r"\bbusiness (?:is )?(?:open|now open)\b", r"\bgrand opening\b",
            r"\bdelivery anywhere\b", r"\beverything must go\b",
            # one's own sale announced with its day or time, not a question about the rules
            r"\b(?:garage|yard|moving|estate|porch) sale\b[^?\n]{0,40}?\b(?:sat|saturday|sun"
            r"|sunday|this weekend|\d{1,2} ?(?:am|pm)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct"
            r"|nov|dec)[a-z]* \d{1,2})\b",
        )
    ),
    re.MULTILINE,
))
# Each of these is ordinary alone; with a link or with each other they advertise.
_SALES_HINTS = Alternatives(re.compile(
    word_alternation(
        (
            # a rate first, so "$40/half hour" is read as one rather than as a bare price
            _P + r" ?(?:/ ?|per |a )(?:month|mo|hour|hr|half hour|week|night|session|day|yard"
            r"|bag|load|visit|lesson|class|person|walk|window|tree|car|dog|sq ?ft|each|pair"
            r"|cord|dozen|set|piece|item|unit)\b|" + _P + r" ?/ ?[a-z]+\b",
            r"free\b", _P, r"call or text", r"(?:message|msg|whatsapp) (?:me|us)\b",
            r"text (?:me|\w+) at", r"(?:text|call) (?:me|us)\b", r"contact (?:me|us)",
            r"(?:snap|snapchat|telegram|whatsapp|insta|ig|kik)\b ?:?\s?@?\w+",
            r"deliver(?:y|ed)\b",
            r"visit (?:us|our|my)", r"shop\b",
            r"store\b", r"deals?\b", r"sale\b", r"prices?\b", r"services?\b", r"book\b",
            r"business\b", r"company\b", r"professional", r"certified", r"guaranteed?\b",
            r"quality\b", r"specials?\b", r"call \w+'s \w+", r"we (?:bag|haul|clean|cut|mow)\b",
            r"insured\b", r"licensed\b",
            # the twentieth round: "qualified Hafiz", "experienced Filipino nannies", "Festival
            # booking", "Best Indian wedding DJ in GTA", "orçamento grátis", "خصم 20%"
            r"qualified\b", r"booking\b", r"gratis\b",
            r"experienced (?:\w+ )?(?:nannies|nanny|caregivers?|staff|team|tutors?|teachers?"
            r"|instructors?|cleaners|movers|painters|drivers|technicians?|professionals?)\b",
            r"best [\w&' ]{1,30} in (?:the )?(?:gta|durham|pickering|ajax|town)\b",
            r"\d{1,2} ?% (?:off|discount)\b", r"خصم", r"اتصلوا",
        )
    )
    + r"|[💰📈🔥👉➡⚡✅💯]"
))
# "--", "~~" or "__" opening a line, or a "Name | title" line: a signature block.
_SIGNATURE = CaseFoldPrefiltered(  # reads the text; prefiltered on the folded text
    re.compile(r"(?:^|\n)[ \t]*(?:--+|~~+|__+|—)[ \t]*\n?[^\n]*|\n[^\n|]{2,40}\|[^\n]*$")
)


# A charity's, a drive's or a petition's own site ("Registered charity, info at
# feedtheneedindurham.ca", "supporting the local shelter. Register or donate at ...", "Sign the
# petition: change.org/p/..."): the guideline's commercial websites are businesses'.
_CHARITY = re.compile(
    r"\b(?:registered charity|charit(?:y|able)|non-?profit|not-for-profit|food (?:bank|drive)"
    r"|petitions?"
    r"|shelter|donate|donations?|fundrais\w*|organisme (?:sans but lucratif|communautaire)"
    r"|bienfaisance|banque alimentaire|refuge|collecte de fonds)\b"
)


# Newsrooms: a link to a news story is a source, not an advertisement.
_NEWS_SITES = frozenset({
    "durhamregion.com", "cbc.ca", "ctvnews.ca", "globalnews.ca", "thestar.com", "cp24.com",
    "citynews.ca", "torontosun.com", "nationalpost.com", "theglobeandmail.com", "insauga.com",
    "durhamradionews.com", "thetrillium.ca", "tvo.org", "radio-canada.ca", "lapresse.ca",
    "ledevoir.com", "reuters.com", "apnews.com", "bbc.com", "bbc.co.uk", "blogto.com",
    "narcity.com", "toronto.com", "ottawacitizen.com", "macleans.ca",
})


def commercial(post: Post, check: AllowListCheck) -> list[Finding]:
    text = post.text
    outside = [link for link in contacts.links(text)
               if not check.domain(link.value) and link.value not in _NEWS_SITES]
    signature = _signature_link(text, outside)
    if signature is not None:
        reason = f"Signature line linking to another site ('{signature.span.text}')"
        return [
            Finding(
                "commercial", 0.9, (signature.span,), explain("commercial", reason), "signature"
            )
        ]
    folded = fold(text)  # lowercase, so the patterns need no IGNORECASE (it is slow)
    soliciting = [_span(text, m) for m in _SOLICITING.finditer(folded)]
    hints = [_span(text, m) for m in _SALES_HINTS.finditer(folded)]
    if hints and "?" in folded:
        hints = _outside_questions(folded, hints)
    if not soliciting and (outside or hints) and warns_of_a_scam(folded):
        return []  # the scammer's price, number or link, quoted to warn others
    confidence, reason = _judge(soliciting, hints, outside,
                                charity=bool(outside) and _CHARITY.search(folded) is not None)
    priced = any(h.text.startswith("$") for h in hints)
    if confidence == 0.0 and (priced or len(_hint_kinds(hints)) >= 2):
        phone = next(iter(contacts.phone_numbers(text)), None)
        if phone is not None and (priced or not (check.number(phone.value)
                                                 or contacts.is_toll_free(phone.value))):
            # A price, or two signs of a business and a private number (a service line is
            # toll-free), and a number to call: an offer, whatever the wording or language.
            confidence = 0.7
            reason = f"An offer with a number to call ({phone.span.text})"
            hints.append(phone.span)
    if confidence == 0.0:
        return []
    evidence = tuple(sorted([*soliciting, *(c.span for c in outside), *hints][:6],
                            key=lambda s: s.start))
    return [
        Finding("commercial", confidence, evidence, explain("commercial", reason), "advertising")
    ]


def _judge(
    soliciting: list[Span], hints: list[Span], outside: list[Contact], charity: bool = False
) -> tuple[float, str]:
    """How surely the post advertises; `charity`: it names a charity or a cause it raises
    money or food for, whose own site, linked alone, is no commercial website."""
    if soliciting and outside:
        return 0.95, f"Advertising with a link to {outside[0].value}"
    if soliciting:
        return 0.85, f"Soliciting or advertising ('{soliciting[0].text}')"
    if outside and hints:
        return 0.8, f"Link to a commercial website ({outside[0].value})"
    if outside and not charity:
        return 0.55, f"Link to a website not associated with the City ({outside[0].value})"
    kinds = _hint_kinds(hints)
    # A rate ("$20 per walk") is half an offer already: it counts twice.
    if len(kinds) + ("rate" in kinds) >= 3:
        return 0.55, "Reads like an advertisement"
    return 0.0, ""


# A resident's question ("Is the Family Day swim still free or is it $2?", "how much is a
# permit?"), not an advertiser's hook ("Are you tired of paying high prices?", "Need a ride?").
_QUESTION = re.compile(
    r"(?:^|(?<=[.!?\n]))[ \t]*(?:is|are|was|were|does|do|did|will|would|can|could|should"
    r"|how|what|when|where|why|which|anyone know)\b(?! (?:you|your|u)\b)[^.!?\n]*\?"
)


def _outside_questions(folded: str, hints: list[Span]) -> list[Span]:
    """The sales hints not inside a resident's question."""
    questions = [(m.start(), m.end()) for m in _QUESTION.finditer(folded)]
    if not questions:
        return hints
    return [h for h in hints if not any(start <= h.start < end for start, end in questions)]


def _hint_kinds(hints: list[Span]) -> set[str]:
    """The kinds of sales hints in a post, a price counted once."""
    kinds = {_hint_kind(h.text) for h in hints}
    if "rate" in kinds:
        kinds.discard("$")  # "$55 a month" and "$42" are the same evidence: a price
    return kinds


def _hint_kind(hint: str) -> str:
    if hint.startswith("$"):
        return "rate" if re.search(r"/|per |a ", hint) else "$"
    return hint.lower()


def _signature_link(text: str, outside: list[Contact]) -> Contact | None:
    if not outside or "\n" not in text:
        return None
    for block in _SIGNATURE.finditer(text):
        for link in outside:
            if block.start() <= link.span.start < block.end():
                return link
    return None


def _span(text: str, match: re.Match[str]) -> Span:
    return Span(match.start(), match.end(), text[match.start() : match.end()])
