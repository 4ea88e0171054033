"""A local stand-in for Slack's Socket Mode: the WebSocket a Socket Mode app connects out to.

`apps.connections.open` on the fake Web API (called with the app-level `xapp-` token) answers
this server's `ws://` URL. On each connection the server sends `hello`, as Slack does; a test
then sends envelopes (`slash_commands`, `interactive`, `events_api`) with `send`, which waits
for the app's acknowledgement carrying the same `envelope_id` and returns its `payload`, and
can ask the app to reconnect with `disconnect` (reason `refresh_requested`, as Slack does
every few hours), after which the app calls `apps.connections.open` again and reconnects.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from types import TracebackType
from typing import Any

from aiohttp import WSMsgType, web

JsonDict = dict[str, Any]


class FakeSocketMode:
    def __init__(self) -> None:
        self._runner: web.AppRunner | None = None
        self._origin = ""
        self._sockets: list[web.WebSocketResponse] = []
        self._acks: dict[str, asyncio.Future[JsonDict]] = {}
        self._connected = asyncio.Condition()
        self._ids = itertools.count(1)
        self.connections = 0
        self.unknown_acks: list[JsonDict] = []

    async def __aenter__(self) -> FakeSocketMode:
        app = web.Application()
        app.router.add_get("/link/", self._socket)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self._origin = f"ws://{host}:{port}"
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def url(self) -> str:
        """A fresh connection URL, as apps.connections.open hands out (one per call)."""
        return f"{self._origin}/link/?ticket={next(self._ids)}&app_id=A0SOCIALBOT"

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._sockets.append(socket)
        await socket.send_json({"type": "hello", "num_connections": len(self._sockets),
                                "debug_info": {"host": "applink-fake", "approximate_"
                                               "connection_time": 18060},
                                "connection_info": {"app_id": "A0SOCIALBOT"}})
        async with self._connected:
            self.connections += 1
            self._connected.notify_all()
        try:
            async for message in socket:
                if message.type == WSMsgType.TEXT:
                    self._acknowledged(json.loads(message.data))
        finally:
            if socket in self._sockets:
                self._sockets.remove(socket)
        return socket

    def _acknowledged(self, ack: JsonDict) -> None:
        waiting = self._acks.pop(str(ack.get("envelope_id")), None)
        if waiting is None or waiting.done():
            self.unknown_acks.append(ack)
        else:
            waiting.set_result(ack.get("payload") or {})

    async def connected(self, count: int = 1, timeout: float = 5.0) -> None:
        """Wait until the app has opened `count` connections in all."""
        async with self._connected:
            await asyncio.wait_for(self._connected.wait_for(lambda: self.connections >= count),
                                   timeout)

    async def send(self, kind: str, payload: JsonDict, *, timeout: float = 3.0) -> JsonDict:
        """Send an envelope on the newest connection; the ack's payload ({} if none)."""
        envelope_id = f"{int(time.time())}-{next(self._ids)}-envelope"
        envelope: JsonDict = {"envelope_id": envelope_id, "type": kind, "payload": payload,
                              "accepts_response_payload": kind != "events_api"}
        if kind == "events_api":
            envelope.update(retry_attempt=0, retry_reason="")
        acked: asyncio.Future[JsonDict] = asyncio.get_running_loop().create_future()
        self._acks[envelope_id] = acked
        await self._sockets[-1].send_json(envelope)
        return await asyncio.wait_for(acked, timeout)

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the app to reconnect; the old connection stays open until it goes, as on Slack."""
        await self._sockets[-1].send_json({"type": "disconnect", "reason": reason,
                                           "debug_info": {"host": "applink-fake"}})
