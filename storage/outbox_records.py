"""The outbox's stored record, shared by every storage backend: one format, one summary."""

from __future__ import annotations

import heapq
import itertools
import time
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from bot.notifications import Notification, OutboxMessage
from bot.outbox import OutboxSummary


def outbox_record(message: OutboxMessage, *, queued_at: float | None = None) -> dict[str, Any]:
    # queued_at (when the notice was first queued) tells operators how long it has waited.
    return {"id": message.id, "channel": message.channel,
            "notification": message.notification.to_record(), "attempts": message.attempts,
            "not_before": message.not_before, "last_error": message.last_error, "dead": False,
            "queued_at": time.time() if queued_at is None else queued_at}


def outbox_message(record: dict[str, Any]) -> OutboxMessage:
    return OutboxMessage(id=record["id"], channel=record["channel"],
                         notification=Notification.from_record(record["notification"]),
                         attempts=record["attempts"], not_before=record["not_before"],
                         last_error=record["last_error"],
                         queued_at=record.get("queued_at") or 0.0)


def oldest_first(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: (r.get("queued_at") or 0.0, r["id"]))


def summarise(records: Iterable[dict[str, Any]], now: float) -> OutboxSummary:
    """Waiting and given-up messages per channel, and the oldest queued and oldest due."""
    pending: dict[str, int] = defaultdict(int)
    dead: dict[str, int] = defaultdict(int)
    queued_times: list[float] = []
    due_times: list[float] = []
    for record in records:
        if record["dead"]:
            dead[record["channel"]] += 1
            continue
        pending[record["channel"]] += 1
        queued = record.get("queued_at")
        if queued is not None:
            queued_times.append(queued)
        if record["not_before"] <= now:
            due_times.append(max(record["not_before"], queued or 0.0))
    return OutboxSummary(pending=dict(pending), dead=dict(dead),
                         oldest_queued_at=min(queued_times, default=None),
                         oldest_due_at=min(due_times, default=None))


class OutboxIndex:
    """What the outbox's scans need, kept as the records change (`Store.watch`): the messages
    still tried, by when they are due and then the order they were queued in (a heap), and the
    dead letters. `due` and `pending_count` then cost the same with 10 or 100,000 waiting."""

    def __init__(self) -> None:
        self._live: dict[str, tuple[float, int, int]] = {}  # id: (not_before, order, commit)
        self._heap: list[tuple[float, int, str]] = []  # may hold outdated entries; see `due`
        self._dead: dict[str, None] = {}
        self._order = itertools.count()

    def changed(self, message_id: str, record: dict[str, Any] | None, commit: int) -> None:
        if record is None or record["dead"]:
            self._live.pop(message_id, None)
            if record is None:
                self._dead.pop(message_id, None)
            else:
                self._dead[message_id] = None
            return
        self._dead.pop(message_id, None)
        known = self._live.get(message_id)
        # A retry keeps its place in line, and the number of the commit that queued it.
        order, commit = (known[1], known[2]) if known else (next(self._order), commit)
        not_before = float(record["not_before"])
        self._live[message_id] = (not_before, order, commit)
        if known is None or known[0] != not_before:
            heapq.heappush(self._heap, (not_before, order, message_id))
        if len(self._heap) > 2 * len(self._live) + 1024:
            self._heap = [(nb, o, i) for i, (nb, o, _) in self._live.items()]
            heapq.heapify(self._heap)

    def due(self, now: float, limit: int, *, durable_up_to: int | None = None,
            skip: Collection[str] = frozenset()) -> list[str]:
        """Up to `limit` ids due at `now`, the earliest due first, then in queued order;
        with `durable_up_to`, only messages whose commit is on disk (a decision's notices are
        not sent before the decision itself is durable); none of those in `skip`."""
        taken: list[str] = []
        looked: list[tuple[float, int, str]] = []
        seen: set[str] = set()
        while self._heap and len(taken) < limit and self._heap[0][0] <= now:
            entry = heapq.heappop(self._heap)
            not_before, order, message_id = entry
            live = self._live.get(message_id)
            if live is None or live[:2] != (not_before, order) or message_id in seen:
                continue  # delivered, rescheduled or dead since: drop the outdated entry
            seen.add(message_id)
            looked.append(entry)
            if message_id not in skip and (durable_up_to is None or live[2] <= durable_up_to):
                taken.append(message_id)
        for entry in looked:  # still waiting until delivered
            heapq.heappush(self._heap, entry)
        return taken

    def pending_count(self) -> int:
        return len(self._live)

    def dead(self) -> list[str]:
        return list(self._dead)
