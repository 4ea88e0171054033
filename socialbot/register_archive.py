"""The dashboard's read side of the account register and the procedure's clocks: accounts,
password tasks, citizens' questions, account reviews and the last link check, from this
process's store.

The store tells it of every write to these tables (`Store.watch`), so it knows which records
changed and how many writes there were (the dashboard redraws these sections only after one);
each record is parsed once per version it is read in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from bot.accounts import Account
from bot.links import BrokenLink, LinkCheck
from bot.questions import Question
from bot.reviews import AccountReview
from bot.tasks import PasswordTask
from storage.accounts_repository import ACCOUNTS, TASKS
from storage.case_tables import ACCOUNT_REVIEWS, BROKEN_LINKS, LINK_CHECKS, QUESTIONS
from storage.engine import Store

T = TypeVar("T")


class _Kept(Generic[T]):
    """One table's records as the store applies them, each parsed at its first read."""

    def __init__(self, store: Store, table: str, parse: Callable[[dict[str, Any]], T],
                 changed: Callable[[], None]) -> None:
        self.parse = parse
        self.changed = changed
        self.records: dict[str, dict[str, Any]] = {}
        self.parsed: dict[str, T] = {}
        store.watch(table, self._seen)

    def _seen(self, record_id: str, record: dict[str, Any] | None, _: int) -> None:
        self.parsed.pop(record_id, None)
        if record is None:
            self.records.pop(record_id, None)
        else:
            self.records[record_id] = record
        self.changed()

    def get(self, record_id: str) -> T | None:
        found = self.parsed.get(record_id)
        record = self.records.get(record_id) if found is None else None
        if record is not None:
            found = self.parsed[record_id] = self.parse(record)
        return found

    def all(self) -> list[T]:
        ids = sorted(self.records, key=_number)
        return [found for found in map(self.get, ids) if found is not None]


class RegisterArchive:
    """What the dashboard's register, question, review and link sections read."""

    def __init__(self, store: Store) -> None:
        self._writes = 0
        # The register itself is read through its own rule (AccountRegister.visible_to); its
        # writes are counted here, since who may see a question or a link follows its users.
        self._accounts = _Kept(store, ACCOUNTS, Account.from_record, self._count)
        self._tasks = _Kept(store, TASKS, PasswordTask.from_record, self._count)
        self._questions = _Kept(store, QUESTIONS, Question.from_record, self._count)
        self._reviews = _Kept(store, ACCOUNT_REVIEWS, AccountReview.from_record, self._count)
        self._links = _Kept(store, BROKEN_LINKS, BrokenLink.from_record, self._count)
        self._checks = _Kept(store, LINK_CHECKS, LinkCheck.from_record, self._count)
        self._writes = 0  # what was there at start is not a change

    def _count(self) -> None:
        self._writes += 1

    def register_generation(self) -> int:
        """How many writes to these tables so far (this process)."""
        return self._writes

    def open_tasks(self) -> list[PasswordTask]:
        return [t for t in self._tasks.all() if not t.is_final]

    def open_questions(self) -> list[Question]:
        return [q for q in self._questions.all() if not q.is_final]

    def open_reviews(self) -> list[AccountReview]:
        return [r for r in self._reviews.all() if not r.is_final]

    def last_link_check(self) -> LinkCheck | None:
        return self._checks.get("last")

    def link_case(self, case_id: str) -> BrokenLink | None:
        return self._links.get(case_id)


def _number(record_id: str) -> int:
    tail = record_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0
