"""The Teams load benchmark still runs and ends with its JSON line (tiny sizes, not judged)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def test_teams_benchmark_prints_both_figures_and_their_ratio() -> None:
    run = subprocess.run([sys.executable, "benchmarks/teams_load.py", "--seconds", "1",
                          "--stored", "20", "--concurrency", "4", "--no-fsync"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["stored"] == 20
    assert result["bot"]["requests"] > 0 and result["bare"]["requests"] > 0
    assert set(result["bot"]["answers"]) == {"200/200"}
    assert result["throughput_ratio"] > 0
