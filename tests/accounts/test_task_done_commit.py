"""Marking a password task done and writing its register entry (the account's password last
changed, by whom) are one durable write on the journaled store: one commit holds the task, the
account and the notices, so no crash can leave one without the other."""

from __future__ import annotations

from typing import Any

import pytest

from bot.audit import Actor, first_broken
from socialbot.bootstrap import Runtime
from storage.accounts_repository import ACCOUNTS, TASKS
from storage.tinydb_repository import OUTBOX

KWONG = Actor("kwong", "console")


def task_for_msmith(bot: Runtime) -> str:
    services = bot.services
    services.accounts.add(KWONG, platform="Facebook", handle="@one",
                          department="community-services", users=["msmith"])
    case = services.offboarding.revoke(KWONG, "msmith", reason="shared the login",
                                       accounts=["AC-1"], source="console")
    [task_id] = case.tasks
    return task_id


def test_done_is_one_commit_with_the_register_entry(bot: Runtime,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    task_id = task_for_msmith(bot)
    commits: list[list[Any]] = []
    commit = bot.store.commit

    def recorded(ops: Any, **options: Any) -> int:
        commits.append(list(ops))
        return commit(ops, **options)

    monkeypatch.setattr(bot.store, "commit", recorded)
    done = bot.services.tasks.done(KWONG, task_id)
    [ops] = [c for c in commits if any(op[1] in (TASKS, ACCOUNTS) for op in c)]
    assert {(op[1], op[2]) for op in ops if op[1] != OUTBOX} == {(TASKS, task_id),
                                                                  (ACCOUNTS, "AC-1")}
    assert any(op[1] == OUTBOX and ":step_closed@" in op[2] for op in ops)
    account = bot.services.accounts.get("AC-1")
    assert (account.password_changed_by, account.password_changed_at) == \
        ("kwong", done.done_entry.at if done.done_entry else None)
    assert account.history[-1].details == {"task": task_id}
    assert first_broken("AC-1", account.history) is None
    assert bot.services.tasks.reconcile() == 0  # nothing left to repair


def test_an_account_changed_meanwhile_still_gets_its_entry(bot: Runtime,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """A grant saved between reading the account and the commit: the entry is made again on
    the newer account, never lost and never written over the grant."""
    task_id = task_for_msmith(bot)
    services = bot.services
    save = services.accounts.store.save_task_with_account
    raced: list[bool] = []

    def grant_first(*args: Any, **kwargs: Any) -> Any:
        if not raced:
            raced.append(True)
            services.accounts.grant(KWONG, "AC-1", "adoe")
        return save(*args, **kwargs)

    monkeypatch.setattr(services.accounts.store, "save_task_with_account", grant_first)
    services.tasks.done(KWONG, task_id)
    account = services.accounts.get("AC-1")
    assert account.users == ("adoe",)
    assert [h.action for h in account.history][-2:] == ["grant", "password_changed"]
    assert account.password_changed_by == "kwong"
