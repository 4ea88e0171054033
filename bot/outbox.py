"""Delivers queued notifications to their channels, with backoff, until each is delivered.

Notifications were written to the outbox in the same commit as the decision, so a crash
between deciding and telling never loses a message; channels make delivery idempotent by
(notification, target) through the delivery ledger, so a retry never doubles one either.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.notifications import OutboxMessage
from bot.ports import Channel, DeliveryFailed, Outbox

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
PASS_LIMIT = 500
CONCURRENT_SUBJECTS = 4
BASE_DELAY = 1.0
MAX_DELAY = 600.0


@dataclass(frozen=True)
class OutboxSummary:
    """What waits in the outbox, for readiness checks and metrics (epoch seconds)."""

    pending: dict[str, int] = field(default_factory=dict)   # by channel, still being tried
    dead: dict[str, int] = field(default_factory=dict)      # by channel, given up on
    oldest_queued_at: float | None = None   # the oldest undelivered message still tried
    oldest_due_at: float | None = None      # the longest-overdue message (due, not yet sent)


def backoff(attempts: int, retry_after: float = 0.0) -> float:
    """Exponential backoff with full jitter, never shorter than the platform's Retry-After."""
    ceiling = min(MAX_DELAY, BASE_DELAY * 2 ** attempts)
    return max(retry_after, random.uniform(ceiling / 2, ceiling))


class OutboxDispatcher:
    def __init__(self, outbox: Outbox, channels: Mapping[str, Channel], *,
                 poll_seconds: float = 1.0) -> None:
        self.outbox = outbox
        self.channels = dict(channels)
        self.poll_seconds = poll_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def wake(self) -> None:
        """Something was queued: deliver now rather than at the next poll."""
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self.deliver_due()
            except Exception:  # keep delivering whatever one bad message does
                log.exception("outbox pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_seconds)
            self._wake.clear()

    async def deliver_due(self) -> int:
        """One pass over what is due; returns how many were delivered.

        Requests are served concurrently (a slow platform must not hold up the backlog), the
        messages of one request in order, so a card is closed before its successor is sent.
        """
        by_subject: dict[str, list[OutboxMessage]] = defaultdict(list)
        for message in self.outbox.due(time.time(), limit=PASS_LIMIT):
            by_subject[message.notification.case_id].append(message)
        gate = asyncio.Semaphore(CONCURRENT_SUBJECTS)

        async def serve(messages: list[OutboxMessage]) -> int:
            async with gate:
                return sum([await self._deliver(message) for message in messages])

        return sum(await asyncio.gather(*(serve(group) for group in by_subject.values())))

    async def _deliver(self, message: OutboxMessage) -> bool:
        channel = self.channels.get(message.channel)
        if channel is None:
            self.outbox.failed(message, error=f"channel {message.channel} is not configured",
                               retry_at=time.time() + MAX_DELAY)
            return False
        try:
            await channel.deliver(message.notification)
        except DeliveryFailed as failure:
            self._retry_or_give_up(message, str(failure), failure.retry_after)
            return False
        except Exception as error:  # an adapter bug must not lose the message
            log.exception("delivering %s failed", message.id)
            self._retry_or_give_up(message, repr(error), 0.0)
            return False
        self.outbox.delivered(message.id)
        return True

    def _retry_or_give_up(self, message: OutboxMessage, error: str,
                          retry_after: float | None) -> None:
        if retry_after is None or message.attempts + 1 >= MAX_ATTEMPTS:
            log.error("giving up on %s after %d attempts: %s", message.id,
                      message.attempts + 1, error)
            self.outbox.failed(message, error=error, retry_at=None)
            return
        delay = backoff(message.attempts, retry_after)
        log.warning("delivery of %s failed (%s); retrying in %.1fs", message.id, error, delay)
        self.outbox.failed(message, error=error, retry_at=time.time() + delay)
