"""The composition root: wires configuration, storage, the core and the channels together."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.business_days import BusinessCalendar
from bot.cases import CaseEngine
from bot.clock import SystemClock
from bot.config import AppConfig, load_config
from bot.directory import Directory
from bot.metrics import NO_METRICS, MetricsRecorder
from bot.moderation.desk import ModerationDesk
from bot.moderation.timed_screener import TimedScreener
from bot.outbox import OutboxDispatcher
from bot.ports import Channel, Clock
from bot.reminders import Reminders
from bot.services import Services
from bot.workflow import Workflow, WorkflowSettings
from storage.engine import Store
from storage.moderation_repository import StoredPostHistory, TinyDBModerationRepository
from storage.tinydb_repository import TinyDBRepository


@dataclass
class Runtime:
    """Everything one process runs: the store, the services adapters get, and the loops that
    deliver notices and send reminders."""

    config: AppConfig
    base_dir: Path
    store: Store
    repository: TinyDBRepository
    services: Services
    dispatcher: OutboxDispatcher
    reminders: Reminders

    @property
    def workflow(self) -> Workflow:
        return self.services.workflow

    @property
    def desk(self) -> ModerationDesk:
        return self.services.desk

    @property
    def channels(self) -> dict[str, Channel]:
        """The platforms attached so far: the outbox delivers through exactly these."""
        return self.services.channels

    @property
    def directory(self) -> Directory:
        return self.workflow.directory

    def storage_path(self) -> Path:
        return resolve(self.base_dir, self.config.storage.path)

    def use_metrics(self, recorder: MetricsRecorder) -> None:
        """Report decisions and screening to `recorder` from now on."""
        self.services.engine.metrics = recorder
        if isinstance(self.desk.screener, TimedScreener):
            self.desk.screener.metrics = recorder

    def close(self) -> None:
        self.store.close()


def resolve(base_dir: Path, path: str) -> Path:
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else base_dir / candidate


def build(config: AppConfig, base_dir: Path, *, channel_names: tuple[str, ...] = (),
          clock: Clock | None = None, fsync: bool = True) -> Runtime:
    """Open storage and build the core; channels are attached by the server as they start."""
    store = Store(resolve(base_dir, config.storage.path), fsync=fsync)
    repository = TinyDBRepository(store, channels=channel_names)
    clock = clock or SystemClock()
    directory = Directory(config.directory)
    engine = CaseEngine(directory=directory, clock=clock, refusals=repository)
    workflow = Workflow(directory=directory, repository=repository, clock=clock,
                        settings=workflow_settings(config), engine=engine)
    desk = build_desk(config, repository, workflow, clock)
    reminders = Reminders(workflow, repository, clock, calendar=business_calendar(config),
                          levels=config.service_levels, desk=desk)
    dispatcher = OutboxDispatcher(repository, {})
    services = Services(config=config, engine=engine, workflow=workflow, desk=desk, kv=repository,
                        ledger=repository, wake=dispatcher.wake, channels=dispatcher.channels,
                        durability=store)
    return Runtime(config=config, base_dir=base_dir, store=store, repository=repository,
                   services=services, dispatcher=dispatcher, reminders=reminders)



def business_calendar(config: AppConfig) -> BusinessCalendar:
    return BusinessCalendar(config.time_zone, closures=config.calendar.closures,
                            closed_on=config.calendar.closed_on_optional_holidays)


def build_desk(config: AppConfig, repository: TinyDBRepository, workflow: Workflow,
               clock: Clock) -> ModerationDesk:
    settings = config.moderation
    posts = TinyDBModerationRepository(repository)
    history = StoredPostHistory(posts, timedelta(days=settings.duplicate_window_days))
    screener = TimedScreener(settings, history, metrics=NO_METRICS)
    return ModerationDesk(screener=screener, repository=posts,
                          directory=workflow.directory, clock=clock,
                          removal_webhook="webhook" in repository.channels,
                          time_zone=config.time_zone, engine=workflow.engine)


def removal_webhook_ready(config: AppConfig) -> bool:
    return bool(config.publishing.removal_webhook and os.environ.get("REMOVAL_WEBHOOK_SECRET"))


def build_from_file(path: str | Path, **kwargs: object) -> Runtime:
    config, base_dir = load_config(path)
    return build(config, base_dir, **kwargs)  # type: ignore[arg-type]


def build_reader_store(config: AppConfig, base_dir: Path) -> Store:
    """The stored data, read-only: usable beside a running server."""
    return Store(resolve(base_dir, config.storage.path), read_only=True)


def build_reader(config: AppConfig, base_dir: Path) -> Workflow:
    """A read-only view of the stored requests, usable beside a running server."""
    store = build_reader_store(config, base_dir)
    return Workflow(directory=Directory(config.directory), repository=TinyDBRepository(store),
                    clock=SystemClock(), settings=workflow_settings(config))


def workflow_settings(config: AppConfig) -> WorkflowSettings:
    return WorkflowSettings(
        chains={str(name): stages for name, stages in config.workflow.chains.items()},
        programs=list(config.programs.offered),
        privacy_notice=config.privacy_notice, self_approval=config.workflow.self_approval,
        time_zone=config.time_zone, signer_fallback=config.workflow.signers.fallback,
    )
