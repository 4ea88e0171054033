"""What the bot shows waits for the disk. A decision a click has written but not yet fsync'ed
(group commit) is already visible in memory; a typed command or a "Show details" answered
before that fsync would show people what a power cut could still undo."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.fakes import slack_requests as sr
from tests.slack.conftest import SECRET, SlackHarness, all_text
from tests.support import NotYetDurable, approved_before_fsync

ADOE = "U0ADOE"


@pytest.fixture
def approved_not_yet_durable(slack: SlackHarness,
                             monkeypatch: pytest.MonkeyPatch) -> Iterator[NotYetDurable]:
    """adoe's request, then msmith's approval with its fsync held until the test releases it."""
    written = approved_before_fsync(slack.bot, monkeypatch)
    yield written
    written.release.set()
    written.click_ack.cancel()


async def test_a_typed_status_waits_for_the_fsync_of_what_it_shows(
        slack: SlackHarness, approved_not_yet_durable: NotYetDurable) -> None:
    release = approved_not_yet_durable.release
    status = asyncio.create_task(slack.command(ADOE, "status"))
    await asyncio.sleep(0.3)
    assert not status.done()  # its answer would show an approval not yet on disk
    release.set()
    reply = await asyncio.wait_for(status, 10)
    assert "waiting for the cct's review" in all_text(reply.json()["blocks"]).lower()


async def test_show_details_waits_for_the_fsync_of_what_it_shows(
        slack: SlackHarness, approved_not_yet_durable: NotYetDurable) -> None:
    request_id, release = approved_not_yet_durable.request_id, approved_not_yet_durable.release
    reply = await slack.send(sr.block_actions(SECRET, user_id=ADOE, action_id="view",
                                              value=f"view:{request_id}:1",
                                              channel_id="D0ADOE"))
    assert reply.status == 200  # a look-up is acked at once; its answer follows
    await asyncio.sleep(0.3)
    assert not slack.fake.calls("chat.postEphemeral")  # held until the fsync
    release.set()
    answer = await slack.fake.wait_for("chat.postEphemeral")
    assert "waiting for the cct's review" in str(answer.args).lower()
