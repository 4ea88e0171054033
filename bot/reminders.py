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
from dataclasses import dataclass
from datetime import datetime

from bot import messages
from bot.business_days import BusinessCalendar
from bot.chains import STAGES
from bot.config import ServiceLevelsConfig
from bot.domain import SocialMediaRequest
from bot.notifications import Notification
from bot.ports import Clock, RequestRepository
from bot.workflow import Workflow

DIRECTOR_ROLE = "director"
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
                 calendar: BusinessCalendar, levels: ServiceLevelsConfig) -> None:
        self.workflow = workflow
        self.repository = repository
        self.clock = clock
        self.calendar = calendar
        self.levels = levels

    def run_once(self) -> int:
        """Queue what is due now; returns how many notifications were queued."""
        now = self.clock.now()
        if not self.calendar.is_business_day(self.calendar.local_date(now)):
            return 0  # nobody is reminded on a weekend, a holiday or a closure day
        with _ONE_PASS:
            return self._pass(now)

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
        return queued

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
        marker = _marker(request.id, request.step, kind, period)
        if note is None or self.repository.marked(marker):
            return 0
        current = self.repository.get(request.id)
        if current is None or current.step != request.step:
            return 0  # it moved on since this pass read it
        self.repository.queue([note], marker=marker)
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


def _marker(request_id: str, step: int, kind: str, period: int) -> str:
    return f"{request_id}:{step}:{kind}:{period}"


def describe(times: list[StageTime]) -> str:
    return messages.stage_times(
        [(STAGES[t.stage].title if t.stage in STAGES else t.stage, t.business_days,
          t.reminders, t.escalations, t.waiting) for t in times])
