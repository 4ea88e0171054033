"""The account register and its duties on the journaled TinyDB store: accounts, password tasks
and offboarding cases, each a table of records with a signed history.

Each kind is a table of the one generic `TinyDBCaseRepository` (storage/case_tables.py): ids
never reused, the version check, the append-only history, and the record and its notifications
in one durable commit (the outbox is the requests' own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.accounts import Account, AccountStore, RecordTable
from bot.grants import AccessGrant
from bot.notifications import Notification
from bot.offboarding import OffboardingCase
from bot.ports import ConcurrentUpdate, HistoryRewritten
from bot.tasks import PasswordTask
from storage.case_tables import TinyDBCaseRepository
from storage.engine import Op, Store
from storage.tinydb_repository import TinyDBRepository

ACCOUNTS, TASKS, OFFBOARDINGS, GRANTS = "accounts", "password_tasks", "offboardings", "grants"


class TinyDBAccountStore:
    """Implements AccountStore beside the requests, in the same store and outbox."""

    def __init__(self, requests: TinyDBRepository) -> None:
        self.accounts = TinyDBCaseRepository(requests, table=ACCOUNTS, prefix="AC",
                                             from_record=Account.from_record)
        self.tasks = TinyDBCaseRepository(requests, table=TASKS, prefix="T",
                                          from_record=PasswordTask.from_record)
        self.offboardings = TinyDBCaseRepository(requests, table=OFFBOARDINGS, prefix="O",
                                                 from_record=OffboardingCase.from_record)
        self.grants = TinyDBCaseRepository(requests, table=GRANTS, prefix="G",
                                           from_record=AccessGrant.from_record)

    def save_task_with_account(self, task: PasswordTask, /, *, expected_version: int,
                               account: Account, account_version: int,
                               notifications: Iterable[Notification] = ()) -> PasswordTask:
        """A task and the account it changes (and the notifications) in one journal commit."""
        tasks, accounts = self.tasks, self.accounts
        saved = task.evolve(version=expected_version + 1)
        moved = account.evolve(version=account_version + 1)
        task_record, account_record = saved.to_record(), moved.to_record()
        ops: list[Op] = [("put", TASKS, saved.id, task_record),
                         ("put", ACCOUNTS, moved.id, account_record),
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
            tasks._parsed[saved.id] = (task_record, saved)
            accounts._parsed[moved.id] = (account_record, moved)
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


def _implements_the_port(store: TinyDBAccountStore) -> tuple[AccountStore, RecordTable[Account]]:
    """Checked by mypy: the store keeps the port's signatures."""
    return store, store.accounts
