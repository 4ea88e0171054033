"""The bot's real server with the Teams route mounted, a fake Runtime Connector, Teams activities.

`teams` gives a `TeamsHarness`: the bot built by `socialbot.bootstrap.build` on a copy of
app.yaml whose storage lives in tmp_path, served by `socialbot.server.create_app` +
`adapters.teams.mount` on a random port of 127.0.0.1 in local mode (no app id: the Agents
Playground's mode). Activities name the fake connector as their `serviceUrl`, so every reply,
proactive card and update goes over HTTP to it. `authenticated_teams` runs the same with an app
id, real JWT validation against `FakeBotFrameworkTokens`, and offline outbound tokens.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import jsonschema
import pytest
import yaml
from aiohttp import web

from adapters.teams import mount as teams_mount
from adapters.teams.auth import TeamsCredentials
from adapters.teams.cloud_adapter import bot_framework_authentication
from bot.config import load_config
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app
from storage.tinydb_repository import DELIVERIES, KEYVALUE, OUTBOX, REFUSALS, REQUESTS
from tests.fakes.bot_connector import (
    ConnectorCall,
    FakeAppCredentialsFactory,
    FakeBotConnector,
    FakeBotFrameworkTokens,
)
from tests.fakes.teams_activities import TeamsChat, TeamsUser
from tests.support import ROOT, SAMPLE_CONFIG

APP_ID = "00000000-0000-0000-0000-00000000b07a"
TENANT = "11111111-2222-3333-4444-555555555555"
TABLES = (REQUESTS, REFUSALS, OUTBOX, DELIVERIES, KEYVALUE)
CARD_SCHEMA = Path("/work/shared/external/adaptivecards/1.5.0/adaptive-card.json")
VENDORED_SCHEMA = ROOT / "tests" / "teams" / "adaptive_card_schema" / "adaptive-card.json"
JsonDict = dict[str, Any]


def card_validator() -> jsonschema.Draft6Validator:
    path = VENDORED_SCHEMA if VENDORED_SCHEMA.exists() else CARD_SCHEMA
    return jsonschema.Draft6Validator(json.loads(path.read_text()))


VALIDATOR = card_validator()


def assert_valid_card(card: Any) -> None:
    """The card is valid against the official Adaptive Card 1.5 JSON schema."""
    errors = sorted(VALIDATOR.iter_errors(card), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message[:300]}" for e in errors[:5]]
    assert card["version"] == "1.5"


def write_config(tmp_path: Path, **teams: Any) -> Path:
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(tmp_path / "data" / "socialbot.json")}
    raw["teams"] = {**raw["teams"], "tenant_id": TENANT, **teams}
    path = tmp_path / "app.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


class TeamsHarness:
    def __init__(self, bot: Runtime, connector: FakeBotConnector, runner: web.AppRunner,
                 banner: list[str], headers: dict[str, str] | None = None) -> None:
        self.bot = bot
        self.connector = connector
        self.runner = runner
        self.banner = banner
        self.http = aiohttp.ClientSession()
        host, port = runner.addresses[0][:2]
        self.url = f"http://{host}:{port}/api/messages"
        self.headers = headers or {}
        self.chats: dict[str, TeamsChat] = {}
        for person in bot.directory:
            if person.teams_id:
                self.chat(person.id)

    async def close(self) -> None:
        await self.http.close()
        await self.runner.cleanup()
        self.bot.close()

    # -- people and what they send ------------------------------------------------------------

    def user(self, person_id: str) -> TeamsUser:
        person = self.bot.directory.person(person_id)
        return TeamsUser(name=person.full_name, aad_object_id=str(person.teams_id),
                         teams_id=f"29:1{person_id}")

    def chat(self, person_id: str) -> TeamsChat:
        """The person's one personal chat with the bot, as Teams keeps one per user.

        The fake connector is told the same id, so a chat the bot creates for this person
        (POST /v3/conversations with their teams_id) is this very chat.
        """
        if person_id not in self.chats:
            user = self.user(person_id)
            conversation_id = f"a:personal-{person_id}"
            self.connector._personal_chats.setdefault(user.aad_object_id, conversation_id)
            self.chats[person_id] = TeamsChat(
                service_url=self.connector.service_url, bot_app_id=APP_ID, tenant_id=TENANT,
                user=user, conversation_id=conversation_id)
        return self.chats[person_id]

    async def post(self, activity: JsonDict, *, headers: dict[str, str] | None = None,
                   raw: bytes | None = None) -> tuple[int, Any]:
        sent_headers = {"Content-Type": "application/json", **self.headers, **(headers or {})}
        body = raw if raw is not None else json.dumps(activity).encode()
        async with self.http.post(self.url, data=body, headers=sent_headers) as response:
            text = await response.text()
            try:
                return response.status, json.loads(text) if text else None
            except ValueError:
                return response.status, text

    async def say(self, person_id: str, text: str) -> list[ConnectorCall]:
        """`person_id` types `text`; returns what the bot posted in that turn."""
        activity = self.chat(person_id).message(text)
        status, _ = await self.post(activity)
        assert status == 201, status
        return [c for c in self.connector.sent() if c.activity_id == activity["id"]]

    async def click(self, person_id: str, verb: str, data: JsonDict | None = None, *,
                    inputs: JsonDict | None = None, reply_to_id: str = "card-1",
                    trigger: str = "manual") -> JsonDict:
        """An Action.Execute click; returns the invoke response body (the card or error)."""
        activity = self.chat(person_id).card_action(verb, data, inputs=inputs,
                                                    reply_to_id=reply_to_id, trigger=trigger)
        status, body = await self.post(activity)
        assert status == 200, (status, body)
        assert isinstance(body, dict)
        if body.get("type") == "application/vnd.microsoft.card.adaptive":
            assert_valid_card(body["value"])
        return body

    async def press(self, person_id: str, card: JsonDict, title: str, *,
                    inputs: JsonDict | None = None) -> JsonDict:
        """Click the action titled `title` on `card` (inside a ShowCard too)."""
        action = find_action(card, title)
        return await self.click(person_id, action["verb"], action.get("data"), inputs=inputs)

    # -- what arrived -------------------------------------------------------------------------

    def cards_to(self, person_id: str) -> list[ConnectorCall]:
        """Cards posted into a person's personal chat(s), oldest first."""
        conversations = self.conversations_of(person_id)
        return [c for c in self.connector.sent()
                if c.conversation_id in conversations and c.card is not None]

    def conversations_of(self, person_id: str) -> set[str]:
        ids = {self.chat(person_id).conversation_id} if person_id in self.chats else set()
        record = self.bot.repository.get_value("teams_person", person_id)
        if record and record.get("reference"):
            ids.add(record["reference"]["conversation"]["id"])
        return ids

    async def card_for(self, person_id: str, text: str, timeout: float = 5.0) -> ConnectorCall:
        """The latest card in the person's chat whose text contains `text`."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.cards_to(person_id)
                     if text.lower() in all_text(c.card).lower()]
            if found:
                assert_valid_card(found[-1].card)
                return found[-1]
            if time.monotonic() > deadline:
                seen = [all_text(c.card)[:120] for c in self.cards_to(person_id)]
                raise AssertionError(f"no card with {text!r} for {person_id}: {seen}")
            await asyncio.sleep(0.01)

    async def settle(self, timeout: float = 5.0, channel: str = "teams") -> None:
        """Wait until the outbox has delivered everything due on `channel` (others may wait:
        e.g. the removal webhook, not configured here)."""
        deadline = time.monotonic() + timeout
        await asyncio.sleep(0.02)
        while self._pending(channel) and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        assert not self._pending(channel), self._pending(channel)

    def _pending(self, channel: str) -> list[Any]:
        return [m for m in self.bot.repository.due(time.time() + 10_000, limit=10_000)
                if m.channel == channel]

    def snapshot(self) -> dict[str, dict[str, Any]]:
        return {table: json.loads(json.dumps(dict(self.bot.store.items(table))))
                for table in TABLES}

    def request(self, request_id: str = "R-1") -> Any:
        return self.bot.workflow.get(request_id)


def all_text(node: Any) -> str:
    """Every text a person sees in a card (TextBlock, TextRun, titles, values)."""
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, dict) and item.get("type") == "RichTextBlock":
            found.append("".join(run.get("text", "") for run in item.get("inlines", [])))
            return
        if isinstance(item, dict):
            for key in ("text", "title", "label"):
                if isinstance(item.get(key), str):
                    found.append(item[key])
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(node)
    return "\n".join(found)


def actions_of(card: JsonDict) -> list[JsonDict]:
    """Every Action.Execute on a card, those inside ShowCards included."""
    found: list[JsonDict] = []
    for action in card.get("actions", []):
        if action["type"] == "Action.ShowCard":
            found += actions_of(action["card"])
        else:
            found.append(action)
    return found


def action_titles(card: JsonDict) -> list[str]:
    return [a["title"] for a in card.get("actions", [])]


def find_action(card: JsonDict, title: str) -> JsonDict:
    for action in actions_of(card):
        if action["title"] in (title, f"Confirm: {title}"):
            return action
    raise AssertionError(f"no action {title!r} on the card: {action_titles(card)}")


def form_inputs(**changes: Any) -> JsonDict:
    """The Appendix 2 inputs as Teams sends them: every value a string."""
    inputs: JsonDict = {
        "first_name": "Alex", "last_name": "Doe", "department": "Community Services",
        "division": "Recreation", "section": "Aquatics", "status": "full_time",
        "programs": "Facebook,YouTube", "promote_department": "community-services",
        "initiative": "Summer swim lessons campaign for the Aquatics section",
        "privacy_accepted": "true",
    }
    inputs.update(changes)
    return inputs


async def start_harness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        connector: FakeBotConnector, *, app_id: str = "",
                        channels: tuple[str, ...] = ("teams",), **teams: Any) -> TeamsHarness:
    monkeypatch.setenv("MICROSOFT_APP_ID", app_id)
    monkeypatch.setenv("MICROSOFT_APP_PASSWORD", "offline-secret" if app_id else "")
    monkeypatch.delenv("MICROSOFT_APP_TENANT_ID", raising=False)
    config, base_dir = load_config(write_config(tmp_path, **teams))
    assert teams_mount.enabled(config) is None
    bot = build(config, base_dir, channel_names=channels, fsync=False)
    bot.dispatcher.poll_seconds = 0.05
    app = create_app(bot)
    authentication = None
    if app_id:
        authentication = bot_framework_authentication(
            TeamsCredentials(app_id=app_id, app_password="offline-secret"),
            credentials_factory=FakeAppCredentialsFactory(app_id))
    banner = teams_mount.mount(app, bot.services, authentication=authentication, host="127.0.0.1")
    # A test's server stops in seconds: aiohttp's default waits up to 60 s for open handlers.
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return TeamsHarness(bot, connector, runner, banner)


@pytest.fixture
async def connector() -> AsyncIterator[FakeBotConnector]:
    async with FakeBotConnector() as fake:
        yield fake


@pytest.fixture
async def teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                connector: FakeBotConnector) -> AsyncIterator[TeamsHarness]:
    harness = await start_harness(tmp_path, monkeypatch, connector)
    try:
        yield harness
    finally:
        await harness.close()


@pytest.fixture
def tokens() -> Iterator[FakeBotFrameworkTokens]:
    with FakeBotFrameworkTokens() as issued:
        yield issued


@pytest.fixture
async def authenticated_teams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              connector: FakeBotConnector,
                              tokens: FakeBotFrameworkTokens) -> AsyncIterator[TeamsHarness]:
    harness = await start_harness(tmp_path, monkeypatch, connector, app_id=APP_ID)
    harness.headers = {"Authorization": "Bearer " + tokens.token(APP_ID,
                                                                 connector.service_url)}
    try:
        yield harness
    finally:
        await harness.close()
