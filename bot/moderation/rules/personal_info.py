"""Personal information: addresses, phone numbers, e-mails, licence plates and other private
details, except the contact information of legitimate resources, non-profit organizations
and the City itself (Appendix 1)."""

from __future__ import annotations

import re

from bot.moderation import contacts
from bot.moderation.contacts import AllowListCheck, Contact
from bot.moderation.guidelines import explain
from bot.moderation.model import Finding, Post, Span
from bot.moderation.rules.other_languages import organisation_contact
from bot.moderation.settings import AllowList
from bot.moderation.text import CaseFoldPrefiltered

# Words that say a number or address belongs to a public resource, not to a person.
_RESOURCE_WORDS = re.compile(
    r"\b(?:non-?profit|charit(?:y|able)|food bank|pantry|crisis|help ?line|hotline"
    r"|non-emergency|distress|shelter|support line|info ?line|service ?ontario"
    r"|fire (?:services?|department)|public works|by-?law (?:office|enforcement)|police"
    r"|public health|health (?:connection|line|unit|department)|telehealth|health ?811"
    r"|ontario works|legion|(?:district )?school board|hospital|ministry of|service canada"
    r"|region of durham|durham region|conservation authority|canada post|town hall"
    r"|fire prevention|animal services|wildlife (?:cent(?:re|er)|rescue)|crime stoppers"
    r"|poison (?:control|centre)|(?:central|main|[a-z]+ library) branch"
    r"|(?:church|parish|club|league|association|constituency|councill?or'?s?|mayor'?s) office"
    r"|office line|main line|sans but lucratif|organisme communautaire|centre communautaire"
    r"|ymca|ywca|salvation army|red cross|united way|boys (?:and|&) girls club"
    r"|st\.? vincent de paul|big brothers"
    r"|banque alimentaire|ligne d'(?:aide|ecoute)|ligne de crise|centre de crise|refuge"
    r"|soupe populaire|popote roulante|bureau du (?:maire|conseiller|depute))\b",
    re.IGNORECASE,
)
# Public places: their street address is not anyone's private information.
_PUBLIC_PLACES = re.compile(
    r"\b(?:city hall|library|branch|community cent(?:re|er)|recreation (?:complex|centre|center)"
    r"|arena|clinic|hospital|police station|fire hall|church|mosque|temple|school|park"
    r"|plaza|mall|station|office|legion|museum|village|marina|golf course)\b",
    re.IGNORECASE,
)
_PLACE_THEN_ADDRESS = re.compile(
    r"\b(?:city hall|library|branch|community cent(?:re|er)|complex|arena|clinic|hospital|church"
    r"|school|park|plaza|mall|station|museum|centre|center|village|marina|office)\b[^.!?,(]{0,10}"
    r"(?:,|:| at| on| -| is| is at| is located at|\()\s*$",
    re.IGNORECASE,
)
_SOMEONES_HOME = re.compile(
    r"\b(?:lives?|living|resides?|home|house|my|his|her|their|neighbou?r'?s?)\b", re.IGNORECASE
)
_IS_AT = re.compile(r"\b(?:is|are) (?:located )?(?:at|on)\s*$")
_ROLE_ADDRESSES = frozenset(
    {"info", "contact", "office", "admin", "registration", "register", "hello", "support",
     "booking", "bookings", "events", "membership", "programs", "inquiries", "general",
     "reception", "volunteer", "volunteers", "questions", "help"}
)  # fmt: skip


def _role_address(contact: Contact) -> bool:
    return contact.span.text.partition("@")[0].lower() in _ROLE_ADDRESSES


_FREE_MAIL = frozenset(
    {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "yahoo.ca", "icloud.com",
     "live.com", "live.ca", "aol.com", "protonmail.com", "proton.me", "msn.com", "me.com",
     "rogers.com", "bell.net", "sympatico.ca", "gmx.com"}
)  # fmt: skip
# The case-sensitive patterns read the text as written; their prefilter, the folded text
# (text.CaseFoldPrefiltered: one automaton pass a post for every rule).
_PLATE = CaseFoldPrefiltered(re.compile(
    r"\b(?:(?:licen[cs]e )?plates?|(?i:plaques?)(?: d'immatriculation)?)(?: number| no\.?| #)?:?"
    r" ?#?"
    r"([A-Z]{2,4}[ -]?\d{3,4}|\d{3,4}[ -]?[A-Z]{2,4})\b"
    r"|\b[A-Z]{4} \d{3}\b",
))
# Plates with odd separators or vanity plates, said to be plates: "plate CBRT·417",
# "vanity plate CHGR 55", "plate is BZRK-OO7", "plate AL 94·KD".
_SAID_PLATE = CaseFoldPrefiltered(re.compile(
    r"\b(?i:licen[cs]e |(?P<vanity>vanity) )?(?i:plates?|plaques?(?: d'immatriculation)?)"
    r"(?: number| no\.?| #| is| reads| says| c'est| est)?:?"
    r" ?#?['\"‘“]?(?P<plate>"
    r"(?(vanity)[A-Z0-9]{1,6} [A-Z0-9]{1,6}|(?!))"  # a vanity plate's two words: "V8 VINNY"
    r"|"
    r"[A-Z0-9](?:(?: ?[·•⋅∙‧.\-–] ?| )[A-Z0-9]){4,7}"  # one at a time: "B·K·R·T·7·3·1"
    r"|[A-Z0-9]{1,4}(?:(?: ?[·•⋅∙‧.\-–] ?| )[A-Z0-9]{1,4}){0,2}"  # "CBRT·417", "AL 94·KD"
    r"|(?=[A-Z]*\d)[A-Z0-9]{5,8}"  # one word with a digit: "SUNNY77"
    r"|(?(vanity)[A-Z]{5,8}|(?!)))(?![\w·•⋅∙‧]|[\-–][A-Z0-9])"  # a vanity plate: "RDFRRA"
))
_PRIVATE_IDS = CaseFoldPrefiltered(re.compile(
    r"\b(?:health card|OHIP|SIN|social insurance|driver'?s licen[cs]e|passport|credit card"
    r"|bank account|account (?:number|no\.?|#)|date of birth|DOB|birth ?date|born on)\b"
    r"[^.\n]{0,20}?\d[\d -]{3,}",
))
# Where a person lives, said without a house number ("she's on Foxwood Trail, the house
# with the red door"; "I know where he lives" is a threat and left to harassment).
_HOME_LOCATION = CaseFoldPrefiltered(re.compile(
    r"\b(?:lives?|living|she'?s|he'?s|they'?re|resides?) (?:on|at) [A-Z][a-z]+ "
    rf"(?:{contacts.STREET_TYPES})\b[^.!?]{{0,40}}"
    r"|\bthe house (?:with|on|at|beside|next to) the [a-z]+ (?:door|roof|garage|fence|car|truck)",
    re.IGNORECASE,
), needles=(
    # How the first alternative's verbs end (lives, live, living, she's, they're, resides...)
    # and the word after; the literal start of the second.
    "s on ", "s at ", "e on ", "e at ", "g on ", "g at ", "the house ",
))
# Every licence plate _PLATE reads has three digits in a row: most posts have none.
_THREE_DIGITS = re.compile(r"\d{3}")


def personal_info(post: Post, allow_list: AllowList) -> list[Finding]:
    check = AllowListCheck(allow_list)
    return personal_info_with(post, check)


def personal_info_with(post: Post, check: AllowListCheck) -> list[Finding]:
    text = post.text
    found: list[tuple[float, Span, str]] = []
    for contact in _private_contacts(text, check):
        found.append((_CONFIDENCE[contact.kind], contact.span, _KIND_NAME[contact.kind]))
    if _THREE_DIGITS.search(text) is not None:
        found += [(0.85, _span(text, m), "a licence plate") for m in _PLATE.finditer(text)]
    found += [(0.85, Span(m.start("plate"), m.end("plate"), m.group("plate")), "a licence plate")
              for m in _SAID_PLATE.finditer(text)
              if _looks_like_plate(m.group("plate"), vanity=m.group("vanity") is not None)]
    found += [(0.85, _span(text, m), "an identity number") for m in _PRIVATE_IDS.finditer(text)]
    found += [(0.7, _span(text, m), "where a person lives") for m in _HOME_LOCATION.finditer(text)
              if not _own_street(text, m)]
    if not found:
        return []
    found.sort(key=lambda item: item[1].start)
    kinds = sorted({kind for _, _, kind in found})
    reason = f"Private information posted publicly ({', '.join(kinds)})"
    confidence = max(conf for conf, _, _ in found)
    evidence = tuple(span for _, span, _ in found)
    return [Finding("personal_info", confidence, evidence, explain("personal_info", reason))]


_CONFIDENCE = {"phone": 0.85, "email": 0.85, "address": 0.85, "postal_code": 0.6}
_KIND_NAME = {
    "phone": "a phone number",
    "email": "an e-mail address",
    "address": "a street address",
    "postal_code": "a postal code",
}


def _private_contacts(text: str, check: AllowListCheck) -> list[Contact]:
    return [contact for contact in _all_contacts(text) if not _is_public(contact, text, check)]


def _all_contacts(text: str) -> list[Contact]:
    return [
        *contacts.phone_numbers(text),
        *contacts.emails(text),
        *contacts.street_addresses(text),
        *contacts.postal_codes(text),
    ]


def _is_public(contact: Contact, text: str, check: AllowListCheck) -> bool:
    start, end = contact.span.start, contact.span.end
    if organisation_contact(text, start):
        return True  # "Contacto: coro.parroquia@gmail.com" in the parish choir's own post
    if contact.kind == "phone":
        if contacts.is_toll_free(contact.value):
            return True  # 1-800/888/877...: a business or service line, never a person's
        before = text[max(0, start - 60) : start]
        if _SAID_PRIVATE.search(before[-30:]):
            return False  # "his personal cell is...", whatever office is named nearby
        if _PUBLIC_BODY.search(before) or _BUSINESS_LINE.search(before):
            return True
        return check.number(contact.value) or _resource_context(text, start, end, check)
    if contact.kind == "email":
        if check.domain(contact.value):
            return True
        if _role_address(contact) and contact.value not in _FREE_MAIL:
            return True  # "info@pickeringsoccer.org": an organisation's desk, not a person
        return contact.value not in _FREE_MAIL and _resource_context(text, start, end, check)
    if check.address(contact.value):
        return True
    before = text[max(0, start - 60) : start]
    if _SOMEONES_HOME.search(before[-30:]):
        return False  # "Councillor Park lives at...": a person's home, whatever else is near
    if _resource_context(text, start, end, check, reach=60):
        return True
    # "CHDRC is at 1867 Valley Farm Rd", "Don Beer Arena, 940 Dillingham Rd": a public place
    # saying where it is.
    return bool(_PUBLIC_PLACES.search(before) and _IS_AT.search(before)) or bool(
        _PLACE_THEN_ADDRESS.search(before)
    )


_SAID_PRIVATE = re.compile(
    r"\b(?:personal|private|cell|mobile|home (?:number|phone|line))\b", re.IGNORECASE
)
# A public body named before its number: "Durham Health Connection at 905-668-2020".
_PUBLIC_BODY = re.compile(
    r"\b(?:Durham|Pickering|Ontario|Region of Durham|City of Pickering|Service Canada)"
    r"(?: [A-Z][a-z]+){1,3}\b(?=[^.!?\n]{0,25}$)"
)
# "call our leasing office": a business's line, not a person's (commercial may still apply).
_BUSINESS_LINE = re.compile(
    r"\bour (?:\w+ )?(?:office|store|shop|team|company|line|desk|showroom|clinic)\b"
    r"[^.!?\n]{0,20}$",
    re.IGNORECASE,
)


# The poster's own street, named without a house number: "those of us who live on Wharf St"
# (with one, "we live on Woodview Ave, #14", it is an address all the same).
_FIRST_PERSON_BEFORE = re.compile(
    r"\b(?:i|we|us who|i still|we still|we all)\s*$", re.IGNORECASE)


def _own_street(text: str, match: re.Match[str]) -> bool:
    return (_FIRST_PERSON_BEFORE.search(text[max(0, match.start() - 12) : match.start()])
            is not None and not any(ch.isdigit() for ch in match.group()))


def _resource_context(
    text: str, start: int, end: int, check: AllowListCheck, reach: int = 120
) -> bool:
    if check.organisation_near(text, start, end, reach):
        return True
    window = text[max(0, start - reach) : end + reach // 2]
    return _RESOURCE_WORDS.search(window) is not None


def _looks_like_plate(plate: str, *, vanity: bool = False) -> bool:
    """Letters and digits (or a letter O for a zero), five to eight of them; a plate said to
    be a vanity plate may be letters only ("vanity plate 'RDFRRA'")."""
    characters = [ch for ch in plate if ch.isalnum()]
    letters = sum(ch.isalpha() for ch in characters)
    return 5 <= len(characters) <= 8 and letters >= 2 and (len(characters) - letters >= 1
                                                           or "O" in plate or vanity)


def _span(text: str, match: re.Match[str]) -> Span:
    return Span(match.start(), match.end(), match.group())
