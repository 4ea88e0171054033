"""The text commands for the account register and its duties (04.01 a, 04.08, 05): the
console's, and Slack's slash command runs the same ones (`adapters/slack/duties.py`).

Everyone may list the accounts they use and their own tasks; the CCT manages the register,
records which accounts an approved request covers, handles departures and revocations, and
marks password tasks done. A line that looks like it holds a password is refused before
anything else reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from bot import messages
from bot.accounts import looks_like_secret, register_rows
from bot.audit import Actor
from bot.duties import AccountDuties
from bot.errors import CaseError, FieldErrors, Refused

HELP = """\
Accounts (04.01 a, 04.08; the CCT manages them, everyone sees their own):
  accounts                         the register (the CCT) or the accounts you may use
  account ID                       one account and its history
  account add PLATFORM HANDLE DEPARTMENT [PERSON...]
  account edit ID FIELD VALUE      FIELD: platform, handle or department
  account retire ID REASON
  grant ACCOUNT PERSON             let a person use an account
  revoke ACCOUNT PERSON REASON     stop a person using an account (a password task opens)
  record REQUEST ACCOUNT...        record the accounts an approved request covers
  tasks                            password tasks (yours; the CCT sees all)
  done TASK                        the password was changed (never type the password)
  pass TASK PERSON                 hand a password task to a CCT member
  offboard PERSON DATE|today REASON   a departure, executed on the last day
  departures                       departures waiting for the CCT
  confirm DEPARTURE [DATE]  /  dismiss DEPARTURE REASON  /  cancel DEPARTURE REASON
  revoke-access PERSON all|ACCOUNT,ACCOUNT REASON   revocation for abuse (05)"""


class AccountCommands:
    """Console commands; `person` gives the id of whoever types now."""

    def __init__(self, duties: AccountDuties, person: Callable[[], str], zone: str, *,
                 platform: str = "console") -> None:
        self.duties = duties
        self.person = person
        self.zone = zone
        self.platform = platform  # Slack runs the same commands from its slash command

    @property
    def actor(self) -> Actor:
        return Actor(self.person(), self.platform)

    def commands(self) -> dict[str, Callable[[list[str]], str]]:
        table: dict[str, Callable[[list[str]], str]] = {
            "accounts": self.accounts, "account": self.account, "grant": self.grant,
            "revoke": self.revoke, "record": self.record, "tasks": self.tasks,
            "done": self.done, "pass": self.pass_task, "offboard": self.offboard,
            "departures": self.departures, "confirm": self.confirm, "dismiss": self.dismiss,
            "cancel": self.cancel, "revoke-access": self.revoke_access,
        }
        return {name: self._guarded(run) for name, run in table.items()}

    def _guarded(self, run: Callable[[list[str]], str]) -> Callable[[list[str]], str]:
        def guarded(args: list[str]) -> str:
            if looks_like_secret(" ".join(args)):
                raise Refused(messages.NO_PASSWORDS)
            return run(args)
        return guarded

    # -- the register ---------------------------------------------------------------------------

    def accounts(self, args: list[str]) -> str:
        register = self.duties.register
        who = self.person()
        rows = register_rows(register, register.visible_to(who), self.zone)
        return messages.register_text(rows, everything=register.may_manage(who))

    def account(self, args: list[str]) -> str:
        if not args:
            raise CaseError("Usage: account ID | account add|edit|retire ...")
        verb, rest = args[0].lower(), args[1:]
        register = self.duties.register
        if verb == "add":
            if len(rest) < 3:
                raise CaseError("Usage: account add PLATFORM HANDLE DEPARTMENT [PERSON...]")
            added = register.add(self.actor, platform=rest[0], handle=rest[1],
                                 department=rest[2], users=rest[3:])
            return f"Added {added.id}: {added.platform} {added.handle}."
        if verb == "edit":
            if len(rest) < 3:
                raise CaseError("Usage: account edit ID FIELD VALUE")
            edited = register.edit(self.actor, rest[0], {rest[1].lower(): " ".join(rest[2:])})
            return f"{edited.id} is now {edited.platform} {edited.handle} " \
                   f"({edited.department})."
        if verb == "retire":
            if len(rest) < 2:
                raise CaseError("Usage: account retire ID REASON")
            retired = register.retire(self.actor, rest[0], " ".join(rest[1:]))
            return f"{retired.id} is retired."
        account = register.get(args[0])
        who = self.person()
        if not register.may_manage(who) and who not in account.users:
            raise Refused(messages.not_yours_to_see(account.id))
        rows = register_rows(register, [account], self.zone)
        history = [f"  {messages.when(h.at, self.zone)}  {h.action} by {h.signer}"
                   + (f": {h.comment}" if h.comment else "")
                   + "".join(f"; {k} {v}" for k, v in h.details.items())
                   for h in account.history]
        return "\n".join([messages.register_text(rows, everything=True), "  history:",
                          *history])

    def grant(self, args: list[str]) -> str:
        if len(args) < 2:
            raise CaseError("Usage: grant ACCOUNT PERSON")
        account = self.duties.register.grant(self.actor, args[0], args[1],
                                             comment=" ".join(args[2:]))
        return f"{args[1]} may now use {account.id} ({account.platform} {account.handle})."

    def revoke(self, args: list[str]) -> str:
        if len(args) < 3:
            raise CaseError("Usage: revoke ACCOUNT PERSON REASON")
        case = self.duties.offboarding.revoke(self.actor, args[1], reason=" ".join(args[2:]),
                                              accounts=[args[0]], source=self.platform)
        return _revoked(case.id, case.tasks)

    def record(self, args: list[str]) -> str:
        if len(args) < 2:
            raise CaseError("Usage: record REQUEST ACCOUNT...")
        grant = self.duties.grants.record(self.actor, args[0], args[1:])
        return f"Recorded for {grant.request_id}: {', '.join(grant.accounts)}. " \
               f"The employee is told which accounts they may now use."

    # -- tasks ----------------------------------------------------------------------------------

    def tasks(self, args: list[str]) -> str:
        duties = self.duties
        mine = duties.tasks.visible_to(self.person())
        return messages.tasks_text(duties.tasks.rows(mine))

    def done(self, args: list[str]) -> str:
        if len(args) != 1:
            raise CaseError("Usage: done TASK")
        task = self.duties.tasks.done(self.actor, args[0])
        return messages.task_marked_done(task.id, task.account_label)

    def pass_task(self, args: list[str]) -> str:
        if len(args) < 2:
            raise CaseError("Usage: pass TASK PERSON")
        task = self.duties.tasks.pass_to(self.actor, args[0], args[1],
                                         comment=" ".join(args[2:]))
        return f"{task.id} is now with {self.duties.directory.signature(task.assignee)}."

    # -- departures and revocation --------------------------------------------------------------

    def offboard(self, args: list[str]) -> str:
        if len(args) < 3:
            raise CaseError("Usage: offboard PERSON DATE|today REASON")
        day = None if args[1].lower() == "today" else _date(args[1])
        case = self.duties.offboarding.start(args[0], reason=" ".join(args[2:]), last_day=day,
                                             source=self.platform, actor=self.actor)
        return _offboarded(case.id, case.state, case.last_day, case.tasks)

    def departures(self, args: list[str]) -> str:
        offboarding = self.duties.offboarding
        if self.person() not in self.duties.directory.cct_leader_first():
            raise Refused(messages.ONLY_CCT_OFFBOARDS)
        cases = offboarding.open_cases()
        if not cases:
            return "No departure waits."
        return "\n".join(
            f"{c.id}  {self.duties.directory.signature(c.person_id)}: {c.state}"
            + (f", last day {c.last_day.isoformat()}" if c.last_day else "")
            + f" ({c.source}: {c.reason})" for c in cases)

    def confirm(self, args: list[str]) -> str:
        if not args:
            raise CaseError("Usage: confirm DEPARTURE [DATE]")
        day = _date(args[1]) if len(args) > 1 else None
        case = self.duties.offboarding.confirm(self.actor, args[0], last_day=day)
        return _offboarded(case.id, case.state, case.last_day, case.tasks)

    def dismiss(self, args: list[str]) -> str:
        if len(args) < 2:
            raise CaseError("Usage: dismiss DEPARTURE REASON")
        case = self.duties.offboarding.dismiss(self.actor, args[0], " ".join(args[1:]))
        return f"{case.id} is dismissed: nothing was removed."

    def cancel(self, args: list[str]) -> str:
        if len(args) < 2:
            raise CaseError("Usage: cancel DEPARTURE REASON")
        case = self.duties.offboarding.cancel(self.actor, args[0], " ".join(args[1:]))
        return f"{case.id} is cancelled: nothing was removed."

    def revoke_access(self, args: list[str]) -> str:
        if len(args) < 3:
            raise CaseError("Usage: revoke-access PERSON all|ACCOUNT,ACCOUNT REASON")
        named = None if args[1].lower() == "all" else \
            [a for a in args[1].split(",") if a.strip()]
        case = self.duties.offboarding.revoke(self.actor, args[0], reason=" ".join(args[2:]),
                                              accounts=named, source=self.platform)
        return _revoked(case.id, case.tasks)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CaseError(messages.BAD_DATE) from None


def _offboarded(case_id: str, state: str, day: dt.date | None, tasks: tuple[str, ...]) -> str:
    if state == "executed":
        return f"{case_id}: done. Password tasks opened: {', '.join(tasks) or 'none'}."
    return f"{case_id}: {state}" + (f" for {day.isoformat()}." if day else ".")


def _revoked(case_id: str, tasks: tuple[str, ...]) -> str:
    return f"{case_id}: access revoked. Password tasks opened: {', '.join(tasks)}. " \
           f"The person and their supervisor are told."


WORDS = frozenset({"accounts", "account", "grant", "revoke", "record", "tasks", "done", "pass",
                   "offboard", "departures", "confirm", "dismiss", "cancel", "revoke-access"})


def run_words(duties: AccountDuties, person_id: str, words: list[str], zone: str, *,
              platform: str) -> str:
    """One account command typed in a chat (Slack's slash command, a Teams message) as
    `person_id`, signed with `platform`; the answer in plain text (the caller escapes it)."""
    if not words or words[0].lower() not in WORDS:
        return ""
    commands = AccountCommands(duties, lambda: person_id, zone, platform=platform).commands()
    try:
        return commands[words[0].lower()](words[1:])
    except FieldErrors as problem:
        return "; ".join(f"{k}: {v}" for k, v in problem.errors.items())
    except CaseError as problem:
        return str(problem)


def waiting_lines(duties: AccountDuties, person_id: str, done_hint: str) -> list[str]:
    """A person's own tasks, one line each, to show beside their approvals: password tasks
    they hold; for the CCT, approved requests whose accounts wait to be recorded and
    departures a directory sync proposed. `done_hint` is how to mark a task done ({id})."""
    lines = [task_line(r, done_hint) for r in duties.tasks.rows(duties.tasks.of_person(person_id))]
    return lines + cct_waiting_lines(duties, person_id)


def task_line(row: dict[str, Any], done_hint: str) -> str:
    """One open password task (a row of `PasswordTasks.rows`) as a line of a task list."""
    return f"{row['id']}: {row['account']} ({row['reason']}); {done_hint.format(id=row['id'])}"


def cct_waiting_lines(duties: AccountDuties, person_id: str) -> list[str]:
    """For the CCT: approved requests whose accounts wait to be recorded, and departures a
    directory sync proposed ([] for anyone else)."""
    if person_id not in duties.directory.cct_leader_first():
        return []
    return [*(messages.grant_waiting(g.id, g.request_id) for g in duties.grants.open_grants()),
            *(messages.offboarding_summary(c.id, c.kind, c.state)
              for c in duties.offboarding.open_cases() if c.state == "proposed")]
