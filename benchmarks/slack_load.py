"""Slack load: signed block_actions clicks against the bot, and against a bare Bolt app.

The bot (the real server: `create_app` + `adapters.slack.mount`, durable storage holding
`--stored` requests) and, in the same run, a bare Bolt `AsyncApp` whose only listener acks, each
get `--seconds` of clicks from `--concurrency` concurrent senders: alternately Approve on a
fresh request (the supervisor's card) and a status look-up (the requester's "Show details").
Each server runs in its own process, and so does the fake Slack Web API the bot talks to
(status answers, cards, updates; Slack's own servers cost the bot's machine nothing, and the
fake must not slow down the sender either); this process only sends the load.

Ack modes. The bare app is the issue's "bare Bolt AsyncApp whose handler only acks", in Bolt's
default mode (`process_before_response` off: Bolt runs the listener on the side and answers
once it sees the ack, checking every 10 ms). The bot runs with `process_before_response` on:
Bolt answers when the listener returns, and the bot's listeners ack first and hand the rest
(the decision, the answer, a modal) to their own tracked tasks (`adapters/slack/after_ack.py`).
That is what Slack asks of every app (ack within 3 s, do the slow work after) and what the
bot does in production; the bare app is left as the issue describes it. Both answer the HTTP
request before the slow work is done, so the comparison is of what each costs per click; the
bot's own figures say whether its work kept up: `decisions` that took effect, the after-ack
and delivery `tasks_at_end` still running when the load stopped (finished on shutdown), the
notifications not yet delivered (below), and `server_cpu_ms_per_request`.
Each stored request takes three fresh approvals; with `--stored` too small for the run,
further Approve clicks find the step decided (`repeated_approvals` counts them).

What users feel: for every Approve that should bring the next approver a card, the time from
sending the click to the fake Web API receiving that card (`card_p50_ms`, `card_p99_ms`; the
card is found by the notice key in its metadata), the notices still waiting when the load
stops (`outbox_backlog_at_end`, from the bot's /metrics) and the seconds until they are all
delivered (`drain_seconds`). `goals` puts each figure beside issue 14's goal: throughput ratio
>= 0.8, p99 < 100 ms, the backlog at most one second's worth of notices, drained within 5 s.
The last line is one JSON object.

With `--homes`, the requester and every approver have opened App Home (as people do), so
each notice concerning them also redraws and publishes their home (views.publish).

Usage: python benchmarks/slack_load.py [--seconds 20] [--concurrency 32] [--stored 5000]
       [--homes]
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

SECRET = "benchmark-signing-secret-0123456789"
TOKEN = "xoxb-benchmark"
REQUESTER = "U0ADOE"


# -- the servers (run in their own process) ---------------------------------------------------


async def serve_bot(config_path: str) -> web.AppRunner:
    from adapters.slack import mount as slack_mount
    from bot.config import load_config
    from socialbot.bootstrap import build
    from socialbot.serve import settle_memory
    from socialbot.server import create_app

    config, base_dir = load_config(config_path)
    fsync = os.environ.get("SLACK_LOAD_FSYNC", "1") == "1"
    bot = build(config, base_dir, channel_names=(slack_mount.channel_name,), fsync=fsync)
    app = create_app(bot)
    slack_mount.mount(app, bot.services)
    app.on_cleanup.append(lambda _: _close(bot))
    settle_memory()  # as `socialbot serve` does before it listens
    return await _listen(app)


async def _close(bot: Any) -> None:
    bot.close()


async def serve_bare() -> web.AppRunner:
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    bolt = AsyncApp(signing_secret=SECRET,
                    client=AsyncWebClient(token=TOKEN, base_url=os.environ["FAKE_SLACK_URL"]))

    @bolt.action(re.compile(".*"))
    async def only_ack(ack: Any) -> None:
        await ack()

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    return await _listen(app)


class _Fake:
    """The fake Slack Web API as a served thing: counts its calls when asked to stop."""

    def __init__(self, fake: Any) -> None:
        self.fake = fake

    async def cleanup(self) -> None:
        await self.fake.stop()


async def serve_fake() -> _Fake:
    from bot.config import load_config
    from tests.fakes.slack_web_api import FakeSlackWebAPI
    from tests.support import SAMPLE_CONFIG

    config, _ = load_config(SAMPLE_CONFIG)  # the benchmark's directory is the sample's
    fake = FakeSlackWebAPI(bot_token=TOKEN, trigger_ttl=None, users={
        p.slack_id: {"name": p.id} for p in config.directory.people if p.slack_id})
    await fake.start()
    no_collector_pauses()  # Slack's servers do not stall for our collector (load_support)
    print(f"PORT {fake.base_url} {time.process_time():.3f}", flush=True)
    return _Fake(fake)


async def _listen(app: web.Application) -> web.AppRunner:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    print(f"PORT http://127.0.0.1:{port}/slack/events {time.process_time():.3f}", flush=True)
    return runner


async def serve_forever(kind: str, config_path: str) -> None:
    runner: web.AppRunner | _Fake = await (
        serve_bot(config_path) if kind == "bot" else serve_bare() if kind == "bare"
        else serve_fake())
    profile = os.environ.get("SLACK_LOAD_PROFILE")
    if profile:  # e.g. SLACK_LOAD_PROFILE=/tmp/bot.prof: where the server's time goes
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    try:
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        # Before cleanup (which finishes the work under way and compacts the store): the CPU
        # used, and the tasks still running (the idle serving ones, plus work not done yet),
        # or for the fake, the calls it answered.
        count = len(runner.fake.calls()) if isinstance(runner, _Fake) else \
            len(asyncio.all_tasks())
        print(f"CPU {time.process_time():.3f} {count}", flush=True)
        if isinstance(runner, _Fake) and os.environ.get("SLACK_LOAD_CALLS"):
            # The bot has stopped by now: when each call, and each notice, arrived.
            Path(os.environ["SLACK_LOAD_CALLS"]).write_text(json.dumps(
                [[c.at, c.method, _notice_of(c.args)] for c in runner.fake.calls()]))
    finally:
        if profile:
            profiler.disable()
            profiler.dump_stats(f"{profile}.{kind}")
        await runner.cleanup()


def _notice_of(args: dict[str, Any]) -> str | None:
    """The notice id a posted message carries in its metadata (see SlackChannel.post_once)."""
    metadata = args.get("metadata")
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            return None
    payload = metadata.get("event_payload") if isinstance(metadata, dict) else None
    key = payload.get("key") if isinstance(payload, dict) else None
    return key.split("|", 1)[0] if isinstance(key, str) else None


# -- set-up -------------------------------------------------------------------------------------


def write_config(base: Path, api_url: str) -> Path:
    import yaml

    from tests.support import SAMPLE_CONFIG

    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(base / "data" / "socialbot.json")}
    raw["slack"] = {**raw["slack"], "api_url": api_url}
    path = base / "app.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


class Server:
    def __init__(self, kind: str, config_path: Path | None, fake_url: str, *,
                 fsync: bool, calls_file: Path | None = None) -> None:
        env = {**os.environ, "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
               "FAKE_SLACK_URL": fake_url, "SLACK_LOAD_FSYNC": "1" if fsync else "0",
               "SLACK_LOAD_CALLS": str(calls_file or "")}
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", kind, "--config", str(config_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"{kind} server did not start: {line!r}")
        self.url = line.split()[1]
        self.cpu_at_start = float(line.split()[2])

    def stop(self) -> tuple[float, int]:
        """Stops the server; returns the CPU seconds it used since it started listening, and
        how many asyncio tasks it still had when the load stopped (the fake: calls answered)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()
        line = self.process.stdout.readline()
        self.process.wait(timeout=30)
        if not line.startswith("CPU "):
            return 0.0, -1
        return float(line.split()[1]) - self.cpu_at_start, int(line.split()[2])


# -- the load ------------------------------------------------------------------------------------


# Who approves each round: the stored requests wait for the supervisor; once every one is
# approved, the CCT recommends them, then the director approves: each click a fresh decision.
ROUNDS = (("U0MSMITH", 1), ("U0KWONG", 2), ("U0PBROWN", 3))


def clicks(stored: int) -> Callable[[], tuple[str, dict[str, str], str | None]]:
    """Alternately: Approve on the next fresh request, and the requester's status look-up;
    each with the notice id of the next approver's card it should cause (or None)."""
    from tests.fakes import slack_requests as sr

    decisions = itertools.count(0)
    lookups = itertools.count(1)
    turn = itertools.count()

    def next_click() -> Any:
        if next(turn) % 2 == 0:
            decision = next(decisions)
            approver, step = ROUNDS[(decision // stored) % len(ROUNDS)]
            n = decision % stored + 1
            fresh = decision < len(ROUNDS) * stored and step < len(ROUNDS)
            return (*sr.block_actions(SECRET, user_id=approver, action_id="approve",
                                      value=f"approve:R-{n}:{step}",
                                      channel_id="D" + approver[1:]),
                    f"R-{n}:{step + 1}:action_needed" if fresh else None)
        n = (next(lookups) * 7919) % stored + 1
        return (*sr.block_actions(SECRET, user_id=REQUESTER, action_id="view",
                                  value=f"view:R-{n}:1", channel_id="D0ADOE"), None)

    return next_click


async def load(url: str, *, seconds: float, concurrency: int, stored: int,
               clicked: dict[str, float] | None = None) -> dict[str, Any]:
    """`clicked` gets, for each Approve that should cause a card, when it was sent."""
    latencies: list[float] = []
    finished: list[float] = []
    statuses: dict[int, int] = {}
    next_click = clicks(stored)
    deadline = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as http:

        async def sender() -> None:
            while time.monotonic() < deadline:
                body, headers, card = next_click()
                if card is not None and clicked is not None:
                    clicked[card] = time.time()
                started = time.perf_counter()
                async with http.post(url, data=body, headers=headers) as response:
                    await response.read()
                latencies.append(time.perf_counter() - started)
                finished.append(time.monotonic())
                statuses[response.status] = statuses.get(response.status, 0) + 1

        started, cpu = time.monotonic(), time.process_time()
        await asyncio.gather(*(sender() for _ in range(concurrency)))
        elapsed = time.monotonic() - started
        print(f"  the sender: {time.process_time() - cpu:.1f} s CPU in {elapsed:.1f} s",
              file=sys.stderr)
    per_second = [0] * (int(elapsed) + 1)
    for at in finished:
        per_second[int(at - started)] += 1
    print(f"  answers per second: {per_second}", file=sys.stderr)
    return {
        **latency_figures(latencies, elapsed),
        "max_ms": round(max(latencies) * 1000, 1),
        "non_200": sum(n for status, n in statuses.items() if status != 200),
    }


def open_homes(config_path: Path, slack_users: list[str]) -> None:
    """As if these people had opened the bot's App Home (what `app_home_opened` records)."""
    from adapters.slack.namespaces import HOME_NAMESPACE
    from bot.config import load_config
    from socialbot.bootstrap import build

    config, base_dir = load_config(config_path)
    bot = build(config, base_dir, fsync=False)
    for user in slack_users:
        bot.services.kv.put_value(HOME_NAMESPACE, user, {"opened": True})
    bot.close()


async def run(seconds: float, concurrency: int, stored: int, fsync: bool,
              homes: bool = False) -> dict[str, Any]:
    results: dict[str, Any] = {"stored": stored, "seconds": seconds,
                               "concurrency": concurrency, "fsync": fsync, "homes": homes}
    with tempfile.TemporaryDirectory(prefix="slack-load-") as tmp:
        for kind in ("bot", "bare"):
            calls_file = Path(tmp) / f"calls-{kind}.json"
            fake = Server("fake", None, "", fsync=False, calls_file=calls_file)
            clicked: dict[str, float] = {}
            try:
                if kind == "bot":  # the bare app reads nothing of it
                    config_path = write_config(Path(tmp), fake.url)
                    store_requests(config_path, stored, person="adoe", platform="slack")
                    if homes:
                        open_homes(config_path, [REQUESTER, "U0RSINGH",
                                                 *(user for user, _ in ROUNDS)])
                server = Server(kind, config_path, fake.url, fsync=fsync)
                try:
                    print(f"loading the {kind} app for {seconds:g} s...", file=sys.stderr)
                    results[kind] = await load(server.url, seconds=seconds,
                                               concurrency=concurrency, stored=stored,
                                               clicked=clicked)
                    load_ended = time.time()
                    if kind == "bot":  # the server goes on delivering what is left
                        async with aiohttp.ClientSession() as http:
                            results[kind].update(
                                await drain(http, server.url.removesuffix("/slack/events")))
                finally:
                    cpu, tasks = server.stop()  # the fake answers while the server finishes
            finally:
                _, web_api_calls = fake.stop()
            figures = results[kind]
            figures["tasks_at_end"] = tasks
            # CPU per request (the server's own process): what the work costs, whatever else
            # shares the machine's cores during the run.
            figures["server_cpu_ms_per_request"] = round(
                cpu * 1000 / max(1, figures["requests"]), 3)
            if kind == "bot":
                # Each stored request takes three fresh approvals (supervisor, CCT, director);
                # Approve clicks beyond that find the step already decided and are answered
                # so: cheaper, so say how many there were.
                approvals = (figures["requests"] + 1) // 2
                figures["repeated_approvals"] = max(0, approvals - len(ROUNDS) * stored)
                figures.update(outcome(config_path))
                figures["web_api_calls"] = web_api_calls
                calls = json.loads(calls_file.read_text())
                figures["web_api_calls_by_method"] = dict(sorted(
                    Counter(method for _, method, _ in calls).items()))
                figures["web_api_calls_per_decision"] = round(
                    len(calls) / max(1, figures["decisions"]), 2)
                arrived: dict[str, float] = {}
                for at, _, notice in calls:
                    if notice is not None:
                        arrived.setdefault(notice, at)
                figures.update(card_latency(clicked, arrived))
                # Notices sent while the load ran, plus those left: what one second brings.
                sent = sum(1 for at, method, notice in calls if at <= load_ended and
                           (notice is not None or method == "chat.update"))
                figures["notices_per_second"] = round(
                    (sent + figures["outbox_backlog_at_end"]) / seconds, 1)
    ratio = results["throughput_ratio"] = round(results["bot"]["rps"] / results["bare"]["rps"], 3)
    results["goals"] = goals(results["bot"], ratio=ratio, ratio_goal=0.8,
                             notices_per_second=results["bot"]["notices_per_second"])
    results["goals"]["card_p99_ms"] = {"value": results["bot"]["card_p99_ms"],
                                       "goal": "reported", "met": None}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--stored", type=int, default=5000)
    parser.add_argument("--no-fsync", dest="fsync", action="store_false",
                        help="the bot's storage skips fsync: what the adapter costs without "
                             "the disk (not durable; for comparison only)")
    parser.add_argument("--homes", action="store_true",
                        help="the requester and the approvers have opened App Home")
    parser.add_argument("--serve", choices=("bot", "bare", "fake"), help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve_forever(args.serve, args.config))
        return
    results = asyncio.run(run(args.seconds, args.concurrency, args.stored, args.fsync,
                              args.homes))
    for kind in ("bot", "bare"):
        figures = results[kind]
        print(f"{kind:>4}: {figures['rps']:8.1f} req/s  p50 {figures['p50_ms']:6.1f} ms  "
              f"p99 {figures['p99_ms']:6.1f} ms  ({figures['requests']} requests)")
    bot = results["bot"]
    print(f"click -> next approver's card: p50 {bot['card_p50_ms']} ms, p99 "
          f"{bot['card_p99_ms']} ms ({bot['cards_measured']} cards); backlog at the end "
          f"{bot['outbox_backlog_at_end']}, drained in {bot['drain_seconds']} s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
