"""Case types without a repository of their own (citizens' questions, broken links, account
reviews, and the register's records), and the link check's tables, on the journaled TinyDB store.

`TinyDBCaseRepository` keeps one case type in one table: ids never reused, the version check,
the append-only history and the case's notifications in the same commit, like the request and
alert repositories. `TinyDBLinkStore` keeps the links to check and the last check's results.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, Self, TypeVar

from bot.audit import HistoryEntry
from bot.links import LinkCheck, LinkSource
from bot.notifications import Notification
from bot.ports import ConcurrentUpdate, HistoryRewritten
from storage.engine import Op
from storage.tinydb_repository import TinyDBRepository


class RecordCase(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def history(self) -> tuple[HistoryEntry, ...]: ...
    @property
    def is_final(self) -> bool: ...

    def evolve(self, **changes: Any) -> Self: ...

    def to_record(self) -> dict[str, Any]: ...


C = TypeVar("C", bound=RecordCase)


class TinyDBCaseRepository(Generic[C]):
    """One kind of case or record in table `table`, ids `prefix-n`, sharing the requests'
    outbox: the questions, broken links and reviews here, and the register's accounts, tasks,
    offboarding cases and grants (storage/accounts_repository.py).

    Parsed records are kept beside the stored record they came from and used only while the
    store still holds that very record: anything committed to the table directly (the purge,
    storage/retention.py) replaces it, and the next read parses again."""

    def __init__(self, requests: TinyDBRepository, *, table: str, prefix: str,
                 from_record: Callable[[dict[str, Any]], C]) -> None:
        self.store = requests.store
        self.outbox_ops = requests.outbox_ops
        self.table = table
        self.prefix = prefix
        self.from_record = from_record
        self._writing = threading.Lock()
        self._parsed: dict[str, tuple[dict[str, Any], C]] = {}
        self._open: set[str] = set()
        highest = 0
        for doc_id, record in self.store.items(table):
            highest = max(highest, _number(doc_id))
            if not self._parse(doc_id, record).is_final:
                self._open.add(doc_id)
        self._next = itertools.count(highest + 1)

    def _parse(self, doc_id: str, record: dict[str, Any]) -> C:
        cached = self._parsed.get(doc_id)
        if cached is not None and cached[0] is record:
            return cached[1]
        parsed = self.from_record(record)
        self._parsed[doc_id] = (record, parsed)
        return parsed

    def next_id(self) -> str:
        return f"{self.prefix}-{next(self._next)}"

    def get(self, case_id: str, /) -> C | None:
        record = self.store.get(self.table, case_id)
        return self._parse(case_id, record) if record is not None else None

    def save(self, case: C, /, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> C:
        saved = case.evolve(version=expected_version + 1)
        record = saved.to_record()
        ops: list[Op] = [("put", self.table, saved.id, record),
                         *self.outbox_ops(notifications)]
        with self._writing:
            stored = self.get(case.id)
            if (stored.version if stored else 0) != expected_version:
                raise ConcurrentUpdate(case.id)
            if stored is not None and case.history[: len(stored.history)] != stored.history:
                raise HistoryRewritten(f"{case.id}: the audit trail is append-only")
            self.store.commit(ops)
            self._parsed[saved.id] = (record, saved)
            (self._open.discard if saved.is_final else self._open.add)(saved.id)
        return saved

    def open_cases(self) -> list[C]:
        found = (self.get(i) for i in sorted(self._open, key=_number))
        return [c for c in found if c is not None]

    def all(self) -> list[C]:
        """Every case, final ones too, by id."""
        return [self._parse(doc_id, record) for doc_id, record
                in sorted(self.store.items(self.table), key=lambda item: _number(item[0]))]


LINK_SOURCES, LINK_CHECKS, BROKEN_LINKS = "link_sources", "link_checks", "broken_links"
QUESTIONS, ACCOUNT_REVIEWS = "questions", "account_reviews"


class TinyDBLinkStore:
    def __init__(self, requests: TinyDBRepository) -> None:
        self.store = requests.store

    def add_source(self, source: LinkSource) -> bool:
        key = f"{source.key} {source.where}"
        if self.store.get(LINK_SOURCES, key) is not None:
            return False
        self.store.commit([("put", LINK_SOURCES, key, {
            "url": source.url, "account_id": source.account_id, "post_id": source.post_id,
            "registered_by": source.registered_by,
            "added_at": source.added_at.isoformat() if source.added_at else None})])
        return True

    def sources(self) -> list[LinkSource]:
        from datetime import datetime

        return [LinkSource(url=r["url"], account_id=r["account_id"], post_id=r["post_id"],
                           registered_by=r["registered_by"],
                           added_at=datetime.fromisoformat(r["added_at"])
                           if r["added_at"] else None)
                for _, r in sorted(self.store.items(LINK_SOURCES))]

    def record_check(self, check: LinkCheck) -> None:
        self.store.commit([("put", LINK_CHECKS, "last", check.to_record())])

    def last_check(self) -> LinkCheck | None:
        record = self.store.get(LINK_CHECKS, "last")
        return LinkCheck.from_record(record) if record else None


def _number(case_id: str) -> int:
    return int(case_id.split("-", 1)[1])
