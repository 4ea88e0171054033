"""The access-request workflow: who may act, what each action does, exactly once.

The transition table below is the whole state machine. `Workflow` loads a request, checks the
actor's right to act (in the core, never by who saw a button), applies one transition and saves
the new state together with its notifications in one durable write guarded by a version check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot import messages
from bot.chains import STAGES, Stage, StageKind
from bot.directory import Directory
from bot.domain import (
    AccessRequest,
    EmployeeDetails,
    FieldErrors,
    HistoryEntry,
    PrivacyConsent,
    Refusal,
    RequestKind,
    Sop,
)
from bot.events import Notification
from bot.form import validate
from bot.metrics import NO_METRICS, MetricsRecorder
from bot.ports import Clock, ConcurrentUpdate, RequestRepository

Action = Literal["approve", "reject", "request_changes", "submit_sop", "withdraw", "reassign"]
ACTIONS: tuple[Action, ...] = (
    "approve", "reject", "request_changes", "submit_sop", "withdraw", "reassign",
)
Move = Literal["next", "back_to_draft", "rejected"]

TRANSITIONS: dict[tuple[StageKind, Action], Move] = {
    ("approval", "approve"): "next",
    ("approval", "reject"): "rejected",
    ("sop_draft", "submit_sop"): "next",
    ("sop_review", "approve"): "next",
    ("sop_review", "request_changes"): "back_to_draft",
    ("sop_approval", "approve"): "next",
    ("sop_approval", "request_changes"): "back_to_draft",
    ("sop_approval", "reject"): "rejected",
}
NEEDS_COMMENT: frozenset[Action] = frozenset({"reject", "request_changes"})
MAX_COMMENT = 1000
MAX_SOP = 3000
MAX_LINK = 500


@dataclass(frozen=True)
class Actor:
    person_id: str
    platform: str


@dataclass(frozen=True)
class WorkflowSettings:
    chains: Mapping[str, list[str]]
    programs: list[str]
    privacy_notice: str
    self_approval: Literal["escalate", "refuse"] = "escalate"
    time_zone: str = "America/Toronto"


class WorkflowError(Exception):
    """Base of what the workflow tells a person instead of acting."""


class NotFound(WorkflowError):
    pass


class Refused(WorkflowError):
    """Not allowed; nothing changed. The message says why, in plain words."""


class AlreadyDecided(WorkflowError):
    """The step was decided already (a retry, a double click or a faster colleague)."""

    def __init__(self, message: str, request: AccessRequest) -> None:
        super().__init__(message)
        self.request = request


@dataclass(frozen=True)
class Decision:
    action: Action
    comment: str = ""
    sop_text: str = ""
    sop_link: str = ""
    reassign_to: str = ""


class Workflow:
    metrics: MetricsRecorder = NO_METRICS  # the composition root plugs in a real recorder

    def __init__(self, *, directory: Directory, repository: RequestRepository, clock: Clock,
                 settings: WorkflowSettings) -> None:
        self.directory = directory
        self.repository = repository
        self.clock = clock
        self.settings = settings

    # -- filing -----------------------------------------------------------------------------

    def submit(self, actor: Actor, raw_form: Mapping[str, Any],
               kind: RequestKind = "access") -> AccessRequest:
        """Validate the Appendix 2 form and file it; FieldErrors or Refused store nothing."""
        requester = self.directory.find(actor.person_id)
        if requester is None:
            raise Refused(messages.not_in_directory(actor.person_id))
        form = validate(raw_form, self.directory, self.settings.programs)
        now = self.clock.now()
        chain = tuple(self.settings.chains[kind])
        draft = AccessRequest(
            id="R-0", kind=kind, requester_id=requester.id,
            employee=EmployeeDetails(form.first_name, form.last_name, form.department,
                                     form.division, form.section, form.status),
            programs=form.programs, promote_department=form.promote_department,
            initiative=form.initiative,
            consent=PrivacyConsent(self.settings.privacy_notice, now),
            chain=chain, state=chain[0], step=1, created_at=now,
        )
        for stage_name in chain:
            if not self.approvers(draft, STAGES[stage_name]):
                raise Refused(messages.no_eligible_approver(STAGES[stage_name].title))
        request = draft.evolve(id=self.repository.next_request_id())
        entry = self._entry(request, actor, "submit", "employee", step=0)
        request = request.evolve(history=(entry,))
        notes = [self._action_needed(request), self._requester_update(request, "submitted")]
        return self.repository.save(request, expected_version=0, notifications=notes)

    # -- deciding ---------------------------------------------------------------------------

    def decide(self, actor: Actor, request_id: str, decision: Decision,
               *, step: int | None = None) -> AccessRequest:
        """Apply one decision exactly once. `step` is the step the person saw (from a button)."""
        request = self.get(request_id)
        self._check_fresh(request, step)
        self._authorize(request, actor, decision)
        updated, notes = self._apply(request, actor, decision)
        try:
            saved = self.repository.save(updated, expected_version=request.version,
                                         notifications=notes)
        except ConcurrentUpdate:
            winner = self.get(request_id)
            raise AlreadyDecided(self._already_message(winner, request.step), winner) from None
        self.metrics.decision(saved.kind, decision.action)
        return saved

    def get(self, request_id: str) -> AccessRequest:
        request = self.repository.get(normalise_id(request_id))
        if request is None:
            raise NotFound(messages.no_such_request(request_id))
        return request

    def _check_fresh(self, request: AccessRequest, step: int | None) -> None:
        if step is not None and step != request.step:
            raise AlreadyDecided(self._already_message(request, step), request)
        if request.is_final:
            raise AlreadyDecided(self._already_message(request, request.step), request)

    def _already_message(self, request: AccessRequest, step: int) -> str:
        entry = request.entry_for_step(step) or (request.history[-1] if request.history else None)
        if entry is None:
            return messages.out_of_date(request.id)
        return messages.already_decided(request.id, entry, self.settings.time_zone)

    def _authorize(self, request: AccessRequest, actor: Actor, decision: Decision) -> None:
        reason = self.refusal_reason(request, actor.person_id, decision.action)
        if reason is None:
            return
        self.repository.record_refusal(Refusal(
            request_id=request.id, person_id=actor.person_id, platform=actor.platform,
            action=decision.action, reason=reason, at=self.clock.now(),
        ))
        raise Refused(reason)

    def refusal_reason(self, request: AccessRequest, person_id: str, action: str) -> str | None:
        """Why `person_id` may not take `action` now, or None if they may."""
        if person_id not in self.directory:
            return messages.not_in_directory(person_id)
        if request.is_final:
            return messages.request_final(request)
        stage = STAGES[request.state]
        if action == "withdraw":
            if person_id == request.requester_id:
                return None
            return messages.only_requester_withdraws()
        if action == "reassign":
            if stage.role == "requester":
                return messages.cannot_reassign_sop_draft()
        elif (stage.kind, action) not in TRANSITIONS:
            return messages.action_not_at_stage(action, stage.title)
        if person_id in self.approvers(request, stage):
            return None
        if person_id == request.requester_id:
            return messages.no_self_approval()
        return messages.not_your_stage(stage.title, self._names(self.approvers(request, stage)))

    def _apply(self, request: AccessRequest, actor: Actor,
               decision: Decision) -> tuple[AccessRequest, list[Notification]]:
        comment = _check_comment(decision)
        stage = STAGES[request.state]
        if decision.action == "withdraw":
            return self._advance(request, actor, "withdraw", "withdrawn", comment)
        if decision.action == "reassign":
            return self._reassign(request, actor, decision.reassign_to, comment)
        move = TRANSITIONS[(stage.kind, decision.action)]
        if move == "rejected":
            return self._advance(request, actor, decision.action, "rejected", comment)
        if decision.action == "submit_sop":
            request = request.evolve(sop=self._sop(request, decision))
        if move == "back_to_draft":
            return self._advance(request, actor, decision.action, "sop_draft", comment)
        return self._advance(request, actor, decision.action, self._next_state(request), comment)

    def _next_state(self, request: AccessRequest) -> str:
        index = request.chain.index(request.state)
        return request.chain[index + 1] if index + 1 < len(request.chain) else "approved"

    def _advance(self, request: AccessRequest, actor: Actor, action: str, state: str,
                 comment: str) -> tuple[AccessRequest, list[Notification]]:
        entry = self._entry(request, actor, action, request.state, step=request.step,
                            comment=comment)
        moved = request.evolve(state=state, step=request.step + 1, assignee=None,
                               history=(*request.history, entry))
        notes = [self._step_closed(request), self._requester_update(moved, action)]
        if not moved.is_final:
            notes.append(self._action_needed(moved))
        return moved, notes

    def _reassign(self, request: AccessRequest, actor: Actor, to: str,
                  comment: str) -> tuple[AccessRequest, list[Notification]]:
        if to not in self.reassign_candidates(request, actor.person_id):
            raise Refused(messages.cannot_reassign_to(to, self._names(
                self.reassign_candidates(request, actor.person_id))))
        note = comment or f"Reassigned to {self.directory.signature(to)}"
        entry = self._entry(request, actor, "reassign", request.state, step=request.step,
                            comment=note)
        moved = request.evolve(step=request.step + 1, assignee=to,
                               history=(*request.history, entry))
        notes = [self._step_closed(request), self._action_needed(moved),
                 self._requester_update(moved, "reassign")]
        return moved, notes

    def _sop(self, request: AccessRequest, decision: Decision) -> Sop:
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

    # -- who may act ------------------------------------------------------------------------

    def approvers(self, request: AccessRequest, stage: Stage) -> list[str]:
        """Everyone who may act on `stage` of `request` now; never the requester for approvals."""
        requester = request.requester_id
        if stage.role == "requester":
            return [requester]
        if request.assignee and stage.name == request.state:
            return [p for p in self.directory.acting_for(request.assignee) if p != requester]
        if stage.role == "cct":
            return [m for m in self.directory.cct_members if m != requester]
        base = self._default_approver(request, stage)
        if base is None:
            return []
        eligible = [p for p in self.directory.acting_for(base) if p != requester]
        if eligible or self.settings.self_approval == "refuse":
            return eligible
        above = [p for p in self.directory.line_above(requester) if p != requester]
        return above[:1]

    def _default_approver(self, request: AccessRequest, stage: Stage) -> str | None:
        requester = self.directory.person(request.requester_id)
        if stage.role == "supervisor":
            return requester.supervisor
        return self.directory.director_of(requester.department)

    def current_approvers(self, request: AccessRequest) -> list[str]:
        return [] if request.is_final else self.approvers(request, STAGES[request.state])

    def reassign_candidates(self, request: AccessRequest, person_id: str) -> list[str]:
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

    # -- queries ----------------------------------------------------------------------------

    def inbox(self, person_id: str) -> list[AccessRequest]:
        """Requests waiting for this person to act."""
        return [r for r in self.repository.open_requests()
                if person_id in self.current_approvers(r)]

    def requests_of(self, person_id: str) -> list[AccessRequest]:
        return self.repository.by_requester(person_id)

    # -- building blocks --------------------------------------------------------------------

    def _entry(self, request: AccessRequest, actor: Actor, action: str, stage: str, *,
               step: int, comment: str = "") -> HistoryEntry:
        person = self.directory.person(actor.person_id)
        return HistoryEntry(
            seq=len(request.history) + 1, step=step, stage=stage, action=action,
            actor_id=person.id, actor_name=person.full_name, actor_title=person.title,
            platform=actor.platform, at=self.clock.now(), comment=comment,
        )

    def _action_needed(self, request: AccessRequest) -> Notification:
        stage = STAGES[request.state]
        audience = "cct" if stage.role == "cct" and not request.assignee else ""
        return Notification(
            id=f"{request.id}:{request.step}:action_needed", kind="action_needed",
            request_id=request.id, step=request.step,
            recipients=tuple(self.approvers(request, stage)), audience=audience,
            summary=f"{request.id} waits for {stage.title}",
        )

    def _step_closed(self, request: AccessRequest) -> Notification:
        return Notification(
            id=f"{request.id}:{request.step}:step_closed", kind="step_closed",
            request_id=request.id, step=request.step, recipients=(),
            summary=f"{request.id} step {request.step} closed",
        )

    def _requester_update(self, request: AccessRequest, action: str) -> Notification:
        return Notification(
            id=f"{request.id}:{request.step}:requester_update", kind="requester_update",
            request_id=request.id, step=request.step, recipients=(request.requester_id,),
            summary=f"{request.id}: {action}; now {request.state}",
        )

    def _names(self, people: list[str]) -> str:
        return ", ".join(self.directory.person(p).full_name for p in people) or "nobody"


def _check_comment(decision: Decision) -> str:
    comment = decision.comment.strip()
    if decision.action in NEEDS_COMMENT and not comment:
        field = "reason" if decision.action == "reject" else "comments"
        raise FieldErrors({field: messages.comment_required(decision.action)})
    if len(comment) > MAX_COMMENT:
        raise FieldErrors({"comment": f"Keep it to {MAX_COMMENT} characters."})
    return comment


def normalise_id(raw: str) -> str:
    """Accept `R-12`, `r12`, `12` or `#12` for request R-12."""
    text = raw.strip().lstrip("#").upper().removeprefix("R").removeprefix("-")
    return f"R-{int(text)}" if text.isdigit() and len(text) < 10 else raw.strip()
