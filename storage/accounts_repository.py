"""The account register and its duties on the journaled TinyDB store: accounts, password tasks
and offboarding cases, each a table of records with a signed history.

One generic table (`TinyDBTable`) keeps each kind: ids never reused, the version check, the
append-only history, and the record and its notifications in one durable commit (the outbox is
the requests' own).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, Protocol, Self, TypeVar

from bot.accounts import Account, AccountStore, RecordTable
from bot.audit import HistoryEntry
from bot.grants import AccessGrant
from bot.notifications import Notification
from bot.offboarding import OffboardingCase
from bot.ports import ConcurrentUpdate, HistoryRewritten
from bot.tasks import PasswordTask
from storage.engine import Op, Store
from storage.tinydb_repository import TinyDBRepository

ACCOUNTS, TASKS, OFFBOARDINGS, GRANTS = "accounts", "password_tasks", "offboardings", "grants"


class StoredRecord(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def history(self) -> tuple[HistoryEntry, ...]: ...
    @property
    def is_final(self) -> bool: ...

    def evolve(self, **changes: Any) -> Self: ...

    def to_record(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=StoredRecord)


class TinyDBTable(Generic[R]):
    def __init__(self, requests: TinyDBRepository, table: str, prefix: str,
                 from_record: Callable[[Mapping[str, Any]], R]) -> None:
        self.store = requests.store
        self.outbox_ops = requests.outbox_ops
        self.table = table
        self.prefix = prefix
        self.from_record = from_record
        self._writing = threading.Lock()
        self._parsed: dict[str, R] = {}
        self._open: set[str] = set()
        highest = 0
        for doc_id, record in self.store.items(table):
            highest = max(highest, number(doc_id))
            if not self.from_record(record).is_final:
                self._open.add(doc_id)
        self._next = itertools.count(highest + 1)

    def next_id(self) -> str:
        return f"{self.prefix}-{next(self._next)}"

    def get(self, record_id: str, /) -> R | None:
        cached = self._parsed.get(record_id)
        if cached is not None:
            return cached
        record = self.store.get(self.table, record_id)
        if record is None:
            return None
        parsed = self._parsed[record_id] = self.from_record(record)
        return parsed

    def save(self, record: R, /, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> R:
        saved = record.evolve(version=expected_version + 1)
        ops: list[Op] = [("put", self.table, saved.id, saved.to_record()),
                         *self.outbox_ops(notifications)]
        with self._writing:
            stored = self.get(record.id)
            if (stored.version if stored else 0) != expected_version:
                raise ConcurrentUpdate(record.id)
            if stored is not None and record.history[: len(stored.history)] != stored.history:
                raise HistoryRewritten(f"{record.id}: the audit trail is append-only")
            self.store.commit(ops)
            self._parsed[saved.id] = saved
            if saved.is_final:
                self._open.discard(saved.id)
            else:
                self._open.add(saved.id)
        return saved

    def open_cases(self) -> list[R]:
        return [r for r in map(self.get, sorted(self._open, key=number)) if r is not None]

    def all(self) -> list[R]:
        ids = sorted((doc_id for doc_id, _ in self.store.items(self.table)), key=number)
        return [r for r in map(self.get, ids) if r is not None]


class TinyDBAccountStore:
    """Implements AccountStore beside the requests, in the same store and outbox."""

    def __init__(self, requests: TinyDBRepository) -> None:
        self.accounts: TinyDBTable[Account] = TinyDBTable(requests, ACCOUNTS, "AC",
                                                           Account.from_record)
        self.tasks: TinyDBTable[PasswordTask] = TinyDBTable(requests, TASKS, "T",
                                                             PasswordTask.from_record)
        self.offboardings: TinyDBTable[OffboardingCase] = TinyDBTable(
            requests, OFFBOARDINGS, "O", OffboardingCase.from_record)
        self.grants: TinyDBTable[AccessGrant] = TinyDBTable(requests, GRANTS, "G",
                                                             AccessGrant.from_record)

    def save_task_with_account(self, task: PasswordTask, /, *, expected_version: int,
                               account: Account, account_version: int,
                               notifications: Iterable[Notification] = ()) -> PasswordTask:
        """A task and the account it changes (and the notifications) in one journal commit."""
        tasks, accounts = self.tasks, self.accounts
        saved = task.evolve(version=expected_version + 1)
        moved = account.evolve(version=account_version + 1)
        ops: list[Op] = [("put", TASKS, saved.id, saved.to_record()),
                         ("put", ACCOUNTS, moved.id, moved.to_record()),
                         *tasks.outbox_ops(notifications)]
        with tasks._writing, accounts._writing:
            for table, record, version in ((tasks, task, expected_version),
                                           (accounts, account, account_version)):
                stored: Any = table.get(record.id)
                if (stored.version if stored else 0) != version or \
                        (stored is None and table is accounts):
                    raise ConcurrentUpdate(record.id)
                if stored is not None and \
                        record.history[: len(stored.history)] != stored.history:
                    raise HistoryRewritten(f"{record.id}: the audit trail is append-only")
            tasks.store.commit(ops)
            tasks._parsed[saved.id], accounts._parsed[moved.id] = saved, moved
            (tasks._open.discard if saved.is_final else tasks._open.add)(saved.id)
        return saved


def find_record(store: Store, record_id: str) -> Any:
    """The account, task, departure or grant `record_id` names (by its prefix), or None."""
    kinds: dict[str, tuple[str, Callable[[Mapping[str, Any]], Any]]] = {
        "AC": (ACCOUNTS, Account.from_record), "T": (TASKS, PasswordTask.from_record),
        "O": (OFFBOARDINGS, OffboardingCase.from_record), "G": (GRANTS, AccessGrant.from_record),
    }
    prefix = record_id.split("-", 1)[0]
    if prefix not in kinds:
        return None
    table, parse = kinds[prefix]
    record = store.get(table, record_id)
    return parse(record) if record else None


def number(record_id: str) -> int:
    return int(record_id.rsplit("-", 1)[1])


def _implements_the_port(store: TinyDBAccountStore) -> tuple[AccountStore, RecordTable[Account]]:
    """Checked by mypy: the store keeps the port's signatures."""
    return store, store.accounts
