"""Damaged payloads against every endpoint: how many answers of each status, and no 5xx.

The same Hypothesis property as tests/fuzz/test_no_5xx.py (damaged copies of every payload
kind the bot handles, really signed, sent to the real server against the local fakes), run
`--examples` times per endpoint. Prints, per endpoint, the answers by status, how many
refusals changed the store (must be 0) and how many 5xx (must be 0); the last line is one
JSON object.

Usage: python benchmarks/fuzz_endpoints.py [--examples 10000] [--endpoints slack,teams,...]
       [--failures FILE]  (each 5xx, and each refusal that changed the store: one JSON line)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.mutations import damaged
from tests.fuzz.targets import STARTERS, Fuzzing


def run(endpoint: str, examples: int, failures: Path | None = None) -> dict[str, Any]:
    statuses: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    changed_by_refusal = 0
    with tempfile.TemporaryDirectory() as folder:
        fuzzing = Fuzzing(endpoint, Path(folder))
        kinds = sorted(fuzzing.target.kinds)

        @settings(max_examples=examples, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.data())
        def send_damaged(data: st.DataObject) -> None:
            nonlocal changed_by_refusal
            kind = data.draw(st.sampled_from(kinds))
            payload = data.draw(damaged(fuzzing.target.kinds[kind]()))
            status, changed = fuzzing.send(kind, payload)
            statuses[str(status)] += 1
            by_kind.setdefault(kind, Counter())[str(status)] += 1
            changed_by_refusal += int(status >= 400 and changed)
            if failures is not None and (status >= 500 or (status >= 400 and changed)):
                with failures.open("a") as out:
                    out.write(json.dumps({"endpoint": endpoint, "kind": kind, "status": status,
                                          "store_changed": changed, "payload": payload}) + "\n")

        started = time.perf_counter()
        try:
            send_damaged()
        finally:
            fuzzing.close()
        seconds = time.perf_counter() - started
    server_errors = sum(n for status, n in statuses.items() if status.startswith("5"))
    return {"requests": sum(statuses.values()), "seconds": round(seconds, 1),
            "statuses": dict(sorted(statuses.items())), "server_errors": server_errors,
            "refusals_that_changed_the_store": changed_by_refusal,
            "by_kind": {k: dict(sorted(v.items())) for k, v in sorted(by_kind.items())}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--endpoints", default=",".join(STARTERS))
    parser.add_argument("--failures", type=Path, default=None)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)  # refusals are logged by design; the counts say it all
    results = {}
    for endpoint in args.endpoints.split(","):
        print(f"{endpoint}: {args.examples} damaged payloads...", flush=True)
        results[endpoint] = run(endpoint, args.examples, args.failures)
        figures = results[endpoint]
        print(f"{endpoint:>16}: {figures['statuses']}  5xx: {figures['server_errors']}  "
              f"refusals that changed the store: {figures['refusals_that_changed_the_store']}"
              f"  ({figures['seconds']} s)", flush=True)
    total_5xx = sum(r["server_errors"] for r in results.values())
    print(json.dumps({"examples_per_endpoint": args.examples, "endpoints": results,
                      "server_errors": total_5xx,
                      "no_5xx": total_5xx == 0 and not any(
                          r["refusals_that_changed_the_store"] for r in results.values())}))


if __name__ == "__main__":
    main()
