"""Domain objects of the access procedure: the Appendix 2 request, its history and its SOP.

Plain dataclasses with a JSON-friendly round trip (`to_record` / `from_record`), so storage
backends keep them without knowing their insides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from bot.audit import HistoryEntry

RequestKind = Literal["access", "promotion"]
Platform = Literal["console", "slack", "teams", "cli"]

TERMINAL_STATES = ("approved", "rejected", "withdrawn")


@dataclass(frozen=True)
class EmployeeDetails:
    """Appendix 2, Part 1: prefilled from the directory, editable by the employee."""

    first_name: str
    last_name: str
    department: str
    division: str
    section: str
    status: Literal["full_time", "part_time", "temporary"]


@dataclass(frozen=True)
class PrivacyConsent:
    """The notice of collection the employee was shown and accepted (04.06)."""

    notice: str
    accepted_at: datetime


@dataclass(frozen=True)
class Sop:
    """The employee's Standard Operating Procedure (06.02), one revision at a time."""

    text: str
    link: str | None
    revision: int
    submitted_at: datetime


@dataclass(frozen=True)
class SocialMediaRequest:
    id: str
    kind: RequestKind
    requester_id: str
    employee: EmployeeDetails
    programs: tuple[str, ...]
    promote_department: str
    initiative: str
    consent: PrivacyConsent
    chain: tuple[str, ...]
    state: str  # a stage name from `chain`, or one of TERMINAL_STATES
    step: int   # bumps every time the request moves; buttons carry it to stay exactly-once
    created_at: datetime
    assignee: str | None = None  # set when the current stage was reassigned to someone
    sops: tuple[Sop, ...] = ()   # every SOP revision, oldest first: none is ever overwritten
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state in TERMINAL_STATES

    @property
    def sop(self) -> Sop | None:
        """The latest SOP revision."""
        return self.sops[-1] if self.sops else None

    @property
    def number(self) -> int:
        return int(self.id.removeprefix("R-"))

    def entry_for_step(self, step: int) -> HistoryEntry | None:
        """The decision that closed `step`, if it is closed."""
        for entry in self.history:
            if entry.step == step and entry.action != "submit":
                return entry
        return None

    def evolve(self, **changes: Any) -> SocialMediaRequest:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        # Written out by hand: dataclasses.asdict deep-copies and was the costliest part of a
        # click.
        return {
            "id": self.id, "kind": self.kind, "requester_id": self.requester_id,
            "employee": dict(self.employee.__dict__), "programs": list(self.programs),
            "promote_department": self.promote_department, "initiative": self.initiative,
            "consent": {"notice": self.consent.notice,
                        "accepted_at": self.consent.accepted_at.isoformat()},
            "chain": list(self.chain), "state": self.state, "step": self.step,
            "created_at": self.created_at.isoformat(), "assignee": self.assignee,
            "sop": None if self.sop is None else _sop_record(self.sop),
            "sops": [_sop_record(sop) for sop in self.sops],
            "history": [h.to_record() for h in self.history],
            "version": self.version,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SocialMediaRequest:
        employee = EmployeeDetails(**record["employee"])
        consent = PrivacyConsent(
            notice=record["consent"]["notice"],
            accepted_at=datetime.fromisoformat(record["consent"]["accepted_at"]),
        )
        # Records written before every revision was kept hold only the latest, as "sop".
        raw_sops = record.get("sops") or ([record["sop"]] if record.get("sop") else [])
        sops = tuple(Sop(raw["text"], raw["link"], raw["revision"],
                         datetime.fromisoformat(raw["submitted_at"])) for raw in raw_sops)
        history = tuple(HistoryEntry.from_record(h) for h in record["history"])
        return cls(
            id=record["id"], kind=record["kind"], requester_id=record["requester_id"],
            employee=employee, programs=tuple(record["programs"]),
            promote_department=record["promote_department"], initiative=record["initiative"],
            consent=consent, chain=tuple(record["chain"]), state=record["state"],
            step=record["step"], created_at=datetime.fromisoformat(record["created_at"]),
            assignee=record.get("assignee"), sops=sops, history=history,
            version=record["version"],
        )


def _sop_record(sop: Sop) -> dict[str, Any]:
    return {"text": sop.text, "link": sop.link, "revision": sop.revision,
            "submitted_at": sop.submitted_at.isoformat()}
