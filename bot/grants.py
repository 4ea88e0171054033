"""After "access granted": the CCT records which accounts an approved request covers (04.01 a).

When an access request is approved, a *grant* case opens for the CCT, in the same place it
reviews requests: it names accounts from the register (or adds a new one first) and records
them. The employee becomes one of each account's users (a signed "grant" in each account's
history) and is told which accounts they may now use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Self

from bot import messages
from bot.accounts import AccountRegister, RecordTable, system_entry
from bot.audit import Actor, HistoryEntry, sealed
from bot.cases import CaseEngine, Move, Transition
from bot.directory import Directory
from bot.domain import SocialMediaRequest
from bot.errors import FieldErrors, NotFound
from bot.notifications import Notification
from bot.ports import Clock
from bot.workflow import Workflow

CASE_TYPE = "grant"
GRANT_TRANSITIONS: tuple[Transition, ...] = (
    Transition("open", "record", "recorded", by="cct", needs="accounts"),
)


@dataclass(frozen=True)
class AccessGrant:
    id: str                        # "G-n"
    request_id: str
    requester_id: str
    programs: tuple[str, ...]      # what the request asked for (Appendix 2)
    created_at: datetime
    state: str = "open"            # "open" or "recorded"
    step: int = 1
    accounts: tuple[str, ...] = ()  # the accounts recorded
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state == "recorded"

    def evolve(self, **changes: Any) -> Self:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "request_id": self.request_id,
                "requester_id": self.requester_id, "programs": list(self.programs),
                "created_at": self.created_at.isoformat(), "state": self.state,
                "step": self.step, "accounts": list(self.accounts),
                "history": [h.to_record() for h in self.history], "version": self.version}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> AccessGrant:
        return cls(**{**record, "programs": tuple(record["programs"]),
                      "accounts": tuple(record["accounts"]),
                      "created_at": datetime.fromisoformat(record["created_at"]),
                      "history": tuple(HistoryEntry.from_record(h) for h in record["history"])})


class GrantCases:
    name = CASE_TYPE
    transitions = GRANT_TRANSITIONS
    states = frozenset({"open", "recorded"})
    final_states = frozenset({"recorded"})

    def __init__(self, *, directory: Directory, repository: RecordTable[AccessGrant],
                 register: AccountRegister, time_zone: str) -> None:
        self.directory = directory
        self.repository = repository
        self.register = register
        self.time_zone = time_zone

    def table_state(self, case: AccessGrant) -> str:
        return case.state

    def people(self, case: AccessGrant, by: str) -> list[str]:
        return self.directory.cct_leader_first()

    def refused_for(self, case: AccessGrant, person_id: str, transition: Transition) -> str:
        return messages.ONLY_CCT_MANAGES_ACCOUNTS

    def not_possible(self, case: AccessGrant, action: str) -> str:
        return messages.grant_action_unknown(action)

    def apply(self, case: AccessGrant, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[AccessGrant, list[Notification]]:
        refs = [r for r in decision.comment.replace(",", " ").split() if r]
        try:
            accounts = list(dict.fromkeys(self.register.get(r).id for r in refs))
        except NotFound as missing:
            raise FieldErrors({"accounts": str(missing)}) from None
        retired = [a for a in accounts if self.register.get(a).is_final]
        if retired:
            raise FieldErrors({"accounts": messages.account_retired(retired[0])})
        entry = replace(entry, comment="", details={"accounts": ", ".join(accounts)})
        moved = case.evolve(state="recorded", step=case.step + 1, accounts=tuple(accounts),
                            history=(*case.history, entry))
        return moved, [Notification(
            id=f"{case.id}:{moved.step}:recorded", kind="requester_update", case_id=case.id,
            step=moved.step, recipients=(case.requester_id,), case_type=CASE_TYPE,
            intent="outcome", summary=messages.grant_summary(case.id, case.request_id))]

    def already_message(self, case: Any, step: int) -> str:
        entry = next((h for h in case.history if h.step == step and h.seq > 1), None) or \
            (case.history[-1] if len(case.history) > 1 else None)
        if entry is None:
            return messages.out_of_date(case.id)
        return messages.already_decided(case.id, entry, self.time_zone)

    def signing_for(self, case: AccessGrant, person_id: str) -> str:
        return ""

    def visible_to(self, case: AccessGrant, person_id: str) -> bool:
        return person_id in self.directory.cct_leader_first() or person_id == case.requester_id

    def acting_now(self, case: AccessGrant) -> list[str]:
        return [] if case.is_final else self.directory.cct_leader_first()

    def final_message(self, case: AccessGrant) -> str:
        return messages.grant_recorded_already(case.id, ", ".join(case.accounts))


class AccessGrants:
    """Opens a grant case for every approved access request; the CCT records it."""

    def __init__(self, *, directory: Directory, repository: RecordTable[AccessGrant],
                 clock: Clock, engine: CaseEngine, workflow: Workflow,
                 register: AccountRegister, time_zone: str) -> None:
        self.directory = directory
        self.repository = repository
        self.clock = clock
        self.engine = engine
        self.workflow = workflow
        self.register = register
        self.cases = GrantCases(directory=directory, repository=repository, register=register,
                                time_zone=time_zone)
        engine.register(self.cases)

    def on_decided(self, request: SocialMediaRequest) -> None:
        """Called after every decision on a request: an approved access request gets its
        grant case (once)."""
        if request.state == "approved" and request.kind == "access":
            self.open_for(request)

    def open_for(self, request: SocialMediaRequest) -> AccessGrant:
        for grant in self.repository.all():
            if grant.request_id == request.id:
                return grant
        grant = AccessGrant(id=self.repository.next_id(), request_id=request.id,
                            requester_id=request.requester_id, programs=request.programs,
                            created_at=self.clock.now())
        entry = system_entry(grant, "open", source="workflow", at=grant.created_at,
                             details={"request": request.id})
        grant = grant.evolve(history=sealed(grant.id, (entry,)))
        note = Notification(
            id=f"{grant.id}:1:action_needed", kind="action_needed", case_id=grant.id, step=1,
            recipients=tuple(self.directory.cct_leader_first()), audience="cct",
            case_type=CASE_TYPE,
            summary=messages.grant_waiting(grant.id, request.id))
        return self.repository.save(grant, expected_version=0, notifications=[note])

    def catch_up(self) -> int:
        """Approved access requests with no grant case (a crash came between the approval and
        its grant): opened now. Called by the reminder loop."""
        have = {g.request_id for g in self.repository.all()}
        opened = 0
        for request in _approved(self.workflow):
            if request.id not in have:
                self.open_for(request)
                opened += 1
        for grant in self.repository.all():  # recorded, but a crash cut the grants short
            if grant.state == "recorded":
                self._grant_accounts(grant)
        return opened

    def record(self, actor: Actor, ref: str, accounts: list[str], *,
               step: int | None = None) -> AccessGrant:
        """Record the accounts an approved request covers; the employee becomes one of each
        account's users and is told."""
        grant = self.get(ref)
        moved: AccessGrant = self.engine.move(CASE_TYPE, actor, grant.id,
                                              Move("record", comment=" ".join(accounts)),
                                              step=step)
        self._grant_accounts(moved)
        return moved

    def _grant_accounts(self, grant: AccessGrant) -> None:
        """Each recorded account gets the employee as a user, once (a later revoke stays)."""
        entry = next(h for h in reversed(grant.history) if h.action == "record")
        for account_id in grant.accounts:
            account = self.register.get(account_id)
            if not any(h.action == "grant" and h.details.get("request") == grant.request_id
                       for h in account.history):
                self.register.grant_recorded(account_id, grant.requester_id, entry,
                                             request_id=grant.request_id)

    def get(self, ref: str) -> AccessGrant:
        text = ref.strip().upper()
        if text.startswith("R") or text.startswith("#"):
            found = next((g for g in self.repository.all()
                          if g.request_id == _request_id(text)), None)
        else:
            number = text.removeprefix("G").removeprefix("-")
            found = self.repository.get(f"G-{int(number)}") \
                if number.isdigit() and len(number) < 10 else None
        if found is None:
            raise NotFound(messages.no_such_grant(ref[:40]))
        return found

    def open_grants(self) -> list[AccessGrant]:
        return self.repository.open_cases()


def _request_id(text: str) -> str:
    number = text.lstrip("#").removeprefix("R").removeprefix("-")
    return f"R-{int(number)}" if number.isdigit() and len(number) < 10 else text


def _approved(workflow: Workflow) -> list[SocialMediaRequest]:
    everything = getattr(workflow.repository, "all_requests", None)
    if everything is None:
        return []
    return [r for r in everything() if r.state == "approved" and r.kind == "access"]
