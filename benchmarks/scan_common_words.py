"""Screen each of a language's most frequent words alone and list what the rules flag.

A review aid, not a figure: most words it lists are the swearing and insults the rules are
for, but an everyday word among them is a false alarm waiting for a post ("Paki-" is Tagalog
for please, "mồng" the first days of a Vietnamese month, "Τετάρτη" Wednesday). Read the list
with someone who knows the language. Needs wordfreq (a development dependency).

    python benchmarks/scan_common_words.py en,fr,tl,vi [--words 10000]
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.moderation import ModerationSettings, Post, Screener

CATEGORIES = ("vulgarity", "harassment", "illegal")


def flagged(language: str, words: int) -> list[tuple[str, list[str]]]:
    """(word, categories) for each of the `words` most frequent words the rules flag alone."""
    from wordfreq import top_n_list

    screener = Screener(ModerationSettings(learned_screen=False))  # the rules alone
    found = []
    for rank, word in enumerate(top_n_list(language, words)):
        if len(word) < 2:
            continue
        post = Post(post_id=f"w{rank}", platform="facebook", board="City of Pickering",
                    folder="General", topic="General questions for the City",
                    author_id=f"a{rank}", author_name="A resident",
                    created_at=datetime(2027, 1, 1, tzinfo=UTC), text=word)
        labels = [str(label) for label in screener.screen(post).labels if label in CATEGORIES]
        if labels:
            found.append((word, labels))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", help="wordfreq codes, comma-separated (en,fr,fil,vi...)")
    parser.add_argument("--words", type=int, default=10000)
    args = parser.parse_args()
    for language in args.languages.split(","):
        found = flagged(language, args.words)
        print(f"{language}: {len(found)} of the {args.words} most frequent words flagged")
        for word, labels in found:
            print(f"  {word}: {', '.join(labels)}")


if __name__ == "__main__":
    main()
