"""The account register and its duties on the journaled TinyDB store: accounts, password tasks
and offboarding cases, each a table of records with a signed history.

Each kind is a table of the one generic `TinyDBCaseRepository` (storage/case_tables.py): ids
never reused, the version check, the append-only history, and the record and its notifications
in one durable commit (the outbox is the requests' own).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.accounts import Account, AccountStore, RecordTable
from bot.grants import AccessGrant
from bot.offboarding import OffboardingCase
from bot.tasks import PasswordTask
from storage.case_tables import TinyDBCaseRepository
from storage.engine import Store
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
