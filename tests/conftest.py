"""Shared fixtures: the sample directory from app.yaml, on storage private to each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cases import CaseEngine
from bot.config import AppConfig, parse_config
from bot.directory import Directory
from bot.moderation import Screener
from bot.moderation.desk import ModerationDesk
from bot.workflow import Workflow
from socialbot.bootstrap import Runtime, build, workflow_settings
from storage.memory import MemoryModerationRepository, MemoryRepository
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


@pytest.fixture
def memory_workflow(sample_config: AppConfig, clock: FixedClock) -> Workflow:
    """The same workflow and engine on the in-memory stores (storage/memory.py): for fast core
    tests; tests/contract holds both stores to the same contract."""
    repository = MemoryRepository(channels=("slack", "teams"))
    directory = Directory(sample_config.directory)
    engine = CaseEngine(directory=directory, clock=clock, refusals=repository)
    return Workflow(directory=directory, repository=repository, clock=clock,
                    settings=workflow_settings(sample_config), engine=engine)


@pytest.fixture
def memory_desk(sample_config: AppConfig, clock: FixedClock,
                memory_workflow: Workflow) -> ModerationDesk:
    """The moderation desk on the in-memory stores, sharing memory_workflow's engine."""
    requests = memory_workflow.repository
    assert isinstance(requests, MemoryRepository)
    return ModerationDesk(screener=Screener(sample_config.moderation),
                          repository=MemoryModerationRepository(requests),
                          directory=memory_workflow.directory, clock=clock,
                          time_zone=sample_config.time_zone, engine=memory_workflow.engine)
