"""Reminds whoever must act when a stage has waited too long, then tells their supervisor.

Periods come from `periods` in app.yaml. Each reminder is queued once per step (a marker is
committed with it), so restarts and overlapping passes never repeat one.
"""

from __future__ import annotations

from datetime import timedelta

from bot.chains import STAGES
from bot.domain import SocialMediaRequest
from bot.notifications import Notification
from bot.ports import Clock, RequestRepository
from bot.workflow import Workflow


class Reminders:
    def __init__(self, workflow: Workflow, repository: RequestRepository, clock: Clock, *,
                 reminder_hours: int, escalation_hours: int) -> None:
        self.workflow = workflow
        self.repository = repository
        self.clock = clock
        self.remind_after = timedelta(hours=reminder_hours)
        self.escalate_after = timedelta(hours=escalation_hours)

    def run_once(self) -> int:
        """Queue what is due now; returns how many notifications were queued."""
        queued = 0
        now = self.clock.now()
        for request in self.repository.open_cases():
            waited = now - request.history[-1].at
            if waited >= self.escalate_after:
                queued += self._queue(request, "escalation", self._escalation(request, waited))
            if waited >= self.remind_after:
                queued += self._queue(request, "reminder", self._reminder(request, waited))
        return queued

    def _queue(self, request: SocialMediaRequest, kind: str, note: Notification | None) -> int:
        marker = f"{request.id}:{request.step}:{kind}"
        if note is None or self.repository.marked(marker):
            return 0
        self.repository.queue([note], marker=marker)
        return 1

    def _reminder(self, request: SocialMediaRequest, waited: timedelta) -> Notification:
        stage = STAGES[request.state]
        return Notification(
            id=f"{request.id}:{request.step}:reminder", kind="action_needed",
            case_id=request.id, step=request.step, intent="reminder",
            recipients=tuple(self.workflow.current_approvers(request)),
            summary=f"Reminder: {request.id} has waited {_days(waited)} for {stage.title}.",
        )

    def _escalation(self, request: SocialMediaRequest, waited: timedelta) -> Notification | None:
        directory = self.workflow.directory
        approvers = self.workflow.current_approvers(request)
        above = {directory.person(p).supervisor for p in approvers} - {None, *approvers}
        above.discard(request.requester_id)
        if not above:
            return None
        stage = STAGES[request.state]
        names = ", ".join(directory.person(p).full_name for p in approvers)
        return Notification(
            id=f"{request.id}:{request.step}:escalation", kind="escalation",
            case_id=request.id, step=request.step, intent="escalation",
            recipients=tuple(sorted(p for p in above if p)),
            summary=(f"{request.id} has waited {_days(waited)} for {stage.title} by {names}. "
                     "Please follow up, or reassign the stage."),
        )


def _days(waited: timedelta) -> str:
    hours = int(waited.total_seconds() // 3600)
    return f"{hours // 24} days" if hours >= 48 else f"{hours} hours"
