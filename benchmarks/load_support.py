"""What the Slack and Teams load benchmarks share: stored requests, latency figures, outcome."""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from pathlib import Path
from typing import Any


def store_requests(config_path: Path, count: int, *, person: str, platform: str,
                   **form: Any) -> None:
    """`count` fresh requests of `person` waiting for the supervisor, written straight to
    storage (one filed through the workflow, the rest copies of it)."""
    from benchmarks.storage import copied_request
    from bot.config import load_config
    from bot.workflow import Actor
    from socialbot.bootstrap import build
    from storage.tinydb_repository import REQUESTS
    from tests.support import valid_form

    config, base_dir = load_config(config_path)
    bot = build(config, base_dir, fsync=False)
    template = bot.workflow.submit(Actor(person, platform), valid_form(**form))
    for start in range(2, count + 1, 1000):
        bot.store.commit([
            ("put", REQUESTS, f"R-{n}", copied_request(template.to_record(), f"R-{n}"))
            for n in range(start, min(start + 1000, count + 1))])
    bot.close()


def no_collector_pauses() -> None:
    """For the fake platform's process: no cyclic garbage collection while it serves.

    The fake keeps every call it answers (what the benchmark reads back), so its heap grows
    through the run, and with it each full collection: measured with `gc.callbacks` during
    `slack_load.py`, 65 ms after 1 s, 0.4-0.6 s by 15-20 s, during which the fake answers
    nothing, the bot's deliveries stop and, through `keep_pace`, so do the clicks. Slack's and
    Microsoft's servers do not pause for this machine's collector; reference counting still
    frees what the fake drops, and a run's cycles are a few megabytes at most."""
    gc.collect()
    gc.freeze()
    gc.disable()


def latency_figures(latencies: list[float], elapsed: float) -> dict[str, Any]:
    """Throughput and median/99th-percentile latency of one load run."""
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "rps": round(len(ordered) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1] * 1000, 1),
    }


def outcome(config_path: Path) -> dict[str, int]:
    """Decisions that took effect, and notifications the outbox had not delivered yet."""
    from bot.config import load_config
    from socialbot.bootstrap import build_reader
    from storage.tinydb_repository import TinyDBRepository

    config, base_dir = load_config(config_path)
    repository = build_reader(config, base_dir).repository
    assert isinstance(repository, TinyDBRepository)
    return {"decisions": sum(len(r.history) - 1 for r in repository.open_cases()),
            "outbox_backlog_after_shutdown": repository.pending_count()}


# -- what users feel: click -> the next approver's card, the backlog, the drain ----------------


def percentiles(seconds: list[float]) -> dict[str, float | None]:
    """p50 and p99 in milliseconds (None when nothing was measured)."""
    if not seconds:
        return {"p50_ms": None, "p99_ms": None}
    ordered = sorted(seconds)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p99_ms": round(ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000, 1)}


def card_latency(clicked: dict[str, float], arrived: dict[str, float]) -> dict[str, Any]:
    """From each click (by the notice id of the card it should cause) to the fake platform
    receiving that card: p50, p99, and how many clicks never caused one by the end."""
    waits = [arrived[key] - at for key, at in clicked.items() if key in arrived]
    figures = percentiles(waits)
    return {"card_p50_ms": figures["p50_ms"], "card_p99_ms": figures["p99_ms"],
            "cards_measured": len(waits), "cards_missing": len(clicked) - len(waits)}


async def outbox_pending(http: Any, base_url: str) -> int:
    """The bot's undelivered notices, from its /metrics (socialbot_outbox_pending)."""
    async with http.get(f"{base_url}/metrics") as response:
        text = await response.text()
    return int(sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                   if line.startswith("socialbot_outbox_pending")))


async def drain(http: Any, base_url: str, *, timeout: float = 60.0) -> dict[str, Any]:
    """The backlog when the load stops, and the seconds until it is delivered (polled every
    0.1 s; None if it was not within `timeout`)."""
    started = time.monotonic()
    at_end = await outbox_pending(http, base_url)
    left = at_end
    while left and time.monotonic() - started < timeout:
        await asyncio.sleep(0.1)
        left = await outbox_pending(http, base_url)
    return {"outbox_backlog_at_end": at_end,
            "drain_seconds": round(time.monotonic() - started, 2) if not left else None}


def goals(figures: dict[str, Any], *, ratio: float, ratio_goal: float,
          notices_per_second: float) -> dict[str, Any]:
    """Each figure the issue sets a goal for, beside its goal and whether it is met."""
    backlog = figures.get("outbox_backlog_at_end")
    drained = figures.get("drain_seconds")
    p99 = figures["p99_ms"]
    return {
        "throughput_ratio": {"value": ratio, "goal": f">= {ratio_goal}",
                             "met": ratio >= ratio_goal},
        "p99_ms": {"value": p99, "goal": "< 100", "met": p99 < 100},
        "backlog_at_end": {"value": backlog,
                           "goal": f"<= {notices_per_second:.0f} (1 s of notices)",
                           "met": backlog is not None and backlog <= notices_per_second},
        "drain_seconds": {"value": drained, "goal": "<= 5",
                          "met": drained is not None and drained <= 5},
    }
