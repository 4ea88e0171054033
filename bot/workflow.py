"""Access and promotion requests (Appendix 2, 06.01-06.02) as a case type of the engine.

`REQUEST_TRANSITIONS` is the whole state machine, keyed by the kind of the stage a request is
in. `RequestCases` says who each row's `by` names (the stage's approvers, the requester), what
a move changes (the next stage, the SOP, a reassignment) and whom it tells. `Workflow` is what
the adapters call: filing the form, deciding (through the engine), and the questions every
channel asks (who acts next, who may see a request, whom a stage may be handed to).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot import messages
from bot.audit import Actor, HistoryEntry
from bot.cases import CaseEngine, Move, Transition
from bot.chains import STAGES, Stage
from bot.directory import Directory
from bot.domain import (
    TERMINAL_STATES,
    EmployeeDetails,
    PrivacyConsent,
    RequestKind,
    SocialMediaRequest,
    Sop,
)
from bot.errors import AlreadyDecided, CaseError, FieldErrors, NotFound, Refused
from bot.form import validate, with_identity
from bot.limits import MAX_LINK, MAX_SOP
from bot.notifications import Notification
from bot.ports import Clock, RequestRepository

__all__ = ["ACTIONS", "REQUEST_TRANSITIONS", "Action", "Actor", "AlreadyDecided", "Move",
           "NotFound", "Refused", "RequestCases", "Workflow", "WorkflowError",
           "WorkflowSettings"]

WorkflowError = CaseError
Action = Literal["approve", "reject", "request_changes", "submit_sop", "withdraw", "reassign"]
ACTIONS: tuple[Action, ...] = (
    "approve", "reject", "request_changes", "submit_sop", "withdraw", "reassign",
)
CASE_TYPE = "request"


def _every_open_stage(action: str, target: str, by: str) -> tuple[Transition, ...]:
    return tuple(Transition(kind, action, target, by)
                 for kind in ("approval", "sop_draft", "sop_review", "sop_approval")
                 if not (action == "reassign" and kind == "sop_draft"))


# (stage kind, action) -> target. "next" is the chain's next stage ("approved" after the last).
REQUEST_TRANSITIONS: tuple[Transition, ...] = (
    Transition("approval", "approve", "next", by="stage"),
    Transition("approval", "reject", "rejected", by="stage", needs="reason"),
    Transition("sop_draft", "submit_sop", "next", by="stage"),
    Transition("sop_review", "approve", "next", by="stage"),
    Transition("sop_review", "request_changes", "sop_draft", by="stage", needs="comments"),
    Transition("sop_approval", "approve", "next", by="stage"),
    Transition("sop_approval", "request_changes", "sop_draft", by="stage", needs="comments"),
    Transition("sop_approval", "reject", "rejected", by="stage", needs="reason"),
    # The SOP draft is the requester's own: it cannot be handed to anyone else.
    *_every_open_stage("reassign", "stay", by="stage"),
    *_every_open_stage("withdraw", "withdrawn", by="requester"),
)


@dataclass(frozen=True)
class WorkflowSettings:
    chains: Mapping[str, list[str]]
    programs: list[str]
    privacy_notice: str
    self_approval: Literal["escalate", "refuse"] = "escalate"
    time_zone: str = "America/Toronto"


class RequestCases:
    """The request case type: the table above, who may act, and what each move tells whom."""

    name = CASE_TYPE
    transitions = REQUEST_TRANSITIONS
    states = frozenset({"approval", "sop_draft", "sop_review", "sop_approval",
                        *TERMINAL_STATES})
    final_states = frozenset(TERMINAL_STATES)

    def __init__(self, *, directory: Directory, repository: RequestRepository, clock: Clock,
                 settings: WorkflowSettings) -> None:
        self.directory = directory
        self.repository = repository
        self.clock = clock
        self.settings = settings

    # -- the engine's questions ---------------------------------------------------------------

    def table_state(self, case: SocialMediaRequest) -> str:
        return case.state if case.is_final else STAGES[case.state].kind

    def people(self, case: SocialMediaRequest, by: str) -> list[str]:
        if by == "requester":
            return [case.requester_id]
        return self.approvers(case, STAGES[case.state])

    def refused_for(self, case: SocialMediaRequest, person_id: str, transition: Transition) -> str:
        if transition.action == "withdraw":
            return messages.only_requester_withdraws()
        if person_id == case.requester_id:
            return messages.no_self_approval()
        stage = STAGES[case.state]
        return messages.not_your_stage(stage.title, self._names(self.approvers(case, stage)))

    def not_possible(self, case: SocialMediaRequest, action: str) -> str:
        stage = STAGES[case.state]
        if action == "reassign" and stage.role == "requester":
            return messages.cannot_reassign_sop_draft()
        return messages.action_not_at_stage(action, stage.title)

    def final_message(self, case: SocialMediaRequest) -> str:
        return messages.request_final(case)

    def already_message(self, case: SocialMediaRequest, step: int) -> str:
        entry = case.entry_for_step(step) or (case.history[-1] if case.history else None)
        if entry is None:
            return messages.out_of_date(case.id)
        return messages.already_decided(case.id, entry, self.settings.time_zone)

    def visible_to(self, case: SocialMediaRequest, person_id: str) -> bool:
        """The form holds personal information: its requester, the people in its chain
        (delegates and reassigned approvers included), the CCT and the department's director."""
        return person_id in self.readers(case)

    def readers(self, case: SocialMediaRequest) -> set[str]:
        readers = {case.requester_id, *self.directory.cct_members,
                   *(h.actor_id for h in case.history), *self.acting_now(case)}
        if case.assignee:
            readers.update(self.directory.acting_for(case.assignee))
        department = self.directory.find(case.requester_id)
        if department is not None and department.department in self.directory.department_ids():
            readers.add(self.directory.director_of(department.department))
        for stage_name in case.chain:
            stage = STAGES[stage_name]
            if stage.role != "cct":
                readers.update(self.approvers(case, stage))
        return readers

    def acting_now(self, case: SocialMediaRequest) -> list[str]:
        return [] if case.is_final else self.approvers(case, STAGES[case.state])

    def apply(self, case: SocialMediaRequest, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[SocialMediaRequest, list[Notification]]:
        if transition.action == "reassign":
            return self._reassign(case, entry, decision)
        if transition.action == "submit_sop":
            case = case.evolve(sop=self._sop(case, decision))
        target = self._next_state(case) if transition.target == "next" else transition.target
        moved = case.evolve(state=target, step=case.step + 1, assignee=None,
                            history=(*case.history, entry))
        notes = [self._step_closed(case), self._requester_update(moved, entry.action)]
        if not moved.is_final:
            notes.append(self.action_needed(moved))
        return moved, notes

    # -- what a move changes --------------------------------------------------------------------

    def _next_state(self, request: SocialMediaRequest) -> str:
        index = request.chain.index(request.state)
        return request.chain[index + 1] if index + 1 < len(request.chain) else "approved"

    def _reassign(self, request: SocialMediaRequest, entry: HistoryEntry,
                  decision: Move) -> tuple[SocialMediaRequest, list[Notification]]:
        to = decision.reassign_to
        candidates = self.reassign_candidates(request, entry.actor_id)
        if to not in candidates:
            shown = self.directory.person(to).full_name if to in self.directory else repr(to)
            raise Refused(messages.cannot_reassign_to(shown, self._names(candidates)))
        entry = entry if entry.comment else \
            _with_comment(entry, f"Reassigned to {self.directory.signature(to)}")
        moved = request.evolve(step=request.step + 1, assignee=to,
                               history=(*request.history, entry))
        notes = [self._step_closed(request), self.action_needed(moved),
                 self._requester_update(moved, "reassign")]
        return moved, notes

    def _sop(self, request: SocialMediaRequest, decision: Move) -> Sop:
        text = decision.sop_text.strip()
        link = decision.sop_link.strip()
        errors: dict[str, str] = {}
        if not text:
            errors["sop_text"] = "The SOP text is required."
        elif len(text) > MAX_SOP:
            errors["sop_text"] = f"Keep the SOP to {MAX_SOP} characters (you wrote {len(text)})."
        if link and (len(link) > MAX_LINK or not link.startswith(("https://", "http://"))
                     or any(c.isspace() or c in '<>"|' for c in link)):
            errors["sop_link"] = "The link must be a web address starting with https://."
        if errors:
            raise FieldErrors(errors)
        revision = request.sop.revision + 1 if request.sop else 1
        return Sop(text, link or None, revision, self.clock.now())

    # -- who may act ------------------------------------------------------------------------------

    def approvers(self, request: SocialMediaRequest, stage: Stage) -> list[str]:
        """Everyone who may act on `stage` of `request` now; never the requester for approvals."""
        requester = request.requester_id
        if stage.role == "requester":
            return [requester]
        if request.assignee and stage.name == request.state:
            return [p for p in self.directory.acting_for(request.assignee) if p != requester]
        if stage.role == "cct":
            eligible = [m for m in self.directory.cct_members if m != requester]
        else:
            base = self._default_approver(request, stage)
            eligible = ([p for p in self.directory.acting_for(base) if p != requester]
                        if base else [])
        if eligible or self.settings.self_approval == "refuse":
            return eligible
        return self._escalation(requester)[:1]

    def _escalation(self, requester: str) -> list[str]:
        """Who signs when only the requester could: their delegate, the line above them, and at
        the top of the organisation (the CAO) the CCT Team Leader and the line above her."""
        leader = self.directory.cct_team_leader
        pool = [*self.directory.acting_for(requester)[1:], *self.directory.line_above(requester)]
        if leader in self.directory:
            pool += [leader, *self.directory.line_above(leader)]
        return [p for p in dict.fromkeys(pool) if p != requester]

    def _default_approver(self, request: SocialMediaRequest, stage: Stage) -> str | None:
        requester = self.directory.person(request.requester_id)
        if stage.role == "supervisor":
            return requester.supervisor
        return self.directory.director_of(requester.department)

    def reassign_candidates(self, request: SocialMediaRequest, person_id: str) -> list[str]:
        """Eligible people the current stage may be handed to (not the requester, not oneself)."""
        if request.is_final:
            return []
        stage = STAGES[request.state]
        if stage.role == "requester":
            return []
        if stage.role == "cct":
            pool = list(self.directory.cct_members)
        else:
            base = self._default_approver(request, stage)
            pool = [base, *self.directory.line_above(base)] if base else []
            pool += [p.delegate for p in map(self.directory.person, list(pool)) if p.delegate]
        unwanted = {request.requester_id, person_id}
        return [p for p in dict.fromkeys(pool) if p and p not in unwanted]

    # -- what a move tells whom -------------------------------------------------------------------

    def action_needed(self, request: SocialMediaRequest) -> Notification:
        stage = STAGES[request.state]
        audience = "cct" if stage.role == "cct" and not request.assignee else ""
        return Notification(
            id=f"{request.id}:{request.step}:action_needed", kind="action_needed",
            case_id=request.id, step=request.step, case_type=CASE_TYPE,
            recipients=tuple(self.approvers(request, stage)), audience=audience,
            summary=f"{request.id} waits for {stage.title}",
        )

    def _step_closed(self, request: SocialMediaRequest) -> Notification:
        return Notification(
            id=f"{request.id}:{request.step}:step_closed", kind="step_closed",
            case_id=request.id, step=request.step, case_type=CASE_TYPE, recipients=(),
            intent="outcome", summary=f"{request.id} step {request.step} closed",
        )

    def _requester_update(self, request: SocialMediaRequest, action: str) -> Notification:
        return Notification(
            id=f"{request.id}:{request.step}:requester_update", kind="requester_update",
            case_id=request.id, step=request.step, case_type=CASE_TYPE,
            recipients=(request.requester_id,), intent="outcome",
            summary=f"{request.id}: {action}; now {request.state}",
        )

    def _names(self, people: list[str]) -> str:
        return ", ".join(self.directory.person(p).full_name for p in people) or "nobody"


class Workflow:
    """What adapters call for requests: file, decide, and ask who may do what."""

    def __init__(self, *, directory: Directory, repository: RequestRepository, clock: Clock,
                 settings: WorkflowSettings, engine: CaseEngine | None = None) -> None:
        self.directory = directory
        self.repository = repository
        self.clock = clock
        self.settings = settings
        self.cases = RequestCases(directory=directory, repository=repository, clock=clock,
                                  settings=settings)
        self.engine = engine or CaseEngine(directory=directory, clock=clock,
                                           refusals=repository)
        self.engine.register(self.cases)

    # -- filing -----------------------------------------------------------------------------

    def submit(self, actor: Actor, raw_form: Mapping[str, Any],
               kind: RequestKind = "access") -> SocialMediaRequest:
        """Validate the Appendix 2 form and file it; FieldErrors or Refused store nothing."""
        requester = self.directory.find(actor.person_id)
        if requester is None:
            raise Refused(messages.not_in_directory(actor.person_id))
        form = validate(with_identity(raw_form, requester), self.directory,
                        self.settings.programs)
        now = self.clock.now()
        chain = tuple(self.settings.chains[kind])
        draft = SocialMediaRequest(
            id="R-0", kind=kind, requester_id=requester.id,
            employee=EmployeeDetails(form.first_name, form.last_name, form.department,
                                     form.division, form.section, form.status),
            programs=form.programs, promote_department=form.promote_department,
            initiative=form.initiative,
            consent=PrivacyConsent(self.settings.privacy_notice, now),
            chain=chain, state=chain[0], step=1, created_at=now,
        )
        for stage_name, signers in self.planned_signers(requester.id, kind):
            if not signers:
                raise Refused(messages.no_eligible_approver(STAGES[stage_name].title))
        request = draft.evolve(id=self.repository.next_id())
        entry = self.engine.sign(request, actor, "submit", stage="employee")
        request = request.evolve(history=(_with_step(entry, 0),))
        notes = [self.cases.action_needed(request),
                 self.cases._requester_update(request, "submitted")]
        return self.repository.save(request, expected_version=0, notifications=notes)

    def planned_signers(self, person_id: str,
                        kind: RequestKind = "access") -> list[tuple[str, list[str]]]:
        """(stage, who may sign it) for each stage of the chain a request by `person_id`
        would follow; told before the form so nobody types it in vain."""
        chain = tuple(self.settings.chains[kind])
        draft = SocialMediaRequest(
            id="R-0", kind=kind, requester_id=person_id,
            employee=EmployeeDetails("", "", "", "", "", "full_time"), programs=(),
            promote_department="", initiative="",
            consent=PrivacyConsent(self.settings.privacy_notice, self.clock.now()),
            chain=chain, state=chain[0], step=1, created_at=self.clock.now(),
        )
        return [(name, self.approvers(draft, STAGES[name])) for name in chain]

    def who_will_approve(self, person_id: str, kind: RequestKind = "access") -> str:
        """One sentence naming who signs each stage, or why nobody can."""
        plan = [(STAGES[name].title, [self.directory.person(p).full_name for p in people])
                for name, people in self.planned_signers(person_id, kind)
                if STAGES[name].role != "requester"]
        return messages.who_will_approve(plan)

    # -- deciding ---------------------------------------------------------------------------

    def decide(self, actor: Actor, request_id: str, decision: Move,
               *, step: int | None = None) -> SocialMediaRequest:
        """Apply one decision exactly once. `step` is the step the person saw (from a button)."""
        moved: SocialMediaRequest = self.engine.move(CASE_TYPE, actor, normalise_id(request_id),
                                                decision, step=step)
        return moved

    def get(self, request_id: str) -> SocialMediaRequest:
        request = self.repository.get(normalise_id(request_id))
        if request is None:
            raise NotFound(messages.no_such_request(request_id))
        return request

    # -- the shared questions ---------------------------------------------------------------

    def refusal_reason(self, request: SocialMediaRequest, person_id: str,
                       action: str) -> str | None:
        """Why `person_id` may not take `action` now, or None if they may."""
        return self.engine.refusal_reason(CASE_TYPE, request, person_id, action)

    def may_view(self, request: SocialMediaRequest, person_id: str) -> bool:
        return self.engine.may_view(CASE_TYPE, request, person_id)

    def stale_reason(self, request: SocialMediaRequest, step: int) -> str | None:
        return self.engine.stale_reason(CASE_TYPE, request, step)

    def approvers(self, request: SocialMediaRequest, stage: Stage) -> list[str]:
        return self.cases.approvers(request, stage)

    def current_approvers(self, request: SocialMediaRequest) -> list[str]:
        return self.engine.acting_now(CASE_TYPE, request)

    def next_names(self, request: SocialMediaRequest) -> str:
        return self.engine.names(self.current_approvers(request))

    def reassign_candidates(self, request: SocialMediaRequest, person_id: str) -> list[str]:
        return self.cases.reassign_candidates(request, person_id)

    def inbox(self, person_id: str) -> list[SocialMediaRequest]:
        """Requests waiting for this person to act."""
        return [r for r in self.repository.open_cases()
                if person_id in self.current_approvers(r)]

    def requests_of(self, person_id: str) -> list[SocialMediaRequest]:
        return self.repository.by_requester(person_id)


def _with_comment(entry: HistoryEntry, comment: str) -> HistoryEntry:
    return HistoryEntry(**{**entry.__dict__, "comment": comment})


def _with_step(entry: HistoryEntry, step: int) -> HistoryEntry:
    return HistoryEntry(**{**entry.__dict__, "step": step})


def normalise_id(raw: str) -> str:
    """Accept `R-12`, `r12`, `12` or `#12` for request R-12."""
    text = raw.strip().lstrip("#").upper().removeprefix("R").removeprefix("-")
    return f"R-{int(text)}" if text.isdigit() and len(text) < 10 else raw.strip()
