"""The DirectoryRepository contract (bot/ports.py), against every backend: the people a
source gave, who is gone (kept, never deleted), the history in order, and time away; all of
it back the same after a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.directory_records import GONE_AWAITING, Absence, DirectoryEvent
from bot.ports import DirectoryRepository
from storage.directory_repository import TinyDBDirectoryRepository
from storage.engine import Store
from storage.memory import MemoryDirectoryRepository

AT = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
ALEX = {"id": "adoe", "first_name": "Alex", "last_name": "Doe", "title": "Programmer",
        "email": "adoe@example.org", "department": "community-services",
        "supervisor": "msmith"}


class Backend:
    def __init__(self, name: str, path: Path) -> None:
        self.name, self.path = name, path
        self._store: Store | None = None
        self.repository: DirectoryRepository = self._open()

    def _open(self) -> DirectoryRepository:
        if self.name == "memory":
            return MemoryDirectoryRepository()
        self._store = Store(self.path / "store.json", fsync=False)
        return TinyDBDirectoryRepository(self._store)

    def reopen(self) -> None:
        if self._store is not None:
            self._store.close()
            self.repository = self._open()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@pytest.fixture(params=("memory", "tinydb"))
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    built = Backend(request.param, tmp_path)
    yield built
    built.close()


def event(seq: int, person: str, change: str = "changed", **fields: tuple[str, str]
          ) -> DirectoryEvent:
    return DirectoryEvent(seq, AT, "csv", "operator", person, change,  # type: ignore[arg-type]
                          dict(fields))


def test_nothing_stored_until_a_source_runs(backend: Backend) -> None:
    repo = backend.repository
    assert repo.stored_people() == {}
    assert repo.gone_people() == set()
    assert repo.directory_history() == []
    assert repo.next_directory_seq() == 1
    assert repo.absences() == []


def test_people_gone_and_history_are_kept_in_order_across_a_restart(backend: Backend) -> None:
    repo = backend.repository
    repo.save_directory({"adoe": ALEX}, [], [], [event(1, "adoe", "added")])
    moved = {**ALEX, "supervisor": "pbrown"}
    repo.save_directory({"adoe": moved}, ["jpatel"], [],
                        [event(2, "adoe", supervisor=("msmith", "pbrown")),
                         DirectoryEvent(3, AT, "csv", "operator", "jpatel", "gone",
                                        note=GONE_AWAITING)])
    backend.reopen()
    repo = backend.repository
    assert repo.stored_people() == {"adoe": moved}
    assert repo.gone_people() == {"jpatel"}  # marked, not deleted
    assert [e.seq for e in repo.directory_history()] == [1, 2, 3]
    assert repo.directory_history("adoe")[1].fields == {"supervisor": ("msmith", "pbrown")}
    assert repo.directory_history("jpatel")[0].note == GONE_AWAITING
    assert repo.next_directory_seq() == 4
    repo.save_directory({}, [], ["jpatel"], [event(4, "jpatel", gone=("yes", "no"))])
    assert repo.gone_people() == set()


def test_stored_people_are_copies(backend: Backend) -> None:
    repo = backend.repository
    repo.save_directory({"adoe": ALEX}, [], [], [])
    repo.stored_people()["adoe"]["title"] = "changed by a caller"
    assert repo.stored_people()["adoe"]["title"] == "Programmer"


def test_time_away_replaces_the_persons_own_and_survives_a_restart(backend: Backend) -> None:
    repo = backend.repository
    first = Absence("cmacdonald", "sbaker", date(2026, 12, 10), date(2026, 12, 11),
                    date(2026, 12, 14), "cmacdonald", AT)
    repo.save_absence(first, [DirectoryEvent(1, AT, "chat", "cmacdonald", "cmacdonald",
                                             "away")])
    ended = Absence(**{**first.__dict__, "ended_at": AT})
    repo.save_absence(ended, [DirectoryEvent(2, AT, "chat", "cmacdonald", "cmacdonald",
                                             "back")])
    repo.save_absence(Absence("msmith", "pbrown", date(2026, 12, 4), date(2026, 12, 4),
                              date(2026, 12, 7), "msmith", AT))
    backend.reopen()
    repo = backend.repository
    assert sorted(repo.absences(), key=lambda a: a.person_id) == [
        ended, Absence("msmith", "pbrown", date(2026, 12, 4), date(2026, 12, 4),
                       date(2026, 12, 7), "msmith", AT)]
    assert [e.change for e in repo.directory_history("cmacdonald")] == ["away", "back"]
