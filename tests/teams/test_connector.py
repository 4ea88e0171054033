"""BotConnector speaks to the Bot Connector exactly as botbuilder's proactive turn does.

Each case sends the same card twice to the fake Bot Connector over HTTP: once the way the
channel did before (`continue_conversation` + `TurnContext.send_activity` /
`update_activity`, botbuilder's own connector client) and once through `BotConnector`; the
two requests must match in method, route, headers the connector reads and JSON body (only the
continuation activity's fresh `replyToId` differs). Then the connector's failures: 429 with
Retry-After, 5xx, 404 and 403 are classified as before.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from botbuilder.core import TurnContext
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference

from adapters.teams.auth import TeamsCredentials
from adapters.teams.cloud_adapter import TeamsCloudAdapter, bot_framework_authentication
from adapters.teams.connector import TOKEN_REUSE_SECONDS, BotConnector, ChatGone
from adapters.teams.outgoing import card_activity, card_message
from bot.ports import DeliveryFailed
from tests.fakes.bot_connector import ConnectorCall, FakeAppCredentialsFactory, FakeBotConnector

APP_ID = "00000000-0000-0000-0000-00000000b07a"
CARD = {"type": "AdaptiveCard", "version": "1.5",
        "body": [{"type": "TextBlock", "text": "R-1 waits for you", "wrap": True}],
        "actions": [{"type": "Action.Execute", "title": "Approve", "verb": "approve",
                     "data": {"button": "approve:R-1:1"}}]}


def adapter_for(app_id: str) -> TeamsCloudAdapter:
    credentials = TeamsCredentials(app_id=app_id, app_password="offline-secret" if app_id else "")
    authentication = None
    if app_id:
        authentication = bot_framework_authentication(
            credentials, credentials_factory=FakeAppCredentialsFactory(app_id))
    return TeamsCloudAdapter(credentials, authentication=authentication)


def reference(service_url: str, conversation_id: str = "a:chat;one/two") -> ConversationReference:
    """A reference as botbuilder builds it (the old path); BotConnector takes it serialized,
    as the bot stores it (`.serialize()`)."""
    return ConversationReference(
        channel_id="msteams", service_url=service_url,
        conversation=ConversationAccount(id=conversation_id, conversation_type="personal",
                                         tenant_id="11111111-2222-3333-4444-555555555555"),
        bot=ChannelAccount(id=f"28:{APP_ID}", name="Social media bot"),
        user=ChannelAccount(id="29:1user", name="Kim", aad_object_id="aad-kim"))


def same_request(before: ConnectorCall, after: ConnectorCall, *, reply: bool) -> None:
    assert (after.route, after.method, after.conversation_id, after.authorization) == \
        (before.route, before.method, before.conversation_id, before.authorization)
    old, new = dict(before.body), dict(after.body)
    assert old.pop("replyToId") and new.pop("replyToId")  # each turn's own continuation id
    assert new == old
    assert after.headers == before.headers
    if reply:  # POST .../activities/{the replyToId}
        assert after.path.rsplit("/", 1)[0] == before.path.rsplit("/", 1)[0]
        assert (before.activity_id, after.activity_id) == (before.body["replyToId"],
                                                           after.body["replyToId"])
    else:
        assert after.path == before.path


@pytest.mark.parametrize("app_id", [APP_ID, ""], ids=["authenticated", "local mode"])
async def test_a_send_is_what_botbuilder_sends(app_id: str) -> None:
    adapter = adapter_for(app_id)
    connector = BotConnector(adapter, app_id)
    async with FakeBotConnector() as fake:
        ref = reference(fake.service_url)
        ids: list[str] = []

        async def send(turn: TurnContext) -> None:
            response = await turn.send_activity(card_message(CARD))
            ids.append(response.id)

        await adapter.continue_conversation(ref, send, app_id)
        new_id = await connector.send(ref.serialize(), card_activity(CARD))
        await connector.close()
        before, after = fake.calls
    assert before.route == "reply"  # botbuilder replies to its continuation activity
    same_request(before, after, reply=True)
    assert new_id.startswith("fake-activity-") and ids[0].startswith("fake-activity-")
    assert after.authorization == ("Bearer fake-outbound-token" if app_id else None)


async def test_two_cards_and_a_text_are_what_botbuilder_sends() -> None:
    adapter = adapter_for(APP_ID)
    connector = BotConnector(adapter, APP_ID)
    second = {**CARD, "body": [{"type": "TextBlock", "text": "and another"}]}
    async with FakeBotConnector() as fake:
        ref = reference(fake.service_url, "19:abc@thread.tacv2;messageid=42")

        async def send(turn: TurnContext) -> None:
            await turn.send_activity(card_message(CARD, second, text="Two <b>cards</b>"))

        await adapter.continue_conversation(ref, send, APP_ID)
        await connector.send(ref.serialize(), card_activity(CARD, second, text="Two <b>cards</b>"))
        await connector.close()
        before, after = fake.calls
    same_request(before, after, reply=True)
    assert after.body["attachmentLayout"] == "list" and after.body["text"] == "Two <b>cards</b>"


async def test_an_update_is_what_botbuilder_puts() -> None:
    adapter = adapter_for(APP_ID)
    connector = BotConnector(adapter, APP_ID)
    async with FakeBotConnector() as fake:
        ref = reference(fake.service_url)

        async def update(turn: TurnContext) -> None:
            activity = card_message(CARD)
            activity.id = "1:activity-7"
            await turn.update_activity(activity)

        await adapter.continue_conversation(ref, update, APP_ID)
        await connector.update(ref.serialize(), "1:activity-7", card_activity(CARD))
        await connector.close()
        before, after = fake.calls
    assert before.route == after.route == "update"
    same_request(before, after, reply=False)


@pytest.mark.parametrize(("status", "retry_after", "expected"), [
    (429, 7.0, 7.0), (412, None, 0.0), (502, None, 0.0), (403, None, None)])
async def test_failures_are_classified_as_before(status: int, retry_after: float | None,
                                                 expected: float | None) -> None:
    connector = BotConnector(adapter_for(APP_ID), APP_ID)
    async with FakeBotConnector() as fake:
        fake.fail("post", status, retry_after=retry_after)
        with pytest.raises(DeliveryFailed) as failed:
            await connector.send(reference(fake.service_url).serialize(), card_activity(CARD))
        fake.fail("update", status, retry_after=retry_after)
        with pytest.raises(DeliveryFailed) as failed_update:
            await connector.update(reference(fake.service_url).serialize(), "1:x",
                                   card_activity(CARD))
        await connector.close()
    for failure in (failed.value, failed_update.value):
        assert failure.retry_after == expected
        assert f"answered {status}" in str(failure)
        assert not isinstance(failure, ChatGone)


async def test_a_missing_conversation_is_gone_and_an_unreachable_one_is_retried() -> None:
    connector = BotConnector(adapter_for(APP_ID), APP_ID)
    async with FakeBotConnector() as fake:
        fake.fail("update", 404)
        with pytest.raises(ChatGone) as gone:
            await connector.update(reference(fake.service_url).serialize(), "1:x",
                                   card_activity(CARD))
        url = fake.service_url
    assert gone.value.retry_after is None
    with pytest.raises(DeliveryFailed) as unreachable:  # the fake has stopped listening
        await connector.send(reference(url).serialize(), card_activity(CARD))
    await connector.close()
    assert unreachable.value.retry_after == 0.0 and "unreachable" in str(unreachable.value)


class CountingCredentialsFactory(FakeAppCredentialsFactory):
    """Credentials whose every token is new ("token-1", "token-2", ...), noting the thread
    each was fetched on: MSAL's fetch may block on Azure AD, so never on the event loop."""

    def __init__(self, app_id: str) -> None:
        super().__init__(app_id)
        self.fetched_on: list[str] = []

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str,
                                 validate_authority: bool) -> Any:
        from botframework.connector.auth import AppCredentials

        fetched_on = self.fetched_on

        class FreshTokenCredentials(AppCredentials):
            def get_access_token(self, force_refresh: bool = False) -> str:
                fetched_on.append(threading.current_thread().name)
                return f"token-{len(fetched_on)}"

        return FreshTokenCredentials(app_id=app_id, oauth_scope=oauth_scope)


async def test_the_token_is_fetched_off_the_event_loop_and_reused_for_minutes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    factory = CountingCredentialsFactory(APP_ID)
    credentials = TeamsCredentials(app_id=APP_ID, app_password="offline-secret")
    adapter = TeamsCloudAdapter(credentials, authentication=bot_framework_authentication(
        credentials, credentials_factory=factory))
    connector = BotConnector(adapter, APP_ID)
    now = [1000.0]
    monkeypatch.setattr("adapters.teams.connector.time.monotonic", lambda: now[0])
    async with FakeBotConnector() as fake:
        ref = reference(fake.service_url).serialize()
        await connector.send(ref, card_activity(CARD))
        await connector.update(ref, "1:x", card_activity(CARD))
        now[0] += TOKEN_REUSE_SECONDS  # MSAL may refresh by now: ask it again
        await connector.send(ref, card_activity(CARD))
        fake.fail("post", 401)  # refused: the next send must not reuse it
        with pytest.raises(DeliveryFailed):
            await connector.send(ref, card_activity(CARD))
        await connector.send(ref, card_activity(CARD))
        await connector.close()
    assert [call.authorization for call in fake.calls] == [
        "Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-2",  # refused
        "Bearer token-3"]
    assert len(factory.fetched_on) == 3
    assert threading.main_thread().name not in factory.fetched_on
