"""End to end over the console: access granted and recorded, then the employee who uses three
accounts leaves; the register, the three password tasks, their reminders and completion, and
the approval that waited on them now with their supervisor."""

from __future__ import annotations

import datetime as dt

from bot.audit import first_broken
from socialbot.bootstrap import Runtime
from tests.accounts.scene import ACCOUNTS, approve_access, attach_console, console, deliver
from tests.support import FixedClock, file_request


def test_access_granted_is_recorded_and_the_employee_told(bot: Runtime) -> None:
    attach_console(bot)
    cct = console(bot, "kwong")
    assert cct.handle("account add Facebook @PickeringRec community-services").startswith(
        "Added AC-1")
    request = approve_access(bot, "adoe")
    deliver(bot)
    assert f"{request.id} (Alex Doe: Facebook, YouTube) is approved: record" in cct.news()
    assert "G-1" in cct.handle("inbox") or request.id in cct.handle("inbox")
    employee = console(bot, "adoe")
    assert "record" not in employee.handle("inbox")
    assert employee.handle(f"record {request.id} AC-1").startswith("Only the Corporate")
    assert cct.handle(f"record {request.id} AC-1").startswith(f"Recorded for {request.id}")
    deliver(bot)
    news = employee.news()
    assert "you may now use Facebook @PickeringRec" in news and "owns every account" in news
    account = bot.services.accounts.get("AC-1")
    assert account.users == ("adoe",)
    assert [h.action for h in account.history] == ["add", "grant"]
    assert account.history[-1].details["request"] == request.id
    assert first_broken(account.id, account.history) is None
    assert "Facebook @PickeringRec" in employee.handle("accounts")
    assert cct.handle(f"record {request.id} AC-1").startswith("Already decided: G-1 record by")


def test_an_employee_with_three_accounts_leaves(bot: Runtime, clock: FixedClock) -> None:
    attach_console(bot)
    cct, supervisor = console(bot, "kwong"), console(bot, "pbrown")
    for platform, handle in ACCOUNTS:
        cct.handle(f"account add {platform} {handle} community-services msmith")
    waiting = file_request(bot.workflow, "adoe")  # waits on msmith, adoe's supervisor
    assert bot.workflow.current_approvers(waiting) == ["msmith"]
    assert "3 days" not in cct.handle("offboard msmith 2026-11-26 retiring")  # Thursday
    assert bot.services.offboarding.get("O-1").state == "scheduled"
    assert bot.services.accounts.get("AC-1").users == ("msmith",)  # not before the last day

    clock.advance(days=2)  # Thursday 2026-11-26: the reminder loop carries it out
    bot.reminders.run_once()
    deliver(bot)
    register = cct.handle("accounts")
    assert register.count("users: nobody") == 3
    tasks = cct.handle("tasks")
    assert all(f"T-{n}" in tasks for n in (1, 2, 3)) and "left the City: retiring" in tasks
    assert "Password task T-1" in cct.news()
    handed = bot.workflow.get(waiting.id)
    assert bot.workflow.current_approvers(handed) == ["pbrown"]
    assert handed.history[-1].details["from"] == "msmith"
    assert waiting.id in supervisor.handle("inbox")
    case = bot.services.offboarding.get("O-1")
    assert (case.state, case.tasks, case.handed) == ("executed", ("T-1", "T-2", "T-3"),
                                                     (waiting.id,))

    # Two business days later each task reminds the CCT Team Leader, once per period.
    clock.advance(days=4)  # Monday 2026-11-30: one business day (Friday) waited
    assert bot.reminders.run_once() == 0
    clock.advance(days=1)  # Tuesday: two, the password task's service level (app.yaml)
    assert bot.reminders.run_once() == 4  # three tasks, and the handed approval (pbrown)
    assert bot.reminders.run_once() == 0
    deliver(bot)
    assert cct.news().count("Reminder: Password task") == 3
    assert "T-1" in cct.handle("inbox")

    assert cct.handle("done T-1").startswith("T-1 is done")
    assert cct.handle("pass T-2 rsingh").startswith("T-2 is now with")
    assert console(bot, "msmith").handle("done T-3").startswith("T-3 is held by")
    assert console(bot, "rsingh").handle("done T-2").startswith("T-2 is done")
    assert cct.handle("done T-3").startswith("T-3 is done")
    assert cct.handle("done T-3").startswith("Already done: T-3 was marked done by Kim Wong")
    assert cct.handle("tasks") == "No password task is open."
    accounts = bot.services.accounts
    assert [accounts.get(f"AC-{n}").password_changed_by for n in (1, 2, 3)] == \
        ["kwong", "rsingh", "kwong"]
    assert [h.action for h in accounts.get("AC-2").history] == \
        ["add", "revoke", "password_changed"]
    assert "password last changed: not recorded" not in cct.handle("accounts")
    supervisor.handle(f"approve {waiting.id}")  # msmith's stage, signed by their supervisor
    signed = bot.workflow.get(waiting.id)
    assert (signed.state, signed.history[-1].actor_id) == ("cct", "pbrown")
    clock.advance(days=3)
    assert bot.reminders.run_once() == 0  # nothing is reminded once done

    # The same departure again (HR, the CLI) changes nothing.
    again = bot.services.offboarding.start("msmith", reason="retiring",
                                           last_day=dt.date(2026, 11, 26), source="hr")
    assert again.id == "O-1" and len(bot.services.tasks.repository.all()) == 3


def test_the_register_refuses_passwords_and_non_cct(bot: Runtime) -> None:
    cct, employee = console(bot, "kwong"), console(bot, "adoe")
    assert "looks like a password" in cct.handle(
        "account add Facebook password:hunter2 community-services")
    assert "looks like a password" in cct.handle("revoke AC-1 adoe the password is hunter2")
    assert cct.handle("account add X @x community-services").startswith("Added AC-1")
    assert employee.handle("account add X @y community-services").startswith("Only the")
    assert employee.handle("offboard msmith today gone").startswith("Only the")
    assert cct.handle("offboard kwong today leaving") .startswith("You cannot start your own")
    assert len(bot.services.accounts.all()) == 1
    assert "looks like a password" in cct.handle("account edit AC-1 password x")
    assert "not something you can edit" in cct.handle("account edit AC-1 owner Alex")
