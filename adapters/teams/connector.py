"""Proactive messages and card updates straight to the Bot Connector's REST API.

botbuilder sends a proactive message by running a whole turn: `continue_conversation` builds
a continuation activity, a `TurnContext`, runs the middleware pipeline, deep-copies and
msrest-serializes the activity, and posts it with `requests` in a worker thread (whose GIL
hand-offs stall the event loop). Profiled under load that was ~2.7 ms of the one event loop
per send. Here the same two calls are made directly, through one shared aiohttp session:

- a message: POST `{serviceUrl}/v3/conversations/{id}/activities/{replyToId}`, exactly what
  botbuilder sends for a proactive turn (the continuation activity's fresh id as `replyToId`,
  the `x-ms-conversation-id` header, `inputHint` "acceptingInput");
- a card update: PUT `{serviceUrl}/v3/conversations/{id}/activities/{activityId}`.

The activity JSON is the one botbuilder's serializer produces (tests/teams/test_connector.py
compares them field by field). The token is the one botbuilder's own connector client would
use: its credentials come from the adapter's (cached) connector factory, whose MSAL app keeps
the token cache. Creating a conversation (once per person) still goes through botbuilder.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp
from botbuilder.core import CloudAdapterBase
from botframework.connector.auth import AppCredentials, AuthenticationConstants

from adapters.json_bodies import dumps, loads
from adapters.teams.cloud_adapter import status_failure
from bot.ports import DeliveryFailed

Json = dict[str, Any]
# msrest's default for the connector client (connect and read, each): a slow connector is
# waited for as long as before; a send that times out is retried by the outbox.
TIMEOUT = aiohttp.ClientTimeout(total=None, sock_connect=100, sock_read=100)
ACCEPTED = frozenset({200, 201, 202})
# MSAL hands out a token only while it has more than 5 minutes to live, so one fetched less
# than 4 minutes ago is still good: reusing it keeps MSAL (and, once an hour, its blocking
# request to Azure AD) off the event loop for all but one send in four minutes.
TOKEN_REUSE_SECONDS = 240.0


class ChatGone(DeliveryFailed):
    """The connector answered 404: that conversation (or message) is not there any more."""


class BotConnector:
    """Sends and updates activities in existing conversations for one bot (app id)."""

    def __init__(self, adapter: CloudAdapterBase, app_id: str) -> None:
        self.adapter = adapter
        self.app_id = app_id
        self._services: dict[str, _ServiceAuth] = {}  # by service URL
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def send(self, reference: Json, activity: Json) -> str:
        """Post `activity` (a message's content) in the conversation of `reference` (a
        `ConversationReference` as botbuilder serializes and the bot stores it), as
        botbuilder's proactive turn does; returns the new activity's id."""
        # The id of the continuation activity botbuilder makes up for a proactive turn (a
        # uuid1 there); the connector only reads it back. uuid4: libuuid's time-based uuid1
        # costs 4 us alone and was 1.4 % of the server's CPU under load (its clock state).
        reply_to = str(uuid.uuid4())
        body = send_body(reference, activity, reply_to)
        conversation = _conversation_id(reference)
        answer = await self._call(
            "POST", reference, f"v3/conversations/{quote(conversation, safe='')}/activities/"
            f"{quote(reply_to, safe='')}", body, {"x-ms-conversation-id": conversation})
        return str(answer.get("id") or "")

    async def update(self, reference: Json, activity_id: str, activity: Json) -> None:
        """Replace the activity `activity_id` (a card already posted) with `activity`."""
        body = update_body(reference, activity_id, activity, str(uuid.uuid4()))
        conversation = _conversation_id(reference)
        await self._call("PUT", reference, f"v3/conversations/{quote(conversation, safe='')}"
                         f"/activities/{quote(activity_id, safe='')}", body, {})

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    # -- plumbing -------------------------------------------------------------------------------

    async def _call(self, method: str, reference: Json, path: str,
                    body: Json, extra: dict[str, str]) -> Json:
        service_url = str(reference.get("serviceUrl") or "")
        headers = {"Accept": "application/json",
                   "Content-Type": "application/json; charset=utf-8", **extra}
        auth = await self._auth(service_url)
        headers.update(await auth.headers())
        url = service_url.rstrip("/") + "/" + path
        data = dumps(body)
        try:
            async with self._http().request(method, url, data=data, headers=headers,
                                            timeout=TIMEOUT) as response:
                text = await response.read()
                status = response.status
                retry_after = response.headers.get("Retry-After")
        except (aiohttp.ClientError, TimeoutError) as error:
            raise DeliveryFailed(f"Teams connector unreachable: {type(error).__name__}",
                                 retry_after=0.0) from None
        answer = _json(text)
        if status in ACCEPTED:
            return answer
        failure = status_failure(status, _error_code(answer), retry_after)
        if status == 401:  # the token was refused (revoked, rotated secret): ask MSAL again
            auth.token = ""
        if status == 404:
            raise ChatGone(str(failure), retry_after=None)
        raise failure

    async def _auth(self, service_url: str) -> _ServiceAuth:
        """How botbuilder's connector client would authenticate to `service_url`: its
        credentials, and so its token cache, are the adapter's cached ones."""
        known = self._services.get(service_url)
        if known is None:
            factory = self.adapter.bot_framework_authentication.create_connector_factory(
                self.adapter.create_claims_identity(self.app_id))
            client = await factory.create(service_url, None)
            credentials = client.config.credentials
            app_id = getattr(credentials, "microsoft_app_id", None)
            signs = (isinstance(credentials, AppCredentials) and bool(app_id)
                     and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID)
            known = _ServiceAuth(str(client.config.user_agent), credentials if signs else None)
            self._services[service_url] = known
        return known

    def _http(self) -> aiohttp.ClientSession:
        """One session (and connection pool) per event loop: the console runs a loop per
        delivery pass, the server one for its life."""
        loop = asyncio.get_running_loop()
        if self._session is None or self._session.closed or self._loop is not loop:
            self._session = aiohttp.ClientSession()
            self._loop = loop
        return self._session


@dataclass
class _ServiceAuth:
    """The headers for one service URL: botbuilder's User-Agent and, unless in local mode, a
    bearer token. msrest asks MSAL on every call; here a token is reused for a few minutes
    and fetched in a worker thread (on a cache miss MSAL asks Azure AD synchronously, which
    would stall every conversation the event loop serves)."""

    user_agent: str
    credentials: AppCredentials | None  # None: local mode, nothing to sign
    token: str = ""
    fetched_at: float = 0.0

    async def headers(self) -> dict[str, str]:
        headers = {"User-Agent": self.user_agent}
        if self.credentials is not None:
            if not self.token or time.monotonic() - self.fetched_at >= TOKEN_REUSE_SECONDS:
                self.token = await asyncio.to_thread(self.credentials.get_access_token)
                self.fetched_at = time.monotonic()
            headers["Authorization"] = f"Bearer {self.token}"
        return headers


def send_body(reference: Json, activity: Json, reply_to: str) -> Json:
    """The activity botbuilder posts for `turn.send_activity(message)` in a proactive turn
    whose continuation activity has the id `reply_to`."""
    return {**addressed(reference, reply_to), **activity,
            "inputHint": activity.get("inputHint") or "acceptingInput"}


def update_body(reference: Json, activity_id: str, activity: Json, reply_to: str) -> Json:
    """The activity botbuilder puts for `turn.update_activity(message)` (its id set) in a
    proactive turn whose continuation activity has the id `reply_to`."""
    return {**addressed(reference, reply_to), **activity, "id": activity_id}


def addressed(ref: Json, reply_to: str) -> Json:
    """What botbuilder's `apply_conversation_reference` adds to an outgoing activity of a
    proactive turn, as its serializer writes it: from the bot, to the user, in the
    conversation, replying to the continuation activity. `ref` is the serialized reference
    (its accounts are already in the serializer's form)."""
    body: Json = {"channelId": ref.get("channelId"), "serviceUrl": ref.get("serviceUrl"),
                  "from": ref.get("bot"), "recipient": ref.get("user"),
                  "conversation": ref.get("conversation"), "replyToId": reply_to}
    return {key: value for key, value in body.items() if value is not None}


def _conversation_id(reference: Json) -> str:
    conversation = reference.get("conversation")
    return str(conversation.get("id") or "") if isinstance(conversation, dict) else ""


def _json(text: bytes) -> Json:
    try:
        answer = loads(text) if text else {}
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def _error_code(answer: Json) -> str:
    error = answer.get("error")
    return str(error.get("code") or "") if isinstance(error, dict) else ""
