"""Service levels on the City's calendar: a stage past its level reminds whoever must act every
business day, then tells the CCT Team Leader; never on a weekend, a holiday or a closure day."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.business_days import BusinessCalendar
from bot.config import AppConfig, CalendarConfig, PeriodsConfig, ServiceLevelsConfig, parse_config
from bot.reminders import Reminders, describe
from bot.workflow import Actor, Move
from socialbot.bootstrap import Runtime, build
from tests.conftest import SAMPLE_CONFIG
from tests.support import FixedClock, file_request

CLOSURE = date(2026, 7, 9)  # a Thursday the City closes (config `calendar.closures`)


def at_ten(day: date) -> datetime:
    """10:00 in Toronto (EDT) on `day`."""
    return datetime(day.year, day.month, day.day, 14, 0, tzinfo=UTC)


def config_for(sample_config: AppConfig) -> AppConfig:
    return sample_config.model_copy(update={
        "calendar": CalendarConfig(closures=[CLOSURE]),
        "service_levels": ServiceLevelsConfig(remind_every_business_days=1,
                                              escalate_after_business_days=3)})


def sent(bot: Runtime) -> list[tuple[str, tuple[str, ...]]]:
    """What was queued since the last call: (notification id, recipients)."""
    due = bot.repository.due(now=1e12)
    for message in due:
        bot.repository.delivered(message.id)
    return sorted((m.notification.id, m.notification.recipients) for m in due)


# Filed on Monday June 29, 2026; the supervisor stage has 2 business days. Business days after
# it: Tue 30, (Canada Day), Thu 2, Fri 3, (weekend), Mon 6, Tue 7, Wed 8, (closure), Fri 10.
SUPERVISOR = ("msmith",)
TEAM_LEADER = ("kwong",)
EXPECTED = {
    date(2026, 6, 30): [],
    date(2026, 7, 1): [],  # Canada Day: wall-clock hours would have reminded today
    date(2026, 7, 2): [],
    date(2026, 7, 3): [("R-1:1:reminder:0", SUPERVISOR)],  # Friday: 2 business days passed
    date(2026, 7, 4): [],  # Saturday
    date(2026, 7, 5): [],  # Sunday
    date(2026, 7, 6): [("R-1:1:reminder:1", SUPERVISOR)],
    date(2026, 7, 7): [("R-1:1:reminder:2", SUPERVISOR)],
    date(2026, 7, 8): [("R-1:1:escalation:3", TEAM_LEADER), ("R-1:1:reminder:3", SUPERVISOR)],
    CLOSURE: [],
    date(2026, 7, 10): [("R-1:1:escalation:4", TEAM_LEADER), ("R-1:1:reminder:4", SUPERVISOR)],
}


def test_reminders_follow_the_citys_calendar_across_a_restart(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    config = config_for(sample_config)
    clock.current = at_ten(date(2026, 6, 29))
    bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    sent(bot)
    for day, expected in EXPECTED.items():
        clock.current = at_ten(day)
        if day == date(2026, 7, 6):  # a restart: due times come from the store, not memory
            bot.close()
            bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
        assert bot.reminders.run_once() == len(expected)
        clock.advance(hours=7)
        assert bot.reminders.run_once() == 0  # once per period, however often the loop runs
        assert sent(bot) == expected, day
    [request] = bot.repository.open_cases()
    assert describe(bot.reminders.stage_times(request)) == (
        "Time per stage: Supervisor agreement 6 business days so far (5 reminders, "
        "2 escalations).")
    bot.close()


def test_an_approval_that_moved_on_gets_no_reminder(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    clock.current = at_ten(date(2026, 6, 29))
    bot = build(config_for(sample_config), tmp_path, channel_names=("slack",), clock=clock)
    request = file_request(bot.workflow)
    clock.current = at_ten(date(2026, 7, 2))
    bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    sent(bot)
    clock.current = at_ten(date(2026, 7, 3))  # the supervisor's level, but it moved on
    assert bot.reminders.run_once() == 0
    clock.current = at_ten(date(2026, 7, 8))  # the CCT stage (3 days) from Thursday
    assert bot.reminders.run_once() == 1
    [(note_id, recipients)] = sent(bot)
    assert note_id == "R-1:2:reminder:0" and set(recipients) == {"kwong", "rsingh"}
    [request] = bot.repository.open_cases()
    # Monday to Thursday around Canada Day: one whole business day (Tuesday) in between.
    assert describe(bot.reminders.stage_times(request)) == (
        "Time per stage: Supervisor agreement 1 business day; CCT review 3 business days so "
        "far (1 reminder).")
    bot.close()


def test_two_passes_at_once_queue_each_reminder_once(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    config = config_for(sample_config)
    clock.current = at_ten(date(2026, 6, 29))
    bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    sent(bot)
    clock.current = at_ten(date(2026, 7, 8))
    twin = Reminders(bot.workflow, bot.repository, clock, calendar=bot.reminders.calendar,
                     levels=config.service_levels)
    start = threading.Barrier(2)
    counts: list[int] = []

    def one_pass(reminders: Reminders) -> None:
        start.wait()
        counts.append(reminders.run_once())

    threads = [threading.Thread(target=one_pass, args=(r,)) for r in (bot.reminders, twin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == [0, 2]
    assert sent(bot) == EXPECTED[date(2026, 7, 8)]
    bot.close()


def test_the_director_stage_escalates_to_the_configured_fallback(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    config = sample_config.model_copy(update={"service_levels": ServiceLevelsConfig(
        stages={"director": 1}, escalate_after_business_days=1, director_fallback="jmarsh")})
    clock.current = at_ten(date(2026, 6, 29))
    bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
    request = file_request(bot.workflow)
    bot.workflow.decide(Actor("msmith", "slack"), request.id, Move("approve"))
    bot.workflow.decide(Actor("kwong", "slack"), request.id, Move("approve"))
    sent(bot)
    director = bot.workflow.current_approvers(bot.workflow.get(request.id))
    clock.current = at_ten(date(2026, 7, 3))  # Tue 30, Thu 2 passed: late by 1
    assert bot.reminders.run_once() == 2
    assert sent(bot) == [("R-1:3:escalation:1", ("jmarsh",)),
                         ("R-1:3:reminder:1", tuple(director))]
    bot.close()


def test_business_days_skip_ontario_holidays_the_civic_holiday_and_closures() -> None:
    calendar = BusinessCalendar("America/Toronto", closures=[date(2026, 12, 24)])
    closed = [date(2026, 1, 1), date(2026, 2, 16), date(2026, 4, 3), date(2026, 5, 18),
              date(2026, 7, 1), date(2026, 8, 3), date(2026, 9, 7), date(2026, 10, 12),
              date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28), date(2026, 7, 4)]
    open_days = [date(2026, 4, 6), date(2026, 11, 11), date(2026, 9, 30), date(2026, 7, 2)]
    assert [d for d in closed if calendar.is_business_day(d)] == []
    assert all(calendar.is_business_day(d) for d in open_days)  # Easter Monday etc. open
    # 23:30 in Toronto on Friday is already Saturday in UTC: the City's zone decides.
    assert calendar.local_date(datetime(2026, 7, 4, 3, 30, tzinfo=UTC)) == date(2026, 7, 3)


def test_the_old_hour_periods_are_read_as_business_days() -> None:
    text = SAMPLE_CONFIG.read_text()
    start = text.index("service_levels:")
    end = text.index("\n\n", start)
    legacy = text[:start] + "periods:\n  reminder_hours: 48\n  escalation_hours: 120" + \
        text[end:]
    config = parse_config(legacy)
    assert config.periods == PeriodsConfig(reminder_hours=48, escalation_hours=120)
    assert config.service_levels.stages["supervisor"] == 2
    assert config.service_levels.stages["sop_review"] == 2
    assert config.service_levels.escalate_after_business_days == 3
    with pytest.raises(Exception, match="periods: replaced by service_levels"):
        parse_config(text.replace("service_levels:", "periods: {}\nservice_levels:"))


def test_the_requester_and_the_cct_see_each_stages_time_in_show(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    from adapters.console.session import ConsoleSession

    clock.current = at_ten(date(2026, 6, 29))
    bot = build(config_for(sample_config), tmp_path, channel_names=("slack",), clock=clock)
    file_request(bot.workflow)
    clock.current = at_ten(date(2026, 7, 3))
    assert bot.reminders.run_once() == 1
    line = ("Time per stage: Supervisor agreement 2 business days so far (1 reminder).")
    for person in ("adoe", "kwong"):
        session = ConsoleSession(bot.workflow, person, desk=bot.desk, reminders=bot.reminders)
        assert session.handle("show R-1").endswith(line)
    bot.close()


def test_an_alert_reminds_the_moderators_then_hands_the_card_to_the_cct(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    from bot.moderation.model import Post

    clock.current = at_ten(date(2026, 7, 2))
    bot = build(config_for(sample_config), tmp_path, channel_names=("slack",), clock=clock)
    _, alert_id = bot.desk.receive(Post(
        platform="facebook", board="City of Pickering", folder="Events", topic="Pool",
        post_id="p-1", author_id="fb-42", author_name="Pat Poster",
        text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!",
        created_at=clock.current))
    assert alert_id is not None
    step = bot.desk.get(alert_id).step
    sent(bot)
    moderators, cct = ("rsingh", "tlee", "kwong"), ("kwong", "rsingh")
    # One business day; business days after Thursday: Fri 3, Mon 6, Tue 7, Wed 8, Fri 10.
    expected = {
        date(2026, 7, 3): [],
        date(2026, 7, 6): [(f"{alert_id}:{step}:reminder:0", moderators)],
        date(2026, 7, 7): [(f"{alert_id}:{step}:reminder:1", moderators)],
        date(2026, 7, 8): [(f"{alert_id}:{step}:reminder:2", moderators)],
        CLOSURE: [],
        date(2026, 7, 10): [(f"{alert_id}:{step}:escalation:3", cct),
                            (f"{alert_id}:{step}:reminder:3", moderators)],
    }
    for day, notes in expected.items():
        clock.current = at_ten(day)
        assert bot.reminders.run_once() == len(notes)
        assert sent(bot) == notes, day
    bot.desk.decide("tlee", "slack", alert_id, "keep")
    sent(bot)
    clock.current = at_ten(date(2026, 7, 13))
    assert bot.reminders.run_once() == 0  # decided: nothing more
    bot.close()
