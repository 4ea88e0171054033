"""Leaving the City (04.08 a) and revocation for abuse (05) as a case type of the engine.

A departure comes from the CCT in chat, from `socialbot offboard`, from an HR system
(`POST /api/hr/leavers`) or from a directory sync. The first three schedule it (`start`): on
the last day the person is removed from every account's users, a password-change task is
opened for each of those accounts, their open requests are withdrawn, and every stage waiting
on them is handed to their delegate or their supervisor. A directory sync only proposes it
(`propose`): a CCT member confirms or dismisses it, so nobody is ever removed silently.

A revocation (05) is the same removal at once, for the accounts named (or all), with the same
password tasks; the person and their supervisor are told.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Self
from zoneinfo import ZoneInfo

from bot import messages
from bot.accounts import (
    AccountRegister,
    AccountStore,
    RecordTable,
    checked_reason,
    refuse_secrets,
    save_once,
    system_entry,
)
from bot.audit import Actor, HistoryEntry, sealed
from bot.cases import CaseEngine, Move, Transition
from bot.directory import Directory
from bot.domain import SocialMediaRequest
from bot.errors import FieldErrors, NotFound, Refused
from bot.notifications import Notification
from bot.ports import Clock
from bot.tasks import PasswordTasks
from bot.workflow import Workflow

CASE_TYPE = "offboarding"
OPEN_STATES = ("proposed", "scheduled")
FINAL_STATES = ("executed", "dismissed", "cancelled")
SOURCES = ("chat", "cli", "hr", "directory", "console", "slack", "teams")
OFFBOARDING_TRANSITIONS: tuple[Transition, ...] = (
    Transition("proposed", "confirm", "scheduled", by="cct"),
    Transition("proposed", "dismiss", "dismissed", by="cct", needs="reason"),
    Transition("scheduled", "cancel", "cancelled", by="cct", needs="reason"),
)


@dataclass(frozen=True)
class OffboardingCase:
    id: str                          # "O-n"
    person_id: str
    kind: str                        # "leaving" or "revocation" (05)
    reason: str
    source: str                      # where it came from: chat, cli, hr, directory
    created_at: dt.datetime
    last_day: dt.date | None = None  # None while proposed: the CCT sets it when confirming
    state: str = "scheduled"
    step: int = 1
    accounts: tuple[str, ...] = ()   # what it removed the person from (once executed)
    tasks: tuple[str, ...] = ()      # the password tasks it opened
    withdrawn: tuple[str, ...] = ()  # the person's requests it withdrew
    handed: tuple[str, ...] = ()     # requests whose waiting stage it handed to someone else
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_STATES

    def evolve(self, **changes: Any) -> Self:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "person_id": self.person_id, "kind": self.kind,
                "reason": self.reason, "source": self.source,
                "created_at": self.created_at.isoformat(),
                "last_day": self.last_day.isoformat() if self.last_day else None,
                "state": self.state, "step": self.step, "accounts": list(self.accounts),
                "tasks": list(self.tasks), "withdrawn": list(self.withdrawn),
                "handed": list(self.handed),
                "history": [h.to_record() for h in self.history], "version": self.version}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> OffboardingCase:
        last_day = record.get("last_day")
        return cls(**{
            **record, "created_at": dt.datetime.fromisoformat(record["created_at"]),
            "last_day": dt.date.fromisoformat(last_day) if last_day else None,
            **{k: tuple(record[k]) for k in ("accounts", "tasks", "withdrawn", "handed")},
            "history": tuple(HistoryEntry.from_record(h) for h in record["history"])})


class OffboardingCases:
    """The case type: the CCT confirms or dismisses a proposal, or cancels a scheduled one."""

    name = CASE_TYPE
    transitions = OFFBOARDING_TRANSITIONS
    states = frozenset({*OPEN_STATES, *FINAL_STATES})
    final_states = frozenset(FINAL_STATES)

    def __init__(self, *, directory: Directory, repository: RecordTable[OffboardingCase],
                 time_zone: str) -> None:
        self.directory = directory
        self.repository = repository
        self.time_zone = time_zone

    def table_state(self, case: OffboardingCase) -> str:
        return case.state

    def people(self, case: OffboardingCase, by: str) -> list[str]:
        return [p for p in self.directory.cct_leader_first() if p != case.person_id]

    def refused_for(self, case: OffboardingCase, person_id: str, transition: Transition) -> str:
        return messages.ONLY_CCT_OFFBOARDS

    def not_possible(self, case: OffboardingCase, action: str) -> str:
        return messages.offboarding_action_not_possible(action, case.state)

    def apply(self, case: OffboardingCase, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[OffboardingCase, list[Notification]]:
        moved = case.evolve(state=transition.target, step=case.step + 1,
                            history=(*case.history, entry))
        if transition.action == "confirm":
            try:
                moved = moved.evolve(last_day=dt.date.fromisoformat(entry.comment))
            except ValueError:
                raise FieldErrors({"last_day": messages.BAD_DATE}) from None
        return moved, []

    def already_message(self, case: Any, step: int) -> str:
        entry = next((h for h in case.history if h.step == step and h.seq > 1), None) or \
            (case.history[-1] if len(case.history) > 1 else None)
        if entry is None:
            return messages.out_of_date(case.id)
        return messages.already_decided(case.id, entry, self.time_zone)

    def signing_for(self, case: OffboardingCase, person_id: str) -> str:
        return ""

    def visible_to(self, case: OffboardingCase, person_id: str) -> bool:
        return person_id in self.directory.cct_leader_first()

    def acting_now(self, case: OffboardingCase) -> list[str]:
        return self.people(case, "cct") if case.state == "proposed" else []

    def final_message(self, case: OffboardingCase) -> str:
        return messages.offboarding_final(case.id, case.state)


class Offboarding:
    """The entry point for departures and revocations (`services.offboarding`)."""

    def __init__(self, *, directory: Directory, store: AccountStore, clock: Clock,
                 engine: CaseEngine, workflow: Workflow, register: AccountRegister,
                 tasks: PasswordTasks, time_zone: str) -> None:
        self.directory = directory
        self.store = store
        self.clock = clock
        self.engine = engine
        self.workflow = workflow
        self.register = register
        self.tasks = tasks
        self.zone = ZoneInfo(time_zone)
        self.cases = OffboardingCases(directory=directory, repository=store.offboardings,
                                      time_zone=time_zone)
        engine.register(self.cases)

    @property
    def repository(self) -> RecordTable[OffboardingCase]:
        return self.store.offboardings

    def today(self) -> dt.date:
        return self.clock.now().astimezone(self.zone).date()

    # -- the contract the directory sync and the HR feed rely on --------------------------------

    def start(self, person_id: str, *, reason: str, last_day: dt.date | None, source: str,
              actor: Actor | None = None) -> OffboardingCase:
        """Schedule `person_id`'s departure on `last_day` (None: today); it executes on that
        day. Idempotent for the same person and day; a proposal for them is confirmed by it."""
        person = self.resolve(person_id)
        reason = checked_reason(reason)
        if actor is not None:
            self._check_cct(actor, person)
        day = last_day or self.today()
        for case in self._cases_of(person, kind="leaving"):
            if case.state == "executed" and case.last_day == day:
                return case
            if case.state == "scheduled" and case.last_day == day:
                return self.run_if_due(case)
            if case.state in OPEN_STATES:
                action = "confirm" if case.state == "proposed" else "reschedule"
                entry = self._entry(case, actor, action, source, comment=reason,
                                    details={"last_day": day.isoformat()})
                case = self._save(case.evolve(state="scheduled", last_day=day,
                                              step=case.step + 1), entry, case.version)
                return self.run_if_due(case)
        case = OffboardingCase(id=self.repository.next_id(), person_id=person, kind="leaving",
                               reason=reason, source=source, created_at=self.clock.now(),
                               last_day=day)
        entry = self._entry(case, actor, "schedule", source, comment=reason,
                            details={"last_day": day.isoformat()})
        case = self._save(case, entry, 0, [self._notice(case, "scheduled", self._cct_told())])
        return self.run_if_due(case)

    def propose(self, person_id: str, *, reason: str, source: str) -> OffboardingCase:
        """A departure a directory sync noticed: opened for the CCT to confirm or dismiss,
        never executed on its own. Idempotent while one is open for the person."""
        person = self.resolve(person_id)
        reason = checked_reason(reason)
        for case in self._cases_of(person, kind="leaving"):
            if case.state in OPEN_STATES:
                return case
        case = OffboardingCase(id=self.repository.next_id(), person_id=person, kind="leaving",
                               reason=reason, source=source, created_at=self.clock.now(),
                               state="proposed")
        entry = self._entry(case, None, "propose", source, comment=reason)
        notice = self._notice(case, "proposed", self.directory.cct_leader_first(),
                              audience="cct")
        return self._save(case, entry, 0, [notice])

    # -- the CCT's decisions on a case ----------------------------------------------------------

    def confirm(self, actor: Actor, ref: str, *, last_day: dt.date | None = None
                ) -> OffboardingCase:
        case = self.get(ref)
        day = last_day or self.today()
        moved: OffboardingCase = self.engine.move(CASE_TYPE, actor, case.id,
                                                  Move("confirm", comment=day.isoformat()))
        return self.run_if_due(moved)

    def dismiss(self, actor: Actor, ref: str, reason: str) -> OffboardingCase:
        refuse_secrets({"reason": reason})
        moved: OffboardingCase = self.engine.move(CASE_TYPE, actor, self.get(ref).id,
                                                  Move("dismiss", comment=reason))
        return moved

    def cancel(self, actor: Actor, ref: str, reason: str) -> OffboardingCase:
        refuse_secrets({"reason": reason})
        moved: OffboardingCase = self.engine.move(CASE_TYPE, actor, self.get(ref).id,
                                                  Move("cancel", comment=reason))
        return moved

    # -- revocation for abuse (05) --------------------------------------------------------------

    def revoke(self, actor: Actor, person_id: str, *, reason: str,
               accounts: Iterable[str] | None = None, source: str = "chat") -> OffboardingCase:
        """Remove `person_id` from the accounts named (None: all of theirs) at once, open a
        password task for each, and tell the person and their supervisor."""
        person = self.resolve(person_id)
        reason = checked_reason(reason)
        self._check_cct(actor, person)
        theirs = {a.id: a for a in self.register.of_person(person)}
        if accounts is None:
            chosen = list(theirs)
        else:
            chosen = [self.register.get(ref).id for ref in accounts]
            not_theirs = [a for a in chosen if a not in theirs]
            if not_theirs:
                raise FieldErrors({"accounts": messages.not_a_user_of(not_theirs)})
        if not chosen:
            raise Refused(messages.NO_ACCOUNTS_TO_REVOKE)
        case = OffboardingCase(id=self.repository.next_id(), person_id=person,
                               kind="revocation", reason=reason, source=source,
                               created_at=self.clock.now(), last_day=self.today())
        entry = self._entry(case, actor, "revoke", source, comment=reason,
                            details={"accounts": ", ".join(chosen)})
        case = self._save(case, entry, 0)
        return self._execute(case, chosen, told=self._person_and_supervisor(person),
                             actor=actor)

    # -- on the last day ------------------------------------------------------------------------

    def run_due(self) -> list[OffboardingCase]:
        """Execute every scheduled departure whose last day has come (the reminder loop calls
        this), and hand on what reached someone who has left since; safe to repeat, and to
        resume after a crash."""
        executed = [self.run_if_due(c) for c in self.repository.open_cases()
                    if c.state == "scheduled" and c.last_day and c.last_day <= self.today()]
        self.hand_on_waiting()
        return executed

    def run_if_due(self, case: OffboardingCase) -> OffboardingCase:
        if case.state != "scheduled" or case.last_day is None or case.last_day > self.today():
            return case
        accounts = [a.id for a in self.register.of_person(case.person_id)]
        return self._execute(case, accounts, told=self._leaving_told(case.person_id))

    def _execute(self, case: OffboardingCase, account_ids: list[str], *,
                 told: list[str], actor: Actor | None = None) -> OffboardingCase:
        """Every step is idempotent (a task per account and case, a revoke of a user who is no
        longer one changes nothing), so a pass that stopped half way is finished by the next."""
        source = case.source
        why = messages.task_reason(case.kind, case.reason)
        tasks = []
        for account_id in account_ids:
            account = self.register.get(account_id)
            task = self.tasks.open_for(account, case.person_id, cause=case.id, reason=why,
                                       source=source)
            self.register.revoke(actor, account_id, case.person_id, why, source=source,
                                 case_id=case.id)
            tasks.append(task.id)
        withdrawn: list[str] = []
        handed: list[str] = []
        if case.kind == "leaving":
            withdrawn, handed = self._close_their_requests(case)
        current = self.get(case.id)
        if current.is_final:
            return current
        entry = self._entry(current, None, "execute", source,
                            details={"accounts": ", ".join(account_ids),
                                     "tasks": ", ".join(tasks),
                                     "withdrawn": ", ".join(withdrawn),
                                     "handed": ", ".join(handed)})
        executed = current.evolve(state="executed", step=current.step + 1,
                                  accounts=tuple(account_ids), tasks=tuple(tasks),
                                  withdrawn=tuple(withdrawn), handed=tuple(handed))
        return self._save(executed, entry, current.version,
                          [self._notice(executed, "executed", told)])

    def _close_their_requests(self, case: OffboardingCase) -> tuple[list[str], list[str]]:
        person = case.person_id
        at = self.clock.now()
        withdrawn = []
        for request in self.workflow.requests_of(person):
            if not request.is_final:
                entry = system_entry(request, "withdraw", source=case.source, at=at,
                                     comment=messages.withdrawn_on_leaving(case.id))
                self.workflow.close_for_departure(request.id, entry)
                withdrawn.append(request.id)
        handed = []
        for request in self.workflow.waiting_on(person):
            to = self.workflow.successor_for(request, person,
                                             gone=frozenset(self.departed()))
            if to is None:
                continue
            entry = system_entry(request, "reassign", source=case.source, at=at,
                                 comment=messages.handed_on_leaving(
                                     self.directory.signature(to), case.id))
            self.workflow.hand_over(request.id, person, to, entry)
            handed.append(request.id)
        return withdrawn, handed

    # -- nothing waits on someone who has left -----------------------------------------------

    def departed(self) -> set[str]:
        """People whose departure was carried out."""
        return {c.person_id for c in self.repository.all()
                if c.kind == "leaving" and c.state == "executed"}

    def on_request_moved(self, request: SocialMediaRequest) -> None:
        """A request filed or moved into a stage whose signer has left: handed on at once."""
        if request.is_final:
            return
        waiting = set(self.workflow.current_approvers(request))
        for person in waiting & self.departed():
            self._hand_on(request, person, self._last_case_of(person))

    def hand_on_waiting(self) -> int:
        """Every open request waiting on someone who has left (the reminder pass)."""
        handed = 0
        for person in self.departed():
            for request in self.workflow.waiting_on(person):
                handed += self._hand_on(request, person, self._last_case_of(person))
        return handed

    def _hand_on(self, request: SocialMediaRequest, person: str, case: OffboardingCase) -> int:
        if request.id not in {r.id for r in self.workflow.waiting_on(person)}:
            return 0
        to = self.workflow.successor_for(request, person, gone=frozenset(self.departed()))
        if to is None:
            return 0
        entry = system_entry(request, "reassign", source=case.source, at=self.clock.now(),
                             comment=messages.handed_on_leaving(self.directory.signature(to),
                                                                case.id))
        self.workflow.hand_over(request.id, person, to, entry)
        return 1

    def _last_case_of(self, person: str) -> OffboardingCase:
        return [c for c in self._cases_of(person, kind="leaving") if c.state == "executed"][-1]

    # -- reading --------------------------------------------------------------------------------

    def get(self, ref: str) -> OffboardingCase:
        text = ref.strip().upper().removeprefix("O").removeprefix("-")
        found = self.repository.get(f"O-{int(text)}") if text.isdigit() and len(text) < 10 \
            else None
        if found is None:
            raise NotFound(messages.no_such_offboarding(ref[:40]))
        return found

    def open_cases(self) -> list[OffboardingCase]:
        return self.repository.open_cases()

    def resolve(self, who: str) -> str:
        """A person id, or the e-mail address of someone in the directory."""
        text = (who or "").strip()
        if text in self.directory:
            return text
        if "@" in text:
            for person in self.directory:
                if person.email.lower() == text.lower():
                    return person.id
        raise NotFound(messages.no_such_person(text[:80], []))

    # -- helpers --------------------------------------------------------------------------------

    def _cases_of(self, person_id: str, *, kind: str) -> list[OffboardingCase]:
        return [c for c in self.repository.all() if c.person_id == person_id and c.kind == kind]

    def _check_cct(self, actor: Actor, person: str) -> None:
        if actor.person_id not in self.directory.cct_leader_first():
            raise Refused(messages.ONLY_CCT_OFFBOARDS)
        if actor.person_id == person:
            raise Refused(messages.NOT_YOURSELF)

    def _entry(self, case: OffboardingCase, actor: Actor | None, action: str, source: str, *,
               comment: str = "", details: Mapping[str, str] | None = None) -> HistoryEntry:
        if actor is None:
            return system_entry(case, action, source=source, at=self.clock.now(),
                                comment=comment, details=details)
        entry: HistoryEntry = self.engine.sign(case, actor, action, comment=comment)
        return replace(entry, details={k: v for k, v in (details or {}).items() if v})

    def _save(self, case: OffboardingCase, entry: HistoryEntry, expected_version: int,
              notifications: Iterable[Notification] = ()) -> OffboardingCase:
        moved = case.evolve(history=sealed(case.id, (*case.history, entry)))
        return save_once(self.repository, moved, expected_version=expected_version,
                         notifications=notifications)

    def _cct_told(self) -> list[str]:
        return [self.directory.cct_team_leader]

    def _leaving_told(self, person_id: str) -> list[str]:
        supervisor = self.directory.person(person_id).supervisor
        return list(dict.fromkeys([self.directory.cct_team_leader,
                                   *([supervisor] if supervisor else [])]))

    def _person_and_supervisor(self, person_id: str) -> list[str]:
        supervisor = self.directory.person(person_id).supervisor
        return [person_id, *([supervisor] if supervisor else [])]

    def _notice(self, case: OffboardingCase, what: str, told: list[str], *,
                audience: str = "") -> Notification:
        return Notification(
            id=f"{case.id}:{case.step}:{what}", kind="requester_update", case_id=case.id,
            step=case.step, recipients=tuple(told), case_type=CASE_TYPE, audience=audience,
            intent="first_notice" if what == "proposed" else "outcome",
            summary=messages.offboarding_summary(case.id, case.kind, what))

