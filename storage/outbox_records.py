"""The outbox's stored record, shared by every storage backend: one format, one summary."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
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
                         last_error=record["last_error"])


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
