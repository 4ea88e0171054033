"""`WebApi.call` sends and answers what slack_sdk's method wrappers send and answer.

The bot's notices and answers go through `adapters/slack/web_api.py` instead of
`AsyncWebClient.chat_postMessage` & co. for speed; Slack must not see the difference, nor
must the outbox (which reads `SlackApiError`'s status, error code and Retry-After). Each case
runs the same call both ways against the fake Web API and compares what it received (method,
arguments, headers) and what the caller got back (data, status, headers, or the error).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.json_bodies import dumps_text
from adapters.slack.web_api import WebApi
from tests.fakes.slack_web_api import FakeSlackWebAPI

TOKEN = "xoxb-web-api-test"
BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "*R-1* é ✓"}}]
Call = Callable[[AsyncWebClient], Awaitable[Any]]


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlackWebAPI]:
    async with FakeSlackWebAPI(bot_token=TOKEN, users={"U0ADOE": {"name": "adoe"}}) as fake:
        yield fake


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(json_serialize=dumps_text) as shared:
        yield shared


def client_for(slack: FakeSlackWebAPI, session: aiohttp.ClientSession, **options: Any
               ) -> AsyncWebClient:
    return AsyncWebClient(token=TOKEN, base_url=slack.base_url, session=session, **options)


CALLS: dict[str, tuple[Call, Call]] = {
    "a card": (
        lambda c: c.chat_postMessage(channel="D0ADOE", text="R-1", blocks=BLOCKS,
                                     metadata={"event_type": "socialbot_notice",
                                               "event_payload": {"key": "R-1:2|U0ADOE"}}),
        lambda c: WebApi(c).call("chat.postMessage", channel="D0ADOE", text="R-1",
                                 blocks=BLOCKS,
                                 metadata={"event_type": "socialbot_notice",
                                           "event_payload": {"key": "R-1:2|U0ADOE"}})),
    "an answer only the clicker sees": (
        lambda c: c.chat_postEphemeral(channel="D0ADOE", user="U0ADOE", text="Done",
                                       blocks=None),
        lambda c: WebApi(c).call("chat.postEphemeral", channel="D0ADOE", user="U0ADOE",
                                 text="Done", blocks=None)),
}


def comparable(outcome: Any) -> Any:
    if isinstance(outcome, SlackApiError):
        response = outcome.response
        return ("error", str(outcome), response.status_code, response.data,
                response.headers.get("Retry-After"), response.api_url)
    return ("ok", outcome.status_code, without_ts(outcome.data), outcome.api_url,
            outcome.http_verb)


def without_ts(value: Any) -> Any:
    """A posted message's time stamps differ from one post to the next; nothing else may."""
    if isinstance(value, dict):
        return {k: without_ts(v) for k, v in value.items() if k not in ("ts", "message_ts")}
    return value


async def both_ways(slack: FakeSlackWebAPI, client: AsyncWebClient, sdk: Call, ours: Call,
                    before: Callable[[], None] = lambda: None) -> list[Any]:
    seen = []
    for call in (sdk, ours):
        slack.reset()
        before()
        try:
            outcome = comparable(await call(client))
        except SlackApiError as error:
            outcome = comparable(error)
        sent = [(c.method, {k: v for k, v in c.args.items()},
                 {k: v for k, v in c.headers.items()
                  if k in ("Authorization", "Content-Type", "User-Agent")})
                for c in slack.calls()]
        seen.append((outcome, sent))
    return seen


@pytest.mark.parametrize("name", sorted(CALLS))
async def test_slack_receives_and_answers_the_same(slack: FakeSlackWebAPI,
                                                   session: aiohttp.ClientSession,
                                                   name: str) -> None:
    sdk, ours = CALLS[name]
    theirs, mine = await both_ways(slack, client_for(slack, session), sdk, ours)
    assert mine == theirs
    assert mine[0][0] == "ok" and len(mine[1]) == 1


@pytest.mark.parametrize("name", sorted(CALLS))
async def test_bolts_client_adds_its_team_id_the_same(slack: FakeSlackWebAPI,
                                                      session: aiohttp.ClientSession,
                                                      name: str) -> None:
    sdk, ours = CALLS[name]
    theirs, mine = await both_ways(slack, client_for(slack, session, team_id="T0CITY"),
                                   sdk, ours)
    assert mine == theirs
    assert mine[1][0][1]["team_id"] == "T0CITY"


@pytest.mark.parametrize("failure", ["ratelimited", "server error", "ok false"])
async def test_failures_raise_the_same_error(slack: FakeSlackWebAPI,
                                             session: aiohttp.ClientSession,
                                             failure: str) -> None:
    def inject() -> None:
        if failure == "ratelimited":
            slack.fail_next("chat.postMessage", status=429, retry_after=7)
        elif failure == "server error":
            slack.fail_next("chat.postMessage", status=503)
        else:
            slack.error_next("chat.postMessage", "channel_not_found")

    sdk, ours = CALLS["a card"]
    theirs, mine = await both_ways(slack, client_for(slack, session), sdk, ours, inject)
    assert mine == theirs
    assert mine[0][0] == "error"


async def test_a_dropped_connection_is_tried_again_as_slack_sdk_does(
        session: aiohttp.ClientSession) -> None:
    """slack_sdk's default retry handler tries once more after a dropped connection."""
    attempts: list[str] = []

    async def flaky(request: web.Request) -> web.StreamResponse:
        attempts.append(request.match_info["method"])
        if len(attempts) % 2 == 1:  # every first attempt: the connection drops
            assert request.transport is not None
            request.transport.close()
            return web.Response()
        return web.json_response({"ok": True, "channel": "D0ADOE", "ts": "1.2"})

    app = web.Application()
    app.router.add_post("/api/{method}", flaky)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        client = AsyncWebClient(token=TOKEN, base_url=f"http://127.0.0.1:{port}/api/",
                                session=session)
        sdk, ours = CALLS["a card"]
        first = await sdk(client)
        second = await ours(client)
        assert attempts == ["chat.postMessage"] * 4
        assert first.data == second.data == {"ok": True, "channel": "D0ADOE", "ts": "1.2"}
    finally:
        await runner.cleanup()


async def test_without_a_shared_session_slack_sdk_makes_the_call(
        slack: FakeSlackWebAPI) -> None:
    client = AsyncWebClient(token=TOKEN, base_url=slack.base_url)  # its own session per call
    answer = await WebApi(client).call("chat.postMessage", channel="D0ADOE", text="hi")
    assert answer["ok"] and slack.calls()[-1].args["text"] == "hi"
