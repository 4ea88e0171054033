"""A local stand-in for Slack's Web API, for slack_sdk's real AsyncWebClient.

Run it as an async context manager and point the client at it::

    async with FakeSlackWebAPI(users={"U0ADOE": {"real_name": "Alex Doe"}}) as slack:
        client = AsyncWebClient(token="xoxb-test", base_url=slack.base_url)
        await client.chat_postMessage(channel="U0ADOE", text="hi")
        call = await slack.wait_for("chat.postMessage")

It listens on a random free port of 127.0.0.1, records every call (method, parsed arguments
from the query, a JSON body or a form body, and headers), and answers like Slack for the
methods the bot uses: ``auth.test``, ``chat.postMessage``, ``chat.update``,
``chat.postEphemeral``, ``conversations.open``, ``conversations.history`` (with message
``metadata``, shown only with ``include_all_metadata`` as on Slack), ``users.info``,
``users.lookupByEmail`` (scope ``users:read.email``),
``views.open``,
``views.update``, ``views.publish`` (and ``views.push``). It keeps what was posted, so tests
can read a message or a user's App Home back, and it rejects what Slack rejects where that is
cheap to check: no token, a scope the app was not granted, too many blocks, over-long texts,
unknown / expired / reused trigger ids, a stale view hash. Responses sent to a response_url
can be captured too (``response_url()``).

Failure injection (``fail_next``, ``error_next``, ``delay_next``) lets tests watch the
client's retry handlers and the bot's outbox deal with 429s, 5xx and timeouts.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

from .slack_requests import API_APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, trigger_issued_at

JsonDict = dict[str, Any]

# The scopes the manifest grants; a method needing anything else answers missing_scope.
DEFAULT_SCOPES = frozenset({"commands", "chat:write", "im:write", "users:read", "im:history",
                            "channels:history", "groups:history"})
# conversations.history needs the scope of the conversation's kind (D: a DM, C, G: channels)
HISTORY_SCOPES = {"D": "im:history", "C": "channels:history", "G": "groups:history"}
HISTORY_MAX_LIMIT = 999
METHOD_SCOPES = {
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.postEphemeral": "chat:write",
    "conversations.open": "im:write",
    "users.info": "users:read",
    "users.lookupByEmail": "users:read.email",
}
TRIGGER_ID_FORMAT = re.compile(r"^\d+\.\d+\.[0-9a-f]+$")
# Slack truncates nothing silently above this; it answers msg_too_long.
MESSAGE_TEXT_MAX = 40_000
RESPONSE_URL_METHOD = "response_url"


@dataclass
class RecordedCall:
    """One request the fake received, and what it answered."""

    method: str
    args: JsonDict
    headers: Mapping[str, str]
    http_method: str
    status: int = 0
    response: JsonDict = field(default_factory=dict)
    at: float = field(default_factory=time.time)  # when it arrived (benchmarks' latencies)

    @property
    def token(self) -> str | None:
        """The token from ``Authorization: Bearer`` or, failing that, a ``token`` argument."""
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            return auth.removeprefix("Bearer ").strip() or None
        token = self.args.get("token")
        return token if isinstance(token, str) and token else None

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok"))


@dataclass
class _Injection:
    """What to do to the next ``times`` calls of one method."""

    times: int
    status: int = 200
    retry_after: int | None = None
    error: str | None = None
    delay: float = 0.0


@dataclass(frozen=True)
class PostedMessage:
    """A message as the fake stores it; ``message`` is Slack's message object."""

    channel: str
    ts: str
    message: JsonDict


class SlackAPIError(Exception):
    """Raised inside a handler to answer ``{"ok": false, "error": ...}`` like Slack."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.body: JsonDict = {"ok": False, "error": error, **extra}


class FakeSlackWebAPI:
    """Slack's Web API on 127.0.0.1 (see the module docstring)."""

    def __init__(
        self,
        *,
        users: Mapping[str, Mapping[str, Any]] | None = None,
        bot_token: str | None = None,
        scopes: frozenset[str] | set[str] = DEFAULT_SCOPES,
        trigger_ttl: float | None = 3.0,
        app_token: str | None = None,
        socket_url: Callable[[], str] | None = None,
        answer_latency: float = 0.0,
    ) -> None:
        """users: Slack user id -> fields of the user object (name, real_name, profile...).
        bot_token: the only token accepted; None accepts any ``xox*`` token.
        scopes: the app's granted scopes (users.info shows profile.email only with
        ``users:read.email``, as Slack does).
        trigger_ttl: seconds a trigger id stays usable (Slack: 3); None never expires.
        app_token / socket_url: the app-level (``xapp-``) token ``apps.connections.open``
        accepts, and what gives the Socket Mode URL it answers (``FakeSocketMode.url``).
        answer_latency: seconds between doing what a call asks and answering it (the way back
        over the internet), e.g. a message is posted before the poster hears so.
        """
        self.users: dict[str, JsonDict] = {uid: dict(u) for uid, u in (users or {}).items()}
        self.bot_token = bot_token
        self.scopes = frozenset(scopes)
        self.trigger_ttl = trigger_ttl
        self.app_token = app_token
        self.socket_url = socket_url
        self.answer_latency = answer_latency
        self._calls: list[RecordedCall] = []
        self._injections: dict[str, list[_Injection]] = {}
        self._messages: dict[tuple[str, str], JsonDict] = {}
        self._views: dict[str, JsonDict] = {}
        self._home_views: dict[str, JsonDict] = {}
        self._exchanged_triggers: set[str] = set()
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._origin = ""
        self._handlers: dict[str, Callable[[JsonDict], JsonDict]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "conversations.open": self._conversations_open,
            "conversations.history": self._conversations_history,
            "users.info": self._users_info,
            "users.lookupByEmail": self._users_lookup_by_email,
            "views.open": self._views_open,
            "views.push": self._views_open,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
        }

    # ----------------------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/hooks/{path:.*}", self._handle_response_url)
        # A short shutdown timeout: a call parked by delay_next must not hold stop() for 60 s.
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self._origin = f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlackWebAPI:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """For ``AsyncWebClient(base_url=...)`` and Bolt's client (ends with "/api/")."""
        if not self._origin:
            raise RuntimeError("FakeSlackWebAPI is not started")
        return f"{self._origin}/api/"

    def response_url(self, name: str = "actions") -> str:
        """A response_url served by this fake: posts to it are recorded as "response_url"."""
        return f"{self._origin}/hooks/{name}/{TEAM_ID}/{next(self._ids)}"

    # ----------------------------------------------------------------------------- test API

    def calls(self, method: str | None = None) -> list[RecordedCall]:
        """Every call so far (also failed and injected ones), optionally of one method."""
        return [c for c in self._calls if method is None or c.method == method]

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[RecordedCall], bool] | None = None,
        timeout: float = 2.0,
    ) -> RecordedCall:
        """The first answered call of ``method`` matching ``predicate``, polling until timeout."""
        deadline = time.monotonic() + timeout
        while True:
            for call in self.calls(method):
                if call.status and (predicate is None or predicate(call)):
                    return call
            if time.monotonic() >= deadline:
                seen = [(c.method, c.status, c.response.get("error")) for c in self._calls]
                raise AssertionError(f"no matching {method} call within {timeout}s; calls: {seen}")
            await asyncio.sleep(0.01)

    def fail_next(
        self, method: str, *, status: int = 429, retry_after: int | None = 1, times: int = 1
    ) -> None:
        """The next ``times`` calls of ``method`` fail at the HTTP level: 429 carries
        ``Retry-After`` (seconds) like Slack's rate limiter; 5xx answer ``internal_error``.
        """
        error = "ratelimited" if status == 429 else "internal_error"
        injection = _Injection(times, status, retry_after if status == 429 else None, error)
        self._injections.setdefault(method, []).append(injection)

    def error_next(self, method: str, error: str, *, times: int = 1) -> None:
        """The next ``times`` calls answer HTTP 200 ``{"ok": false, "error": error}``."""
        self._injections.setdefault(method, []).append(_Injection(times, error=error))

    def delay_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next ``times`` calls are answered (normally) only after ``seconds``:
        longer than the client's timeout, that is a timeout.
        """
        self._injections.setdefault(method, []).append(_Injection(times, delay=seconds))

    def reset(self) -> None:
        """Forget calls, injections, messages, views and used triggers (users stay)."""
        self._calls.clear()
        self._injections.clear()
        self._messages.clear()
        self._views.clear()
        self._home_views.clear()
        self._exchanged_triggers.clear()

    def add_user(self, user_id: str, **fields: Any) -> None:
        self.users[user_id] = dict(fields)

    def dm_channel(self, user_id: str) -> str:
        """The DM channel id conversations.open answers for a user (stable: "D" + id[1:])."""
        return "D" + user_id[1:]

    def message(self, channel: str, ts: str) -> JsonDict:
        """The current state of a posted message (after any chat.update)."""
        return self._messages[(channel, ts)]

    def messages(self, channel: str | None = None) -> list[PostedMessage]:
        """Posted messages in posting order, optionally in one channel."""
        return [
            PostedMessage(ch, ts, msg)
            for (ch, ts), msg in self._messages.items()
            if channel is None or ch == channel
        ]

    def view(self, view_id: str) -> JsonDict:
        """A modal as last opened / updated (with its id and hash)."""
        return self._views[view_id]

    def home_view(self, user_id: str) -> JsonDict | None:
        """The App Home last published for a user."""
        return self._home_views.get(user_id)

    # ----------------------------------------------------------------------------- HTTP

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        call = RecordedCall(
            method, await _parse_args(request), dict(request.headers), request.method
        )
        self._calls.append(call)
        injection = self._take_injection(method)
        if injection is not None and injection.delay:
            await asyncio.sleep(injection.delay)
        if injection is not None and injection.error:
            return self._answer(
                call,
                injection.status,
                {"ok": False, "error": injection.error},
                injection.retry_after,
            )
        try:
            body = self._dispatch(method, call)
        except SlackAPIError as refusal:
            body = refusal.body
        if self.answer_latency:
            await asyncio.sleep(self.answer_latency)
        return self._answer(call, 200, body, None)

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        # Slack answers a response_url post with a plain "ok"; its body is JSON.
        args = await _parse_args(request)
        call = RecordedCall(RESPONSE_URL_METHOD, args, dict(request.headers), request.method)
        call.args["url_path"] = request.path
        self._calls.append(call)
        call.status, call.response = 200, {"ok": True}
        return web.Response(text="ok")

    def _take_injection(self, method: str) -> _Injection | None:
        pending = self._injections.get(method)
        if not pending:
            return None
        injection = pending[0]
        injection.times -= 1
        if injection.times <= 0:
            pending.pop(0)
        return injection

    @staticmethod
    def _answer(
        call: RecordedCall, status: int, body: JsonDict, retry_after: int | None
    ) -> web.Response:
        call.status, call.response = status, body
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        return web.json_response(body, status=status, headers=headers)

    def _dispatch(self, method: str, call: RecordedCall) -> JsonDict:
        if method == "apps.connections.open":
            return self._apps_connections_open(call.token)
        handler = self._handlers.get(method)
        if handler is None:
            raise SlackAPIError("unknown_method")
        self._check_auth(method, call.token)
        return handler(call.args)

    def _check_auth(self, method: str, token: str | None) -> None:
        if not token:
            raise SlackAPIError("not_authed")
        if (self.bot_token is not None and token != self.bot_token) or not token.startswith("xox"):
            raise SlackAPIError("invalid_auth")
        needed = METHOD_SCOPES.get(method)
        if needed and needed not in self.scopes:
            raise SlackAPIError(
                "missing_scope", needed=needed, provided=",".join(sorted(self.scopes))
            )

    # ----------------------------------------------------------------------------- methods

    def _apps_connections_open(self, token: str | None) -> JsonDict:
        """Only the app-level token opens a Socket Mode connection (a bot token cannot)."""
        if not token:
            raise SlackAPIError("not_authed")
        if not token.startswith("xapp-") or token != self.app_token:
            raise SlackAPIError("invalid_auth")
        if self.socket_url is None:
            raise SlackAPIError("socket_mode_not_enabled")  # hypothetical: Slack's is in setup
        return {"ok": True, "url": self.socket_url()}

    def _auth_test(self, args: JsonDict) -> JsonDict:
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "City of Pickering",
            "user": "socialbot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _new_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ids):06d}"

    def _check_message(self, args: JsonDict, *, need_content: bool = True) -> None:
        blocks = _decoded(args, "blocks", "invalid_blocks_format")
        text = args.get("text")
        if need_content and not text and not blocks and not args.get("attachments"):
            raise SlackAPIError("no_text")
        if isinstance(text, str) and len(text) > MESSAGE_TEXT_MAX:
            raise SlackAPIError("msg_too_long")
        if blocks is not None:
            errors = surface_errors(blocks, surface="message")
            if errors:
                raise SlackAPIError(
                    "invalid_blocks", errors=errors, response_metadata={"messages": errors}
                )

    def _channel_for(self, channel: str) -> str:
        # Posting to a user id lands in the app's DM with that user, as on Slack.
        return self.dm_channel(channel) if channel[:1] in ("U", "W") else channel

    def _chat_post_message(self, args: JsonDict) -> JsonDict:
        channel = _required(args, "channel", "channel_not_found")
        self._check_message(args)
        channel, ts = self._channel_for(channel), self._new_ts()
        message = {
            "type": "message",
            "subtype": "bot_message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": API_APP_ID,
            "team": TEAM_ID,
            "ts": ts,
            "text": args.get("text", ""),
            "blocks": _decoded(args, "blocks", "invalid_blocks_format") or [],
        }
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
        metadata = _decoded(args, "metadata", "invalid_metadata_format")
        if metadata is not None:
            if not (isinstance(metadata, dict) and isinstance(metadata.get("event_type"), str)
                    and isinstance(metadata.get("event_payload"), dict)):
                raise SlackAPIError("invalid_metadata_schema")
            message["metadata"] = {"event_type": metadata["event_type"],
                                   "event_payload": metadata["event_payload"]}
        self._messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _chat_update(self, args: JsonDict) -> JsonDict:
        channel = self._channel_for(_required(args, "channel", "channel_not_found"))
        ts = _required(args, "ts", "message_not_found")
        self._check_message(args, need_content=False)
        message = self._messages.get((channel, ts))
        if message is None:
            raise SlackAPIError("message_not_found")
        if "text" in args:
            message["text"] = args["text"]
        if "blocks" in args:
            message["blocks"] = _decoded(args, "blocks", "invalid_blocks_format") or []
        message["edited"] = {"user": BOT_USER_ID, "ts": self._new_ts()}
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": message["text"],
            "message": message,
        }

    def _chat_post_ephemeral(self, args: JsonDict) -> JsonDict:
        _required(args, "channel", "channel_not_found")
        user = _required(args, "user", "user_not_in_channel")
        if self.users and user not in self.users:
            raise SlackAPIError("user_not_in_channel")
        self._check_message(args)
        return {"ok": True, "message_ts": self._new_ts()}

    def _conversations_open(self, args: JsonDict) -> JsonDict:
        users = str(args.get("users") or "").split(",")
        users = [u.strip() for u in users if u.strip()]
        if not users and not args.get("channel"):
            raise SlackAPIError("users_list_not_supplied")
        if len(users) != 1:
            raise SlackAPIError("not_supported", detail="the fake only opens 1:1 DMs")
        user = users[0]
        if (self.users and user not in self.users) or user[:1] not in ("U", "W"):
            raise SlackAPIError("user_not_found")
        return {"ok": True, "channel": {"id": self.dm_channel(user)}}

    def _conversations_history(self, args: JsonDict) -> JsonDict:
        """Newest first, between `oldest` and `latest`, a page of `limit` with a cursor."""
        channel = _required(args, "channel", "channel_not_found")
        needed = HISTORY_SCOPES.get(channel[:1])
        if needed is None:
            raise SlackAPIError("channel_not_found")
        if needed not in self.scopes:
            raise SlackAPIError("missing_scope", needed=needed,
                                provided=",".join(sorted(self.scopes)))
        oldest, latest = float(args.get("oldest") or 0), float(args.get("latest") or 9e12)
        inclusive = str(args.get("inclusive", "")).lower() in ("1", "true")
        in_range = [m for (ch, ts), m in self._messages.items() if ch == channel and (
            oldest < float(ts) < latest or (inclusive and float(ts) in (oldest, latest)))]
        in_range.sort(key=lambda m: float(m["ts"]), reverse=True)
        start = int(str(args.get("cursor") or "0"))
        limit = min(int(args.get("limit") or 100), HISTORY_MAX_LIMIT)
        page = in_range[start:start + limit]
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        shown = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"}
                 for m in page]
        more = start + limit < len(in_range)
        return {"ok": True, "messages": shown, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    def _users_info(self, args: JsonDict) -> JsonDict:
        user_id = _required(args, "user", "user_not_found")
        fields = self.users.get(user_id)
        if fields is None:
            raise SlackAPIError("user_not_found")
        return {"ok": True, "user": self._user_object(user_id, fields)}

    def _users_lookup_by_email(self, args: JsonDict) -> JsonDict:
        # Slack matches the address case-insensitively; an unknown one is users_not_found.
        email = _required(args, "email", "invalid_email").lower()
        for user_id, fields in self.users.items():
            if str(fields.get("email") or "").lower() == email:
                return {"ok": True, "user": self._user_object(user_id, fields)}
        raise SlackAPIError("users_not_found")

    def _user_object(self, user_id: str, fields: Mapping[str, Any]) -> JsonDict:
        name = fields.get("name", user_id.lower())
        real_name = fields.get("real_name", name)
        profile = {
            "real_name": real_name,
            "display_name": fields.get("display_name", name),
            "email": fields.get("email"),
            **fields.get("profile", {}),
        }
        if "users:read.email" not in self.scopes:
            profile.pop("email", None)  # Slack hides emails without users:read.email
        user = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name,
            "real_name": real_name,
            "deleted": False,
            "is_bot": False,
            "is_admin": False,
            "tz": "America/Toronto",
            "updated": int(time.time()),
        }
        user.update({k: v for k, v in fields.items() if k not in ("profile", "email")})
        user["profile"] = {k: v for k, v in profile.items() if v is not None}
        return user

    def _take_trigger(self, args: JsonDict) -> None:
        trigger_id = args.get("trigger_id") or args.get("interactivity_pointer")
        if not trigger_id:
            raise SlackAPIError(
                "invalid_arguments",
                response_metadata={"messages": ["[ERROR] missing required field: trigger_id"]},
            )
        if not TRIGGER_ID_FORMAT.match(str(trigger_id)):
            raise SlackAPIError("invalid_trigger_id")
        issued = trigger_issued_at(str(trigger_id))
        # Ids this fake never saw issued count as long expired (Slack cannot tell either).
        if issued is None or (
            self.trigger_ttl is not None and time.monotonic() - issued > self.trigger_ttl
        ):
            raise SlackAPIError("expired_trigger_id")
        if trigger_id in self._exchanged_triggers:
            raise SlackAPIError("exchanged_trigger_id")
        self._exchanged_triggers.add(str(trigger_id))

    def _checked_view(self, args: JsonDict, *, surface: str) -> JsonDict:
        view = _decoded(args, "view", "invalid_arguments")
        if not isinstance(view, dict):
            raise SlackAPIError(
                "invalid_arguments",
                response_metadata={"messages": ["[ERROR] missing required field: view"]},
            )
        errors = surface_errors(view, surface=surface)
        if errors:
            raise SlackAPIError("invalid_arguments", response_metadata={"messages": errors})
        return view

    def _stored_view(self, view: JsonDict, *, view_id: str, root_id: str | None = None) -> JsonDict:
        stored = {
            "id": view_id,
            "team_id": TEAM_ID,
            "type": view.get("type"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{next(self._ids):08d}",
            "title": view.get("title"),
            "close": view.get("close"),
            "submit": view.get("submit"),
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "previous_view_id": None,
            "root_view_id": root_id or view_id,
            "app_id": API_APP_ID,
            "app_installed_team_id": TEAM_ID,
            "bot_id": BOT_ID,
        }
        return stored

    def _views_open(self, args: JsonDict) -> JsonDict:
        view = self._checked_view(args, surface="modal")
        self._take_trigger(args)
        view_id = f"V{next(self._ids):010d}"
        self._views[view_id] = self._stored_view(view, view_id=view_id)
        return {"ok": True, "view": self._views[view_id]}

    def _views_update(self, args: JsonDict) -> JsonDict:
        view = self._checked_view(args, surface="modal")
        view_id = args.get("view_id") or self._view_id_for_external(args.get("external_id"))
        current = self._views.get(str(view_id))
        if current is None:
            raise SlackAPIError("not_found")
        if args.get("hash") and args["hash"] != current["hash"]:
            raise SlackAPIError("hash_conflict")
        self._views[current["id"]] = self._stored_view(
            view, view_id=current["id"], root_id=current["root_view_id"]
        )
        return {"ok": True, "view": self._views[current["id"]]}

    def _view_id_for_external(self, external_id: Any) -> str | None:
        if not external_id:
            return None
        return next(
            (v["id"] for v in self._views.values() if v["external_id"] == external_id), None
        )

    def _views_publish(self, args: JsonDict) -> JsonDict:
        user_id = _required(args, "user_id", "invalid_arguments")
        view = self._checked_view(args, surface="home")
        current = self._home_views.get(user_id)
        if args.get("hash") and current is not None and args["hash"] != current["hash"]:
            raise SlackAPIError("hash_conflict")
        view_id = current["id"] if current else f"V{next(self._ids):010d}"
        self._home_views[user_id] = self._stored_view(view, view_id=view_id)
        return {"ok": True, "view": self._home_views[user_id]}


async def _parse_args(request: web.Request) -> JsonDict:
    """Query string plus body, JSON or form-encoded, as Slack merges them."""
    args: JsonDict = dict(request.query)
    raw = await request.read()
    if not raw:
        return args
    if request.content_type == "application/json":
        try:
            body = json.loads(raw)
        except ValueError:
            body = {}
            args["_unparsable_body"] = raw.decode("utf-8", "replace")
        if isinstance(body, dict):
            args.update(body)
    else:
        args.update(dict(await request.post()))
    return args


def _required(args: JsonDict, name: str, error: str) -> str:
    value = args.get(name)
    if not isinstance(value, str) or not value:
        raise SlackAPIError(error)
    return value


def _decoded(args: JsonDict, name: str, error: str) -> Any:
    """Form bodies carry blocks / views as JSON strings; JSON bodies carry them as objects."""
    value = args.get(name)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as bad:
            raise SlackAPIError(error) from bad
        args[name] = value  # recorded calls then always hold the decoded structure
    return value


# ---------------------------------------------------------------------------------------------
# Block Kit limits, checked the way Slack rejects blocks (error strings with a JSON pointer).
# The numbers are Slack's documented limits, the same ones slack_sdk.models enforces.
# ---------------------------------------------------------------------------------------------

MAX_BLOCKS = {"message": 50, "modal": 100, "home": 100}
KNOWN_BLOCKS = frozenset(
    {
        "section",
        "divider",
        "header",
        "context",
        "actions",
        "input",
        "image",
        "rich_text",
        "markdown",
        "video",
        "file",
        "context_actions",
        "table",
    }
)
# (block type, field) -> maximum characters of that text object's text
BLOCK_TEXT_LIMITS = {
    ("section", "text"): 3000,
    ("header", "text"): 150,
    ("input", "label"): 2000,
    ("input", "hint"): 2000,
}
ELEMENT_LIMITS = {"action_id": 255, "value": 2000, "url": 3000}
ELEMENT_TEXT_LIMITS = {"text": 75, "placeholder": 150}
OPTION_TEXT_MAX, OPTION_VALUE_MAX, OPTIONS_MAX = 75, 150, 100
CONFIRM_LIMITS = {"title": 100, "text": 300, "confirm": 30, "deny": 30}
VIEW_TEXT_LIMITS = {"title": 24, "submit": 24, "close": 24}
VIEW_STRING_LIMITS = {"private_metadata": 3000, "callback_id": 255, "external_id": 255}
MAX_ELEMENTS = {"actions": 25, "context": 10}
SECTION_FIELDS_MAX, SECTION_FIELD_TEXT_MAX = 10, 2000
TEXT_INPUT_MAX = 3000  # plain_text_input initial_value / max_length
BLOCK_ID_MAX = 255


def _err(message: str, pointer: str) -> str:
    return f"[ERROR] {message} [json-pointer:{pointer}]"


def surface_errors(content: Any, *, surface: str) -> list[str]:
    """Slack-style errors for a message's ``blocks`` list (surface "message") or a view
    (surface "modal" or "home"); empty when Slack would accept it.
    """
    if surface == "message":
        return _blocks_errors(content, "/blocks", surface)
    return _view_errors(content, surface)


def _view_errors(view: Mapping[str, Any], surface: str) -> list[str]:
    errors: list[str] = []
    if view.get("type") != surface:
        errors.append(_err(f"view type must be {surface}", "/view/type"))
    for name, limit in VIEW_TEXT_LIMITS.items():
        if name in view and view[name] is not None:
            errors += _text_errors(view[name], f"/view/{name}", limit, plain_only=True)
    if surface == "home" and (view.get("submit") or view.get("close")):
        errors.append(_err("a home view cannot have submit or close", "/view"))
    if surface == "modal" and "title" not in view:
        errors.append(_err("missing required field: title", "/view/title"))
    for name, limit in VIEW_STRING_LIMITS.items():
        if len(str(view.get(name) or "")) > limit:
            errors.append(_err(f"must be less than {limit + 1} characters", f"/view/{name}"))
    blocks = view.get("blocks")
    errors += _blocks_errors(blocks, "/view/blocks", surface)
    has_inputs = isinstance(blocks, list) and any(
        isinstance(b, dict) and b.get("type") == "input" for b in blocks
    )
    if surface == "modal" and has_inputs and not view.get("submit"):
        errors.append(_err("submit is required when an input block is present", "/view/submit"))
    return errors


def _blocks_errors(blocks: Any, pointer: str, surface: str) -> list[str]:
    if not isinstance(blocks, list):
        return [_err("must be an array", pointer)]
    limit = MAX_BLOCKS[surface]
    errors = [] if len(blocks) <= limit else [_err(f"must be less than {limit + 1} items", pointer)]
    seen_ids: set[str] = set()
    for index, block in enumerate(blocks):
        where = f"{pointer}/{index}"
        if not isinstance(block, dict):
            errors.append(_err("must be an object", where))
            continue
        block_id = block.get("block_id")
        if block_id is not None:
            if block_id in seen_ids:
                errors.append(_err(f"duplicate block_id: {block_id}", f"{where}/block_id"))
            seen_ids.add(block_id)
            if len(str(block_id)) > BLOCK_ID_MAX:
                errors.append(
                    _err(f"must be less than {BLOCK_ID_MAX + 1} characters", f"{where}/block_id")
                )
        errors += _block_errors(block, where)
    return errors


def _block_errors(block: Mapping[str, Any], where: str) -> list[str]:
    kind = block.get("type")
    if kind not in KNOWN_BLOCKS:
        return [_err(f"unknown block type: {kind}", f"{where}/type")]
    errors: list[str] = []
    for (block_kind, name), limit in BLOCK_TEXT_LIMITS.items():
        if kind == block_kind and name in block:
            plain_only = kind != "section"
            errors += _text_errors(block[name], f"{where}/{name}", limit, plain_only=plain_only)
    if kind == "header" and "text" not in block:
        errors.append(_err("missing required field: text", f"{where}/text"))
    if kind == "section":
        errors += _section_errors(block, where)
    if kind in MAX_ELEMENTS:
        errors += _elements_errors(block, str(kind), where)
    if kind == "input":
        errors += _input_errors(block, where)
    return errors


def _elements_errors(block: Mapping[str, Any], kind: str, where: str) -> list[str]:
    elements = block.get("elements") or []
    errors = []
    if not elements or len(elements) > MAX_ELEMENTS[kind]:
        errors.append(_err(f"must have 1 to {MAX_ELEMENTS[kind]} items", f"{where}/elements"))
    if kind == "actions":  # context elements are text or images, not interactive elements
        for i, element in enumerate(elements):
            errors += _element_errors(element, f"{where}/elements/{i}")
    return errors


def _input_errors(block: Mapping[str, Any], where: str) -> list[str]:
    if not isinstance(block.get("element"), dict):
        return [_err("missing required field: element", f"{where}/element")]
    return _element_errors(block["element"], f"{where}/element")


def _section_errors(block: Mapping[str, Any], where: str) -> list[str]:
    errors: list[str] = []
    fields = block.get("fields")
    if "text" not in block and not fields:
        errors.append(_err("must provide text or fields", where))
    if fields is not None:
        if len(fields) > SECTION_FIELDS_MAX:
            errors.append(
                _err(f"must be less than {SECTION_FIELDS_MAX + 1} items", f"{where}/fields")
            )
        for i, item in enumerate(fields):
            errors += _text_errors(item, f"{where}/fields/{i}", SECTION_FIELD_TEXT_MAX)
    if isinstance(block.get("accessory"), dict):
        errors += _element_errors(block["accessory"], f"{where}/accessory")
    return errors


def _element_errors(element: Mapping[str, Any], where: str) -> list[str]:
    errors: list[str] = []
    for name, limit in ELEMENT_LIMITS.items():
        if len(str(element.get(name) or "")) > limit:
            errors.append(_err(f"must be less than {limit + 1} characters", f"{where}/{name}"))
    for name, limit in ELEMENT_TEXT_LIMITS.items():
        if name in element:
            errors += _text_errors(element[name], f"{where}/{name}", limit, plain_only=True)
    if element.get("type") == "button" and "text" not in element:
        errors.append(_err("missing required field: text", f"{where}/text"))
    if len(str(element.get("initial_value") or "")) > TEXT_INPUT_MAX:
        errors.append(
            _err(f"must be less than {TEXT_INPUT_MAX + 1} characters", f"{where}/initial_value")
        )
    return errors + _options_errors(element, where) + _confirm_errors(element, where)


def _options_errors(element: Mapping[str, Any], where: str) -> list[str]:
    options = element.get("options") or []
    errors = []
    if len(options) > OPTIONS_MAX:
        errors.append(_err(f"must be less than {OPTIONS_MAX + 1} items", f"{where}/options"))
    for i, option in enumerate(options):
        errors += _option_errors(option, f"{where}/options/{i}")
    return errors


def _confirm_errors(element: Mapping[str, Any], where: str) -> list[str]:
    confirm = element.get("confirm")
    if not isinstance(confirm, dict):
        return []
    errors: list[str] = []
    for name, limit in CONFIRM_LIMITS.items():
        if name in confirm:
            errors += _text_errors(confirm[name], f"{where}/confirm/{name}", limit)
    return errors


def _option_errors(option: Mapping[str, Any], where: str) -> list[str]:
    errors = _text_errors(option.get("text"), f"{where}/text", OPTION_TEXT_MAX)
    if len(str(option.get("value") or "")) > OPTION_VALUE_MAX:
        errors.append(
            _err(f"must be less than {OPTION_VALUE_MAX + 1} characters", f"{where}/value")
        )
    return errors


def _text_errors(text: Any, where: str, limit: int, *, plain_only: bool = False) -> list[str]:
    """A text object: the right type, non-empty, at most ``limit`` characters."""
    if not isinstance(text, dict) or not isinstance(text.get("text"), str):
        return [_err("must be a text object", where)]
    allowed = ("plain_text",) if plain_only else ("plain_text", "mrkdwn")
    errors = (
        []
        if text.get("type") in allowed
        else [_err(f"type must be one of {allowed}", f"{where}/type")]
    )
    if not text["text"]:
        errors.append(_err("must be more than 0 characters", f"{where}/text"))
    if len(text["text"]) > limit:
        errors.append(_err(f"must be less than {limit + 1} characters", f"{where}/text"))
    return errors
