"""Timely answers to citizens (ADM 140-007 04.02 k): a public question to the City is a case
with a response clock on the account it was asked on.

The clock starts when the screener finds a question addressed to the City in a public post
(`asks_the_city`: not a rhetorical one), or when a moderator marks a post from its alert ("needs
an answer"). The City's own reply in the thread, after the question, stops it. Past the
service level (`service_levels.cases.question`, business days) the account's users are
reminded, then the CCT is told, by the same reminder pass as approvals. A moderator clears a
false one, saying why; the account's users may close one answered elsewhere (by phone, by
e-mail), saying how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from bot import messages
from bot.account_recipients import AccountRecipients
from bot.audit import Actor, HistoryEntry, sealed
from bot.business_days import BusinessCalendar
from bot.cases import CaseEngine, ListedCases, Move, Transition
from bot.clocked import Waiting, bot_entry, case_notice, closed_by, closed_with_notice, move_named
from bot.directory import Directory
from bot.errors import Refused
from bot.limits import MAX_QUESTION_EXCERPT
from bot.moderation.desk import Alert
from bot.moderation.model import Post
from bot.notifications import Notification
from bot.ports import Clock, KeyValueStore

CASE_TYPE = "question"
CITY_POSTS = "city_posts"  # key-value namespace: the City's own posts, by platform:post id
QuestionState = Literal["open", "answered", "cleared"]
QUESTION_TRANSITIONS: tuple[Transition, ...] = (
    Transition("open", "clear", "cleared", by="moderators", needs="reason"),
    Transition("open", "answered", "answered", by="account", needs="how"),
)

# -- the screener's part: a question addressed to the City, not a rhetorical one --------------

_SENTENCE = re.compile(r"[^.!?\n]*\?+[!?]*")
_ASKING = re.compile(
    r"^\W*(?:hi|hello|hey|good (?:morning|afternoon|evening))?\W*(?:when|where|what|which|who|"
    r"whom|whose|why|how|is|are|was|were|will|would|can|could|do|does|did|should|shall|may|"
    r"has|have|any|anyone|i was wondering|wondering)\b", re.IGNORECASE)
_ADDRESSED = re.compile(r"\b(?:city|pickering|council|staff|you|your|yours|anyone know|"
                        r"does anyone)\b|@", re.IGNORECASE)
_RHETORICAL = re.compile(
    r"\bwho cares\b|\bwhat'?s the point\b|\bhow (?:hard|difficult) (?:can|could|is) it\b|"
    r"\bare you (?:kidding|serious|joking)\b|\bseriously\b|^\W*really\W*$|"
    r"\bwhat (?:were|are) (?:you|they) (?:thinking|smoking)\b|\bwhy (?:even )?bother\b|"
    r"\bhow dare\b|\bis this a joke\b|\bam i the only one\b|\bwhy (?:would|does) anyone\b|"
    r"\bcan you believe\b|\bwhat could (?:possibly )?go wrong\b|\bwho do you think\b|"
    r"\bisn'?t it (?:great|funny|nice|ironic|sad|obvious)\b|\bwhat else is new\b|"
    r"\bhow (?:stupid|dumb|incompetent)\b|\bwhy am i not surprised\b|\bguess what\b",
    re.IGNORECASE)


def asks_the_city(post: Post, *, under_city_post: bool = False) -> bool:
    """Whether `post` asks the City something it can answer.

    A sentence ending in one question mark, worded as a question, not one of the rhetorical
    turns ("who cares?", "are you kidding?"), nor an exclamation ("?!", "???"). A post on the
    City's page, or a reply to one of the City's posts, is addressed to the City; a reply under
    another citizen's comment must name the City (the City, staff, "you", an @mention).
    """
    for found in _SENTENCE.finditer(post.text):
        sentence = found.group(0).strip()
        if not sentence.endswith("?") or sentence.endswith("??") or "?!" in sentence:
            continue
        if len(sentence.split()) < 3 or _RHETORICAL.search(sentence):
            continue
        if sentence.isupper():
            continue  # shouting
        if not _ASKING.search(sentence) and not _ADDRESSED.search(sentence):
            continue
        if post.parent_id is None or under_city_post or _ADDRESSED.search(sentence):
            return True
    return False


# -- the case ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    id: str
    account_id: str
    platform: str
    post_id: str
    thread_id: str        # the post the question replied to, or the question itself
    author_name: str
    excerpt: str
    asked_at: datetime
    state: QuestionState
    step: int
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state != "open"

    def evolve(self, **changes: Any) -> Question:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {**{k: v for k, v in self.__dict__.items() if k != "history"},
                "asked_at": self.asked_at.isoformat(),
                "history": [e.to_record() for e in self.history]}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Question:
        return cls(**{**record, "asked_at": datetime.fromisoformat(record["asked_at"]),
                      "history": tuple(HistoryEntry.from_record(e)
                                       for e in record["history"])})


REMOVED_TEXT = "(removed under the retention schedule)"


def redacted_question(question: Question) -> Question | None:
    """The closed question without the citizen's words and name (bot/retention.py)."""
    if question.excerpt == REMOVED_TEXT:
        return None
    return question.evolve(excerpt=REMOVED_TEXT, author_name="",
                           version=question.version + 1)


class QuestionCases:
    """The question case type: moderators clear a false one, the account's users close one
    answered elsewhere; the bot closes it when the City replies in the thread."""

    name = CASE_TYPE
    transitions = QUESTION_TRANSITIONS
    states = frozenset({"open", "answered", "cleared"})
    final_states = frozenset({"answered", "cleared"})

    def __init__(self, *, repository: ListedCases[Question], directory: Directory,
                 recipients: AccountRecipients, time_zone: str) -> None:
        self.repository = repository
        self.directory = directory
        self.recipients = recipients
        self.time_zone = time_zone

    def table_state(self, case: Question) -> str:
        return case.state

    def people(self, case: Question, by: str) -> list[str]:
        cct = list(self.directory.cct_members)
        if by == "moderators":
            return list(dict.fromkeys([*self.directory.moderators, *cct]))
        return list(dict.fromkeys([*self.recipients.users(case.account_id), *cct]))

    def refused_for(self, case: Question, person_id: str, transition: Transition) -> str:
        return messages.question_not_yours(case.id, transition.action)

    def not_possible(self, case: Question, action: str) -> str:
        return messages.question_action_unknown(action)

    def apply(self, case: Question, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[Question, list[Notification]]:
        moved, note = closed_with_notice(
            case, transition.target, entry, case_type=CASE_TYPE,
            recipients=self.people(case, "account"), suffix="closed",
            summary=messages.question_closed(case.id, transition.action, entry.actor_name,
                                             entry.comment))
        return moved, [note]

    def already_message(self, case: Question, step: int) -> str:
        return closed_by(case, self.time_zone, lambda by, at:
                              messages.question_already_closed(case.id, case.state, by, at))

    def final_message(self, case: Question) -> str:
        return self.already_message(case, case.step)

    def signing_for(self, case: Question, person_id: str) -> str:
        return ""

    def visible_to(self, case: Question, person_id: str) -> bool:
        return person_id in {*self.people(case, "account"), *self.people(case, "moderators")}

    def acting_now(self, case: Question) -> list[str]:
        return [] if case.is_final else self.recipients.users(case.account_id)


@dataclass(frozen=True)
class OpenQuestion:
    """One line of `questions`: the case, its account and how long it has waited."""

    question: Question
    business_days: int


class QuestionDesk:
    def __init__(self, *, repository: ListedCases[Question], recipients: AccountRecipients,
                 engine: CaseEngine, clock: Clock, calendar: BusinessCalendar,
                 time_zone: str, kv: KeyValueStore) -> None:
        self.repository = repository
        self.kv = kv  # the City's own posts seen by the intake (a reply to one asks the City)
        self.recipients = recipients
        self.engine = engine
        self.clock = clock
        self.calendar = calendar
        self.cases = QuestionCases(repository=repository, directory=engine.directory,
                                   recipients=recipients, time_zone=time_zone)
        engine.register(self.cases)

    # -- the intake ------------------------------------------------------------------------

    def observe(self, post: Post) -> str | None:
        """Every screened post: a City reply stops its thread's clocks; a question to the City
        starts one. Returns the id of a question opened now."""
        if self.recipients.is_city(post):
            self.kv.put_value(CITY_POSTS, f"{post.platform}:{post.post_id}",
                              {"account": self.recipients.account_of(post)})
            self._answered_by(post)
            return None
        under_city = post.parent_id is not None and self.kv.get_value(
            CITY_POSTS, f"{post.platform}:{post.parent_id}") is not None
        if not asks_the_city(post, under_city_post=under_city):
            return None
        return self._open(post, source="screener").id

    def _answered_by(self, reply: Post) -> None:
        if reply.parent_id is None:
            return
        for question in self.repository.open_cases():
            if question.platform == reply.platform and \
                    reply.parent_id in (question.post_id, question.thread_id) and \
                    reply.created_at >= question.asked_at and reply.post_id != question.post_id:
                self._close_answered(question, reply)

    def _close_answered(self, question: Question, reply: Post) -> None:
        entry = bot_entry(question, "city_replied", self.clock.now(), reply.post_id)
        moved, note = closed_with_notice(
            question, "answered", entry, case_type=CASE_TYPE,
            recipients=self.recipients.users(question.account_id), suffix="answered",
            summary=messages.question_answered(question.id, reply.post_id))
        self.repository.save(moved, expected_version=question.version, notifications=[note])

    def _open(self, post: Post, *, source: str, marked_by: str = "") -> Question:
        existing = self._for_post(post.platform, post.post_id)
        if existing is not None:
            return existing
        now = self.clock.now()
        question = Question(
            id=self.repository.next_id(), account_id=self.recipients.account_of(post),
            platform=post.platform, post_id=post.post_id,
            thread_id=post.parent_id or post.post_id, author_name=post.author_name[:200],
            excerpt=post.text[:MAX_QUESTION_EXCERPT], asked_at=now, state="open", step=1)
        if marked_by:
            entry = self.engine.sign(question, Actor(marked_by, source), "marked",
                                     comment="needs an answer")
        else:
            entry = bot_entry(question, "asked", now, "found by the screener")
        question = question.evolve(history=sealed(question.id, (entry,)))
        note = case_notice(CASE_TYPE, question.id, 1, self.recipients.users(question.account_id),
                           messages.question_asked(question.id, question.account_id,
                                                   question.excerpt),
                           intent="first_notice", suffix="asked")
        return self.repository.save(question, expected_version=0, notifications=[note])

    def _for_post(self, platform: str, post_id: str) -> Question | None:
        return next((q for q in self.repository.all()
                     if q.platform == platform and q.post_id == post_id), None)

    # -- moderators and the account's users -----------------------------------------------

    def mark(self, person_id: str, platform: str, alert: Alert) -> Question:
        """A moderator marks the post behind an alert as needing an answer."""
        if not (self.engine.directory.is_moderator(person_id)
                or self.engine.directory.is_cct(person_id)):
            raise Refused(messages.questions_are_for_moderators())
        return self._open(alert.post, source=platform, marked_by=person_id)

    def clear(self, person_id: str, platform: str, question_id: str, reason: str) -> Question:
        return self._move(person_id, platform, question_id, Move("clear", comment=reason))

    def answered(self, person_id: str, platform: str, question_id: str, how: str) -> Question:
        return self._move(person_id, platform, question_id, Move("answered", comment=how))

    def _move(self, person_id: str, platform: str, question_id: str, move: Move) -> Question:
        moved: Question = move_named(self.engine, CASE_TYPE, Actor(person_id, platform),
                                     question_id, move)
        return moved

    def open_questions(self, viewer: str | None = None) -> list[OpenQuestion]:
        """Open questions with their age; with `viewer`, only those they may see (their
        accounts' questions; every one for moderators and the CCT)."""
        now = self.clock.now()
        return [OpenQuestion(q, self.calendar.days_waited(q.asked_at, now))
                for q in self.repository.open_cases()
                if viewer is None or self.engine.may_view(CASE_TYPE, q, viewer)]

    # -- the reminder pass (bot/reminders.py) ---------------------------------------------

    name = CASE_TYPE

    def waiting(self) -> list[Waiting]:
        return [Waiting(CASE_TYPE, q.id, q.step, q.asked_at,
                        tuple(self.recipients.users(q.account_id)),
                        tuple(self.engine.directory.cct_members),
                        messages.question_in_words(q.id, q.account_id))
                for q in self.repository.open_cases()]

    def step_now(self, case_id: str) -> int | None:
        case = self.repository.get(case_id)
        return None if case is None or case.is_final else case.step


def questions_table(found: list[OpenQuestion]) -> str:
    if not found:
        return messages.no_open_questions()
    return "\n".join([messages.open_questions_heading(len(found))] + [
        messages.open_question_line(o.question.id, o.question.account_id, o.business_days,
                                    o.question.excerpt) for o in found])


def questions_json(found: list[OpenQuestion]) -> list[dict[str, Any]]:
    return [{"id": o.question.id, "account": o.question.account_id,
             "platform": o.question.platform, "post_id": o.question.post_id,
             "asked_at": o.question.asked_at.isoformat(),
             "business_days": o.business_days, "excerpt": o.question.excerpt}
            for o in found]
