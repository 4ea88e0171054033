"""TinyDB made durable and fast to write: an in-memory TinyDB behind a write-ahead journal.

TinyDB's own JSON storage truncates and rewrites the whole file on every write: slow as the
audit trail grows, and a crash mid-write loses everything. Here TinyDB keeps the data in memory
(`MemoryStorage`) for queries, every commit is one JSON line appended to `<path>.journal` and
fsync'ed before it is applied, and the journal is folded into a snapshot (`<path>`, TinyDB's
JSON format, written to a temporary file, fsync'ed and renamed) when the store opens, closes,
or the journal outgrows the snapshot (then in a thread of its own, beside the commits). A
commit therefore costs the same with 100 or 100,000 records, and `kill -9` at any moment
leaves the snapshot plus a journal whose every complete line was acknowledged; a torn last
line was never acknowledged and is dropped on open.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import fcntl
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

log = logging.getLogger(__name__)

Op = tuple[Literal["put"], str, str, dict[str, Any]] | tuple[Literal["del"], str, str]
# Told of every change to a table: (document id, the new record or None if deleted, the
# number of the commit that made it). Indexes kept with the data use it.
Watcher = Callable[[str, dict[str, Any] | None, int], None]
COMPACT_MIN_BYTES = 16 * 1024 * 1024
COMPACT_GROWTH = 2  # compact when the journal is this many times the snapshot (and the above)
STABLE_READ_ATTEMPTS = 20


class StoreError(Exception):
    pass


class StoreLocked(StoreError):
    """Another process has the database open."""


class StoreCorrupt(StoreError):
    pass


# Set by `Store.deferred()`: commits made meanwhile are written at once but fsync'ed by the
# next `Store.flushed()`, one fsync for every commit written before it (group commit).
_DEFERRED: contextvars.ContextVar[bool] = contextvars.ContextVar("store_deferred", default=False)


class _Table(Table):
    # Our documents are keyed by meaningful strings ("R-12", "R-12:3:action_needed@slack").
    document_id_class = str  # type: ignore[assignment]


class _TinyDB(TinyDB):
    table_class = _Table


class Store:
    _memory: dict[str, dict[str, Any]]

    def __init__(self, path: str | Path, *, fsync: bool = True, read_only: bool = False) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self._fsync = fsync
        self._mutex = threading.Lock()
        # Group commit: commits are numbered as written; `_synced` is the last one on disk.
        self._written = 0
        self._synced = 0
        self._wanted = 0  # the last deferred commit that asked to be durable
        self._flushing: asyncio.Future[None] | None = None
        self._watchers: dict[str, list[Watcher]] = {}
        self._compactor: threading.Thread | None = None  # a compaction under way beside us
        self._compact_after = 0  # after a failed one, the journal size to try again at
        self.read_only = read_only
        if read_only:
            # A reader (export, reports) beside a running bot: no lock, no compaction, no
            # writes. Every complete journal line is a whole commit, so what it sees is
            # consistent.
            self._db = _TinyDB(storage=MemoryStorage)
            self._memory = self._load_stable()
            self._db.storage.write(self._memory)
            self._snapshot_bytes = 0
            return
        private_directory(self.path.parent)
        self._lock_fd = acquire_lock(self.path.with_name(self.path.name + ".lock"))
        try:
            self._db = _TinyDB(storage=MemoryStorage)
            self._memory = self._load()
            self._db.storage.write(self._memory)
            self._compact()
            self._journal = _open_journal(self.journal_path, "ab")
        except BaseException:
            os.close(self._lock_fd)
            raise
        self._snapshot_bytes = self.path.stat().st_size if self.path.exists() else 0

    # -- reading ----------------------------------------------------------------------------

    def table(self, name: str) -> Table:
        """A TinyDB table for queries; write only through `commit`."""
        return self._db.table(name)

    def get(self, table: str, doc_id: str) -> dict[str, Any] | None:
        return self._memory.get(table, {}).get(doc_id)

    def items(self, table: str) -> Iterator[tuple[str, dict[str, Any]]]:
        return iter(list(self._memory.get(table, {}).items()))

    def count(self, table: str) -> int:
        return len(self._memory.get(table, {}))

    def watch(self, table: str, watcher: Watcher) -> None:
        """Tell `watcher` of every record in `table` now, then of every change as applied."""
        with self._mutex:
            for doc_id, record in list(self._memory.get(table, {}).items()):
                watcher(doc_id, record, self._synced)
            self._watchers.setdefault(table, []).append(watcher)

    # -- writing ----------------------------------------------------------------------------

    def commit(self, ops: Sequence[Op], *, sync: bool = True) -> int:
        """Make `ops` durable as one unit, then visible. Returns only once on disk, unless
        called inside `deferred()`; returns the commit's number.

        `sync=False` is for bookkeeping (what was delivered where): the line is written at
        once, so it survives the process being killed, and reaches the disk with the next
        synced commit; only a power cut in between can lose it, costing a repeated message,
        never a decision.
        """
        if not ops:
            return self._written
        if self.read_only:
            raise StoreError("this store was opened read-only")
        data = dumps({"ops": ops}) + b"\n"
        with self._mutex:
            self._journal.write(data)
            self._written += 1
            number = self._written
            if sync and _DEFERRED.get():
                self._wanted = number  # the next `flushed()` must cover it
            elif sync:
                if self._fsync:
                    os.fsync(self._journal.fileno())
                self._synced = number
            self._apply(ops)
            if self._compactor is None and self._journal.tell() > max(
                    COMPACT_MIN_BYTES, COMPACT_GROWTH * self._snapshot_bytes,
                    self._compact_after):
                # Folded in beside the writers, not on their thread (an event loop's, when
                # serving): see `_compact_beside`.
                self._compactor = threading.Thread(target=self._compact_beside,
                                                   name="store compaction", daemon=True)
                self._compactor.start()
        return number

    # -- group commit -----------------------------------------------------------------------

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Commits made inside are written (and visible) at once; `await flushed()` after the
        block makes them durable, sharing one fsync with every commit written meanwhile.
        Nothing may be acknowledged between the two."""
        token = _DEFERRED.set(True)
        try:
            yield
        finally:
            _DEFERRED.reset(token)

    @property
    def synced(self) -> int:
        """The number of the last commit known to be on disk."""
        return self._synced

    async def flushed(self) -> None:
        """Return once every commit written so far that asked to be durable is on disk
        (bookkeeping written with `sync=False` does not ask). Concurrent callers share an
        fsync: one runs (in a thread, so the event loop keeps serving) while the commits
        arriving meanwhile wait for the next, which covers them all. With nothing to make
        durable it returns at once."""
        target = self._wanted
        while self._synced < target:
            if self._flushing is not None:
                await asyncio.shield(self._flushing)
                continue
            loop = asyncio.get_running_loop()
            self._flushing = loop.create_future()
            try:
                covered = self._written
                if self._fsync:
                    with self._mutex:  # a duplicate survives the journal being swapped
                        fd = os.dup(self._journal.fileno())
                    try:
                        await asyncio.to_thread(os.fsync, fd)
                    finally:
                        os.close(fd)
                self._synced = max(self._synced, covered)
            finally:
                self._flushing.set_result(None)
                self._flushing = None

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Every table as loaded and committed so far: a consistent copy (for backups)."""
        with self._mutex:
            return {name: dict(table) for name, table in self._memory.items()}

    def close(self) -> None:
        if self.read_only:
            return
        compactor = self._compactor
        if compactor is not None:
            compactor.join()  # it takes the mutex; let it finish, then fold in the rest
        with self._mutex:
            if self._journal.closed:
                return
            self._compact()
            self._journal.close()
            os.close(self._lock_fd)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals --------------------------------------------------------------------------

    def _apply(self, ops: Sequence[Op]) -> None:
        touched: set[str] = set()
        for op in ops:
            table = self._memory.setdefault(op[1], {})
            if op[0] == "put":
                table[op[2]] = op[3]
            else:
                table.pop(op[2], None)
            touched.add(op[1])
            for watcher in self._watchers.get(op[1], ()):
                watcher(op[2], op[3] if op[0] == "put" else None, self._written)
        for name in touched:
            self._db.table(name).clear_cache()

    def _load_stable(self) -> dict[str, dict[str, Any]]:
        """Read beside a writer: if it compacted meanwhile (a new snapshot, then an emptied
        journal), the old snapshot and the emptied journal would miss commits: read again."""
        for _ in range(STABLE_READ_ATTEMPTS):
            before = _identity(self.path)
            memory = self._load()
            if _identity(self.path) == before:
                return memory
        raise StoreError(f"{self.path} kept changing while being read; try again")

    def _load(self) -> dict[str, dict[str, Any]]:
        memory: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            try:
                memory = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            except (ValueError, UnicodeDecodeError) as error:
                raise StoreCorrupt(f"{self.path}: snapshot is not valid JSON: {error}") from None
        self._memory = memory
        for ops in self._journal_entries():
            self._apply(ops)
        return self._memory

    def _journal_entries(self) -> Iterator[list[Any]]:
        if not self.journal_path.exists():
            return
        raw = self.journal_path.read_bytes()
        lines = raw.split(b"\n")
        for number, line in enumerate(lines, start=1):
            if not line:
                continue
            try:
                entry = json.loads(line)
                yield entry["ops"]
            except (ValueError, KeyError, TypeError):
                if number >= len(lines) - 1 and not raw.endswith(b"\n"):
                    # A write torn by a crash: fsync never returned, so nobody was told "done".
                    log.warning("dropping an unfinished last journal entry in %s",
                                self.journal_path)
                    return
                raise StoreCorrupt(f"{self.journal_path}: entry {number} is damaged") from None

    def _compact_beside(self) -> None:
        """Compaction while the store serves, in its own thread: the snapshot of the tables
        as of one journal position is written and fsync'ed without the mutex, so commits go
        on meanwhile (the disk's part of a compaction: 40-80 ms under slack_load.py for 5,000
        requests, seconds for 100,000); then the journal lines written since are moved to a
        fresh journal (written, fsync'ed and renamed under the mutex: a few kilobytes).

        A crash at any point leaves a snapshot and a journal that hold every acknowledged
        commit: before the rename, the old journal has them all (replaying lines the new
        snapshot already holds is harmless: every op is an absolute put or delete); after it,
        the new snapshot plus the lines since. A `flushed()` fsync'ing the old journal
        meanwhile covers only lines that are in the snapshot or were copied and fsync'ed."""
        try:
            with self._mutex:  # the tables as of this journal position
                if self._journal.closed:
                    return
                data = dumps(self._memory)
                position = self._journal.tell()
            _write_private_bytes(self.path, data)
            with self._mutex:
                if self._journal.closed:
                    return
                tail = _read_from(self.journal_path, position)
                fresh = self.journal_path.with_name(self.journal_path.name + ".tmp")
                journal = _open_journal(fresh, "wb")
                try:
                    journal.write(tail)
                    os.fsync(journal.fileno())
                    os.replace(fresh, self.journal_path)
                    _fsync_directory(self.path.parent)
                except BaseException:
                    journal.close()
                    raise
                self._journal.close()
                self._journal = journal
                self._snapshot_bytes = len(data)
                self._compact_after = 0
        except Exception:  # the journal still holds every commit; try again when it has grown
            log.exception("compacting %s failed; the journal keeps every commit", self.path)
            self._compact_after = 2 * max(COMPACT_MIN_BYTES, self._snapshot_bytes,
                                          self._compact_after)
        finally:
            self._compactor = None

    def _compact(self) -> None:
        has_journal = self.journal_path.exists() and self.journal_path.stat().st_size > 0
        if not has_journal and self.path.exists():
            return
        write_private_json(self.path, self._memory)
        # Only now may the journal go: replaying it over the new snapshot is harmless anyway,
        # because every op is an absolute put or delete.
        with _open_journal(self.journal_path, "wb") as journal:
            os.fsync(journal.fileno())
        self._snapshot_bytes = self.path.stat().st_size
        if hasattr(self, "_journal") and not self._journal.closed:
            self._journal.close()
            self._journal = _open_journal(self.journal_path, "ab")


def private_directory(directory: Path) -> None:
    """Create `directory` (0700: the store holds personal information); leave an existing one."""
    if not directory.exists():
        directory.parent.mkdir(parents=True, exist_ok=True)
        directory.mkdir(mode=0o700, exist_ok=True)
        os.chmod(directory, 0o700)  # mkdir's mode passes through the umask


def write_private_json(path: Path, data: object) -> None:
    """Write `path` atomically and durably as compact JSON, readable by this user only (0600)."""
    _write_private_bytes(path, dumps(data))


def _write_private_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # whatever the umask, and even if a stale .tmp was left wider
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)
    _fsync_directory(path.parent)


def _read_from(path: Path, position: int) -> bytes:
    with path.open("rb") as journal:
        journal.seek(position)
        return journal.read()


# What json.dumps(..., separators=(",", ":"), ensure_ascii=False) accepts, and nothing more
# (a datetime or a dataclass is refused, not quietly turned into a string), as that compact
# UTF-8 JSON, by orjson: 0.7 against 20 us for a journal line holding a request, and a
# compaction (the whole store, on the event loop) takes 15 ms instead of json.dump's 200 ms
# (its pure-Python encoder) for 5,000 requests.
_ORJSON_OPTIONS = (orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
                   | orjson.OPT_PASSTHROUGH_DATACLASS)


def dumps(data: object) -> bytes:
    """`data` as compact UTF-8 JSON, as the standard library writes it (read back alike)."""
    try:
        return orjson.dumps(data, option=_ORJSON_OPTIONS)
    except TypeError:  # beyond orjson (an integer over 64 bits): the standard library's way
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _open_journal(path: Path, mode: Literal["ab", "wb"]) -> Any:
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "ab" else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, mode, buffering=0)


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_ino, status.st_mtime_ns, status.st_size


def acquire_lock(lock_path: Path) -> int:
    """Hold the store's lock (an flock on `<path>.lock`); raises StoreLocked if a server has it."""
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    os.fchmod(fd, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        owner = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
        os.close(fd)
        raise StoreLocked(
            f"{lock_path.with_suffix('')} is already open in another process (pid {owner}); "
            "stop it first, or give this run its own storage.path"
        ) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["Op", "Store", "StoreCorrupt", "StoreError", "StoreLocked", "Watcher", "acquire_lock",
           "private_directory", "write_private_json"]
