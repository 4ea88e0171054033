"""Inbound authentication of /api/messages over real HTTP, against botbuilder's real validation.

Tokens are signed by a local Bot Framework stand-in (`FakeBotFrameworkTokens`) whose keys
botbuilder fetches exactly as it fetches login.botframework.com's; only the metadata URL
differs. Every refusal must be a JSON 401 (never botbuilder's 500), and a valid token must
reach the bot, whose reply arrives at the fake Bot Connector.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import jwt
import pytest
from aiohttp import ClientSession, web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue
from botframework.connector.auth import ChannelValidation

from adapters.teams.auth import TeamsCredentials
from adapters.teams.cloud_adapter import TeamsCloudAdapter, bot_framework_authentication
from tests.fakes.bot_connector import (
    FakeAppCredentialsFactory,
    FakeBotConnector,
    FakeBotFrameworkTokens,
)
from tests.fakes.teams_activities import TeamsChat

APP_ID = "00000000-0000-0000-0000-00000000b07a"
CREDENTIALS = TeamsCredentials(app_id=APP_ID, app_password="not-used-offline")


class EchoBot(ActivityHandler):
    """Replies to messages and answers card actions with a fixed card."""

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"echo: {turn_context.activity.text}"))

    async def on_adaptive_card_invoke(
        self, turn_context: TurnContext, invoke_value: AdaptiveCardInvokeValue
    ) -> AdaptiveCardInvokeResponse:
        if invoke_value.action.get("verb") == "crash":
            raise RuntimeError("the bot failed mid-action")
        if invoke_value.action.get("verb") == "unknown":
            return await super().on_adaptive_card_invoke(turn_context, invoke_value)
        card = {
            "type": "AdaptiveCard",
            "version": "1.5",
            "body": [{"type": "TextBlock", "text": "ok"}],
        }
        return AdaptiveCardInvokeResponse(
            status_code=200, type="application/vnd.microsoft.card.adaptive", value=card
        )


@dataclass
class BotServer:
    url: str
    connector: FakeBotConnector
    chat: TeamsChat
    session: ClientSession

    async def post(
        self, body: Any, *, headers: dict[str, str] | None = None, raw: bool = False
    ) -> tuple[int, Any]:
        data = body if raw else json.dumps(body)
        send_headers = {"Content-Type": "application/json", **(headers or {})}
        async with self.session.post(
            self.url, data=data, headers=send_headers, skip_auto_headers=["Content-Type"]
        ) as response:
            text = await response.text()
            try:
                return response.status, json.loads(text) if text else None
            except ValueError:
                return response.status, text


@pytest.fixture
def tokens() -> Iterator[FakeBotFrameworkTokens]:
    with FakeBotFrameworkTokens() as fake_tokens:
        yield fake_tokens


async def _serve(adapter: CloudAdapter, chat_app_id: str) -> AsyncIterator[BotServer]:
    bot = EchoBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await adapter.process(request, bot)
        return response if response is not None else web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    async with FakeBotConnector() as connector, ClientSession() as session:
        chat = TeamsChat(service_url=connector.service_url, bot_app_id=chat_app_id)
        yield BotServer(f"http://127.0.0.1:{port}/api/messages", connector, chat, session)
    await runner.cleanup()


@pytest.fixture
async def outbound() -> FakeAppCredentialsFactory:
    return FakeAppCredentialsFactory(APP_ID)


@pytest.fixture
async def server(
    tokens: FakeBotFrameworkTokens, outbound: FakeAppCredentialsFactory
) -> AsyncIterator[BotServer]:
    authentication = bot_framework_authentication(CREDENTIALS, credentials_factory=outbound)
    adapter = TeamsCloudAdapter(CREDENTIALS, authentication=authentication)
    async for running in _serve(adapter, APP_ID):
        yield running


@pytest.fixture
async def stock_server(tokens: FakeBotFrameworkTokens) -> AsyncIterator[BotServer]:
    configuration = CREDENTIALS.botbuilder_configuration()
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(configuration))
    async for running in _serve(adapter, APP_ID):
        yield running


@pytest.fixture
async def local_server() -> AsyncIterator[BotServer]:
    async for running in _serve(TeamsCloudAdapter(TeamsCredentials()), "local-bot"):
        yield running


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _unsigned(claims: dict[str, Any]) -> str:
    return jwt.encode(claims, key=None, algorithm="none")


def _bad_headers(tokens: FakeBotFrameworkTokens, service_url: str) -> dict[str, dict[str, str]]:
    """Every way a caller can fail to prove it is the Bot Framework, by name."""
    now = int(time.time())
    claims = {"iss": tokens.ISSUER, "aud": APP_ID, "serviceurl": service_url, "exp": now + 600}
    return {
        "no Authorization header": {},
        "Basic scheme": {"Authorization": "Basic dXNlcjpwYXNz"},
        "empty bearer": {"Authorization": "Bearer "},
        "garbage token": _bearer("garbage"),
        "three garbage segments": _bearer("a.b.c"),
        "expired token": _bearer(tokens.token(APP_ID, service_url, expires_in=-3600)),
        "wrong audience": _bearer(tokens.token("someone-elses-bot", service_url)),
        "signed by an unknown key": _bearer(
            tokens.token(APP_ID, service_url, signed_by_stranger=True)
        ),
        "unknown key id": _bearer(
            tokens.token(APP_ID, service_url, signed_by_stranger=True, kid="not-published")
        ),
        "wrong issuer": _bearer(tokens.token(APP_ID, service_url, issuer="https://evil.example")),
        "token for another serviceUrl": _bearer(tokens.token(APP_ID, "https://evil.example/")),
        "alg none": _bearer(_unsigned(claims)),
        "HS256 with the key id": _bearer(
            jwt.encode(claims, "k" * 32, algorithm="HS256", headers={"kid": tokens.kid})
        ),
        "no issuer claim": _bearer(_unsigned({"aud": APP_ID})),
    }


BAD_HEADER_CASES = [
    "no Authorization header",
    "Basic scheme",
    "empty bearer",
    "garbage token",
    "three garbage segments",
    "expired token",
    "wrong audience",
    "signed by an unknown key",
    "unknown key id",
    "wrong issuer",
    "token for another serviceUrl",
    "alg none",
    "HS256 with the key id",
    "no issuer claim",
]


async def test_a_valid_channel_token_reaches_the_bot(
    server: BotServer, tokens: FakeBotFrameworkTokens
) -> None:
    token = tokens.token(APP_ID, server.connector.service_url)
    status, _ = await server.post(server.chat.message("hello"), headers=_bearer(token))

    assert status == 201
    [reply] = await server.connector.wait_for()
    assert reply.text == "echo: hello"
    # The outbound call carries the bot's own (AAD) token, not the inbound one.
    assert reply.authorization == "Bearer fake-outbound-token"


@pytest.mark.parametrize("case", BAD_HEADER_CASES)
async def test_every_bad_token_gets_a_json_401(
    server: BotServer, tokens: FakeBotFrameworkTokens, case: str
) -> None:
    headers = _bad_headers(tokens, server.connector.service_url)[case]
    status, body = await server.post(server.chat.message("hello"), headers=headers)

    assert status == 401
    assert body["error"]["code"] == "Unauthorized"
    assert server.connector.calls == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (None, "{}"),
        ("text/plain", '{"type": "message"}'),
        ("application/json", "{not json"),
        ("application/json", "[1, 2]"),
        ("application/json", '"a string"'),
        ("application/json", b"\xff\xfe"),
    ],
    ids=["missing Content-Type", "text/plain", "not JSON", "JSON list", "JSON string", "bad bytes"],
)
async def test_malformed_requests_get_401_before_authentication(
    server: BotServer, tokens: FakeBotFrameworkTokens, content_type: str | None, body: Any
) -> None:
    headers = _bearer(tokens.token(APP_ID, server.connector.service_url))
    if content_type is None:
        async with server.session.post(
            server.url, data=body, headers=headers, skip_auto_headers=["Content-Type"]
        ) as response:
            status, payload = response.status, await response.json()
    else:
        status, payload = await server.post(
            body, headers={**headers, "Content-Type": content_type}, raw=True
        )

    assert status == 401
    assert payload["error"]["code"] == "Unauthorized"


async def test_an_authenticated_activity_without_a_type_is_a_400(
    server: BotServer, tokens: FakeBotFrameworkTokens
) -> None:
    token = tokens.token(APP_ID, server.connector.service_url)
    activity = server.chat.message("hello")
    del activity["type"]
    status, body = await server.post(activity, headers=_bearer(token))

    assert status == 400
    assert body["error"]["code"] == "BadRequest"


async def test_other_methods_are_refused(server: BotServer) -> None:
    async with server.session.get(server.url) as response:
        assert response.status == 405


@pytest.mark.parametrize(
    ("case", "stock_status"),
    [
        ("no Authorization header", 401),
        ("garbage token", 500),
        ("expired token", 500),
        ("wrong audience", 401),
        ("signed by an unknown key", 500),
        ("unknown key id", 500),
        ("alg none", 500),
    ],
)
async def test_stock_botbuilder_answers_some_bad_tokens_with_500(
    stock_server: BotServer, tokens: FakeBotFrameworkTokens, case: str, stock_status: int
) -> None:
    """Why InboundGuard exists: botbuilder 4.17 alone. If this starts failing, botbuilder
    has changed its answers; the guard's tests above still say what we require."""
    headers = _bad_headers(tokens, stock_server.connector.service_url)[case]
    status, _ = await stock_server.post(stock_server.chat.message("hi"), headers=headers)

    assert status == stock_status


async def test_every_invoke_gets_an_invoke_response(
    server: BotServer, tokens: FakeBotFrameworkTokens
) -> None:
    token = _bearer(tokens.token(APP_ID, server.connector.service_url))

    ok_status, ok = await server.post(server.chat.card_action("approve"), headers=token)
    unknown_status, unknown = await server.post(server.chat.card_action("unknown"), headers=token)
    crash_status, crash = await server.post(server.chat.card_action("crash"), headers=token)
    bad = server.chat.card_action("approve")
    bad["value"] = {"action": {"type": "Action.Submit"}}
    bad_status, bad_body = await server.post(bad, headers=token)

    assert (ok_status, ok["statusCode"], ok["value"]["body"][0]["text"]) == (200, 200, "ok")
    assert (unknown_status, unknown["statusCode"]) == (200, 400)
    assert unknown["type"] == "application/vnd.microsoft.error"
    assert (crash_status, crash["statusCode"]) == (200, 500)
    assert "Nothing was changed" in crash["value"]["message"]
    assert (bad_status, bad_body["value"]["code"]) == (400, "NotSupported")


async def test_outbound_clients_are_built_once_not_per_turn(
    server: BotServer, tokens: FakeBotFrameworkTokens, outbound: FakeAppCredentialsFactory
) -> None:
    token = _bearer(tokens.token(APP_ID, server.connector.service_url))
    for text in ("one", "two", "three"):
        status, _ = await server.post(server.chat.message(text), headers=token)
        assert status == 201

    await server.connector.wait_for(count=3)
    # One for the connector client, one for the user token client; stock builds 2 per turn.
    assert outbound.created == 2


async def test_local_mode_admits_anonymous_activities_and_explains_bad_ones(
    local_server: BotServer,
) -> None:
    status, _ = await local_server.post(local_server.chat.message("hi"))
    bad_type, bad_type_body = await local_server.post(
        "hi", headers={"Content-Type": "text/plain"}, raw=True
    )
    not_json, not_json_body = await local_server.post("{", raw=True)

    assert status == 201
    [reply] = await local_server.connector.wait_for()
    assert reply.text == "echo: hi"
    assert reply.authorization is None
    assert (bad_type, bad_type_body["error"]["code"]) == (415, "UnsupportedMediaType")
    assert (not_json, not_json_body["error"]["code"]) == (400, "BadRequest")


async def test_unreachable_signing_keys_are_a_503_not_a_401(
    server: BotServer, tokens: FakeBotFrameworkTokens
) -> None:
    token = tokens.token(APP_ID, server.connector.service_url)
    # Nothing listens on port 9: botbuilder's key fetch fails with a requests error.
    ChannelValidation.open_id_metadata_endpoint = "http://127.0.0.1:9/openidconfiguration"

    status, body = await server.post(server.chat.message("hello"), headers=_bearer(token))

    assert status == 503
    assert body["error"]["code"] == "ServiceUnavailable"
