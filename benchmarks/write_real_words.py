"""Rebuild bot/moderation/model_data/real_words.json: common words the lexicons must not misread.

The vulgarity, insult and slur lexicons read a word one edit away from a listed form as that
form ("bullsht", "idoit"). Many common words are one edit away from one: "shirts" from
"shits", "waking" from "wanking", "sitter" from "shitter", "spices" from "spics", "cooks"
from "crooks", and in French "retardé" (delayed) from "retarded" and "douce" from "douche".
This script reads the most frequent words of the languages Pickering's residents write in
(wordfreq's lists, a development dependency) and writes every one of them a lexicon would
read through a misspelling, except:
- an inflection of the form it is read as ("predators", "plagued", "merdes"): the rules that
  read the form judge those too;
- `INTENDED`: common words that are the listed word in another spelling or language.
A word read as a form with its doubled letters squeezed ("shiite" as "shite") is written too.

Run from the repository's root after changing a lexicon (tests/moderation/test_real_words.py
fails until then):

    python benchmarks/write_real_words.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.moderation.lexicon import Lexicon, squeezed
from bot.moderation.rules.harassment import INSULTS, SLURS
from bot.moderation.rules.vulgarity import LEXICON
from bot.moderation.spelling import (
    LISTED_REAL_WORDS,
    REAL_WORDS_FILE,
    FuzzyIndex,
)
from bot.moderation.text import fold

# (wordfreq language code, how many of its most frequent words): English and French first,
# then the other languages written in Latin letters on the City's pages.
LANGUAGES = (("en", 60000), ("fr", 40000), ("es", 40000), ("pt", 40000), ("it", 40000),
             ("fil", 20000), ("pl", 20000), ("de", 20000), ("nl", 20000), ("ro", 20000),
             ("vi", 20000), ("tr", 20000))
# Common words that are what the lexicon reads them as: a dialect spelling of a cuss word or
# an insult, or the word itself in another language ("fucken", French "bâtard", "pervers",
# "idiote", Spanish "idiotas", Italian "merda", German "Scheiß", Dutch "idioot", Patois "tief").
INTENDED = frozenset({
    "fucken", "pisse", "batard", "batards", "pervers", "psychopathe", "psychopathes",
    "vermine", "idiote", "idiotes", "sauvages", "fraude", "fraudes", "cretino", "cretina",
    "idiotas", "imbecil", "imbecille", "merda", "scheiss", "jode", "idioot", "hypocriet",
    "parasiet", "parasit",
    "tief",  # Jamaican Patois for a thief ("a tief wi money"), German for deep
    "bastardos", "incompetentes", "cazz",
})
LEXICONS: tuple[tuple[str, Lexicon], ...] = (
    ("vulgarity", LEXICON), ("insults", INSULTS), ("slurs", SLURS))


def misread_words() -> dict[str, str]:
    """Each common word a lexicon would read as a listed form by a misspelling, and that form."""
    from wordfreq import top_n_list

    found: dict[str, str] = {}
    for _, lexicon in LEXICONS:
        # The index the lexicon would have without the shipped file: what it misreads
        index = FuzzyIndex(lexicon.forms, real_words=LISTED_REAL_WORDS)
        for language, count in LANGUAGES:
            for word in top_n_list(language, count):
                token = fold(word)
                if not (token.isalpha() and token.isascii()) or token in lexicon.forms:
                    continue
                form = _stretched_form(lexicon, token) or index.match(token)
                if form is None or token.startswith(form) or token in INTENDED:
                    continue
                found.setdefault(token, form)
    return dict(sorted(found.items()))


def _stretched_form(lexicon: Lexicon, token: str) -> str | None:
    """The form `token` reads as with its doubled letters squeezed ("shiite" as "shite")."""
    unstretched = squeezed(token)
    return unstretched if unstretched != token and unstretched in lexicon.forms else None


def main() -> None:
    words = misread_words()
    REAL_WORDS_FILE.write_text(json.dumps({
        "source": "wordfreq: the most frequent words of " + ", ".join(
            f"{language} ({count})" for language, count in LANGUAGES),
        "words": sorted(words)}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(words)} common words written to {REAL_WORDS_FILE}")
    for word, form in words.items():
        print(f"  {word} (read as {form})")


if __name__ == "__main__":
    main()
