"""Ack first, work after: Slack's answer never waits for the slow part, and nothing is lost.

Bolt runs with `process_before_response`, so the HTTP answer is sent when a listener returns;
the listeners ack and leave the rest to `AfterAck`. Its tasks are kept, their failures are
logged without harming the server, and shutdown lets them finish (or cancels them past a
deadline).
"""

from __future__ import annotations

import asyncio
import logging
import time

import pytest

from adapters.slack.after_ack import AfterAck
from bot.workflow import Actor
from tests.slack.conftest import SlackHarness
from tests.support import valid_form

ADOE, MSMITH = "U0ADOE", "U0MSMITH"


def file_for_adoe(slack: SlackHarness) -> str:
    return slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form()).id


# -- AfterAck on its own -------------------------------------------------------------------------


async def test_a_failure_after_the_ack_is_logged_and_the_other_work_goes_on(
        caplog: pytest.LogCaptureFixture) -> None:
    after_ack = AfterAck()
    done: list[str] = []

    async def fails() -> None:
        raise RuntimeError("Slack went away")

    async def works() -> None:
        await asyncio.sleep(0.01)
        done.append("answered")

    with caplog.at_level(logging.ERROR, logger="adapters.slack.after_ack"):
        after_ack.start(fails(), "a button click")
        after_ack.start(works(), "App Home")
        await after_ack.drain(timeout=1.0)
    assert done == ["answered"]
    assert after_ack.running == 0
    failures = [r for r in caplog.records if "failed after the ack" in r.getMessage()]
    assert len(failures) == 1
    assert "a button click" in failures[0].getMessage()
    assert failures[0].exc_info is not None and "Slack went away" in str(failures[0].exc_info[1])


async def test_drain_lets_work_under_way_finish_including_work_it_starts() -> None:
    after_ack = AfterAck()
    done: list[str] = []

    async def second() -> None:
        await asyncio.sleep(0.02)
        done.append("second")

    async def first() -> None:
        await asyncio.sleep(0.02)
        after_ack.start(second(), "second")
        done.append("first")

    after_ack.start(first(), "first")
    assert after_ack.running == 1
    await after_ack.drain(timeout=2.0)
    assert done == ["first", "second"]
    assert after_ack.running == 0


async def test_drain_cancels_what_outlasts_the_deadline_and_says_so(
        caplog: pytest.LogCaptureFixture) -> None:
    after_ack = AfterAck()
    cancelled = asyncio.Event()

    async def forever() -> None:
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    after_ack.start(forever(), "a stuck call")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="adapters.slack.after_ack"):
        await after_ack.drain(timeout=0.1)
    assert time.monotonic() - started < 2
    assert cancelled.is_set()
    assert after_ack.running == 0
    assert any("cancelled 1 unfinished" in r.getMessage() for r in caplog.records)
    assert not any("failed after the ack" in r.getMessage() for r in caplog.records)


# -- through the server --------------------------------------------------------------------------


async def test_a_click_is_acked_before_its_slow_answer_is_sent(slack: SlackHarness) -> None:
    request_id = file_for_adoe(slack)
    await slack.settle()
    slack.fake.delay_next("chat.postEphemeral", 1.0)
    started = time.monotonic()
    reply = await slack.click(ADOE, f"view:{request_id}:1")
    acked_after = time.monotonic() - started
    assert reply.status == 200
    assert acked_after < 0.5, acked_after  # the 1 s answer did not hold up the ack
    text = await slack.ephemeral(ADOE, timeout=5.0)
    assert request_id in text


async def test_a_decision_taken_after_the_ack_is_stored_and_announced(
        slack: SlackHarness) -> None:
    request_id = file_for_adoe(slack)
    card = await slack.card_for(MSMITH, f"approve:{request_id}:1")
    reply = await slack.click(MSMITH, f"approve:{request_id}:1", message=card,
                              channel=card["channel"])
    assert reply.status == 200
    await slack.settle()
    assert slack.request(request_id).step == 2
    assert slack.fake.calls("chat.update")  # the supervisor's card now shows the outcome


async def test_a_listener_failing_after_the_ack_is_logged_and_the_server_goes_on(
        slack: SlackHarness, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    request_id = file_for_adoe(slack)
    await slack.settle()
    listeners_screens = slack.bot.channels["slack"].screens  # type: ignore[attr-defined]
    real_card = listeners_screens.card

    def broken_card(*args: object, **kwargs: object) -> object:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(listeners_screens, "card", broken_card)
    with caplog.at_level(logging.ERROR, logger="adapters.slack.after_ack"):
        reply = await slack.click(ADOE, f"view:{request_id}:1")
        assert reply.status == 200
        deadline = time.monotonic() + 3
        while not any("failed after the ack" in r.getMessage() for r in caplog.records):
            assert time.monotonic() < deadline, "the failure was not logged"
            await asyncio.sleep(0.01)
    monkeypatch.setattr(listeners_screens, "card", real_card)
    reply = await slack.click(ADOE, f"view:{request_id}:1")
    assert reply.status == 200
    assert request_id in await slack.ephemeral(ADOE)


async def test_shutdown_waits_for_the_work_under_way(
        slack: SlackHarness, caplog: pytest.LogCaptureFixture) -> None:
    request_id = file_for_adoe(slack)
    await slack.settle()
    slack.fake.delay_next("chat.postEphemeral", 0.5)
    reply = await slack.click(ADOE, f"view:{request_id}:1")
    assert reply.status == 200
    deadline = time.monotonic() + 3
    while not slack.fake.calls("chat.postEphemeral"):
        assert time.monotonic() < deadline, "the answer was never sent"
        await asyncio.sleep(0.01)
    call = slack.fake.calls("chat.postEphemeral")[0]
    assert call.status == 0  # Slack has not answered yet: the work is under way
    with caplog.at_level(logging.WARNING, logger="adapters.slack.after_ack"):
        await slack.runner.cleanup()
    assert call.ok  # answered before the server finished shutting down
    assert not [r for r in caplog.records if r.name == "adapters.slack.after_ack"]
