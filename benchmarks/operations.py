"""What the operations routes and commands cost on a large store: a /metrics scrape and a
/readyz check with an outbox backlog, a backup taken beside the live store, restore + verify.

Usage: python benchmarks/operations.py [--requests 20000] [--backlog 2000] [--repeats 50]
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.storage import CONFIG, populate, template_record
from bot.notifications import Notification
from socialbot.bootstrap import build
from socialbot.metrics import PrometheusMetrics
from socialbot.ops_cli import verify_store
from socialbot.server import readiness_problems
from storage.backup import backup, restore


def median_ms(action: object, repeats: int) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        timings.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(timings), 3)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--backlog", type=int, default=2_000)
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        store_path = base / "data" / "socialbot.json"
        populate(store_path, args.requests, template_record(base / "template"))
        bot = build(CONFIG, base, channel_names=("slack", "teams"))
        notes = [Notification(id=f"R-{n}:1:action_needed", kind="action_needed",
                              case_id=f"R-{n}", step=1, recipients=("msmith",))
                 for n in range(1, args.backlog // 2 + 1)]
        bot.store.commit(bot.repository.outbox_ops(notes))
        metrics = PrometheusMetrics(bot.repository.outbox_summary)
        scrape_ms = median_ms(metrics.exposition, args.repeats)
        ready_ms = median_ms(lambda: readiness_problems(bot, time.time()), args.repeats)

        started = time.perf_counter()
        copy = backup(store_path, base / "backups" / "copy.json")  # beside the live store
        backup_s = time.perf_counter() - started
        bot.close()
        started = time.perf_counter()
        restore(copy.path, store_path)
        problems, counts = verify_store(store_path)
        restore_s = time.perf_counter() - started
        assert not problems and counts["requests"] == args.requests
        size_mb = copy.path.stat().st_size / 1e6
    print(f"{args.requests} requests stored, {args.backlog} outbox messages waiting")
    print(f"/metrics scrape (exposition, outbox gauges read from the store): {scrape_ms} ms")
    print(f"/readyz check (a journal write, the outbox scan): {ready_ms} ms")
    print(f"backup beside the live store: {backup_s:.2f} s ({size_mb:.1f} MB)")
    print(f"restore and verify: {restore_s:.2f} s")
    print(json.dumps({"requests": args.requests, "backlog": args.backlog,
                      "metrics_scrape_ms": scrape_ms, "readyz_ms": ready_ms,
                      "backup_s": round(backup_s, 3), "backup_mb": round(size_mb, 2),
                      "restore_verify_s": round(restore_s, 3)}))


if __name__ == "__main__":
    main()
