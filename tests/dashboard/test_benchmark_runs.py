"""The dashboard benchmark still runs and ends with its JSON line (small sizes, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def test_dashboard_benchmark_prints_both_sizes_and_their_ratio() -> None:
    run = subprocess.run([sys.executable, "benchmarks/dashboard.py", "--requests", "200",
                          "--posts", "500", "--repeats", "1"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert (result["requests"], result["posts"]) == (200, 500)
    assert result["render_ms_large"] > 0 and result["ratio"] > 0
