"""Teams load: `adaptiveCard/action` invokes against the bot, and against a bare botbuilder bot.

The bot (the real server: `create_app` + `adapters.teams.mount` in local mode, durable storage
holding `--stored` requests) and, in the same run, a bare botbuilder `ActivityHandler` on the
stock `CloudAdapter` that answers every invoke with a fixed card, each get `--seconds` of
invokes from `--concurrency` concurrent senders: alternately an Approve click on the next fresh
request (supervisor, then CCT, then director) and a Universal Actions refresh of a request's
card for its requester. Each server runs in its own process, and so does the fake Bot Connector
the bot's outbox posts its cards to (as the Slack benchmark's fake Web API): this process only
sends the load and times the answers, so its own work does not stand in the latencies.
As in `slack_load.py`: the time from an Approve to the connector receiving the next approver's
card (found by its Approve button) at p50 and p99, the backlog when the load stops and the time
to drain it, each beside issue 14's goal (ratio >= 10) in `goals`.
The last line is one JSON object.

Usage: python benchmarks/teams_load.py [--seconds 20] [--concurrency 32] [--stored 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# This script's own folder (for load_support) stays behind the project root, so the
# project's `storage` package wins over benchmarks/storage.py.

import aiohttp
from aiohttp import web
from load_support import (
    card_latency,
    drain,
    goals,
    latency_figures,
    no_collector_pauses,
    outcome,
    store_requests,
)

REQUESTER = "bharris"  # Teams; supervisor and director Dana Okafor, CCT Kim Wong: all on Teams
ROUNDS = (("dokafor", 1), ("kwong", 2), ("dokafor", 3))
FIXED_CARD = {"type": "AdaptiveCard", "version": "1.5",
              "body": [{"type": "TextBlock", "text": "Done"}]}


# -- the servers (run in their own process) ---------------------------------------------------


async def serve_bot(config_path: str) -> web.AppRunner:
    from adapters.teams import mount as teams_mount
    from bot.config import load_config
    from socialbot.bootstrap import build
    from socialbot.serve import settle_memory
    from socialbot.server import create_app

    config, base_dir = load_config(config_path)
    fsync = os.environ.get("TEAMS_LOAD_FSYNC", "1") == "1"
    bot = build(config, base_dir, channel_names=(teams_mount.channel_name,), fsync=fsync)
    app = create_app(bot)
    teams_mount.mount(app, bot.services, host="127.0.0.1")

    async def close(_: web.Application) -> None:
        bot.close()

    app.on_cleanup.append(close)
    settle_memory()  # as `socialbot serve` does before it listens
    return await _listen(app)


async def serve_bare() -> web.AppRunner:
    """What the issue measures: stock CloudAdapter, a handler answering with a fixed card."""
    from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext
    from botbuilder.integration.aiohttp import (
        CloudAdapter,
        ConfigurationBotFrameworkAuthentication,
    )
    from botbuilder.schema import AdaptiveCardInvokeResponse

    class Local:
        APP_ID = ""
        APP_PASSWORD = ""
        APP_TYPE = "MultiTenant"
        APP_TENANTID = ""

    class Bare(ActivityHandler):
        # on_invoke_activity, not on_adaptive_card_invoke: with the latter botbuilder 4.17's
        # CloudAdapter serializes the response twice and answers 500.
        async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
            return InvokeResponse(status=200, body=AdaptiveCardInvokeResponse(
                status_code=200, type="application/vnd.microsoft.card.adaptive",
                value=FIXED_CARD))

    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Local()))
    bare = Bare()

    async def messages(request: web.Request) -> web.Response:
        response = await adapter.process(request, bare)
        return response if response is not None else web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return await _listen(app)


async def _listen(app: web.Application) -> web.AppRunner:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(f"PORT {runner.addresses[0][1]} {time.process_time():.3f}", flush=True)
    return runner


class _Connector:
    """The fake Bot Connector as a served thing (its own process)."""

    def __init__(self) -> None:
        from tests.fakes.bot_connector import FakeBotConnector

        self.fake = FakeBotConnector()

    async def start(self) -> _Connector:
        await self.fake.__aenter__()
        no_collector_pauses()  # Microsoft's servers do not stall for our collector
        print(f"PORT {self.fake.service_url} {time.process_time():.3f}", flush=True)
        return self

    async def cleanup(self) -> None:
        await self.fake.__aexit__(None, None, None)


async def serve_forever(kind: str, config_path: str) -> None:
    runner: web.AppRunner | _Connector
    if kind == "connector":
        runner = await _Connector().start()
    else:
        runner = await (serve_bot(config_path) if kind == "bot" else serve_bare())
    profile = os.environ.get("TEAMS_LOAD_PROFILE")
    if profile:  # e.g. TEAMS_LOAD_PROFILE=/tmp/teams.prof: where the server's time goes
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    try:
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        # Before cleanup (which finishes the work under way): the CPU used.
        print(f"CPU {time.process_time():.3f}", flush=True)
        if isinstance(runner, _Connector) and os.environ.get("TEAMS_LOAD_CALLS"):
            # When each call arrived, its route, and the Approve buttons its card carries.
            Path(os.environ["TEAMS_LOAD_CALLS"]).write_text(json.dumps(
                [[c.at, c.route, sorted(set(APPROVE_BUTTON.findall(json.dumps(c.body))))]
                 for c in runner.fake.calls]))
    finally:
        if profile:
            profiler.disable()
            profiler.dump_stats(f"{profile}.{kind}")
        await runner.cleanup()


# -- set-up -------------------------------------------------------------------------------------


def write_config(base: Path) -> Path:
    import yaml

    from tests.support import SAMPLE_CONFIG

    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(base / "data" / "socialbot.json")}
    raw["teams"] = {**raw["teams"], "tenant_id": "11111111-2222-3333-4444-555555555555"}
    path = base / "app.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


class Server:
    def __init__(self, kind: str, config_path: Path | None, *, fsync: bool,
                 calls_file: Path | None = None) -> None:
        env = {**os.environ, "MICROSOFT_APP_ID": "", "MICROSOFT_APP_PASSWORD": "",
               "TEAMS_LOAD_FSYNC": "1" if fsync else "0",
               "TEAMS_LOAD_CALLS": str(calls_file or "")}
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", kind, "--config", str(config_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"{kind} server did not start: {line!r}")
        address = line.split()[1]
        self.url = address if kind == "connector" else f"http://127.0.0.1:{address}/api/messages"
        self.cpu_at_start = float(line.split()[2])

    async def stop(self) -> float:
        """Without blocking this loop: the server's outbox may still be posting to our fake.
        Returns the CPU seconds the server used since it started listening."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        loop = asyncio.get_running_loop()
        line = await loop.run_in_executor(None, self.process.stdout.readline)
        await loop.run_in_executor(None, self.process.wait, 30)
        if not line.startswith("CPU "):
            return 0.0
        return float(line.split()[1]) - self.cpu_at_start


# -- the load ------------------------------------------------------------------------------------


def invokes(stored: int, service_url: str) -> Callable[[], tuple[bytes, str | None]]:
    """Alternately: Approve on the next fresh request, and the requester's card refresh; each
    with the button the next approver's card it should cause carries (or None)."""
    from bot.config import parse_config
    from tests.fakes.teams_activities import TeamsChat, TeamsUser
    from tests.support import SAMPLE_CONFIG

    directory = {p.id: p for p in parse_config(SAMPLE_CONFIG.read_text()).directory.people}
    chats = {person: TeamsChat(service_url=service_url, conversation_id=f"a:chat-{person}",
                               tenant_id="11111111-2222-3333-4444-555555555555",
                               user=TeamsUser(name=directory[person].first_name,
                                              aad_object_id=str(directory[person].teams_id),
                                              teams_id=f"29:1{person}"))
             for person in (REQUESTER, "dokafor", "kwong")}
    decisions = itertools.count(0)
    lookups = itertools.count(1)
    turn = itertools.count()

    def next_invoke() -> tuple[bytes, str | None]:
        card = None
        if next(turn) % 2 == 0:
            decision = next(decisions)
            approver, step = ROUNDS[(decision // stored) % len(ROUNDS)]
            n = decision % stored + 1
            activity = chats[approver].card_action("approve", {"button": f"approve:R-{n}:{step}"})
            if decision < len(ROUNDS) * stored and step < len(ROUNDS):
                card = f"approve:R-{n}:{step + 1}"
        else:
            n = (next(lookups) * 7919) % stored + 1
            activity = chats[REQUESTER].card_action("refresh", {"button": f"view:R-{n}:1"},
                                                    trigger="automatic")
        return json.dumps(activity).encode(), card

    return next_invoke


async def load(url: str, service_url: str, *, seconds: float, concurrency: int,
               stored: int, clicked: dict[str, float] | None = None) -> dict[str, Any]:
    """`clicked` gets, for each Approve that should cause a card, when it was sent."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    next_invoke = invokes(stored, service_url)
    deadline = time.monotonic() + seconds
    headers = {"Content-Type": "application/json"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def sender() -> None:
            while time.monotonic() < deadline:
                body, card = next_invoke()
                if card is not None and clicked is not None:
                    clicked[card] = time.time()
                started = time.perf_counter()
                async with http.post(url, data=body, headers=headers) as response:
                    answer = await response.read()
                latencies.append(time.perf_counter() - started)
                key = f"{response.status}/{_card_status(answer)}"
                statuses[key] = statuses.get(key, 0) + 1

        started = time.monotonic()
        await asyncio.gather(*(sender() for _ in range(concurrency)))
        elapsed = time.monotonic() - started
    return {
        **latency_figures(latencies, elapsed),
        "answers": statuses,
    }


def _card_status(answer: bytes) -> str:
    """The invoke response's own statusCode (Teams shows an error for anything but 200)."""
    try:
        return str(json.loads(answer).get("statusCode"))
    except (ValueError, AttributeError):
        return "unreadable"


async def run(seconds: float, concurrency: int, stored: int, fsync: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="teams-load-") as tmp:
        calls_file = Path(tmp) / "connector-calls.json"
        connector = Server("connector", None, fsync=False, calls_file=calls_file)
        try:
            config_path = write_config(Path(tmp))
            store_requests(config_path, stored, person=REQUESTER, platform="teams",
                           first_name="Blake", last_name="Harris",
                           department="City Development", division="Planning", section="",
                           promote_department="city-development")
            results: dict[str, Any] = {"stored": stored, "seconds": seconds,
                                       "concurrency": concurrency, "fsync": fsync}
            clicked: dict[str, float] = {}
            load_ended = 0.0
            for kind in ("bot", "bare"):
                server = Server(kind, config_path, fsync=fsync)
                try:
                    print(f"loading the {kind} bot for {seconds:g} s...", file=sys.stderr)
                    results[kind] = await load(
                        server.url, connector.url, seconds=seconds, concurrency=concurrency,
                        stored=stored, clicked=clicked if kind == "bot" else None)
                    if kind == "bot":  # the server goes on delivering what is left
                        load_ended = time.time()
                        async with aiohttp.ClientSession() as http:
                            results[kind].update(
                                await drain(http, server.url.removesuffix("/api/messages")))
                finally:
                    cpu = await server.stop()
                figures = results[kind]
                # CPU per invoke (the server's own process): what the work costs, whatever
                # else shares the machine's cores during the run.
                figures["server_cpu_ms_per_request"] = round(
                    cpu * 1000 / max(1, figures["requests"]), 3)
                if kind == "bot":
                    figures.update(outcome(config_path))
        finally:
            await connector.stop()
        # Only the bot posts to the connector, and it has stopped: every call is in the file.
        calls = [(at, route, buttons) for at, route, buttons in json.loads(calls_file.read_text())]
        bot = results["bot"]
        bot["connector_calls"] = len(calls)
        bot["connector_calls_by_route"] = dict(sorted(Counter(r for _, r, _ in calls).items()))
        bot.update(card_latency(clicked, cards_arrived(calls)))
        sent = sum(1 for at, _, _ in calls if at <= load_ended)
        bot["notices_per_second"] = round((sent + bot["outbox_backlog_at_end"]) / seconds, 1)
    ratio = results["throughput_ratio"] = round(results["bot"]["rps"] / results["bare"]["rps"], 2)
    results["goals"] = goals(results["bot"], ratio=ratio, ratio_goal=10,
                             notices_per_second=results["bot"]["notices_per_second"])
    results["goals"]["card_p99_ms"] = {"value": results["bot"]["card_p99_ms"],
                                       "goal": "reported", "met": None}
    return results


APPROVE_BUTTON = re.compile(r"approve:R-[0-9]+:[0-9]+")


def cards_arrived(calls: list[tuple[float, str, list[str]]]) -> dict[str, float]:
    """When the connector first received a card carrying each Approve button."""
    arrived: dict[str, float] = {}
    for at, _, buttons in calls:
        for button in buttons:
            arrived.setdefault(button, at)
    return arrived


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--stored", type=int, default=5000)
    parser.add_argument("--no-fsync", dest="fsync", action="store_false",
                        help="the bot's storage skips fsync (not durable; for comparison only)")
    parser.add_argument("--serve", choices=("bot", "bare", "connector"), help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve_forever(args.serve, args.config))
        return
    results = asyncio.run(run(args.seconds, args.concurrency, args.stored, args.fsync))
    for kind in ("bot", "bare"):
        figures = results[kind]
        print(f"{kind:>4}: {figures['rps']:8.1f} invokes/s  p50 {figures['p50_ms']:6.1f} ms  "
              f"p99 {figures['p99_ms']:6.1f} ms  ({figures['requests']} invokes)")
    bot = results["bot"]
    print(f"click -> next approver's card: p50 {bot['card_p50_ms']} ms, p99 "
          f"{bot['card_p99_ms']} ms ({bot['cards_measured']} cards); backlog at the end "
          f"{bot['outbox_backlog_at_end']}, drained in {bot['drain_seconds']} s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
