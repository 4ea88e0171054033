"""Durable before acknowledged: `socialbot serve` killed with SIGKILL the instant Slack gets its
200 for a click or a form submission still has the decision after a restart, and its notices
are still waiting to go out (or already went)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from adapters.slack.screens import Screens
from bot.config import load_config
from bot.workflow import Actor
from socialbot.bootstrap import Runtime, build
from tests.fakes import slack_requests as sr
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import form_values, write_config
from tests.support import ROOT, valid_form

SECRET = "kill-test-signing-secret"
TOKEN = "xoxb-kill-test"
MSMITH = "U0MSMITH"


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlackWebAPI]:
    async with FakeSlackWebAPI(bot_token=TOKEN) as web_api:
        yield web_api


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`socialbot serve` in its own process, Slack's routes on, talking to the fake Web API."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.port = free_port()
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SLACK_BOT_TOKEN": TOKEN,
               "SLACK_SIGNING_SECRET": SECRET, "LOG_LEVEL": "WARNING"}
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "socialbot", "serve", "--config", str(self.config),
            "--host", "127.0.0.1", "--port", str(self.port), cwd=ROOT, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        async with aiohttp.ClientSession() as http:
            for _ in range(600):
                try:
                    async with http.get(f"http://127.0.0.1:{self.port}/healthz"):
                        return
                except aiohttp.ClientError:
                    assert self.process.returncode is None, "the server stopped"
                    await asyncio.sleep(0.05)
        raise AssertionError("the server did not start")

    async def send_then_kill(self, signed: sr.SignedRequest) -> int:
        """POST the request; SIGKILL the server the moment its answer's status arrives."""
        assert self.process is not None
        try:
            async with aiohttp.ClientSession() as http, http.post(
                    f"http://127.0.0.1:{self.port}/slack/events", data=signed.body,
                    headers=signed.headers) as answer:
                self.process.send_signal(signal.SIGKILL)
                return answer.status
        finally:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            await self.process.wait()


def reopen(config_path: Path) -> Runtime:
    config, base_dir = load_config(config_path)
    return build(config, base_dir)


def told(runtime: Runtime, case_id: str) -> set[str]:
    """The kinds of notice about `case_id` still queued or already sent before the kill."""
    queued = {message.notification.kind
              for message in runtime.repository.due(time.time() + 3600, limit=500)
              if message.notification.case_id == case_id}
    sent = {record["kind"] for _, record in runtime.store.items("deliveries")
            if record["request_id"] == case_id}
    return queued | sent


async def test_a_click_answered_200_survives_sigkill(tmp_path: Path,
                                                     fake: FakeSlackWebAPI) -> None:
    config = write_config(tmp_path, fake.base_url)
    runtime = reopen(config)
    filed = runtime.workflow.submit(Actor("adoe", "console"), valid_form())
    runtime.close()

    server = Server(config)
    await server.start()
    click = sr.block_actions(SECRET, user_id=MSMITH, action_id="approve",
                             value=f"approve:{filed.id}:1", message=sr.bot_message(),
                             channel_id=fake.dm_channel(MSMITH))
    assert await server.send_then_kill(click) == 200

    runtime = reopen(config)
    try:
        stored = runtime.workflow.get(filed.id)
        assert (stored.step, stored.state) == (2, "cct")
        assert (stored.history[-1].action, stored.history[-1].actor_id) == ("approve", "msmith")
        # Its notices were committed with it: what had not gone out goes out after restart.
        # (a closed step with no copy to update leaves no trace once delivered)
        assert {"requester_update", "action_needed"} <= told(runtime, filed.id)
    finally:
        runtime.close()


async def test_a_form_answered_200_survives_sigkill(tmp_path: Path,
                                                    fake: FakeSlackWebAPI) -> None:
    config = write_config(tmp_path, fake.base_url)
    runtime = reopen(config)
    person = runtime.directory.person("msmith")
    view: dict[str, Any] = dict(Screens(runtime.workflow, command="/socialmedia").form(person))
    runtime.close()

    server = Server(config)
    await server.start()
    values = form_values(first_name=person.first_name, last_name=person.last_name)
    submission = sr.view_submission(SECRET, user_id=MSMITH, view={**view, "id": "V0KILL"},
                                    values=values)
    assert await server.send_then_kill(submission) == 200

    runtime = reopen(config)
    try:
        [request] = runtime.workflow.requests_of("msmith")
        assert request.history[0].action == "submit"
        assert "action_needed" in told(runtime, request.id)
    finally:
        runtime.close()
