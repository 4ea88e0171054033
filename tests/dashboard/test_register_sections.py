"""The register's and the clocks' sections: the account register with its open password tasks,
open account reviews, open citizens' questions, the last link check's broken links. Each
person sees exactly the rows the core lets them see, each table's CSV is its rows and the
store's, ages are business days, and a section appears only once its data exists."""

from __future__ import annotations

import asyncio
import csv
import io

from aiohttp.test_utils import TestClient, TestServer

from adapters.dashboard import messages
from adapters.dashboard.http import DASHBOARD_KEY
from adapters.dashboard.render import csv_cell, page_html, table_csv
from adapters.dashboard.report import Page, ReportCache, build_page
from bot.audit import Actor
from socialbot.bootstrap import Runtime
from socialbot.server import StoreArchive, create_app
from tests.dashboard.scene import QUESTION_TEXT, SEES, build_register_scene, build_scene
from tests.dashboard.test_dashboard_http import csv_rows, sign_in
from tests.support import FixedClock

REGISTER_TABLES = ("accounts", "password-tasks", "reviews", "questions", "broken-links")
SECTIONS = (messages.ACCOUNTS_SECTION, messages.QUESTIONS_SECTION, messages.LINKS_SECTION)


def shown(page: Page) -> dict[str, list[str]]:
    """The first column (the record's id) of each register table on the page."""
    return {t.id: [row[0] for row in t.rows] for s in page.sections for t in s.tables
            if t.id in REGISTER_TABLES}


def page_for(bot: Runtime, person: str, clock: FixedClock,
             cache: ReportCache | None = None) -> Page:
    return build_page(bot.services, StoreArchive(bot), person, clock.now(),
                      cache or ReportCache(bot.reminders.calendar))


def test_a_fresh_install_shows_no_register_section(bot: Runtime, clock: FixedClock) -> None:
    build_scene(bot, clock)
    for person in SEES:
        page = page_for(bot, person, clock)
        assert not {s.title for s in page.sections} & set(SECTIONS), person
        assert messages.ACCOUNTS_TITLE not in page_html(page)


def test_each_person_sees_the_rows_the_core_lets_them_see(bot: Runtime,
                                                          clock: FixedClock) -> None:
    build_scene(bot, clock)
    asyncio.run(build_register_scene(bot, clock))
    for person, expected in SEES.items():
        page = page_for(bot, person, clock)
        assert shown(page) == expected, person
        titles = {s.title for s in page.sections}
        assert (messages.ACCOUNTS_SECTION in titles) == ("accounts" in expected), person
        assert (messages.LINKS_SECTION in titles) == ("broken-links" in expected), person
    # The same rows as the core's own lists.
    services, desk = bot.services, bot.clocks.questions
    for person in SEES:
        rows = shown(page_for(bot, person, clock))
        assert rows.get("accounts", []) == [a.id for a in services.accounts.visible_to(person)]
        assert rows.get("questions", []) == [o.question.id for o in desk.open_questions(person)]
        assert rows.get("reviews", []) == [r.id for r in bot.clocks.reviews.open_for(person)]
        assert rows.get("password-tasks", []) == [
            t.id for t in services.tasks.open_tasks()
            if services.engine.may_view("task", t, person)]


def test_the_rows_are_the_store_with_ages_in_business_days_and_no_password(
        bot: Runtime, clock: FixedClock) -> None:
    build_scene(bot, clock)
    asyncio.run(build_register_scene(bot, clock))  # now: Tuesday 1 December 2026
    page = page_for(bot, "kwong", clock)
    tables = {t.id: t for s in page.sections for t in s.tables}
    accounts = {row[0]: row for row in tables["accounts"].rows}
    rec = bot.services.accounts.get("AC-1")
    assert accounts["AC-1"][:6] == ["AC-1", "Facebook", "@PickeringRec", "Community Services",
                                    "active", "Alex Doe; Morgan Smith"]
    assert accounts["AC-1"][9] == "T-1" and accounts["AC-2"][9] == ""
    assert rec.password_changed_at is None and accounts["AC-1"][7:9] == ["", ""]
    assert not any("password" in c.lower() for c in tables["accounts"].columns[:7])
    # T-1 opened Saturday 28 November: Monday 30 is the one business day after it.
    (task,) = tables["password-tasks"].rows
    assert task[:5] == ["T-1", "Facebook @PickeringRec", "Jaya Patel",
                        "moved to another department", "Kim Wong"]
    assert task[6:8] == ["1", "2"] and task[8] == ""
    # The questions asked Monday 30 November: no whole business day after it yet.
    questions = {row[0]: row for row in tables["questions"].rows}
    stored = {o.question.id: o for o in bot.clocks.questions.open_questions()}
    assert set(questions) == set(stored)
    for question_id, row in questions.items():
        question = stored[question_id].question
        assert row[3] == question.excerpt and row[5] == str(stored[question_id].business_days)
    assert questions["Q-1"][1] == "Facebook @PickeringRec"
    assert questions["Q-3"][1] == "facebook:Pickering Library"
    # The last check's broken links, each with its case.
    check = bot.clocks.links.store.last_check()
    assert check is not None
    broken = {r.case_id: r for r in check.broken}
    links = tables["broken-links"].rows
    assert [(row[0], row[1], row[4]) for row in links] == [
        (case_id, broken[case_id].url, broken[case_id].detail) for case_id in ("L-1", "L-2")]
    # Each table's CSV: its header and exactly its rows; a handle starting with @ would be a
    # formula to a spreadsheet, so it is kept as text.
    for table_id in REGISTER_TABLES:
        table = tables[table_id]
        assert list(csv.reader(io.StringIO(table_csv(table)))) == [
            table.columns, *([csv_cell(v) for v in row] for row in table.rows)], table_id
    assert "'@PickeringRec" in table_csv(tables["accounts"])
    # Escaped: the citizen's markup is text on the page.
    html = page_html(page)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert QUESTION_TEXT not in html


def test_a_late_case_is_marked_and_a_change_is_shown_at_the_next_render(
        bot: Runtime, clock: FixedClock) -> None:
    build_scene(bot, clock)
    asyncio.run(build_register_scene(bot, clock))
    kept = ReportCache(bot.reminders.calendar)
    archive = StoreArchive(bot)
    first = build_page(bot.services, archive, "adoe", clock.now(), kept)
    assert shown(first)["questions"] == ["Q-1"]
    # Adoe answers Q-1 elsewhere; the next page no longer lists it, and the section goes.
    bot.clocks.questions.answered("adoe", "console", "Q-1", "by phone")
    after = build_page(bot.services, archive, "adoe", clock.now(), kept)
    assert "questions" not in shown(after)
    assert messages.QUESTIONS_SECTION not in {s.title for s in after.sections}
    # Days pass: the review falls past its service level.
    clock.advance(days=14)
    later = build_page(bot.services, archive, "adoe", clock.now(), kept)
    reviews = next(t for s in later.sections for t in s.tables if t.id == "reviews")
    level = bot.config.service_levels.cases["review"]
    assert int(reviews.rows[0][3]) >= level and reviews.marked == {0}
    assert reviews.rows[0][4:] == [str(level), messages.PAST_SERVICE]
    # A kept page says what a fresh one says.
    bot.services.tasks.done(Actor("kwong", "console"), "T-1")
    for person in SEES:
        fresh = page_for(bot, person, clock)
        assert shown(build_page(bot.services, archive, person, clock.now(), kept)) == \
            shown(fresh), person


async def test_each_tables_csv_over_http_is_what_that_person_is_shown(
        bot: Runtime, clock: FixedClock) -> None:
    build_scene(bot, clock)
    await build_register_scene(bot, clock)
    async with TestClient(TestServer(create_app(bot))) as client:
        for person, expected in SEES.items():
            client.session.cookie_jar.clear()
            await sign_in(client, person)
            page = client.app[DASHBOARD_KEY].page(person)
            for table_id in REGISTER_TABLES:
                if table_id in expected:
                    rows = await csv_rows(client, table_id)
                    table = page.table(table_id)
                    assert table is not None, (person, table_id)
                    assert rows == [[csv_cell(v) for v in row] for row in table.rows]
                    assert [row[0] for row in rows] == expected[table_id]
                else:
                    answer = await client.get(f"/dashboard/csv/{table_id}.csv")
                    assert answer.status == 404, (person, table_id)
