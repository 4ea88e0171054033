"""Screening speed: posts per second through `Screener.screen` alone, on one core.

    .venv/bin/python benchmarks/moderation_speed.py [--posts N] [--dev PATH]

The development set is replayed as a live stream: each pass gives every post a new id,
new authors and later times (so the duplicate memory works as it would in production),
and the clock only runs around `Screener.screen`. The last line is one JSON object.

`measure_intake` below is the place for the intake-endpoint figure (100,000 posts stored
against 1,000); it is not part of the screening measurement.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "benchmarks"))

from bot.moderation import ModerationSettings, Post, Screener  # noqa: E402
from bot.moderation.dataset import read_posts  # noqa: E402

DEV = ROOT.parent / "shared" / "moderation" / "dev.jsonl"


def pin_to_one_core() -> str:
    """Screening is measured on one core, as the goal states."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity on this platform)"


def stream(posts: Sequence[Post], count: int) -> list[Post]:
    """`count` posts replaying `posts` in passes with fresh ids, authors and times."""
    span = posts[-1].created_at - posts[0].created_at + timedelta(days=1)
    out: list[Post] = []
    passes = 0
    while len(out) < count:
        for post in posts:
            if len(out) == count:
                break
            out.append(replace(
                post,
                post_id=f"{post.post_id}-{passes}",
                author_id=f"{post.author_id}-{passes % 7}",
                created_at=post.created_at + span * passes,
            ))
        passes += 1
    return out


def measure_screening(posts: Sequence[Post], settings: ModerationSettings) -> dict[str, float]:
    screener = Screener(settings)
    for post in posts[:200]:  # warm caches (compiled patterns, suffix list) outside the clock
        screener.screen(replace(post, post_id=f"warm-{post.post_id}", author_id="warm"))
    screener = Screener(settings)
    gc.collect()
    started, cpu_started = time.perf_counter(), time.process_time()
    for post in posts:
        screener.screen(post)
    elapsed = time.perf_counter() - started
    # The CPU time is the steadier figure on a machine shared with other work.
    cpu = time.process_time() - cpu_started
    return {
        "posts": len(posts),
        "seconds": round(elapsed, 3),
        "posts_per_second": round(len(posts) / elapsed, 1),
        "microseconds_per_post": round(elapsed / len(posts) * 1e6, 1),
        "cpu_posts_per_second": round(len(posts) / cpu, 1),
    }


def measure_intake(posts: Sequence[Post]) -> dict[str, object]:
    """The intake endpoint's latency with 100,000 posts stored against 1,000 (issue 4)."""
    from intake_latency import measure_intake as measure

    return measure(posts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--dev", type=Path, default=DEV)
    args = parser.parse_args()
    pinning = pin_to_one_core()
    with args.dev.open(encoding="utf-8") as handle:
        base = [labeled.post for labeled in read_posts(handle)]
    posts = stream(base, args.posts)
    screening = measure_screening(posts, ModerationSettings())
    print(f"screening: {screening['posts']} posts in {screening['seconds']} s = "
          f"{screening['posts_per_second']:.0f} posts/s "
          f"({screening['microseconds_per_post']} µs/post; "
          f"{screening['cpu_posts_per_second']:.0f} posts per CPU second), {pinning}, "
          f"Python {platform.python_version()}")
    result: dict[str, object] = {"screening": screening, "goal_posts_per_second": 5000}
    intake = measure_intake(base)
    print(f"intake: {intake}")
    result["intake"] = intake
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
