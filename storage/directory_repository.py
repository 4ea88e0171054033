"""The directory the bot keeps, on the journaled TinyDB store (port: DirectoryRepository).

Tables: `directory_people` (person id -> the fields a source last gave, and whether the person
is gone awaiting the CCT), `directory_history` (one record per change, by sequence number) and
`directory_away` (each person's declared time away). Every save is one commit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

from bot.directory_records import Absence, DirectoryEvent
from storage.engine import Op, Store

PEOPLE, HISTORY, AWAY = "directory_people", "directory_history", "directory_away"


def history_key(seq: int) -> str:
    return f"{seq:012d}"


class TinyDBDirectoryRepository:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._writing = threading.Lock()

    def stored_people(self) -> dict[str, dict[str, Any]]:
        return {pid: dict(record["person"]) for pid, record in self.store.items(PEOPLE)
                if record.get("person")}

    def gone_people(self) -> set[str]:
        return {pid for pid, record in self.store.items(PEOPLE) if record.get("gone")}

    def save_directory(self, people: Mapping[str, Mapping[str, Any]], gone: Iterable[str],
                       returned: Iterable[str], events: Iterable[DirectoryEvent]) -> None:
        with self._writing:
            current = {pid: dict(record) for pid, record in self.store.items(PEOPLE)}
            changed: dict[str, dict[str, Any]] = {}
            for pid, fields in people.items():
                record = changed.setdefault(pid, current.get(pid, {"gone": False}))
                record["person"] = dict(fields)
            for pid in gone:
                changed.setdefault(pid, current.get(pid, {"person": None}))["gone"] = True
            for pid in returned:
                changed.setdefault(pid, current.get(pid, {"person": None}))["gone"] = False
            ops: list[Op] = [("put", PEOPLE, pid, record) for pid, record in changed.items()]
            ops += [("put", HISTORY, history_key(e.seq), e.to_record()) for e in events]
            if ops:
                self.store.commit(ops)

    def directory_history(self, person_id: str | None = None) -> list[DirectoryEvent]:
        events = [DirectoryEvent.from_record(r) for _, r in sorted(self.store.items(HISTORY))]
        return [e for e in events if person_id is None or e.person_id == person_id]

    def next_directory_seq(self) -> int:
        return self.store.count(HISTORY) + 1

    def save_absence(self, absence: Absence, events: Iterable[DirectoryEvent] = ()) -> None:
        with self._writing:
            ops: list[Op] = [("put", AWAY, absence.person_id, absence.to_record())]
            ops += [("put", HISTORY, history_key(e.seq), e.to_record()) for e in events]
            self.store.commit(ops)

    def absences(self) -> list[Absence]:
        return [Absence.from_record(r) for _, r in self.store.items(AWAY)]
