"""The HTTP server: health check and the console endpoint's guards."""

from __future__ import annotations

from aiohttp import ClientSession, web

from socialbot.bootstrap import Runtime
from socialbot.server import TOKEN_KEY, create_app


async def start(bot: Runtime) -> tuple[web.AppRunner, str, str]:
    app = create_app(bot)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}", app[TOKEN_KEY]


async def test_healthz_and_the_console_endpoint(bot: Runtime) -> None:
    runner, url, token = await start(bot)
    try:
        async with ClientSession() as http:
            async with http.get(f"{url}/healthz") as answer:
                assert (answer.status, await answer.json()) == (200, {"status": "ok"})
            turn = f"{url}/console/turn"
            async with http.post(turn, json={"session": "s", "as": "adoe", "line": "status"},
                                 headers={"Authorization": "Bearer nope"}) as answer:
                assert answer.status == 401
            good = {"Authorization": f"Bearer {token}"}
            async with http.post(turn, data=b"{not json", headers=good) as answer:
                assert answer.status == 400
            async with http.post(turn, json={"session": "s", "as": "adoe", "line": "x" * 9000},
                                 headers=good) as answer:
                assert answer.status == 413
            async with http.post(turn, json={"session": "s", "as": "adoe", "line": "status"},
                                 headers=good) as answer:
                body = await answer.json()
                assert body["reply"] == "You have no requests. Type 'request' to file one."
                assert body["prompt"] == "adoe> "
    finally:
        await runner.cleanup()
