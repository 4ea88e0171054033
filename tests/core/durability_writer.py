"""Run by test_durability in a subprocess: file and approve requests, print an ack per decision
(with `compact`, while the store compacts again and again beside the commits)."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import parse_config
from bot.workflow import Actor, Move
from socialbot.bootstrap import build
from storage import engine
from tests.support import SAMPLE_CONFIG, valid_form


def main(base_dir: str, compact: bool = False) -> None:
    if compact:  # fold the journal into the snapshot (beside the commits) all the time
        engine.COMPACT_MIN_BYTES, engine.COMPACT_GROWTH = 1, 0
    bot = build(parse_config(SAMPLE_CONFIG.read_text()), Path(base_dir))
    workflow = bot.workflow
    while True:
        request = workflow.submit(Actor("adoe", "console"), valid_form())
        print(f"ACK {request.id} {request.step}", flush=True)
        for person in ("msmith", "kwong", "pbrown"):
            request = workflow.decide(Actor(person, "console"), request.id, Move("approve"))
            print(f"ACK {request.id} {request.step}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], compact=sys.argv[2:] == ["compact"])
