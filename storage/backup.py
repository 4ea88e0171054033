"""Backups of the embedded store, taken beside a running server, and restoring one.

A backup is a snapshot in the store's own format (TinyDB JSON): the snapshot plus every
complete journal line, read without the lock (as any reader does), so it can be taken while
the bot serves. Restoring needs the store's lock, so it refuses while a server holds it; the
current files are kept aside under a time-stamped name, never deleted.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.engine import Store, StoreError, acquire_lock, private_directory, write_private_json
from storage.tinydb_repository import OUTBOX, REQUESTS


class BackupError(StoreError):
    pass


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    tables: dict[str, int]   # records per table

    @property
    def requests(self) -> int:
        return self.tables.get(REQUESTS, 0)

    @property
    def outbox(self) -> int:
        return self.tables.get(OUTBOX, 0)


def backup(store_path: Path, target: Path) -> BackupSummary:
    """Write a consistent copy of the store at `store_path` to `target` (0600, dir 0700)."""
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name")
    if not store_path.exists() and not _journal(store_path).exists():
        raise BackupError(f"{store_path}: no store here to back up")
    data = Store(store_path, read_only=True).snapshot()
    private_directory(target.parent)
    write_private_json(target, data)
    return BackupSummary(target, _counts(data))


def check_backup(source: Path) -> BackupSummary:
    """Read `source` as a store of its own, the way the bot would open it; raises BackupError."""
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(f"{source}: no such file") from None
    except (OSError, ValueError) as error:
        raise BackupError(f"{source}: not a backup written by `socialbot backup`: "
                          f"{error}") from None
    if not isinstance(data, dict) or not all(
            isinstance(table, dict) and all(isinstance(r, dict) for r in table.values())
            for table in data.values()):
        raise BackupError(f"{source}: not a backup written by `socialbot backup` "
                          "(expected tables of records)")
    return BackupSummary(source, _counts(data))


def restore(source: Path, store_path: Path, *, now: datetime | None = None) -> list[Path]:
    """Install the backup `source` as the store at `store_path`; returns the files kept aside.

    Raises StoreLocked while a server (or any writer) has the store open.
    """
    check_backup(source)
    data = json.loads(source.read_text(encoding="utf-8"))
    private_directory(store_path.parent)
    lock = acquire_lock(store_path.with_name(store_path.name + ".lock"))
    try:
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        kept: list[Path] = []
        for current in (store_path, _journal(store_path)):
            if current.exists():
                aside = _unused(current.with_name(f"{current.name}.before-restore-{stamp}"))
                os.replace(current, aside)
                kept.append(aside)
        write_private_json(store_path, data)
    finally:
        os.close(lock)
    return kept


def _unused(path: Path) -> Path:
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def _journal(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".journal")


def _counts(data: dict[str, Any]) -> dict[str, int]:
    return {name: len(table) for name, table in sorted(data.items())}
