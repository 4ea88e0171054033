"""Shared fixtures: the sample directory from app.yaml, on storage private to each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import AppConfig, parse_config
from bot.workflow import Workflow
from socialbot.bootstrap import Runtime, build
from tests.support import SAMPLE_CONFIG, FixedClock


@pytest.fixture
def sample_config() -> AppConfig:
    return parse_config(SAMPLE_CONFIG.read_text(), source="app.yaml")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def bot(tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> Iterator[Runtime]:
    built = build(sample_config, tmp_path, clock=clock)
    yield built
    built.close()


@pytest.fixture
def workflow(bot: Runtime) -> Workflow:
    return bot.workflow
