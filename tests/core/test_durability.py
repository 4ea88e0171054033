"""kill -9 at random moments never loses an acknowledged decision nor leaves an unreadable file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import parse_config
from socialbot.bootstrap import build
from tests.support import ROOT, SAMPLE_CONFIG


def _run_and_kill(base_dir: Path, after: float, *options: str) -> list[tuple[str, int]]:
    """Kill the writer `after` seconds into its writing: the clock starts at its first ack,
    not at its start, whose imports take from one to several seconds by the machine."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.core.durability_writer", str(base_dir), *options],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert writer.stdout is not None
    first = writer.stdout.readline()  # blocks until the first decision is on disk (or exit)
    time.sleep(after)
    writer.send_signal(signal.SIGKILL)
    out, err = writer.communicate()
    acks = [line.split() for line in (first + out).splitlines() if line.startswith("ACK ")]
    assert acks or "Traceback" not in err, err
    return [(request_id, int(step)) for _, request_id, step in acks]


@pytest.mark.parametrize("options", [(), ("compact",)], ids=["journal", "compacting"])
def test_sigkill_at_random_points_keeps_every_acknowledged_decision(
        tmp_path: Path, options: tuple[str, ...]) -> None:
    # "compacting": the writer's store compacts beside its commits all the time, so the kills
    # land inside compactions too (snapshot written, journal not yet swapped, and so on).
    rng = random.Random(20261124)
    config = parse_config(SAMPLE_CONFIG.read_text())
    acknowledged: dict[str, int] = {}
    for _ in range(8):
        for request_id, step in _run_and_kill(tmp_path, rng.uniform(0.0, 1.0), *options):
            acknowledged[request_id] = max(step, acknowledged.get(request_id, 0))
        bot = build(config, tmp_path)  # opens cleanly: no lock left, file readable
        try:
            for request_id, step in acknowledged.items():
                stored = bot.workflow.get(request_id)
                assert stored.step >= step, f"{request_id} lost an acknowledged decision"
                assert [h.seq for h in stored.history] == list(range(1, len(stored.history) + 1))
        finally:
            bot.close()
    assert len(acknowledged) > 8, "the writer barely ran; the test proved nothing"
