"""Approval chains as data: which stages a request passes through, and what each stage is.

ADM 140-007 is the default: an access request goes supervisor (06.01 a), CCT (06.01 b),
director (02.02), then the SOP loop (06.02 a-c); a promotion request (04.01 c) goes CCT,
director. A city may reorder or drop approval stages in `app.yaml`, and the SOP stages must
stay together in their order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["supervisor", "cct", "director", "requester"]
StageKind = Literal["approval", "sop_draft", "sop_review", "sop_approval"]


@dataclass(frozen=True)
class Stage:
    name: str
    kind: StageKind
    role: Role
    title: str          # what the stage is called in messages
    approve_label: str  # the positive button
    refuse_label: str   # the negative button, if the stage can refuse


STAGES: dict[str, Stage] = {
    s.name: s
    for s in (
        Stage("supervisor", "approval", "supervisor", "Supervisor agreement", "Approve", "Reject"),
        Stage("cct", "approval", "cct", "CCT review", "Recommend", "Decline"),
        Stage("director", "approval", "director", "Director approval", "Approve", "Reject"),
        Stage("sop_draft", "sop_draft", "requester", "SOP draft", "Submit SOP", ""),
        Stage("sop_review", "sop_review", "cct", "CCT review of the SOP", "Approve SOP", ""),
        Stage("sop_director", "sop_approval", "director", "Director approval of the SOP",
              "Approve SOP", "Reject"),
    )
}

SOP_STAGES = ("sop_draft", "sop_review", "sop_director")
APPROVAL_STAGES = ("supervisor", "cct", "director")

ChainName = Literal["access", "promotion"]

DEFAULT_CHAINS: dict[ChainName, list[str]] = {
    "access": ["supervisor", "cct", "director", *SOP_STAGES],
    "promotion": ["cct", "director"],
}


def validate_chain(name: str, stages: list[str]) -> None:
    """Raise ValueError naming the problem if `stages` is not a usable chain."""
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise ValueError(f"{name}: unknown stage {unknown[0]!r} (known: {', '.join(STAGES)})")
    if not stages:
        raise ValueError(f"{name}: a chain needs at least one stage")
    if len(set(stages)) != len(stages):
        raise ValueError(f"{name}: a stage appears twice")
    sop = [s for s in stages if s in SOP_STAGES]
    if sop and (sop != list(SOP_STAGES) or stages[-3:] != list(SOP_STAGES)):
        raise ValueError(f"{name}: the SOP stages must come last, as {', '.join(SOP_STAGES)}")
    if "director" not in stages:
        raise ValueError(f"{name}: the director's approval cannot be dropped (02.02)")
