"""What the register's duties tell people, rendered from the case's current state when a
channel delivers it (so a retried delivery never shows stale news): password tasks, grants to
record, departures and revocations. The channels (console, Slack, Teams) call `sentence`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import messages
from bot.accounts import AccountRegister
from bot.directory import Directory
from bot.grants import CASE_TYPE as GRANT
from bot.grants import AccessGrants
from bot.notifications import Notification
from bot.offboarding import CASE_TYPE as OFFBOARDING
from bot.offboarding import Offboarding
from bot.tasks import CASE_TYPE as TASK
from bot.tasks import PasswordTask, PasswordTasks

CASE_TYPES = frozenset({TASK, OFFBOARDING, GRANT})


@dataclass(frozen=True)
class AccountDuties:
    """The register and its duties, as the chat adapters use them."""

    register: AccountRegister
    tasks: PasswordTasks
    offboarding: Offboarding
    grants: AccessGrants

    @property
    def directory(self) -> Directory:
        return self.register.directory

    def delivers(self, note: Notification) -> bool:
        return note.case_type in CASE_TYPES

    def sentence(self, note: Notification, person_id: str) -> str:
        """What `person_id` reads for `note` now ("" when nothing needs saying any more)."""
        if note.case_type == TASK:
            task = self.tasks.repository.get(note.case_id)
            if task is None or task.is_final or task.step != note.step:
                return ""
            return messages.task_notice(task.id, task.account_label, self._name(task.person_id),
                                        task.reason, reminder=note.intent == "reminder")
        if note.case_type == GRANT:
            grant = self.grants.repository.get(note.case_id)
            if grant is None:
                return ""
            if note.kind == "action_needed":
                if grant.is_final:
                    return ""
                return messages.grant_notice(grant.request_id, self._name(grant.requester_id),
                                             ", ".join(grant.programs))
            labels = [self._label(a) for a in grant.accounts]
            return messages.access_granted_notice(grant.request_id, labels)
        if note.case_type == OFFBOARDING:
            case = self.offboarding.repository.get(note.case_id)
            if case is None:
                return ""
            name = self._name(case.person_id)
            if note.id.endswith(":proposed"):
                return "" if case.state != "proposed" else \
                    messages.offboarding_proposed_notice(case.id, name, case.reason)
            if note.id.endswith(":scheduled"):
                day = case.last_day.isoformat() if case.last_day else ""
                return messages.offboarding_scheduled_notice(case.id, name, day)
            labels = [self._label(a) for a in case.accounts]
            if case.kind == "revocation":
                return messages.revocation_notice(labels, case.reason, you=person_id ==
                                                  case.person_id, name=name)
            return messages.departure_done_notice(case.id, name, labels, len(case.withdrawn),
                                                  len(case.handed))
        return ""

    # -- password tasks' "Mark done" button (Slack and Teams) -----------------------------------

    def task_to_mark(self, note: Notification, person_id: str) -> PasswordTask | None:
        """The open task a notice asks `person_id` to mark done (its button is drawn), or None:
        not a task's notice, the step is over, or they may not act on it ("" is a shared
        channel's copy: the engine decides who may click)."""
        if note.case_type != TASK or note.kind != "action_needed":
            return None
        task = self.tasks.repository.get(note.case_id)
        if task is None or task.is_final or task.step != note.step:
            return None
        return task if not person_id or self.tasks.cases.may_act(task, person_id) else None

    def closed_task_sentence(self, note: Notification) -> str:
        """What a task notice's copies say once its step is over (done, or passed on)."""
        task = self.tasks.repository.get(note.case_id) if note.case_type == TASK else None
        return self.tasks.cases.closed_sentence(task, note.step) if task else ""

    def _name(self, person_id: str) -> str:
        person = self.directory.find(person_id)
        return person.full_name if person else person_id

    def _label(self, account_id: str) -> str:
        account = self.register.store.accounts.get(account_id)
        return f"{account.platform} {account.handle}" if account else account_id
