"""Local HTTP servers the link check is tested against (never an outside address)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web


@dataclass
class Site:
    base: str
    hits: list[tuple[str, str]] = field(default_factory=list)  # (method, path)
    answers: dict[str, list[int]] = field(default_factory=dict)  # path -> statuses to give


def _app(site: Site) -> web.Application:
    async def ok(request: web.Request) -> web.Response:
        return web.Response(text="fine")

    async def chain(request: web.Request) -> web.Response:
        left = int(request.match_info["n"])
        if left == 0:
            return web.Response(text="arrived")
        raise web.HTTPMovedPermanently(f"/chain/{left - 1}")

    async def loop(request: web.Request) -> web.Response:
        other = "b" if request.match_info["end"] == "a" else "a"
        raise web.HTTPMovedPermanently(f"/loop/{other}")

    async def status(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="no")

    async def get_only(request: web.Request) -> web.Response:
        return web.Response(text="GET works")

    async def slow(request: web.Request) -> web.Response:
        await asyncio.Event().wait()  # never answers; the client's timeout ends it
        return web.Response()

    async def scripted(request: web.Request) -> web.Response:
        given = site.answers.get(request.path) or [200]
        code = given.pop(0) if len(given) > 1 else given[0]
        return web.Response(status=code)

    @web.middleware
    async def record(request: web.Request, handler: web.RequestHandler) -> web.StreamResponse:
        site.hits.append((request.method, request.path))
        return await handler(request)  # type: ignore[no-any-return]

    app = web.Application(middlewares=[record])
    app.router.add_get("/ok", ok)
    app.router.add_get("/chain/{n}", chain)
    app.router.add_get("/loop/{end}", loop)
    app.router.add_get("/status/{code}", status)
    app.router.add_get("/get-only", get_only, allow_head=False)
    app.router.add_get("/slow", slow)
    app.router.add_get("/scripted/{name}", scripted)
    return app


@asynccontextmanager
async def link_site() -> AsyncIterator[Site]:
    site = Site("")
    runner = web.AppRunner(_app(site), access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    site.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield site
    finally:
        await runner.cleanup()


def closed_port_url() -> str:
    """An address on this machine where nothing listens (the port was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/page"
