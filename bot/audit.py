"""The signed record: who acted, as whom, through which platform, when; and what was refused.

One entry type for every case's history (requests, moderation alerts, and every case type to
come), so the export, the audit and the "already decided" answers read them all the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Actor:
    """Who acts, and through which platform (the signature names both)."""

    person_id: str
    platform: str


@dataclass(frozen=True)
class HistoryEntry:
    """One signed, timestamped move in a case's life."""

    seq: int
    step: int
    stage: str        # the state the case was in when the move was made
    action: str
    actor_id: str
    actor_name: str
    actor_title: str
    platform: str
    at: datetime
    comment: str = ""

    def to_record(self) -> dict[str, Any]:
        return {**self.__dict__, "at": self.at.isoformat()}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> HistoryEntry:
        return cls(**{**record, "at": datetime.fromisoformat(record["at"])})


@dataclass(frozen=True)
class Refusal:
    """An attempt the engine refused: kept for audit, changes nothing else."""

    case_id: str
    person_id: str
    platform: str
    action: str
    reason: str
    at: datetime

    def to_record(self) -> dict[str, Any]:
        return {**self.__dict__, "at": self.at.isoformat()}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Refusal:
        # Refusals stored before every case type had them named the case `request_id`.
        case_id = record["case_id"] if "case_id" in record else record["request_id"]
        rest = {k: v for k, v in record.items() if k not in ("case_id", "request_id")}
        return cls(**{**rest, "case_id": case_id, "at": datetime.fromisoformat(record["at"])})
