"""One fixture per port family, yielding each implementation in turn: the suites in this folder
are the contract a storage backend meets (add the next backend to `BACKENDS`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from storage.engine import Store
from storage.memory import MemoryModerationRepository, MemoryRepository
from storage.moderation_repository import TinyDBModerationRepository
from storage.tinydb_repository import TinyDBRepository

BACKENDS = ("memory", "tinydb")
CHANNELS = ("slack", "teams", "webhook")


@dataclass
class Backend:
    """One implementation of every storage port; `reopen` is a process restart."""

    name: str
    path: Path
    requests: MemoryRepository | TinyDBRepository = field(init=False)
    moderation: MemoryModerationRepository | TinyDBModerationRepository = field(init=False)
    _store: Store | None = None

    def __post_init__(self) -> None:
        self.open()

    def open(self) -> None:
        if self.name == "memory":
            memory = MemoryRepository(channels=CHANNELS)
            self.requests, self.moderation = memory, MemoryModerationRepository(memory)
            return
        self._store = Store(self.path / "store.json", fsync=False)
        tinydb = TinyDBRepository(self._store, channels=CHANNELS)
        self.requests, self.moderation = tinydb, TinyDBModerationRepository(tinydb)

    @property
    def durable(self) -> bool:
        return self.name != "memory"

    def reopen(self) -> None:
        """Close and open again: what was stored must come back the same (memory keeps all)."""
        if self._store is not None:
            self._store.close()
            self.open()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    built = Backend(request.param, tmp_path)
    yield built
    built.close()
