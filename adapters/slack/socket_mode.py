"""Slack's Socket Mode: the bot connects out to Slack and needs no public address.

With SLACK_APP_TOKEN (an app-level `xapp-` token with `connections:write`), the bot opens a
WebSocket to Slack through Bolt's aiohttp Socket Mode handler (slack_sdk's client: no further
dependency) and receives the same commands, shortcuts, modal submissions, clicks and events
as over HTTP, handled by the same Bolt app and listeners. Slack asks the app to reconnect now
and then (`disconnect`, reason `refresh_requested`); slack_sdk opens a new connection then.

Every envelope's payload is checked against the same shapes as an HTTP request (`shapes`)
before Bolt sees it: what the bot cannot read, or ignores, is acknowledged with nothing (so
Slack does not send it again) and changes nothing. Envelopes are not signed: the connection
itself is authenticated by the app token.
"""

from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from adapters.slack.payloads import MalformedPayload
from adapters.slack.shapes import Verdict, screen

log = logging.getLogger(__name__)
APP_TOKEN_PREFIX = "xapp-"
PING_SECONDS = 10.0
# slack_sdk logs every received message at DEBUG, form text included: never below INFO.
_client_log = logging.getLogger(f"{__name__}.client")
_client_log.setLevel(logging.INFO)


class GuardedSocketModeHandler(AsyncSocketModeHandler):
    """Bolt's handler, with the HTTP route's shape check in front of Bolt."""

    async def handle(self, client: SocketModeClient,  # type: ignore[override]  # as Bolt's
                     req: SocketModeRequest) -> None:
        try:
            verdict = screen(req.payload)
        except MalformedPayload as problem:
            log.warning("refused a Socket Mode %s envelope: %s (payload withheld)", req.type,
                        problem)
            verdict = Verdict.IGNORE
        if verdict is Verdict.IGNORE:
            await client.send_socket_mode_response(SocketModeResponse(req.envelope_id))
            return
        await super().handle(client, req)


class SocketModeConnection:
    """Started and stopped with the server (aiohttp's startup and shutdown signals)."""

    def __init__(self, bolt: AsyncApp, app_token: str, *,
                 ping_seconds: float = PING_SECONDS) -> None:
        if not app_token.startswith(APP_TOKEN_PREFIX):
            raise ValueError("SLACK_APP_TOKEN must be an app-level token (xapp-...)")
        self.bolt = bolt
        self.app_token = app_token
        self.ping_seconds = ping_seconds
        self.handler: GuardedSocketModeHandler | None = None
        self._connecting: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Connect in the background: the server starts even while Slack is unreachable
        (slack_sdk keeps retrying)."""
        self.handler = GuardedSocketModeHandler(self.bolt, app_token=self.app_token,
                                                logger=_client_log,
                                                ping_interval=self.ping_seconds)
        self._connecting = asyncio.get_running_loop().create_task(
            self.handler.connect_async(), name="slack socket mode")
        log.info("Slack Socket Mode: connecting")

    async def stop(self) -> None:
        if self._connecting is not None:
            self._connecting.cancel()
            await asyncio.gather(self._connecting, return_exceptions=True)
        if self.handler is not None:
            await self.handler.close_async()
