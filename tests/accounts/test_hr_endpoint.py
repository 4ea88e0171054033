"""POST /api/hr/leavers over real HTTP: the HR feed schedules departures, idempotently; hostile
input gets a clear 4xx and changes nothing."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession, web

from bot.audit import Actor
from bot.config import AppConfig
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app
from tests.support import FixedClock

TOKEN = "hr-feed-token-for-tests"
ROUTE = "/api/hr/leavers"
STATE_TABLES = ("accounts", "password_tasks", "offboardings", "requests", "outbox")


async def _serve(bot: Runtime) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(create_app(bot))
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, "http://{}:{}".format(*runner.addresses[0][:2])


@pytest.fixture
async def server(tmp_path: Path, sample_config: AppConfig, clock: FixedClock,
                 monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[str, Runtime]]:
    monkeypatch.setenv("HR_FEED_TOKEN", TOKEN)
    bot = build(sample_config, tmp_path, clock=clock, channel_names=("console",), fsync=False)
    kwong = Actor("kwong", "console")
    for handle in ("@a", "@b"):
        bot.services.accounts.add(kwong, platform="X", handle=handle,
                                  department="community-services", users=["msmith"])
    runner, url = await _serve(bot)
    yield url, bot
    await runner.cleanup()
    bot.close()


async def send(url: str, body: Any = None, *, token: str | None = TOKEN,
               raw: bytes | None = None) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    async with ClientSession() as http, http.post(
            url + ROUTE, data=raw if raw is not None else json.dumps(body),
            headers=headers) as answer:
        text = await answer.text()
        return answer.status, json.loads(text) if text.startswith(("{", "[")) else text


def stored(bot: Runtime) -> dict[str, Any]:
    """The state tables; of the outbox, what is queued (the dispatcher running beside the test
    may be delivering it meanwhile: its attempts and next try are not what is compared)."""
    found: dict[str, Any] = {name: dict(bot.store.items(name)) for name in STATE_TABLES}
    found["outbox"] = {key: record["notification"] for key, record in found["outbox"].items()}
    return found


LEAVER = {"person": "msmith@example.org", "last_day": "2026-11-30",
          "reason": "retiring"}


async def test_a_leaver_is_scheduled_once_and_carried_out_on_the_last_day(
        server: tuple[str, Runtime], clock: FixedClock) -> None:
    url, bot = server
    person = bot.directory.person("msmith")
    leaver = {**LEAVER, "person": person.email}
    status, body = await send(url, leaver)
    assert status == 200, body
    assert body["results"] == [{"case": "O-1", "state": "scheduled", "last_day": "2026-11-30"}]
    before = stored(bot)
    status, again = await send(url, {**leaver, "person": "msmith"})  # the id works as well
    assert (status, again) == (200, body)
    assert stored(bot) == before  # idempotent: nothing new
    clock.advance(days=6)
    bot.reminders.run_once()
    case = bot.services.offboarding.get("O-1")
    assert case.state == "executed" and case.source == "hr" and len(case.tasks) == 2
    assert case.history[0].platform == "hr" and case.history[0].actor_id == "socialbot"
    assert all(a.users == () for a in bot.services.accounts.all())


@pytest.mark.parametrize(("token", "status"), [(None, 401), ("wrong", 401), ("", 401)])
async def test_a_wrong_or_missing_token_is_refused(server: tuple[str, Runtime], token: str | None,
                                                   status: int) -> None:
    url, bot = server
    before = stored(bot)
    answer, _ = await send(url, LEAVER, token=token)
    assert answer == status and stored(bot) == before


HOSTILE: list[tuple[Any, int, str]] = [
    ({**LEAVER, "salary": 1}, 400, "leaver.salary: unknown field"),
    ({**LEAVER, "last_day": "30/11/2026"}, 400, "leaver.last_day"),
    ({**LEAVER, "last_day": "2026-02-30"}, 400, "leaver.last_day: not a date"),
    ({**LEAVER, "last_day": "2099-01-01"}, 400, "days from today"),
    ({"person": "msmith", "reason": "x"}, 400, "leaver.last_day"),
    ({**LEAVER, "person": "nobody@example.org"}, 422, "not in the directory"),
    ({**LEAVER, "reason": ""}, 400, "leaver.reason"),
    ({**LEAVER, "reason": "his password: hunter2"}, 400, "looks like a password"),
    ({**LEAVER, "person": 42}, 400, "leaver.person"),
    ([LEAVER, {**LEAVER, "last_day": "nope"}], 400, "leavers[1].last_day"),
    ([], 400, "no leaver"),
    ("just a string", 400, "expected a JSON object"),
    ([LEAVER] * 101, 413, "at most 100"),
]


@pytest.mark.parametrize(("body", "status", "says"), HOSTILE)
async def test_malformed_rows_are_refused_whole_and_change_nothing(
        server: tuple[str, Runtime], body: Any, status: int, says: str) -> None:
    url, bot = server
    before = stored(bot)
    answer, reply = await send(url, body)
    assert answer == status, reply
    assert says in reply["error"]
    assert stored(bot) == before


@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe", b"x" * 20_000,
                                 json.dumps({**LEAVER, "reason": "r" * 50_000}).encode()])
async def test_garbage_and_huge_bodies_are_refused(server: tuple[str, Runtime],
                                                   raw: bytes) -> None:
    url, bot = server
    before = stored(bot)
    answer, reply = await send(url, raw=raw)
    assert answer in (400, 413) and "error" in reply
    assert stored(bot) == before


async def test_the_endpoint_is_off_without_a_token(tmp_path: Path, sample_config: AppConfig,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HR_FEED_TOKEN", raising=False)
    bot = build(sample_config, tmp_path, fsync=False)
    runner, url = await _serve(bot)
    try:
        status, _ = await send(url, LEAVER)
        assert status == 404
        assert bot.services.offboarding.open_cases() == []
    finally:
        await runner.cleanup()
        bot.close()
