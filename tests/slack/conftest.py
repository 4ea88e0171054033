"""The bot's real server with the Slack route mounted, a fake Slack Web API, signed requests.

`slack` gives a `SlackHarness`: the bot built by `socialbot.bootstrap.build` on a copy of
app.yaml whose storage lives in tmp_path and whose `slack.api_url` is the fake's, served by
`socialbot.server.create_app` + `adapters.slack.mount` on a random port of 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml
from aiohttp import web

from adapters.slack import mount as slack_mount
from adapters.slack.channel import SlackChannel
from bot.config import load_config
from cards import slack as slack_blocks
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app
from storage.tinydb_repository import DELIVERIES, KEYVALUE, OUTBOX, REFUSALS, REQUESTS
from tests.fakes import slack_requests as sr
from tests.fakes.slack_web_api import FakeSlackWebAPI, RecordedCall
from tests.support import SAMPLE_CONFIG

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TOKEN = "xoxb-17-city-of-pickering"
STRANGER = "U0STRANGER"  # in the Slack workspace, not in the City's directory
TABLES = (REQUESTS, REFUSALS, OUTBOX, DELIVERIES, KEYVALUE)
JsonDict = dict[str, Any]


def write_config(tmp_path: Path, api_url: str, **slack: Any) -> Path:
    """A private copy of the sample deployment: its own storage, the fake Slack API."""
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(tmp_path / "data" / "socialbot.json")}
    raw["slack"] = {**raw["slack"], "api_url": api_url, **slack}
    path = tmp_path / "app.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


def slack_users(bot_or_config_path: Path) -> dict[str, JsonDict]:
    config, _ = load_config(bot_or_config_path)
    users = {p.slack_id: {"real_name": f"{p.first_name} {p.last_name}", "name": p.id}
             for p in config.directory.people if p.slack_id}
    users[STRANGER] = {"real_name": "Sam Stranger", "name": "sstranger"}
    return users


class SlackHarness:
    def __init__(self, bot: Runtime, fake: FakeSlackWebAPI, runner: web.AppRunner,
                 banner: list[str]) -> None:
        self.bot = bot
        self.fake = fake
        self.runner = runner
        self.http = aiohttp.ClientSession()
        host, port = runner.addresses[0][:2]
        self.url = f"http://{host}:{port}/slack/events"
        self.banner = banner

    async def close(self) -> None:
        await self.http.close()
        await self.runner.cleanup()
        self.bot.close()

    # -- sending what Slack sends ---------------------------------------------------------------

    async def send(self, request: sr.SignedRequest) -> sr.SlackReply:
        return await sr.post(self.http, self.url, request)

    async def command(self, user: str, text: str = "", **signing: Any) -> sr.SlackReply:
        return await self.send(sr.slash_command(SECRET, user_id=user, text=text,
                                                command=self.bot.config.slack.command,
                                                **signing))

    async def click(self, user: str, value: str, *, message: Mapping[str, Any] | None = None,
                    channel: str | None = None, view: Mapping[str, Any] | None = None,
                    signing: sr.SigningOptions = sr.SIGNED) -> sr.SlackReply:
        verb = value.split(":", 1)[0]
        fields: JsonDict = {"user_id": user, "action_id": verb, "value": value}
        if view is not None:
            fields["view"] = view
        else:
            fields["message"] = message or sr.bot_message()
            fields["channel_id"] = channel or self.fake.dm_channel(user)
        return await self.send(sr.block_actions(SECRET, signing=signing, **fields))

    async def submit(self, user: str, view: Mapping[str, Any],
                     values: Mapping[str, Mapping[str, Any]]) -> sr.SlackReply:
        return await self.send(sr.view_submission(SECRET, user_id=user, view=view,
                                                  values=values))

    async def open_home(self, user: str) -> sr.SlackReply:
        return await self.send(sr.app_home_opened(SECRET, user_id=user))

    # -- reading what the bot did ----------------------------------------------------------------

    def dms(self, user: str) -> list[JsonDict]:
        """Messages in the bot's DM with a Slack user, oldest first, as they are now."""
        return [m.message for m in self.fake.messages(self.fake.dm_channel(user))]

    async def card_for(self, user: str, value: str, timeout: float = 3.0) -> JsonDict:
        """The DM (or channel post) that carries the button `value`, once it has arrived."""
        deadline = time.monotonic() + timeout
        while True:
            for posted in self.fake.messages():
                if value in button_values(posted.message):
                    return {**posted.message, "channel": posted.channel}
            if time.monotonic() > deadline:
                raise AssertionError(f"no message with button {value} for {user}; "
                                     f"{[button_values(m.message) for m in self.fake.messages()]}")
            await asyncio.sleep(0.01)

    async def opened_view(self, after: int = 0, timeout: float = 3.0) -> JsonDict:
        """The modal opened by the views.open call number `after` (0-based)."""
        deadline = time.monotonic() + timeout
        while True:
            opened = [c for c in self.fake.calls("views.open") if c.ok]
            if len(opened) > after:
                return dict(opened[after].response["view"])
            if time.monotonic() > deadline:
                raise AssertionError(f"no views.open #{after}: {self.fake.calls('views.open')}")
            await asyncio.sleep(0.01)

    async def ephemeral(self, user: str, predicate: Callable[[str], bool] = lambda _: True,
                        timeout: float = 3.0) -> str:
        call = await self.fake.wait_for(
            "chat.postEphemeral",
            lambda c: c.args.get("user") == user and predicate(str(c.args.get("text"))),
            timeout=timeout)
        return str(call.args["text"])

    async def settle(self, timeout: float = 5.0) -> None:
        """Wait until the outbox has delivered everything that is due."""
        deadline = time.monotonic() + timeout
        await asyncio.sleep(0.05)  # let acked listeners finish their core call
        while self.bot.repository.pending_count() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        assert self.bot.repository.pending_count() == 0, self.bot.repository.due(time.time() + 999)
        channel = self.bot.channels.get("slack")
        if isinstance(channel, SlackChannel):  # App Homes are refreshed once a burst settles
            await channel.homes.flush()

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """Every table of the store, deep-copied: compare before and after."""
        return {table: json.loads(json.dumps(dict(self.bot.store.items(table))))
                for table in TABLES}

    def request(self, request_id: str = "R-1") -> Any:
        return self.bot.workflow.get(request_id)


def button_values(message: Mapping[str, Any]) -> list[str]:
    return [element.get("value", "") for block in message.get("blocks", [])
            if block.get("type") == "actions" for element in block.get("elements", [])]


def all_text(blocks: Any) -> str:
    """Every text in a block structure, for asserting on what a person sees."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(found)


def form_values(**changes: Any) -> dict[str, JsonDict]:
    """The Appendix 2 modal's state.values, as Slack sends them on submit."""
    fields: JsonDict = {
        "first_name": "Alex", "last_name": "Doe", "department": "Community Services",
        "division": "Recreation", "section": "Aquatics", "status": "full_time",
        "programs": ["Facebook", "YouTube"], "promote_department": "community-services",
        "initiative": "Summer swim lessons campaign for the Aquatics section",
        "privacy_accepted": True,
    }
    fields.update(changes)
    values: dict[str, JsonDict] = {}
    for name, value in fields.items():
        if name in ("status", "promote_department"):
            state = sr.selected_option(value, element="static_select")
        elif name == "programs":
            state = sr.selected_options(value)
        elif name == "privacy_accepted":
            state = sr.selected_options(["accepted"] if value else [])
        else:
            state = sr.text_value(value)
        values[name] = {name: state}
    return values


def text_values(**values: str | None) -> dict[str, JsonDict]:
    return {block: {block: sr.text_value(value)} for block, value in values.items()}


@pytest.fixture
async def slack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SlackHarness]:
    async with FakeSlackWebAPI(bot_token=TOKEN) as fake:
        harness = await start_harness(tmp_path, monkeypatch, fake)
        try:
            yield harness
            validate_everything_sent(fake)
        finally:
            await harness.close()


def validate_everything_sent(fake: FakeSlackWebAPI) -> None:
    """Every message and view the bot sent passes slack_sdk's own Block Kit models."""
    for call in fake.calls():
        if call.status != 200:
            continue
        if isinstance(call.args.get("blocks"), list):
            slack_blocks.validate(call.args["blocks"])
        if isinstance(call.args.get("view"), dict):
            slack_blocks.validate(call.args["view"])


async def start_harness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake: FakeSlackWebAPI,
                        **slack_config: Any) -> SlackHarness:
    config_path = write_config(tmp_path, fake.base_url, **slack_config)
    fake.users.update(slack_users(config_path))
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    config, base_dir = load_config(config_path)
    assert slack_mount.enabled(config) is None
    bot = build(config, base_dir, channel_names=(slack_mount.channel_name,), fsync=False)
    bot.dispatcher.poll_seconds = 0.05
    app = create_app(bot)
    banner = slack_mount.mount(app, bot.services)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return SlackHarness(bot, fake, runner, banner)


__all__ = ["RecordedCall", "SlackHarness", "all_text", "button_values", "form_values",
           "text_values"]
