"""What the dashboard shows one person: tables of strings (the CSV is the same rows) and the
charts drawn from them. Who sees what is the core's answer: `may_view` per case, the
directory's roles for the moderation desk."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from adapters.dashboard import messages
from bot.domain import SocialMediaRequest
from bot.moderation.desk import CASE_TYPE as ALERT_TYPE
from bot.moderation.desk import Alert
from bot.services import Services
from bot.workflow import CASE_TYPE as REQUEST_TYPE

MAX_WAITING_ROWS = 200
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
OUTCOMES = ("approved", "rejected", "withdrawn")
ACTIONS = (("remove", "removed"), ("keep", "kept"), ("ban", "banned"),
           ("escalate", "escalated"))
ACTION_NAMES = frozenset(a for a, _ in ACTIONS)


class Archive(Protocol):
    """Every case, open and closed: the storage's read side for reports."""

    def all_requests(self) -> Sequence[SocialMediaRequest]: ...

    def all_alerts(self) -> Sequence[Alert]: ...

    def bans(self) -> list[dict[str, str]]: ...

    def generation(self) -> tuple[int, int]:
        """Changes whenever a request, an alert or a ban is written."""
        ...


@dataclass
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""
    marked: set[int] = field(default_factory=set)  # row indexes to highlight


@dataclass
class Chart:
    title: str
    labels: list[str]
    series: list[tuple[str, list[float]]]
    table: Table


@dataclass
class Section:
    title: str
    notes: list[str]
    charts: list[Chart]
    tables: list[Table]


@dataclass
class Page:
    person_name: str
    scope: str
    sections: list[Section]

    def table(self, table_id: str) -> Table | None:
        for section in self.sections:
            for table in [*section.tables, *(c.table for c in section.charts)]:
                if table.id == table_id:
                    return table
        return None


@dataclass(frozen=True)
class RequestFacts:
    """What the reports need from one version of a request, worked out once."""

    department: str
    filed_month: str
    moves: tuple[tuple[str, str, float], ...]   # (month, stage, business days spent)
    closed: tuple[str, float] | None            # (month, business days end to end)
    since: datetime                             # when it reached the person holding it


@dataclass(frozen=True)
class AlertFacts:
    week: str
    labels: tuple[str, ...]
    learned: bool
    acts: tuple[tuple[str, str, float], ...]    # (moderator, action, hours after the flag)


@dataclass
class ReportCache:
    """Facts and the core's visibility answer per case version: a case is worked out again
    only when it changes, so a render costs a pass over small tuples."""

    requests: dict[str, tuple[int, RequestFacts]] = field(default_factory=dict)
    alerts: dict[str, tuple[int, AlertFacts]] = field(default_factory=dict)
    visible: dict[tuple[str, str], tuple[int, bool]] = field(default_factory=dict)
    # Per person: what their page summarises, as of a store generation.
    summaries: dict[str, tuple[int, Summary]] = field(default_factory=dict)
    desks: dict[str, tuple[int, Section]] = field(default_factory=dict)

    def may_view(self, kind: str, case: SocialMediaRequest | Alert, person_id: str,
                 services: Services) -> bool:
        key = (person_id, case.id)
        known = self.visible.get(key)
        if known is not None and known[0] == case.version:
            return known[1]
        answer = services.engine.may_view(kind, case, person_id)
        self.visible[key] = (case.version, answer)
        return answer


@dataclass
class Summary:
    """One person's view of the whole store: all but the waiting times, which run with the
    clock and are measured at each render for the rows shown."""

    waiting: list[tuple[datetime, int, SocialMediaRequest, RequestFacts]]
    charts: list[Chart]
    tables: list[Table]


def build_page(services: Services, archive: Archive, person_id: str,
               now: datetime, cache: ReportCache | None = None) -> Page:
    cache = cache or ReportCache()
    directory = services.directory
    person = directory.person(person_id)
    moderation = services.desk.is_moderator_or_cct(person_id)
    scope = (messages.SCOPE_ALL if directory.is_cct(person_id) else
             messages.SCOPE_MODERATOR if moderation else messages.SCOPE_REQUESTS)
    # Requests and moderation change apart (posts arrive all day): each is summarised again
    # only when its own part of the store has changed.
    requests_generation, moderation_generation = archive.generation()
    known = cache.summaries.get(person_id)
    if known is None or known[0] != requests_generation:
        requests = [r for r in archive.all_requests()
                    if cache.may_view(REQUEST_TYPE, r, person_id, services)]
        known = cache.summaries[person_id] = (
            requests_generation, request_summary(services, requests, cache))
    sections = [requests_section(services, known[1], now)]
    if moderation:
        desk = cache.desks.get(person_id)
        if desk is None or desk[0] != moderation_generation:
            alerts = [a for a in archive.all_alerts()
                      if cache.may_view(ALERT_TYPE, a, person_id, services)]
            desk = cache.desks[person_id] = (moderation_generation, moderation_section(
                services, alerts, archive.bans(), cache))
        sections.append(desk[1])
    return Page(person.full_name, scope, sections)


# -- business days ------------------------------------------------------------------------------

def business_days(start: datetime, end: datetime, zone: tzinfo) -> float:
    """Days between two moments counting Monday to Friday only, in the City's time zone."""
    s, e = start.astimezone(zone).replace(tzinfo=None), end.astimezone(zone).replace(tzinfo=None)
    if e <= s:
        return 0.0
    first, last = s.date(), e.date()
    if first == last:
        return (e - s) / DAY if first.weekday() < 5 else 0.0
    head = (_midnight(first + DAY) - s) / DAY if first.weekday() < 5 else 0.0
    tail = (e - _midnight(last)) / DAY if last.weekday() < 5 else 0.0
    return head + _weekdays(first + DAY, last) + tail


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _weekdays(first: date, stop: date) -> int:
    """Weekdays in [first, stop)."""
    weeks, rest = divmod((stop - first).days, 7)
    start = first.weekday()
    return weeks * 5 + sum(1 for i in range(rest) if (start + i) % 7 < 5)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return values[max(0, math.ceil(share * len(values)) - 1)]


def _days(value: float) -> str:
    return f"{value:.1f}"


# -- requests -----------------------------------------------------------------------------------

def request_facts(services: Services, request: SocialMediaRequest, zone: tzinfo) -> RequestFacts:
    directory = services.directory
    found = directory.find(request.requester_id)
    department = (directory.department_name(found.department) if found
                  else request.employee.department)
    moves = []
    previous = request.created_at
    for entry in request.history:
        if entry.action == "submit":
            continue
        moves.append((_month(entry.at, zone), entry.stage,
                      business_days(previous, entry.at, zone)))
        previous = entry.at
    closed = None
    if request.is_final and request.history:
        last = request.history[-1].at
        closed = (_month(last, zone), business_days(request.created_at, last, zone))
    since = request.history[-1].at if request.history else request.created_at
    return RequestFacts(department, _month(request.created_at, zone), tuple(moves), closed,
                        since)


def _month(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m")


def _facts(services: Services, request: SocialMediaRequest, zone: tzinfo,
           cache: ReportCache) -> RequestFacts:
    known = cache.requests.get(request.id)
    if known is None or known[0] != request.version:
        known = cache.requests[request.id] = (request.version,
                                              request_facts(services, request, zone))
    return known[1]


def request_summary(services: Services, requests: list[SocialMediaRequest],
                    cache: ReportCache) -> Summary:
    zone = ZoneInfo(services.config.time_zone)
    facts = [(request, _facts(services, request, zone, cache)) for request in requests]
    waiting = sorted(((f.since, r.number, r, f) for r, f in facts if not r.is_final),
                     key=lambda item: item[:2])
    by_stage = sorted(Counter(request.state for _, _, request, _ in waiting).items())
    stage_table = Table("stages", messages.STAGES_TITLE, ["Stage", "Open requests"],
                        [[stage, str(n)] for stage, n in by_stage])
    stage_chart = Chart(messages.STAGES_TITLE, [r[0] for r in stage_table.rows],
                        [("Open requests", [float(n) for _, n in by_stage])], stage_table)
    by_month, by_department, outcomes = _cycle_times(facts)
    outcome_chart = Chart(messages.OUTCOMES_TITLE, [r[0] for r in outcomes.rows],
                          [(name, [float(r[i + 1]) for r in outcomes.rows])
                           for i, name in enumerate(outcomes.columns[1:])], outcomes)
    return Summary(waiting, [stage_chart, outcome_chart], [by_month, by_department])


def requests_section(services: Services, summary: Summary, now: datetime) -> Section:
    config = services.config
    zone = ZoneInfo(config.time_zone)
    levels = config.service_levels.stages
    rows, marked = [], set()
    # Only the rows shown are measured against now: the page costs what it shows.
    for index, (since, _, request, fact) in enumerate(summary.waiting[:MAX_WAITING_ROWS]):
        held = business_days(since, now, zone)
        late = held > levels.get(request.state, float("inf"))
        if late:
            marked.add(index)
        rows.append([request.id, request.kind, request.state, fact.department,
                     services.workflow.next_names(request), since.astimezone(zone)
                     .strftime("%Y-%m-%d %H:%M"), _days(held),
                     messages.PAST_SERVICE if late else ""])
    total = len(summary.waiting)
    note = messages.shown_rows(len(rows), total) if total > len(rows) else ""
    waiting_table = Table("waiting", messages.WAITING_TITLE,
                          ["Request", "Kind", "Stage", "Department", "Held by",
                           "Waiting since", "Business days", "Service level"],
                          rows, note, marked)
    return Section(messages.REQUESTS_SECTION,
                   [messages.SERVICE_LEVEL_NOTE, messages.BUSINESS_DAYS_NOTE],
                   summary.charts, [waiting_table, *summary.tables])


def _cycle_times(facts: list[tuple[SocialMediaRequest, RequestFacts]]
                 ) -> tuple[Table, Table, Table]:
    per_month: dict[tuple[str, str], list[float]] = defaultdict(list)
    per_department: dict[tuple[str, str], list[float]] = defaultdict(list)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for request, fact in facts:
        counts[fact.filed_month]["filed"] += 1
        for month, stage, spent in fact.moves:
            per_month[(month, stage)].append(spent)
            per_department[(fact.department, stage)].append(spent)
        if fact.closed is not None:
            month, total = fact.closed
            counts[month][request.state] += 1
            per_month[(month, messages.END_TO_END)].append(total)
            per_department[(fact.department, messages.END_TO_END)].append(total)
    columns = ["Stage", "Moves", "Median", "90th percentile"]
    by_month = Table("cycle-month", messages.CYCLE_MONTH_TITLE, ["Month", *columns],
                     _spread_rows(per_month))
    by_department = Table("cycle-department", messages.CYCLE_DEPARTMENT_TITLE,
                          ["Department", *columns], _spread_rows(per_department))
    outcomes = Table("outcomes", messages.OUTCOMES_TITLE, ["Month", "Filed", *(
        o.capitalize() for o in OUTCOMES)],
        [[month, str(c["filed"]), *(str(c[o]) for o in OUTCOMES)]
         for month, c in sorted(counts.items())])
    return by_month, by_department, outcomes


def _spread_rows(groups: dict[tuple[str, str], list[float]]) -> list[list[str]]:
    rows = []
    for (group, stage), values in sorted(groups.items()):
        values.sort()
        rows.append([group, stage, str(len(values)), _days(percentile(values, 0.5)),
                     _days(percentile(values, 0.9))])
    return rows


# -- moderation ---------------------------------------------------------------------------------

def alert_facts(alert: Alert, zone: tzinfo) -> AlertFacts:
    local = alert.created_at.astimezone(zone).date()
    acts = tuple((entry.actor_id, entry.action, (entry.at - alert.created_at) / HOUR)
                 for entry in alert.history if entry.action in ACTION_NAMES)
    return AlertFacts((local - timedelta(days=local.weekday())).isoformat(),
                      alert.verdict.labels,
                      any(f.kind == "learned" for f in alert.verdict.findings), acts)


def moderation_section(services: Services, alerts: list[Alert],
                       bans: list[dict[str, str]], cache: ReportCache) -> Section:
    zone = ZoneInfo(services.config.time_zone)
    per_week: dict[str, Counter[str]] = defaultdict(Counter)
    learned = 0
    acted: dict[str, Counter[str]] = defaultdict(Counter)
    hours: dict[str, list[float]] = defaultdict(list)
    for alert in alerts:
        known = cache.alerts.get(alert.id)
        if known is None or known[0] != alert.version:
            known = cache.alerts[alert.id] = (alert.version, alert_facts(alert, zone))
        fact = known[1]
        week = per_week[fact.week]
        week.update(fact.labels)
        week["(all)"] += 1
        learned += fact.learned
        for actor, action, spent in fact.acts:
            acted[actor][action] += 1
            hours[actor].append(spent)
    flags = Table("flags", messages.FLAGS_TITLE, ["Week of", "Category", "Flags"],
                  [[week, category, str(n)] for week, counts in sorted(per_week.items())
                   for category, n in sorted(counts.items()) if category != "(all)"])
    weekly = Table("flags-week", messages.FLAGS_WEEK_TITLE, ["Week of", "Flags"],
                   [[week, str(c["(all)"])] for week, c in sorted(per_week.items())])
    weekly_chart = Chart(messages.FLAGS_WEEK_TITLE, [r[0] for r in weekly.rows],
                         [("Flags", [float(r[1]) for r in weekly.rows])], weekly)
    directory = services.directory
    action_rows = []
    for person_id, counts in sorted(acted.items()):
        times = sorted(hours[person_id])
        who = directory.find(person_id)
        action_rows.append([who.full_name if who else person_id,
                            *(str(counts[a]) for a, _ in ACTIONS),
                            f"{percentile(times, 0.5):.1f}", f"{percentile(times, 0.9):.1f}"])
    actions = Table("actions", messages.ACTIONS_TITLE,
                    ["Moderator", *(label.capitalize() for _, label in ACTIONS),
                     "Median hours to act", "90th percentile hours"], action_rows)
    share = f"{100 * learned / len(alerts):.1f}%" if alerts else "0.0%"
    learned_table = Table("learned", messages.LEARNED_TITLE,
                          ["Flags", "With a learned finding", "Share"],
                          [[str(len(alerts)), str(learned), share]])
    ban_table = Table("bans", messages.BANS_TITLE,
                      ["Platform", "Author", "Reason", "Banned by", "At", "Alert"],
                      [[b["platform"], b["author_id"], b["reason"], _name(services, b["by"]),
                        datetime.fromisoformat(b["at"]).astimezone(zone)
                        .strftime("%Y-%m-%d %H:%M"), b["alert"]] for b in bans])
    return Section(messages.MODERATION_SECTION, [], [weekly_chart],
                   [flags, actions, learned_table, ban_table])


def _name(services: Services, person_id: str) -> str:
    found = services.directory.find(person_id)
    return found.full_name if found else person_id
