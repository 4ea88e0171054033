"""Password-change tasks (04.08 a) as a case type of the engine.

When someone loses the use of an account (they left the City, or their access was revoked for
abuse, 05), the account's password must be changed. Each such account gets one task, assigned
to the CCT Team Leader, who holds the credentials; they may pass it to a CCT member. The bot
reminds whoever holds it (service levels, `service_levels.cases.password_task`) until someone
marks it done; done is signed (who, when) and recorded in the register as the account's
password last changed. The task never holds the password itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Self

from bot import messages
from bot.accounts import (
    Account,
    AccountRegister,
    AccountStore,
    RecordTable,
    save_once,
    system_entry,
)
from bot.audit import Actor, HistoryEntry, sealed
from bot.cases import CaseEngine, Move, Transition
from bot.directory import Directory
from bot.errors import NotFound, Refused
from bot.notifications import Notification
from bot.ports import Clock, ConcurrentUpdate

CASE_TYPE = "task"
TASK_TRANSITIONS: tuple[Transition, ...] = (
    Transition("open", "done", "done", by="holder"),
    Transition("open", "pass", "stay", by="holder"),
)


@dataclass(frozen=True)
class PasswordTask:
    id: str                  # "T-n"
    account_id: str
    account_label: str       # "Facebook @PickeringParks", as it was when the task was opened
    person_id: str           # whose use of the account ended
    cause: str               # the offboarding or revocation case ("O-n")
    reason: str              # "left the City", "access revoked (05): ..."
    assignee: str            # the CCT Team Leader, or the CCT member it was passed to
    created_at: datetime
    state: str = "open"      # "open" or "done"
    step: int = 1
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state == "done"

    @property
    def done_entry(self) -> HistoryEntry | None:
        return next((h for h in reversed(self.history) if h.action == "done"), None)

    def evolve(self, **changes: Any) -> Self:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "account_id": self.account_id,
                "account_label": self.account_label, "person_id": self.person_id,
                "cause": self.cause, "reason": self.reason, "assignee": self.assignee,
                "created_at": self.created_at.isoformat(), "state": self.state,
                "step": self.step, "history": [h.to_record() for h in self.history],
                "version": self.version}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> PasswordTask:
        return cls(**{**record, "created_at": datetime.fromisoformat(record["created_at"]),
                      "history": tuple(HistoryEntry.from_record(h) for h in record["history"])})


class PasswordTaskCases:
    """The task case type: the holder marks it done or passes it to a CCT member."""

    name = CASE_TYPE
    transitions = TASK_TRANSITIONS
    states = frozenset({"open", "done"})
    final_states = frozenset({"done"})

    def __init__(self, *, directory: Directory, repository: RecordTable[PasswordTask],
                 time_zone: str) -> None:
        self.directory = directory
        self.repository = repository
        self.time_zone = time_zone

    def table_state(self, case: PasswordTask) -> str:
        return case.state

    def people(self, case: PasswordTask, by: str) -> list[str]:
        return self.holders(case)

    def holders(self, case: PasswordTask) -> list[str]:
        """Whoever holds the task now (and their delegate), and the CCT Team Leader."""
        found = list(self.directory.acting_for(case.assignee)) \
            if case.assignee in self.directory else []
        return list(dict.fromkeys([*found, self.directory.cct_team_leader]))

    def refused_for(self, case: PasswordTask, person_id: str, transition: Transition) -> str:
        return messages.task_not_yours(case.id, self._names(self.holders(case)))

    def not_possible(self, case: PasswordTask, action: str) -> str:
        return messages.task_action_unknown(action)

    def apply(self, case: PasswordTask, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[PasswordTask, list[Notification]]:
        if transition.action == "pass":
            to = decision.reassign_to
            allowed = self.pass_candidates(case, entry.actor_id)
            if to not in allowed:
                shown = self.directory.person(to).full_name if to in self.directory else \
                    repr(to[:40])
                raise Refused(messages.cannot_pass_task(shown, self._names(allowed)))
            entry = replace(entry, details={"from": case.assignee, "to": to})
            moved = case.evolve(assignee=to, step=case.step + 1,
                                history=(*case.history, entry))
            return moved, [self.step_closed(case, entry), self.action_needed(moved)]
        moved = case.evolve(state="done", step=case.step + 1, history=(*case.history, entry))
        return moved, [self.step_closed(case, entry)]

    def step_closed(self, case: PasswordTask, entry: HistoryEntry) -> Notification:
        """Every copy of the step's notice (first notice, reminders, in every chat) shows what
        became of it and loses its button; the recipients' task lists (App Home) are redrawn."""
        return Notification(
            id=f"{case.id}:{case.step}:step_closed", kind="step_closed", case_id=case.id,
            step=case.step, recipients=tuple(dict.fromkeys([*self.holders(case),
                                                             entry.actor_id])),
            case_type=CASE_TYPE, intent="outcome",
            summary=messages.task_step_closed(case.id, entry.action))

    def closed_sentence(self, case: PasswordTask, step: int) -> str:
        """What became of `step` of the task: done by whom and when, or passed to whom."""
        entry = next((h for h in case.history if h.step == step and h.action in
                      ("done", "pass")), None)
        if entry is None:
            return ""
        if entry.action == "done":
            return messages.task_done_already(case.id, entry, self.time_zone)
        to = self.directory.find(str(entry.details.get("to", "")))
        return messages.task_passed(case.id, to.full_name if to else "another CCT member",
                                    entry, self.time_zone)

    def may_act(self, case: PasswordTask, person_id: str) -> bool:
        """Whether `person_id` may mark the task done now (a button is drawn for them)."""
        return not case.is_final and person_id in self.holders(case)

    def pass_candidates(self, case: PasswordTask, person_id: str) -> list[str]:
        return [p for p in self.directory.cct_leader_first()
                if p not in (person_id, case.assignee)]

    def already_message(self, case: Any, step: int) -> str:
        """A late, double or stale click: what became of the step the person saw (done by
        whom and when, or passed on), else the task's last move."""
        seen = step if self.closed_sentence(case, step) else case.step - 1
        shown = self.closed_sentence(case, seen)
        if not shown:
            return messages.out_of_date(case.id)
        done = any(h.step == seen and h.action == "done" for h in case.history)
        return messages.task_already(shown, done=done)

    def signing_for(self, case: PasswordTask, person_id: str) -> str:
        holder = self.directory.find(case.assignee)
        # The one standing in while the holder is away (time away), else their delegate.
        if holder is not None and holder.id != person_id and \
                self.directory.delegate_of(holder.id) == person_id:
            return holder.id
        return ""

    def visible_to(self, case: PasswordTask, person_id: str) -> bool:
        return person_id in self.holders(case) or person_id in self.directory.cct_members

    def acting_now(self, case: PasswordTask) -> list[str]:
        return [] if case.is_final else self.holders(case)

    def final_message(self, case: PasswordTask) -> str:
        entry = case.done_entry
        return messages.task_done_already(case.id, entry, self.time_zone)

    def action_needed(self, task: PasswordTask, *, intent: str = "first_notice",
                      period: int = 0, waited: int = 0) -> Notification:
        suffix = "action_needed" if intent == "first_notice" else f"{intent}:{period}"
        summary = messages.task_summary(task.id, task.account_label) if intent == \
            "first_notice" else messages.task_reminder(task.id, task.account_label, waited)
        return Notification(
            id=f"{task.id}:{task.step}:{suffix}", kind="action_needed", case_id=task.id,
            step=task.step, recipients=tuple(self.acting_now(task)), case_type=CASE_TYPE,
            intent="first_notice" if intent == "first_notice" else "reminder",
            summary=summary)

    def _names(self, people: list[str]) -> str:
        return ", ".join(self.directory.person(p).full_name for p in people
                         if p in self.directory) or "nobody"


class TaskTable:
    """The tasks' table as the engine saves it: a task marked done is stored together with its
    register entry (the account's password last changed, by whom), in one durable write
    (`AccountStore.save_task_with_account`), so neither is ever kept without the other."""

    ATTEMPTS = 3  # an account changed meanwhile (a grant, an edit): its entry is made again

    def __init__(self, store: AccountStore, register: AccountRegister) -> None:
        self.store = store
        self.register = register

    def next_id(self) -> str:
        return self.store.tasks.next_id()

    def get(self, task_id: str, /) -> PasswordTask | None:
        found: PasswordTask | None = self.store.tasks.get(task_id)
        return found

    def open_cases(self) -> list[PasswordTask]:
        return list(self.store.tasks.open_cases())

    def all(self) -> list[PasswordTask]:
        return list(self.store.tasks.all())

    def save(self, task: PasswordTask, /, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> PasswordTask:
        notes = list(notifications)
        for _ in range(self.ATTEMPTS):
            entry = task.done_entry
            account = self.store.accounts.get(task.account_id) if entry else None
            moved = self.register.password_change(account, entry, task.id) \
                if account is not None and entry is not None else None
            if moved is None:
                saved: PasswordTask = self.store.tasks.save(
                    task, expected_version=expected_version, notifications=notes)
                return saved
            try:
                together: PasswordTask = self.store.save_task_with_account(
                    task, expected_version=expected_version, account=moved,
                    account_version=moved.version, notifications=notes)
                return together
            except ConcurrentUpdate as raced:
                if str(raced) != moved.id:
                    raise  # the task itself moved: the engine answers "already ..."
        raise ConcurrentUpdate(task.id)


class PasswordTasks:
    """What chat, the CLI, the reminders and offboarding call for password tasks."""

    def __init__(self, *, directory: Directory, store: AccountStore, clock: Clock,
                 engine: CaseEngine, register: AccountRegister, time_zone: str) -> None:
        self.directory = directory
        self.store = store
        self.clock = clock
        self.engine = engine
        self.register = register
        self.time_zone = time_zone
        self.cases = PasswordTaskCases(directory=directory,
                                       repository=TaskTable(store, register),
                                       time_zone=time_zone)
        engine.register(self.cases)

    @property
    def repository(self) -> RecordTable[PasswordTask]:
        return self.store.tasks

    def open_for(self, account: Account, person_id: str, *, cause: str, reason: str,
                 source: str) -> PasswordTask:
        """The task to change `account`'s password because `person_id` lost its use through
        `cause`; opened once however often this is called for the same account and cause."""
        for task in self.repository.all():
            if task.account_id == account.id and task.cause == cause:
                return task
        task = PasswordTask(
            id=self.repository.next_id(), account_id=account.id,
            account_label=f"{account.platform} {account.handle}", person_id=person_id,
            cause=cause, reason=reason, assignee=self.directory.cct_team_leader,
            created_at=self.clock.now())
        entry = system_entry(task, "open", source=source, at=task.created_at, comment=reason,
                             details={"account": account.id, "cause": cause})
        task = task.evolve(history=sealed(task.id, (entry,)))
        return save_once(self.repository, task, expected_version=0,
                         notifications=[self.cases.action_needed(task)])

    def done(self, actor: Actor, ref: str, *, step: int | None = None) -> PasswordTask:
        """Mark the password changed: signed on the task and recorded in the register, in one
        write (`TaskTable.save`)."""
        moved: PasswordTask = self.engine.move(CASE_TYPE, actor, normalise_task_id(ref),
                                               Move("done"), step=step)
        return moved

    def pass_to(self, actor: Actor, ref: str, to: str, *, comment: str = "",
                step: int | None = None) -> PasswordTask:
        moved: PasswordTask = self.engine.move(
            CASE_TYPE, actor, normalise_task_id(ref), Move("pass", comment=comment,
                                                             reassign_to=to), step=step)
        return moved

    def reconcile(self) -> int:
        """Done tasks without their register entry get it now. A task and its entry are one
        write since they were made so (`TaskTable`); this finishes tasks done by an earlier
        version, which wrote them one after the other."""
        fixed = 0
        for task in self.repository.all():
            entry = task.done_entry
            if entry is not None:
                account = self.store.accounts.get(task.account_id)
                if account is not None and not any(
                        h.details.get("task") == task.id for h in account.history):
                    self._record_in_register(task)
                    fixed += 1
        return fixed

    def _record_in_register(self, task: PasswordTask) -> None:
        entry = task.done_entry
        if entry is not None:
            self.register.password_changed(task.account_id, entry, task.id)

    def get(self, ref: str) -> PasswordTask:
        task = self.repository.get(normalise_task_id(ref))
        if task is None:
            raise NotFound(messages.no_such_task(ref[:40]))
        return task

    def open_tasks(self) -> list[PasswordTask]:
        return self.repository.open_cases()

    def of_person(self, person_id: str) -> list[PasswordTask]:
        """Open tasks this person holds (or may act on as the CCT Team Leader or a delegate)."""
        return [t for t in self.open_tasks() if person_id in self.cases.acting_now(t)]

    def visible_to(self, person_id: str) -> list[PasswordTask]:
        if person_id in self.directory.cct_members or \
                person_id == self.directory.cct_team_leader:
            return self.open_tasks()
        return self.of_person(person_id)

    def age_days(self, task: PasswordTask) -> float:
        return (self.clock.now() - task.created_at).total_seconds() / 86400

    def rows(self, tasks: list[PasswordTask]) -> list[dict[str, Any]]:
        """Open tasks as rows (the CLI's json, the chat's lists), with their age in days."""
        def name(person_id: str) -> str:
            person = self.directory.find(person_id)
            return person.full_name if person else person_id

        return [{"id": t.id, "account_id": t.account_id, "account": t.account_label,
                 "person": name(t.person_id), "reason": t.reason, "cause": t.cause,
                 "holder": name(t.assignee), "state": t.state,
                 "opened_at": t.created_at.isoformat(),
                 "age_days": round(self.age_days(t), 2)} for t in tasks]


def normalise_task_id(raw: str) -> str:
    """Accept `T-4`, `t4` or `4` for task T-4."""
    text = raw.strip().lstrip("#").upper().removeprefix("T").removeprefix("-")
    return f"T-{int(text)}" if text.isdigit() and len(text) < 10 else raw.strip()
