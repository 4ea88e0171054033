"""The composition root: wires configuration, storage, the core and the channels together."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.account_recipients import AccountRecipients, RegisterRecipients
from bot.accounts import AccountRegister, AccountStore
from bot.business_days import BusinessCalendar
from bot.cases import CaseEngine
from bot.clock import SystemClock
from bot.clock_commands import ClockCommands
from bot.config import AppConfig, LinksConfig, Person, load_config
from bot.directory import Directory
from bot.directory_sync import DirectoryKeeper
from bot.grants import AccessGrants
from bot.links import BrokenLink, LinkChecker, LinkOutcome, LinkProbe
from bot.metrics import NO_METRICS, MetricsRecorder
from bot.moderation.desk import ModerationDesk
from bot.moderation.timed_screener import TimedScreener
from bot.offboarding import Offboarding
from bot.outbox import OutboxDispatcher
from bot.ports import Channel, Clock
from bot.questions import Question, QuestionDesk
from bot.reminders import Reminders
from bot.reviews import AccountReview, AccountReviews
from bot.services import Services
from bot.tasks import PasswordTasks
from bot.time_away import TimeAway
from bot.workflow import Workflow, WorkflowSettings
from storage.accounts_repository import TinyDBAccountStore
from storage.case_tables import (
    ACCOUNT_REVIEWS,
    BROKEN_LINKS,
    QUESTIONS,
    TinyDBCaseRepository,
    TinyDBLinkStore,
)
from storage.directory_repository import TinyDBDirectoryRepository
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
    clocks: Clocks

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
    register, tasks, offboarding, grants = build_accounts(
        config, TinyDBAccountStore(repository), workflow, clock)
    reminders.tasks, reminders.offboarding, reminders.grants = tasks, offboarding, grants
    services = Services(config=config, engine=engine, workflow=workflow, desk=desk, kv=repository,
                        ledger=repository, wake=dispatcher.wake, accounts=register, tasks=tasks,
                        offboarding=offboarding, grants=grants, channels=dispatcher.channels,
                        durability=store, keep_pace=dispatcher.keep_pace)
    clocks = build_clocks(config, repository, engine, clock, reminders, register)
    services.questions = clocks.questions
    services.clock_commands = ClockCommands(questions=clocks.questions, links=clocks.links,
                                            reviews=clocks.reviews)
    attach_directory(services, config, store, repository, clock)
    return Runtime(config=config, base_dir=base_dir, store=store, repository=repository,
                   services=services, dispatcher=dispatcher, reminders=reminders, clocks=clocks)


# -- the procedure's clocks: citizens' questions, the weekly link check, retention ------------

class LazyHttpProbe:
    """The link check's aiohttp client, imported at the first check: a process that never
    checks links (the CLI, the console) does not pay for importing it."""

    def __init__(self, settings: LinksConfig) -> None:
        self.settings = settings
        self._probe: LinkProbe | None = None

    async def check(self, urls: Sequence[str]) -> dict[str, LinkOutcome]:
        if self._probe is None:
            from adapters.linkcheck.http import HttpLinkProbe

            self._probe = HttpLinkProbe(timeout_seconds=self.settings.timeout_seconds,
                                        max_redirects=self.settings.max_redirects,
                                        per_host_seconds=self.settings.per_host_seconds)
        return await self._probe.check(urls)


@dataclass
class Clocks:
    """The case types on the City's calendar besides requests and alerts (issue 12)."""

    recipients: AccountRecipients
    links: LinkChecker
    link_cases: TinyDBCaseRepository[BrokenLink]
    questions: QuestionDesk
    question_cases: TinyDBCaseRepository[Question]
    reviews: AccountReviews
    review_cases: TinyDBCaseRepository[AccountReview]


def build_clocks(config: AppConfig, repository: TinyDBRepository, engine: CaseEngine,
                 clock: Clock, reminders: Reminders, register: AccountRegister) -> Clocks:
    recipients = RegisterRecipients(register)
    settings = config.links
    link_cases = TinyDBCaseRepository(repository, table=BROKEN_LINKS, prefix="L",
                                      from_record=BrokenLink.from_record)
    probe = LazyHttpProbe(settings)
    links = LinkChecker(store=TinyDBLinkStore(repository), repository=link_cases, probe=probe,
                        recipients=recipients, engine=engine, clock=clock,
                        time_zone=config.time_zone,
                        recheck_after_seconds=settings.recheck_after_seconds,
                        check_every=timedelta(days=settings.check_every_days),
                        max_links_per_post=settings.max_links_per_post)
    question_cases = TinyDBCaseRepository(repository, table=QUESTIONS, prefix="Q",
                                          from_record=Question.from_record)
    questions = QuestionDesk(repository=question_cases, recipients=recipients, engine=engine,
                             clock=clock, calendar=reminders.calendar,
                             time_zone=config.time_zone, kv=repository)
    review_cases = TinyDBCaseRepository(repository, table=ACCOUNT_REVIEWS, prefix="V",
                                        from_record=AccountReview.from_record)
    reviews = AccountReviews(
        repository=review_cases, register=register, engine=engine, clock=clock,
        time_zone=config.time_zone, every=timedelta(days=config.reviews.every_days),
        overrides={k: timedelta(days=v) for k, v in config.reviews.accounts.items()})
    reminders.clocked += [links, questions, reviews]
    reminders.schedulers.append(reviews.open_due)
    return Clocks(recipients=recipients, links=links, link_cases=link_cases,
                  questions=questions, question_cases=question_cases, reviews=reviews,
                  review_cases=review_cases)


def build_accounts(config: AppConfig, store: AccountStore, workflow: Workflow,
                   clock: Clock
                   ) -> tuple[AccountRegister, PasswordTasks, Offboarding, AccessGrants]:
    """The account register, password tasks, offboarding and the record of approved
    requests' accounts, on the workflow's engine."""
    engine = workflow.engine
    register = AccountRegister(directory=workflow.directory, store=store, clock=clock,
                               sign=engine.sign)
    tasks = PasswordTasks(directory=workflow.directory, store=store, clock=clock, engine=engine,
                          register=register, time_zone=config.time_zone)
    offboarding = Offboarding(directory=workflow.directory, store=store, clock=clock,
                              engine=engine, workflow=workflow, register=register, tasks=tasks,
                              time_zone=config.time_zone)
    grants = AccessGrants(directory=workflow.directory, repository=store.grants, clock=clock,
                          engine=engine, workflow=workflow, register=register,
                          time_zone=config.time_zone)
    workflow.after_decide += [grants.on_decided, offboarding.on_request_moved]
    return register, tasks, offboarding, grants


def attach_directory(services: Services, config: AppConfig, store: Store,
                     repository: TinyDBRepository, clock: Clock) -> None:
    """The directory the bot keeps (app.yaml's people, then its sources') and time away;
    a person gone from a source becomes an offboarding proposal for the CCT to confirm."""
    people = TinyDBDirectoryRepository(store)
    services.directory_keeper = DirectoryKeeper(
        workflow=services.workflow, repository=people, requests=repository, clock=clock,
        config_people=config.directory.people, offboarding=services.offboarding)
    services.time_away = TimeAway(workflow=services.workflow, repository=people,
                                  requests=repository, clock=clock,
                                  calendar=business_calendar(config), tasks=services.tasks)


def stored_directory(config: AppConfig, store: Store) -> Directory:
    """The directory as kept in `store` (read-only use: export, audit, the console's --as)."""
    directory = Directory(config.directory)
    people = TinyDBDirectoryRepository(store)
    stored = people.stored_people()
    if stored:
        merged = {p.id: p for p in config.directory.people}
        merged.update({pid: Person.model_validate(f) for pid, f in stored.items()})
        directory.replace_people(merged.values())
    directory.gone = people.gone_people()
    return directory


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
    return Workflow(directory=stored_directory(config, store), repository=TinyDBRepository(store),
                    clock=SystemClock(), settings=workflow_settings(config))


def build_account_reader(config: AppConfig, base_dir: Path
                         ) -> tuple[AccountRegister, PasswordTasks]:
    """A read-only view of the register and the password tasks, usable beside a server."""
    repository = TinyDBRepository(build_reader_store(config, base_dir))
    directory = Directory(config.directory)
    clock = SystemClock()
    engine = CaseEngine(directory=directory, clock=clock, refusals=repository)
    store = TinyDBAccountStore(repository)
    register = AccountRegister(directory=directory, store=store, clock=clock, sign=engine.sign)
    tasks = PasswordTasks(directory=directory, store=store, clock=clock, engine=engine,
                          register=register, time_zone=config.time_zone)
    return register, tasks


def workflow_settings(config: AppConfig) -> WorkflowSettings:
    return WorkflowSettings(
        chains={str(name): stages for name, stages in config.workflow.chains.items()},
        programs=list(config.programs.offered),
        privacy_notice=config.privacy_notice, self_approval=config.workflow.self_approval,
        time_zone=config.time_zone, signer_fallback=config.workflow.signers.fallback,
    )


def build_directory_reader(config: AppConfig, base_dir: Path) -> tuple[DirectoryKeeper, Store]:
    """The directory as kept, read-only (a dry run beside a running server); close the store."""
    store = build_reader_store(config, base_dir)
    repository = TinyDBRepository(store)
    workflow = Workflow(directory=Directory(config.directory), repository=repository,
                        clock=SystemClock(), settings=workflow_settings(config))
    keeper = DirectoryKeeper(workflow=workflow, repository=TinyDBDirectoryRepository(store),
                             requests=repository, clock=SystemClock(),
                             config_people=config.directory.people)
    return keeper, store
