"""The storage benchmark still runs and ends with its JSON line (small sizes, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def test_storage_benchmark_prints_both_figures_and_their_ratio() -> None:
    run = subprocess.run([sys.executable, "benchmarks/storage.py", "--small", "5", "--large",
                          "50", "--decisions", "5"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["stored_large"] == 50
    assert result["ratio"] > 0 and result["decision_ms_small"] > 0


def test_operations_benchmark_runs_and_its_restored_store_verifies() -> None:
    run = subprocess.run([sys.executable, "benchmarks/operations.py", "--requests", "30",
                          "--backlog", "10", "--repeats", "2"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert (result["requests"], result["backlog"]) == (30, 10)
    assert result["backup_mb"] > 0
