"""Delivers queued notifications to their channels, with backoff, until each is delivered.

Notifications were written to the outbox in the same commit as the decision, so a crash
between deciding and telling never loses a message; channels make delivery idempotent by
(notification, target) through the delivery ledger, so a retry never doubles one either.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from bot.notifications import OutboxMessage
from bot.ports import Channel, DeliveryFailed, Outbox

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12
PASS_LIMIT = 500  # messages handed to workers at once (due, not yet delivered)
PASS_INTERVAL = 0.01  # at most a hundred passes a second, however often it is woken
CONCURRENT_SUBJECTS = 32  # deliveries under way at once, per platform
BASE_DELAY = 1.0
MAX_DELAY = 600.0
# Pace: when notices start later than this after they came due, new decisions wait for
# delivery to catch up (at most PACE_MAX_WAIT each, well inside Slack's 3 s for an ack), so
# the next approver's card follows a click by a moment rather than by a queue that keeps
# growing while clicks are answered faster than anyone can be told about them.
PACE_LATENESS = 0.25
PACE_MAX_WAIT = 1.0


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


class RateGate:
    """One platform's pace: at most `concurrency` deliveries under way, and a pause for
    everyone on that platform when it answers 429 (Slack's Retry-After, the Bot Connector's),
    instead of slowing every platform down all the time."""

    def __init__(self, concurrency: int, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.slots = asyncio.Semaphore(concurrency)
        self.paused_until = 0.0
        self.clock = clock
        self.sleep = sleep

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self.clock() + seconds)

    async def ready(self) -> None:
        while (wait := self.paused_until - self.clock()) > 0:
            await self.sleep(wait)


class OutboxDispatcher:
    """Delivers what is due, concurrently across cases (up to `concurrency` per platform),
    in order within one case (a card is closed before its successor is sent). Work is started
    as it comes due rather than in rounds, so one slow message holds up only its own case;
    deliveries are recorded in batches (one write for those finished together)."""

    def __init__(self, outbox: Outbox, channels: Mapping[str, Channel], *,
                 poll_seconds: float = 1.0, concurrency: int = CONCURRENT_SUBJECTS,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.outbox = outbox
        self.channels = dict(channels)
        self.poll_seconds = poll_seconds
        self.concurrency = concurrency
        self._clock, self._sleep = clock, sleep  # for the rate gates
        self._gates: dict[str, RateGate] = {}
        self._gates_loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._busy: dict[str, asyncio.Task[int]] = {}  # case id: the worker serving it
        self._in_hand: set[str] = set()  # message ids being delivered or not yet recorded
        self._finished: list[str] = []
        self._lateness = 0.0  # how late the last notice started, after it came due (seconds)
        self._pace_waiters: list[asyncio.Future[None]] = []

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def wake(self) -> None:
        """Something was queued: deliver now rather than at the next poll."""
        self._wake.set()

    @property
    def behind(self) -> bool:
        """Whether notices start late enough that new decisions should wait (`keep_pace`)."""
        return self._lateness > PACE_LATENESS and self.running

    async def keep_pace(self, max_wait: float = PACE_MAX_WAIT) -> None:
        """Before a decision: while delivery is behind, wait until it catches up (or
        `max_wait` passes). Back-pressure on the click, never a refusal."""
        if not self.behind:
            return
        waiter = asyncio.get_running_loop().create_future()
        self._pace_waiters.append(waiter)
        try:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(max_wait):
                    await waiter
        finally:
            with contextlib.suppress(ValueError):
                self._pace_waiters.remove(waiter)

    def _note_lateness(self, seconds: float) -> None:
        self._lateness = seconds
        if seconds <= PACE_LATENESS and self._pace_waiters:
            waiters, self._pace_waiters = self._pace_waiters, []
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="outbox")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        workers = list(self._busy.values())
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        self._record_finished()
        self._note_lateness(0.0)  # nobody waits on a dispatcher that has stopped

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                self._start_due()
            except Exception:  # keep delivering whatever one bad message does
                log.exception("outbox pass failed")
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancel that
            # arrives as the wake is set, and the loop would outlive `stop()`.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.poll_seconds):
                    await self._wake.wait()
            await asyncio.sleep(PASS_INTERVAL)  # wakes that come together make one pass

    async def deliver_due(self) -> int:
        """One pass over what is due, waiting for it; returns how many were delivered."""
        started = self._start_due()
        delivered = sum(await asyncio.gather(*started))
        self._record_finished()
        return delivered

    def _start_due(self) -> list[asyncio.Task[int]]:
        """Start a worker for every case with due messages and no worker yet."""
        by_subject: dict[str, list[OutboxMessage]] = defaultdict(list)
        room = PASS_LIMIT - len(self._in_hand)  # handed out but not yet delivered, at most
        if room <= 0:
            return []
        # What is being delivered is left out before it is read: a pass costs what it hands
        # out, not the whole backlog.
        for message in self.outbox.due(time.time(), limit=room, skip=self._in_hand):
            by_subject[message.notification.case_id].append(message)
        if not by_subject and not self._in_hand:
            self._note_lateness(0.0)  # nothing waits: caught up
        started = []
        loop = asyncio.get_running_loop()
        for subject, messages in by_subject.items():
            if subject in self._busy:
                continue  # its worker is sending earlier messages; these come next pass
            self._in_hand.update(m.id for m in messages)
            worker = loop.create_task(self._serve(messages), name=f"outbox {subject}")
            self._busy[subject] = worker
            worker.add_done_callback(functools.partial(self._done, subject))
            started.append(worker)
        return started

    def _done(self, subject: str, worker: asyncio.Task[int]) -> None:
        self._busy.pop(subject, None)
        if not worker.cancelled() and worker.exception() is not None:
            # e.g. the store refused the bookkeeping: keep delivering the others
            log.error("outbox worker for %s failed", subject, exc_info=worker.exception())
        self.wake()  # its case may have more, queued meanwhile

    async def _serve(self, messages: list[OutboxMessage]) -> int:
        delivered: set[str] = set()
        try:
            for message in messages:
                self._note_lateness(time.time() - message.due_since if message.due_since else 0.0)
                gate = self._gate(message.channel)
                async with gate.slots:
                    await gate.ready()  # after a 429, the platform's pause holds everyone
                    if await self._deliver(message):
                        delivered.add(message.id)
        finally:  # what was delivered leaves our hands once recorded (`_record_finished`)
            self._in_hand.difference_update(m.id for m in messages if m.id not in delivered)
        return len(delivered)

    def _gate(self, channel: str) -> RateGate:
        loop = asyncio.get_running_loop()
        if loop is not self._gates_loop:  # the console runs one event loop per pass
            self._gates, self._gates_loop = {}, loop
        gate = self._gates.get(channel)
        if gate is None:
            gate = self._gates[channel] = RateGate(self.concurrency, clock=self._clock,
                                                   sleep=self._sleep)
        return gate

    def _finish(self, message_id: str) -> None:
        """Record a delivery with the others finished in this turn of the event loop."""
        if not self._finished:
            asyncio.get_running_loop().call_soon(self._record_finished)
        self._finished.append(message_id)

    def _record_finished(self) -> None:
        finished, self._finished = self._finished, []
        if not finished:
            return
        try:
            self.outbox.delivered_all(finished)
        finally:
            self._in_hand.difference_update(finished)

    async def _deliver(self, message: OutboxMessage) -> bool:
        channel = self.channels.get(message.channel)
        if channel is None:
            self.outbox.failed(message, error=f"channel {message.channel} is not configured",
                               retry_at=time.time() + MAX_DELAY)
            return False
        try:
            await channel.deliver(message.notification)
        except DeliveryFailed as failure:
            if failure.retry_after and failure.scope is None:
                # the platform said how long to wait: everything on it waits
                self._gate(message.channel).pause(failure.retry_after)
            self._retry_or_give_up(message, str(failure), failure.retry_after)
            return False
        except Exception as error:  # an adapter bug must not lose the message
            log.exception("delivering %s failed", message.id)
            self._retry_or_give_up(message, repr(error), 0.0)
            return False
        self._finish(message.id)
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
