"""What the bot keeps about its directory: changes a source made, and people's time away.

Plain records, so each storage backend stores them the same way (`to_record`/`from_record`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

ChangeKind = Literal["added", "changed", "gone", "away", "back"]
GONE_AWAITING = "gone, awaiting CCT confirmation"


@dataclass(frozen=True)
class DirectoryEvent:
    """One entry of the directory's history: who changed, how, from which source."""

    seq: int                      # 1, 2, ... in the order they were recorded
    at: datetime
    source: str                   # "csv", "entra", "app.yaml", "chat"
    actor_id: str                 # who ran it ("" for the daily sync)
    person_id: str
    change: ChangeKind
    fields: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    note: str = ""

    def to_record(self) -> dict[str, Any]:
        return {"seq": self.seq, "at": self.at.isoformat(), "source": self.source,
                "actor_id": self.actor_id, "person_id": self.person_id, "change": self.change,
                "fields": {k: list(v) for k, v in self.fields.items()}, "note": self.note}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> DirectoryEvent:
        return cls(seq=int(record["seq"]), at=datetime.fromisoformat(record["at"]),
                   source=record["source"], actor_id=record["actor_id"],
                   person_id=record["person_id"], change=record["change"],
                   fields={k: (v[0], v[1]) for k, v in record["fields"].items()},
                   note=record.get("note", ""))


@dataclass(frozen=True)
class Absence:
    """A person's declared time away: from `first_day` until `last_day` (local dates) they are
    away, `delegate` acts and signs for them; they are back on `back_on`, the first business
    day after `last_day` (so a Friday absence spans the weekend). `ended_at`: came back early."""

    person_id: str
    delegate: str
    first_day: date
    last_day: date
    back_on: date
    declared_by: str
    declared_at: datetime
    ended_at: datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.person_id}:{self.first_day.isoformat()}:{self.declared_at.isoformat()}"

    def active_on(self, day: date) -> bool:
        return self.ended_at is None and self.first_day <= day < self.back_on

    def to_record(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "delegate": self.delegate,
                "first_day": self.first_day.isoformat(), "last_day": self.last_day.isoformat(),
                "back_on": self.back_on.isoformat(), "declared_by": self.declared_by,
                "declared_at": self.declared_at.isoformat(),
                "ended_at": self.ended_at.isoformat() if self.ended_at else None}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Absence:
        ended = record.get("ended_at")
        return cls(person_id=record["person_id"], delegate=record["delegate"],
                   first_day=date.fromisoformat(record["first_day"]),
                   last_day=date.fromisoformat(record["last_day"]),
                   back_on=date.fromisoformat(record["back_on"]),
                   declared_by=record["declared_by"],
                   declared_at=datetime.fromisoformat(record["declared_at"]),
                   ended_at=datetime.fromisoformat(ended) if ended else None)
