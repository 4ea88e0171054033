"""The fuzzing and kill benchmarks still run and end with their JSON line (tiny sizes)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import ROOT


def last_json_line(*args: str) -> dict[str, object]:
    run = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_fuzz_benchmark_counts_answers_by_status() -> None:
    result = last_json_line("benchmarks/fuzz_endpoints.py", "--examples", "20",
                            "--endpoints", "intake,teams_local_mode")
    endpoints = result["endpoints"]
    assert isinstance(endpoints, dict)
    for figures in endpoints.values():
        assert figures["requests"] == 20 and sum(figures["statuses"].values()) == 20
    assert result["server_errors"] == 0


def test_the_kill_benchmark_counts_copies_with_and_without_the_history_check() -> None:
    result = last_json_line("benchmarks/notice_kill_test.py", "--requests", "3",
                            "--max-kills", "2")
    for mode in ("with_check", "without_check"):
        figures = result[mode]
        assert isinstance(figures, dict) and figures["notices"] == 6
    assert result["with_check"]["repeated_copies"] == 0  # type: ignore[index]
