"""Current information (ADM 140-007 04.02 n): every account in the register is reviewed every
period; its users are asked to confirm that its profile, pinned posts and contact details are
current, and reminded until one of them confirms or says what they changed.

A review is a case (`V-n`) of the engine. The pass that opens them runs with the reminders, on
business days: an active account with no open review whose last one closed a period ago (or
that was added a period ago, never reviewed) gets one. Due times come from stored state: the
account's creation and its reviews' signed entries.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from bot import messages
from bot.accounts import Account, AccountRegister
from bot.audit import Actor, HistoryEntry, sealed
from bot.business_days import BusinessCalendar
from bot.cases import CaseEngine, ListedCases, Move, Transition
from bot.clocked import Waiting, bot_entry, case_notice, closed_by, closed_with_notice, move_named
from bot.directory import Directory
from bot.errors import NotFound
from bot.notifications import Notification
from bot.ports import Clock

CASE_TYPE = "review"
ReviewState = Literal["open", "confirmed", "updated"]
REVIEW_TRANSITIONS: tuple[Transition, ...] = (
    Transition("open", "current", "confirmed", by="account"),
    Transition("open", "changed", "updated", by="account", needs="what"),
)


@dataclass(frozen=True)
class AccountReview:
    id: str
    account_id: str
    account_label: str
    opened_at: datetime
    state: ReviewState
    step: int
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state != "open"

    def evolve(self, **changes: Any) -> AccountReview:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "account_id": self.account_id,
                "account_label": self.account_label, "opened_at": self.opened_at.isoformat(),
                "state": self.state, "step": self.step, "version": self.version,
                "history": [e.to_record() for e in self.history]}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> AccountReview:
        return cls(id=record["id"], account_id=record["account_id"],
                   account_label=record["account_label"],
                   opened_at=datetime.fromisoformat(record["opened_at"]),
                   state=record["state"], step=record["step"], version=record["version"],
                   history=tuple(HistoryEntry.from_record(e) for e in record["history"]))


class ReviewCases:
    """The review case type: any user of the account (or the CCT) confirms or says what
    changed."""

    name = CASE_TYPE
    transitions = REVIEW_TRANSITIONS
    states = frozenset({"open", "confirmed", "updated"})
    final_states = frozenset({"confirmed", "updated"})

    def __init__(self, *, repository: ListedCases[AccountReview], directory: Directory,
                 register: AccountRegister, time_zone: str) -> None:
        self.repository = repository
        self.directory = directory
        self.register = register
        self.time_zone = time_zone

    def users(self, case: AccountReview) -> list[str]:
        try:
            account = self.register.get(case.account_id)
        except NotFound:
            return []
        return list(account.users)

    def table_state(self, case: AccountReview) -> str:
        return case.state

    def people(self, case: AccountReview, by: str) -> list[str]:
        return list(dict.fromkeys([*self.users(case), *self.directory.cct_members]))

    def refused_for(self, case: AccountReview, person_id: str, transition: Transition) -> str:
        return messages.review_not_yours(case.id, case.account_label)

    def not_possible(self, case: AccountReview, action: str) -> str:
        return messages.review_action_unknown(action)

    def apply(self, case: AccountReview, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[AccountReview, list[Notification]]:
        moved, note = closed_with_notice(
            case, transition.target, entry, case_type=CASE_TYPE,
            recipients=self.people(case, "account"), suffix="done",
            summary=messages.review_done(case.id, case.account_label, entry.actor_name,
                                         entry.comment))
        return moved, [note]

    def already_message(self, case: AccountReview, step: int) -> str:
        return closed_by(case, self.time_zone, lambda by, at:
                              messages.review_already_done(case.id, by, at))

    def final_message(self, case: AccountReview) -> str:
        return self.already_message(case, case.step)

    def signing_for(self, case: AccountReview, person_id: str) -> str:
        return ""

    def visible_to(self, case: AccountReview, person_id: str) -> bool:
        return person_id in self.people(case, "account")

    def acting_now(self, case: AccountReview) -> list[str]:
        return [] if case.is_final else self.users(case) or list(self.directory.cct_members)


class AccountReviews:
    def __init__(self, *, repository: ListedCases[AccountReview], register: AccountRegister,
                 engine: CaseEngine, clock: Clock, time_zone: str, every: timedelta,
                 overrides: dict[str, timedelta] | None = None) -> None:
        self.repository = repository
        self.register = register
        self.engine = engine
        self.clock = clock
        self.every = every
        self.overrides = {k.lower(): v for k, v in (overrides or {}).items()}
        self.cases = ReviewCases(repository=repository, directory=engine.directory,
                                 register=register, time_zone=time_zone)
        engine.register(self.cases)

    def period(self, account: Account) -> timedelta:
        return self.overrides.get(account.id.lower()) or \
            self.overrides.get(account.handle.lower()) or self.every

    def open_due(self) -> int:
        """Open a review for every active account whose period has passed; returns how many."""
        now = self.clock.now()
        reviews = self.repository.all()
        opened = 0
        for account in self.register.all():
            if account.is_final:
                continue
            mine = [r for r in reviews if r.account_id == account.id]
            if any(not r.is_final for r in mine):
                continue
            since = max((r.history[-1].at for r in mine), default=None) or \
                account.created_at or (account.history[0].at if account.history else now)
            if now - since >= self.period(account):
                self._open(account)
                opened += 1
        return opened

    def _open(self, account: Account) -> AccountReview:
        label = f"{account.platform} {account.handle}"
        review = AccountReview(id=self.repository.next_id(), account_id=account.id,
                               account_label=label, opened_at=self.clock.now(), state="open",
                               step=1)
        review = review.evolve(history=sealed(review.id, (
            bot_entry(review, "review_due", self.clock.now()),)))
        note = case_notice(CASE_TYPE, review.id, 1, self.cases.acting_now(review),
                           messages.review_asked(review.id, label), intent="first_notice",
                           suffix="asked")
        return self.repository.save(review, expected_version=0, notifications=[note])

    def confirm(self, person_id: str, platform: str, review_id: str) -> AccountReview:
        return self._move(person_id, platform, review_id, Move("current"))

    def changed(self, person_id: str, platform: str, review_id: str,
                what: str) -> AccountReview:
        return self._move(person_id, platform, review_id, Move("changed", comment=what))

    def _move(self, person_id: str, platform: str, review_id: str,
              move: Move) -> AccountReview:
        moved: AccountReview = move_named(self.engine, CASE_TYPE, Actor(person_id, platform),
                                          review_id, move)
        return moved

    def open_for(self, person_id: str) -> list[AccountReview]:
        return [r for r in self.repository.open_cases()
                if self.engine.may_view(CASE_TYPE, r, person_id)]

    # -- the reminder pass (bot/reminders.py) ---------------------------------------------

    name = CASE_TYPE

    def waiting(self) -> list[Waiting]:
        return [Waiting(CASE_TYPE, r.id, r.step, r.opened_at, tuple(self.cases.acting_now(r)),
                        tuple(self.engine.directory.cct_members),
                        messages.review_in_words(r.id, r.account_label))
                for r in self.repository.open_cases()]

    def step_now(self, case_id: str) -> int | None:
        case = self.repository.get(case_id)
        return None if case is None or case.is_final else case.step


@dataclass(frozen=True)
class OpenReview:
    """One line of `socialbot reviews`: the case, how long it has waited and who must act."""

    review: AccountReview
    business_days: int
    acting: tuple[str, ...]        # person ids: the account's users, or the CCT without any
    acting_names: tuple[str, ...]


def open_reviews(cases: ReviewCases, calendar: BusinessCalendar,
                 now: datetime) -> list[OpenReview]:
    """Every open review (what the CCT sees), oldest id first."""
    found = []
    for review in cases.repository.open_cases():
        acting = tuple(cases.acting_now(review))
        names = tuple(p.full_name if p else pid
                      for pid, p in ((pid, cases.directory.find(pid)) for pid in acting))
        found.append(OpenReview(review, calendar.days_waited(review.opened_at, now), acting,
                                names))
    return found


def reviews_table(found: list[OpenReview]) -> str:
    if not found:
        return messages.no_open_reviews_at_all()
    return "\n".join([messages.open_reviews_heading(len(found))] + [
        messages.open_review_line(o.review.id, o.review.account_id, o.review.account_label,
                                  o.business_days, o.acting_names) for o in found])


def reviews_json(found: list[OpenReview]) -> list[dict[str, Any]]:
    return [{"id": o.review.id, "account": o.review.account_id,
             "account_label": o.review.account_label,
             "opened_at": o.review.opened_at.isoformat(), "business_days": o.business_days,
             "acting": [{"id": pid, "name": name} for pid, name in zip(o.acting,
                                                                       o.acting_names,
                                                                       strict=True)]}
            for o in found]
