"""What the Slack and Teams load benchmarks share: stored requests, latency figures, outcome."""

from __future__ import annotations

import statistics
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
            "outbox_backlog": repository.pending_count()}
