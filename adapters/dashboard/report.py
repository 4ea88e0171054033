"""What the dashboard shows one person: tables of strings (the CSV is the same rows) and the
charts drawn from them. Who sees what is the core's answer: `may_view` per case, the
directory's roles for the moderation desk."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from adapters.dashboard import messages
from bot.domain import SocialMediaRequest
from bot.moderation.desk import Alert
from bot.services import Services

MAX_WAITING_ROWS = 200
DAY = timedelta(days=1)
OUTCOMES = ("approved", "rejected", "withdrawn")
ACTIONS = (("remove", "removed"), ("keep", "kept"), ("ban", "banned"),
           ("escalate", "escalated"))


class Archive(Protocol):
    """Every case, open and closed: the storage's read side for reports."""

    def all_requests(self) -> Sequence[SocialMediaRequest]: ...

    def all_alerts(self) -> Sequence[Alert]: ...

    def bans(self) -> list[dict[str, str]]: ...


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


def build_page(services: Services, archive: Archive, person_id: str,
               now: datetime) -> Page:
    directory = services.directory
    person = directory.person(person_id)
    moderation = services.desk.is_moderator_or_cct(person_id)
    scope = (messages.SCOPE_ALL if directory.is_cct(person_id) else
             messages.SCOPE_MODERATOR if moderation else messages.SCOPE_REQUESTS)
    requests = [r for r in archive.all_requests() if services.workflow.may_view(r, person_id)]
    sections = [requests_section(services, requests, now)]
    if moderation:
        alerts = [a for a in archive.all_alerts() if services.desk.may_view(a, person_id)]
        sections.append(moderation_section(services, alerts, archive.bans()))
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

def requests_section(services: Services, requests: list[SocialMediaRequest],
                     now: datetime) -> Section:
    config = services.config
    zone = ZoneInfo(config.time_zone)
    limit_days = config.periods.reminder_hours / 24
    directory = services.directory

    def department(request: SocialMediaRequest) -> str:
        found = directory.find(request.requester_id)
        return directory.department_name(found.department) if found else \
            request.employee.department

    waiting = []
    for request in requests:
        if request.is_final:
            continue
        since = request.history[-1].at if request.history else request.created_at
        waiting.append((since, request))
    waiting.sort(key=lambda item: (item[0], item[1].number))
    by_stage = Counter(request.state for _, request in waiting)
    rows, marked = [], set()
    for index, (since, request) in enumerate(waiting[:MAX_WAITING_ROWS]):
        held = business_days(since, now, zone)
        late = held > limit_days
        if late:
            marked.add(index)
        rows.append([request.id, request.kind, request.state, department(request),
                     services.workflow.next_names(request), since.astimezone(zone)
                     .strftime("%Y-%m-%d %H:%M"), _days(held),
                     messages.PAST_SERVICE if late else ""])
    note = messages.shown_rows(len(rows), len(waiting)) if len(waiting) > len(rows) else ""
    waiting_table = Table("waiting", messages.WAITING_TITLE,
                          ["Request", "Kind", "Stage", "Department", "Held by",
                           "Waiting since", "Business days", "Service level"],
                          rows, note, marked)
    stage_table = Table("stages", messages.STAGES_TITLE, ["Stage", "Open requests"],
                        [[stage, str(n)] for stage, n in sorted(by_stage.items())])
    stage_chart = Chart(messages.STAGES_TITLE, [r[0] for r in stage_table.rows],
                        [("Open requests", [float(n) for _, n in sorted(by_stage.items())])],
                        stage_table)
    by_month, by_department, outcomes = _cycle_times(requests, zone, department)
    outcome_chart = Chart(messages.OUTCOMES_TITLE, [r[0] for r in outcomes.rows],
                          [(name, [float(r[i + 1]) for r in outcomes.rows])
                           for i, name in enumerate(outcomes.columns[1:])], outcomes)
    return Section(messages.REQUESTS_SECTION,
                   [messages.service_level(limit_days), messages.BUSINESS_DAYS_NOTE],
                   [stage_chart, outcome_chart], [waiting_table, by_month, by_department])


def _cycle_times(requests: Iterable[SocialMediaRequest], zone: tzinfo,
                 department: object) -> tuple[Table, Table, Table]:
    per_month: dict[tuple[str, str], list[float]] = defaultdict(list)
    per_department: dict[tuple[str, str], list[float]] = defaultdict(list)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for request in requests:
        dept = department(request)  # type: ignore[operator]
        counts[request.created_at.astimezone(zone).strftime("%Y-%m")]["filed"] += 1
        previous = request.created_at
        for entry in request.history:
            if entry.action == "submit":
                continue
            month = entry.at.astimezone(zone).strftime("%Y-%m")
            spent = business_days(previous, entry.at, zone)
            per_month[(month, entry.stage)].append(spent)
            per_department[(dept, entry.stage)].append(spent)
            previous = entry.at
        if request.is_final and request.history:
            closed = request.history[-1].at
            month = closed.astimezone(zone).strftime("%Y-%m")
            counts[month][request.state] += 1
            total = business_days(request.created_at, closed, zone)
            per_month[(month, messages.END_TO_END)].append(total)
            per_department[(dept, messages.END_TO_END)].append(total)
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

def moderation_section(services: Services, alerts: list[Alert],
                       bans: list[dict[str, str]]) -> Section:
    zone = ZoneInfo(services.config.time_zone)
    per_week: dict[str, Counter[str]] = defaultdict(Counter)
    learned = 0
    acted: dict[str, Counter[str]] = defaultdict(Counter)
    hours: dict[str, list[float]] = defaultdict(list)
    for alert in alerts:
        local = alert.created_at.astimezone(zone).date()
        week = (local - timedelta(days=local.weekday())).isoformat()
        for category in alert.verdict.labels:
            per_week[week][category] += 1
        per_week[week]["(all)"] += 1
        if any(f.kind == "learned" for f in alert.verdict.findings):
            learned += 1
        for entry in alert.history:
            if entry.action in dict(ACTIONS):
                acted[entry.actor_id][entry.action] += 1
                hours[entry.actor_id].append((entry.at - alert.created_at) / timedelta(hours=1))
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
