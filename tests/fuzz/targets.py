"""The bot's HTTP endpoints as fuzzing targets: the real server, real payloads, real signing.

A target serves one route of the real server (`create_app` + the platform's `mount`) against
the local fakes, with a request already filed (and a moderation alert raised) so that clicks
and modals refer to something. Each kind of payload the bot handles has a builder of a fresh,
valid example; `send` encodes a (possibly damaged) payload as the platform does, signs it
(Slack's signing secret, a Runtime Framework JWT from the fake token issuer, the intake's bearer
token), posts it and waits until the work it started is done. The outbox dispatcher is
stopped, so the store changes only by what a request itself did.

`Fuzzing` runs a target on a private event loop, so that a synchronous Hypothesis property
(or a benchmark) can drive it one request at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, Protocol, Self
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web

from adapters.intake.http import PostIn
from bot.workflow import Actor
from cards import slack as slack_blocks
from cards.adaptive import BUTTON_KEY
from cards.codec import ButtonPayload
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app
from storage.accounts_repository import ACCOUNTS, GRANTS, OFFBOARDINGS, TASKS
from storage.moderation_repository import ALERTS, AUTHORS, BANS, EXAMPLES, POSTS
from storage.tinydb_repository import DELIVERIES, KEYVALUE, MARKERS, OUTBOX, REFUSALS, REQUESTS
from tests.fakes import slack_requests as sr
from tests.fakes.bot_connector import FakeBotConnector, FakeBotFrameworkTokens
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.support import valid_form

JsonDict = dict[str, Any]
ALL_TABLES = (REQUESTS, REFUSALS, OUTBOX, DELIVERIES, KEYVALUE, MARKERS, POSTS, ALERTS, BANS,
              EXAMPLES, AUTHORS)
ADOE, MSMITH, KWONG, DOKAFOR = "U0ADOE", "U0MSMITH", "U0KWONG", "U0DOKAFOR"
INTAKE_TOKEN = "intake-token-for-fuzzing"
BLAKE = {"first_name": "Blake", "last_name": "Harris", "department": "City Development",
         "division": "Planning", "section": "", "promote_department": "city-development"}


class Target(Protocol):
    name: str
    kinds: dict[str, Callable[[], Any]]

    async def send(self, kind: str, payload: Any) -> int: ...

    def snapshot(self) -> str: ...

    async def close(self) -> None: ...


def store_snapshot(bot: Runtime) -> str:
    """Every table of the store as one JSON text: equal texts, unchanged store."""
    return json.dumps({t: dict(bot.store.items(t)) for t in ALL_TABLES}, sort_keys=True)


def new_session() -> aiohttp.ClientSession:
    # No keep-alive: a request's server-side task ends with its answer (see `settled`).
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True))


async def settled(sending: Coroutine[Any, Any, int]) -> int:
    """Send, then wait for every task the request started (work done after the ack)."""
    before = asyncio.all_tasks()
    status = await sending
    for _ in range(5):
        started = {task for task in asyncio.all_tasks() - before - {asyncio.current_task()}
                   if not _serves_a_connection(task)}
        if not started:
            break
        await asyncio.wait(started, timeout=3.0)
        before |= started
    return status


def _serves_a_connection(task: asyncio.Task[Any]) -> bool:
    """A fake's server task for a kept-alive connection: it ends with the connection."""
    return getattr(task.get_coro(), "__qualname__", "").startswith("RequestHandler.")


def raise_alert(bot: Runtime) -> str:
    post = PostIn.model_validate({
        "platform": "facebook", "board": "City of Pickering", "folder": "Green bins",
        "post_id": "p1", "author_id": "fb:100200", "author_name": "Pat Jones",
        "text": "You are a useless idiot, Councillor Smith",
        "created_at": "2027-03-04T09:15:00-05:00"}).to_post()
    _, alert_id = bot.desk.receive(post)
    assert alert_id, "the sample post no longer raises an alert"
    return str(alert_id)


# -- Slack --------------------------------------------------------------------------------------

class SlackTarget:
    name = "slack"

    def __init__(self, harness: Any) -> None:
        from tests.slack.conftest import SECRET, form_values, text_values
        self.harness, self.secret = harness, SECRET
        self.http = new_session()
        self.alert = raise_alert(harness.bot)
        command = harness.bot.config.slack.command

        def modal(callback: str, verb: str, values: JsonDict, request: str = "R-1",
                  step: int = 1) -> Callable[[], JsonDict]:
            metadata = ButtonPayload(verb, request, step).encode()
            return lambda: sr.view_submission_payload(
                user_id=MSMITH, callback_id=callback, private_metadata=metadata, values=values)

        self.kinds: dict[str, Callable[[], Any]] = {
            "slash_command": lambda: sr.slash_command_form(user_id=ADOE, text="status",
                                                           command=command),
            "block_actions": lambda: sr.block_actions_payload(
                user_id=MSMITH, action_id="approve", value="approve:R-1:1",
                channel_id=harness.fake.dm_channel(MSMITH)),
            "block_actions_in_home": lambda: sr.block_actions_payload(
                user_id=ADOE, action_id="view", value="view:R-1:1",
                view=sr.modal_view(callback_id="home")),
            "view_submission_form": lambda: sr.view_submission_payload(
                user_id=ADOE, callback_id=slack_blocks.FORM_CALLBACK, values=form_values()),
            "view_submission_comment": modal(
                slack_blocks.COMMENT_CALLBACK, "reject",
                text_values(**{slack_blocks.COMMENT_BLOCK: "Not this time"})),
            "view_submission_sop": modal(
                slack_blocks.SOP_CALLBACK, "submit_sop",
                text_values(**{slack_blocks.SOP_TEXT_BLOCK: "Post twice a week",
                               slack_blocks.SOP_LINK_BLOCK: "https://pickering.ca/sop"})),
            "view_submission_reassign": modal(
                slack_blocks.REASSIGN_CALLBACK, "reassign",
                {slack_blocks.REASSIGN_BLOCK: {slack_blocks.REASSIGN_BLOCK: sr.selected_option(
                    "rsingh")}, **text_values(**{slack_blocks.COMMENT_BLOCK: "On leave"})}),
            "view_submission_ban": modal(
                slack_blocks.BAN_CALLBACK, "ban",
                text_values(**{slack_blocks.BAN_REASON_BLOCK: "Repeated insults"}),
                request=self.alert),
            # What changed since the directory, dashboard and task buttons arrived:
            "slash_command_away": lambda: sr.slash_command_form(
                user_id=MSMITH, text=f"away today to tomorrow <@{DOKAFOR}|dana>",
                command=command),
            "slash_command_dashboard": lambda: sr.slash_command_form(
                user_id=KWONG, text="dashboard", command=command),
            "slash_command_done": lambda: sr.slash_command_form(
                user_id=KWONG, text="done T-1", command=command),
            "block_actions_done": lambda: sr.block_actions_payload(
                user_id=KWONG, action_id="done", value="done:T-1:1",
                channel_id=harness.fake.dm_channel(KWONG)),
            "block_actions_dashboard": lambda: sr.block_actions_payload(
                user_id=ADOE, action_id=slack_blocks.DASHBOARD_ACTION, value="dashboard",
                block_id="home:dashboard", view=sr.modal_view(callback_id="home")),
            "shortcut": lambda: sr.shortcut_payload(user_id=ADOE),
            "app_home_opened": lambda: sr.app_home_opened_event(user_id=ADOE),
            "url_verification": sr.url_verification,
        }

    @classmethod
    async def start(cls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SlackTarget:
        from tests.slack.conftest import TOKEN, start_harness
        fake = FakeSlackWebAPI(bot_token=TOKEN, trigger_ttl=None)
        await fake.start()
        harness = await start_harness(tmp_path, monkeypatch, fake)
        await harness.bot.dispatcher.stop()
        harness.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
        return cls(harness)

    async def send(self, kind: str, payload: Any) -> int:
        body = json.dumps(payload)
        if kind == "slash_command":
            fields = payload if isinstance(payload, dict) else {"payload": payload}
            signed = sr.sign_raw(urlencode({str(k): v if isinstance(v, str) else json.dumps(v)
                                            for k, v in fields.items()}).encode(),
                                 sr.FORM, self.secret)
        elif kind in ("app_home_opened", "url_verification"):
            signed = sr.sign_raw(body.encode(), sr.JSON, self.secret)
        else:
            signed = sr.sign_form({"payload": body}, self.secret)
        reply = await settled(self._post(signed))
        return reply

    async def _post(self, signed: sr.SignedRequest) -> int:
        return (await sr.post(self.http, self.harness.url, signed)).status

    def snapshot(self) -> str:
        return store_snapshot(self.harness.bot)

    async def close(self) -> None:
        await self.http.close()
        await self.harness.close()
        await self.harness.fake.stop()


# -- Teams --------------------------------------------------------------------------------------

class TeamsTarget:
    def __init__(self, harness: Any, tokens: FakeBotFrameworkTokens | None,
                 stack: contextlib.ExitStack) -> None:
        self.harness, self.tokens, self.stack = harness, tokens, stack
        self.name = "teams" if tokens is not None else "teams_local_mode"
        self.http = new_session()
        chat = harness.chat("dokafor")
        approve = {BUTTON_KEY: ButtonPayload("approve", "R-1", 1).encode()}
        self.kinds: dict[str, Callable[[], Any]] = {
            "message": lambda: chat.message("status"),
            "message_away": lambda: chat.message(
                "away today to tomorrow <at>Casey MacDonald</at>"),
            "message_dashboard": lambda: chat.message("dashboard"),
            "invoke_task_done": lambda: chat.card_action(
                "done", {BUTTON_KEY: ButtonPayload("done", "T-1", 1).encode()}),
            "invoke_adaptive_card_action": lambda: chat.card_action("approve", approve),
            "conversation_update": chat.bot_added,
            "installation_update": chat.installation_update,
        }

    @classmethod
    async def start(cls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *,
                    authenticated: bool = True) -> TeamsTarget:
        from tests.teams.conftest import APP_ID, start_harness
        stack = contextlib.ExitStack()
        connector = await FakeBotConnector().__aenter__()
        tokens = stack.enter_context(FakeBotFrameworkTokens()) if authenticated else None
        harness = await start_harness(tmp_path, monkeypatch, connector,
                                      app_id=APP_ID if authenticated else "")
        await harness.bot.dispatcher.stop()
        harness.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
        return cls(harness, tokens, stack)

    async def send(self, kind: str, payload: Any) -> int:
        from tests.teams.conftest import APP_ID
        headers = {"Content-Type": "application/json"}
        if self.tokens is not None:
            service = payload.get("serviceUrl") if isinstance(payload, dict) else None
            bound = service if isinstance(service, str) else self.harness.connector.service_url
            headers["Authorization"] = "Bearer " + self.tokens.token(APP_ID, bound)
        return await settled(self._post(json.dumps(payload).encode(), headers))

    async def _post(self, body: bytes, headers: dict[str, str]) -> int:
        async with self.http.post(self.harness.url, data=body, headers=headers) as response:
            await response.read()
            return response.status

    def snapshot(self) -> str:
        return store_snapshot(self.harness.bot)

    async def close(self) -> None:
        await self.http.close()
        await self.harness.close()
        await self.harness.connector.__aexit__(None, None, None)
        self.stack.close()


# -- routes behind a bearer token: the moderation intake, the HR leavers feed ---------------------

class BearerTarget:
    """POST to `route` of the real server with the bearer token `token_env` names; the store's
    `tables` are the snapshot."""

    name: str
    route: str
    token: str
    token_env: str
    tables: tuple[str, ...] = ALL_TABLES
    kinds: dict[str, Callable[[], Any]]

    def __init__(self, bot: Runtime, runner: web.AppRunner) -> None:
        self.bot, self.runner = bot, runner
        host, port = runner.addresses[0][:2]
        self.url = f"http://{host}:{port}{self.route}"
        self.http = new_session()

    @classmethod
    async def start(cls, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Self:
        from bot.config import load_config
        from tests.slack.conftest import write_config
        monkeypatch.setenv(cls.token_env, cls.token)
        config, base_dir = load_config(write_config(tmp_path, "http://127.0.0.1:9/api/"))
        bot = build(config, base_dir, channel_names=(), fsync=False)
        runner = web.AppRunner(create_app(bot), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        await bot.dispatcher.stop()
        return cls(bot, runner)

    async def send(self, kind: str, payload: Any) -> int:
        return await settled(self._post(json.dumps(payload).encode()))

    async def _post(self, body: bytes) -> int:
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        async with self.http.post(self.url, data=body, headers=headers) as response:
            await response.read()
            return response.status

    def snapshot(self) -> str:
        return json.dumps({t: dict(self.bot.store.items(t)) for t in self.tables},
                          sort_keys=True)

    async def close(self) -> None:
        await self.http.close()
        await self.runner.cleanup()
        self.bot.close()


class IntakeTarget(BearerTarget):
    name, route = "intake", "/api/moderation/posts"
    token, token_env = INTAKE_TOKEN, "MODERATION_INTAKE_TOKEN"

    def __init__(self, bot: Runtime, runner: web.AppRunner) -> None:
        super().__init__(bot, runner)
        self.kinds = {"batch": self._batch}

    @staticmethod
    def _batch() -> JsonDict:
        def post(post_id: str, text: str) -> JsonDict:
            return {"platform": "facebook", "board": "City of Pickering",
                    "folder": "Green bin collection changes 2027", "topic": "Green bins",
                    "post_id": post_id, "author_id": "fb:100200", "author_name": "Pat Jones",
                    "text": text, "url": f"https://facebook.example/posts/{post_id}",
                    "created_at": "2027-03-04T09:15:00-05:00", "author_is_city": False}
        return {"posts": [post("p1", "Thanks for the update, see you Tuesday!"),
                          post("p2", "Call me at 905-555-0142 for cheap bins")]}


class HrTarget(BearerTarget):
    """The HR leavers feed; the register's tables are in the snapshot."""

    name, route = "hr", "/api/hr/leavers"
    token, token_env = "hr-token-for-fuzzing", "HR_FEED_TOKEN"
    tables = (*ALL_TABLES, ACCOUNTS, TASKS, OFFBOARDINGS, GRANTS)

    def __init__(self, bot: Runtime, runner: web.AppRunner) -> None:
        super().__init__(bot, runner)
        self.kinds = {"leaver": self._leaver, "leavers": self._leavers}

    @staticmethod
    def _leaver() -> JsonDict:
        import datetime as dt

        day = (dt.date.today() + dt.timedelta(days=30)).isoformat()
        return {"person": "msmith@example.org", "last_day": day, "reason": "retiring"}

    @classmethod
    def _leavers(cls) -> list[JsonDict]:
        return [cls._leaver(), {**cls._leaver(), "person": "jpatel"}]


STARTERS: dict[str, Callable[[Path, pytest.MonkeyPatch], Coroutine[Any, Any, Target]]] = {
    "slack": SlackTarget.start,
    "teams": TeamsTarget.start,
    "teams_local_mode": lambda path, patch: TeamsTarget.start(path, patch, authenticated=False),
    "intake": IntakeTarget.start,
    "hr": HrTarget.start,
}


class Fuzzing:
    """One target on a private event loop, driven one request at a time."""

    def __init__(self, endpoint: str, tmp_path: Path) -> None:
        self.loop = asyncio.new_event_loop()
        self.monkeypatch = pytest.MonkeyPatch()
        self.target: Target = self.loop.run_until_complete(
            STARTERS[endpoint](tmp_path, self.monkeypatch))

    def send(self, kind: str, payload: Any) -> tuple[int, bool]:
        """The status of the answer, and whether the store changed."""
        before = self.target.snapshot()
        status = self.loop.run_until_complete(self.target.send(kind, payload))
        return status, self.target.snapshot() != before

    def close(self) -> None:
        try:
            self.loop.run_until_complete(self.target.close())
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        finally:
            self.loop.close()
            self.monkeypatch.undo()
