"""Slack over Socket Mode, end to end: the bot connects out to a local fake of Slack's socket.

No signing secret and no HTTP route: SLACK_BOT_TOKEN and SLACK_APP_TOKEN only. The fake Web
API answers `apps.connections.open` with the fake socket's ws:// URL; the socket sends `hello`,
then the envelopes Slack sends (`slash_commands`, `interactive`, `events_api`), and each must
be acknowledged by its envelope_id; a `disconnect` (refresh_requested) makes the bot reconnect.
The same listeners answer as over HTTP: the form opens, is filed, the supervisor approves.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from adapters.slack import mount as slack_mount
from bot.config import load_config
from cards import slack as slack_blocks
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app
from tests.fakes import slack_requests as sr
from tests.fakes.slack_socket_mode import FakeSocketMode
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import TOKEN, form_values, slack_users, write_config

APP_TOKEN = "xapp-1-A0SOCIALBOT-17-fake"
ADOE, MSMITH = "U0ADOE", "U0MSMITH"


@dataclass
class SocketModeBot:
    bot: Runtime
    api: FakeSlackWebAPI
    socket: FakeSocketMode
    url: str


@pytest.fixture
async def socket_bot(tmp_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SocketModeBot]:
    async with FakeSocketMode() as socket, FakeSlackWebAPI(
            bot_token=TOKEN, app_token=APP_TOKEN, socket_url=socket.url) as api:
        config_path = write_config(tmp_path, api.base_url)
        api.users.update(slack_users(config_path))
        monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
        monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
        config, base_dir = load_config(config_path)
        assert slack_mount.enabled(config) is None
        bot = build(config, base_dir, channel_names=(slack_mount.channel_name,), fsync=False)
        bot.dispatcher.poll_seconds = 0.05
        app = create_app(bot)
        banner = slack_mount.mount(app, bot.services)
        assert "Socket Mode" in banner[0] and "/slack/events" not in banner[0]
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        host, port = runner.addresses[0][:2]
        try:
            await socket.connected()
            yield SocketModeBot(bot, api, socket, f"http://{host}:{port}")
        finally:
            await runner.cleanup()
            bot.close()


async def test_commands_modals_buttons_and_app_home_work_over_socket_mode(
        socket_bot: SocketModeBot) -> None:
    api, socket, bot = socket_bot.api, socket_bot.socket, socket_bot.bot
    [opened] = api.calls("apps.connections.open")
    assert opened.token == APP_TOKEN  # the app-level token, not the bot token

    ack = await socket.send("slash_commands", sr.slash_command_form(
        user_id=ADOE, command=bot.config.slack.command))
    assert ack == {}
    form = await api.wait_for("views.open")
    assert form.args["view"]["callback_id"] == slack_blocks.FORM_CALLBACK

    filed = await socket.send("interactive", sr.view_submission_payload(
        user_id=ADOE, view=form.response["view"], values=form_values()))
    assert filed["response_action"] == "update"
    assert bot.workflow.get("R-1").step == 1

    card = await api.wait_for("chat.postMessage",
                              lambda c: c.args["channel"] == api.dm_channel(MSMITH))
    assert (await socket.send("interactive", sr.block_actions_payload(
        user_id=MSMITH, action_id="approve", value="approve:R-1:1",
        channel_id=card.response["channel"]))) == {}
    await wait_until(lambda: bot.workflow.get("R-1").step == 2)

    assert (await socket.send("interactive", sr.shortcut_payload(user_id=ADOE))) == {}
    await api.wait_for("views.open", lambda c: c.ok and c is not form)
    assert (await socket.send("events_api", sr.app_home_opened_event(user_id=ADOE))) == {}
    home = await api.wait_for("views.publish")
    assert home.args["user_id"] == ADOE


async def test_a_disconnect_makes_the_bot_reconnect_and_carry_on(
        socket_bot: SocketModeBot) -> None:
    api, socket, bot = socket_bot.api, socket_bot.socket, socket_bot.bot
    await socket.disconnect("refresh_requested")
    await socket.connected(2)
    assert len(api.calls("apps.connections.open")) == 2
    status = await socket.send("slash_commands", sr.slash_command_form(
        user_id=ADOE, text="help", command=bot.config.slack.command))
    assert status["response_type"] == "ephemeral" and status["text"]


async def test_a_malformed_envelope_is_acknowledged_with_nothing_and_changes_nothing(
        socket_bot: SocketModeBot) -> None:
    api, socket, bot = socket_bot.api, socket_bot.socket, socket_bot.bot
    submission = sr.view_submission_payload(user_id=ADOE, values=form_values())
    del submission["view"]["type"]  # the KeyError inside Bolt's matchers, over HTTP a 500
    before = bot.store.count("requests")
    assert await socket.send("interactive", submission) == {}
    assert await socket.send("events_api", sr.event_callback(
        {"type": "message", "text": "hi", "user": ADOE, "channel": "C1"})) == {}
    await asyncio.sleep(0.05)
    assert bot.store.count("requests") == before
    assert [c.method for c in api.calls()] == ["apps.connections.open"]


async def test_without_a_signing_secret_there_is_no_http_route(
        socket_bot: SocketModeBot) -> None:
    async with aiohttp.ClientSession() as http, http.post(
            socket_bot.url + "/slack/events", data=b"payload=%7B%7D") as answer:
        assert answer.status == 404


async def wait_until(condition: object, timeout: float = 3.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():  # type: ignore[operator]
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)
