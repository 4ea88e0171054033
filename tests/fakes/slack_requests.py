"""Requests as Slack sends them to an app: documented payload shapes, really signed.

Slack signs every request it sends with the app's signing secret (HMAC-SHA256 over
``v0:{timestamp}:{body}``, sent as ``X-Slack-Signature: v0=<hex>`` beside
``X-Slack-Request-Timestamp``). The builders here produce those exact bytes and headers so a
test can drive the bot's real HTTP endpoint the way Slack would, and, through
:class:`SigningOptions`, every way a request can be forged or replayed.

Three layers, so a test can tamper at any of them:

* ``*_payload`` / ``*_form`` / ``*_event`` functions return the plain data (dicts) in the
  shapes Slack documents (slash command, ``block_actions``, ``view_submission``, global
  ``shortcut``, ``event_callback``/``app_home_opened``);
* ``sign_form``, ``sign_payload``, ``sign_json`` and ``sign_raw`` encode a body as Slack does
  (form fields, ``payload=<json>`` form, raw JSON, or any bytes for malformed input) and sign it;
* ``slash_command``, ``block_actions``, ``view_submission``, ``shortcut`` and
  ``app_home_opened`` do both in one call; ``post`` sends the result with aiohttp.

Trigger ids made here are remembered (``issue_trigger_id``) so that the fake Web API can
answer ``views.open`` like Slack: valid once, for three seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import secrets
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import urlencode

import aiohttp

JsonDict = dict[str, Any]

# A fictional workspace; any ids work as long as they are consistent within a test.
TEAM_ID = "T0CITYPKR"
TEAM_DOMAIN = "pickering"
API_APP_ID = "A0SOCIALBOT"
BOT_USER_ID = "U0SOCIALBOT"
BOT_ID = "B0SOCIALBOT"
# Slack still sends the deprecated verification token; apps must not rely on it.
VERIFICATION_TOKEN = "deprecated-verification-token"
SLACK_USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)"

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
# Slack's documented freshness window; SignatureVerifier rejects anything further off.
MAX_CLOCK_SKEW_SECONDS = 5 * 60


# ---------------------------------------------------------------------------------------------
# Trigger ids: issued here, checked by the fake Web API's views.open
# ---------------------------------------------------------------------------------------------

_issued_triggers: dict[str, float] = {}
_issued_lock = threading.Lock()
_counter = itertools.count(1)


def issue_trigger_id() -> str:
    """A fresh trigger id in Slack's format ("132456.7890123.abcdef"), remembered as issued."""
    trigger_id = f"{secrets.randbelow(10**10)}.{next(_counter)}.{secrets.token_hex(16)}"
    with _issued_lock:
        _issued_triggers[trigger_id] = time.monotonic()
    return trigger_id


def trigger_issued_at(trigger_id: str) -> float | None:
    """When (``time.monotonic()``) a trigger id was issued by this module, or None if never."""
    with _issued_lock:
        return _issued_triggers.get(trigger_id)


def new_ts() -> str:
    """A Slack-style timestamp id ("1700000000.000123"), unique within the process."""
    return f"{int(time.time())}.{next(_counter) % 1_000_000:06d}"


def response_url_for(kind: str = "actions") -> str:
    """A response_url in the shape Slack sends (it points at Slack, not at a local server)."""
    return f"https://hooks.slack.com/{kind}/{TEAM_ID}/{next(_counter)}/{secrets.token_hex(12)}"


# ---------------------------------------------------------------------------------------------
# Signing
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningOptions:
    """How to sign (or mis-sign) a request. The default is a valid, fresh, first delivery.

    age_seconds: how old the timestamp is; > 300 is stale, negative is in the future.
    sign_with: sign with this secret instead of the right one (a forged request).
    omit_signature / omit_timestamp: leave that header out entirely.
    signature / timestamp: send this literal header value (e.g. "garbage", "abc").
    retry_num / retry_reason: Slack's redelivery headers (X-Slack-Retry-Num/-Reason).
    """

    age_seconds: int = 0
    sign_with: str | None = None
    omit_signature: bool = False
    omit_timestamp: bool = False
    signature: str | None = None
    timestamp: str | None = None
    retry_num: int | None = None
    retry_reason: str | None = None


SIGNED = SigningOptions()
STALE = SigningOptions(age_seconds=MAX_CLOCK_SKEW_SECONDS + 60)
FUTURE = SigningOptions(age_seconds=-(MAX_CLOCK_SKEW_SECONDS + 60))
WRONG_SECRET = SigningOptions(sign_with="not-the-signing-secret")
UNSIGNED = SigningOptions(omit_signature=True)


def retry(num: int = 1, reason: str = "http_timeout") -> SigningOptions:
    """A validly signed redelivery, as Slack sends when the first answer was late or failed."""
    return SigningOptions(retry_num=num, retry_reason=reason)


class SignedRequest(NamedTuple):
    """Exactly what goes on the wire: unpack as ``body, headers = request``."""

    body: bytes
    headers: dict[str, str]


def signature_for(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature: ``v0=`` + hex HMAC-SHA256 of ``v0:{timestamp}:{body}``."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def sign_raw(
    body: bytes, content_type: str, secret: str, signing: SigningOptions = SIGNED
) -> SignedRequest:
    """Sign any bytes (also malformed ones) with the headers Slack sends."""
    timestamp = signing.timestamp or str(int(time.time()) - signing.age_seconds)
    headers = {"Content-Type": content_type, "User-Agent": SLACK_USER_AGENT}
    if not signing.omit_timestamp:
        headers["X-Slack-Request-Timestamp"] = timestamp
    if not signing.omit_signature:
        headers["X-Slack-Signature"] = signing.signature or signature_for(
            signing.sign_with or secret, timestamp, body
        )
    if signing.retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(signing.retry_num)
        headers["X-Slack-Retry-Reason"] = signing.retry_reason or "http_timeout"
    return SignedRequest(body, headers)


def sign_form(
    fields: Mapping[str, str], secret: str, signing: SigningOptions = SIGNED
) -> SignedRequest:
    """A form-encoded body (slash commands)."""
    return sign_raw(urlencode(fields).encode(), FORM, secret, signing)


def sign_payload(
    payload: Mapping[str, Any], secret: str, signing: SigningOptions = SIGNED
) -> SignedRequest:
    """Interactivity: the JSON payload inside a ``payload=`` form field."""
    return sign_form({"payload": json.dumps(payload)}, secret, signing)


def sign_json(
    body: Mapping[str, Any], secret: str, signing: SigningOptions = SIGNED
) -> SignedRequest:
    """Events API: a raw JSON body."""
    return sign_raw(json.dumps(body).encode(), JSON, secret, signing)


# ---------------------------------------------------------------------------------------------
# Payload shapes
# ---------------------------------------------------------------------------------------------


def _user(user_id: str, user_name: str | None) -> JsonDict:
    name = user_name or user_id.lower()
    return {"id": user_id, "username": name, "name": name, "team_id": TEAM_ID}


def _team() -> JsonDict:
    return {"id": TEAM_ID, "domain": TEAM_DOMAIN}


def slash_command_form(
    *,
    user_id: str,
    text: str = "",
    command: str = "/socialmedia",
    channel_id: str = "C0GENERAL",
    channel_name: str = "general",
    user_name: str | None = None,
    trigger_id: str | None = None,
    response_url: str | None = None,
) -> dict[str, str]:
    """The form fields Slack posts for a slash command."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "team_domain": TEAM_DOMAIN,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name or user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": API_APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url or response_url_for("commands"),
        "trigger_id": trigger_id or issue_trigger_id(),
    }


def button_action(
    *, action_id: str, value: str = "", block_id: str = "actions", text: str = "Button"
) -> JsonDict:
    """One entry of ``actions`` for a clicked button."""
    return {
        "type": "button",
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "value": value,
        "action_ts": f"{time.time():.6f}",
    }


def bot_message(
    *, ts: str | None = None, text: str = "", blocks: Sequence[JsonDict] = ()
) -> JsonDict:
    """A message the bot posted, as Slack echoes it back inside block_actions."""
    return {
        "type": "message",
        "subtype": "bot_message",
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": API_APP_ID,
        "team": TEAM_ID,
        "ts": ts or new_ts(),
        "text": text,
        "blocks": list(blocks),
    }


def block_actions_payload(
    *,
    user_id: str,
    action_id: str,
    value: str = "",
    block_id: str = "actions",
    action: Mapping[str, Any] | None = None,
    channel_id: str | None = None,
    message: Mapping[str, Any] | None = None,
    view: Mapping[str, Any] | None = None,
    state_values: Mapping[str, Any] | None = None,
    user_name: str | None = None,
    trigger_id: str | None = None,
    response_url: str | None = None,
) -> JsonDict:
    """A ``block_actions`` payload: a click in a message (default) or, given ``view``, in a
    modal or App Home. ``action`` replaces the default button action (e.g. a users_select with
    ``selected_user``); ``message`` / ``view`` are usually what the fake Web API recorded.
    """
    clicked = (
        dict(action)
        if action
        else button_action(action_id=action_id, value=value, block_id=block_id)
    )
    clicked.setdefault("action_ts", f"{time.time():.6f}")
    payload: JsonDict = {
        "type": "block_actions",
        "user": _user(user_id, user_name),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id or issue_trigger_id(),
        "team": _team(),
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": dict(state_values or {})},
        "actions": [clicked],
    }
    if view is not None:
        # Clicks inside views carry the view, not a channel, message or response_url.
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0VIEW")}
        payload["view"] = dict(view)
        return payload
    posted = dict(message) if message else bot_message()
    channel = channel_id or str(posted.get("channel") or "D0DIRECT")
    payload["container"] = {
        "type": "message",
        "message_ts": posted["ts"],
        "channel_id": channel,
        "is_ephemeral": False,
    }
    payload["channel"] = {"id": channel, "name": "directmessage"}
    payload["message"] = posted
    payload["response_url"] = response_url or response_url_for("actions")
    return payload


# State values as Slack reports them, per element type (an empty text input is null).
def text_value(value: str | None, *, element: str = "plain_text_input") -> JsonDict:
    return {"type": element, "value": value}


def selected_user(user_id: str | None) -> JsonDict:
    return {"type": "users_select", "selected_user": user_id}


def _option(value: str, text: str | None) -> JsonDict:
    return {"text": {"type": "plain_text", "text": text or value, "emoji": True}, "value": value}


def selected_option(
    value: str | None, text: str | None = None, *, element: str = "static_select"
) -> JsonDict:
    return {"type": element, "selected_option": None if value is None else _option(value, text)}


def selected_options(values: Sequence[str], *, element: str = "checkboxes") -> JsonDict:
    return {"type": element, "selected_options": [_option(v, None) for v in values]}


def selected_date(date: str | None) -> JsonDict:
    return {"type": "datepicker", "selected_date": date}


def modal_view(
    *,
    callback_id: str,
    private_metadata: str = "",
    blocks: Sequence[JsonDict] = (),
    view_id: str | None = None,
    title: str = "Request",
) -> JsonDict:
    """A modal as Slack describes it in payloads (ids, hash and state included)."""
    view_id = view_id or f"V{next(_counter):08d}"
    return {
        "id": view_id,
        "team_id": TEAM_ID,
        "type": "modal",
        "blocks": list(blocks),
        "private_metadata": private_metadata,
        "callback_id": callback_id,
        "state": {"values": {}},
        "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
        "title": {"type": "plain_text", "text": title, "emoji": True},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": None,
        "submit": {"type": "plain_text", "text": "Submit", "emoji": True},
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": API_APP_ID,
        "external_id": "",
        "app_installed_team_id": TEAM_ID,
        "bot_id": BOT_ID,
    }


def view_submission_payload(
    *,
    user_id: str,
    values: Mapping[str, Mapping[str, Any]],
    view: Mapping[str, Any] | None = None,
    callback_id: str = "request_access",
    private_metadata: str = "",
    user_name: str | None = None,
) -> JsonDict:
    """A ``view_submission``: ``values`` is state.values ``{block_id: {action_id: value}}``
    (build entries with ``text_value``, ``selected_user``...). Pass the ``view`` the bot opened
    (as the fake recorded it) to submit that very modal; otherwise one is made up.
    """
    submitted = (
        dict(view)
        if view
        else modal_view(callback_id=callback_id, private_metadata=private_metadata)
    )
    submitted["state"] = {"values": {block: dict(actions) for block, actions in values.items()}}
    return {
        "type": "view_submission",
        "team": _team(),
        "user": _user(user_id, user_name),
        "api_app_id": API_APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": issue_trigger_id(),
        "view": submitted,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def shortcut_payload(
    *, user_id: str, callback_id: str = "request_access", user_name: str | None = None
) -> JsonDict:
    """A global shortcut (no channel, no message, no response_url)."""
    return {
        "type": "shortcut",
        "token": VERIFICATION_TOKEN,
        "action_ts": f"{time.time():.6f}",
        "team": _team(),
        "user": _user(user_id, user_name),
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": issue_trigger_id(),
    }


def event_callback(event: Mapping[str, Any], *, event_id: str | None = None) -> JsonDict:
    """The Events API envelope around one event. Reuse ``event_id`` to model a redelivery."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": TEAM_ID,
        "api_app_id": API_APP_ID,
        "event": dict(event),
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_counter):010d}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{secrets.token_hex(20)}",
    }


def app_home_opened_event(
    *, user_id: str, tab: str = "home", channel_id: str | None = None
) -> JsonDict:
    """``app_home_opened`` inside its envelope; ``tab`` is "home" or "messages"."""
    event = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": channel_id or "D" + user_id[1:],
        "tab": tab,
        "event_ts": f"{time.time():.6f}",
    }
    return event_callback(event)


def url_verification(
    challenge: str = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
) -> JsonDict:
    """The handshake Slack sends when the Events request URL is saved."""
    return {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}


# ---------------------------------------------------------------------------------------------
# One-call builders
# ---------------------------------------------------------------------------------------------


def slash_command(secret: str, *, signing: SigningOptions = SIGNED, **fields: Any) -> SignedRequest:
    """``slash_command_form(**fields)``, form-encoded and signed."""
    return sign_form(slash_command_form(**fields), secret, signing)


def block_actions(secret: str, *, signing: SigningOptions = SIGNED, **fields: Any) -> SignedRequest:
    """``block_actions_payload(**fields)`` as ``payload=`` and signed."""
    return sign_payload(block_actions_payload(**fields), secret, signing)


def view_submission(
    secret: str, *, signing: SigningOptions = SIGNED, **fields: Any
) -> SignedRequest:
    """``view_submission_payload(**fields)`` as ``payload=`` and signed."""
    return sign_payload(view_submission_payload(**fields), secret, signing)


def shortcut(secret: str, *, signing: SigningOptions = SIGNED, **fields: Any) -> SignedRequest:
    """``shortcut_payload(**fields)`` as ``payload=`` and signed."""
    return sign_payload(shortcut_payload(**fields), secret, signing)


def app_home_opened(
    secret: str, *, signing: SigningOptions = SIGNED, **fields: Any
) -> SignedRequest:
    """``app_home_opened_event(**fields)`` as JSON and signed."""
    return sign_json(app_home_opened_event(**fields), secret, signing)


@dataclass(frozen=True)
class SlackReply:
    """What the app answered: status, headers and body text (``json()`` parses it)."""

    status: int
    headers: Mapping[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


async def post(session: aiohttp.ClientSession, url: str, request: SignedRequest) -> SlackReply:
    """Deliver a request to the app the way Slack does (one POST, body bytes untouched)."""
    async with session.post(url, data=request.body, headers=request.headers) as response:
        return SlackReply(response.status, dict(response.headers), await response.text())
