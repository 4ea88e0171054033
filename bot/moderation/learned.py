"""A learned second reading of a post, for the categories whose misses on fresh posts are new
wordings no word list holds yet (new insults, new illegal acts, off-topic chatter, "who cares").

One logistic regression per category over TF-IDF word 1-2-grams and character 2-5-grams of
the folded text, trained by benchmarks/train_moderation_model.py from the labeled sets and
shipped as gzipped JSON weights in model_data/ (2.3 MB; 8.5 unzipped): reading it needs no
scikit-learn, no network, and scoring is a few dictionary look-ups per n-gram. It only ever
adds findings; the rules stay the first word, and each finding says it came from the model so
a moderator can weigh it.

Two things keep it from reading a sentence's shape as an attack on a group of people: in a
post that names a group, harassment is scored on what is said of them without the function
words around the name (`harassment_reading`), and the model never flags on its own a post that
names a group and is clearly praise (`is_praise`, by the VADER sentiment lexicon).

It reads every language: English and French, which most labeled posts are in, with its usual
thresholds; the residents' other languages with thresholds of their own, never about a post
none of whose character n-grams it knows, and never as harassment of a group it names (VADER
reads English only).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from bot.moderation.guidelines import explain
from bot.moderation.model import Category, Finding, Post, Span
from bot.moderation.rules.hate_speech import GROUP_NAMES
from bot.moderation.text import Prefiltered, fold, span

BUNDLE = Path(__file__).resolve().parent / "model_data" / "learned_screen.json.gz"
# The languages the model has learned from most labeled posts, read with its usual thresholds
# (English, and French since train_t: leave-one-set-out on the French sets +0.006 on train_t,
# the others within 0.001).
MODEL_LANGUAGES = frozenset({"en", "fr"})

LEARNED_CATEGORIES: tuple[Category, ...] = (
    "harassment",
    "disruption",
    "illegal",
    "commercial",
    "negativity",
)

# What the model saw, in the words a moderator reads on the alert.
_READING: dict[Category, str] = {
    "harassment": "reads as a personal attack or abuse",
    "disruption": "reads as off-topic for this folder or as clutter",
    "illegal": "reads as advice or encouragement to break the law or cause harm",
    "commercial": "reads as advertising, selling or soliciting",
    "negativity": "reads as only saying the topic is disliked or lame",
}

_TOKEN = re.compile(r"(?u)\b\w+\b")
_SAID_WITHOUT_WORDS = frozenset({"disruption", "negativity"})
_GROUP_WORD = " "  # a placeholder word would itself be learned as hateful
_TITLES = re.compile(
    r"(?<![a-z])(?:regional |city |ward \d+ )?(?:councill?ors?|mayor|deputy mayor)(?![a-z])"
)
_WHITE_SPACES = re.compile(r"\s\s+")
# Articles, forms of "be", quantifiers, third-person pronouns, prepositions and conjunctions:
# around a group's name they make the sentence's shape ("all _ are", "is a _", "_ like them"),
# which HateCheck's hateful templates and praise share alike. Negations, "you", "I", modals
# and every content word stay.
_FUNCTION_WORD_SET = frozenset((
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "all", "every",
    "each", "many", "some", "any", "only", "those", "these", "this", "that", "such", "they",
    "them", "their", "he", "him", "his", "she", "her", "it", "its", "of", "to", "in", "on",
    "at", "for", "with", "by", "from", "as", "and", "or", "but", "so",
))  # fmt: skip
_FUNCTION_WORDS = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(_FUNCTION_WORD_SET))})(?!\w)")
# Never shown as evidence either: the same words in French, which the model also reads.
_NOT_EVIDENCE = _FUNCTION_WORD_SET | frozenset((
    "un", "une", "le", "la", "les", "des", "du", "de", "est", "sont", "etre", "qui", "que",
    "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "lui", "leur", "leurs", "son",
    "sa", "ses", "au", "aux", "en", "dans", "sur", "pour", "par", "avec", "et", "ou", "mais",
    "pis", "tout", "tous", "toute", "toutes",
))  # fmt: skip
# Ways of naming a group of people beyond the rules' GROUP_NAMES: a word that names one on
# its own ("gay", "Muslim", "immigrant"), or an everyday adjective only before a word for
# people ("old people", "a white man"), never "white car" or "old bridge".
_IDENTITY_WORD = (
    r"(?:trans(?:gender)?s?|gays?|lesbians?|bisexuals?|queers?|homosexuals?|blacks?|disabled"
    r"|deaf|autistic|muslims?|moslems?|islamic|jew(?:s|ish)?|christians?|catholics?|hindus?"
    r"|sikhs?|buddhists?|atheists?|immigrants?|refugees?|migrants?|foreigners|newcomers|females?"
    r"|indigenous|aboriginal|arabs?|africans?|asians?|chinese|indians?|mexicans?|latin[oax]s?"
    r"|hispanics?|pakistanis?|filipin[oa]s?|jamaicans?|tamils?|punjabis?|somalis?|syrians?"
    r"|wom[ae]n|girls|ladies|lgbtq?\w*|2slgbtq\w*|first nations|inuit|metis)"
)
_PEOPLE_ADJECTIVE = r"(?:white|brown|old|young|elderly|poor|homeless|blind|native|foreign|male)"
_PEOPLE = (
    r"(?:wom[ae]n|m[ae]n|girls?|boys?|lad(?:y|ies)|persons?|people|folks?|kids?|child(?:ren)?"
    r"|guys?|lives|communit(?:y|ies)|famil(?:y|ies)|couples?|neighbou?rs?|residents?|students?"
    r"|workers?|individuals?|citizens?)"
)
_IDENTITY = Prefiltered(re.compile(
    rf"(?<![a-z0-9])(?:(?:an?|the) )?(?:{_IDENTITY_WORD}|{_PEOPLE_ADJECTIVE}(?= {_PEOPLE}\b))"
    rf"(?: {_PEOPLE})?(?![a-z0-9])"
))
# Words between quotation marks (straight, curly or guillemets), up to a long sentence.
_QUOTE_MARK = '"\u201c\u201d\u00ab\u00bb'
_QUOTED = re.compile(rf"[{_QUOTE_MARK}]([^{_QUOTE_MARK}\n]{{1,200}})[{_QUOTE_MARK}]")
# Clearly praise by VADER: no word it reads as negative, and a compound score at least this
# (its own docs call 0.05 positive; 0.5 is strongly so).
_PRAISE_COMPOUND = 0.5
_CHAR_SIZES = range(2, 6)
_EVIDENCE_TERMS = 3
_OTHER_LANGUAGE_EVIDENCE_LENGTH = 4
# Words recur from post to post; the rows each holds on its own are kept (bounded, cleared
# when full) so most words cost one look-up instead of twenty slices and look-ups.
_WORD_CACHE_SIZE = 50_000

# Table rows as array.array stores them: the same machine integer as numpy's np.intp.
_ROW_TYPE = np.dtype(np.intp).char

_NO_PAIRS: dict[str, int] = {}  # read only

# One n-gram's idf and its weight for each learned category, in LEARNED_CATEGORIES order.
Weights = dict[str, list[float]]


class _WordRows(NamedTuple):
    """What a white-space word holds on its own (LearnedScreen._rows_of)."""

    first_token: str | None  # None for punctuation alone
    rows: bytes  # the rows as numpy's np.intp, ready to be joined with other words' rows
    # The rows of the token pairs its last token begins, by the second token (_Tables.pairs).
    pairs_after: dict[str, int]
    char_grams: int  # how many character n-grams it has
    known_char_grams: int  # how many of them the model knows


@dataclass(frozen=True)
class _Tables:
    """Both vocabularies' n-grams as rows of one table (word n-grams first, then character
    n-grams from `offset`): each row the n-gram's idf and then its five category weights,
    side by side so that a post's rows are read from memory once (the table is larger than
    the processor's cache, and the rules push it out between posts)."""

    word_index: dict[str, int]
    char_index: dict[str, int]
    offset: int
    rows: np.ndarray  # n-grams x (idf + LEARNED_CATEGORIES)
    # The word index's token pairs ("a b") by first token, then second: the pair across two
    # words is read from a small table the first word brings, with no new string to build
    # and hash, nor a probe of the whole vocabulary.
    pairs: dict[str, dict[str, int]]

    @classmethod
    def of(cls, word: Weights, char: Weights) -> _Tables:
        words, chars = list(word), list(char)
        rows = np.array([word[g] for g in words] + [char[g] for g in chars],
                        dtype=np.float64).reshape(-1, 6)
        pairs: dict[str, dict[str, int]] = {}
        for i, gram in enumerate(words):
            first, space, second = gram.partition(" ")
            if space:  # tokens hold no space: one space is a pair
                pairs.setdefault(first, {})[second] = i
        return cls({g: i for i, g in enumerate(words)},
                   {g: i + len(words) for i, g in enumerate(chars)}, len(words), rows, pairs)

    def add_tfidf_dot(self, total: np.ndarray, rows: np.ndarray) -> None:
        """Sublinear TF-IDF of each vocabulary, L2-normalised over its known n-grams, dotted
        with each category and summed (scikit-learn's TfidfVectorizer(sublinear_tf=True) and
        LogisticRegression), in one pass over both: a few numpy calls a post, not dozens.

        `rows` (an integer array, sorted here in place) may repeat a row: its count is the
        n-gram's term frequency."""
        if not len(rows):
            return
        ordered = rows
        ordered.sort()
        size = len(ordered)
        first = np.empty(size, dtype=bool)  # np.unique(..., return_counts) by hand
        first[0] = True
        np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
        starts = first.nonzero()[0]
        ids = ordered[starts]
        counts = np.empty_like(starts)  # np.diff(starts, append=size) without its overhead
        np.subtract(starts[1:], starts[:-1], out=counts[:-1])
        counts[-1] = size - starts[-1]
        table = self.rows.take(ids, axis=0)
        values = table[:, 0] * (1.0 + np.log(counts))
        weights = table[:, 1:]
        cut = int(ids.searchsorted(self.offset))
        for part in (slice(0, cut), slice(cut, None)):
            part_values = values[part]
            if len(part_values):  # 1 + log(1) is exactly 1
                total += (part_values @ weights[part]) / math.sqrt(
                    float(part_values @ part_values))


@dataclass(frozen=True)
class LearnedScreen:
    """The trained weights. Safe to share between threads: the only thing it changes is its
    word cache, and a lost or repeated entry there changes no score."""

    word: Weights
    char: Weights
    intercepts: tuple[float, ...]
    thresholds: tuple[float, ...]
    # Per category, the threshold for posts that name a group of people (read_as_model):
    # calibrated on HateCheck cases of sentence shapes the model did not train on.
    group_thresholds: tuple[float, ...] = ()
    # Per category, the threshold for posts in a language other than English and French,
    # judged out of fold on those posts alone (few per language: the model is surer of less
    # there). Empty: the model is not asked about them at all.
    other_thresholds: tuple[float, ...] = ()
    _known_grams: dict[str, _WordRows] = field(default_factory=dict, compare=False)
    _tables: dict[str, _Tables] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self._tables["all"] = _Tables.of(self.word, self.char)

    @classmethod
    def from_bundle(cls, path: Path | str = BUNDLE) -> LearnedScreen:
        try:
            return cls.from_data(json.loads(read_bundle_text(Path(path))))
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from error

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LearnedScreen:
        """The model from a bundle's content, as the trainer makes it and the file holds it."""
        # The tables hold exactly these five categories, in this order.
        if tuple(data["categories"]) != LEARNED_CATEGORIES:
            raise ValueError(f"trained for {data['categories']}, not {LEARNED_CATEGORIES}")
        return cls(
            word=data["word"],
            char=data["char"],
            intercepts=tuple(float(data["intercepts"][c]) for c in LEARNED_CATEGORIES),
            thresholds=tuple(float(data["thresholds"][c]) for c in LEARNED_CATEGORIES),
            group_thresholds=tuple(
                float(data.get("group_thresholds", data["thresholds"]).get(
                    c, data["thresholds"][c])) for c in LEARNED_CATEGORIES),
            other_thresholds=tuple(float(data["other_thresholds"][c]) for c in LEARNED_CATEGORIES)
            if "other_thresholds" in data else (),
        )

    def scores(self, text: str) -> dict[Category, float]:
        """The model's probability per learned category for a post's text."""
        return self._scored_as_read(*read_as_model(text))

    def _scored_as_read(self, folded: str, names_group: bool) -> dict[Category, float]:
        scores = self._scored(folded)
        if names_group:
            scores["harassment"] = self._scored(harassment_reading(folded))["harassment"]
        return scores

    def _scored(self, folded: str) -> dict[Category, float]:
        totals = np.array(self.intercepts, dtype=np.float64)
        self._tables["all"].add_tfidf_dot(totals, self._rows(folded))
        return dict(zip(LEARNED_CATEGORIES, map(_sigmoid, totals.tolist()), strict=True))

    def _rows(self, folded: str) -> np.ndarray:
        """The table rows of every n-gram of the text the model knows, once per occurrence:
        the rows of _word_grams(folded) and _char_grams(folded), in another order.

        Each white-space word's own rows (its tokens, the pairs inside it, its characters)
        are remembered as bytes; only the pairs of tokens across two words are looked up
        here, and all of it becomes one array in one numpy call (a numpy call costs more
        than its arithmetic on a few hundred rows, all the more so in a busy process)."""
        own_rows = []
        across = array(_ROW_TYPE)
        pairs_after: dict[str, int] | None = None  # those of the last word with a token
        for word in folded.split():
            first, word_rows, pairs, _, _ = self._rows_of(word)
            own_rows.append(word_rows)
            if first is None:
                continue  # punctuation alone: the tokens on either side make a pair
            if pairs_after:
                row = pairs_after.get(first)
                if row is not None:
                    across.append(row)
            pairs_after = pairs
        own_rows.append(across.tobytes())
        return np.frombuffer(bytearray().join(own_rows), dtype=np.intp)

    def _rows_of(self, word: str) -> _WordRows:
        """A white-space word's first and last tokens and the rows it holds on its own: its
        tokens, the pairs of them inside it ("don't": "don t") and its character n-grams
        (the n-grams the model does not know weigh nothing); remembered, since words recur
        from post to post."""
        known = self._known_grams.get(word)
        if known is None:
            if len(self._known_grams) >= _WORD_CACHE_SIZE:
                self._known_grams.clear()
            tables = self._tables["all"]
            tokens = _TOKEN.findall(word)
            word_grams = [*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))]
            rows = array(_ROW_TYPE, [tables.word_index[g] for g in word_grams
                                     if g in tables.word_index])
            word_rows = len(rows)
            char_grams = _char_grams(word)
            rows.extend(tables.char_index[g] for g in char_grams if g in tables.char_index)
            known = _WordRows(tokens[0] if tokens else None, rows.tobytes(),
                              tables.pairs.get(tokens[-1], _NO_PAIRS) if tokens else _NO_PAIRS,
                              len(char_grams), len(rows) - word_rows)
            self._known_grams[word] = known
        return known

    def reads(self, language: str) -> bool:
        """Whether the model is asked about posts in `language` (an ISO 639-1 code)."""
        return language in MODEL_LANGUAGES or bool(self.other_thresholds)

    def known_share(self, folded: str) -> float:
        """The share of the text's character n-grams the model knows (1.0 for no text)."""
        grams = known = 0
        for word in folded.split():
            rows = self._rows_of(word)
            grams += rows.char_grams
            known += rows.known_char_grams
        return known / grams if grams else 1.0

    def findings(self, post: Post, language: str = "en") -> list[Finding]:
        """One finding per category the model scores at or above its trained threshold (for
        a post in another `language` than English and French, the other languages' own
        thresholds).

        Confidence is rescaled so the model's own threshold reads 0.5 (the screener's
        default) and certainty reads 1.0; `kind` is "learned" so it can be told from a rule.
        """
        found: list[Finding] = []
        words: _Words | None = None  # the post's own words, read once for every finding
        folded, names_group = read_as_model(post.text)
        # A post of no word at all ("😂😂", "😴😴😴") is clutter or a yawn: the model reads its
        # characters and may call it either, but not an attack, an illegal act or an ad.
        wordless = _TOKEN.search(folded) is None
        other_language = language not in MODEL_LANGUAGES
        if other_language and self.other_thresholds:
            # Not about a post none of whose n-grams it knows (a script it never read: it would
            # score its intercepts). Asking it to know more of them (60 % until the seventeenth
            # round) only lost findings once its vocabulary held these languages' own n-grams
            # (docs/moderation.md, the seventeenth round).
            if self.known_share(folded) == 0.0:
                return []
            cuts = self.other_thresholds
        elif names_group and self.group_thresholds and language == "en":
            # Calibrated on HateCheck, which is English; and only in English can praise of a
            # group be told (is_praise): a French post naming a group keeps the usual cuts.
            cuts = self.group_thresholds
        else:
            cuts = self.thresholds
        for index, (category, p) in enumerate(self._scored_as_read(folded, names_group).items()):
            cut = cuts[index]
            if p < cut or (wordless and category not in _SAID_WITHOUT_WORDS):
                continue
            # Praise of a group is not an attack on it, whatever its sentence shape; in the
            # other languages, which VADER cannot read, the rules alone judge what is said of
            # a group ("Punjabi log Vaisakhi pe langar lagaate hain" scored 0.88).
            if category == "harassment" and names_group and (
                    other_language or is_praise(post.text)):
                continue
            confidence = round(0.5 + 0.5 * (p - cut) / (1.0 - cut), 3)
            words = words or _Words.of(post.text)
            found.append(
                Finding(
                    category=category,
                    confidence=min(confidence, 1.0),
                    evidence=self._evidence(post.text, words, index, other_language),
                    explanation=explain(
                        category,
                        f"A model trained on labeled posts {_READING[category]} (score {p:.2f})",
                    ),
                    kind="learned",
                )
            )
        return found

    def _evidence(self, text: str, words: _Words, index: int,
                  other_language: bool = False) -> tuple[Span, ...]:
        """Where the words that pushed the score up most stand in the post (cheap: words only),
        never a function word ("are", "all", "them", "une", "qui"): those say nothing a moderator
        can weigh. In the other languages, whose function words no list here holds, never a
        word shorter than four letters ("es", "por", "hai", "sa")."""
        shortest = _OTHER_LANGUAGE_EVIDENCE_LENGTH if other_language else 2
        weighted = [
            (self.word[gram][0] * self.word[gram][1 + index], gram)
            for gram in words.unique
            if len(gram) >= shortest and gram not in _NOT_EVIDENCE and gram in self.word
        ]
        top = [
            gram for weight, gram in sorted(weighted, reverse=True)[:_EVIDENCE_TERMS] if weight > 0
        ]
        spans: list[Span] = []
        for gram in top if words.same_length else ():
            match = re.search(rf"(?<!\w){re.escape(gram)}(?!\w)", words.folded)
            if match is not None:
                spans.append(span(text, match.start(), match.end()))
        return tuple(sorted(spans, key=lambda s: s.start))


@dataclass(frozen=True)
class _Words:
    """A post's text folded and lower-cased, its distinct words, and whether folding kept its
    length (evidence spans are only given when it did: they index the post's own text)."""

    folded: str
    unique: frozenset[str]
    same_length: bool

    @classmethod
    def of(cls, text: str) -> _Words:
        folded = fold(text)
        lowered = folded.lower()
        return cls(lowered, frozenset(_TOKEN.findall(lowered)), len(folded) == len(text))


def model_input(text: str) -> str:
    """What the model reads: the folded text without the names of groups of people, and with
    the words inside quotation marks told apart from the writer's own.

    What is said of a group makes a post hateful, not which group it is; without this the
    model learned that naming women or immigrants at all was an attack ("I live with two
    women"), from HateCheck, where groups are mostly named in hateful cases. So every way of
    naming a group (the rules' GROUP_NAMES and the wider _IDENTITY: singulars, "a gay
    person", "Muslim" as an adjective) is dropped. Titles of elected officials are dropped for
    the same reason: most attacks in the labeled sets name a councillor, and so does most
    civil criticism. Words in quotation marks are someone else's words more often than the
    writer's ("if you say 'I hate ...' you are a bigot"): each gets a "q" in front, so
    quoted contempt is learned apart from contempt said outright.
    """
    return read_as_model(text)[0]


def read_as_model(text: str) -> tuple[str, bool]:
    """model_input(text), and whether the post names a group of people (then a harassment
    score must pass the threshold calibrated on posts that name groups)."""
    plain = fold(text).lower()
    named = 0
    for names in (GROUP_NAMES, _IDENTITY):
        if names.may_match(plain):
            plain, found = names.pattern.subn(_GROUP_WORD, plain)
            named += found
    if "council" in plain or "mayor" in plain:  # most posts name no official: skip the scan
        plain = _TITLES.sub(" ", plain)
    if '"' in plain or "\u201c" in plain or "\u00ab" in plain:
        plain = _QUOTED.sub(_quoted_words, plain)
    return plain, named > 0


def harassment_reading(folded: str) -> str:
    """What the harassment model reads of a post that names a group (read_as_model's text):
    the same without function words, so it weighs what is said of the group, not the
    sentence's shape around its name. The other categories read the whole text."""
    return _FUNCTION_WORDS.sub(" ", folded)


def is_praise(text: str) -> bool:
    """Whether VADER reads the text as clearly positive with nothing negative in it ("X are
    a blessing", "X should be admired"); "X are not amazing" and "I hate X" are not."""
    scores = _sentiment().polarity_scores(text)
    return bool(scores["neg"] == 0.0 and scores["compound"] >= _PRAISE_COMPOUND)


@lru_cache(maxsize=1)
def _sentiment() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _quoted_words(quote: re.Match[str]) -> str:
    return " ".join("q" + word for word in _TOKEN.findall(quote.group(1)))


def read_bundle_text(path: Path) -> str:
    """A bundle's JSON, gzipped as shipped or plain (as a tool may write one)."""
    raw = path.read_bytes()
    return (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8")


@lru_cache(maxsize=1)
def shipped_screen() -> LearnedScreen:
    """The bundled model, read once per process (about 0.6 s) and shared by every screener."""
    return LearnedScreen.from_bundle()


def _word_grams(folded: str) -> list[str]:
    tokens = _TOKEN.findall(folded)
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


def _char_grams(folded: str) -> list[str]:
    """Character n-grams inside words padded with a space (scikit-learn's "char_wb")."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", folded).split():
        padded = f" {word} "
        for size in _CHAR_SIZES:
            if len(padded) <= size:  # a short word counts once, whole
                grams.append(padded)
                break
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
