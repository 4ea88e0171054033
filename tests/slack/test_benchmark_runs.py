"""The Slack load benchmark still runs and ends with its JSON line (tiny sizes, not timed)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def test_slack_load_benchmark_prints_both_apps_and_their_ratio() -> None:
    run = subprocess.run([sys.executable, "benchmarks/slack_load.py", "--seconds", "1",
                          "--concurrency", "4", "--stored", "30", "--no-fsync"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["stored"] == 30
    assert result["bot"]["requests"] > 0 and result["bare"]["requests"] > 0
    assert result["bot"]["non_200"] == 0 and result["bare"]["non_200"] == 0
    assert result["bot"]["decisions"] > 0
    assert result["bot"]["web_api_calls"] > 0  # the status look-ups' answers at least
    assert result["throughput_ratio"] > 0
    for kind in ("bot", "bare"):
        assert result[kind]["server_cpu_ms_per_request"] > 0
        assert result[kind]["tasks_at_end"] >= 1  # the server's own serving task
    # 30 stored requests take 90 fresh approvals; what is beyond is counted, not hidden
    approvals = (result["bot"]["requests"] + 1) // 2
    assert result["bot"]["repeated_approvals"] == max(0, approvals - 90)
