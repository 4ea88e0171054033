"""Ports: the small interfaces the core needs from the outside world.

Storage, delivery and time are reached only through these; adapters implement them, and the
tests run one contract suite against every implementation.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Protocol

from bot.audit import Refusal
from bot.directory_records import Absence, DirectoryEvent
from bot.domain import SocialMediaRequest
from bot.notifications import Notification, OutboxMessage


class ConcurrentUpdate(Exception):
    """Someone else changed the case first; reload it and decide again."""


class HistoryRewritten(Exception):
    """A save tried to change or drop an audit entry: the trail is append-only."""


class Clock(Protocol):
    def now(self) -> datetime: ...


class RequestRepository(Protocol):
    def next_id(self) -> str: ...

    def get(self, request_id: str) -> SocialMediaRequest | None: ...

    def save(self, request: SocialMediaRequest, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> SocialMediaRequest:
        """Store `request` (version bumped) and queue its notifications in ONE durable write.

        Raises ConcurrentUpdate when the stored version is not `expected_version`.
        """
        ...

    def queue(self, notifications: Iterable[Notification], *, marker: str) -> None:
        """Queue notifications that change no request, once: `marker` is stored with them."""
        ...

    def marked(self, marker: str) -> bool: ...

    def record_refusal(self, refusal: Refusal) -> None: ...

    def refusals(self, request_id: str) -> list[Refusal]: ...

    def by_requester(self, person_id: str) -> list[SocialMediaRequest]: ...

    def open_cases(self) -> list[SocialMediaRequest]: ...

    def changed_since(self, cursor: int) -> tuple[list[str], int]:
        """Ids of the requests saved since `cursor` (0: every stored request), and the cursor
        to pass next time: how indexes kept outside the store (the inbox) stay current."""
        ...

    def count(self) -> int: ...


class Outbox(Protocol):
    def due(self, now: float, limit: int = 50,
            skip: Collection[str] = frozenset()) -> list[OutboxMessage]:
        """Up to `limit` messages due at `now`, earliest due first, then in queued order;
        those whose ids are in `skip` (being delivered) are neither returned nor counted."""
        ...

    def delivered(self, message_id: str) -> None: ...

    def delivered_all(self, message_ids: Iterable[str]) -> None:
        """Several deliveries recorded in one write."""
        ...

    def failed(self, message: OutboxMessage, *, error: str, retry_at: float | None) -> None:
        """Record a failed attempt; `retry_at` None means give up (kept as dead letter)."""
        ...

    def pending_count(self) -> int: ...


class DeliveryLedger(Protocol):
    """What each channel sent where: makes fan-out idempotent and lets copies be updated."""

    def sent(self, notification_id: str, channel: str, target: str) -> bool: ...

    def record(self, *, notification: Notification, channel: str, target: str,
               ref: Mapping[str, Any]) -> None: ...

    def intend(self, *, notification: Notification, channel: str, target: str,
               at: float) -> None:
        """About to send: if no `record` follows, a crash may have come after the platform
        accepted the message, and the channel checks before sending again."""
        ...

    def intended_at(self, notification_id: str, channel: str, target: str) -> float | None:
        """When a send was intended that has no recorded result; None if none is pending."""
        ...

    def copies(self, request_id: str, step: int | None, channel: str, *,
               kind: str = "action_needed") -> list[dict[str, Any]]:
        """What `channel` sent of `kind` for the request or alert (`step` None: every step)."""
        ...


class KeyValueStore(Protocol):
    """Small adapter state, e.g. Teams conversation references by person."""

    def get_value(self, namespace: str, key: str) -> dict[str, Any] | None: ...

    def put_value(self, namespace: str, key: str, value: Mapping[str, Any]) -> None: ...


class DeliveryFailed(Exception):
    """A channel could not deliver; `retry_after` None means do not retry (e.g. 403 blocked).

    A rate limit (a 429 with its wait in `retry_after`) pauses every delivery on the platform,
    unless `scope` names what the limit applies to (a Slack method: Slack limits each method
    on its own tier) and the channel paces that itself.
    """

    def __init__(self, reason: str, *, retry_after: float | None = 0.0,
                 scope: str | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.scope = scope


class Channel(Protocol):
    """A platform that delivers notifications (Slack, Teams)."""

    name: str

    async def deliver(self, notification: Notification) -> None:
        """Deliver to every target on this platform; raise DeliveryFailed to retry later."""
        ...


# -- the directory the bot keeps (bot/directory_sync.py, bot/time_away.py) ---------------------


class DirectoryRepository(Protocol):
    """People as the directory's sources last said (over app.yaml's), who is gone awaiting the
    CCT, the directory's history, and time away. Each save is one durable write."""

    def stored_people(self) -> dict[str, dict[str, Any]]:
        """Person id -> the person's fields as a source last gave them (empty: none ran)."""
        ...

    def gone_people(self) -> set[str]: ...

    def save_directory(self, people: Mapping[str, Mapping[str, Any]], gone: Iterable[str],
                       returned: Iterable[str], events: Iterable[DirectoryEvent]) -> None:
        """Store changed people, mark `gone` (kept, never deleted), unmark `returned`, and
        append `events` to the history, in ONE durable write."""
        ...

    def directory_history(self, person_id: str | None = None) -> list[DirectoryEvent]: ...

    def next_directory_seq(self) -> int: ...

    def save_absence(self, absence: Absence, events: Iterable[DirectoryEvent] = ()) -> None:
        """Store the person's time away (replacing theirs) with its history entries."""
        ...

    def absences(self) -> list[Absence]: ...


class Durability(Protocol):
    """Group commit: decisions taken inside `deferred()` are visible at once and made durable
    together by `await flushed()`, one disk sync for every commit written meanwhile. A
    platform is told "done" (its ack) only after `flushed()` returns."""

    def deferred(self) -> contextlib.AbstractContextManager[None]: ...

    async def flushed(self) -> None: ...


class Immediate:
    """Every commit is durable when it returns (in-memory stores, tests)."""

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        yield

    async def flushed(self) -> None:
        return None
