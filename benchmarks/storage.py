"""How long one decision takes with 100 requests stored and with 20,000 (plus their audit).

TinyDB's own storage rewrites the whole file per write, so its cost grows with the database;
the journaled store should not. Both sizes run in this one process; the last line is JSON.
Usage: python benchmarks/storage.py [--small 100] [--large 20000] [--decisions 300]
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

from bot.audit import HistoryEntry, sealed
from bot.config import parse_config
from bot.workflow import Actor, Move
from socialbot.bootstrap import build
from storage.engine import Store
from tests.support import SAMPLE_CONFIG, FixedClock, valid_form

CONFIG = parse_config(SAMPLE_CONFIG.read_text())


def template_record(base: Path) -> dict:  # type: ignore[type-arg]
    """A request that went through the whole chain up to the SOP: four signed audit entries."""
    bot = build(CONFIG, base, clock=FixedClock())
    request = bot.workflow.submit(Actor("adoe", "console"), valid_form())
    for person in ("msmith", "kwong", "pbrown"):
        request = bot.workflow.decide(Actor(person, "console"), request.id, Move("approve"))
    bot.close()
    return request.to_record()


def copied_request(template: dict, request_id: str) -> dict:  # type: ignore[type-arg]
    """The template under another id, its history chained from that id (as `verify` wants)."""
    entries = [HistoryEntry.from_record({k: v for k, v in e.items() if k != "hash"})
               for e in template["history"]]
    return {**template, "id": request_id,
            "history": [e.to_record() for e in sealed(request_id, entries)]}


def populate(path: Path, count: int, template: dict) -> None:  # type: ignore[type-arg]
    with Store(path) as store:
        batch = []
        for number in range(1, count + 1):
            batch.append(("put", "requests", f"R-{number}",
                          copied_request(template, f"R-{number}")))
            if len(batch) == 1000:
                store.commit(batch)  # type: ignore[arg-type]
                batch = []
        store.commit(batch)  # type: ignore[arg-type]


def measure(stored: int, decisions: int, template: dict) -> dict[str, float]:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        populate(base / "data" / "socialbot.json", stored, template)
        bot = build(CONFIG, base, channel_names=("slack", "teams"))
        workflow = bot.workflow
        filed = [workflow.submit(Actor("adoe", "console"), valid_form()).id
                 for _ in range(decisions)]
        timings = []
        for request_id in filed:
            started = time.perf_counter()
            workflow.decide(Actor("msmith", "slack"), request_id, Move("approve"))
            timings.append(time.perf_counter() - started)
        size = bot.storage_path().stat().st_size + bot.store.journal_path.stat().st_size
        bot.close()
    return {"stored": stored, "median_ms": statistics.median(timings) * 1000,
            "mean_ms": statistics.fmean(timings) * 1000,
            "p99_ms": sorted(timings)[int(len(timings) * 0.99) - 1] * 1000,
            "database_mb": size / 1e6}


def baseline_tinydb(stored: int, writes: int, template: dict) -> float:  # type: ignore[type-arg]
    """Median ms to update one request with TinyDB's default JSON storage (the baseline)."""
    from tinydb import TinyDB

    with tempfile.TemporaryDirectory() as tmp:
        db = TinyDB(Path(tmp) / "plain.json")
        table = db.table("requests")
        table.insert_multiple({**template, "id": f"R-{n}"} for n in range(1, stored + 1))
        timings = []
        for n in range(1, writes + 1):
            started = time.perf_counter()
            table.update({"state": "cct", "version": n}, doc_ids=[n])
            timings.append(time.perf_counter() - started)
        db.close()
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--decisions", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        template = template_record(Path(tmp))
    small = measure(args.small, args.decisions, template)
    large = measure(args.large, args.decisions, template)
    plain_small = baseline_tinydb(args.small, 30, template)
    plain_large = baseline_tinydb(args.large, 30, template)
    for row in (small, large):
        print(f"{row['stored']:>6} stored: median {row['median_ms']:.3f} ms, "
              f"mean {row['mean_ms']:.3f} ms, p99 {row['p99_ms']:.3f} ms per decision "
              f"({row['database_mb']:.1f} MB on disk)")
    print(f"baseline, TinyDB's default JSON storage, one update: {plain_small:.2f} ms with "
          f"{args.small} stored, {plain_large:.2f} ms with {args.large} "
          f"(ratio {plain_large / plain_small:.0f})")
    print(json.dumps({"benchmark": "storage", "decision_ms_small": round(small["median_ms"], 4),
                      "decision_ms_large": round(large["median_ms"], 4),
                      "stored_small": args.small, "stored_large": args.large,
                      "ratio": round(large["median_ms"] / small["median_ms"], 3),
                      "goal_ratio_at_most": 2,
                      "baseline_tinydb_ms_small": round(plain_small, 3),
                      "baseline_tinydb_ms_large": round(plain_large, 3)}))


if __name__ == "__main__":
    main()
