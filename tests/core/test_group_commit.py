"""Group commit, the outbox's index and concurrent delivery.

Decisions taken together share one fsync and are acknowledged only once it returns; their
notices are not sent before they are on disk; the outbox finds what is due without reading
every message; cases are delivered side by side, each case's notices in the order queued.
"""

from __future__ import annotations

import asyncio
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bot.config import AppConfig
from bot.notifications import Notification
from bot.outbox import OutboxDispatcher
from bot.ports import DeliveryFailed
from bot.workflow import Actor, Move
from socialbot.bootstrap import build
from storage.tinydb_repository import OUTBOX
from tests.support import file_request


async def test_decisions_taken_together_share_one_fsync_and_are_durable_after_it(
        tmp_path: Path, sample_config: AppConfig, clock: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    requests = [file_request(bot.workflow) for _ in range(3)]
    syncs: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (syncs.append(fd), real_fsync(fd))[1])
    bot.repository.delivered_all(m.id for m in bot.repository.due(1e12, limit=100))

    for request in requests:  # three clicks arriving together
        with bot.services.durability.deferred():
            bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    assert syncs == []  # written and visible, not yet on disk: nobody has been told
    assert bot.repository.due(1e12, limit=100) == []  # so their notices wait too
    await asyncio.gather(*(bot.services.durability.flushed() for _ in requests))
    assert len(syncs) == 1  # one fsync for the three
    assert {m.notification.case_id for m in bot.repository.due(1e12, limit=100)} == \
        {r.id for r in requests}
    bot.close()

    reopened = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    assert [reopened.workflow.get(r.id).step for r in requests] == [2, 2, 2]
    reopened.close()


def test_due_and_pending_count_use_the_index_not_a_scan(
        tmp_path: Path, sample_config: AppConfig, clock: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    for _ in range(5):
        file_request(bot.workflow)
    store_items = bot.store.items

    def no_outbox_scans(table: str) -> Any:
        assert table != OUTBOX, "the outbox was scanned"
        return store_items(table)

    monkeypatch.setattr(bot.store, "items", no_outbox_scans)
    due = bot.repository.due(1e12, limit=100)
    assert bot.repository.pending_count() == len(due) == 10
    first = due[0]
    bot.repository.failed(first, error="HTTP 503", retry_at=2e12)
    bot.repository.delivered_all([due[1].id])
    assert bot.repository.pending_count() == 9
    assert [m.id for m in bot.repository.due(1e12, limit=100)] == [m.id for m in due[2:]]
    assert bot.repository.due(3e12, limit=100)[-1].id == first.id  # back once its time comes
    bot.close()


class SlowChannel:
    """Records the order of deliveries per case and how many were under way at once."""

    name = "slack"

    def __init__(self) -> None:
        self.under_way = 0
        self.most_at_once = 0
        self.order: dict[str, list[str]] = defaultdict(list)

    async def deliver(self, notification: Notification) -> None:
        self.under_way += 1
        self.most_at_once = max(self.most_at_once, self.under_way)
        for _ in range(3):
            await asyncio.sleep(0)  # a round trip to the platform
        self.order[notification.case_id].append(notification.id)
        self.under_way -= 1


async def test_cases_are_delivered_side_by_side_each_in_order(
        tmp_path: Path, sample_config: AppConfig, clock: Any) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    requests = [file_request(bot.workflow) for _ in range(6)]
    for request in requests:
        bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    queued: dict[str, list[str]] = defaultdict(list)
    for message in bot.repository.due(1e12, limit=1000):
        queued[message.notification.case_id].append(message.notification.id)
    channel = SlowChannel()
    dispatcher = OutboxDispatcher(bot.repository, {"slack": channel})
    assert await dispatcher.deliver_due() == sum(len(ids) for ids in queued.values())
    assert channel.most_at_once > 1
    assert dict(channel.order) == dict(queued)
    assert bot.repository.pending_count() == 0
    bot.close()


class ThrottledOnce:
    """Answers its first delivery with a 429 asking for 30 s, then delivers."""

    name = "slack"

    def __init__(self) -> None:
        self.delivered: list[str] = []
        self.throttled = False

    async def deliver(self, notification: Notification) -> None:
        if not self.throttled:
            self.throttled = True
            raise DeliveryFailed("slack: ratelimited", retry_after=30.0)
        self.delivered.append(notification.id)


async def test_a_429_pauses_the_platform_for_the_time_it_asks(
        tmp_path: Path, sample_config: AppConfig, clock: Any) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    file_request(bot.workflow)
    now = [1000.0]
    waited: list[float] = []

    async def sleep(seconds: float) -> None:  # the platform's clock moves on while we wait
        waited.append(seconds)
        now[0] += seconds

    channel = ThrottledOnce()
    dispatcher = OutboxDispatcher(bot.repository, {"slack": channel}, concurrency=1,
                                  clock=lambda: now[0], sleep=sleep)
    await dispatcher.deliver_due()
    assert waited == [30.0]  # every later delivery on Slack waited for the pause, once
    assert len(channel.delivered) == 3  # the rest went through after it
    assert bot.repository.pending_count() == 1  # the throttled one waits for its retry
    bot.close()


async def test_an_answer_that_decided_nothing_waits_for_no_fsync(
        tmp_path: Path, sample_config: AppConfig, clock: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    syncs: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: syncs.append(fd))
    bot.repository.delivered_all(m.id for m in bot.repository.due(1e12, limit=100))  # bookkeeping
    await bot.services.durability.flushed()
    assert syncs == []
    bot.close()


async def test_a_failed_fsync_acknowledges_none_of_the_commits_waiting_for_it(
        tmp_path: Path, sample_config: AppConfig, clock: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    requests = [file_request(bot.workflow) for _ in range(2)]
    bot.repository.delivered_all(m.id for m in bot.repository.due(1e12, limit=100))

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    for request in requests:
        with bot.services.durability.deferred():
            bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    results = await asyncio.gather(*(bot.services.durability.flushed() for _ in requests),
                                   return_exceptions=True)
    assert [type(r) for r in results] == [OSError, OSError]
    assert bot.repository.due(1e12, limit=100) == []  # nor is anyone told of them
    monkeypatch.undo()
    bot.close()
