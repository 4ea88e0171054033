"""The deployment's configuration (`app.yaml`): schema, `${ENV}` expansion and readable errors.

Every section is validated before anything starts, and cross-references inside the directory
(supervisors, directors, CCT, delegates) are checked so an error names the exact key path.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.chains import DEFAULT_CHAINS, STAGES, ChainName, validate_chain
from bot.moderation.settings import ModerationSettings

log = logging.getLogger(__name__)

PersonId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]

DEFAULT_PRIVACY_NOTICE = (
    "Notice of collection: the personal information on this form is collected under the "
    "authority of the Municipal Act, 2001, S.O. 2001, c. 25, and in accordance with the "
    "Municipal Freedom of Information and Protection of Privacy Act (MFIPPA), s. 29(2). "
    "It will be used only to evaluate and administer your request for access to the City's "
    "corporate social media accounts under Social Media Procedure ADM 140-007. Questions "
    "about this collection may be directed to the City Clerk, City of Pickering, "
    "One The Esplanade, Pickering, ON L1V 6K7, 905.683.7575."
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Department(Strict):
    id: PersonId
    name: Annotated[str, Field(min_length=1, max_length=100)]
    director: PersonId


class CCT(Strict):
    team_leader: PersonId
    members: Annotated[list[PersonId], Field(min_length=1)]


class Person(Strict):
    id: PersonId
    first_name: Annotated[str, Field(min_length=1, max_length=60)]
    last_name: Annotated[str, Field(min_length=1, max_length=60)]
    title: Annotated[str, Field(min_length=1, max_length=100)]
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    department: PersonId
    division: Annotated[str, Field(max_length=100)] = ""
    section: Annotated[str, Field(max_length=100)] = ""
    status: Literal["full_time", "part_time", "temporary"] = "full_time"
    supervisor: PersonId | None = None
    slack_id: Annotated[str, Field(pattern=r"^[UW][A-Z0-9]{2,20}$")] | None = None
    teams_id: Annotated[str, Field(min_length=1, max_length=64)] | None = None
    delegate: PersonId | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class EntraSourceConfig(Strict):
    """Microsoft Entra ID through Microsoft Graph (client credentials: the app registration
    needs the application permission User.Read.All). The secret is ENTRA_CLIENT_SECRET from the
    environment; Slack ids are looked up by e-mail with SLACK_BOT_TOKEN when `slack_lookup`."""

    enabled: bool = False
    tenant_id: str = ""
    client_id: str = ""
    daily_at: Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] = "02:30"
    # Entra's department text -> a department id of this directory (else matched by name or id)
    departments: dict[str, PersonId] = {}
    slack_lookup: bool = True
    authority_url: Annotated[str, Field(pattern=r"^https?://\S+$")] = \
        "https://login.microsoftonline.com"
    graph_url: Annotated[str, Field(pattern=r"^https?://\S+$")] = "https://graph.microsoft.com"
    timeout_seconds: Annotated[float, Field(gt=0, le=300)] = 30.0

    @model_validator(mode="after")
    def _ids_when_enabled(self) -> EntraSourceConfig:
        if self.enabled and not (self.tenant_id and self.client_id):
            raise ValueError("tenant_id and client_id are needed when enabled")
        return self


class DirectorySourcesConfig(Strict):
    """Where the directory comes from besides this file (app.yaml is always the first source;
    `socialbot directory import FILE.csv` takes a CSV export from HR at any time)."""

    entra: EntraSourceConfig = EntraSourceConfig()


class DirectoryConfig(Strict):
    departments: Annotated[list[Department], Field(min_length=1)]
    cct: CCT
    moderators: list[PersonId] = []
    people: Annotated[list[Person], Field(min_length=1)]
    sources: DirectorySourcesConfig = DirectorySourcesConfig()

    @model_validator(mode="after")
    def _references_resolve(self) -> DirectoryConfig:
        _check_directory(self)
        return self


class StorageConfig(Strict):
    path: str = "data/socialbot.json"


class ProgramsConfig(Strict):
    offered: Annotated[list[Annotated[str, Field(min_length=1, max_length=40)]],
                       Field(min_length=1)] = ["Facebook", "Twitter", "YouTube"]

    @field_validator("offered")
    @classmethod
    def _unique(cls, offered: list[str]) -> list[str]:
        if len({p.casefold() for p in offered}) != len(offered):
            raise ValueError("programs must be unique")
        return offered


class PeriodsConfig(Strict):
    """The old wall-clock periods (hours); read into `service_levels` as whole days."""

    reminder_hours: Annotated[int, Field(ge=1, le=24 * 30)] = 48
    escalation_hours: Annotated[int, Field(ge=1, le=24 * 60)] = 120


BusinessDays = Annotated[int, Field(ge=1, le=120)]
CaseLevelName = Literal["alert", "password_task", "question", "link", "review"]
DEFAULT_CASE_LEVELS: dict[CaseLevelName, int] = {"alert": 1, "password_task": 2, "question": 2,
                                                 "link": 5, "review": 10}
DEFAULT_SERVICE_LEVELS: dict[str, int] = {
    "supervisor": 2, "cct": 3, "director": 3, "sop_draft": 5, "sop_review": 5,
    "sop_director": 3,
}


class ServiceLevelsConfig(Strict):
    """Business days (the City's calendar) a stage may wait before the bot reminds whoever
    must act; then it reminds every `remind_every_business_days`, and once the stage is late
    by `escalate_after_business_days` more it tells the CCT Team Leader (a director's stage:
    `director_fallback`, when set)."""

    stages: dict[str, BusinessDays] = dict(DEFAULT_SERVICE_LEVELS)
    # case types other than requests (merged over the defaults: a key left out keeps its level)
    cases: dict[CaseLevelName, BusinessDays] = dict(
        DEFAULT_CASE_LEVELS)
    remind_every_business_days: BusinessDays = 1
    escalate_after_business_days: BusinessDays = 3
    director_fallback: PersonId | None = None

    @field_validator("stages")
    @classmethod
    def _known_stages(cls, stages: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(stages) - set(STAGES))
        if unknown:
            raise ValueError(f"unknown stage {unknown[0]!r} (known: {', '.join(STAGES)})")
        return {**DEFAULT_SERVICE_LEVELS, **stages}

    @field_validator("cases")
    @classmethod
    def _all_case_types(cls, cases: dict[CaseLevelName, int]) -> dict[CaseLevelName, int]:
        return {**DEFAULT_CASE_LEVELS, **cases}

    @classmethod
    def from_periods(cls, periods: PeriodsConfig) -> ServiceLevelsConfig:
        level = -(-periods.reminder_hours // 24)
        late = max(1, -(-periods.escalation_hours // 24) - level)
        return cls(stages=dict.fromkeys(STAGES, level), escalate_after_business_days=late,
                   cases={**DEFAULT_CASE_LEVELS, "alert": level})


class CalendarConfig(Strict):
    """Days the City is closed beyond weekends and Ontario's statutory holidays."""

    closures: list[date] = []
    # Ontario optional holidays (as the `holidays` library names them) the City closes on.
    closed_on_optional_holidays: list[Annotated[str, Field(min_length=1, max_length=60)]] = [
        "Civic Holiday"]


class SignersConfig(Strict):
    # Who signs a stage whose usual signer may not (the requester, someone who signed another
    # stage of the request, or, for the director's approval, someone who reports to the
    # requester): "line_above" tries the usual signer's own line above, then the other directors,
    # then the CCT; "cct_team_leader" tries the CCT Team Leader and the CCT first.
    fallback: Literal["line_above", "cct_team_leader"] = "line_above"


class WorkflowConfig(Strict):
    chains: dict[ChainName, list[str]] = dict(DEFAULT_CHAINS)
    # When the only eligible approver is the requester (a director's own request):
    # "escalate" hands the stage to their delegate or, failing that, their own supervisor;
    # "refuse" refuses to file the request and says why.
    self_approval: Literal["escalate", "refuse"] = "escalate"
    signers: SignersConfig = SignersConfig()

    @field_validator("chains")
    @classmethod
    def _chains_valid(cls, chains: dict[ChainName, list[str]]) -> dict[ChainName, list[str]]:
        for name, stages in chains.items():
            validate_chain(name, stages)
        return {**DEFAULT_CHAINS, **chains}


class DashboardConfig(Strict):
    """The web dashboard: how long a one-time link and the session it starts last (minutes)."""

    session_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 60
    link_minutes: Annotated[int, Field(ge=1, le=60)] = 5
    # The address people open the dashboard at (links asked for in Slack and Teams, and by
    # `socialbot dashboard-link` without --url); unset: http://server.host:server.port.
    base_url: Annotated[str, Field(pattern=r"^https?://[^\s/?#]+(/[^\s?#]*)?$",
                                   max_length=200)] | None = None


class ServerConfig(Strict):
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=1, le=65535)] = 3978
    # /readyz fails when a notice has been due this long without being sent (a stuck outbox).
    readiness_outbox_seconds: Annotated[int, Field(ge=10, le=86_400)] = 300


class ConsoleConfig(Strict):
    # Reject, withdraw, reassign and ban ask "Go ahead?" first; scripts may turn that off.
    confirm: bool = True


class SlackConfig(Strict):
    command: Annotated[str, Field(pattern=r"^/[a-z0-9_-]{1,31}$")] = "/socialmedia"
    api_url: str = "https://slack.com/api/"
    cct_channel: str | None = None
    moderation_channel: str | None = None


class TeamsConfig(Strict):
    tenant_id: str | None = None
    cct_channel: str | None = None
    moderation_channel: str | None = None
    allow_local_mode_on_network: bool = False


class IntakeConfig(Strict):
    """POST /api/moderation/posts: authenticated by MODERATION_INTAKE_TOKEN (bearer) or
    MODERATION_INTAKE_SECRET (HMAC-SHA256 of the body), both from the environment."""

    max_batch: Annotated[int, Field(ge=1, le=5000)] = 500
    max_text_chars: Annotated[int, Field(ge=100, le=100_000)] = 10_000
    max_body_bytes: Annotated[int, Field(ge=1024, le=50 * 1024 * 1024)] = 4 * 1024 * 1024


class PublishingConfig(Strict):
    """The publishing side: where a moderator's Remove is sent (signed with
    REMOVAL_WEBHOOK_SECRET from the environment)."""

    removal_webhook: Annotated[str, Field(pattern=r"^(https?://\S+)?$")] = ""
    timeout_seconds: Annotated[float, Field(gt=0, le=60)] = 10.0


class LinksConfig(Strict):
    """The weekly check of links in the City's own posts and links the CCT registers (04.02 l)."""

    check_every_days: Annotated[int, Field(ge=1, le=90)] = 7
    timeout_seconds: Annotated[float, Field(gt=0, le=120)] = 10.0
    max_redirects: Annotated[int, Field(ge=0, le=30)] = 5
    per_host_seconds: Annotated[float, Field(ge=0, le=60)] = 1.0
    recheck_after_seconds: Annotated[float, Field(ge=0, le=86400)] = 600.0
    max_links_per_post: Annotated[int, Field(ge=1, le=100)] = 20


class ReviewsConfig(Strict):
    """Current information (04.02 n): how often each account's users confirm it is current."""

    every_days: Annotated[int, Field(ge=7, le=730)] = 91
    # Per account (its id AC-n or its handle), e.g. {AC-3: 30} for a busy page.
    accounts: dict[Annotated[str, Field(min_length=1, max_length=300)],
                   Annotated[int, Field(ge=7, le=730)]] = {}


class RetentionConfig(Strict):
    """How long the bot keeps what it no longer needs (MFIPPA; the City's records by-law)."""

    closed_case_personal_days: Annotated[int, Field(ge=1, le=36500)] = 730
    moderation_post_days: Annotated[int, Field(ge=1, le=36500)] = 365
    log_days: Annotated[int, Field(ge=1, le=36500)] = 90


class AppConfig(Strict):
    city: str = "City of Pickering"
    time_zone: str = "America/Toronto"
    privacy_notice: Annotated[str, Field(min_length=40, max_length=2500)] = DEFAULT_PRIVACY_NOTICE
    directory: DirectoryConfig
    programs: ProgramsConfig = ProgramsConfig()
    workflow: WorkflowConfig = WorkflowConfig()
    periods: PeriodsConfig | None = None  # before service_levels; read as whole days
    service_levels: ServiceLevelsConfig = ServiceLevelsConfig()
    calendar: CalendarConfig = CalendarConfig()
    storage: StorageConfig = StorageConfig()
    server: ServerConfig = ServerConfig()
    dashboard: DashboardConfig = DashboardConfig()
    console: ConsoleConfig = ConsoleConfig()
    slack: SlackConfig = SlackConfig()
    teams: TeamsConfig = TeamsConfig()
    intake: IntakeConfig = IntakeConfig()
    publishing: PublishingConfig = PublishingConfig()
    moderation: ModerationSettings = ModerationSettings()
    links: LinksConfig = LinksConfig()
    retention: RetentionConfig = RetentionConfig()
    reviews: ReviewsConfig = ReviewsConfig()

    @model_validator(mode="after")
    def _read_old_periods(self) -> AppConfig:
        if self.periods is None:
            return self
        if "service_levels" in self.model_fields_set:
            raise ValueError("periods: replaced by service_levels (business days); "
                             "remove periods")
        levels = ServiceLevelsConfig.from_periods(self.periods)
        log.warning("periods (hours) is read as service_levels in business days: every stage "
                    "%d, escalating %d business days later; move it to service_levels",
                    levels.stages["supervisor"], levels.escalate_after_business_days)
        object.__setattr__(self, "service_levels", levels)
        return self

    @model_validator(mode="after")
    def _fallback_known(self) -> AppConfig:
        fallback = self.service_levels.director_fallback
        if fallback is not None and fallback not in {p.id for p in self.directory.people}:
            raise ValueError(f"service_levels.director_fallback: unknown person {fallback!r}")
        return self

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, zone: str) -> str:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {zone!r}") from None
        return zone


class ConfigError(Exception):
    """The configuration cannot be used; the message names every problem and its key path."""


def load_config(path: str | Path) -> tuple[AppConfig, Path]:
    """Read, expand and validate `path`; returns the config and the directory it lives in."""
    config_path = Path(path)
    try:
        text = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{config_path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{config_path}: cannot read: {error}") from None
    return parse_config(text, source=str(config_path)), config_path.resolve().parent


def parse_config(text: str, *, source: str = "app.yaml",
                 environ: Mapping[str, str] | None = None) -> AppConfig:
    """Validate `text`, after `${NAME}` expansion and SOCIALBOT__SECTION__KEY overrides."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigError(f"{source}: not valid YAML: {error}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: the top level must be a mapping of sections")
    expanded = _expand_env(raw, path="")
    overridden = apply_overrides(expanded, os.environ if environ is None else environ)
    try:
        return AppConfig.model_validate(expanded)
    except ValidationError as error:
        raise ConfigError(_describe(error, source, overridden)) from None


OVERRIDE_PREFIX = "SOCIALBOT__"


def apply_overrides(raw: dict[str, Any], environ: Mapping[str, str]) -> dict[str, str]:
    """Set every `SOCIALBOT__A__B=value` as key `a.b` of `raw` (containers configure this way).

    Keys are the variable's parts in lower case, joined by double underscores. The value is
    taken as text and validated like the file's, except that a YAML list or mapping
    (`[Facebook, YouTube]`) is read as one. Returns each overridden key path and its variable.
    """
    overridden: dict[str, str] = {}
    for name in sorted(environ):
        if not name.startswith(OVERRIDE_PREFIX):
            continue
        keys = name.removeprefix(OVERRIDE_PREFIX).lower().split("__")
        if not all(keys):
            raise ConfigError(f"{name}: expected {OVERRIDE_PREFIX}SECTION__KEY, e.g. "
                              f"{OVERRIDE_PREFIX}SERVER__PORT")
        section = raw
        for depth, key in enumerate(keys[:-1]):
            child = section.setdefault(key, {})
            if not isinstance(child, dict):
                where = ".".join(keys[: depth + 1])
                raise ConfigError(f"{name}: {where} is a single value, not a section")
            section = child
        section[keys[-1]] = _override_value(environ[name])
        overridden[".".join(keys)] = name
    return overridden


def _override_value(text: str) -> Any:
    if text.lstrip().startswith(("[", "{")):
        try:
            parsed = yaml.safe_load(text)
        except yaml.YAMLError:
            return text
        if isinstance(parsed, list | dict):
            return parsed
    return text


_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


def _expand_env(value: Any, *, path: str) -> Any:
    if isinstance(value, dict):
        return {k: _expand_env(v, path=f"{path}.{k}" if path else str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand_env(v, path=f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, str):
        return _ENV.sub(lambda m: _env_value(m, path), value)
    return value


def _env_value(match: re.Match[str], path: str) -> str:
    name, default = match.group(1), match.group(2)
    if name in os.environ:
        return os.environ[name]
    if default is not None:
        return default
    raise ConfigError(f"{path}: environment variable {name} is not set")


def _describe(error: ValidationError, source: str,
              overridden: Mapping[str, str] | None = None) -> str:
    lines: list[str] = []
    for item in error.errors():
        location = _key_path(item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        variable = _overriding(location, overridden or {})
        if variable:
            message += f" (set by {variable})"
        if not location or message.startswith(location):
            lines.append(f"  {message}")
        else:
            lines.append(f"  {location}: {message}")
    count = sum(line.count("\n  ") + 1 for line in lines)
    return "\n".join([f"{source}: {count} problem{'s' if count > 1 else ''}", *lines])


def _overriding(location: str, overridden: Mapping[str, str]) -> str | None:
    """The environment variable behind `location`, when one set it or a section above it."""
    for path, variable in overridden.items():
        if location == path or location.startswith((f"{path}.", f"{path}[")):
            return variable
    return None


def _key_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


class _DirectoryProblem(ValueError):
    pass


def _check_directory(directory: DirectoryConfig) -> None:
    """Cross-references are checked here so the error can carry the exact key path."""
    problems: list[str] = []
    people = {p.id: p for p in directory.people}
    departments = {d.id for d in directory.departments}
    seen: set[str] = set()
    for i, person in enumerate(directory.people):
        where = f"directory.people[{i}]"
        if person.id in seen:
            problems.append(f"{where}.id: duplicate person id {person.id!r}")
        seen.add(person.id)
        if person.department not in departments:
            problems.append(f"{where}.department: unknown department {person.department!r}")
        for key in ("supervisor", "delegate"):
            ref = getattr(person, key)
            if ref is not None and ref not in people:
                problems.append(f"{where}.{key}: unknown person {ref!r}")
            elif ref == person.id:
                problems.append(f"{where}.{key}: a person cannot be their own {key}")
    problems += _unique_platform_ids(directory.people)
    problems += _supervisor_cycles(people)
    for i, dept in enumerate(directory.departments):
        if dept.director not in people:
            problems.append(
                f"directory.departments[{i}].director: unknown person {dept.director!r}")
    if len({d.id for d in directory.departments}) != len(directory.departments):
        problems.append("directory.departments: department ids must be unique")
    if directory.cct.team_leader not in people:
        problems.append(f"directory.cct.team_leader: unknown person {directory.cct.team_leader!r}")
    elif directory.cct.team_leader not in directory.cct.members:
        problems.append("directory.cct.team_leader: the team leader must be one of the members")
    for i, member in enumerate(directory.cct.members):
        if member not in people:
            problems.append(f"directory.cct.members[{i}]: unknown person {member!r}")
    for i, moderator in enumerate(directory.moderators):
        if moderator not in people:
            problems.append(f"directory.moderators[{i}]: unknown person {moderator!r}")
    for name, department in directory.sources.entra.departments.items():
        if department not in departments:
            problems.append(f"directory.sources.entra.departments[{name!r}]: unknown "
                            f"department {department!r}")
    if problems:
        # Pydantic prefixes the model's location; the message carries the full paths itself.
        raise _DirectoryProblem("\n  ".join(problems))


def _unique_platform_ids(people: list[Person]) -> list[str]:
    problems: list[str] = []
    for key in ("slack_id", "teams_id"):
        owners: dict[str, int] = {}
        for i, person in enumerate(people):
            value = getattr(person, key)
            if value is None:
                continue
            if value in owners:
                problems.append(
                    f"directory.people[{i}].{key}: {value!r} already belongs to "
                    f"directory.people[{owners[value]}]"
                )
            owners[value] = i
    return problems


def _supervisor_cycles(people: dict[str, Person]) -> list[str]:
    for start in people:
        seen = {start}
        current = people[start].supervisor
        while current is not None and current in people:
            if current in seen:
                return [f"directory.people: supervisor chain of {start!r} loops back on itself"]
            seen.add(current)
            current = people[current].supervisor
    return []
