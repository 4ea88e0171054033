"""Repeated notices after SIGKILL: the bot is killed at random moments while it delivers.

This process serves the fake Slack Web API (tests/fakes/slack_web_api.py). A child process
files `--requests` access requests, then children deliver the outbox with the real Slack
channel and are killed with SIGKILL a random 0-250 ms after they start delivering, again and
again, until one finishes. Every notice carries its key in its message metadata, so the fake
can count the copies of each; its answers come back 50 ms after it acted, as over the
internet. Run once with the history check (the bot as shipped) and once
without it (`intended_at` answering None: what the bot did before), each on a fresh store.
The last line is one JSON object.

Usage: python benchmarks/notice_kill_test.py [--requests 60] [--seed 7] [--max-kills 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import SECRET, TOKEN, slack_users, write_config

LATENCY = 0.05  # Slack's answer takes this long to come back after the message is posted

CHILD = r"""
import asyncio, os, sys
from aiohttp import web
from adapters.slack import mount as slack_mount
from bot.config import load_config
from bot.workflow import Actor
from socialbot.bootstrap import build
from socialbot.server import create_app
from tests.support import valid_form

async def main(config_path, mode, count):
    config, base_dir = load_config(config_path)
    bot = build(config, base_dir, channel_names=("slack",), fsync=True)
    if mode == "file":
        for _ in range(count):
            bot.workflow.submit(Actor("adoe", "slack"), valid_form())
        bot.close()
        return
    if mode == "deliver-without-check":
        bot.repository.intended_at = lambda *args: None
    bot.dispatcher.poll_seconds = 0.02
    app = create_app(bot)
    slack_mount.mount(app, bot.services)
    runner = web.AppRunner(app)
    await runner.setup()
    print("ready", flush=True)
    while bot.repository.pending_count():
        await asyncio.sleep(0.02)
    await runner.cleanup()
    bot.close()
    print("done", flush=True)

asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
"""


async def child(config: Path, mode: str, count: int = 0,
                kill_after: float | None = None) -> bool:
    """Run one child; True when it finished, False when it was killed `kill_after` seconds
    after it started delivering."""
    env = {**os.environ, "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, str(config), mode, str(count), env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
    assert process.stdout is not None
    if mode == "file":
        await process.wait()
        return True
    await process.stdout.readline()  # "ready": delivering from now on
    try:
        out = await asyncio.wait_for(process.stdout.read(), kill_after)
    except TimeoutError:
        process.send_signal(signal.SIGKILL)
        await process.wait()
        return False
    await process.wait()
    return b"done" in out


async def run(mode: str, requests: int, rng: random.Random, max_kills: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        async with FakeSlackWebAPI(bot_token=TOKEN, answer_latency=LATENCY) as fake:
            config = write_config(Path(folder), fake.base_url)
            fake.users.update(slack_users(config))
            await child(config, "file", requests)
            kills = 0
            while not await child(config, mode, kill_after=(
                    rng.uniform(0.0, 0.25) if kills < max_kills else None)):
                kills += 1
            copies = Counter(key for key in (_key(m.message) for m in fake.messages()) if key)
            history_reads = len(fake.calls("conversations.history"))
    repeated = sum(n - 1 for n in copies.values() if n > 1)
    return {"kills": kills, "notices": len(copies), "posted": sum(copies.values()),
            "repeated_copies": repeated, "history_reads": history_reads}


def _key(message: dict[str, Any]) -> str | None:
    metadata = message.get("metadata") or {}
    return (metadata.get("event_payload") or {}).get("key")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-kills", type=int, default=200, help="then let it finish")
    args = parser.parse_args()
    results = {}
    for mode in ("deliver", "deliver-without-check"):
        results[mode] = asyncio.run(run(mode, args.requests, random.Random(args.seed),
                                        args.max_kills))
        figures = results[mode]
        print(f"{mode:>22}: {figures['kills']} kills, {figures['notices']} notices, "
              f"{figures['posted']} posted, {figures['repeated_copies']} repeated copies",
              flush=True)
    print(json.dumps({"requests": args.requests, "with_check": results["deliver"],
                      "without_check": results["deliver-without-check"]}))


if __name__ == "__main__":
    main()
