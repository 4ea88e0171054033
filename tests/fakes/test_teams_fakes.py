"""The Teams fakes behave like the services they stand in for, seen through botbuilder."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from botbuilder.core import TurnContext
from botbuilder.schema import (
    Activity,
    AdaptiveCardInvokeValue,
    ChannelAccount,
    ConversationParameters,
    ErrorResponseException,
)
from botbuilder.schema.teams import TeamsChannelData
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    ChannelValidation,
    JwtTokenValidation,
    MicrosoftAppCredentials,
    SimpleCredentialProvider,
)

from adapters.teams.cloud_adapter import delivery_failure
from tests.fakes.bot_connector import (
    FakeAppCredentialsFactory,
    FakeBotConnector,
    FakeBotFrameworkTokens,
)
from tests.fakes.teams_activities import TeamsChat, TeamsUser

APP_ID = "00000000-0000-0000-0000-00000000b07a"


@pytest.fixture
async def connector() -> AsyncIterator[FakeBotConnector]:
    async with FakeBotConnector() as fake:
        yield fake


@pytest.fixture
async def client(connector: FakeBotConnector) -> ConnectorClient:
    credentials = await FakeAppCredentialsFactory(APP_ID).create_credentials(
        APP_ID, "https://api.botframework.com", "", True
    )
    return ConnectorClient(credentials, base_url=connector.service_url)


def _message(text: str) -> Activity:
    return Activity(type="message", text=text)


async def test_posts_and_updates_are_recorded_with_their_authorization(
    connector: FakeBotConnector, client: ConnectorClient
) -> None:
    sent = await client.conversations.send_to_conversation("a:chat", _message("first"))
    replied = await client.conversations.reply_to_activity("a:chat", "in-1", _message("second"))
    updated = await client.conversations.update_activity("a:chat", sent.id, _message("edited"))

    assert [c.text for c in connector.sent()] == ["first", "second"]
    assert [c.route for c in connector.sent()] == ["send", "reply"]
    assert connector.sent()[1].activity_id == "in-1"
    assert replied.id != sent.id
    assert updated.id == sent.id
    [update] = connector.updates()
    assert (update.conversation_id, update.activity_id, update.text) == (
        "a:chat",
        sent.id,
        "edited",
    )
    assert {c.authorization for c in connector.calls} == {"Bearer fake-outbound-token"}


async def test_injected_failures_surface_as_botbuilder_errors_then_clear(
    connector: FakeBotConnector, client: ConnectorClient
) -> None:
    connector.fail("post", 429, times=2, retry_after=3)

    for _ in range(2):
        with pytest.raises(ErrorResponseException) as raised:
            await client.conversations.reply_to_activity("a:chat", "in-1", _message("hi"))
        assert raised.value.response.status_code == 429
        assert raised.value.response.headers["Retry-After"] == "3"
        assert raised.value.error.error.code == "Throttled"
    await client.conversations.send_to_conversation("a:chat", _message("hi"))

    assert [c.status for c in connector.attempts("post")] == [429, 429, 200]
    assert len(connector.sent()) == 1


@pytest.mark.parametrize("status", [412, 502, 504, 500, 403])
async def test_every_injectable_status_reaches_the_caller_unretried(
    connector: FakeBotConnector, client: ConnectorClient, status: int
) -> None:
    connector.fail("update", status)
    # Retries off, as adapters.teams.cloud_adapter configures its clients.
    client.config.retry_policy.retries = 0
    client.config.retry_policy.policy.status_forcelist = frozenset()
    client.config.retry_policy.policy.raise_on_status = False

    with pytest.raises(ErrorResponseException) as raised:
        await client.conversations.update_activity("a:chat", "act-1", _message("x"))

    assert raised.value.response.status_code == status
    assert len(connector.attempts("update")) == 1


async def test_a_personal_chat_is_created_once_per_user(
    connector: FakeBotConnector, client: ConnectorClient
) -> None:
    def params(member: str) -> ConversationParameters:
        return ConversationParameters(
            is_group=False,
            bot=ChannelAccount(id=f"28:{APP_ID}"),
            members=[ChannelAccount(id=member)],
            tenant_id="tenant-1",
        )

    first = await client.conversations.create_conversation(params("29:alice"))
    again = await client.conversations.create_conversation(params("29:alice"))
    other = await client.conversations.create_conversation(params("29:bob"))

    assert first.id == again.id != other.id
    assert first.id.startswith("a:")
    [alice, _, _] = connector.created_conversations()
    assert alice.body["tenantID"] == "tenant-1"  # botbuilder-python's spelling


async def test_create_conversation_refuses_what_teams_refuses(
    connector: FakeBotConnector, client: ConnectorClient
) -> None:
    no_tenant = ConversationParameters(is_group=False, members=[ChannelAccount(id="29:alice")])
    two_members = ConversationParameters(
        is_group=False,
        members=[ChannelAccount(id="29:alice"), ChannelAccount(id="29:bob")],
        tenant_id="t",
    )

    for params in (no_tenant, two_members):
        with pytest.raises(ErrorResponseException) as raised:
            await client.conversations.create_conversation(params)
        assert raised.value.response.status_code == 400
    assert connector.created_conversations() == []


async def test_members_can_be_looked_up(
    connector: FakeBotConnector, client: ConnectorClient
) -> None:
    user = TeamsUser(name="Sam Supervisor")
    connector.add_member("a:chat", user.account())

    member = await client.conversations.get_conversation_member("a:chat", user.teams_id)
    members = await client.conversations.get_conversation_members("a:chat")

    assert member.name == "Sam Supervisor"
    assert [m.id for m in members] == [user.teams_id]
    with pytest.raises(ErrorResponseException) as raised:
        await client.conversations.get_conversation_member("a:chat", "29:nobody")
    assert raised.value.response.status_code == 404


async def test_wait_for_returns_matching_posts_or_times_out(
    connector: FakeBotConnector, client: ConnectorClient
) -> None:
    async def post_later() -> None:
        await asyncio.sleep(0.05)
        await client.conversations.send_to_conversation("a:chat", _message("noise"))
        await client.conversations.send_to_conversation("a:chat", _message("the one"))

    task = asyncio.create_task(post_later())
    [found] = await connector.wait_for(lambda c: c.text == "the one", timeout=5)
    await task

    assert found.conversation_id == "a:chat"
    with pytest.raises(TimeoutError):
        await connector.wait_for(route="update", timeout=0.1)


async def test_unsigned_empty_credentials_send_no_authorization(
    connector: FakeBotConnector,
) -> None:
    client = ConnectorClient(MicrosoftAppCredentials.empty(), base_url=connector.service_url)
    await client.conversations.send_to_conversation("a:chat", _message("local mode"))

    assert connector.sent()[0].authorization is None


def test_teams_message_has_the_fields_teams_sends() -> None:
    chat = TeamsChat(service_url="https://smba.example/amer/")
    activity = Activity().deserialize(chat.message("request"))

    assert activity.type == "message" and activity.text == "request"
    assert activity.channel_id == "msteams"
    assert activity.from_property.id.startswith("29:")
    assert activity.from_property.aad_object_id == chat.user.aad_object_id
    assert activity.conversation.conversation_type == "personal"
    # botbuilder-python maps ConversationAccount.tenant_id to "tenantID", so Teams'
    # "tenantId" is lost on deserialization: the tenant must be read from channelData.
    assert activity.conversation.tenant_id is None
    assert TeamsChannelData().deserialize(activity.channel_data).tenant.id == chat.tenant_id
    assert activity.conversation.id.startswith("a:")
    assert activity.recipient.id == f"28:{chat.bot_app_id}"
    assert activity.channel_data["tenant"]["id"] == chat.tenant_id
    reference = TurnContext.get_conversation_reference(activity)
    assert reference.service_url == "https://smba.example/amer/"
    assert reference.user.aad_object_id == chat.user.aad_object_id


def test_install_activities_announce_the_bot() -> None:
    chat = TeamsChat(service_url="https://smba.example/amer/")
    added = Activity().deserialize(chat.bot_added())
    installed = Activity().deserialize(chat.installation_update())

    assert added.type == "conversationUpdate"
    assert [m.id for m in added.members_added] == [chat.bot_id]
    assert (installed.type, installed.action) == ("installationUpdate", "add")


def test_card_action_merges_inputs_over_the_action_data() -> None:
    chat = TeamsChat(service_url="https://smba.example/amer/")
    raw = chat.card_action(
        "approve",
        {"request_id": "r-1", "comment": "declared"},
        inputs={"comment": "typed by the user"},
        reply_to_id="card-7",
    )
    activity = Activity().deserialize(raw)
    value = AdaptiveCardInvokeValue(**activity.value)

    assert (activity.type, activity.name, activity.reply_to_id) == (
        "invoke",
        "adaptiveCard/action",
        "card-7",
    )
    assert value.action == {
        "type": "Action.Execute",
        "verb": "approve",
        "data": {"request_id": "r-1", "comment": "typed by the user"},
    }
    assert raw["value"]["trigger"] == "manual"
    assert chat.card_action("refresh", trigger="automatic")["value"]["trigger"] == "automatic"


async def test_tokens_validate_through_botbuilder_and_strangers_do_not() -> None:
    before = ChannelValidation.open_id_metadata_endpoint
    provider = SimpleCredentialProvider(APP_ID, "")
    chat = TeamsChat(service_url="https://smba.example/amer/", bot_app_id=APP_ID)
    activity = Activity().deserialize(chat.message("hi"))

    with FakeBotFrameworkTokens() as tokens:
        good = tokens.token(APP_ID, chat.service_url)
        identity = await JwtTokenValidation.authenticate_request(
            activity, f"Bearer {good}", provider
        )
        forged = tokens.token(APP_ID, chat.service_url, signed_by_stranger=True)
        with pytest.raises(Exception, match="Signature verification failed"):
            await JwtTokenValidation.authenticate_request(activity, f"Bearer {forged}", provider)

    assert identity.claims["aud"] == APP_ID
    assert tokens.key_fetches == 1
    assert ChannelValidation.open_id_metadata_endpoint == before


@pytest.mark.parametrize(
    ("status", "retry_after", "expected"),
    [
        (429, 7, 7.0),
        (412, None, 0.0),
        (502, None, 0.0),
        (504, None, 0.0),
        (500, None, 0.0),
        (403, None, None),
        (400, None, None),
    ],
)
async def test_injected_failures_classify_for_the_outbox(
    connector: FakeBotConnector,
    client: ConnectorClient,
    status: int,
    retry_after: float | None,
    expected: float | None,
) -> None:
    connector.fail("post", status, retry_after=retry_after)

    with pytest.raises(ErrorResponseException) as raised:
        await client.conversations.send_to_conversation("a:chat", _message("hi"))
    failure = delivery_failure(raised.value)

    assert failure.retry_after == expected
    assert str(status) in str(failure)


async def test_an_unreachable_connector_is_retried() -> None:
    client = ConnectorClient(MicrosoftAppCredentials.empty(), base_url="http://127.0.0.1:9/")
    client.config.retry_policy.retries = 0

    with pytest.raises(Exception) as raised:
        await client.conversations.send_to_conversation("a:chat", _message("hi"))

    assert delivery_failure(raised.value).retry_after == 0.0
