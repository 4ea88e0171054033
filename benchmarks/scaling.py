"""Scaling: how the load figures change with concurrency and with the size of the store.

Runs the Slack load benchmark (`slack_load.py`, or `teams_load.py` with `--platform teams`)
at concurrency 1, 8, 32 and 128 with 20,000 requests stored, then with 1,000, 20,000 and
100,000 stored at concurrency 32, each point `--seconds` long (bot, then bare, as in the load
benchmark). Prints one table row per point (throughput, the ratio to the bare framework, p99,
click -> next approver's card p50/p99, the backlog when the load stopped and the time to drain
it), then one JSON line with every point and the goal beside each figure.
The default run takes about six minutes on a quiet 2-core machine.

Usage: python benchmarks/scaling.py [--seconds 5] [--platform slack|teams]
       [--concurrency 1 8 32 128] [--stored 1000 20000 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.append(str(Path(__file__).resolve().parent))  # behind the project: its `storage` wins

BASE_STORED = 20_000
BASE_CONCURRENCY = 32


def points(concurrencies: list[int], stored: list[int]) -> list[tuple[int, int]]:
    """(concurrency, stored) pairs: the concurrency sweep, then the store-size sweep."""
    found = [(c, BASE_STORED) for c in concurrencies]
    found += [(BASE_CONCURRENCY, s) for s in stored if (BASE_CONCURRENCY, s) not in found]
    return found


def row(concurrency: int, stored: int, results: dict[str, Any]) -> dict[str, Any]:
    bot = results["bot"]
    return {"concurrency": concurrency, "stored": stored, "rps": bot["rps"],
            "bare_rps": results["bare"]["rps"], "ratio": results["throughput_ratio"],
            "p99_ms": bot["p99_ms"], "card_p50_ms": bot["card_p50_ms"],
            "card_p99_ms": bot["card_p99_ms"], "backlog_at_end": bot["outbox_backlog_at_end"],
            "drain_seconds": bot["drain_seconds"], "goals": results["goals"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--platform", choices=("slack", "teams"), default="slack")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32, 128])
    parser.add_argument("--stored", type=int, nargs="+", default=[1000, 20_000, 100_000])
    args = parser.parse_args()
    if args.platform == "slack":
        import slack_load as benchmark
    else:
        import teams_load as benchmark  # type: ignore[no-redef]
    rows = []
    header = (f"{'conc':>5} {'stored':>7} {'req/s':>7} {'bare':>7} {'ratio':>6} {'p99 ms':>7} "
              f"{'card p50':>9} {'card p99':>9} {'backlog':>8} {'drain s':>8}")
    print(header)
    started = time.monotonic()
    for concurrency, stored in points(args.concurrency, args.stored):
        results = asyncio.run(benchmark.run(args.seconds, concurrency, stored, True))
        found = row(concurrency, stored, results)
        rows.append(found)
        print(f"{concurrency:>5} {stored:>7} {found['rps']:>7} {found['bare_rps']:>7} "
              f"{found['ratio']:>6} {found['p99_ms']:>7} {found['card_p50_ms']!s:>9} "
              f"{found['card_p99_ms']!s:>9} {found['backlog_at_end']!s:>8} "
              f"{found['drain_seconds']!s:>8}", flush=True)
    print(f"({time.monotonic() - started:.0f} s)", file=sys.stderr)
    print(json.dumps({"platform": args.platform, "seconds": args.seconds, "points": rows}))


if __name__ == "__main__":
    main()
