"""Queued notifications reach their channel once, with retries, and survive a restart."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bot.notifications import Notification
from bot.outbox import OutboxDispatcher, backoff
from bot.ports import DeliveryFailed
from bot.workflow import Actor, Move
from socialbot.bootstrap import build
from storage.memory import MemoryRepository
from tests.support import file_request


class FlakyChannel:
    """A channel that fails its first `failures` deliveries, then records each notification."""

    name = "slack"

    def __init__(self, failures: int = 0, retry_after: float | None = 0.0) -> None:
        self.failures = failures
        self.retry_after = retry_after
        self.delivered: list[Notification] = []

    async def deliver(self, notification: Notification) -> None:
        if self.failures:
            self.failures -= 1
            raise DeliveryFailed("HTTP 503", retry_after=self.retry_after)
        self.delivered.append(notification)


async def test_notifications_are_delivered_after_a_failure(tmp_path: Path, sample_config,
                                                           clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    channel = FlakyChannel(failures=1)
    dispatcher = OutboxDispatcher(bot.repository, {"slack": channel})
    request = file_request(bot.workflow)
    now = [1000.0]
    monkeypatch.setattr("bot.outbox.time.time", lambda: now[0])
    assert await dispatcher.deliver_due() == 1  # one failed, the other went through
    assert bot.repository.pending_count() == 1
    now[0] += 5
    assert await dispatcher.deliver_due() == 1
    assert {n.id for n in channel.delivered} == {f"{request.id}:1:action_needed",
                                                 f"{request.id}:1:requester_update"}
    assert bot.repository.pending_count() == 0
    bot.close()


async def test_undelivered_notifications_survive_a_restart(tmp_path: Path, sample_config,
                                                           clock) -> None:  # type: ignore[no-untyped-def]
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    request = file_request(bot.workflow)
    bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    bot.close()  # the process stops before anything was delivered
    reopened = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    channel = FlakyChannel()
    assert await OutboxDispatcher(reopened.repository, {"slack": channel}).deliver_due() == 5
    assert sorted(n.kind for n in channel.delivered) == [
        "action_needed", "action_needed", "requester_update", "requester_update", "step_closed"]
    reopened.close()


async def test_a_permanent_failure_is_kept_as_a_dead_letter(tmp_path: Path, sample_config,
                                                            clock) -> None:  # type: ignore[no-untyped-def]
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    dispatcher = OutboxDispatcher(bot.repository, {"slack": FlakyChannel(5, retry_after=None)})
    assert await dispatcher.deliver_due() == 0
    assert bot.repository.pending_count() == 0
    assert len(bot.repository.dead_letters()) == 2
    bot.close()


def test_backoff_grows_and_honours_retry_after() -> None:
    assert 0.5 <= backoff(0) <= 1.0
    assert 32 <= backoff(6) <= 64
    assert backoff(20) <= 600
    assert backoff(0, retry_after=30) == 30


async def test_the_dispatcher_stops_right_after_a_wake() -> None:
    """A server stopping just as a decision wakes the outbox (SIGTERM after a click) stops: on
    Python 3.11 asyncio.wait_for swallowed that cancel and the delivery loop ran on for ever."""
    for _ in range(20):
        dispatcher = OutboxDispatcher(MemoryRepository(), {}, poll_seconds=5)
        dispatcher.start()
        for _ in range(3):
            await asyncio.sleep(0)  # the loop is waiting for a wake
        dispatcher.wake()
        async with asyncio.timeout(5):
            await dispatcher.stop()


class HeldChannel:
    """A channel whose deliveries wait until the test lets them through."""

    name = "slack"

    def __init__(self) -> None:
        self.open = asyncio.Event()
        self.started = asyncio.Event()
        self.delivered: list[Notification] = []

    async def deliver(self, notification: Notification) -> None:
        self.started.set()
        await self.open.wait()
        self.delivered.append(notification)


async def test_a_decision_waits_while_notices_run_late_and_goes_on_once_they_catch_up(
        tmp_path: Path, sample_config, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Back-pressure: the next approver's card should follow a click by moments, so while
    delivery is behind, a new decision waits for it instead of growing the queue."""
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    channel = HeldChannel()
    dispatcher = OutboxDispatcher(bot.repository, {"slack": channel}, poll_seconds=0.05)
    real_time = time.time
    monkeypatch.setattr("bot.outbox.time.time", lambda: real_time() + 5)  # queued 5 s ago
    dispatcher.start()
    async with asyncio.timeout(5):
        await channel.started.wait()
    assert dispatcher.behind
    click = asyncio.create_task(dispatcher.keep_pace(max_wait=30))
    for _ in range(5):
        await asyncio.sleep(0.01)
    assert not click.done()  # the notices are late: the decision waits
    channel.open.set()
    async with asyncio.timeout(5):
        await click  # delivery caught up (nothing left due): the decision goes on
    assert len(channel.delivered) == 2 and not dispatcher.behind
    await dispatcher.stop()
    bot.close()


async def test_a_decision_waits_at_most_max_wait_and_never_when_delivery_is_on_time(
        tmp_path: Path, sample_config, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    channel = HeldChannel()
    dispatcher = OutboxDispatcher(bot.repository, {"slack": channel}, poll_seconds=0.05)
    dispatcher.start()
    file_request(bot.workflow)
    dispatcher.wake()
    async with asyncio.timeout(5):
        await channel.started.wait()
    assert not dispatcher.behind  # queued just now: on time, however long it then takes
    await asyncio.wait_for(dispatcher.keep_pace(max_wait=30), timeout=1)

    file_request(bot.workflow)  # another case, whose notices start 5 s late:
    real_time = time.time
    monkeypatch.setattr("bot.outbox.time.time", lambda: real_time() + 5)
    dispatcher.wake()
    async with asyncio.timeout(5):
        while not dispatcher.behind:
            await asyncio.sleep(0.01)
    # Held deliveries never catch up here: the click waits its most, then is taken anyway.
    async with asyncio.timeout(5):
        await dispatcher.keep_pace(max_wait=0.05)
    assert dispatcher.behind
    channel.open.set()
    await dispatcher.stop()
    bot.close()
