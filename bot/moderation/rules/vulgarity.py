"""Vulgarity: vulgar language, including masked vulgarity (Appendix 1).

Mild words the City tolerates in ordinary speech ("damn", "hell", "heck", "freaking",
"sucks", "crap") are not listed. Slurs are hate speech and belong to harassment.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.moderation.guidelines import explain
from bot.moderation.lexicon import Hit, Lexicon, expand
from bot.moderation.model import Finding, Post, Span
from bot.moderation.rules.harassment import (
    in_reported_quote,
    person_said_to_be,
    said_of_people,
)
from bot.moderation.text import CaseFoldPrefiltered, Prefiltered, fold

_F_ROOTS = ("fuck", "fuk", "fuq", "phuck", "phuk", "fck", "fk", "fuc")
_F_SUFFIXES = (
    "", "s", "ed", "er", "ers", "in", "ing", "ings", "n", "face", "head", "heads", "wit",
    "wits", "tard", "tards", "off", "boy", "stick", "ery", "all",
)  # fmt: skip
_SHIT_ROOTS = ("shit", "shyt", "shite")
_SHIT_SUFFIXES = (
    "", "s", "e", "es", "ty", "tier", "tiest", "ted", "ting", "head", "heads", "hole",
    "holes", "show", "shows", "storm", "faced", "load", "bag", "bags", "ter", "ters", "bird",
    "birds", "box", "boxes", "brain", "brains", "stain", "stains",
)  # fmt: skip
_ASS_SUFFIXES = ("", "es", "hole", "holes", "hat", "hats", "wipe", "wipes", "clown", "clowns",
                 "face", "faces", "head", "heads")

VULGAR_FORMS: frozenset[str] = frozenset(
    expand(("", "mother", "cluster", "mind", "dumb", "camel", "motha"), _F_ROOTS, _F_SUFFIXES)
    - {"fuc", "fucs", "fuce", "fk", "fks", "fuqs"}
    | expand(("", "bull", "horse", "dip", "chicken", "bat", "ape", "dog"), _SHIT_ROOTS,
             _SHIT_SUFFIXES)
    | expand(("", "dumb", "jack", "smart", "bad", "fat", "lard", "kiss", "hard"), ("ass",),
             _ASS_SUFFIXES)
    | expand(("", "son of a ", "sonofa"), ("bitch", "biatch", "biotch"),
             ("", "es", "y", "ing", "in", "ed"))
    | {
        "fkn", "fkin", "fking", "fcking", "fckn", "effin", "stfu", "gtfo", "mf", "mfer", "fubar",
        "wtf", "wtaf", "ffs",  # the f-word in its initials
        "mofo", "arse", "arses", "arsehole", "arseholes", "cunt", "cunts", "twat", "twats",
        "wank", "wanker", "wankers", "wanking", "prick", "pricks", "dick", "dicks",
        "dickhead", "dickheads", "dickwad", "cock", "cocks", "cocksucker", "cocksuckers",
        "pussy", "pussies", "tits", "titties", "bastard", "bastards", "slut", "sluts",
        "whore", "whores", "bollocks", "douchebag", "douchebags", "piss", "pisses", "pisser",
        "pisshead", "pissoff", "arsed", "assed", "pisstake", "pisstakes", "pissing", "pisspoor",
        # other languages heard on Pickering's boards
        "merde", "putain", "connard", "connards", "salope", "mierda", "puta", "puto",
        "joder", "cabron", "pendejo", "pendejos", "scheisse", "cazzo", "vaffanculo",
        "kurwa", "bhenchod", "madarchod", "chutiya",
    }
)

# Listed forms that are also innocent words or names in these contexts.
_INNOCENT_CONTEXT = Prefiltered(re.compile(
    r"pussy ?willows?|pussy ?cats?|\bbitch(?:es)? (?:in|is in|are in) (?:heat|season)"
    # "puto", a Filipino rice cake: "lechon at puto", "puto bumbong"
    r"|\bputo (?:bumbong|maya|cheese|kutsinta)\b"
    r"|\b(?:lechon|pancit|bibingka|kutsinta|dinuguan|kakanin|lumpia|spaghetti)"
    r" (?:at|and|&|,) puto\b|\bputo(?: at|,| and| &) (?:bibingka|kutsinta|pancit|lechon|salabat"
    r"|kakanin|dinuguan|lumpia)\b|\b(?:libreng|masarap na|may) puto\b"
    r"|\b(?:a|the|our|my) bitch (?:and|with) (?:her )?(?:pups|puppies|litter)"
    # a dog: "my bitch is a retired greyhound"
    r"|\bbitch (?:is|was) an? (?:\w+ )?(?:greyhound|whippet|lab|labrador|retriever|collie"
    r"|shepherd|beagle|poodle|spaniel|terrier|husky|hound|pointer|setter|dog)\b"
    # a breeder's words, and a pudding
    r"|\b(?:breeding|brood|show|maiden|in-whelp) bitch(?:es)?\b|\bspotted dick\b"
    r"|\bdick(?:s)? (?:tracy|van dyke|clark|cheney|smith|ford)"
    r"|\bcock(?:s)? (?:and|&) bull|\bcocks? (?:crow|crows|crowing|crowed|a-doodle)\b"
    r"|\bcock-a-doodle"
    # Quebec's dollars, not a misspelt "pisses"
    r"|\bpiasses?\b"
    # Quebec's "p'tits" (petits), not "tits" behind a mask
    r"|\bp['’]tit(?:e|s|es)?\b"
    # praise: "the Station 5 crew are bad-ass"
    r"|\bbad-?ass(?:es)?\b"
    # Filipino "puto", a rice cake, after a Tagalog article ("ng puto", "mga puto")
    r"|\b(?:ng|mga|ang|ung|yung) puto\b"
))
# "Dick" and "Cock..." as a capitalised name (Dick Smith, Councillor Cock) are not vulgar.
_NAME_LIKE = frozenset({"dick", "dicks", "cock", "prick"})
# The f-word cut to its first letter where nothing else can be meant, and "the f" cut to its
# initials after a question word ("who tf parks there"; writers call it vulgar 5 times in 6).
_BARE_F = Prefiltered(re.compile(
    r"\bwhat the f\b(?![-'’]?\w)|\b(?:shut|get) the f (?:up|out)\b|\bf (?:off|u)\b(?=\W*$)"
    r"|\b(?:who|what|why|where|how|when) tf\b"
))
# The emoji, or its reading in the normalised post (bot.moderation.normalise).
# It reads the text as written; its prefilter, the folded text (one automaton pass a post).
_MIDDLE_FINGER = CaseFoldPrefiltered(
    re.compile("\U0001f595[\U0001f3fb-\U0001f3ff]?|(?<= )middle finger emoji(?= )")
)

# A word with letters hidden behind asterisks ("k**dhi", "bh*sdina", "ك*س"): people mask a
# word because they know it is unfit to print, in whatever language, and the lists hold only
# the words of the languages they were written for. A letter here is also a combining mark:
# in the scripts of South and South-East Asia a vowel sign is one ("മൈ**കൾ", "বোকাচো*দা"), and
# Python's \w does not count it (str.isalnum is False for it).
_MARKS = "".join(ch for ch in map(chr, range(0x0300, 0x1100))
                 if unicodedata.category(ch) in ("Mn", "Mc"))
_LETTER = rf"(?:[^\W\d_]|[{_MARKS}])"
_MASKED_WORD = re.compile(rf"(?<![\w*{_MARKS}]){_LETTER}+\*+{_LETTER}+(?![\w*{_MARKS}])")
MASKED_WORD = "masked_word"  # the finding's kind

# "Phúc" (Phuc), a Vietnamese name and word (blessing), is no misspelt "phuck"; Twi "mede"
# (I take) no misspelt "merde"; Somali "kuwa" (those) no misspelt "kurwa"; "Shi'ite" (a
# Muslim's branch of Islam) no masked "shite" (its apostrophe is no mask), a Ph.D no "phuked"
# "fuck" inside a longer word is still the word ("absofuckinglutely"); "shit" is not always
# ("shitake", the name "Shitla", "pishite" for the Russian "пишите").
LEXICON = Lexicon(VULGAR_FORMS, exceptions=("effing", "phuc", "mede", "kuwa", "shi'ite",
                                            "shi'ites", "shi’ite", "shi’ites", "ph.d",
                                            "ph.ds"), fuzzy=True,
                  infixes=("fuck",))


def vulgarity(post: Post) -> list[Finding]:
    text = post.text
    evidence = [*_vulgar_words(text), *_gestures(text)]
    if not evidence:
        return _masked_words(text)
    quoted = ", ".join(f"'{span.text}'" for span in evidence[:3])
    masked = any(not span.text.isalpha() or not span.text.isascii() for span in evidence)
    reason = f"{'Masked v' if masked else 'V'}ulgar language ({quoted})"
    return [Finding("vulgarity", 0.9, tuple(evidence), explain("vulgarity", reason))]


def _vulgar_words(text: str) -> list[Span]:
    return [Span(hit.start, hit.end, text[hit.start : hit.end]) for hit in _vulgar_hits(text)]


@lru_cache(maxsize=64)
def _vulgar_hits(text: str) -> tuple[Hit, ...]:
    """The listed words of a text (cached: vulgarity and vulgar_insults read the same post)."""
    folded = fold(text)
    innocent = [(m.start(), m.end()) for m in _INNOCENT_CONTEXT.finditer(folded)]
    hits = []
    for hit in LEXICON.find(text):
        if any(s <= hit.start < e for s, e in innocent):
            continue
        if hit.form in _NAME_LIKE and _looks_like_name(text, hit.start):
            continue
        hits.append(hit)
    # A swear someone else said, quoted to report it ('he yelled "..." at my wife').
    return tuple(hit for hit in hits if not in_reported_quote(folded, hit.start))


# Vulgar words that name a person. Said of someone ("Councillor X is a total d1ck", "voted
# like a bunch of dumbfvcks", "a real piece of s.h.i.t"), they are an insult as well as vulgar,
# however they are masked: the lexicon reads the mask, the insult rule does not.
_PERSON_SUFFIXES = ("hole", "holes", "head", "heads", "face", "faces", "wit", "wits", "tard",
                    "tards", "bag", "bags", "wad", "stain", "stains", "brain", "brains", "hat",
                    "hats", "wipe", "wipes", "clown", "clowns", "sucker", "suckers", "er", "ers")
_PERSON_WORDS = frozenset(
    {form for form in VULGAR_FORMS if form.endswith(_PERSON_SUFFIXES)}
    | {form for form in VULGAR_FORMS if form.startswith(("dumb", "jack", "mother", "motha"))}
    | {"dick", "dicks", "prick", "pricks", "cunt", "cunts", "twat", "twats", "wanker", "wankers",
       "bastard", "bastards", "bitch", "bitches", "mofo", "mf", "mfer", "douchebag", "douchebags",
       "connard", "connards", "salope", "cabron", "pendejo", "pendejos", "chutiya"}
) - {"shitter", "shitters", "shithole", "shitholes"}  # a shithole is a place
_SHIT_FORMS = frozenset(expand(("",), _SHIT_ROOTS, ("",)))
_PIECE_OF = re.compile(r"\bpiece (?:of |o' ?)$")
# ...said of the person, not of a thing after it ("a piece of shit project")
_ENDS_THE_PHRASE = re.compile(r"\s*(?:$|[^\w\s]|(?:and|who|that|if|honestly|lol|tbh)\b)")


def vulgar_insults(post: Post) -> list[Finding]:
    """Harassment: a vulgar word that names a person, said of someone."""
    text = post.text
    hits = _vulgar_hits(text)
    if not hits:
        return []
    folded = fold(text)
    spans = [Span(hit.start, hit.end, text[hit.start : hit.end]) for hit in hits
             if _said_of_someone(folded, hit)]
    if not spans:
        return []
    reason = f"Post contains a vulgar insult ('{spans[0].text}')"
    return [Finding("harassment", 0.75, tuple(spans), explain("harassment", reason))]


def _said_of_someone(folded: str, hit: Hit) -> bool:
    if hit.form in _SHIT_FORMS:  # "a real piece of s.h.i.t"
        piece = _PIECE_OF.search(folded[max(0, hit.start - 10) : hit.start])
        return (piece is not None and _ENDS_THE_PHRASE.match(folded, hit.end) is not None
                and person_said_to_be(folded, hit.start - len(piece.group())))
    # The word must show how it ends: "a total cluster-f***" could be read as any f-word.
    return (hit.form in _PERSON_WORDS and folded[hit.end - 1].isalnum()
            and said_of_people(folded, hit.start))


def _masked_words(text: str) -> list[Finding]:
    """Words no list knows, written with letters masked: less sure than a listed word (a
    masked slur is harassment rather than vulgarity; the screener then keeps that reading)."""
    if "*" not in text:
        return []
    folded = fold(text)
    spans = [Span(m.start(), m.end(), m.group()) for m in _MASKED_WORD.finditer(text)
             if not in_reported_quote(folded, m.start())]
    if not spans:
        return []
    quoted = ", ".join(f"'{span.text}'" for span in spans[:3])
    reason = f"A word written with letters masked, as swear words are ({quoted})"
    return [Finding("vulgarity", 0.6, tuple(spans), explain("vulgarity", reason), MASKED_WORD)]


def _looks_like_name(text: str, start: int) -> bool:
    word = text[start : start + 2]
    before = text[:start].rstrip()
    sentence_start = not before or before[-1] in ".!?\n"
    return word[:1].isupper() and not word[1:].isupper() and not sentence_start


def _gestures(text: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), m.group()) for m in _MIDDLE_FINGER.finditer(text)]
    spans += [Span(m.start(), m.end(), m.group()) for m in _BARE_F.finditer(fold(text))]
    return spans
