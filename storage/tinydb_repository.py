"""The core's storage ports on the journaled TinyDB store.

Requests, their refusals, the outbox, the delivery ledger and adapter state live in one store,
so a state change and the notifications it causes are one commit. Small in-memory indexes
(by requester, open requests, copies per request) keep look-ups independent of history size.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from bot.audit import Refusal, sealed
from bot.domain import SocialMediaRequest
from bot.notifications import Notification, OutboxMessage
from bot.outbox import OutboxSummary
from bot.ports import ConcurrentUpdate, HistoryRewritten
from storage.engine import Op, Store
from storage.outbox_records import (
    OutboxIndex,
    oldest_first,
    outbox_message,
    outbox_record,
    summarise,
)

__all__ = ["HistoryRewritten", "TinyDBRepository", "migration_record"]

REQUESTS, REFUSALS, OUTBOX, DELIVERIES, KEYVALUE, MARKERS, MIGRATIONS = (
    "requests", "refusals", "outbox", "deliveries", "kv", "markers", "migrations",
)


def migration_record(name: str, cases: int) -> Op:
    """The note a one-time conversion of stored records leaves behind (what, when, how many)."""
    return ("put", MIGRATIONS, f"{name}@{time.time():.6f}",
            {"name": name, "cases": cases, "at": time.time()})


class TinyDBRepository:
    """Implements RequestRepository, Outbox, DeliveryLedger and KeyValueStore."""

    def __init__(self, store: Store, *, channels: Iterable[str] = ()) -> None:
        self.store = store
        self.channels = tuple(channels)
        self.chat_channels = tuple(c for c in self.channels if c != "webhook")
        # Compare-and-write as one step, whichever thread or coroutine writes.
        self._writing = threading.Lock()
        self._parsed: dict[str, SocialMediaRequest] = {}
        self._by_requester: dict[str, set[str]] = defaultdict(set)
        self._open: set[str] = set()
        self._refusals: dict[str, int] = defaultdict(int)
        self._copies: dict[tuple[str, str], list[str]] = defaultdict(list)
        # Every request id as stored at start and as written since (by `save` or straight to
        # the store, as a purge does), in order: the change feed the inbox index and the
        # dashboard's totals catch up from (`changed_since`).
        self._changes: list[str] = []
        self._highest = 0
        self._chain_unhashed_histories()
        self._build_indexes()
        self._next_number = itertools.count(self._highest + 1)
        self._outbox = OutboxIndex()
        store.watch(OUTBOX, self._outbox.changed)

    def _chain_unhashed_histories(self) -> None:
        """Requests stored before history entries carried hashes get their chain computed
        once, in one commit, so every later `verify` checks them like new ones. A history
        with some entries hashed is not old but damaged: it is left for `verify` to name."""
        if self.store.read_only:
            return
        old = [SocialMediaRequest.from_record(record)
               for _, record in self.store.items(REQUESTS)
               if record["history"] and not any("hash" in e for e in record["history"])]
        if old:
            self.store.commit([
                *(("put", REQUESTS, r.id, r.evolve(history=sealed(r.id, r.history)).to_record())
                  for r in old),
                migration_record("request-history-hashes", len(old))])

    def _build_indexes(self) -> None:
        self.store.watch(REQUESTS, self._request_written)
        for doc_id, _ in self.store.items(REFUSALS):
            self._refusals[doc_id.rsplit("#", 1)[0]] += 1
        for doc_id, record in self.store.items(DELIVERIES):
            if record["ref"] is not None:  # an intent without a result is not a copy
                self._copies[(record["request_id"], record["channel"])].append(doc_id)

    def _request_written(self, doc_id: str, record: dict[str, Any] | None, _: int) -> None:
        """Every request as loaded, then every write to one: the indexes follow the store,
        and a parsed copy is read again (`save` puts back the one it just wrote)."""
        self._parsed.pop(doc_id, None)
        self._changes.append(doc_id)
        if record is not None:
            self._index(record)
            self._highest = max(self._highest, int(doc_id.removeprefix("R-")))

    def _index(self, record: dict[str, Any]) -> None:
        self._by_requester[record["requester_id"]].add(record["id"])
        if record["state"] in ("approved", "rejected", "withdrawn"):
            self._open.discard(record["id"])
        else:
            self._open.add(record["id"])

    # -- RequestRepository ------------------------------------------------------------------

    def next_id(self) -> str:
        return f"R-{next(self._next_number)}"

    def get(self, request_id: str) -> SocialMediaRequest | None:
        cached = self._parsed.get(request_id)
        if cached is not None:
            return cached
        record = self.store.get(REQUESTS, request_id)
        if record is None:
            return None
        # Requests are immutable values; a write to the store drops the parsed copy.
        request = self._parsed[request_id] = SocialMediaRequest.from_record(record)
        return request

    def save(self, request: SocialMediaRequest, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> SocialMediaRequest:
        saved = request.evolve(version=expected_version + 1)
        record = saved.to_record()
        ops: list[Op] = [("put", REQUESTS, saved.id, record), *self.outbox_ops(notifications)]
        with self._writing:
            stored = self.get(request.id)
            if (stored.version if stored else 0) != expected_version:
                raise ConcurrentUpdate(request.id)
            if stored is not None and \
                    request.history[: len(stored.history)] != stored.history:
                raise HistoryRewritten(f"{request.id}: the audit trail is append-only")
            self.store.commit(ops)
            self._parsed[saved.id] = saved
        return saved

    def changed_since(self, cursor: int) -> tuple[list[str], int]:
        return self._changes[cursor:], len(self._changes)

    def queue(self, notifications: Iterable[Notification], *, marker: str) -> None:
        self.store.commit([("put", MARKERS, marker, {"marker": marker}),
                           *self.outbox_ops(notifications)])

    def marked(self, marker: str) -> bool:
        return self.store.get(MARKERS, marker) is not None

    def outbox_ops(self, notifications: Iterable[Notification]) -> list[Op]:
        ops: list[Op] = []
        for note in notifications:
            # A note for one channel (the removal webhook) is dropped when that channel is off.
            targeted = (note.channel,) if note.channel in self.channels else ()
            for channel in targeted if note.channel else self.chat_channels:
                message = OutboxMessage(id=f"{note.id}@{channel}", channel=channel,
                                        notification=note)
                ops.append(("put", OUTBOX, message.id, outbox_record(message)))
        return ops

    def record_refusal(self, refusal: Refusal) -> None:
        number = self._refusals[refusal.case_id] + 1
        record = refusal.to_record()
        self.store.commit([("put", REFUSALS, f"{refusal.case_id}#{number}", record)])
        self._refusals[refusal.case_id] = number

    def refusals(self, request_id: str) -> list[Refusal]:
        found = []
        for number in range(1, self._refusals[request_id] + 1):
            record = self.store.get(REFUSALS, f"{request_id}#{number}")
            if record:
                found.append(Refusal.from_record(record))
        return found

    def by_requester(self, person_id: str) -> list[SocialMediaRequest]:
        return self._load_sorted(self._by_requester.get(person_id, set()))

    def open_cases(self) -> list[SocialMediaRequest]:
        return self._load_sorted(self._open)

    def count(self) -> int:
        return self.store.count(REQUESTS)

    @property
    def generation(self) -> int:
        """Bumps on every saved request: reports know when to look again."""
        return len(self._changes)

    def all_requests(self) -> list[SocialMediaRequest]:
        """Every request, open and closed (reports); parsed once and kept, like `get`."""
        return [r for r in map(self.get, [i for i, _ in self.store.items(REQUESTS)])
                if r is not None]

    def _load_sorted(self, ids: Iterable[str]) -> list[SocialMediaRequest]:
        ordered = sorted(ids, key=lambda i: int(i.removeprefix("R-")))
        return [r for r in map(self.get, ordered) if r is not None]

    # -- Outbox -----------------------------------------------------------------------------

    def due(self, now: float, limit: int = 50,
            skip: Collection[str] = frozenset()) -> list[OutboxMessage]:
        # Among messages due alike, the order they were queued in (a request's closed step
        # before its next one); only those whose commit is on disk (group commit). Those in
        # `skip` are left out before any is read and parsed.
        found = (self.store.get(OUTBOX, message_id) for message_id
                 in self._outbox.due(now, limit, durable_up_to=self.store.synced, skip=skip))
        return [outbox_message(record) for record in found if record is not None]

    def delivered(self, message_id: str) -> None:
        self.store.commit([("del", OUTBOX, message_id)], sync=False)

    def delivered_all(self, message_ids: Iterable[str]) -> None:
        """Several deliveries recorded in one write (the dispatcher batches them)."""
        self.store.commit([("del", OUTBOX, message_id) for message_id in message_ids],
                          sync=False)

    def failed(self, message: OutboxMessage, *, error: str, retry_at: float | None) -> None:
        record = outbox_record(message, queued_at=self._queued_at(message.id))
        record.update(attempts=message.attempts + 1, last_error=error[:500],
                      not_before=retry_at or message.not_before, dead=retry_at is None)
        self.store.commit([("put", OUTBOX, message.id, record)], sync=False)

    def pending_count(self) -> int:
        return self._outbox.pending_count()

    def dead_letters(self) -> list[OutboxMessage]:
        found = (self.store.get(OUTBOX, message_id) for message_id in self._outbox.dead())
        return [outbox_message(record) for record in found if record is not None]

    # -- Operations: what waits, what was given up on, and putting it back ------------------

    def outbox_records(self, *, dead: bool) -> list[dict[str, Any]]:
        """Messages still tried (`dead` False) or given up on, oldest queued first."""
        chosen = [record for _, record in self.store.items(OUTBOX) if record["dead"] == dead]
        return oldest_first(chosen)

    def outbox_summary(self, now: float) -> OutboxSummary:
        return summarise((record for _, record in self.store.items(OUTBOX)), now)

    def retry(self, message_ids: Iterable[str] | None, now: float) -> list[str]:
        """Make messages due now with a fresh round of attempts; None means every dead letter.

        Returns the ids put back; ids not in the outbox (delivered, or never queued) are skipped.
        """
        if message_ids is None:
            chosen = [record for _, record in self.store.items(OUTBOX) if record["dead"]]
        else:
            found = (self.store.get(OUTBOX, message_id) for message_id in message_ids)
            chosen = [record for record in found if record is not None]
        ops: list[Op] = [("put", OUTBOX, record["id"],
                          {**record, "dead": False, "attempts": 0, "not_before": now})
                         for record in chosen]
        self.store.commit(ops)
        return [record["id"] for record in chosen]

    def _queued_at(self, message_id: str) -> float | None:
        stored = self.store.get(OUTBOX, message_id)
        return stored.get("queued_at") if stored else None

    # -- DeliveryLedger ---------------------------------------------------------------------

    def sent(self, notification_id: str, channel: str, target: str) -> bool:
        record = self.store.get(DELIVERIES, f"{notification_id}|{channel}|{target}")
        return record is not None and record["ref"] is not None

    def intend(self, *, notification: Notification, channel: str, target: str,
               at: float) -> None:
        # Not fsync'ed, like `record`: written at once, so it survives the process being
        # killed; a power cut can lose it, which costs at worst a repeated message.
        doc_id = f"{notification.id}|{channel}|{target}"
        record = {"request_id": notification.case_id, "step": notification.step,
                  "kind": notification.kind, "channel": channel, "target": target,
                  "ref": None, "intended_at": at}
        self.store.commit([("put", DELIVERIES, doc_id, record)], sync=False)

    def intended_at(self, notification_id: str, channel: str, target: str) -> float | None:
        record = self.store.get(DELIVERIES, f"{notification_id}|{channel}|{target}")
        if record is None or record["ref"] is not None:
            return None
        return float(record["intended_at"])

    def record(self, *, notification: Notification, channel: str, target: str,
               ref: Mapping[str, Any]) -> None:
        doc_id = f"{notification.id}|{channel}|{target}"
        record = {"request_id": notification.case_id, "step": notification.step,
                  "kind": notification.kind, "channel": channel, "target": target,
                  "ref": dict(ref)}
        self.store.commit([("put", DELIVERIES, doc_id, record)], sync=False)
        copies = self._copies[(notification.case_id, channel)]
        if doc_id not in copies:
            copies.append(doc_id)

    def copies(self, request_id: str, step: int | None, channel: str, *,
               kind: str = "action_needed") -> list[dict[str, Any]]:
        found = []
        for doc_id in self._copies.get((request_id, channel), []):
            record = self.store.get(DELIVERIES, doc_id)
            if record and record["ref"] is not None and record["kind"] == kind and \
                    step in (None, record["step"]):
                found.append({"target": record["target"], **record["ref"]})
        return found

    # -- KeyValueStore ----------------------------------------------------------------------

    def get_value(self, namespace: str, key: str) -> dict[str, Any] | None:
        return self.store.get(KEYVALUE, f"{namespace}:{key}")

    def put_value(self, namespace: str, key: str, value: Mapping[str, Any]) -> None:
        self.store.commit([("put", KEYVALUE, f"{namespace}:{key}", dict(value))], sync=False)
