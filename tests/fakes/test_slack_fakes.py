"""The Slack fakes behave like Slack: the real slack_sdk client works against the fake Web API,
and the request builders' signatures pass slack_sdk's own SignatureVerifier and Bolt."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import aiohttp
import pytest
import yaml
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient

from . import slack_requests as sr
from .slack_web_api import DEFAULT_SCOPES, FakeSlackWebAPI

MANIFEST = Path(__file__).parents[2] / "adapters" / "slack" / "manifest.yaml"
SECRET = "fake-signing-secret"
TOKEN = "xoxb-fake-token"
USERS = {
    "U0ADOE": {"name": "adoe", "real_name": "Alex Doe", "email": "adoe@example.org"},
    "U0MSMITH": {"name": "msmith", "real_name": "Morgan Smith"},
}
MODAL = {
    "type": "modal",
    "callback_id": "request_access",
    "title": {"type": "plain_text", "text": "Request access"},
    "submit": {"type": "plain_text", "text": "Submit"},
    "blocks": [
        {
            "type": "input",
            "block_id": "program",
            "label": {"type": "plain_text", "text": "Program"},
            "element": {"type": "plain_text_input", "action_id": "value"},
        }
    ],
}


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlackWebAPI]:
    async with FakeSlackWebAPI(users=USERS) as fake:
        yield fake


@pytest.fixture
def client(slack: FakeSlackWebAPI) -> AsyncWebClient:
    return AsyncWebClient(token=TOKEN, base_url=slack.base_url, timeout=2)


async def slack_error(call: Any) -> dict[str, Any]:
    """Await a client call expected to fail and return Slack's error body."""
    with pytest.raises(SlackApiError) as failure:
        await call
    return dict(failure.value.response.data)


# --- the Web API fake, through the real AsyncWebClient ----------------------------------------


async def test_base_url_is_local_and_ends_with_api(slack: FakeSlackWebAPI) -> None:
    assert slack.base_url.startswith("http://127.0.0.1:")
    assert slack.base_url.endswith("/api/")


async def test_auth_test_names_the_bot(client: AsyncWebClient) -> None:
    answer = await client.auth_test()
    assert answer["ok"] is True
    assert answer["user_id"] == sr.BOT_USER_ID
    assert answer["team_id"] == sr.TEAM_ID


async def test_post_message_to_a_user_lands_in_their_dm_with_a_unique_ts(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    first = await client.chat_postMessage(channel="U0ADOE", text="hello", blocks=[section("hi")])
    second = await client.chat_postMessage(channel="U0ADOE", text="again")
    assert first["channel"] == slack.dm_channel("U0ADOE") == "D0ADOE"
    assert first["ts"] != second["ts"]
    assert first["message"]["blocks"] == [section("hi")]
    call = slack.calls("chat.postMessage")[0]
    assert call.token == TOKEN
    assert call.headers["Authorization"] == f"Bearer {TOKEN}"
    assert call.args["text"] == "hello"


async def test_chat_update_changes_the_stored_message(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    posted = await client.chat_postMessage(channel="C0CCT", text="Waiting for the CCT")
    await client.chat_update(channel="C0CCT", ts=posted["ts"], text="Recommended", blocks=[])
    stored = slack.message("C0CCT", posted["ts"])
    assert stored["text"] == "Recommended"
    assert stored["blocks"] == []
    assert [m.ts for m in slack.messages("C0CCT")] == [posted["ts"]]


async def test_chat_update_of_an_unknown_message_fails(client: AsyncWebClient) -> None:
    error = await slack_error(client.chat_update(channel="C0CCT", ts="1.000001", text="x"))
    assert error["error"] == "message_not_found"


async def test_post_ephemeral_answers_a_message_ts(client: AsyncWebClient) -> None:
    answer = await client.chat_postEphemeral(channel="C0GENERAL", user="U0ADOE", text="status")
    assert answer["message_ts"]


async def test_conversations_open_is_stable_per_user(client: AsyncWebClient) -> None:
    first = await client.conversations_open(users="U0ADOE")
    second = await client.conversations_open(users="U0ADOE")
    other = await client.conversations_open(users="U0MSMITH")
    assert first["channel"]["id"] == second["channel"]["id"] != other["channel"]["id"]


async def test_users_info_serves_the_configured_users(client: AsyncWebClient) -> None:
    user = (await client.users_info(user="U0ADOE"))["user"]
    assert user["real_name"] == "Alex Doe"
    assert user["profile"]["real_name"] == "Alex Doe"
    # Without users:read.email Slack leaves the address out, so the fake does too.
    assert "email" not in user["profile"]
    assert (await slack_error(client.users_info(user="U0NOBODY")))["error"] == "user_not_found"


async def test_users_info_shows_email_only_with_the_email_scope() -> None:
    scopes = {"users:read", "users:read.email"}
    async with FakeSlackWebAPI(users=USERS, scopes=scopes) as slack:
        client = AsyncWebClient(token=TOKEN, base_url=slack.base_url)
        user = (await client.users_info(user="U0ADOE"))["user"]
        assert user["profile"]["email"] == "adoe@example.org"


async def test_missing_token_is_not_authed(slack: FakeSlackWebAPI) -> None:
    anonymous = AsyncWebClient(base_url=slack.base_url)
    error = await slack_error(anonymous.chat_postMessage(channel="C1", text="x"))
    assert error["error"] == "not_authed"


async def test_only_the_configured_token_is_accepted() -> None:
    async with FakeSlackWebAPI(bot_token=TOKEN) as slack:
        stranger = AsyncWebClient(token="xoxb-someone-else", base_url=slack.base_url)
        assert (await slack_error(stranger.auth_test()))["error"] == "invalid_auth"


async def test_a_method_outside_the_granted_scopes_is_refused() -> None:
    async with FakeSlackWebAPI(scopes={"commands", "chat:write"}) as slack:
        client = AsyncWebClient(token=TOKEN, base_url=slack.base_url)
        error = await slack_error(client.conversations_open(users="U0ADOE"))
        assert error["error"] == "missing_scope"
        assert error["needed"] == "im:write"


async def test_form_encoded_calls_are_parsed_like_json_ones(slack: FakeSlackWebAPI) -> None:
    form = {"token": TOKEN, "channel": "C1", "text": "hi", "blocks": json.dumps([section("x")])}
    async with (
        aiohttp.ClientSession() as session,
        session.post(slack.base_url + "chat.postMessage", data=form) as response,
    ):
        answer = await response.json()
    assert answer["ok"] is True
    call = slack.calls("chat.postMessage")[0]
    assert call.token == TOKEN
    assert call.args["blocks"] == [section("x")]  # decoded for the test's convenience


# --- Block Kit limits ---------------------------------------------------------------------------


async def test_more_than_50_blocks_in_a_message_are_invalid_blocks(client: AsyncWebClient) -> None:
    await client.chat_postMessage(channel="C1", text="ok", blocks=[section("x")] * 50)
    error = await slack_error(
        client.chat_postMessage(channel="C1", text="x", blocks=[section("x")] * 51)
    )
    assert error["error"] == "invalid_blocks"
    assert "json-pointer:/blocks]" in error["errors"][0]


@pytest.mark.parametrize(
    "block",
    [
        section("x" * 3001),
        section(""),
        {"type": "header", "text": {"type": "plain_text", "text": "h" * 151}},
        {"type": "header", "text": {"type": "mrkdwn", "text": "*h*"}},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "a",
                    "text": {"type": "plain_text", "text": "b" * 76},
                }
            ],
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "a" * 256,
                    "text": {"type": "plain_text", "text": "b"},
                }
            ],
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "a",
                    "value": "v" * 2001,
                    "text": {"type": "plain_text", "text": "b"},
                }
            ],
        },
        {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11},
        {"type": "no_such_block"},
        {
            **section("pick"),
            "accessory": {
                "type": "static_select",
                "action_id": "s",
                "options": [{"text": {"type": "plain_text", "text": "o" * 76}, "value": "v"}],
            },
        },
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "a",
                    "text": {"type": "plain_text", "text": "Reject"},
                    "confirm": {
                        "title": {"type": "plain_text", "text": "t" * 101},
                        "text": {"type": "plain_text", "text": "Sure?"},
                        "confirm": {"type": "plain_text", "text": "Yes"},
                        "deny": {"type": "plain_text", "text": "No"},
                    },
                }
            ],
        },
    ],
    ids=[
        "section-3001",
        "empty-text",
        "header-151",
        "header-mrkdwn",
        "button-text-76",
        "action-id-256",
        "button-value-2001",
        "fields-11",
        "unknown-type",
        "option-text-76",
        "confirm-title-101",
    ],
)
async def test_blocks_slack_rejects_are_rejected(
    client: AsyncWebClient, block: dict[str, Any]
) -> None:
    error = await slack_error(client.chat_postMessage(channel="C1", text="x", blocks=[block]))
    assert error["error"] == "invalid_blocks"


async def test_duplicate_block_ids_are_rejected(client: AsyncWebClient) -> None:
    blocks = [{**section("a"), "block_id": "b1"}, {**section("b"), "block_id": "b1"}]
    error = await slack_error(client.chat_postMessage(channel="C1", text="x", blocks=blocks))
    assert "duplicate block_id" in error["errors"][0]


async def test_a_message_needs_text_or_blocks(client: AsyncWebClient) -> None:
    with pytest.warns(UserWarning, match="text"):  # slack_sdk warns too, then sends
        error = await slack_error(client.chat_postMessage(channel="C1"))
    assert error["error"] == "no_text"


async def test_a_modal_over_100_blocks_is_refused(client: AsyncWebClient) -> None:
    view = {**MODAL, "blocks": [section("x")] * 101}
    error = await slack_error(client.views_open(trigger_id=sr.issue_trigger_id(), view=view))
    assert error["error"] == "invalid_arguments"
    assert "json-pointer:/view/blocks]" in error["response_metadata"]["messages"][0]


async def test_a_modal_title_over_24_characters_is_refused(client: AsyncWebClient) -> None:
    view = {**MODAL, "title": {"type": "plain_text", "text": "t" * 25}}
    error = await slack_error(client.views_open(trigger_id=sr.issue_trigger_id(), view=view))
    assert error["error"] == "invalid_arguments"


# --- views and trigger ids ----------------------------------------------------------------------


async def test_views_open_with_a_fresh_trigger_stores_the_modal(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    answer = await client.views_open(trigger_id=sr.issue_trigger_id(), view=MODAL)
    view = answer["view"]
    assert view["id"].startswith("V")
    assert view["callback_id"] == "request_access"
    assert slack.view(view["id"])["blocks"] == MODAL["blocks"]


async def test_a_trigger_id_works_once(client: AsyncWebClient) -> None:
    trigger_id = sr.issue_trigger_id()
    await client.views_open(trigger_id=trigger_id, view=MODAL)
    error = await slack_error(client.views_open(trigger_id=trigger_id, view=MODAL))
    assert error["error"] == "exchanged_trigger_id"


@pytest.mark.parametrize(
    ("trigger_id", "expected"),
    [("123.456.abcdef", "expired_trigger_id"), ("not-a-trigger", "invalid_trigger_id")],
)
async def test_trigger_ids_slack_never_issued_are_refused(
    client: AsyncWebClient, trigger_id: str, expected: str
) -> None:
    error = await slack_error(client.views_open(trigger_id=trigger_id, view=MODAL))
    assert error["error"] == expected


async def test_a_trigger_id_expires() -> None:
    async with FakeSlackWebAPI(trigger_ttl=0.05) as slack:
        client = AsyncWebClient(token=TOKEN, base_url=slack.base_url)
        trigger_id = sr.issue_trigger_id()
        await asyncio.sleep(0.1)
        error = await slack_error(client.views_open(trigger_id=trigger_id, view=MODAL))
        assert error["error"] == "expired_trigger_id"


async def test_views_update_checks_the_hash(slack: FakeSlackWebAPI, client: AsyncWebClient) -> None:
    opened = (await client.views_open(trigger_id=sr.issue_trigger_id(), view=MODAL))["view"]
    changed = {**MODAL, "blocks": [section("Thanks, your request is filed.")]}
    updated = await client.views_update(view_id=opened["id"], hash=opened["hash"], view=changed)
    assert updated["view"]["blocks"] == changed["blocks"]
    stale = await slack_error(
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)
    )
    assert stale["error"] == "hash_conflict"
    missing = await slack_error(client.views_update(view_id="V0NONE", view=MODAL))
    assert missing["error"] == "not_found"


async def test_views_publish_keeps_each_users_home(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    home = {"type": "home", "blocks": [section("My requests")]}
    await client.views_publish(user_id="U0ADOE", view=home)
    assert slack.home_view("U0ADOE")["blocks"] == home["blocks"]  # type: ignore[index]
    assert slack.home_view("U0MSMITH") is None
    bad = await slack_error(client.views_publish(user_id="U0ADOE", view=MODAL))
    assert bad["error"] == "invalid_arguments"
    with_submit = {**home, "submit": {"type": "plain_text", "text": "Go"}}
    bad = await slack_error(client.views_publish(user_id="U0ADOE", view=with_submit))
    assert "cannot have submit" in bad["response_metadata"]["messages"][0]


# --- helpers: wait_for, reset, response_url -----------------------------------------------------


async def test_wait_for_sees_a_call_made_later(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    async def later() -> None:
        await asyncio.sleep(0.05)
        await client.chat_postMessage(channel="U0MSMITH", text="Please approve")

    task = asyncio.create_task(later())
    call = await slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == "U0MSMITH")
    await task
    assert call.ok
    assert call.response["channel"] == "D0MSMITH"


async def test_wait_for_times_out_listing_what_came(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    await client.auth_test()
    with pytest.raises(AssertionError, match=r"auth\.test"):
        await slack.wait_for("views.open", timeout=0.05)


async def test_reset_forgets_calls_and_state_but_keeps_users(
    slack: FakeSlackWebAPI, client: AsyncWebClient
) -> None:
    await client.chat_postMessage(channel="C1", text="x")
    slack.fail_next("auth.test", status=500)
    slack.reset()
    assert slack.calls() == []
    assert slack.messages() == []
    assert (await client.auth_test())["ok"] is True  # the injected failure is gone
    assert (await client.users_info(user="U0ADOE"))["ok"] is True


async def test_posts_to_a_response_url_are_recorded(slack: FakeSlackWebAPI) -> None:
    url = slack.response_url()
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json={"text": "Your requests", "response_type": "ephemeral"}) as r,
    ):
        assert r.status == 200
    call = await slack.wait_for("response_url")
    assert call.args["text"] == "Your requests"


# --- failure injection, seen by slack_sdk's retry handlers --------------------------------------


async def test_a_429_carries_retry_after_and_the_rate_limit_handler_waits(
    slack: FakeSlackWebAPI,
) -> None:
    retrying = AsyncWebClient(
        token=TOKEN,
        base_url=slack.base_url,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=1)],
    )
    slack.fail_next("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    answer = await retrying.chat_postMessage(channel="C1", text="x")
    assert answer["ok"] is True
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured
    attempts = slack.calls("chat.postMessage")
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[0].response["error"] == "ratelimited"


async def test_without_a_retry_handler_a_429_surfaces(
    client: AsyncWebClient, slack: FakeSlackWebAPI
) -> None:
    slack.fail_next("chat.postMessage", status=429, retry_after=30)
    with pytest.raises(SlackApiError) as failure:
        await client.chat_postMessage(channel="C1", text="x")
    assert failure.value.response.status_code == 429
    headers = {k.lower(): v for k, v in failure.value.response.headers.items()}
    assert headers["retry-after"] in ("30", ["30"])


async def test_server_errors_are_retried_by_the_server_error_handler(
    slack: FakeSlackWebAPI,
) -> None:
    retrying = AsyncWebClient(
        token=TOKEN,
        base_url=slack.base_url,
        retry_handlers=[AsyncServerErrorRetryHandler(max_retry_count=2)],
    )
    slack.fail_next("views.publish", status=500, times=2)
    await retrying.views_publish(user_id="U0ADOE", view={"type": "home", "blocks": [section("x")]})
    assert [c.status for c in slack.calls("views.publish")] == [500, 500, 200]


async def test_error_next_answers_ok_false(slack: FakeSlackWebAPI, client: AsyncWebClient) -> None:
    slack.error_next("chat.postMessage", "channel_not_found")
    assert (await slack_error(client.chat_postMessage(channel="C1", text="x")))["error"] == (
        "channel_not_found"
    )
    assert (await client.chat_postMessage(channel="C1", text="x"))["ok"] is True


async def test_a_delay_beyond_the_client_timeout_is_a_timeout_yet_slack_still_posts(
    slack: FakeSlackWebAPI,
) -> None:
    impatient = AsyncWebClient(token=TOKEN, base_url=slack.base_url, timeout=1)
    slack.delay_next("chat.postMessage", 1.3)
    with pytest.raises(asyncio.TimeoutError):
        await impatient.chat_postMessage(channel="C1", text="x")
    # As on Slack, the slow call did complete: blindly re-posting after a timeout duplicates.
    await slack.wait_for("chat.postMessage", timeout=2.0)
    assert len(slack.messages("C1")) == 1


# --- request builders ----------------------------------------------------------------------------


def verify(request: sr.SignedRequest, secret: str = SECRET) -> bool:
    return SignatureVerifier(secret).is_valid_request(request.body, request.headers)


def payload_of(request: sr.SignedRequest) -> dict[str, Any]:
    return json.loads(parse_qs(request.body.decode())["payload"][0])


def test_every_builder_signs_what_slack_sdk_verifies() -> None:
    requests = [
        sr.slash_command(SECRET, user_id="U0ADOE"),
        sr.block_actions(SECRET, user_id="U0ADOE", action_id="approve", value="r-1"),
        sr.view_submission(SECRET, user_id="U0ADOE", values={"b": {"a": sr.text_value("x")}}),
        sr.shortcut(SECRET, user_id="U0ADOE"),
        sr.app_home_opened(SECRET, user_id="U0ADOE"),
    ]
    assert all(verify(r) for r in requests)
    assert not any(verify(r, "another-secret") for r in requests)


@pytest.mark.parametrize(
    "signing",
    [sr.WRONG_SECRET, sr.UNSIGNED, sr.STALE, sr.FUTURE, sr.SigningOptions(omit_timestamp=True)],
    ids=["wrong-secret", "unsigned", "stale", "future", "no-timestamp"],
)
def test_forged_and_replayed_requests_fail_verification(signing: sr.SigningOptions) -> None:
    assert not verify(
        sr.block_actions(SECRET, user_id="U0ADOE", action_id="approve", signing=signing)
    )


def test_stale_and_future_are_just_past_the_five_minute_window() -> None:
    now = int(time.time())
    stale = int(
        sr.slash_command(SECRET, user_id="U1", signing=sr.STALE).headers[
            "X-Slack-Request-Timestamp"
        ]
    )
    future = int(
        sr.slash_command(SECRET, user_id="U1", signing=sr.FUTURE).headers[
            "X-Slack-Request-Timestamp"
        ]
    )
    assert now - stale > 300
    assert future - now > 300
    assert (
        "X-Slack-Signature"
        not in sr.slash_command(SECRET, user_id="U1", signing=sr.UNSIGNED).headers
    )


def test_retries_carry_slacks_retry_headers_and_stay_valid() -> None:
    request = sr.app_home_opened(SECRET, user_id="U0ADOE", signing=sr.retry(2, "http_timeout"))
    assert request.headers["X-Slack-Retry-Num"] == "2"
    assert request.headers["X-Slack-Retry-Reason"] == "http_timeout"
    assert verify(request)


def test_slash_command_is_a_form_with_slacks_fields() -> None:
    request = sr.slash_command(SECRET, user_id="U0ADOE", text="status <!channel>")
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    fields = {k: v[0] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}
    assert set(fields) >= {
        "token",
        "team_id",
        "team_domain",
        "channel_id",
        "channel_name",
        "user_id",
        "user_name",
        "command",
        "text",
        "response_url",
        "trigger_id",
        "api_app_id",
    }
    assert fields["command"] == "/socialmedia"
    assert fields["text"] == "status <!channel>"
    assert sr.trigger_issued_at(fields["trigger_id"]) is not None


def test_block_actions_payload_has_the_documented_shape() -> None:
    message = sr.bot_message(text="Approve?")
    payload = payload_of(
        sr.block_actions(
            SECRET,
            user_id="U0ADOE",
            action_id="approve",
            value="r-1",
            block_id="decision",
            message=message,
            channel_id="D0ADOE",
        )
    )
    assert payload["type"] == "block_actions"
    assert payload["user"] == {
        "id": "U0ADOE",
        "username": "u0adoe",
        "name": "u0adoe",
        "team_id": sr.TEAM_ID,
    }
    assert payload["container"] == {
        "type": "message",
        "message_ts": message["ts"],
        "channel_id": "D0ADOE",
        "is_ephemeral": False,
    }
    action = payload["actions"][0]
    assert (action["action_id"], action["block_id"], action["value"], action["type"]) == (
        "approve",
        "decision",
        "r-1",
        "button",
    )
    assert action["action_ts"]
    assert payload["trigger_id"] and payload["response_url"].startswith("https://hooks.slack.com/")


def test_block_actions_in_a_view_carry_the_view_not_a_message() -> None:
    view = sr.modal_view(callback_id="reject_reason")
    payload = sr.block_actions_payload(
        user_id="U1",
        action_id="pick",
        action={
            "type": "users_select",
            "action_id": "pick",
            "block_id": "who",
            "selected_user": "U2",
        },
        view=view,
    )
    assert payload["container"] == {"type": "view", "view_id": view["id"]}
    assert "message" not in payload and "response_url" not in payload
    assert payload["actions"][0]["selected_user"] == "U2"


def test_view_submission_carries_state_values_and_metadata() -> None:
    view = {**sr.modal_view(callback_id="request_access", private_metadata='{"r": 1}'), "id": "V42"}
    values = {
        "program": {"value": sr.text_value(None)},
        "owner": {"who": sr.selected_user("U2")},
        "kind": {"pick": sr.selected_options(["facebook", "x"])},
    }
    payload = payload_of(sr.view_submission(SECRET, user_id="U1", view=view, values=values))
    assert payload["type"] == "view_submission"
    assert payload["view"]["id"] == "V42"
    assert payload["view"]["private_metadata"] == '{"r": 1}'
    state = payload["view"]["state"]["values"]
    assert state["program"]["value"] == {"type": "plain_text_input", "value": None}
    assert state["owner"]["who"]["selected_user"] == "U2"
    assert [o["value"] for o in state["kind"]["pick"]["selected_options"]] == ["facebook", "x"]


def test_app_home_opened_is_a_json_event_callback() -> None:
    request = sr.app_home_opened(SECRET, user_id="U0ADOE")
    assert request.headers["Content-Type"] == "application/json"
    body = json.loads(request.body)
    assert body["type"] == "event_callback"
    assert body["event"]["type"] == "app_home_opened"
    assert body["event"]["user"] == "U0ADOE"
    assert body["event_id"].startswith("Ev") and isinstance(body["event_time"], int)


# --- Bolt accepts the builders' requests over real HTTP ------------------------------------------


async def test_bolt_routes_every_builder_to_its_listener(slack: FakeSlackWebAPI) -> None:
    bolt = AsyncApp(
        signing_secret=SECRET, client=AsyncWebClient(token=TOKEN, base_url=slack.base_url)
    )
    heard: list[str] = []

    async def ack_and_note(ack: Any, body: dict[str, Any]) -> None:
        await ack()
        heard.append(body.get("type") or body["command"])

    async def note_event(event: dict[str, Any]) -> None:
        heard.append(event["type"])

    bolt.command("/socialmedia")(ack_and_note)
    bolt.action("approve")(ack_and_note)
    bolt.view("request_access")(ack_and_note)
    bolt.shortcut("request_access")(ack_and_note)
    bolt.event("app_home_opened")(note_event)

    async def slack_events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", slack_events)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
    try:
        async with aiohttp.ClientSession() as session:
            statuses = [
                (await sr.post(session, url, request)).status
                for request in (
                    sr.slash_command(SECRET, user_id="U0ADOE"),
                    sr.block_actions(SECRET, user_id="U0ADOE", action_id="approve"),
                    sr.view_submission(SECRET, user_id="U0ADOE", values={}),
                    sr.shortcut(SECRET, user_id="U0ADOE"),
                    sr.app_home_opened(SECRET, user_id="U0ADOE"),
                    sr.block_actions(
                        SECRET, user_id="U0ADOE", action_id="approve", signing=sr.STALE
                    ),
                )
            ]
            await asyncio.sleep(0.05)  # the event listener runs after the ack
    finally:
        await runner.cleanup()
    assert statuses == [200, 200, 200, 200, 200, 401]
    assert sorted(heard) == sorted(
        ["/socialmedia", "block_actions", "view_submission", "shortcut", "app_home_opened"]
    )


# --- the manifest grants exactly what the fake (and the bot) rely on ------------------------------


def test_manifest_grants_exactly_the_scopes_the_fake_enforces() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text())
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == set(DEFAULT_SCOPES)
    features, settings = manifest["features"], manifest["settings"]
    assert features["app_home"]["home_tab_enabled"] is True
    assert [c["command"] for c in features["slash_commands"]] == ["/socialmedia"]
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [
        ("global", "request_access")
    ]
    assert settings["event_subscriptions"]["bot_events"] == ["app_home_opened"]
    assert settings["interactivity"]["is_enabled"] is True
    urls = [c["url"] for c in features["slash_commands"]] + [
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert all(url.endswith("/slack/events") for url in urls)
