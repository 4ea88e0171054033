"""Access and promotion requests (Appendix 2, 06.01-06.02) as a case type of the engine.

`REQUEST_TRANSITIONS` is the whole state machine, keyed by the kind of the stage a request is
in. `RequestCases` says who each row's `by` names (the stage's approvers, the requester), what
a move changes (the next stage, the SOP, a reassignment) and whom it tells. `Workflow` is what
the adapters call: filing the form, deciding (through the engine), and the questions every
channel asks (who acts next, who may see a request, whom a stage may be handed to).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from bot import messages
from bot.audit import Actor, HistoryEntry, sealed
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
from bot.ports import Clock, ConcurrentUpdate, RequestRepository

__all__ = ["ACTIONS", "REQUEST_TRANSITIONS", "Action", "Actor", "AlreadyDecided", "Move",
           "NotFound", "Refused", "RequestCases", "Workflow", "WorkflowError",
           "WorkflowSettings"]

WorkflowError = CaseError
log = logging.getLogger(__name__)
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


# What a change the bot makes on its own writes: the request moved and its notices.
Change = tuple[SocialMediaRequest, list[Notification]]


@dataclass(frozen=True)
class WorkflowSettings:
    chains: Mapping[str, list[str]]
    programs: list[str]
    privacy_notice: str
    self_approval: Literal["escalate", "refuse"] = "escalate"
    time_zone: str = "America/Toronto"
    signer_fallback: Literal["line_above", "cct_team_leader"] = "line_above"


@dataclass(frozen=True)
class Route:
    """Who may sign a stage now, and why it is not its usual signer (\"\" when it is)."""

    people: tuple[str, ...]
    reason: str = ""


@dataclass(frozen=True)
class PlannedSigner:
    """One stage of a request not yet filed, and who would sign it (shown before the form)."""

    stage: str
    title: str
    names: str
    note: str  # why it is not the usual signer, "not required", or ""


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
        if person_id == case.requester_id or self.directory.is_cct(person_id) or \
                any(entry.actor_id == person_id for entry in case.history):
            return True  # readers for sure: no need to work the chain out
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
            case = case.evolve(sops=(*case.sops, self._sop(case, decision)))
        target = self._next_state(case) if transition.target == "next" else transition.target
        moved = case.evolve(state=target, step=case.step + 1, assignee=None,
                            history=(*case.history, entry))
        moved = moved.evolve(history=(*case.history, self.with_route(moved, entry)))
        notes = [self._step_closed(case), self._requester_update(moved, entry.action)]
        if not moved.is_final:
            notes.append(self.action_needed(moved))
        return moved, notes

    # -- what a move changes --------------------------------------------------------------------

    def _next_state(self, request: SocialMediaRequest) -> str:
        return self.state_after(request, request.chain.index(request.state) + 1)

    def state_after(self, request: SocialMediaRequest, index: int) -> str:
        """The first stage of the chain from `index` on that is required ("approved" if none)."""
        for name in request.chain[index:]:
            if not self.not_required(request, STAGES[name]):
                return name
        return "approved"

    def not_required(self, request: SocialMediaRequest, stage: Stage) -> str:
        """Why `stage` is skipped for this requester ("" when it is required)."""
        if stage.role == "supervisor" and \
                self.directory.person(request.requester_id).supervisor is None:
            return messages.NO_SUPERVISOR
        return ""

    def with_route(self, moved: SocialMediaRequest, entry: HistoryEntry) -> HistoryEntry:
        """`entry` (which moved the request into its stage) with why the stage goes where it
        goes, when that is not its usual signer."""
        if moved.is_final:
            return entry
        stage = STAGES[moved.state]
        route = self.route(moved, stage)
        skipped = [f"{STAGES[s].title}: {messages.NOT_REQUIRED} ({why})"
                   for s in moved.chain if (why := self.not_required(moved, STAGES[s]))]
        details = dict(entry.details)
        if route.reason:
            details["routed_to"] = messages.routed(stage.title, self._names(list(route.people)),
                                                   route.reason)
        if skipped and entry.action == "submit":
            details["not_required"] = "; ".join(skipped)
        return replace(entry, details=details) if details != dict(entry.details) else entry

    def _reassign(self, request: SocialMediaRequest, entry: HistoryEntry,
                  decision: Move) -> tuple[SocialMediaRequest, list[Notification]]:
        to = decision.reassign_to
        candidates = self.reassign_candidates(request, entry.actor_id)
        if to not in candidates:
            shown = self.directory.person(to).full_name if to in self.directory else repr(to)
            raise Refused(messages.cannot_reassign_to(shown, self._names(candidates)))
        details = {**entry.details, "from": ", ".join(self.approvers(request, stage_of(request))),
                   "to": to}
        entry = replace(entry, details=details, comment=entry.comment or
                        f"Reassigned to {self.directory.signature(to)}")
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
        revision = len(request.sops) + 1
        return Sop(text, link or None, revision, self.clock.now())

    # -- who may act ------------------------------------------------------------------------------

    def approvers(self, request: SocialMediaRequest, stage: Stage) -> list[str]:
        """Everyone who may act on `stage` of `request` now; never the requester for approvals."""
        return list(self.route(request, stage).people)

    def route(self, request: SocialMediaRequest, stage: Stage) -> Route:
        """Who may sign `stage`: its usual signer, or the next person who may (see app.yaml,
        `workflow.signers`) when the usual one would break a rule, with the rule it breaks."""
        if stage.role == "requester":
            return Route((request.requester_id,))
        usual = self._usual_signers(request, stage)
        signed = self._signed_other_roles(request, stage)  # once: every candidate is checked
        allowed = tuple(p for p in usual
                        if self._may_sign(request, stage, p, strict=True, signed=signed))
        if allowed:
            return Route(allowed)
        if self.settings.self_approval == "refuse":
            return Route(())
        why = self._why_not_usual(request, usual, signed)
        candidates = self._fallback_candidates(request, stage)
        for strict in (True, False):
            found = [p for p in candidates
                     if self._may_sign(request, stage, p, strict=strict, signed=signed)]
            if found:
                return Route((found[0],), why if strict else messages.ROUTE_TOP)
        return Route(())

    def _usual_signers(self, request: SocialMediaRequest, stage: Stage) -> list[str]:
        if request.assignee and stage.name == request.state:
            return self.directory.acting_for(request.assignee)
        if stage.role == "cct":
            return list(self.directory.cct_members)
        base = self._default_approver(request, stage)
        return self.directory.acting_for(base) if base else []

    def _fallback_candidates(self, request: SocialMediaRequest, stage: Stage) -> list[str]:
        """The next people who may sign, in the order the deployment chose."""
        base = self._default_approver(request, stage) if stage.role != "cct" else \
            self.directory.cct_team_leader
        line = self.directory.line_above(base or request.requester_id)
        cct = [self.directory.cct_team_leader, *self.directory.cct_members]
        directors = [self.directory.director_of(d) for d in self.directory.department_ids()]
        tiers = [line, directors, cct] if self.settings.signer_fallback == "line_above" \
            else [cct, line, directors]
        return list(dict.fromkeys(p for tier in tiers for p in tier))

    def _may_sign(self, request: SocialMediaRequest, stage: Stage, person_id: str, *,
                  strict: bool, signed: set[str] | None = None) -> bool:
        """The rules of distinct signers: never the requester; never someone who signed (or
        was signed for) another role of this request (`signed`, when the caller has it); for
        the director's approval, never someone who reports to the requester (`strict`;
        waived only at the top)."""
        if person_id == request.requester_id:
            return False
        if signed is None:
            signed = self._signed_other_roles(request, stage)
        if person_id in signed:
            return False
        if strict and stage.role == "director":
            return request.requester_id not in self.directory.line_above(person_id)
        return True

    def may_sign(self, request: SocialMediaRequest, stage: Stage, person_id: str) -> bool:
        """Whether `person_id` may sign `stage` of `request` under the distinct-signer rules."""
        return self._may_sign(request, stage, person_id, strict=True)

    def _signed_other_roles(self, request: SocialMediaRequest, stage: Stage) -> set[str]:
        signed: set[str] = set()
        for entry in request.history:
            other = STAGES.get(entry.stage)
            if other is not None and other.role not in (stage.role, "requester") and \
                    entry.action in ("approve", "reject", "request_changes"):
                signed.update({entry.actor_id, entry.for_id} - {""})
        return signed

    def _why_not_usual(self, request: SocialMediaRequest, usual: list[str],
                       signed: set[str]) -> str:
        if not usual:
            return messages.ROUTE_NOBODY
        first = usual[0]
        if first == request.requester_id:
            return messages.ROUTE_REQUESTER
        if any(p in signed for p in usual):
            return messages.ROUTE_SIGNED
        return messages.ROUTE_SUBORDINATE

    def signing_for(self, case: SocialMediaRequest, person_id: str) -> str:
        """The principal a delegate signs for at the current stage ("" for anyone else)."""
        if case.is_final:
            return ""
        stage = STAGES[case.state]
        if stage.role in ("requester", "cct"):
            return ""
        principal = case.assignee or self._default_approver(case, stage)
        if principal and principal != person_id and \
                self.directory.delegate_of(principal) == person_id:
            return principal
        return ""

    def principal(self, case: SocialMediaRequest) -> str | None:
        """The one person the current stage waits on, whom a delegate stands in for (None for
        the requester's own stage and the CCT's, which any member signs)."""
        if case.is_final:
            return None
        stage = STAGES[case.state]
        if stage.role == "requester":
            return None
        if case.assignee:
            return case.assignee
        return self._default_approver(case, stage)

    def _default_approver(self, request: SocialMediaRequest, stage: Stage) -> str | None:
        requester = self.directory.person(request.requester_id)
        if stage.role == "supervisor":
            return requester.supervisor
        if stage.role == "cct":
            return None
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
            pool += [d for p in list(pool) if (d := self.directory.delegate_of(p))]
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
        # The inbox index: open request ids by who acts now, and who acts now by request.
        self._waiting: defaultdict[str, set[str]] = defaultdict(set)
        self._acting: dict[str, tuple[str, ...]] = {}
        self._cursor = 0
        self._indexed_routing: Hashable = None
        self.cases = RequestCases(directory=directory, repository=repository, clock=clock,
                                  settings=settings)
        self.engine = engine or CaseEngine(directory=directory, clock=clock,
                                           refusals=repository)
        self.engine.register(self.cases)
        # Told of every request filed or decided, after it is stored (an approval opens the
        # CCT's record of the accounts it covers, bot/grants.py; a stage that reaches someone
        # who has left is handed on, bot/offboarding.py).
        self.after_decide: list[Callable[[SocialMediaRequest], None]] = []

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
        draft = draft.evolve(state=self.cases.state_after(draft, 0))
        for planned in self._plan(draft):
            if not planned.names:
                raise Refused(messages.no_eligible_approver(planned.title))
        request = draft.evolve(id=self.repository.next_id())
        entry = self.engine.sign(request, actor, "submit", stage="employee")
        entry = self.cases.with_route(request, _with_step(entry, 0))
        request = request.evolve(history=sealed(request.id, (entry,)))
        notes = [self.cases.action_needed(request),
                 self.cases._requester_update(request, "submitted")]
        filed = self.repository.save(request, expected_version=0, notifications=notes)
        self._after(filed)
        return filed

    def planned_signers(self, person_id: str, kind: RequestKind = "access") -> list[PlannedSigner]:
        """Who would sign each stage of a request `person_id` files now (asked before the form,
        so nobody types it only to learn that nobody can approve it). A stage with no names
        means the request cannot be filed."""
        person = self.directory.person(person_id)
        chain = tuple(self.settings.chains[kind])
        now = self.clock.now()
        draft = SocialMediaRequest(
            id="R-0", kind=kind, requester_id=person_id,
            employee=EmployeeDetails(person.first_name, person.last_name, person.department,
                                     person.division, person.section, person.status),
            programs=(), promote_department=person.department, initiative="",
            consent=PrivacyConsent("", now), chain=chain, state=chain[0], step=1,
            created_at=now)
        return self._plan(draft)

    def _plan(self, draft: SocialMediaRequest) -> list[PlannedSigner]:
        """Walk the chain assuming each stage is signed by the first person who may."""
        plan: list[PlannedSigner] = []
        request = draft
        for name in draft.chain:
            stage = STAGES[name]
            skipped = self.cases.not_required(request, stage)
            if skipped:
                plan.append(PlannedSigner(name, stage.title, messages.NOT_REQUIRED, skipped))
                continue
            route = self.cases.route(request, stage)
            plan.append(PlannedSigner(name, stage.title, self.engine.names(route.people)
                                      if route.people else "", route.reason))
            if route.people and stage.kind != "sop_draft":
                signer = self.directory.person(route.people[0])
                pretend = HistoryEntry(len(request.history) + 1, 0, name, "approve", signer.id,
                                       signer.full_name, signer.title, "plan", now_of(draft))
                request = request.evolve(history=(*request.history, pretend))
        return plan

    def who_will_approve(self, person_id: str, kind: RequestKind = "access") -> str:
        """One sentence naming who signs each stage, or why nobody can (before the form)."""
        return messages.who_will_approve([
            (p.title, [p.names] if p.names else []) for p in self.planned_signers(person_id, kind)
            if STAGES[p.stage].role != "requester"])

    # -- deciding ---------------------------------------------------------------------------

    def decide(self, actor: Actor, request_id: str, decision: Move,
               *, step: int | None = None) -> SocialMediaRequest:
        """Apply one decision exactly once. `step` is the step the person saw (from a button)."""
        moved: SocialMediaRequest = self.engine.move(CASE_TYPE, actor, normalise_id(request_id),
                                                decision, step=step)
        return self._after(moved)

    def _after(self, request: SocialMediaRequest) -> SocialMediaRequest:
        """Tell `after_decide` of a request just filed or moved (already stored)."""
        for listener in self.after_decide:
            try:
                listener(request)
            except Exception:  # the move is stored; the reminder pass catches up
                log.exception("a duty after %s moved failed", request.id)
        return request

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

    def permitted(self, request: SocialMediaRequest, person_id: str,
                  actions: Iterable[str]) -> set[str]:
        """Those of `actions` `refusal_reason` lets `person_id` take now, in one question."""
        return self.engine.permitted(CASE_TYPE, request, person_id, actions)

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

    def skipped_stages(self, request: SocialMediaRequest) -> list[str]:
        """Stages of the request's chain it did not need (read "not required")."""
        return [name for name in request.chain
                if self.cases.not_required(request, STAGES[name])]

    def inbox(self, person_id: str) -> list[SocialMediaRequest]:
        """Requests waiting for this person to act (from an index: see `_catch_up`)."""
        self._catch_up()
        ids = sorted(self._waiting.get(person_id, ()), key=lambda i: int(i.removeprefix("R-")))
        return [r for r in map(self.repository.get, ids) if r is not None]

    def _catch_up(self) -> None:
        """Bring the inbox index (who acts now on which open request) up to date with the
        requests saved since the last look; built afresh when who acts for whom may have
        changed (the directory replaced or changed, time away, a new day)."""
        routing = (id(self.directory), self.directory.routing_key())
        if self._indexed_routing != routing:
            self._waiting, self._acting, self._cursor = defaultdict(set), {}, 0
            self._indexed_routing = routing
        changed, self._cursor = self.repository.changed_since(self._cursor)
        for request_id in dict.fromkeys(changed):
            for person in self._acting.pop(request_id, ()):
                self._waiting[person].discard(request_id)
            request = self.repository.get(request_id)
            if request is None or request.is_final:
                continue
            people = tuple(self.current_approvers(request))
            self._acting[request_id] = people
            for person in people:
                self._waiting[person].add(request_id)

    def requests_of(self, person_id: str) -> list[SocialMediaRequest]:
        return self.repository.by_requester(person_id)

    # -- departures (bot/offboarding.py): nothing waits on a person who has left --------------

    def close_for_departure(self, request_id: str, entry: HistoryEntry) -> SocialMediaRequest:
        """Withdraw an open request of someone who left, with `entry` (signed by the bot)."""
        def withdraw(request: SocialMediaRequest) -> Change | None:
            if request.is_final:
                return None
            moved = request.evolve(state="withdrawn", step=request.step + 1, assignee=None,
                                   history=sealed(request.id, (*request.history, replace(
                                       entry, seq=len(request.history) + 1, step=request.step,
                                       stage=request.state))))
            return moved, [self.cases._step_closed(request),
                           self.cases._requester_update(moved, "withdraw")]

        return self._save_retrying(request_id, withdraw)

    def waiting_on(self, person_id: str) -> list[SocialMediaRequest]:
        """Open requests whose current stage waits on `person_id` as its signer (not merely
        as one CCT member among several)."""
        found = []
        for request in self.repository.open_cases():
            approvers = self.current_approvers(request)
            if person_id in approvers and (stage_of(request).role != "cct"
                                           or set(approvers) == {person_id}):
                found.append(request)
        return found

    def successor_for(self, request: SocialMediaRequest, leaver: str, *,
                      gone: frozenset[str] = frozenset()) -> str | None:
        """Who takes a stage that waited on `leaver`: their delegate, else their supervisor and
        the line above, else the stage's usual fallback (`workflow.signers`), else the CCT Team
        Leader; always someone who may sign it (never the requester, the leaver, or someone
        who signed another role of the request)."""
        person = self.directory.person(leaver)
        stage = stage_of(request)
        candidates = [person.delegate, *self.directory.line_above(leaver),
                      *self.cases._fallback_candidates(request, stage),
                      self.directory.cct_team_leader]
        for candidate in candidates:
            if candidate and candidate != leaver and candidate not in gone and \
                    self.cases._may_sign(request, stage, candidate, strict=True):
                return candidate
        return None

    def hand_over(self, request_id: str, leaver: str, to: str,
                  entry: HistoryEntry) -> SocialMediaRequest:
        """Reassign the stage waiting on `leaver` to `to`, with `entry` (signed by the bot)."""
        def reassign(request: SocialMediaRequest) -> Change | None:
            if request.is_final or leaver not in self.current_approvers(request):
                return None
            signed = replace(entry, seq=len(request.history) + 1, step=request.step,
                             stage=request.state,
                             details={**entry.details, "from": leaver, "to": to})
            moved = request.evolve(step=request.step + 1, assignee=to,
                                   history=sealed(request.id, (*request.history, signed)))
            return moved, [self.cases._step_closed(request), self.cases.action_needed(moved),
                           self.cases._requester_update(moved, "reassign")]

        return self._save_retrying(request_id, reassign)

    def _save_retrying(self, request_id: str,
                       change: Callable[[SocialMediaRequest], Change | None]
                       ) -> SocialMediaRequest:
        """Save a change the bot makes on its own (no button, so no step to check): on a
        concurrent save, read the request again and ask `change` again (three tries)."""
        for _ in range(3):
            request = self.get(request_id)
            changed = change(request)
            if changed is None:
                return request
            moved, notes = changed
            try:
                return self.repository.save(moved, expected_version=request.version,
                                            notifications=notes)
            except ConcurrentUpdate:
                continue
        return self.get(request_id)


def stage_of(request: SocialMediaRequest) -> Stage:
    return STAGES[request.state]


def now_of(request: SocialMediaRequest) -> datetime:
    return request.created_at


def _with_step(entry: HistoryEntry, step: int) -> HistoryEntry:
    return HistoryEntry(**{**entry.__dict__, "step": step})


def normalise_id(raw: str) -> str:
    """Accept `R-12`, `r12`, `12` or `#12` for request R-12."""
    text = raw.strip().lstrip("#").upper().removeprefix("R").removeprefix("-")
    return f"R-{int(text)}" if text.isdigit() and len(text) < 10 else raw.strip()
