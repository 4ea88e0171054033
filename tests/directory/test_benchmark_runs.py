"""The directory import benchmark still runs and ends with its JSON line (small, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def test_directory_import_benchmark_prints_its_figures() -> None:
    run = subprocess.run([sys.executable, "benchmarks/directory_import.py", "--people", "300",
                          "--hostile", "50001"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["people"] == 300 and result["hostile_refused"] is True
    assert "300 added" in run.stdout
