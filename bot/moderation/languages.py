"""Which language a post is written in, by `py3langid` (langid.py's model: 97 languages,
numpy only, a few megabytes, about 35 µs a post on one core).

It is asked only when the answer can change a verdict: a word that is vulgar in one language
and innocent in another ("con", "bite"), or an off-topic judgement that only the English
subject thesaurus could make. A plain-ASCII post with English function words in it is
English without asking.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# The languages the City's residents write in, and a few neighbours the model might confuse
# them with; limiting the choice keeps short posts from being read as Serbian or Acehnese.
RESIDENTS_LANGUAGES = (
    "en", "fr", "es", "pt", "it", "de", "nl", "pl", "ru", "uk", "el", "tr", "ar", "fa", "ur",
    "hi", "pa", "gu", "bn", "ta", "te", "ml", "si", "zh", "ja", "ko", "tl", "vi", "so", "sw",
)  # fmt: skip
_ENGLISH_WORDS = re.compile(
    r"(?<![a-z])(?:the|and|is|are|was|to|of|you|it|this|that|for|in|on|my|i|we|they|with"
    r"|not|be|have|has|will|just|what|why|can|do|does)(?![a-z])"
)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(RESIDENTS_LANGUAGES))
    return identifier


@lru_cache(maxsize=1024)
def language_of(text: str) -> str:
    """An ISO 639-1 code; "en" when the post is plainly English."""
    lowered = text.lower()
    if text.isascii() and len(_ENGLISH_WORDS.findall(lowered)) >= 2:
        return "en"
    language, _ = _identifier().classify(text)
    return str(language)


# Words a French post almost always has and an English one almost never (on folded text):
# only such posts are asked their language where French is read differently.
_FRENCH_CUES = re.compile(
    # one look-behind for the whole group (text.word_alternation: the engine skips ahead by
    # first letter instead of trying every word at every position); not after a dot: the
    # ".ca" of "pickering.ca" is no "ça"
    r"(?<![a-z0-9.])(?:(?:les|des|une|est|pour|avec|dans|qui|que|savez|vous|je|ca|y a|pis|pas"
    r"|de|la|le|du|sur|au|aux|mais)(?![a-z0-9])|quelqu['’]|c['’]est(?![a-z])|[dlj]['’])"
)


def looks_french(folded: str) -> bool:
    """Whether folded `text` has French function words in it (cheap: no model asked)."""
    return _FRENCH_CUES.search(folded) is not None


def is_french(text: str, folded: str) -> bool:
    return looks_french(folded) and language_of(text) == "fr"


def is_english(text: str) -> bool:
    return language_of(text) == "en"
