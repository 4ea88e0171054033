"""The AccountStore contract (bot/accounts.py): accounts, password tasks, offboarding cases and
grants, each kept like a case by every backend: every field back as saved (after a restart
too), ids never reused, the version check, the append-only history, notifications queued in the
same write, and open records listed in id order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.accounts import Account, AccountStore
from bot.audit import sealed
from bot.grants import AccessGrant
from bot.notifications import Notification
from bot.offboarding import OffboardingCase
from bot.ports import ConcurrentUpdate, HistoryRewritten
from bot.tasks import PasswordTask
from storage.accounts_repository import TinyDBAccountStore
from storage.memory import MemoryAccountStore, MemoryRepository
from storage.tinydb_repository import TinyDBRepository
from tests.contract.conftest import Backend
from tests.contract.samples import AT, entry


def account(record_id: str = "AC-1", *, entries: int = 1, state: str = "active") -> Account:
    return Account(id=record_id, platform="Facebook", handle="@Pickering «ünï» <b>",
                   department="community-services", users=("adoe", "msmith"), state=state,
                   password_changed_at=AT, password_changed_by="kwong", created_at=AT,
                   history=sealed(record_id, (entry(n, action="add" if n == 1 else "grant",
                                                    stage="active")
                                              for n in range(1, entries + 1))))


def task(record_id: str = "T-1", *, entries: int = 1, state: str = "open") -> PasswordTask:
    return PasswordTask(id=record_id, account_id="AC-1", account_label="Facebook @Pickering",
                        person_id="msmith", cause="O-1", reason="left the City: retiring",
                        assignee="kwong", created_at=AT, state=state, step=entries,
                        history=sealed(record_id, (entry(n, stage="open")
                                                   for n in range(1, entries + 1))))


def offboarding(record_id: str = "O-1", *, entries: int = 1,
                state: str = "scheduled") -> OffboardingCase:
    return OffboardingCase(id=record_id, person_id="msmith", kind="leaving", reason="retiring",
                           source="hr", created_at=AT, last_day=dt.date(2026, 11, 30),
                           state=state, step=entries, accounts=("AC-1",), tasks=("T-1",),
                           withdrawn=("R-2",), handed=("R-3",),
                           history=sealed(record_id, (entry(n, stage="scheduled")
                                                      for n in range(1, entries + 1))))


def grant(record_id: str = "G-1", *, entries: int = 1, state: str = "open") -> AccessGrant:
    return AccessGrant(id=record_id, request_id="R-4", requester_id="adoe",
                       programs=("Facebook",), created_at=AT, state=state, step=entries,
                       accounts=("AC-1", "AC-2"),
                       history=sealed(record_id, (entry(n, stage="open")
                                                  for n in range(1, entries + 1))))


KINDS: dict[str, tuple[str, Callable[..., Any], str]] = {
    "accounts": ("AC", account, "retired"), "tasks": ("T", task, "done"),
    "offboardings": ("O", offboarding, "executed"), "grants": ("G", grant, "recorded"),
}


class Stores:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.open()

    def open(self) -> None:
        requests = self.backend.requests
        self.store: AccountStore = MemoryAccountStore(requests) \
            if isinstance(requests, MemoryRepository) else TinyDBAccountStore(requests)
        assert isinstance(requests, MemoryRepository | TinyDBRepository)

    def reopen(self) -> None:
        if self.backend.durable:
            self.backend.reopen()
            self.open()


@pytest.fixture
def stores(backend: Backend) -> Iterator[Stores]:
    yield Stores(backend)


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def table(stores: Stores, kind: str) -> Any:
    return getattr(stores.store, kind)


def note(case_id: str, suffix: str = "x") -> Notification:
    return Notification(id=f"{case_id}:1:{suffix}", kind="requester_update", case_id=case_id,
                        step=1, recipients=("adoe",), case_type="task")


def test_every_field_comes_back_as_saved_also_after_a_restart(stores: Stores, kind: str) -> None:
    prefix, make, _ = KINDS[kind]
    original = make()
    saved = table(stores, kind).save(original, expected_version=0)
    assert saved == original.evolve(version=1)
    stores.reopen()
    assert table(stores, kind).get(f"{prefix}-1") == saved
    assert table(stores, kind).get(f"{prefix}-2") is None
    assert table(stores, kind).all() == [saved]


def test_ids_are_increasing_and_never_reused_after_a_restart(stores: Stores, kind: str) -> None:
    prefix, make, _ = KINDS[kind]
    first = [table(stores, kind).next_id() for _ in range(3)]
    table(stores, kind).save(make(first[-1]), expected_version=0)
    stores.reopen()
    later = [table(stores, kind).next_id() for _ in range(2)]
    numbers = [int(i.removeprefix(f"{prefix}-")) for i in first + later]
    assert numbers == sorted(numbers) and len(set(numbers)) == 5


def test_of_two_writers_one_wins_and_nothing_of_the_loser_is_stored(stores: Stores,
                                                                    kind: str) -> None:
    _, make, final = KINDS[kind]
    base = table(stores, kind).save(make(), expected_version=0)
    winner = make(entries=2)
    loser = make(entries=2, state=final)
    table(stores, kind).save(winner, expected_version=base.version,
                             notifications=[note(base.id, "won")])
    with pytest.raises(ConcurrentUpdate):
        table(stores, kind).save(loser, expected_version=base.version,
                                 notifications=[note(base.id, "lost")])
    with pytest.raises(ConcurrentUpdate):
        table(stores, kind).save(make("X-9"), expected_version=4)
    stores.reopen()
    stored = table(stores, kind).get(base.id)
    assert (stored.state, stored.version) == (winner.state, 2)
    due = [m.id for m in stores.backend.requests.due(now=1e12, limit=1000)]
    assert any(":won@" in i for i in due) and not any(":lost@" in i for i in due)


def test_the_history_is_append_only(stores: Stores, kind: str) -> None:
    _, make, _ = KINDS[kind]
    saved = table(stores, kind).save(make(entries=2), expected_version=0)
    rewritten = saved.evolve(history=(saved.history[0].__class__(
        **{**saved.history[0].__dict__, "comment": "changed"}), *saved.history[1:]))
    with pytest.raises(HistoryRewritten):
        table(stores, kind).save(rewritten, expected_version=saved.version)
    dropped = saved.evolve(history=saved.history[:1])
    with pytest.raises(HistoryRewritten):
        table(stores, kind).save(dropped, expected_version=saved.version)
    stores.reopen()
    assert table(stores, kind).get(saved.id) == saved


def test_open_records_are_listed_in_id_order_and_final_ones_leave(stores: Stores,
                                                                  kind: str) -> None:
    prefix, make, final = KINDS[kind]
    for number in (10, 2, 3):
        table(stores, kind).save(make(f"{prefix}-{number}"), expected_version=0)
    closed = make(f"{prefix}-3", entries=2, state=final)
    table(stores, kind).save(closed, expected_version=1)
    stores.reopen()
    assert [r.id for r in table(stores, kind).open_cases()] == [f"{prefix}-2", f"{prefix}-10"]
    assert [r.id for r in table(stores, kind).all()] == \
        [f"{prefix}-2", f"{prefix}-3", f"{prefix}-10"]


# -- a password task marked done and its register entry: one write (bot/tasks.py, TaskTable) --

def test_a_done_task_and_its_account_are_saved_together(stores: Stores) -> None:
    store = stores.store
    base_account = store.accounts.save(account(), expected_version=0)
    base_task = store.tasks.save(task(), expected_version=0)
    done, changed = task(entries=2, state="done"), account(entries=2)
    saved = store.save_task_with_account(done, expected_version=base_task.version,
                                         account=changed,
                                         account_version=base_account.version,
                                         notifications=[note("T-1", "closed")])
    assert saved == done.evolve(version=2)
    stores.reopen()
    assert stores.store.tasks.get("T-1") == done.evolve(version=2)
    assert stores.store.accounts.get("AC-1") == changed.evolve(version=2)
    assert stores.store.tasks.open_cases() == []
    due = [m.id for m in stores.backend.requests.due(now=1e12, limit=1000)]
    assert any(i.startswith("T-1:1:closed@") for i in due)


@pytest.mark.parametrize("moved", ["task", "account", "rewritten", "no account"])
def test_if_either_changed_meanwhile_neither_is_saved(stores: Stores, moved: str) -> None:
    store = stores.store
    if moved != "no account":
        store.accounts.save(account(), expected_version=0)
    store.tasks.save(task(), expected_version=0)
    if moved == "task":
        store.tasks.save(task(entries=2), expected_version=1)
    if moved == "account":
        store.accounts.save(account(entries=2), expected_version=1)
    before = (store.tasks.get("T-1"), store.accounts.get("AC-1"))
    changed = account(entries=3) if moved != "rewritten" else account(entries=2).evolve(
        history=account(entries=2).history[1:])
    raised = HistoryRewritten if moved == "rewritten" else ConcurrentUpdate
    with pytest.raises(raised) as caught:
        store.save_task_with_account(task(entries=3, state="done"), expected_version=1,
                                     account=changed, account_version=1,
                                     notifications=[note("T-1", "lost")])
    if moved != "rewritten":
        assert str(caught.value) == ("T-1" if moved == "task" else "AC-1")
    stores.reopen()
    assert (stores.store.tasks.get("T-1"), stores.store.accounts.get("AC-1")) == before
    assert not any(":lost@" in m.id for m in stores.backend.requests.due(now=1e12, limit=1000))
