"""A stage that waits too long reminds its approvers once, then tells their supervisors."""

from __future__ import annotations

from pathlib import Path

from bot.reminders import Reminders
from bot.workflow import Actor, Move
from socialbot.bootstrap import build
from tests.support import file_request


def test_reminder_then_escalation_each_once(tmp_path: Path, sample_config, clock) -> None:  # type: ignore[no-untyped-def]
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    reminders = Reminders(bot.workflow, bot.repository, clock, reminder_hours=48,
                          escalation_hours=120)
    request = file_request(bot.workflow)
    for message in bot.repository.due(now=1e12):
        bot.repository.delivered(message.id)
    clock.advance(hours=47)
    assert reminders.run_once() == 0
    clock.advance(hours=2)
    assert reminders.run_once() == 1
    assert reminders.run_once() == 0  # once per step, however often the loop runs
    [reminder] = bot.repository.due(now=1e12)
    assert reminder.notification.recipients == ("msmith",)
    assert "Reminder: R-1 has waited 2 days for Supervisor agreement" in \
        reminder.notification.summary
    clock.advance(hours=80)
    assert reminders.run_once() == 1
    escalation = next(m.notification for m in bot.repository.due(now=1e12)
                      if m.notification.kind == "escalation")
    assert escalation.recipients == ("pbrown",)  # Morgan Smith's supervisor
    bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    assert reminders.run_once() == 0  # the new step starts its own clock
    bot.close()
