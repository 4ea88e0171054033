"""Reminds whoever must act when a stage is past its service level, then escalates.

Service levels are business days of the City's calendar (`service_levels` and `calendar` in
app.yaml). Past its level a stage reminds its approvers, then again every interval; late by a
second level it also tells the CCT Team Leader (a director's stage: the configured fallback).
Due times come from stored state: the step started at the request's last history entry. Each
reminder is queued once per step and period, its marker committed with it, so restarts and
overlapping passes never repeat one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Literal

from bot import messages
from bot.business_days import BusinessCalendar
from bot.chains import STAGES
from bot.config import ServiceLevelsConfig
from bot.domain import SocialMediaRequest
from bot.grants import AccessGrants
from bot.moderation.desk import CASE_TYPE as ALERT
from bot.moderation.desk import Alert, ModerationDesk
from bot.notifications import Notification
from bot.offboarding import Offboarding
from bot.ports import Clock, RequestRepository
from bot.tasks import PasswordTasks
from bot.workflow import Workflow

DIRECTOR_ROLE = "director"
PASSWORD_TASK_DAYS = 2  # when service_levels.cases.password_task is not set
# One pass at a time in this process (the store's lock keeps other processes out), so two
# passes never both find a marker missing and queue the same reminder twice.
_ONE_PASS = threading.Lock()


@dataclass(frozen=True)
class StageTime:
    """How long one step of a request took, and what the bot sent while it waited."""

    stage: str
    step: int
    business_days: int
    reminders: int
    escalations: int
    waiting: bool


class Reminders:
    def __init__(self, workflow: Workflow, repository: RequestRepository, clock: Clock, *,
                 calendar: BusinessCalendar, levels: ServiceLevelsConfig,
                 desk: ModerationDesk | None = None) -> None:
        self.workflow = workflow
        self.desk = desk
        self.repository = repository
        self.clock = clock
        self.calendar = calendar
        self.levels = levels
        # Set by the composition root: password tasks are reminded like requests, and
        # departures whose last day has come are carried out on the same loop.
        self.tasks: PasswordTasks | None = None
        self.offboarding: Offboarding | None = None
        self.grants: AccessGrants | None = None

    def run_once(self) -> int:
        """Queue what is due now; returns how many notifications were queued."""
        now = self.clock.now()
        duties = 0  # grants an approval missed, departures whose last day came
        with _ONE_PASS:  # a last day is kept whatever the calendar says
            if self.grants is not None:
                duties += self.grants.catch_up()
            if self.offboarding is not None:
                duties += len(self.offboarding.run_due())
        if not self.calendar.is_business_day(self.calendar.local_date(now)):
            return duties  # nobody is reminded on a weekend, a holiday or a closure day
        with _ONE_PASS:
            return duties + self._pass(now)

    def _pass(self, now: datetime) -> int:
        queued = 0
        for request in self.repository.open_cases():
            waited = self.calendar.days_waited(request.history[-1].at, now)
            late = waited - self.levels.stages[request.state]
            if late < 0:
                continue
            period = late // self.levels.remind_every_business_days
            if late >= self.levels.escalate_after_business_days:
                queued += self._queue(request, "escalation", period,
                                      self._escalation(request, waited, period))
            queued += self._queue(request, "reminder", period,
                                  self._reminder(request, waited, period))
        queued += self._task_pass(self.tasks, now) if self.tasks else 0
        return queued + (self._alert_pass(self.desk, now) if self.desk else 0)

    def _task_pass(self, tasks: PasswordTasks, now: datetime) -> int:
        """Password tasks remind whoever holds them, every interval, until one is done."""
        tasks.reconcile()
        level = self.levels.cases.get("password_task", PASSWORD_TASK_DAYS)
        queued = 0
        for task in tasks.open_tasks():
            since = task.history[-1].at if task.history else task.created_at
            waited = self.calendar.days_waited(since, now)
            late = waited - level
            if late < 0:
                continue
            period = late // self.levels.remind_every_business_days
            note = tasks.cases.action_needed(task, intent="reminder", period=period,
                                             waited=waited)
            queued += self._queue_once(note, partial(_task_step, tasks, task.id))
        return queued

    def _alert_pass(self, desk: ModerationDesk, now: datetime) -> int:
        """Alerts remind whoever decides them now; late, the CCT is handed the card too."""
        queued = 0
        for alert in desk.repository.open_cases():
            since = alert.history[-1].at if alert.history else alert.created_at
            late = self.calendar.days_waited(since, now) - self.levels.cases["alert"]
            if late < 0:
                continue
            period = late // self.levels.remind_every_business_days
            notes = [self._alert_note(desk, alert, "reminder", period)]
            if late >= self.levels.escalate_after_business_days and alert.state == "open":
                notes.insert(0, self._alert_note(desk, alert, "escalation", period))
            for note in notes:
                queued += self._queue_once(note, partial(_alert_step, desk, alert.id))
        return queued

    def _alert_note(self, desk: ModerationDesk, alert: Alert, intent: Literal[
            "reminder", "escalation"], period: int) -> Notification:
        escalated = intent == "escalation" or alert.state == "escalated"
        recipients = (self.workflow.directory.cct_members if intent == "escalation"
                      else desk.cases.acting_now(alert))
        return Notification(
            id=_marker(alert.id, alert.step, intent, period), kind="moderation_alert",
            case_id=alert.id, step=alert.step, recipients=tuple(dict.fromkeys(recipients)),
            audience="cct" if escalated else "moderators", case_type=ALERT, intent=intent,
            summary=messages.alert_waiting(alert.id))

    def stage_times(self, request: SocialMediaRequest) -> list[StageTime]:
        """Each step's stage, its business days, and the reminders sent for it (markers)."""
        spans = [(after.stage, after.step, before.at, after.at, False)
                 for before, after in zip(request.history, request.history[1:], strict=False)]
        if not request.is_final:
            spans.append((request.state, request.step, request.history[-1].at,
                          self.clock.now(), True))
        return [StageTime(stage, step, days, self._sent(request.id, step, "reminder", days),
                          self._sent(request.id, step, "escalation", days), waiting)
                for stage, step, start, end, waiting in spans
                for days in [self.calendar.days_waited(start, end)]]

    def _sent(self, request_id: str, step: int, kind: str, days: int) -> int:
        periods = days // self.levels.remind_every_business_days + 1
        return sum(self.repository.marked(_marker(request_id, step, kind, p))
                   for p in range(periods))

    def _queue(self, request: SocialMediaRequest, kind: str, period: int,
               note: Notification | None) -> int:
        if note is None:
            return 0

        def step_now() -> int | None:
            current = self.repository.get(request.id)
            return None if current is None else current.step

        return self._queue_once(note, step_now)

    def _queue_once(self, note: Notification, step_now: Callable[[], int | None]) -> int:
        """Queue `note` with its marker (its id), unless it was queued or the case moved on."""
        if self.repository.marked(note.id) or step_now() != note.step:
            return 0
        self.repository.queue([note], marker=note.id)
        return 1

    def _reminder(self, request: SocialMediaRequest, waited: int,
                  period: int) -> Notification:
        return Notification(
            id=_marker(request.id, request.step, "reminder", period), kind="action_needed",
            case_id=request.id, step=request.step, intent="reminder",
            recipients=tuple(self.workflow.current_approvers(request)),
            summary=messages.stage_reminder(request.id, STAGES[request.state].title, waited),
        )

    def _escalation(self, request: SocialMediaRequest, waited: int,
                    period: int) -> Notification | None:
        approvers = self.workflow.current_approvers(request)
        told = self._escalation_target(request, approvers)
        if told is None:
            return None
        names = self.workflow.engine.names(approvers)
        return Notification(
            id=_marker(request.id, request.step, "escalation", period), kind="escalation",
            case_id=request.id, step=request.step, intent="escalation", recipients=(told,),
            summary=messages.stage_escalation(request.id, STAGES[request.state].title,
                                              waited, names),
        )

    def _escalation_target(self, request: SocialMediaRequest,
                           approvers: list[str]) -> str | None:
        """The CCT Team Leader; a director's stage the fallback when set. Never someone who
        must act or the requester: then the first of their line above who is neither."""
        directory = self.workflow.directory
        fallback = self.levels.director_fallback
        target = directory.cct_team_leader
        if STAGES[request.state].role == DIRECTOR_ROLE and fallback is not None:
            target = fallback
        excluded = {*approvers, request.requester_id}
        for person in (target, *directory.line_above(target)):
            if person not in excluded:
                return person
        return None


def _task_step(tasks: PasswordTasks, task_id: str) -> int | None:
    current = tasks.repository.get(task_id)
    return None if current is None or current.is_final else current.step


def _alert_step(desk: ModerationDesk, alert_id: str) -> int | None:
    current = desk.repository.get(alert_id)
    return None if current is None or current.is_final else current.step


def _marker(request_id: str, step: int, kind: str, period: int) -> str:
    return f"{request_id}:{step}:{kind}:{period}"


def describe(times: list[StageTime]) -> str:
    return messages.stage_times(
        [(STAGES[t.stage].title if t.stage in STAGES else t.stage, t.business_days,
          t.reminders, t.escalations, t.waiting) for t in times])
