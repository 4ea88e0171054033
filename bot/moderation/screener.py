"""The screener: runs every enabled rule on a post and turns the findings into a verdict
with the City's thresholds, automatic-removal choices and banned-author policy."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import timedelta

from bot.moderation import contacts
from bot.moderation.contacts import AllowListCheck
from bot.moderation.guidelines import BANNED_AUTHOR, says_a_friend
from bot.moderation.history import InMemoryPostHistory, PostHistory
from bot.moderation.languages import language_of
from bot.moderation.learned import shipped_screen
from bot.moderation.model import CATEGORIES, Category, Finding, Post, Span, Verdict
from bot.moderation.normalise import Normalised, normalise
from bot.moderation.rules.commercial import commercial
from bot.moderation.rules.disruption import disruption
from bot.moderation.rules.duplicate import find_duplicate
from bot.moderation.rules.harassment import harassment, reports_quoted_abuse
from bot.moderation.rules.illegal import discourages, illegal
from bot.moderation.rules.negativity import negativity
from bot.moderation.rules.other_languages import findings_by_category, findings_in
from bot.moderation.rules.personal_info import personal_info_with
from bot.moderation.rules.veiled import veiled_harassment, veiled_illegal, warns_of_a_scam
from bot.moderation.rules.vulgarity import MASKED_WORD, vulgar_insults, vulgarity
from bot.moderation.settings import ModerationSettings
from bot.moderation.text import fold

# The City's own accounts answer with City numbers and links and repeat notices on purpose;
# only what no one may post is screened for them.
_SCREENED_FOR_CITY: frozenset[Category] = frozenset({"harassment", "vulgarity", "illegal"})
_ByCategory = Mapping[Category, list[Finding]]
# Rules that read emoji as words ("you 🐀", "I'll 🔪 him"); the others count emoji as emoji.
_READ_EMOJI: frozenset[Category] = frozenset({"harassment", "vulgarity", "illegal"})


class Screener:
    def __init__(self, settings: ModerationSettings, history: PostHistory | None = None) -> None:
        self.settings = settings
        self._window = timedelta(days=settings.duplicate_window_days)
        self.history: PostHistory = history or InMemoryPostHistory(self._window)
        allowed = self._allowed = AllowListCheck(settings.allow_list)
        # Each rule reads the post and what the other-language lists found in it, by category
        # (read once a post: rules.other_languages.findings_by_category).
        # A vulgar word said of a person is read only where the insult rule found nothing (it
        # reads the unmasked words itself, and one word would be two findings).
        self._rules: dict[Category, Callable[[Post, _ByCategory], list[Finding]]] = {
            "harassment": lambda post, other: [*(harassment(post) or vulgar_insults(post)),
                                               *other.get("harassment", ()),
                                               *veiled_harassment(post)],
            "vulgarity": lambda post, other: [*vulgarity(post), *other.get("vulgarity", ())],
            "disruption": lambda post, other: (disruption(post, allowed)
                                               or findings_in(post, "disruption")),
            "illegal": lambda post, other: [*illegal(post), *veiled_illegal(post, allowed),
                                            *other.get("illegal", ())],
            "commercial": lambda post, other: [*commercial(post, allowed),
                                               *other.get("commercial", ())],
            "personal_info": lambda post, other: personal_info_with(post, allowed),
            "negativity": lambda post, other: [*negativity(post), *other.get("negativity", ())],
        }
        # A small learned model catches new wordings the rules miss (recall); it only alerts,
        # and only reads posts the rules let through (that is where its gain was measured).
        self._learned = shipped_screen() if settings.learned_screen else None
        # The settings are frozen: what they say per category is read once, not per post.
        self._enabled_rules = [(rule, category in _READ_EMOJI, category in _SCREENED_FOR_CITY)
                               for category, rule in self._rules.items()
                               if settings.is_enabled(category)]
        self._thresholds = {category: settings.threshold(category) for category in CATEGORIES}

    def screen(self, post: Post, *, author_banned: bool = False) -> Verdict:
        normalised = normalise(post.text)
        plain = _as_read(post, normalised.plain)
        # Without emoji both readings are one text: one post for both.
        read = plain if normalised.read.text == plain.text else _as_read(post, normalised.read)
        findings = [f for f in self._findings(plain, read) if self._counts(f)]
        duplicate_of = None
        if self.settings.is_enabled("duplicate") and not post.author_is_city:
            match = find_duplicate(
                plain,
                self.history,
                window=self._window,
                threshold=self.settings.duplicate_similarity,
                same_board_only=self.settings.duplicate_scope == "board",
            )
            if match is not None and self._counts(match.finding):
                findings.append(match.finding)
                duplicate_of = match.first_copy.post_id
        if normalised.read.starts is not None:
            findings = [
                _in_original(f, post.text, normalised.read
                             if f.category in _READ_EMOJI and f.kind != "learned"
                             else normalised.plain)
                for f in findings
            ]
        return self._verdict(post, findings, duplicate_of, author_banned)

    def _findings(self, plain: Post, read: Post) -> list[Finding]:
        found: list[Finding] = []
        other_read = findings_by_category(read)
        other_plain = other_read if read is plain else findings_by_category(plain)
        for rule, reads_emoji, screened_for_city in self._enabled_rules:
            if plain.author_is_city and not screened_for_city:
                continue
            if reads_emoji:
                found.extend(rule(read, other_read))
            else:
                found.extend(rule(plain, other_plain))
        if (
            self._learned is not None
            # A veiled threat or coded remark says less than a rule usually does: the model
            # may still name what else the post is (a threat is often illegal too).
            and not any(self._counts(f) and f.kind != "veiled" for f in found)
            # Asked last: the answer is cached and cheaper than the model.
            and self._learned.reads(language := language_of(plain.text))
        ):
            # It reads emoji as emoji (as names they read as chatter: "party popper").
            already = {f.category for f in found if self._counts(f)}
            learned = [f for f in self._learned.findings(plain, language)
                       if self.settings.is_enabled(f.category) and f.category not in already
                       and (not read.author_is_city or f.category in _SCREENED_FOR_CITY)]
            if learned:
                ruled_out = self._ruled_out(plain.text, {f.category for f in learned})
                learned = [f for f in learned if f.category not in ruled_out]
            found.extend(learned)
        if any(f.kind == MASKED_WORD for f in found):
            found = _without_masked_words_read_otherwise(found)
        if any(f.category == "commercial" and self._counts(f) for f in found):
            # Spam is off-topic everywhere; calling it both would say the same thing twice.
            # An advertisement with its business's website gives the business's number.
            website = any(True for _ in contacts.links(plain.text))
            found = [f for f in found if f.kind != "off_topic"
                     and not (f.kind == "learned" and f.category == "disruption")
                     and not (website and _business_contact(f))]
        return found

    def _ruled_out(self, text: str, read: set[Category]) -> set[Category]:
        """The categories of the model's reading (`read`) that the post's context rules out:
        what it reads word for word, the context says otherwise. Each test is asked only when
        it could remove one of them."""
        folded = fold(text)
        out: set[Category] = set()
        # A warning against an act reads, word for word, much like advice to do it.
        if "illegal" in read and discourages(text):
            out.add("illegal")
        # "I know where she lives" reads as a threat, "she's my neighbour" or not.
        if read & {"harassment", "illegal"} and says_a_friend(folded):
            out |= {"harassment", "illegal"}
        # Abuse quoted and reported ("he told her to 'go home'") reads like abuse.
        if "harassment" in read and reports_quoted_abuse(folded):
            out.add("harassment")
        # A link to the City's or a public agency's site sends residents to a service,
        # which the model reads as an ad's link ("Inscriptions: pickering.ca/camp").
        if "commercial" in read and _points_only_to_public_sites(text, self._allowed):
            out.add("commercial")
        # A warning about a scam quotes the scam's price, link and call to act.
        if "commercial" in read and warns_of_a_scam(folded):
            out.add("commercial")
        return out

    def _counts(self, finding: Finding) -> bool:
        return finding.confidence >= self._thresholds[finding.category]

    def _verdict(
        self,
        post: Post,
        findings: list[Finding],
        duplicate_of: str | None,
        author_banned: bool,
    ) -> Verdict:
        # What only the learned model found waits for a person, whatever the City automates.
        auto = any(f.category in self.settings.auto_remove and f.kind != "learned"
                   for f in findings)
        if author_banned:
            auto = auto or self.settings.banned_author == "remove"
        flagged = bool(findings) or author_banned
        return Verdict(
            post_id=post.post_id,
            findings=tuple(findings),
            action="remove" if flagged else "keep",
            duplicate_of=duplicate_of,
            banned_author=author_banned,
            auto_remove=auto,
        )


def _points_only_to_public_sites(text: str, allowed: AllowListCheck) -> bool:
    """The post links only to allowed public sites and gives no phone number or e-mail."""
    links = contacts.links(text)
    return (bool(links) and all(allowed.domain(link.value) for link in links)
            and not any(True for _ in contacts.phone_numbers(text))
            and not any(True for _ in contacts.emails(text)))


def _without_masked_words_read_otherwise(found: list[Finding]) -> list[Finding]:
    """Without the masked-word finding (rules.vulgarity) when another finding says the post is
    vulgar already, or a harassment finding reads one of its words (a masked slur)."""
    masked = [f for f in found if f.kind == MASKED_WORD]
    others = [f for f in found if f.kind != MASKED_WORD]
    if any(f.category == "vulgarity" for f in others):
        return others
    said = [s for f in others if f.category == "harassment" for s in f.evidence]
    kept = [f for f in masked
            if not any(a.start < b.end and b.start < a.end for a in f.evidence for b in said)]
    return others + kept


def _business_contact(finding: Finding) -> bool:
    """A finding of only a phone number or an e-mail address."""
    return finding.category == "personal_info" and finding.explanation.startswith(
        ("Private information posted publicly (a phone number).",
         "Private information posted publicly (an e-mail address).",
         "Private information posted publicly (a phone number, an e-mail address).",
         "Private information posted publicly (an e-mail address, a phone number).")
    )


def _as_read(post: Post, normalised: Normalised) -> Post:
    # Accented letters and emoji are kept as written: most non-ASCII posts read as written,
    # and a copy of the post would only cost its making.
    if normalised.starts is None or normalised.text == post.text:
        return post
    return replace(post, text=normalised.text)


def _in_original(finding: Finding, original: str, normalised: Normalised) -> Finding:
    """The finding with its evidence as the original words of the post."""
    evidence = []
    for found in finding.evidence:
        start, end = normalised.original_span(found.start, found.end)
        evidence.append(Span(start, end, original[start:end]))
    return replace(finding, evidence=tuple(evidence))


__all__ = ["BANNED_AUTHOR", "Screener"]
