"""POST /slack/events: Slack's one door (events, interactivity, commands, shortcuts) into Bolt.

Bolt's own request verification stays on. In front of it, this guard checks the signature on
the raw bytes (Bolt parses the body before verifying it, and answers a non-numeric timestamp
with a 500), then catches what Bolt's parser raises on a malformed body and checks the shape
Bolt and the listeners rely on (`shapes.screen`), so that every refusal is a clear 401 or
400, never a 500, an event the bot ignores gets Slack's empty 200 without Bolt, and no
refused body ever reaches the logs (Bolt logs them at INFO; see `WithholdBodies`).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import time
from collections.abc import Mapping

import yarl
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from adapters.json_bodies import loads
from adapters.slack.payloads import MalformedPayload
from adapters.slack.shapes import Verdict, screen

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 512 * 1024  # Slack's payloads are far smaller (a full modal is ~250 kB)
MAX_CLOCK_SKEW_SECONDS = 5 * 60
_TIMESTAMP = re.compile(r"[0-9]{1,12}")  # ASCII digits only: int() also takes " 1" or "1_0"


class Rejected(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


class SlackEndpoint:
    def __init__(self, *, bolt: AsyncApp, signing_secret: str) -> None:
        if not signing_secret.strip():
            raise ValueError("refusing to serve Slack with an empty signing secret")
        self.bolt = bolt
        self.secret = signing_secret.encode()

    async def handle(self, request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            if len(raw) > MAX_BODY_BYTES:
                raise Rejected(413, "request too large")
            verify_signature(raw, request.headers, self.secret, time.time())
            bolt_request, verdict = to_bolt_request(raw, request)
        except Rejected as rejected:
            # Unsigned noise (scanners) at INFO; a signed request we cannot read is news.
            level = logging.INFO if rejected.status == 401 else logging.WARNING
            log.log(level, "refused a Slack request: %s (%d; body withheld)", rejected.reason,
                    rejected.status)
            return web.json_response({"error": rejected.reason}, status=rejected.status)
        if verdict is Verdict.IGNORE:
            return web.Response(status=200)  # what Slack expects for what the bot ignores
        return await to_aiohttp_response(await self.bolt.async_dispatch(bolt_request))


def to_bolt_request(raw: bytes, request: web.Request) -> tuple[AsyncBoltRequest, Verdict]:
    """Bolt's request (Bolt parses the body), once it is known to be shaped like Slack's."""
    try:
        text = raw.decode("utf-8")
        bolt_request = _parsed_click(text, request) or AsyncBoltRequest(
            body=text, query=request.query_string, headers=dict(request.headers))
        verdict = screen(bolt_request.body)
    except MalformedPayload as problem:
        raise Rejected(400, f"malformed Slack request: {problem}") from None
    except (ValueError, TypeError, AttributeError, KeyError, IndexError):
        # Bolt's parser and context builder index into the body: bad JSON, arrays, strings.
        raise Rejected(400, "malformed Slack request: neither a Slack form nor JSON") from None
    return bolt_request, verdict


# A click, a modal submission, a shortcut: one form field, percent-encoded JSON.
_PAYLOAD_FORM = re.compile(r"payload=[A-Za-z0-9%+*._~-]*")


def _parsed_click(text: str, request: web.Request) -> AsyncBoltRequest | None:
    """Bolt's request for an interactive payload, its body decoded by yarl's compiled
    unquoter: the same dictionary Bolt's `parse_qsl` gives (the body is one plain
    `payload=` field), at a third of the cost, the largest part of a click's parsing.
    Anything else (JSON events, slash commands, a payload that is not a JSON object) is left
    to Bolt. Bolt takes a parsed body only in Socket Mode; the request is then made an HTTP
    one again with its raw body, so Bolt's own signature check runs as usual."""
    if not _PAYLOAD_FORM.fullmatch(text):
        return None
    body = loads(yarl.URL("?" + text).query.get("payload", ""))
    if not isinstance(body, dict):
        return None
    parsed = AsyncBoltRequest(body=body, query=request.query_string,
                              headers=dict(request.headers), mode="socket_mode")
    parsed.raw_body, parsed.mode = text, "http"
    return parsed


def verify_signature(raw: bytes, headers: Mapping[str, str], secret: bytes, now: float) -> None:
    """Slack's v0 signature over the raw bytes, within five minutes either way."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not _TIMESTAMP.fullmatch(timestamp) or not signature:
        raise Rejected(401, "missing or malformed signature headers")
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
        raise Rejected(401, "stale or future timestamp")
    base = b"v0:" + timestamp.encode() + b":" + raw
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        raise Rejected(401, "invalid signature")


WEB_API_LOGGERS = ("slack_sdk.web.async_base_client", "slack_sdk.web.base_client")


class WithholdBodies(logging.Filter):
    """Bolt logs a refused or unhandled request's body; keep the fact, drop the content."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Invalid request signature detected"):
            record.msg, record.args = "Invalid request signature detected (body withheld)", ()
        elif "Unhandled request (" in message or "without providing a response" in message:
            record.msg, record.args = "Unhandled Slack request (body withheld)", ()
        elif message.startswith("As you gave `client` as well"):
            return False  # Bolt read SLACK_BOT_TOKEN itself; the client carries the same token
        return True


def withhold_bodies_in_bolt_logs() -> None:
    """Filters survive Bolt resetting its loggers' levels; install once."""
    for name in ("slack_bolt.RequestVerification", "slack_bolt.AsyncApp"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithholdBodies) for f in logger.filters):
            logger.addFilter(WithholdBodies())
    # slack_sdk builds a debug line of every Web API call's arguments and answer (the
    # messages' text: personal information) whenever its logger's *own* level is unset: it
    # tests `logger.level <= DEBUG`, not whether DEBUG is enabled. Under load that formatting
    # was ~5% of the bot's CPU, for lines nobody sees. At INFO they are never built.
    for name in WEB_API_LOGGERS:
        logger = logging.getLogger(name)
        if logger.level < logging.INFO:
            logger.setLevel(logging.INFO)
