"""The signed record: who acted, as whom, through which platform, when; and what was refused.

One entry type for every case's history (requests, moderation alerts, and every case type to
come), so the export, the audit and the "already decided" answers read them all the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
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
    # Set when a delegate signs: the person they signed for ("Sam Baker for Casey MacDonald").
    for_id: str = ""
    for_name: str = ""
    # Facts of the move besides the comment (a reassignment's from and to, a routing reason).
    details: Mapping[str, str] = field(default_factory=dict)
    # sha256 over this entry's content and the previous entry's hash (see `chain_hash`).
    hash: str = ""

    def to_record(self) -> dict[str, Any]:
        record = {**self.__dict__, "at": self.at.isoformat(), "details": dict(self.details)}
        # Stored only when set, so records written before these fields existed read the same.
        for optional in ("for_id", "for_name", "details", "hash"):
            if not record[optional]:
                del record[optional]
        return record

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> HistoryEntry:
        details = {str(k): str(v) for k, v in (record.get("details") or {}).items()}
        return cls(**{**record, "at": datetime.fromisoformat(record["at"]), "details": details})

    @property
    def signer(self) -> str:
        """The name as the signature reads it: "Sam Baker for Casey MacDonald"."""
        return f"{self.actor_name} for {self.for_name}" if self.for_name else self.actor_name


def chain_hash(entry: HistoryEntry, previous: str) -> str:
    """sha256 over the entry's canonical JSON (without its own hash) and `previous`."""
    content = entry.to_record()
    content.pop("hash", None)
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def sealed(case_id: str, history: Iterable[HistoryEntry]) -> tuple[HistoryEntry, ...]:
    """The history with a hash on every entry that has none, each chained to the one before.

    The first entry chains from the case id. Entries already hashed are kept as they are.
    """
    out: list[HistoryEntry] = []
    previous = case_id
    for entry in history:
        if not entry.hash:
            entry = replace(entry, hash=chain_hash(entry, previous))
        out.append(entry)
        previous = entry.hash
    return tuple(out)


def first_broken(case_id: str, history: Iterable[HistoryEntry]) -> HistoryEntry | None:
    """The first entry whose stored hash does not match its content and chain, or None."""
    previous = case_id
    for entry in history:
        if entry.hash != chain_hash(entry, previous):
            return entry
        previous = entry.hash
    return None


def last_hash(history: tuple[HistoryEntry, ...]) -> str:
    return history[-1].hash if history else ""


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
