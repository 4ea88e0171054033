"""Contact details in a post (phone numbers, e-mail addresses, links, street addresses,
postal codes) and the City's allow-list of public ones.

Phone numbers come from `phonenumbers`' matcher (Canadian region), links are checked
against the public-suffix list bundled with `tldextract` (never fetched at run time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
import tldextract

from bot.moderation.model import Span
from bot.moderation.settings import AllowList
from bot.moderation.text import CaseFoldPrefiltered, Prefiltered, fold

_EMAIL = re.compile(r"[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)
# "lena dot moreau at gmail dot com", "jo(at)yahoo(dot)ca": addresses written out to dodge filters
_SPELLED_EMAIL = re.compile(
    r"\b[a-z0-9_-]+(?:(?: dot |\.)[a-z0-9_-]+)*\s*(?: at |\(at\)|\[at\]| @ )\s*"
    r"([a-z0-9-]+(?:\s*(?: dot |\(dot\)|\[dot\]|\.)\s*[a-z0-9-]+)*\s*(?: dot |\(dot\)|\[dot\])"
    r"\s*(?:com|ca|net|org|co|info|io|me))\b",
    re.IGNORECASE,
)
# "quickloans dot online", "drybase-waterproofing . ca": web addresses written out.
_SPELLED_LINK = re.compile(
    r"\b([a-z0-9][a-z0-9-]{2,}(?:\s*(?: dot |\(dot\)|\[dot\]| \. )\s*[a-z0-9-]+)*"
    r"\s*(?: dot |\(dot\)|\[dot\]| \. )\s*(?:com|ca|net|org|info|io|biz|online|shop|store|co))\b",
    re.IGNORECASE,
)
_LINK = re.compile(
    r"(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\b(?:/[^\s)\]]*)?",
    re.IGNORECASE,
)
# What every link holds: a letter or digit, a dot, two letters ("e.ca" in "site.ca"). Most
# posts have none, and this asks in a fraction of the time the full pattern takes. Written
# dot first (the character before it checked behind), so the engine jumps from dot to dot.
_LINK_HINT = re.compile(r"\.(?<=[a-z0-9]\.)[a-z]{2}", re.IGNORECASE)
_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # in French: "quatre un six, cinq cinq cinq..."
    "zéro": "0", "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5",
    "sept": "7", "huit": "8", "neuf": "9",
}  # fmt: skip
_SPELLED_NUMBER = re.compile(
    r"\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b[\s,.-]*){7,}"
    r"|\b(?:(?:z[eé]ro|un|deux|trois|quatre|cinq|six|sept|huit|neuf)\b[\s,.-]*){7,}",
    re.IGNORECASE,
)
# Digits and spelled digits mixed: "905 five-five-five 0 1 5 6", "905-five five five-01-six-two".
_MIXED_NUMBER = re.compile(
    r"\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d{1,4})\b[\s,.-]*){4,}",
    re.IGNORECASE,
)
_POSTAL_CODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b")
# The same read from its first digit (its letter checked behind), so the engine jumps from
# digit to digit: asked first, twice as fast, and most posts with digits have no postal code.
_POSTAL_CODE_HINT = re.compile(
    r"\d(?<=\b[ABCEGHJ-NPRSTVXY]\d)[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b"
)
STREET_TYPES = (
    "rd|road|st|street|ave|avenue|dr|drive|cres|crescent|cr|crt|blvd|boulevard|ct|court|lane|ln"
    "|way|trail|trl|pl|place|promenade|pkwy|pky|parkway|cir|circle|terrace|terr|sq|square|line"
    "|sideroad|hwy|highway|gate|grove|gdns|gardens|heights|hts|path|row|walk|close|mews"
)
_NOT_A_STREET_NAME = (
    "on|at|in|to|of|and|from|the|a|an|for|with|by|near|off|past|or|is|are|was|days|day"
    "|along|north|south|east|west|via|onto|into|up|down|across|toward|towards|just|per|each"
    "|every|times|percent|dollars|bucks|more|less|than|am|pm|en|sur|au|por"
    "|storeys|stories|lanes|minutes|min|mins|hours|km|kids|people|cars|years|weeks|units"
    "|minute|hour|second|seconds|mile|miles|block|blocks|metre|metres|meter|meters|foot|feet"
)
_STREET_ADDRESS = re.compile(
    # The look-ahead names the letters a match can start with (a digit, or "apt", "unit",
    # "suite"): the engine skips other places without trying the pattern (a quarter faster).
    # A number after ":" or "." is minutes or decimals ("6:30 am en Liverpool Rd").
    rf"(?=[\daus])(?<![:.])\b(?:(?:apt|unit|suite)\.? ?#?\d+[a-z]?,? )?\d{{1,5}}[a-z]?,? "
    # A word with a dot is an abbreviation ("St. Martin"), not a sentence's end ("2027,
    # everything's online. Close a couple branches").
    rf"(?:(?!(?:{_NOT_A_STREET_NAME})\b)(?:[A-Za-z][A-Za-z'-]+|[A-Za-z]{{1,3}}\.) ){{1,3}}"
    rf"(?:{STREET_TYPES})\b\.?(?: (?:[NSEW]|north|south|east|west)\b)?",
    re.IGNORECASE,
)
# French order: "1472, rue Glenanna", "15 avenue des Pins", "22 chemin Whitevale".
_FRENCH_ADDRESS = CaseFoldPrefiltered(re.compile(
    r"\b\d{1,5}[a-z]?,? (?:rue|avenue|av\.|boulevard|boul\.|chemin|ch\.|croissant|promenade"
    r"|place|rang|route|allee|allée|impasse|ruelle) (?:(?:de la|du|des|de|d') ?)?"
    r"[A-ZÀ-Ý][\w'-]+",
))
# Rural Pickering numbers its side roads and concessions: "4 Sideline 26", "3120 Concession 7".
_RURAL_ADDRESS = CaseFoldPrefiltered(re.compile(
    r"\b\d{1,5},? (?:sideline|side road|sideroad|concession(?: road| rd)?|conc\.?) \d{1,2}\b"
    r"(?:,? (?:unit|apt) [a-z0-9]+\b)?",
    re.IGNORECASE,
))


@dataclass(frozen=True)
class Contact:
    kind: str  # "phone" | "email" | "link" | "address" | "postal_code"
    span: Span
    value: str  # digits of a phone number, domain of an e-mail or link, else the text


@lru_cache(maxsize=1)
def _suffixes() -> tldextract.TLDExtract:
    # The snapshot bundled with the package; an empty URL list means it never goes online.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)  # hosts recur (the City's, the platforms'): each is split once
def registered_domain(host: str) -> str | None:
    """"www.Example.co.uk" -> "example.co.uk"; None when the suffix is not a real one."""
    parts = _suffixes()(host.lower())
    if not parts.suffix or not parts.domain:
        return None
    return f"{parts.domain}.{parts.suffix}"


# A number whose groups are joined by what no phone parser reads: "905 • 555 • 0138".
_ODD = r" ?[•·⋅∙‧|/_~*] ?"
_ODD_SEPARATED = re.compile(
    rf"(?<!\d)(?:1{_ODD})?\(?(\d{{3}})\)?{_ODD}(\d{{3}}){_ODD}(\d{{4}})(?!\d)"
)
_ODD_SEPARATOR = re.compile(r"[•·⋅∙‧|/_~*]")  # in every match; one post in eight has one


def _spoken_digits(text: str) -> int:
    """How many times the words of _SPELLED_NUMBER stand in the text, or more (each word's
    occurrences counted in the folded text, where whatever matches a letter regardless of
    case is that lowercase letter: see text.CaseFoldPrefiltered)."""
    folded = fold(text)
    if not _ANY_SPOKEN.may_match(folded):
        return 0  # none of the words in the text (the automaton every rule shares says so)
    return sum(map(folded.count, _SPOKEN))


_SPOKEN = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
           "un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf")
_ANY_SPOKEN = Prefiltered(re.compile("|".join(_SPOKEN)))


# What every number phonenumbers' matcher finds holds: six digits or more (a country code and
# the shortest national numbers, four digits in Germany, Austria and Iran; seven digits in
# Canada without a country code) in one of its candidates, which are blocks of digits joined
# by at most four of its punctuation marks (dashes, spaces, dots, brackets, slashes, "x"...;
# it reads no letters for digits). The separators here are more than its own (any character
# that is not a word character, and "x", "X", "ー"), so a number it can find is never skipped;
# tests/moderation/test_prefilter.py checks the six against phonenumbers' metadata. Most posts
# with seven digits hold them apart ("$500 into $12,400", "7:00-19:00"): the matcher, about
# 50 µs a post and up to 250 µs, is then not asked.
MATCHER_MIN_DIGITS = 6
_MATCHER_DIGITS = re.compile(rf"\d(?:(?:\W|[xXー]){{0,4}}\d){{{MATCHER_MIN_DIGITS - 1}}}")


def phone_numbers(text: str) -> Iterator[Contact]:
    # Counted only with a \d in the post (most have none): every pattern below reads \d, so
    # other digits ("²") alone change nothing.
    digit_count = sum(map(str.isdigit, text)) if _DIGIT.search(text) else 0
    if digit_count >= 7 and _MATCHER_DIGITS.search(text) is not None:
        for match in phonenumbers.PhoneNumberMatcher(text, "CA"):
            if _REFERENCE_BEFORE.search(text[max(0, match.start - 30) : match.start]):
                continue  # "ticket PKG-2027-004417": a file number, not a phone
            digits = str(match.number.national_number)
            yield Contact("phone", Span(match.start, match.end, match.raw_string), digits)
        for odd in _ODD_SEPARATED.finditer(text) if _ODD_SEPARATOR.search(text) else ():
            yield Contact("phone", Span(odd.start(), odd.end(), odd.group()), "".join(odd.groups()))
    said_words = _spoken_digits(text)
    # A number said in words has seven of them; one in digits and words, one at least.
    if said_words < 7 and (not digit_count or not said_words):
        return
    for said in _SPELLED_NUMBER.finditer(text) if said_words >= 7 else ():
        spoken = re.findall(r"[^\W\d_]+", said.group())
        digits = "".join(_DIGIT_WORDS[word.lower()] for word in spoken)
        if len(digits) in (7, 10, 11) and _dialable(digits):
            raw = said.group().rstrip(" ,.-")
            yield Contact("phone", Span(said.start(), said.start() + len(raw), raw), digits[-10:])
            return
    if not digit_count:
        return  # with no digit in the post, every run below is all words (read above)
    for said in _MIXED_NUMBER.finditer(text):
        pieces = re.findall(r"[a-z]+|\d+", said.group(), re.IGNORECASE)
        if all(piece.isdigit() for piece in pieces) or not any(p.isdigit() for p in pieces):
            continue  # all digits: phonenumbers reads it; all words: read above
        digits = "".join(p if p.isdigit() else _DIGIT_WORDS[p.lower()] for p in pieces)
        if len(digits) in (7, 10, 11):
            raw = said.group().rstrip(" ,.-")
            yield Contact("phone", Span(said.start(), said.start() + len(raw), raw), digits[-10:])


def _dialable(digits: str) -> bool:
    """A North American number's shape: no exchange or area code starts with 0 or 1, so
    children counting ("un, deux, trois, quatre, cinq, six, sept") are no phone number."""
    national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
    if len(national) == 10:
        return national[0] not in "01" and national[3] not in "01"
    return len(national) == 7 and national[0] not in "01"


def emails(text: str) -> Iterator[Contact]:
    if "@" in text:
        for match in _EMAIL.finditer(text):
            domain = registered_domain(match.group(1)) or match.group(1).lower()
            yield Contact("email", Span(match.start(), match.end(), match.group()), domain)
    if "dot" in text.lower():
        for match in _SPELLED_EMAIL.finditer(text):
            host = re.sub(r"\s*(?: dot |\(dot\)|\[dot\])\s*", ".", match.group(1).lower())
            domain = registered_domain(host) or host
            yield Contact("email", Span(match.start(), match.end(), match.group()), domain)


@lru_cache(maxsize=64)  # several rules ask for one post's links: read them once
def links(text: str) -> tuple[Contact, ...]:
    """Web addresses, bare ("shop.ca/deal"), full or written out ("shop dot ca"); e-mail
    domains are not links."""
    spelled = " . " in text or "dot" in text.lower()
    if not spelled and ("." not in text or _LINK_HINT.search(text) is None):
        return ()
    email_spans = [(c.span.start, c.span.end) for c in emails(text)]
    found = []
    if spelled:
        for match in _SPELLED_LINK.finditer(text):
            if any(s <= match.start() < e for s, e in email_spans):
                continue
            host = re.sub(r"\s*(?: dot |\(dot\)|\[dot\]| \. )\s*", ".", match.group(1).lower())
            domain = registered_domain(host)
            if domain is not None:
                found.append(Contact("link", Span(match.start(), match.end(), match.group()),
                                     domain))
    for match in _LINK.finditer(text):
        if any(s <= match.start() < e for s, e in email_spans):
            continue
        domain = registered_domain(match.group(1))
        if domain is not None:
            found.append(Contact("link", Span(match.start(), match.end(), match.group()), domain))
    return tuple(found)


_ROUTE_NUMBER = re.compile(
    r"\b(?:highway|hwy|route|exit|line|regional road|rr|bus|no\.?)\s*$", re.IGNORECASE
)


def street_addresses(text: str) -> Iterator[Contact]:
    for match in _SPELT_OUT_ADDRESS.finditer(text):
        part = "typed" if match.group("typed") else "address"
        address = match.group(part)
        yield Contact("address", Span(match.start(part), match.end(part), address), address)
    if _DIGIT.search(text) is None:  # each address pattern below needs a \d; most posts have none
        return
    typed = []
    for match in _STREET_ADDRESS.finditer(text):
        if _ROUTE_NUMBER.search(text[max(0, match.start() - 15) : match.start()]):
            continue  # "Highway 7 along Whitevale Rd" is a road, not a house number
        if _LOWER_THEN_CAPITAL.search(match.group()):
            continue  # "ng 900 kanina sa Kingston Rd": a bus's number, then words, then a road
        typed.append(match.start())
        yield Contact("address", Span(match.start(), match.end(), match.group()), match.group())
    for match in _NUMBER_THEN_NAME.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if before and (before[-1].isalnum() or before[-1] in _NOT_A_HOUSE_NUMBER_BEFORE):
            continue
        if match.start() not in typed and _HOME_JUST_BEFORE.search(before):
            yield Contact("address", Span(match.start(), match.end(), match.group()),
                          match.group())
    for match in _RURAL_ADDRESS.finditer(text):
        yield Contact("address", Span(match.start(), match.end(), match.group()), match.group())
    for match in _FRENCH_ADDRESS.finditer(text):
        yield Contact("address", Span(match.start(), match.end(), match.group()), match.group())


_DIGIT = re.compile(r"\d")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_TENS_WORD = (
    r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
_NUMBER_WORD = rf"(?:{_DIGIT_WORD}|{_TENS_WORD}|ten)"
# Capitalised words that follow a number without being a street: a time, a day, a title.
_NOT_A_STREET = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|Councill?or|Mayor|Eleven"
    r"|Hour|Hours|Days?|Years?|Minutes?|Times|The|I|AM|PM)"
)
# A house number spelt out, the way people hide one from a filter: "one-one-four-two
# Rougemount", "nineteen-oh-two Woodview", "six forty-one Hillview Cres": number words joined
# by hyphens, or with a tens word among them; then a street's type, or a home said just before
# ("the house at", "the guy at", "the Sandhus' place,").
_SPELT_NUMBER = (
    rf"(?i:{_NUMBER_WORD}(?:-{_NUMBER_WORD}){{1,5}}"
    rf"|(?:{_DIGIT_WORD} )?{_TENS_WORD}(?:[- ]{_NUMBER_WORD}){{0,3}})"
)
_HOMES = r"house|home|place|unit|semi|bungalow|townhouse|condo|apartment|lives|living|resides"
_HOME_BEFORE = rf"(?i:\b(?:{_HOMES})(?:,| (?:is )?(?:at|on)) (?:#|number |no\.? )?)"
_SPELT_OUT_ADDRESS = CaseFoldPrefiltered(re.compile(
    rf"(?P<typed>\b{_SPELT_NUMBER},? (?:[A-Z][a-z'-]+ ){{1,2}}(?i:{STREET_TYPES})\b\.?)"
    # a spelt-out number is rarer than digits: the people living there say it too
    rf"|(?i:\b(?:{_HOMES}|guy|family|folks|people|neighbou?rs?)(?:,| (?:is )?(?:at|on))"
    r" (?:#|number |no\.? )?)"
    rf"(?P<address>\b{_SPELT_NUMBER},? (?!{_NOT_A_STREET}\b)[A-Z][a-z'-]+)"
), needles=(
    # each match has a number word and a hyphen, or a tens word ("ten" is in "often")
    *(f"{word}-" for word in ("zero", "oh", "one", "two", "three", "four", "five", "six",
                              "seven", "eight", "nine", "ten")),
    "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred",
))
# A house number and a street's name after a home, the street's type left out: "the basement
# unit at 1605 Fieldlight", "the house at 22 Kitley". The number is found first (a digit
# leads), the home looked for just before it.
_NUMBER_THEN_NAME = re.compile(rf"\d{{1,5}}[a-z]?,? (?!{_NOT_A_STREET}\b)[A-Z][a-z'-]+")
_NOT_A_HOUSE_NUMBER_BEFORE = frozenset(":.")  # "at 6:30 Mass", "v2.0 Beta"
_HOME_JUST_BEFORE = re.compile(rf"{_HOME_BEFORE}$")
# A street's name is written in one case: a lowercase word before a capitalised one between the
# number and the street type ("900 kanina sa Kingston Rd") is a sentence, not a name.
_LOWER_THEN_CAPITAL = re.compile(r"^\S+,? (?:\S+ )*?(?-i:[a-z][a-z'-]+) (?:\S+ )*?(?-i:[A-Z][a-z])")
# What names a number as a reference: "ticket PKG-", "invoice #", "confirmation no. ".
_REFERENCE_BEFORE = re.compile(
    r"(?:(?-i:\b(?!TEL|CELL|PH|TXT|FAX|CALL|TEXT)[A-Z]{2,5}-)"  # a file code, not "tel-"
    r"|\b(?:ticket|ref|reference|case|invoice|file|permit|confirmation"
    r"|tracking|receipt|application|complaint)\s*(?:no\.?|number|#)?\s*[:#]?\s*)$",
    re.IGNORECASE,
)


def postal_codes(text: str) -> Iterator[Contact]:
    if _DIGIT.search(text) is None or _POSTAL_CODE_HINT.search(text) is None:
        return  # every postal code has digits; most posts have none
    for match in _POSTAL_CODE.finditer(text):
        yield Contact("postal_code", Span(match.start(), match.end(), match.group()), match.group())


class AllowListCheck:
    """Is a contact one of the City's, another government's or a legitimate resource's?"""

    def __init__(self, allow_list: AllowList) -> None:
        self.numbers = frozenset(_national_digits(number) for number in allow_list.phone_numbers)
        self.domains = allow_list.domains
        self.addresses = tuple(_squash(address) for address in allow_list.public_addresses)
        names = sorted(allow_list.organisations, key=len, reverse=True)
        self.organisations = (
            re.compile("|".join(rf"\b{re.escape(name)}\b" for name in names), re.IGNORECASE)
            if names
            else None
        )

    def number(self, digits: str) -> bool:
        return _national_digits(digits) in self.numbers

    def domain(self, domain: str) -> bool:
        domain = domain.lower()
        return any(domain == allowed or domain.endswith("." + allowed) for allowed in self.domains)

    def address(self, address: str) -> bool:
        squashed = _squash(address)
        return any(squashed.startswith(a) or a.startswith(squashed) for a in self.addresses)

    def organisation_near(self, text: str, start: int, end: int, reach: int = 120) -> bool:
        """An allow-listed organisation named in the same stretch of text as the contact."""
        if self.organisations is None:
            return False
        window = text[max(0, start - reach) : end + reach // 2]
        return self.organisations.search(window) is not None


def _national_digits(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")


def is_toll_free(digits: str) -> bool:
    """A North American toll-free number (its ten digits)."""
    return digits[-10:-7] in _TOLL_FREE
