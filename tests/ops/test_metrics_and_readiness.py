"""/metrics and /readyz over real HTTP: what an operator's Prometheus and load balancer see."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession, web
from prometheus_client.parser import text_string_to_metric_families

from bot.config import AppConfig
from bot.notifications import Notification
from socialbot.bootstrap import Runtime, build
from socialbot.server import PROBE_KEY, TOKEN_KEY, StorageProbe, create_app
from tests.support import FixedClock, file_request

INTAKE_TOKEN = "intake-token-for-ops-tests"


class Server:
    def __init__(self, bot: Runtime, url: str, token: str, probe: StorageProbe) -> None:
        self.bot, self.url, self.token, self.probe = bot, url, token, probe

    async def get(self, path: str) -> tuple[int, str, str]:
        async with ClientSession() as http, http.get(self.url + path) as answer:
            return answer.status, answer.headers["Content-Type"], await answer.text()

    async def post(self, path: str, body: Any, *, token: str | None = None) -> tuple[int, str]:
        headers = {"Authorization": f"Bearer {token or self.token}"}
        if path == "/api/moderation/posts":
            headers["Authorization"] = f"Bearer {INTAKE_TOKEN}"
        async with ClientSession() as http, http.post(self.url + path, json=body,
                                                      headers=headers) as answer:
            return answer.status, await answer.text()

    async def say(self, person: str, line: str) -> str:
        status, text = await self.post("/console/turn", {"session": person, "as": person,
                                                          "line": line})
        assert status == 200, text
        return str(json.loads(text)["reply"])

    async def samples(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        status, content_type, text = await self.get("/metrics")
        assert status == 200 and content_type.startswith("text/plain")
        return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
                for family in text_string_to_metric_families(text) for sample in family.samples}


@pytest.fixture
async def server(tmp_path: Path, sample_config: AppConfig, clock: FixedClock,
                 monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Server]:
    monkeypatch.setenv("MODERATION_INTAKE_TOKEN", INTAKE_TOKEN)
    bot = build(sample_config, tmp_path, clock=clock)
    app = create_app(bot)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield Server(bot, "http://{}:{}".format(*runner.addresses[0][:2]), app[TOKEN_KEY],
                 app[PROBE_KEY])
    await runner.cleanup()
    bot.close()


class HangingChannel:
    """A platform that never answers: what a stuck outbox looks like from inside."""

    name = "slack"

    async def deliver(self, notification: Notification) -> None:
        await asyncio.Event().wait()


def post(post_id: str, text: str) -> dict[str, Any]:
    return {"platform": "facebook", "board": "City of Pickering", "folder": "Green bins",
            "topic": "Changes to green bin collection days.", "post_id": post_id,
            "author_id": "fb:100200", "author_name": "Pat Jones", "text": text,
            "url": f"https://facebook.example/posts/{post_id}",
            "created_at": "2027-03-04T09:15:00-05:00", "author_is_city": False}


async def test_metrics_count_requests_decisions_and_screening(server: Server) -> None:
    await server.say("adoe", "")
    status, _ = await server.post("/api/moderation/posts", [
        post("p1", "Thanks for the update, see you Tuesday!"),
        post("p2", "You are a useless idiot, Councillor Smith")])
    assert status == 200
    request = file_request(server.bot.workflow)
    assert "agreed in principle" in await server.say("msmith", f"approve {request.id}")
    await server.say("rsingh", "remove A-1")
    await server.get("/no/such/page")

    figures = await server.samples()
    assert figures[("socialbot_decisions_total",
                    (("case_type", "request"), ("outcome", "approve")))] == 1
    assert figures[("socialbot_decisions_total",
                    (("case_type", "alert"), ("outcome", "remove")))] == 1
    assert figures[("socialbot_posts_screened_total", (("result", "clean"),))] == 1
    assert figures[("socialbot_posts_screened_total", (("result", "flagged"),))] == 1
    assert figures[("socialbot_post_labels_total", (("label", "harassment"),))] == 1
    assert figures[("socialbot_screening_duration_seconds_count", ())] == 2
    console = (("method", "POST"), ("route", "/console/turn"), ("status", "200"))
    assert figures[("socialbot_http_requests_total", console)] == 3
    # Unknown paths share one label: a scanner cannot blow up the series count.
    assert figures[("socialbot_http_requests_total",
                    (("method", "GET"), ("route", "unmatched"), ("status", "404")))] == 1


async def test_outbox_gauges_read_the_store_at_each_scrape(server: Server) -> None:
    # The test plays the dispatcher's part; the server's own would race it for the notice.
    await server.bot.dispatcher.stop()
    repository = server.bot.repository
    repository.channels = repository.chat_channels = ("slack",)
    note = Notification(id="R-9:1:action_needed", kind="action_needed", case_id="R-9",
                        step=1, recipients=("msmith",))
    server.bot.store.commit(repository.outbox_ops([note]))
    figures = await server.samples()
    assert figures[("socialbot_outbox_pending", (("channel", "slack"),))] == 1
    [message] = repository.due(time.time())
    repository.failed(message, error="channel_not_found", retry_at=None)
    figures = await server.samples()
    assert ("socialbot_outbox_pending", (("channel", "slack"),)) not in figures
    assert figures[("socialbot_outbox_dead_letters", (("channel", "slack"),))] == 1
    assert figures[("socialbot_outbox_oldest_undelivered_age_seconds", ())] == 0


async def test_readyz_checks_storage_and_a_moving_outbox(server: Server) -> None:
    status, _, body = await server.get("/readyz")
    assert (status, json.loads(body)) == (200, {"status": "ready"})

    repository = server.bot.repository
    repository.channels = repository.chat_channels = ("slack",)
    server.bot.channels["slack"] = HangingChannel()
    note = Notification(id="R-9:1:action_needed", kind="action_needed", case_id="R-9",
                        step=1, recipients=("msmith",))
    [(_, table, key, record)] = repository.outbox_ops([note])  # type: ignore[misc]
    limit = server.bot.config.server.readiness_outbox_seconds
    stale = {**record, "queued_at": time.time() - limit - 60}
    server.bot.store.commit([("put", table, key, stale)])
    status, _, body = await server.get("/readyz")
    assert status == 503
    assert json.loads(body)["problems"][0].startswith("a notice has been due for")

    server.bot.store.close()
    server.probe.interval = 0  # the store is probed at most every 5 s: now, at once
    status, _, body = await server.get("/readyz")
    assert status == 503 and "storage is not writable" in body
    status, _, body = await server.get("/healthz")
    assert status == 200  # liveness stays cheap: a restart would not mend the disk


async def test_one_log_line_per_request_without_the_body(
        server: Server, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="socialbot.access")
    await server.post("/api/moderation/posts", [post("p9", "My number is 905-555-0199")])
    [line] = [r for r in caplog.records if r.name == "socialbot.access"]
    assert line.getMessage().startswith("POST /api/moderation/posts 200 ")
    assert line.fields["route"] == "/api/moderation/posts"  # type: ignore[attr-defined]
    assert "905-555" not in caplog.text


async def test_the_retry_endpoint_wants_the_local_token_and_a_clear_body(server: Server) -> None:
    repository = server.bot.repository
    repository.channels = repository.chat_channels = ("slack",)
    note = Notification(id="R-9:1:action_needed", kind="action_needed", case_id="R-9",
                        step=1, recipients=("msmith",))
    server.bot.store.commit(repository.outbox_ops([note]))
    [message] = repository.due(time.time())
    repository.failed(message, error="channel_not_found", retry_at=None)
    before = dict(server.bot.store.items("outbox"))

    status, _ = await server.post("/ops/outbox/retry", {"all_dead": True}, token="guess")
    assert status == 401
    for body in ([], {"ids": "R-9"}, {"ids": [1]}, {"ids": ["x"], "all_dead": True}, {},
                 {"all_dead": "yes"}, {"ids": ["x"] * 10_001}):
        status, text = await server.post("/ops/outbox/retry", body)
        assert (status, text) == (400, 'expected JSON {"ids": [message ids]} or '
                                        '{"all_dead": true}'), body
    assert dict(server.bot.store.items("outbox")) == before

    status, text = await server.post("/ops/outbox/retry", {"ids": [message.id, "nope"]})
    assert (status, json.loads(text)) == (200, {"retried": [message.id]})
    assert repository.dead_letters() == []
