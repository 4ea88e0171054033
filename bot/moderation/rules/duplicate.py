"""Duplicates: "single posts only". The same or nearly the same message posted again by
the same author, in one folder or several, within the City's window (Appendix 1). The
first copy is kept (judged on its own merits) and each later copy names it.

Near-sameness is the overlap of character trigrams of the normalised texts (Jaccard), so
"!!" added, a word changed or "23 lbs" becoming "25 lbs" still reads as the same message,
while a follow-up with new content does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from bot.moderation.guidelines import explain
from bot.moderation.history import PostHistory, PostRecord
from bot.moderation.model import Finding, Post, Span
from bot.moderation.text import fold


@dataclass(frozen=True)
class DuplicateMatch:
    finding: Finding
    first_copy: PostRecord


_PUNCTUATION = re.compile(r"[^\w\s\U0001F000-\U0001FAFF\u2600-\u27BF]")
_STRETCHED = re.compile(r"(.)\1{2,}")
# A letter or symbol three times: what _STRETCHED shortens, but for runs of one white-space
# character, which the join below collapses anyway (so skipping them changes nothing).
_TRIPLED = re.compile(r"(\S)\1\1")


def fingerprint(text: str) -> str:
    """Case, look-alike letters, punctuation and stretched letters do not make a new post."""
    folded = fold(text)
    kept = _PUNCTUATION.sub(" ", folded)
    if _TRIPLED.search(kept) is not None:  # most posts stretch nothing
        kept = _STRETCHED.sub(r"\1\1", kept)
    return " ".join(kept.split())


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    grams_a, grams_b = _trigrams(a), _trigrams(b)
    if not grams_a or not grams_b:
        return 0.0
    common = len(grams_a & grams_b)
    return common / (len(grams_a) + len(grams_b) - common)


def _could_be_similar(a: str, b: str, threshold: float) -> bool:
    """Whether the two fingerprints' trigram sets could overlap enough (Jaccard at most the
    smaller set over the larger); answered from their sizes alone, without intersecting."""
    if a == b:
        return True
    size_a, size_b = len(_trigrams(a)), len(_trigrams(b))
    return min(size_a, size_b) >= threshold * max(size_a, size_b) - 1e-9  # never skip a match


# The trigram sets of an author's recent posts are compared with each new post of theirs:
# each set is built once and remembered (bounded), not rebuilt for every comparison.
@lru_cache(maxsize=8192)
def _trigrams(text: str) -> frozenset[str]:
    padded = f"  {text} "
    return frozenset([padded[i : i + 3] for i in range(len(padded) - 2)])


# The same request reworded in the same thread ("6am lane swim please!" after "bring back the
# 6am lane swim"): most of the shorter post's content words again, and enough of them that a
# short follow-up ("thanks, that works") is not one.
_REWORDED_SHARE = 0.6
_REWORDED_MIN_WORDS = 4
_FUNCTION_WORDS = frozenset(
    {"the", "and", "but", "for", "are", "was", "were", "been", "this", "that", "with", "your",
     "our", "their", "you", "they", "she", "his", "her", "its", "not", "does", "did", "have",
     "has", "had", "will", "would", "can", "could", "just", "about", "from", "out", "more",
     "very", "than", "then", "there", "here", "what", "which", "who", "when", "where", "how",
     "all", "any", "some", "one"}
)  # fmt: skip


@lru_cache(maxsize=8192)
def _content_words(fingerprint_: str) -> frozenset[str]:
    return frozenset(w for w in fingerprint_.split()
                     if len(w) >= 3 and w not in _FUNCTION_WORDS)


def _reworded(a: str, b: str) -> bool:
    words_a, words_b = _content_words(a), _content_words(b)
    shared = len(words_a & words_b)
    return (shared >= _REWORDED_MIN_WORDS
            and shared >= _REWORDED_SHARE * min(len(words_a), len(words_b)))


def find_duplicate(
    post: Post,
    history: PostHistory,
    *,
    window: timedelta,
    threshold: float,
    same_board_only: bool,
) -> DuplicateMatch | None:
    """The earliest earlier copy of `post` by its author, if any (and remember `post`)."""
    print_ = fingerprint(post.text)
    author_key = post.author_key  # a property that builds its string: read once
    earlier = history.recent_by_author(author_key, post.created_at - window)
    match = None
    for record in earlier:
        if record.post_id == post.post_id or record.created_at > post.created_at:
            continue
        if same_board_only and record.board != post.board:
            continue
        if print_ and (
            (_could_be_similar(print_, record.fingerprint, threshold)
             and similarity(print_, record.fingerprint) >= threshold)
            or (record.folder == post.folder and _reworded(print_, record.fingerprint))
        ):
            match = record
            break  # oldest first: the first copy is the one to keep
    history.remember(
        PostRecord(post.post_id, author_key, post.board, post.folder, post.created_at, print_)
    )
    if match is None:
        return None
    where = "the same folder" if match.folder == post.folder else f"'{match.folder}'"
    reason = f"Same message as post {match.post_id} by this author in {where}"
    finding = Finding(
        "duplicate", 0.9, (Span(0, len(post.text), post.text),), explain("duplicate", reason)
    )
    return DuplicateMatch(finding, match)
