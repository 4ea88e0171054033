"""Intake latency through POST /api/moderation/posts with 1,000 and with 100,000 posts stored.

Used by benchmarks/moderation_speed.py (one run, both sizes); also runnable alone:
    .venv/bin/python benchmarks/intake_latency.py [--small 1000] [--large 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aiohttp import ClientSession, web  # noqa: E402

from bot.config import parse_config  # noqa: E402
from bot.moderation.desk import post_to_record, verdict_to_record  # noqa: E402
from bot.moderation.model import Post, Verdict  # noqa: E402
from socialbot.bootstrap import build  # noqa: E402
from socialbot.server import create_app  # noqa: E402
from storage.engine import Store  # noqa: E402

TOKEN = "benchmark-intake-token"
CONFIG = parse_config((ROOT / "app.yaml").read_text())


def populate(path: Path, posts: Sequence[Post], count: int) -> None:
    """`count` screened posts in the store, as months of live intake would leave them."""
    keep = verdict_to_record(Verdict("x", (), "keep", None, False))
    with Store(path, fsync=False) as store:
        batch: list = []  # type: ignore[type-arg]
        for n in range(count):
            post = posts[n % len(posts)]
            post_id = f"stored-{n}"
            batch.append(("put", "posts", f"{post.platform}:{post_id}", {
                "post": post_to_record(replace(post, post_id=post_id)),
                "verdict": {**keep, "post_id": post_id}, "alert": None}))
            if len(batch) == 2000:
                store.commit(batch)
                batch = []
        store.commit(batch)


def payload(post: Post, post_id: str) -> bytes:
    record = post_to_record(replace(post, post_id=post_id))
    return json.dumps(record).encode()


async def _latencies(url: str, posts: Sequence[Post], requests: int) -> list[float]:
    timings = []
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    async with ClientSession() as http:
        for n in range(requests):
            body = payload(posts[n % len(posts)], f"fresh-{n}")
            started = time.perf_counter()
            async with http.post(f"{url}/api/moderation/posts", data=body,
                                 headers=headers) as answer:
                await answer.read()
                assert answer.status == 200, answer.status
            timings.append(time.perf_counter() - started)
    return timings


async def _measure(stored: int, posts: Sequence[Post], requests: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        populate(base / "data" / "socialbot.json", posts, stored)
        os.environ["MODERATION_INTAKE_TOKEN"] = TOKEN
        bot = build(CONFIG, base)
        app = create_app(bot)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        url = "http://{}:{}".format(*runner.addresses[0][:2])
        await _latencies(url, posts, 30)  # warm up outside the clock
        timings = sorted(await _latencies(url, posts, requests))
        await runner.cleanup()
        bot.close()
    return {"stored": stored, "median_ms": round(statistics.median(timings) * 1000, 3),
            "p99_ms": round(timings[int(len(timings) * 0.99) - 1] * 1000, 3)}


def measure_intake(posts: Sequence[Post], *, small: int = 1000, large: int = 100_000,
                   requests: int = 400) -> dict[str, object]:
    low = asyncio.run(_measure(small, posts, requests))
    high = asyncio.run(_measure(large, posts, requests))
    return {"small": low, "large": high,
            "latency_ratio": round(high["median_ms"] / low["median_ms"], 3),
            "goal_ratio_at_most": 2}


def main() -> None:
    from bot.moderation.dataset import read_posts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    with (ROOT.parent / "shared" / "moderation" / "dev.jsonl").open(encoding="utf-8") as handle:
        posts = [labeled.post for labeled in read_posts(handle)]
    result = measure_intake(posts, small=args.small, large=args.large, requests=args.requests)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
