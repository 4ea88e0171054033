"""The CCT's team channel, moderation alerts in Teams, and local mode kept off the network."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from adapters.teams import mount as teams_mount
from bot.moderation.model import Post
from bot.workflow import Actor, Move
from socialbot.server import create_app
from tests.fakes.bot_connector import FakeBotConnector
from tests.support import valid_form
from tests.teams.conftest import (
    TeamsHarness,
    action_titles,
    all_text,
    assert_valid_card,
    find_action,
    start_harness,
)

CCT_CHANNEL = "19:cct-review@thread.tacv2"
MODERATION_CHANNEL = "19:moderation@thread.tacv2"


@pytest.fixture
async def with_channels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        connector: FakeBotConnector) -> AsyncIterator[TeamsHarness]:
    harness = await start_harness(tmp_path, monkeypatch, connector, cct_channel=CCT_CHANNEL)
    try:
        yield harness
    finally:
        await harness.close()


async def test_the_cct_stage_goes_to_the_team_channel(with_channels: TeamsHarness) -> None:
    teams = with_channels
    for person in ("adoe", "kwong"):
        await teams.say(person, "hello")
    teams.bot.workflow.submit(Actor("adoe", "teams"), valid_form())
    teams.bot.workflow.decide(Actor("msmith", "slack"), "R-1", Move("approve"))
    teams.bot.dispatcher.wake()
    await teams.settle()
    [posted] = [c for c in teams.connector.sent() if c.conversation_id == CCT_CHANNEL]
    card = posted.card
    assert card is not None
    assert_valid_card(card)
    assert action_titles(card) == ["Recommend", "Decline", "Reassign"]  # the core checks clicks
    assert teams.chat("kwong").user.teams_id in card["refresh"]["userIds"]
    assert not [c for c in teams.cards_to("kwong") if "Recommend" in action_titles(c.card or {})]

    answered = await teams.click("kwong", "approve", find_action(card, "Recommend")["data"])
    assert "Recommended by Kim Wong" in all_text(answered["value"])
    await teams.settle()
    [update] = [u for u in teams.connector.updates() if u.conversation_id == CCT_CHANNEL]
    assert update.activity_id == posted.body.get("id") or update.activity_id
    assert "Recommended by Kim Wong" in all_text(update.card)


def _flagged(author: str = "fb-42") -> Post:
    return Post(platform="facebook", board="City of Pickering", folder="Events", topic="Pool",
                post_id=f"p-{author}", author_id=author, author_name="Pat Poster",
                text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!",
                created_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))


async def test_moderation_alerts_reach_moderators_in_teams(teams: TeamsHarness) -> None:
    for person in ("tlee", "kwong"):
        await teams.say(person, "hello")
    _, alert_id = teams.bot.desk.receive(_flagged())
    assert alert_id is not None
    teams.bot.dispatcher.wake()
    await teams.settle()
    card = (await teams.card_for("tlee", f"Moderation alert {alert_id}")).card
    assert card is not None
    assert action_titles(card) == ["Remove", "Keep", "Ban author", "Escalate to CCT",
                                   "Needs an answer"]

    refused = await teams.click("adoe", "ban", find_action(card, "Ban author")["data"],
                                inputs={"reason": "spam"})
    assert "Only the City's moderators" in all_text(refused["value"])
    empty = await teams.press("tlee", card, "Ban author", inputs={"reason": ""})
    assert "Give a reason for the ban" in all_text(empty["value"])
    assert teams.bot.desk.get(alert_id).state == "open"

    marked = await teams.press("tlee", card, "Needs an answer")  # a question to the City
    assert "Q-1: the post needs the City's answer" in all_text(marked["value"])
    assert teams.bot.clocks.question_cases.get("Q-1") is not None

    escalated = await teams.press("tlee", card, "Escalate to CCT")
    assert "waiting for the CCT" in all_text(escalated["value"])
    await teams.settle()
    [update] = [u for u in teams.connector.updates()
                if u.conversation_id in teams.conversations_of("tlee")]
    assert "waiting for the CCT" in all_text(update.card)
    cct_card = (await teams.card_for("kwong", f"Moderation alert {alert_id}")).card
    assert cct_card is not None
    banned = await teams.press("kwong", cct_card, "Ban author",
                               inputs={"reason": "Commercial spam, third time"})
    assert "Banned (author) by Kim Wong" in all_text(banned["value"])
    await teams.settle()
    assert teams.bot.desk.get(alert_id).state == "banned"
    latest = [u for u in teams.connector.updates()
              if u.conversation_id in teams.conversations_of("tlee")][-1]
    assert "Banned (author) by Kim Wong" in all_text(latest.card)


async def test_local_mode_is_not_mounted_on_the_network(teams: TeamsHarness) -> None:
    app = create_app(teams.bot)
    banner = teams_mount.mount(app, teams.bot.services, host="0.0.0.0")
    assert "OFF" in banner[0] and "allow_local_mode_on_network" in banner[0]
    assert not [r for r in app.router.routes() if r.resource and
                r.resource.canonical == teams_mount.ROUTE]


def _network_address() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: picks the outward interface
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


async def test_local_mode_answers_only_this_machine(teams: TeamsHarness) -> None:
    address = _network_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    app = create_app(teams.bot)
    teams_mount.mount(app, teams.bot.services, host="127.0.0.1")  # as if the check were bypassed
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, address, 0).start()
    port = runner.addresses[0][1]
    before = teams.snapshot()
    try:
        async with aiohttp.ClientSession() as http, http.post(
                f"http://{address}:{port}/api/messages",
                json=teams.chat("adoe").message("request")) as response:
            assert response.status == 403
            assert (await response.json())["error"]["code"] == "Forbidden"
    finally:
        await runner.cleanup()
    assert teams.snapshot() == before


async def test_the_serve_host_decides_local_mode(teams: TeamsHarness) -> None:
    """`socialbot serve` passes the host it listens on; local mode refuses a network one."""
    app = create_app(teams.bot)
    assert "OFF" in teams_mount.mount(app, teams.bot.services, host="0.0.0.0")[0]
    loopback = create_app(teams.bot)
    assert "LOCAL MODE" in teams_mount.mount(loopback, teams.bot.services, host="127.0.0.1")[0]
