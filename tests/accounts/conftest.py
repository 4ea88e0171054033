"""The runtime on TinyDB with the console's channel on (its notices go through the outbox)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import AppConfig
from socialbot.bootstrap import Runtime, build
from tests.support import FixedClock


@pytest.fixture
def bot(tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> Iterator[Runtime]:
    built = build(sample_config, tmp_path, clock=clock, channel_names=("console",), fsync=False)
    yield built
    built.close()
