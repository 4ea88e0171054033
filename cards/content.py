"""What a request card says, built once from domain objects; renderers only lay it out.

The buttons depend on who looks: a card shows a person only the actions the core would let them
take, and every click is checked again by the core anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from bot.appendix import sop_changes
from bot.chains import STAGES
from bot.domain import SocialMediaRequest
from bot.form import STATUS_LABELS, identity_differences
from bot.messages import action_label, state_label, when
from bot.workflow import Workflow
from cards.codec import ButtonPayload

Input = Literal["", "reason", "comments", "sop", "reassign"]


@dataclass(frozen=True)
class Button:
    label: str
    payload: ButtonPayload
    style: Literal["primary", "danger", ""] = ""
    needs: Input = ""  # what the person must give before the action is taken


@dataclass(frozen=True)
class RequestCard:
    request_id: str
    step: int
    title: str
    status: str
    facts: tuple[tuple[str, str], ...]
    signatures: tuple[str, ...]
    initiative: str
    sop: str = ""
    outcome: str = ""  # set when the card is a closed step: who decided what, and when
    buttons: tuple[Button, ...] = field(default_factory=tuple)


def request_card(request: SocialMediaRequest, workflow: Workflow, *, viewer: str | None,
                 step: int | None = None) -> RequestCard:
    """The card for `request` as `viewer` should see it (None: a shared channel's copy)."""
    zone = workflow.settings.time_zone
    directory = workflow.directory
    requester = directory.find(request.requester_id)
    employee = request.employee
    facts: tuple[tuple[str, str], ...] = (
        ("Requested by", requester.full_name if requester else request.requester_id),
        ("Title", requester.title if requester else ""),
        ("Department", f"{employee.department} / {employee.division}"
         + (f" / {employee.section}" if employee.section else "")),
        ("Status", STATUS_LABELS[employee.status]),
        ("Programs", ", ".join(request.programs)),
        ("Promoting", directory.department_name(request.promote_department)),
        ("Filed", when(request.created_at, zone)),
    )
    if requester is not None:
        facts += tuple((f"{label} (changed)", f"{filed}; the directory says {listed or '-'}")
                       for label, filed, listed
                       in identity_differences(employee, requester, directory))
    signatures = tuple(
        f"{_capital(action_label(h))} by {h.signer} ({h.actor_title}), "
        f"{when(h.at, zone)}" + (f": {h.comment}" if h.comment else "")
        for h in request.history if h.action != "submit"
    )
    shown_step = request.step if step is None else step
    outcome = ""
    if shown_step != request.step:
        entry = request.entry_for_step(shown_step)
        if entry is not None:
            outcome = (f"{_capital(action_label(entry))} by {entry.signer} "
                       f"({entry.actor_title}) on {when(entry.at, zone)}")
    kind = "Social media access" if request.kind == "access" else "Promotion"
    return RequestCard(
        request_id=request.id, step=shown_step,
        title=f"{kind} request {request.id}",
        status=_capital(state_label(request)),
        facts=facts, signatures=signatures, initiative=request.initiative,
        sop=sop_for_reviewers(request) if request.state != "sop_draft" else "",
        outcome=outcome,
        buttons=() if outcome else buttons_for(request, workflow, viewer),
    )


def buttons_for(request: SocialMediaRequest, workflow: Workflow,
                viewer: str | None) -> tuple[Button, ...]:
    if request.is_final:
        return ()
    stage = STAGES[request.state]
    candidates = _stage_buttons(request, stage.name)
    if viewer is None:  # a channel copy: everyone's actions, the core checks each click
        return tuple(b for b in candidates if b.payload.verb != "withdraw")
    allowed = workflow.permitted(request, viewer, [b.payload.verb for b in candidates])
    return tuple(
        b for b in candidates
        if b.payload.verb in allowed
        and (b.payload.verb != "reassign" or workflow.reassign_candidates(request, viewer))
    )


def _stage_buttons(request: SocialMediaRequest, stage_name: str) -> list[Button]:
    stage = STAGES[stage_name]

    def make(verb: str, label: str, style: Literal["primary", "danger", ""] = "",
             needs: Input = "") -> Button:
        return Button(label, ButtonPayload(verb, request.id, request.step), style, needs)

    buttons: list[Button] = []
    if stage.kind == "approval":
        buttons += [make("approve", stage.approve_label, "primary"),
                    make("reject", stage.refuse_label, "danger", "reason")]
    elif stage.kind == "sop_draft":
        buttons.append(make("submit_sop", "Submit SOP" if request.sop is None
                            else "Revise SOP", "primary", "sop"))
    else:
        buttons += [make("approve", stage.approve_label, "primary"),
                    make("request_changes", "Request changes", "", "comments")]
        if stage.kind == "sop_approval":
            buttons.append(make("reject", stage.refuse_label, "danger", "reason"))
    if stage.role != "requester":
        buttons.append(make("reassign", "Reassign", "", "reassign"))
    buttons.append(make("withdraw", "Withdraw", "danger"))
    return buttons


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sop_for_reviewers(request: SocialMediaRequest) -> str:
    """The latest SOP revision, its link, and what it changed since the one before."""
    sop = request.sop
    if sop is None:
        return ""
    parts = [f"Revision {sop.revision}:", sop.text]
    if sop.link:
        parts.append(f"Link: {sop.link}")
    changes = sop_changes(request.sops)
    if changes:
        parts += [f"Changed since revision {sop.revision - 1}:", changes]
    return "\n".join(parts)
