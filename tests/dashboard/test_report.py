"""The dashboard's totals, kept up to date write by write, say what a fresh count of the store
says; business days are the City's calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from adapters.dashboard.report import Page, ReportCache, build_page
from bot.audit import Actor
from bot.business_days import BusinessCalendar
from bot.cases import Move
from socialbot.bootstrap import Runtime
from socialbot.server import StoreArchive
from tests.dashboard.scene import build_scene, spam
from tests.support import FixedClock, file_request

PEOPLE = ("kwong", "adoe", "msmith", "pbrown", "dokafor", "tlee", "jpatel")


def tables(page: Page) -> dict[str, list[list[str]]]:
    return {t.id: t.rows for s in page.sections
            for t in [*s.tables, *(c.table for c in s.charts)]}


def test_totals_kept_write_by_write_match_a_fresh_count(bot: Runtime,
                                                         clock: FixedClock) -> None:
    build_scene(bot, clock)
    archive = StoreArchive(bot)
    kept = ReportCache(bot.reminders.calendar)
    for person in PEOPLE:
        build_page(bot.services, archive, person, clock.now(), kept)
    # Requests move on, are filed and withdrawn; alerts arrive and are decided, one a ban.
    workflow, desk = bot.workflow, bot.desk
    workflow.decide(Actor("kwong", "console"), "R-1", Move("approve"))
    workflow.decide(Actor("dokafor", "console"), "R-3", Move("approve"))
    clock.advance(days=2)
    file_request(workflow, "jpatel", first_name="Jai", last_name="Patel")
    workflow.decide(Actor("jpatel", "console"), "R-4", Move("withdraw"))
    desk.receive(replace(spam("p-9", "fb-9"), created_at=clock.now()))
    desk.decide("tlee", "slack", "A-3", "keep")
    desk.decide("rsingh", "slack", "A-4", "ban", reason="Spam again")
    for person in PEOPLE:
        fresh = build_page(bot.services, archive, person, clock.now(),
                           ReportCache(bot.reminders.calendar))
        assert tables(build_page(bot.services, archive, person, clock.now(), kept)) == \
            tables(fresh), person
    cct = tables(build_page(bot.services, archive, "kwong", clock.now(), kept))
    assert [r[1] for r in cct["bans"]] == ["fb-2", "fb-9"]
    assert [(r[0], r[2]) for r in cct["waiting"]] == [("R-1", "director"), ("R-3", "cct")]
    assert sum(int(r[1]) for r in cct["outcomes"]) == 4 and cct["learned"][0][0] == "4"


def test_a_holiday_and_a_closure_are_not_business_days(bot: Runtime,
                                                        clock: FixedClock) -> None:
    closure = date(2026, 12, 29)  # a Tuesday the City closes
    calendar = BusinessCalendar("America/Toronto", closures=[closure])
    friday_noon = datetime(2026, 2, 13, 17, 0, tzinfo=UTC)  # Family Day is Monday the 16th
    assert calendar.business_days_between(friday_noon, friday_noon + timedelta(days=4)) == \
        pytest.approx(1.0)  # Friday afternoon and Tuesday morning
    # Filed Wednesday 23 Dec; Christmas (Fri), the weekend, Boxing Day (Saturday, observed on
    # Monday 28) and the closure do not count.
    filed = datetime(2026, 12, 23, 15, 0, tzinfo=UTC)
    clock.current = filed
    file_request(bot.workflow, "adoe")
    clock.current = datetime(2026, 12, 31, 15, 0, tzinfo=UTC)
    page = build_page(bot.services, StoreArchive(bot), "kwong", clock.now(),
                      ReportCache(calendar))
    waiting = tables(page)["waiting"]
    # Thu 24 and Wed 30 Dec: two business days, the supervisor's service level: past it.
    assert waiting[0][6:8] == ["2", "2"] and waiting[0][8] != ""
    weekdays_only = BusinessCalendar("America/Toronto", closed_on=())
    assert weekdays_only.days_waited(filed, clock.now()) == 3  # the closure counts here


def test_counting_by_year_tables_agrees_with_asking_day_by_day() -> None:
    calendar = BusinessCalendar("America/Toronto", closures=[date(2027, 1, 4)])
    start = date(2025, 12, 20)
    for first_offset in range(0, 400, 37):
        first = start + timedelta(days=first_offset)
        for length in (0, 1, 6, 45, 380):
            stop = first + timedelta(days=length)
            by_day = sum(calendar.is_business_day(first + timedelta(days=n))
                         for n in range(length))
            assert calendar.count(first, stop) == by_day, (first, stop)
