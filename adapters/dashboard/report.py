"""What the dashboard shows one person: tables of strings (the CSV is the same rows) and the
charts drawn from them. Who sees what is the core's answer: `may_view` per case, the
directory's roles for the moderation desk."""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

from adapters.dashboard import messages
from bot import messages as core_messages
from bot.accounts import Account, register_rows
from bot.business_days import BusinessCalendar
from bot.domain import SocialMediaRequest
from bot.links import CASE_TYPE as LINK_TYPE
from bot.links import BrokenLink, LinkCheck
from bot.moderation.desk import CASE_TYPE as ALERT_TYPE
from bot.moderation.desk import Alert
from bot.questions import CASE_TYPE as QUESTION_TYPE
from bot.questions import Question
from bot.reviews import CASE_TYPE as REVIEW_TYPE
from bot.reviews import AccountReview
from bot.services import Services
from bot.tasks import CASE_TYPE as TASK_TYPE
from bot.tasks import PasswordTask
from bot.workflow import CASE_TYPE as REQUEST_TYPE

MAX_WAITING_ROWS = 200
MAX_LEVEL = 10**6  # a stage without a service level is never past it
HOUR = timedelta(hours=1)
OUTCOMES = ("approved", "rejected", "withdrawn")
ACTIONS = (("remove", "removed"), ("keep", "kept"), ("ban", "banned"),
           ("escalate", "escalated"))
ACTION_NAMES = frozenset(a for a, _ in ACTIONS)


class Archive(Protocol):
    """Every case, open and closed, and what was written since: the storage's read side for
    reports."""

    def all_requests(self) -> Sequence[SocialMediaRequest]: ...

    def all_alerts(self) -> Sequence[Alert]: ...

    def request(self, request_id: str) -> SocialMediaRequest | None: ...

    def alert(self, alert_id: str) -> Alert | None: ...

    def bans(self) -> list[dict[str, str]]: ...

    def ban(self, platform: str, author_id: str) -> dict[str, str] | None: ...

    def generation(self) -> tuple[int, int]:
        """How many request writes and alert writes (a ban is written with its alert) so far."""
        ...

    def changed_requests(self, since: int) -> list[str]:
        """Ids of the requests written after request generation `since`, oldest write first."""
        ...

    def changed_alerts(self, since: int) -> list[str]: ...

    # The account register, its password tasks and the procedure's clocks.

    def register_generation(self) -> int:
        """How many writes to the register, its tasks, the questions, the reviews, the broken
        links and the link check so far."""
        ...

    def open_tasks(self) -> Sequence[PasswordTask]: ...

    def open_questions(self) -> Sequence[Question]: ...

    def open_reviews(self) -> Sequence[AccountReview]: ...

    def last_link_check(self) -> LinkCheck | None: ...

    def link_case(self, case_id: str) -> BrokenLink | None: ...


@dataclass
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""
    marked: set[int] = field(default_factory=set)  # row indexes to highlight
    html: str = field(default="", compare=False, repr=False)  # drawn once (render.py)


@dataclass
class Chart:
    title: str
    labels: list[str]
    series: list[tuple[str, list[float]]]
    table: Table
    svg: str = field(default="", compare=False, repr=False)  # drawn once (render.py)


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


def _change(values: list[float], value: float, add: bool) -> None:
    """Keep `values` sorted while one value comes or goes (percentiles read it directly)."""
    if add:
        insort(values, value)
    else:
        del values[bisect_left(values, value)]


def _count(counter: Counter[str], key: str, add: bool) -> None:
    counter[key] += 1 if add else -1
    if not counter[key]:
        del counter[key]


@dataclass
class RequestTotals:
    """One person's requests summarised: kept up to date case by case, so a change costs
    what that case adds or takes away, never a pass over the store."""

    included: dict[str, tuple[SocialMediaRequest, RequestFacts]] = field(default_factory=dict)
    waiting: list[tuple[datetime, int, str]] = field(default_factory=list)  # sorted, oldest first
    stages: Counter[str] = field(default_factory=Counter)
    per_month: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    per_department: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def apply(self, request: SocialMediaRequest, fact: RequestFacts, add: bool) -> None:
        if add:
            self.included[request.id] = (request, fact)
        else:
            del self.included[request.id]
        if not request.is_final:
            key = (fact.since, request.number, request.id)
            if add:
                insort(self.waiting, key)
            else:
                del self.waiting[bisect_left(self.waiting, key)]
            _count(self.stages, request.state, add)
        self._tally(fact.filed_month, "filed", add)
        for month, stage, spent in fact.moves:
            self._spread(month, fact.department, stage, spent, add)
        if fact.closed is not None:
            month, total = fact.closed
            self._tally(month, request.state, add)
            self._spread(month, fact.department, messages.END_TO_END, total, add)

    @classmethod
    def of(cls, cases: list[tuple[SocialMediaRequest, RequestFacts]]) -> RequestTotals:
        """The totals of many requests at once (what `apply` one by one would give)."""
        totals = cls(included={r.id: (r, f) for r, f in cases})
        open_ones = [(r, f) for r, f in cases if not r.is_final]
        totals.waiting = sorted((f.since, r.number, r.id) for r, f in open_ones)
        totals.stages = Counter(r.state for r, _ in open_ones)
        per_month: defaultdict[tuple[str, str], list[float]] = defaultdict(list)
        per_department: defaultdict[tuple[str, str], list[float]] = defaultdict(list)
        counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for request, fact in cases:
            counts[fact.filed_month]["filed"] += 1
            department = fact.department
            for month, stage, spent in fact.moves:
                per_month[(month, stage)].append(spent)
                per_department[(department, stage)].append(spent)
            if fact.closed is not None:
                month, total = fact.closed
                counts[month][request.state] += 1
                per_month[(month, messages.END_TO_END)].append(total)
                per_department[(department, messages.END_TO_END)].append(total)
        for values in (*per_month.values(), *per_department.values()):
            values.sort()
        totals.per_month, totals.per_department = dict(per_month), dict(per_department)
        totals.counts = dict(counts)
        return totals

    def _tally(self, month: str, what: str, add: bool) -> None:
        counter = self.counts.setdefault(month, Counter())
        _count(counter, what, add)
        if not counter:
            del self.counts[month]

    def _spread(self, month: str, department: str, stage: str, spent: float, add: bool) -> None:
        for groups, key in ((self.per_month, (month, stage)),
                            (self.per_department, (department, stage))):
            values = groups.setdefault(key, [])
            _change(values, spent, add)
            if not values:
                del groups[key]


@dataclass
class AlertTotals:
    included: dict[str, tuple[int, AlertFacts]] = field(default_factory=dict)
    per_week: dict[str, Counter[str]] = field(default_factory=dict)
    learned: int = 0
    acted: dict[str, Counter[str]] = field(default_factory=dict)
    hours: dict[str, list[float]] = field(default_factory=dict)

    @classmethod
    def of(cls, alerts: list[tuple[str, int, AlertFacts]]) -> AlertTotals:
        """The totals of many alerts at once (what `apply` one by one would give)."""
        totals = cls(included={i: (v, f) for i, v, f in alerts})
        per_week: defaultdict[str, Counter[str]] = defaultdict(Counter)
        acted: defaultdict[str, Counter[str]] = defaultdict(Counter)
        hours: defaultdict[str, list[float]] = defaultdict(list)
        for _, _, fact in alerts:
            week = per_week[fact.week]
            week.update(fact.labels)
            week[ALL] += 1
            totals.learned += fact.learned
            for actor, action, spent in fact.acts:
                acted[actor][action] += 1
                hours[actor].append(spent)
        for values in hours.values():
            values.sort()
        totals.per_week, totals.acted, totals.hours = dict(per_week), dict(acted), dict(hours)
        return totals

    def apply(self, alert_id: str, version: int, fact: AlertFacts, add: bool) -> None:
        if add:
            self.included[alert_id] = (version, fact)
        else:
            del self.included[alert_id]
        week = self.per_week.setdefault(fact.week, Counter())
        for label in (*fact.labels, ALL):
            _count(week, label, add)
        if not week:
            del self.per_week[fact.week]
        self.learned += (1 if add else -1) * fact.learned
        for actor, action, spent in fact.acts:
            counts = self.acted.setdefault(actor, Counter())
            _count(counts, action, add)
            times = self.hours.setdefault(actor, [])
            _change(times, spent, add)
            if not counts:
                del self.acted[actor], self.hours[actor]


ALL = "(all)"


@dataclass
class View:
    """What one person's page summarises, as of the store generations it has seen."""

    person_id: str
    requests: RequestTotals = field(default_factory=RequestTotals)
    alerts: AlertTotals = field(default_factory=AlertTotals)
    requests_seen: int = -1   # -1: never summarised
    alerts_seen: int = -1
    request_parts: tuple[list[Chart], list[Table]] | None = None  # None: to draw again
    desk: Section | None = None
    # The register's and the clocks' sections, and what they were drawn for (the register's
    # writes, the City's date, who acts for whom): drawn again when any of these changes.
    register: tuple[Hashable, list[Section]] | None = None


@dataclass
class ReportCache:
    """The reports kept with the data. Each case's facts are worked out once per version;
    each person's totals are kept up to date by the cases written since their last page
    (the archive's change feed), so a render after a change costs that change plus the rows
    shown, not a pass over the store. The ban list is kept the same way, once for everyone."""

    calendar: BusinessCalendar
    request_facts: dict[str, tuple[int, RequestFacts]] = field(default_factory=dict)
    alert_facts: dict[str, tuple[int, AlertFacts]] = field(default_factory=dict)
    views: dict[str, View] = field(default_factory=dict)
    # Who may see each request version (the core's `viewers`): asked once, for everyone.
    viewers: dict[str, tuple[int, frozenset[str] | None]] = field(default_factory=dict)
    bans: dict[str, dict[str, str]] | None = None
    bans_seen: int = -1
    ban_table: Table | None = None
    # Who may see a case also depends on the directory (who acts for whom, time away, the
    # CCT): when its routing key changes, every view and the viewers are worked out again.
    routing_seen: Hashable = None

    def facts(self, services: Services, request: SocialMediaRequest) -> RequestFacts:
        known = self.request_facts.get(request.id)
        if known is None or known[0] != request.version:
            known = self.request_facts[request.id] = (
                request.version, request_facts(services, request, self.calendar))
        return known[1]

    def alert(self, services: Services, alert: Alert) -> AlertFacts:
        known = self.alert_facts.get(alert.id)
        if known is None or known[0] != alert.version:
            known = self.alert_facts[alert.id] = (
                alert.version, alert_facts(alert, ZoneInfo(services.config.time_zone)))
        return known[1]

    def warm(self, services: Services, archive: Archive, people: Iterable[str]) -> None:
        """Work out every case's facts and these people's totals now (at start), and who may
        see each request, so no one waits long for their first page."""
        for request in archive.all_requests():
            self._viewers(services, request)
        for person_id in people:
            self.sync(services, archive, person_id, desk=services.desk.is_moderator_or_cct(
                person_id))

    def sync(self, services: Services, archive: Archive, person_id: str, *,
             desk: bool) -> View:
        self._follow_directory(services)
        view = self.views.get(person_id)
        if view is None:
            view = self.views[person_id] = View(person_id)
        requests_now, alerts_now = archive.generation()
        if view.requests_seen < 0:
            # The first time: every request at once, each list sorted once at the end.
            view.requests = RequestTotals.of([
                (r, self.facts(services, r)) for r in archive.all_requests()
                if self.may_view(services, r, person_id)])
        elif view.requests_seen != requests_now:
            for request in map(archive.request, dict.fromkeys(
                    archive.changed_requests(view.requests_seen))):
                if request is not None:
                    self._update_request(services, view, request)
        if view.requests_seen != requests_now:
            view.requests_seen, view.request_parts = requests_now, None
        if desk and view.alerts_seen < 0:
            view.alerts = AlertTotals.of([
                (a.id, a.version, self.alert(services, a)) for a in archive.all_alerts()
                if services.engine.may_view(ALERT_TYPE, a, person_id)])
        elif desk and view.alerts_seen != alerts_now:
            for alert in map(archive.alert, dict.fromkeys(
                    archive.changed_alerts(view.alerts_seen))):
                if alert is not None:
                    self._update_alert(services, view, alert)
        if desk and view.alerts_seen != alerts_now:
            self._sync_bans(archive, alerts_now)
            view.alerts_seen, view.desk = alerts_now, None
        return view

    def _follow_directory(self, services: Services) -> None:
        routing = services.directory.routing_key()
        if routing == self.routing_seen:
            return
        self.routing_seen = routing
        self.viewers.clear()
        for view in self.views.values():
            view.requests_seen = view.alerts_seen = -1  # summarised again from the start
            view.request_parts = view.desk = None

    def _update_request(self, services: Services, view: View,
                        request: SocialMediaRequest) -> None:
        totals = view.requests
        old = totals.included.get(request.id)
        if old is not None and old[0].version == request.version:
            return
        if old is not None:
            totals.apply(*old, add=False)
        if self.may_view(services, request, view.person_id):
            totals.apply(request, self.facts(services, request), add=True)

    def may_view(self, services: Services, request: SocialMediaRequest, person_id: str) -> bool:
        engine = services.engine
        if services.directory.is_cct(person_id):
            return engine.may_view(REQUEST_TYPE, request, person_id)  # quick: all of them
        viewers = self._viewers(services, request)
        if viewers is None:
            return engine.may_view(REQUEST_TYPE, request, person_id)
        return person_id in viewers

    def _viewers(self, services: Services, request: SocialMediaRequest) -> frozenset[str] | None:
        known = self.viewers.get(request.id)
        if known is None or known[0] != request.version:
            known = self.viewers[request.id] = (
                request.version, services.engine.viewers(REQUEST_TYPE, request))
        return known[1]

    def _update_alert(self, services: Services, view: View, alert: Alert) -> None:
        totals = view.alerts
        old = totals.included.get(alert.id)
        if old is not None and old[0] == alert.version:
            return
        if old is not None:
            totals.apply(alert.id, *old, add=False)
        if services.engine.may_view(ALERT_TYPE, alert, view.person_id):
            totals.apply(alert.id, alert.version, self.alert(services, alert), add=True)

    def _sync_bans(self, archive: Archive, alerts_now: int) -> None:
        if self.bans_seen == alerts_now:
            return
        if self.bans is None:
            self.bans = {_ban_key(b): b for b in archive.bans()}
        else:
            for alert in map(archive.alert, dict.fromkeys(
                    archive.changed_alerts(self.bans_seen))):
                if alert is not None and alert.ban is not None:
                    post = alert.post
                    found = archive.ban(post.platform, post.author_id)
                    if found is not None:
                        self.bans[_ban_key(found)] = found
                        self.ban_table = None
        self.bans_seen = alerts_now


def _ban_key(ban: dict[str, str]) -> str:
    return f"{ban['platform']}:{ban['author_id']}"


def build_page(services: Services, archive: Archive, person_id: str,
               now: datetime, cache: ReportCache) -> Page:
    directory = services.directory
    person = directory.person(person_id)
    moderation = services.desk.is_moderator_or_cct(person_id)
    scope = (messages.SCOPE_ALL if directory.is_cct(person_id) else
             messages.SCOPE_MODERATOR if moderation else messages.SCOPE_REQUESTS)
    view = cache.sync(services, archive, person_id, desk=moderation)
    if view.request_parts is None:
        view.request_parts = request_parts(view.requests)
    sections = [requests_section(services, cache.calendar, view, now)]
    if moderation:
        if cache.ban_table is None:
            cache.ban_table = ban_table(services, cache.bans or {})
        if view.desk is None:
            view.desk = moderation_section(services, view.alerts, cache.ban_table)
        sections.append(view.desk)
    key = (archive.register_generation(), cache.calendar.local_date(now),
           directory.routing_key())
    if view.register is None or view.register[0] != key:
        view.register = (key, register_sections(services, archive, cache.calendar,
                                                person_id, now))
    sections.extend(view.register[1])
    if view.register[1] and not directory.is_cct(person_id):
        scope = messages.with_accounts(scope)
    return Page(person.full_name, scope, sections)


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return values[max(0, math.ceil(share * len(values)) - 1)]


def _days(value: float) -> str:
    return f"{value:.1f}"


# -- requests -----------------------------------------------------------------------------------

def request_facts(services: Services, request: SocialMediaRequest,
                  calendar: BusinessCalendar) -> RequestFacts:
    directory = services.directory
    zone = calendar.zone
    found = directory.find(request.requester_id)
    department = (directory.department_name(found.department) if found
                  else request.employee.department)
    moves = []
    previous = request.created_at
    for entry in request.history:
        if entry.action == "submit":
            continue
        moves.append((_month(entry.at, zone), entry.stage,
                      calendar.business_days_between(previous, entry.at)))
        previous = entry.at
    closed = None
    if request.is_final and request.history:
        last = request.history[-1].at
        closed = (_month(last, zone), calendar.business_days_between(request.created_at, last))
    since = request.history[-1].at if request.history else request.created_at
    return RequestFacts(department, _month(request.created_at, zone), tuple(moves), closed,
                        since)


def _month(moment: datetime, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m")


def request_parts(totals: RequestTotals) -> tuple[list[Chart], list[Table]]:
    """The request charts and tables that change only when a request is written."""
    stage_table = Table("stages", messages.STAGES_TITLE, ["Stage", "Open requests"],
                        [[stage, str(n)] for stage, n in sorted(totals.stages.items())])
    stage_chart = Chart(messages.STAGES_TITLE, [r[0] for r in stage_table.rows],
                        [("Open requests", [float(r[1]) for r in stage_table.rows])],
                        stage_table)
    columns = ["Stage", "Moves", "Median", "90th percentile"]
    by_month = Table("cycle-month", messages.CYCLE_MONTH_TITLE, ["Month", *columns],
                     _spread_rows(totals.per_month))
    by_department = Table("cycle-department", messages.CYCLE_DEPARTMENT_TITLE,
                          ["Department", *columns], _spread_rows(totals.per_department))
    outcomes = Table("outcomes", messages.OUTCOMES_TITLE, ["Month", "Filed", *(
        o.capitalize() for o in OUTCOMES)],
        [[month, str(c["filed"]), *(str(c[o]) for o in OUTCOMES)]
         for month, c in sorted(totals.counts.items())])
    outcome_chart = Chart(messages.OUTCOMES_TITLE, [r[0] for r in outcomes.rows],
                          [(name, [float(r[i + 1]) for r in outcomes.rows])
                           for i, name in enumerate(outcomes.columns[1:])], outcomes)
    return [stage_chart, outcome_chart], [by_month, by_department]


def requests_section(services: Services, calendar: BusinessCalendar, view: View,
                     now: datetime) -> Section:
    levels = services.config.service_levels.stages
    rows, marked = [], set()
    included = view.requests.included
    # Only the rows shown are measured against now: the page costs what it shows. Business
    # days are counted as the reminders count them (bot/reminders.py): whole days of the
    # City's calendar after the day the request reached its holder; a stage that has waited
    # its service level is past it (the reminder is due).
    waiting = view.requests.waiting
    for index, (since, _, request_id) in enumerate(waiting[:MAX_WAITING_ROWS]):
        request, fact = included[request_id]
        held = calendar.days_waited(since, now)
        late = held >= levels.get(request.state, MAX_LEVEL)
        if late:
            marked.add(index)
        rows.append([request.id, request.kind, request.state, fact.department,
                     services.workflow.next_names(request), since.astimezone(calendar.zone)
                     .strftime("%Y-%m-%d %H:%M"), str(held), str(levels.get(request.state, "")),
                     messages.PAST_SERVICE if late else ""])
    total = len(waiting)
    note = messages.shown_rows(len(rows), total) if total > len(rows) else ""
    waiting_table = Table("waiting", messages.WAITING_TITLE,
                          ["Request", "Kind", "Stage", "Department", "Held by",
                           "Waiting since", "Business days waiting",
                           "Service level (business days)", "Past service level"],
                          rows, note, marked)
    assert view.request_parts is not None
    charts, tables = view.request_parts
    return Section(messages.REQUESTS_SECTION,
                   [messages.SERVICE_LEVEL_NOTE, messages.BUSINESS_DAYS_NOTE],
                   charts, [waiting_table, *tables])


def _spread_rows(groups: dict[tuple[str, str], list[float]]) -> list[list[str]]:
    return [[group, stage, str(len(values)), _days(percentile(values, 0.5)),
             _days(percentile(values, 0.9))]
            for (group, stage), values in sorted(groups.items())]


# -- moderation ---------------------------------------------------------------------------------

def alert_facts(alert: Alert, zone: tzinfo) -> AlertFacts:
    local = alert.created_at.astimezone(zone).date()
    acts = tuple((entry.actor_id, entry.action, (entry.at - alert.created_at) / HOUR)
                 for entry in alert.history if entry.action in ACTION_NAMES)
    return AlertFacts((local - timedelta(days=local.weekday())).isoformat(),
                      alert.verdict.labels,
                      any(f.kind == "learned" for f in alert.verdict.findings), acts)


def moderation_section(services: Services, totals: AlertTotals, bans: Table) -> Section:
    per_week = totals.per_week
    flags = Table("flags", messages.FLAGS_TITLE, ["Week of", "Category", "Flags"],
                  [[week, category, str(n)] for week, counts in sorted(per_week.items())
                   for category, n in sorted(counts.items()) if category != ALL])
    weekly = Table("flags-week", messages.FLAGS_WEEK_TITLE, ["Week of", "Flags"],
                   [[week, str(c[ALL])] for week, c in sorted(per_week.items())])
    weekly_chart = Chart(messages.FLAGS_WEEK_TITLE, [r[0] for r in weekly.rows],
                         [("Flags", [float(r[1]) for r in weekly.rows])], weekly)
    action_rows = []
    for person_id, counts in sorted(totals.acted.items()):
        times = totals.hours[person_id]
        action_rows.append([_name(services, person_id),
                            *(str(counts[a]) for a, _ in ACTIONS),
                            f"{percentile(times, 0.5):.1f}", f"{percentile(times, 0.9):.1f}"])
    actions = Table("actions", messages.ACTIONS_TITLE,
                    ["Moderator", *(label.capitalize() for _, label in ACTIONS),
                     "Median hours to act", "90th percentile hours"], action_rows)
    flagged = len(totals.included)
    share = f"{100 * totals.learned / flagged:.1f}%" if flagged else "0.0%"
    learned_table = Table("learned", messages.LEARNED_TITLE,
                          ["Flags", "With a learned finding", "Share"],
                          [[str(flagged), str(totals.learned), share]])
    return Section(messages.MODERATION_SECTION, [], [weekly_chart],
                   [flags, actions, learned_table, bans])


def ban_table(services: Services, bans: dict[str, dict[str, str]]) -> Table:
    zone = ZoneInfo(services.config.time_zone)
    return Table("bans", messages.BANS_TITLE,
                 ["Platform", "Author", "Reason", "Banned by", "At", "Alert"],
                 [[b["platform"], b["author_id"], b["reason"], _name(services, b["by"]),
                   datetime.fromisoformat(b["at"]).astimezone(zone)
                   .strftime("%Y-%m-%d %H:%M"), b["alert"]]
                  for b in sorted(bans.values(), key=lambda b: b["at"])])


def _name(services: Services, person_id: str) -> str:
    found = services.directory.find(person_id)
    return found.full_name if found else person_id


# -- the account register, password tasks, questions, reviews, broken links -------------------

def register_sections(services: Services, archive: Archive, calendar: BusinessCalendar,
                      person_id: str, now: datetime) -> list[Section]:
    """The sections of the register and the procedure's clocks this person may see, each only
    when it has rows for them. Who sees what is the core's answer: the register's own rule
    (the CCT the whole register, anyone else the accounts they may use) and `may_view` for
    every task, question, review and broken link. No password: the register holds none."""
    engine, register = services.engine, services.accounts
    levels = services.config.service_levels.cases
    labels = {a.id: f"{a.platform} {a.handle}" for a in register.all()}
    tasks = [t for t in archive.open_tasks() if engine.may_view(TASK_TYPE, t, person_id)]
    reviews = [r for r in archive.open_reviews() if engine.may_view(REVIEW_TYPE, r, person_id)]
    questions = [q for q in archive.open_questions()
                 if engine.may_view(QUESTION_TYPE, q, person_id)]
    clock = _Ages(calendar, now)
    accounts = account_table(services, register.visible_to(person_id), tasks)
    task_table = clock.table(
        "password-tasks", messages.TASKS_TITLE,
        ["Task", "Account", "Whose use ended", "Reason", "Held by"],
        [(t.history[-1].at if t.history else t.created_at, t.id,
          [t.id, t.account_label, _name(services, t.person_id), t.reason,
           _name(services, t.assignee)]) for t in tasks],
        levels.get("password_task", MAX_LEVEL))
    review_table = clock.table(
        "reviews", messages.REVIEWS_TITLE, ["Review", "Account"],
        [(r.opened_at, r.id, [r.id, r.account_label]) for r in reviews],
        levels.get("review", MAX_LEVEL))
    question_table = clock.table(
        "questions", messages.QUESTIONS_TITLE, ["Question", "Account", "Platform", "Question"],
        [(q.asked_at, q.id, [q.id, labels.get(q.account_id, q.account_id), q.platform,
                             q.excerpt]) for q in questions],
        levels.get("question", MAX_LEVEL))
    link_table, check = broken_link_table(services, archive, clock, labels, person_id)
    sections = []
    for title, notes, tables in (
            (messages.ACCOUNTS_SECTION, [core_messages.CITY_OWNS, messages.NO_PASSWORDS_NOTE],
             [accounts, task_table, review_table]),
            (messages.QUESTIONS_SECTION, [], [question_table]),
            (messages.LINKS_SECTION, [messages.last_link_check(
                check.started_at.astimezone(calendar.zone).strftime("%Y-%m-%d %H:%M"))]
             if check else [], [link_table])):
        shown = [t for t in tables if t.rows]
        if shown:
            sections.append(Section(title, [*notes, messages.CASE_DAYS_NOTE], [], shown))
    return sections


@dataclass
class _Ages:
    """Business days waited, counted as the reminders count them (whole days of the City's
    calendar after the day the case reached whoever must act), only for the rows shown."""

    calendar: BusinessCalendar
    now: datetime

    def table(self, table_id: str, title: str, columns: list[str],
              cases: list[tuple[datetime, str, list[str]]], level: int) -> Table:
        cases.sort(key=lambda c: (c[0], _case_number(c[1])))
        rows, marked = [], set()
        for index, (since, _, cells) in enumerate(cases[:MAX_WAITING_ROWS]):
            waited = self.calendar.days_waited(since, self.now)
            late = waited >= level
            if late:
                marked.add(index)
            rows.append([*cells, self.local(since), str(waited),
                         "" if level == MAX_LEVEL else str(level),
                         messages.PAST_SERVICE if late else ""])
        note = messages.shown_rows(len(rows), len(cases)) if len(cases) > len(rows) else ""
        return Table(table_id, title, [*columns, "Waiting since", "Business days waiting",
                                       "Service level (business days)", "Past service level"],
                     rows, note, marked)

    def local(self, moment: datetime) -> str:
        return moment.astimezone(self.calendar.zone).strftime("%Y-%m-%d %H:%M")


def _case_number(case_id: str) -> int:
    tail = case_id.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def account_table(services: Services, accounts: list[Account],
                  tasks: list[PasswordTask]) -> Table:
    """The register as `socialbot accounts` prints it (`register_rows`: never a password),
    with the open password tasks of each account this person may see."""
    open_tasks: defaultdict[str, list[str]] = defaultdict(list)
    for task in sorted(tasks, key=lambda t: _case_number(t.id)):
        open_tasks[task.account_id].append(task.id)
    rows = [[row["id"], row["platform"], row["handle"], row["department"], row["state"],
             "; ".join(u["name"] for u in row["users"]), row["credentials_holder"],
             row["password_changed_at"], row["password_changed_by"],
             " ".join(open_tasks.get(row["id"], []))]
            for row in register_rows(services.accounts, accounts, services.config.time_zone)]
    return Table("accounts", messages.ACCOUNTS_TITLE,
                 ["Account", "Platform", "Handle", "Department", "State", "Users",
                  "Credentials held by", "Password last changed", "Changed by",
                  "Open password tasks"], rows)


def broken_link_table(services: Services, archive: Archive, ages: _Ages,
                      labels: dict[str, str], person_id: str
                      ) -> tuple[Table, LinkCheck | None]:
    """The last check's broken links whose case this person may see (an account's users and
    the CCT), with how long each case has been open."""
    check = archive.last_link_check()
    found: list[tuple[datetime, str, list[str]]] = []
    for result in check.broken if check else []:
        case = archive.link_case(result.case_id) if result.case_id else None
        if case is None or not services.engine.may_view(LINK_TYPE, case, person_id):
            continue
        found.append((case.opened_at, case.id, [
            case.id, result.url, labels.get(result.account_id, result.account_id),
            "; ".join(result.places), result.detail, case.state]))
    level = services.config.service_levels.cases.get("link", MAX_LEVEL)
    return ages.table("broken-links", messages.LINKS_TITLE,
                      ["Case", "Link", "Account", "Where", "Failure", "Case state"],
                      found, level), check
