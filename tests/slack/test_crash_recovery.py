"""At most one copy of each notice after a crash between Slack's answer and the ledger's record.

The bot is stopped (here: an exception no handler catches, then the store closed as a killed
process leaves it: the journal as written) at the worst moments of a delivery, then built
again on the same store, as `socialbot serve` after a restart. Each approval request must be in
the approver's DM exactly once.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from adapters.slack import mount as slack_mount
from adapters.slack.channel import NOTICE_EVENT
from bot.config import load_config
from bot.workflow import Actor
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import SECRET, TOKEN, slack_users, write_config
from tests.support import valid_form

MSMITH = "U0MSMITH"  # Alex Doe's supervisor: the first approval request goes to them


class Killed(BaseException):
    """The process dies here: nothing after this line runs, no handler sees it."""


@asynccontextmanager
async def running_bot(config_path: Path, monkeypatch: pytest.MonkeyPatch, *,
                      driven: bool = True) -> AsyncIterator[Runtime]:
    """The bot as `serve` builds it, Slack mounted; `driven`: the test runs the delivery
    passes itself (only on a fresh store: a pass started at startup would race with it)."""
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    config, base_dir = load_config(config_path)
    bot = build(config, base_dir, channel_names=(slack_mount.channel_name,), fsync=False)
    bot.dispatcher.poll_seconds = 0.05
    app = create_app(bot)
    slack_mount.mount(app, bot.services)
    runner = web.AppRunner(app)  # started, not listening: nothing here needs the Slack route
    await runner.setup()
    if driven:
        await bot.dispatcher.stop()
    try:
        yield bot
    finally:
        await runner.cleanup()
        bot.close()


async def delivered(bot: Runtime, timeout: float = 5.0) -> None:
    """Wait for the running outbox to deliver everything."""
    deadline = asyncio.get_running_loop().time() + timeout
    while bot.repository.pending_count():
        assert asyncio.get_running_loop().time() < deadline, bot.repository.due(9e12)
        await asyncio.sleep(0.02)


def copies_in_dm(fake: FakeSlackWebAPI, notice_id: str) -> list[dict[str, Any]]:
    return [m.message for m in fake.messages(fake.dm_channel(MSMITH))
            if (m.message.get("metadata") or {}).get("event_type") == NOTICE_EVENT
            and m.message["metadata"]["event_payload"]["key"].startswith(notice_id)]


def crash_after(method: Callable[..., Any]) -> Callable[..., Any]:
    def dying(*args: Any, **kwargs: Any) -> None:
        method(*args, **kwargs)
        raise Killed

    return dying


def crash_instead(_method: Callable[..., Any]) -> Callable[..., Any]:
    def dying(*args: Any, **kwargs: Any) -> None:
        raise Killed

    return dying


@pytest.mark.parametrize(("moment", "ledger_method", "crash", "posted_before_restart"), [
    ("after Slack accepted it, before the record", "record", crash_instead, 1),
    ("after the intent, before posting", "intend", crash_after, 0),
])
async def test_a_crash_while_posting_leaves_one_copy_after_restart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str, ledger_method: str,
        crash: Callable[[Callable[..., Any]], Callable[..., Any]],
        posted_before_restart: int) -> None:
    async with FakeSlackWebAPI(bot_token=TOKEN) as fake:
        config_path = write_config(tmp_path, fake.base_url)
        fake.users.update(slack_users(config_path))
        async with running_bot(config_path, monkeypatch) as bot:
            request = bot.workflow.submit(Actor("adoe", "slack"), valid_form())
            notice = f"{request.id}:1:action_needed"
            monkeypatch.setattr(bot.repository, ledger_method,
                                crash(getattr(bot.repository, ledger_method)))
            with pytest.raises(Killed):
                await bot.dispatcher.deliver_due()
            assert len(copies_in_dm(fake, notice)) == posted_before_restart, moment
        monkeypatch.undo()

        async with running_bot(config_path, monkeypatch, driven=False) as bot:  # the restart
            await delivered(bot)
            [card] = copies_in_dm(fake, notice)
            assert f"{request.id}" in card["text"]
            history = fake.calls("conversations.history")
            assert [c.args["channel"] for c in history] == [fake.dm_channel(MSMITH)]
            # The copy the ledger knows is the one in Slack: a decision updates that message.
            [copy] = bot.repository.copies(request.id, 1, "slack")
            assert copy["ts"] == card["ts"]


async def test_without_the_history_scopes_a_notice_is_posted_again_rather_than_never(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scopes = {"commands", "chat:write", "im:write", "users:read"}  # an install from before
    async with FakeSlackWebAPI(bot_token=TOKEN, scopes=scopes) as fake:
        config_path = write_config(tmp_path, fake.base_url)
        fake.users.update(slack_users(config_path))
        async with running_bot(config_path, monkeypatch) as bot:
            request = bot.workflow.submit(Actor("adoe", "slack"), valid_form())
            monkeypatch.setattr(bot.repository, "record", crash_instead(bot.repository.record))
            with pytest.raises(Killed):
                await bot.dispatcher.deliver_due()
        monkeypatch.undo()
        async with running_bot(config_path, monkeypatch, driven=False) as bot:
            await delivered(bot)
        assert len(copies_in_dm(fake, f"{request.id}:1:action_needed")) == 2
        assert fake.calls("conversations.history")[0].response["error"] == "missing_scope"


async def test_every_notice_carries_its_key_in_the_message_metadata(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with FakeSlackWebAPI(bot_token=TOKEN) as fake:
        config_path = write_config(tmp_path, fake.base_url)
        fake.users.update(slack_users(config_path))
        async with running_bot(config_path, monkeypatch) as bot:
            request = bot.workflow.submit(Actor("adoe", "slack"), valid_form())
            while await bot.dispatcher.deliver_due():
                pass
            posts = fake.calls("chat.postMessage")
            assert posts
            for call in posts:
                assert call.args["metadata"]["event_type"] == NOTICE_EVENT
                key = call.args["metadata"]["event_payload"]["key"]
                notice, target = key.split("|")
                assert notice.startswith(request.id + ":")
                assert call.args["channel"] == fake.dm_channel(target)
            assert fake.calls("conversations.history") == []  # no crash, no look-up

