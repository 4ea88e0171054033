"""Board disruption: off-topic posts and clutter posts ("me too") that interfere with the
discussion (Appendix 1).

Clutter is a post with nothing in it once the ritual words are gone ("+1", "bump",
"first!", "following", "."), or the same emoji repeated as spam; a lone emoji reaction is
fine. Off-topic compares what the post is about with what its folder's topic is about (see
`bot.moderation.subjects`), and a post that shares a content word with the topic is never
off-topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.moderation import contacts, subjects
from bot.moderation.contacts import AllowListCheck
from bot.moderation.guidelines import explain
from bot.moderation.languages import is_english, language_of, looks_french
from bot.moderation.model import Finding, Post, Span
from bot.moderation.normalise import normalise
from bot.moderation.text import Prefiltered, fold, is_emoji, words

_CLUTTER = frozenset(
    {"+1", "+100", "+1000", "me too", "metoo", "me too!", "same", "same here", "bump", "up",
     "first", "1st", "following", "following along", "ditto", "this", "^ this", "this ^",
     "test", "testing", "subscribed", "following this", "bumping", "bump bump", "^", "^^",
     "^^^", "^^^^", "^^^^^", ".", "..", "...", "-", "me 2", "me too me too", "same lol",
     "first!!", "first!", "^this", "^^ this", "^^this", "this^", "👆", "same tbh",
     "bumping this", "seen", "this this this", "+1 same", "me as well", "me also",
     "commenting for reach", "commenting to follow", "following for updates", "saving this",
     "watching this", "here", "also me", "agreed", "+1 agreed",
     # one word that only acknowledges, and French "first"
     "ok", "okay", "k", "kk", "cool", "lol", "premier", "premiere", "premier!",
     # "first", "bump" on Chinese and Filipino boards
     "沙发", "沙發", "顶", "頂", "前排", "板凳", "mark", "马克", "bump po", "up po",
     # "same as above" in Chinese; "first (comment)" in Punjabi, Hindi, Spanish, Portuguese
     "同上", "同感", "ਪਹਿਲਾ", "ਪਹਿਲਾ ਕਮੈਂਟ", "ਪਹਿਲੀ ਟਿੱਪਣੀ", "पहला", "पहला कमेंट", "pehla",
     "pehla comment", "first comment", "primero", "primeiro", "primer comentario"}
)  # fmt: skip
# "plus one" and "me too" in the residents' other languages, as the rules read them (the
# letters that look Latin turned Latin: "плюс" is read "плюc"; folding keeps a Cyrillic capital)
_CLUTTER = _CLUTTER | frozenset(
    fold(normalise(spelling).plain.text)
    for words in ("плюс", "плюс один", "я тоже", "и я тоже", "я теж", "і я теж", "мене теж",
                  "yo también", "yo igual", "eu também", "ako rin", "ako din", "main bhi",
                  "mera bhi", "मैं भी", "मेरा भी", "我也是", "我也一样", "我也一樣", "저도요", "저도",
                  "tôi cũng vậy", "tôi cũng thế", "ben de", "ja też", "anche io", "pure io",
                  "منم همینطور", "وأنا كمان", "وانا كمان", "انا كمان", "ana kaman", "ana kamaan")
    for spelling in (words, words[:1].upper() + words[1:]))
_STOPWORDS = frozenset(
    {
        "about", "after", "again", "also", "anyone", "anything", "around", "before", "being",
        "could", "does", "doing", "during", "every", "from", "have", "here", "into", "just",
        "know", "like", "make", "more", "much", "need", "only", "other", "over", "please",
        "really", "same", "some", "still", "than", "that", "their", "them", "then", "there",
        "these", "they", "thing", "think", "this", "those", "time", "very", "want", "what",
        "when", "where", "which", "while", "will", "with", "would", "your", "year", "years",
        "today", "tonight", "next", "last", "week", "weekend", "people", "city", "pickering",
        "going", "anybody", "someone", "explain", "date", "dates", "rules", "rule", "times",
        "open", "close", "start", "update", "info", "question", "questions", "change", "changes"
    }
)  # fmt: skip
# A string of emoji with a few kinds in it ("🎆🎆🎆🎇🎇🎇🔥🔥"); three flags are a cheer.
_SPAM_EMOJI_RUN = 8
_SPAM_EMOJI_KINDS = 3
# Friends tagged and nothing said: "@Jordan Mills @Brittany Lo" (a tag of the City's own
# account with an emoji is a reaction to its post).
_TRAILING_SYMBOLS = re.compile(r"(?:(?!🖕)[\W_])+$")  # a finger at the tagged is no laugh
_TAGS_ONLY = re.compile(r"(?:@[A-Z][\w.'-]*(?: [A-Z][\w'-]*)?[\s,:]*)+")
# A personal ad on a City board: "single m 24 looking for a gf", "looking for a roommate".
_PERSONAL_AD = Prefiltered(re.compile(
    r"\blooking (?:4|for) (?:a )?(?:gf|bf|girlfriend|boyfriend|nice (?:lady|man|guy|woman)"
    r"|roommate|room ?mate|date|wife|husband)\b|\bsingle (?:m|f|male|female),? ?\d\d\b"
))


def disruption(post: Post, allowed: AllowListCheck) -> list[Finding]:
    clutter = (_clutter(post.text) or _chain_letter(post.text) or _link_dump(post.text, allowed)
               or _personal_ad(post.text) or _ratio(post.text))
    if clutter is not None:
        return [clutter]
    off_topic = _said_off_topic(post.text) or _off_topic(post)
    return [off_topic] if off_topic is not None else []


# A post that opens by saying it is off-topic: "off topic but did anyone hear that bang?",
# "OT: anyone selling a snowblower", "hors sujet mais..." (not "off-topic posts get removed").
_SAID_OFF_TOPIC = re.compile(
    r"^\W*(?:(?:slightly|kinda|a bit|totally|completely|sorry,?|sorry for the) )?(?:off[- ]?topic"
    r"|\bot\b|hors[- ]sujet)(?: post| question)?(?:\s*[:,\-–—]\s*|\s+(?:but|mais|sorry|desole"
    r"|here|ici|question|again)\b)"
)


def _said_off_topic(text: str) -> Finding | None:
    return _opening(_SAID_OFF_TOPIC, text, "The post says it is off-topic", "off_topic")


# "L + ratio", "ratio + touch grass": a reply that only scores a point against another
# commenter, whatever words follow it (not "the ratio of trees to people").
_RATIO = re.compile(r"^\W*(?:l\s*\+\s*ratio|ratio\s*\+|ratio\W*$)")


def _ratio(text: str) -> Finding | None:
    return _opening(_RATIO, text, "Clutter: a reply that only says 'ratio'", "clutter")


def _opening(pattern: re.Pattern[str], text: str, reason: str, kind: str) -> Finding | None:
    """A finding for what a post opens with, its words as the evidence."""
    match = pattern.search(fold(text))
    if match is None:
        return None
    evidence = (Span(match.start(), match.end(), text[match.start() : match.end()]),)
    return Finding("disruption", 0.75, evidence, explain("disruption", reason), kind)


def _clutter(text: str) -> Finding | None:
    stripped = text.strip()
    if not stripped or (len(stripped) > 40 and any(ch.isalnum() for ch in stripped[:40])):
        return None  # clutter is short: a long post with words in it is not clutter
    if stripped.isascii():  # every emoji character is above U+2000: none to read one by one
        emoji: list[str] = []
        kept = fold(stripped)
    else:
        emoji = [ch for ch in stripped if is_emoji(ch) and ord(ch) > 0x2000 and ch != "\ufe0f"]
        kept = "".join(ch for ch in fold(stripped) if not is_emoji(ch))
    bare = re.sub(r"\s+", " ", kept).strip()
    bare = re.sub(r"^(?:@\w+[\s,:]*)+", "", bare)  # "@CityofPickering following"
    bare = bare.rstrip("!.?") or bare
    if re.fullmatch(r"(?:\S ){2,}\S", bare):
        bare = bare.replace(" ", "")  # "b u m p" spaced out
    whole = Span(0, len(text), text)
    repeated = bare.split()  # "bump bump bump", "first lol": clutter words and nothing else
    if (bare in _CLUTTER or (bare and not any(ch.isalnum() for ch in bare) and len(bare) < 8)
            or (len(repeated) > 1 and all(word.rstrip("!.?") in _CLUTTER for word in repeated))
            or (len(repeated) >= 3 and len(set(repeated)) == 1)  # "rink rink rink rink"
            # a laugh and nothing else: "lmaooooo", "Hahaha." (every writer calls it clutter)
            or (bool(repeated) and all(_LAUGH.fullmatch(w) for w in repeated))
            or _CLUTTER_RUN.fullmatch(bare) is not None
            # friends tagged and nothing else, a laugh or a look at most ("@Mike Dunn 😂😂")
            or (_TAGS_ONLY.fullmatch(_TRAILING_SYMBOLS.sub("", stripped)) is not None
                and "city" not in kept)  # "@CityofPickering 👍" answers the City
            or (_MASH.search(bare) is not None
                and all(_is_mash(w) or _LAUGH.fullmatch(w) or w in _CLUTTER
                        for w in repeated))):
        reason = f"Clutter post with no content ('{text.strip()[:40]}')"
        return Finding("disruption", 0.85, (whole,), explain("disruption", reason), "clutter")
    if not bare and len(emoji) >= _SPAM_EMOJI_RUN and len(set(emoji)) <= _SPAM_EMOJI_KINDS:
        reason = f"Emoji string adding nothing to the discussion ({len(emoji)} emoji)"
        return Finding("disruption", 0.75, (whole,), explain("disruption", reason), "clutter")
    return None


# "Forward this to 7 people or...", "copy and paste this message", "I do not give Facebook
# permission...": chain letters, which ask to be spread and say nothing about the thread.
_CHAIN_LETTER = Prefiltered(re.compile(
    r"\b(?:forward|share|send|pass|repost|copy|copy (?:and|&) paste) (?:this|it)"
    r" (?:message |post )?"
    r"(?:on )?(?:to|with) (?:\d+|three|five|seven|ten|twelve|all (?:of )?your) (?:people|friends"
    r"|contacts|others|groups)\b"
    r"|\bor (?:you will|you'?ll) (?:have|get) (?:bad luck|\d+ years)"
    r"|\bi do not give (?:facebook|meta|instagram|twitter|x) permission\b"
    r"|\bcopy (?:and|&) paste this (?:message|post|status)\b"
))


def _chain_letter(text: str) -> Finding | None:
    match = _CHAIN_LETTER.search(fold(text))
    if match is None:
        return None
    span = Span(match.start(), match.end(), text[match.start() : match.end()])
    reason = f"Chain letter ('{span.text}')"
    return Finding("disruption", 0.8, (span,), explain("disruption", reason), "clutter")


def _personal_ad(text: str) -> Finding | None:
    match = _PERSONAL_AD.search(fold(text))
    if match is None:
        return None
    span = Span(match.start(), match.end(), text[match.start() : match.end()])
    reason = f"Personal ad, off-topic for a City board ('{span.text}')"
    return Finding("disruption", 0.75, (span,), explain("disruption", reason), "clutter")


# Links with next to nothing said about them: three or more addresses outside the City's
# allow list (one address repeated counts each time) and fewer than eight other words.
_LINK_DUMP_MIN = 3
_LINK_DUMP_MAX_WORDS = 8
_DOT_IN_A_WORD = re.compile(r"\.[^\W_]")


def _link_dump(text: str, allowed: AllowListCheck) -> Finding | None:
    if text.count(".") < _LINK_DUMP_MIN or len(_DOT_IN_A_WORD.findall(text)) < _LINK_DUMP_MIN:
        return None  # every link has a dot inside a word ("bit.ly"): most posts stop here
    found = [c for c in contacts.links(text) if not allowed.domain(c.value)]
    if len(found) < _LINK_DUMP_MIN:
        return None
    rest = text
    for contact in found:
        rest = rest.replace(contact.span.text, " ")
    if len(words(fold(rest))) >= _LINK_DUMP_MAX_WORDS:
        return None
    reason = f"A string of links with nothing said about them ({len(found)} links)"
    evidence = tuple(c.span for c in found)
    return Finding("disruption", 0.75, evidence, explain("disruption", reason), "clutter")


_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NO_VOWEL_RUN = r"[bcdfghjklmnpqrstvwxz]{6,}"
# Five keys in a row along the keyboard, or six letters without a vowel: one search of the
# short post before any word is looked at.
_MASH = re.compile("|".join(
    [row[i : i + 5] for row in _KEYBOARD_ROWS for i in range(len(row) - 4)]
    + [_NO_VOWEL_RUN]
))
_LAUGH = re.compile(r"(?:lo)+l*|(?:ha)+h*|(?:he)+h*|(?:ja)+j*|l+o+l+|lmf?a+o+|rofl")
# Korean "lol" (ㅋㅋ) and the Chinese boards' "sofa" (first) and "top" (bump), run together.
_CLUTTER_RUN = re.compile(r"(?:ㅋ{2,}|ㅎ{2,}|沙发|沙發|顶|頂)+")


def _is_mash(word: str) -> bool:
    """Keys hit at random: "kjsdhfkjsdhf", "asdfghjkl;;;"."""
    return _MASH.search("".join(ch for ch in word if ch.isalpha())) is not None


def _off_topic(post: Post) -> Finding | None:
    folded = fold(post.text)
    finding = _off_topic_in(post, folded, _ENGLISH)
    if finding is not None and is_english(post.text):
        return finding
    # The thesaurus and the question forms exist in English and French only: a post in
    # another language cannot be told to be about something else. The language is asked
    # last, of the few posts French off-topic would flag.
    if looks_french(folded):
        finding = _off_topic_in(post, folded, _FRENCH)
        if finding is not None and language_of(post.text) == "fr":
            return finding
    return None


@dataclass(frozen=True)
class _Language:
    """What off-topic reads in one language's posts."""

    code: str
    # Folders' names and topics are written in English: a post in another language shares no
    # word with them, so it is off-topic by its subjects only when it names no civic matter.
    crosses_topic: bool
    passing_mentions: re.Pattern[str]
    asks_about_a_service: re.Pattern[str]
    asks_the_board: Prefiltered


def _off_topic_in(post: Post, folded: str, language: _Language) -> Finding | None:
    covered = subjects.folder_subjects(post.folder, post.topic, language.code)
    elsewhere = subjects.off_topic_subjects(folded, language.code) - covered
    if not elsewhere and "?" not in post.text:
        # Cheap test first: without another subject named, only a short question can be
        # off-topic (both findings below ask for one), so most posts need no more reading.
        return None
    count = len(words(folded))
    if not elsewhere and count > 25:
        return None
    rest = subjects.without_off_topic(folded, language.code) if elsewhere else folded
    rest = language.passing_mentions.sub(lambda m: " " * len(m.group()), rest)
    if _shares_words(rest, post.folder, post.topic):
        return None  # asked first: cheaper than reading the post's civic subjects
    civic, mentions = subjects.main_civic_subjects(rest, language.code)
    if civic & covered:
        return None  # the post's main matter is one the folder covers
    if elsewhere and (mentions == 0 or not language.crosses_topic):
        confidence = 0.8
        about = ", ".join(sorted(elsewhere)).replace("_", " ")
    elif "?" in post.text and count <= 25 and mentions >= 1 and (
            language.asks_about_a_service.search(folded)):
        # Another civic matter counts only when asked about, as a request for information
        # about that service: a question on the pool's hours in the fireworks by-law thread.
        # Comments that mention other matters in passing ("loved the reading in the old
        # schoolhouse"), suggestions ("could there be a water station?") and complaints
        # ("how many fines did by-law issue?") are part of the discussion.
        confidence = 0.65
        about = ", ".join(sorted(civic))
    elif mentions == 0 and count <= 25 and language.asks_the_board.search(folded):
        # Asking the board for something with nothing of the folder's matter in it:
        # "does anyone know if the 401 is closed?" under a gym membership update.
        confidence = 0.6
        about = "a question unrelated to the folder"
    else:
        return None
    reason = f"Off-topic for '{post.folder}' (the post is about {about})"
    evidence = (Span(0, len(post.text), post.text),)
    return Finding(
        "disruption", confidence, evidence, explain("disruption", reason), "off_topic"
    )


_ENGLISH = _Language(
    "en",
    crosses_topic=False,
    # "our street got skipped", "we pay taxes for this?": where the poster lives and what
    # they pay are not what the post is about.
    passing_mentions=re.compile(
        r"\b(?:our|my|your|his|her|their) (?:street|road|block|crescent|court|corner)\b"
        r"|\b(?:we|i|you) (?:all )?pay (?:\w+ )?taxes\b|\btaxpayers?'? (?:money|dollars)\b"
    ),
    asks_about_a_service=re.compile(
        r"(?:^|[.!?]\s+)(?:[a-z]+,? )?(?:when|where|what time|how do i|how can i|how to|is the"
        r"|is there a|are the|does (?:any ?one|the)|do (?:you|they|any ?one) know|any ?one know"
        r"|any ?one going|who do i (?:call|contact)|what'?s everyone'?s|any updates?"
        r"|can (?:some ?one|any ?one) (?:tell|explain)|who else|any ?one else"
        r"|who(?:'s| is) (?:going|streaming|watching))\b"
    ),
    asks_the_board=Prefiltered(re.compile(
        r"^(?:(?:hey|hi|ok|so|quick question|random question|off topic)[,:!.]? )*"
        r"(?:does |do |can |could )?"
        r"(?:(?:any ?one|any ?body)(?: else(?:'s)?)? (?:know|have|has|got|recommend|selling"
        r"|hiring|seen|watching|going|streaming|think|notice|feel|remember|\w+ing\b)"
        r"|is any ?one else|who else\b|who'?s (?:going|coming|watching|streaming|heading)"
        r"|where can i (?:buy|get|find)|what'?s (?:the best|a good)|who has)\b"
        r"[^?]*\?"
    )),
)
_APOSTROPHE = "['’]"
_SOMEONE = rf"(?:quelqu{_APOSTROPHE}une?|qqn|quelqun)"
_FRENCH = _Language(
    "fr",
    crosses_topic=True,
    # "notre rue", "on paie des taxes": as in English, not what the post is about.
    passing_mentions=re.compile(
        r"\b(?:notre|ma|ta|sa|leur|votre) (?:rue|croissant|coin|cour)\b"
        r"|\b(?:on|je|nous|vous) pa(?:ie|ye|yons|yez)s? (?:\w+ )?(?:taxes|impots)\b"
        r"|\bargent des contribuables\b"
    ),
    asks_about_a_service=re.compile(
        rf"(?:^|[.!?]\s+)(?:[a-z]+,? )?(?:quand|ou (?:est|sont|peut-on|on peut)|a quelle heure"
        rf"|comment (?:on|faire|je|fait-on)|y a-t-il|y a-tu|savez-vous|sais-tu"
        rf"|{_SOMEONE} (?:sait|va|connait|a des nouvelles)|qui (?:va|sait|d{_APOSTROPHE}autre))"
    ),
    asks_the_board=Prefiltered(re.compile(
        r"^(?:(?:bonjour|bonsoir|salut|allo|hey|coucou|petite question|question|hors sujet"
        r"|hors-sujet)[,:!.]? )*"
        rf"(?:(?:est-ce qu{_APOSTROPHE}|est-ce que |y a-t-il |y a-tu |y a )?"
        rf"(?:{_SOMEONE}|du monde|qui)(?: ici)?(?: qui)? (?:connai[ts]|a vu|a deja|a une?|a des"
        r"|veut|vend|sait|recommande|peut me recommander|cherche|joue|va |regarde|embauche)"
        rf"|savez-vous (?:si|ou|quand|qui)|ou (?:est-ce qu{_APOSTROPHE}on peut|peut-on|puis-je"
        r"|je peux) (?:acheter|trouver))"
        r"[^?]*\?"
    )),
)
def _shares_words(folded: str, folder: str, topic: str) -> bool:
    return bool(_content_words(folded) & _topic_words(folder, topic))


def _content_words(folded: str) -> set[str]:
    return {_stem(w) for w in words(folded) if len(w) >= 4 and w not in _STOPWORDS}


_TOPIC_CACHE: dict[tuple[str, str], frozenset[str]] = {}


def _topic_words(folder: str, topic: str) -> frozenset[str]:
    key = (folder, topic)
    if key not in _TOPIC_CACHE:
        if len(_TOPIC_CACHE) > 4096:
            _TOPIC_CACHE.clear()
        _TOPIC_CACHE[key] = frozenset(_content_words(fold(f"{folder} {topic}")))
    return _TOPIC_CACHE[key]


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
