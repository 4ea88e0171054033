"""Timely answers to citizens (04.02 k): a question to the City starts a clock on its account;
the City's reply in the thread stops it; late, the account's users are reminded, then the CCT.
The clock runs on business days: across a Friday, a weekend, Canada Day, a City closure day
and a restart, exactly these notices go out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from click.testing import CliRunner

from bot.config import AppConfig, CalendarConfig
from bot.moderation.model import Post
from bot.questions import asks_the_city
from socialbot.bootstrap import Runtime, build
from socialbot.cli import main
from socialbot.server import create_app
from tests.support import SAMPLE_CONFIG, FixedClock

TOKEN = "intake-token-for-tests"
CLOSURE = date(2026, 7, 9)
USERS = ("rsingh", "tlee", "kwong")  # until the account register: moderators and the CCT
CCT = ("kwong", "rsingh")


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour + 4, 0, tzinfo=UTC)  # Toronto, EDT


def post(post_id: str, text: str, when: datetime, *, reply_to: str | None = None,
         city: bool = False) -> dict[str, Any]:
    return {"platform": "facebook", "board": "Recreation", "folder": "Posts", "id": post_id,
            "author_id": "city" if city else f"c-{post_id}",
            "author_name": "City of Pickering" if city else "Sam Resident", "text": text,
            "created_at": when.isoformat(), "in_reply_to": reply_to, "author_is_city": city}


@asynccontextmanager
async def serving(bot: Runtime) -> AsyncIterator[str]:
    runner = web.AppRunner(create_app(bot), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield "http://127.0.0.1:{}".format(*runner.addresses[0][1:2])
    finally:
        await runner.cleanup()


async def send(bot: Runtime, *posts: dict[str, Any]) -> None:
    """Through the real intake: POST /api/moderation/posts, as the publishing side does."""
    async with serving(bot) as base, aiohttp.ClientSession() as http, http.post(
            f"{base}/api/moderation/posts", json={"posts": list(posts)},
            headers={"Authorization": f"Bearer {TOKEN}"}) as answer:
        assert answer.status == 200, await answer.text()


def queued(bot: Runtime) -> list[tuple[str, tuple[str, ...]]]:
    """The question notices queued since the last call (moderation alerts aside)."""
    due = bot.repository.due(now=1e12)
    for message in due:
        bot.repository.delivered(message.id)
    return sorted({(m.notification.id, m.notification.recipients) for m in due
                   if m.notification.case_type == "question"})


# Asked on Monday June 29, 2026; questions wait 2 business days. Business days after it:
# Tue 30, (Canada Day), Thu 2, Fri 3, (weekend), Mon 6, Tue 7, Wed 8, (closure), Fri 10.
EXPECTED = {
    date(2026, 7, 1): [],                              # Canada Day
    date(2026, 7, 2): [],
    date(2026, 7, 3): [("Q-1:1:reminder:0", USERS)],  # Friday: two business days passed
    date(2026, 7, 4): [],
    date(2026, 7, 5): [],
    date(2026, 7, 6): [("Q-1:1:reminder:1", USERS)],  # after a restart: nothing repeated
    date(2026, 7, 7): [("Q-1:1:reminder:2", USERS)],
    date(2026, 7, 8): [("Q-1:1:escalation:3", CCT), ("Q-1:1:reminder:3", USERS)],
    CLOSURE: [],
}


async def test_a_question_is_reminded_escalated_and_answered_another_answered_in_time(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODERATION_INTAKE_TOKEN", TOKEN)
    config = sample_config.model_copy(update={"calendar": CalendarConfig(closures=[CLOSURE])})
    clock.current = at(date(2026, 6, 29), 9)
    bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
    await send(bot,
               post("city-1", "The pool closes for repairs this summer.", clock.current,
                    city=True),
               post("q-1", "When will the pool reopen?", clock.current, reply_to="city-1"),
               post("q-2", "Hi! Where can I get a parking permit for the arena?",
                    clock.current),
               post("r-1", "Who cares?", clock.current, reply_to="city-1"),  # rhetorical
               post("r-2", "What a great summer it will be.", clock.current))
    assert queued(bot) == [("Q-1:1:asked", USERS), ("Q-2:1:asked", USERS)]

    clock.current = at(date(2026, 6, 30), 11)   # the City answers the second the next day
    await send(bot, post("city-2", "Parking permits are at City Hall, 8:30 to 4:30.",
                         clock.current, reply_to="q-2", city=True))
    assert queued(bot) == [("Q-2:2:answered", USERS)]

    for day, expected in EXPECTED.items():
        clock.current = at(day)
        if day == date(2026, 7, 6):
            bot.close()
            bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
        bot.reminders.run_once()
        clock.advance(hours=6)
        bot.reminders.run_once()  # once per period, however often the pass runs
        assert queued(bot) == expected, day

    # On the closure day the City answers in the thread (a reply under its own post).
    clock.current = at(CLOSURE, 12)
    await send(bot, post("city-3", "@Sam the pool reopens August 4.", clock.current,
                         reply_to="city-1", city=True))
    assert queued(bot) == [("Q-1:2:answered", USERS)]
    clock.current = at(date(2026, 7, 10))
    bot.reminders.run_once()
    assert queued(bot) == []  # answered: the clock stopped
    q1, q2 = bot.clocks.question_cases.get("Q-1"), bot.clocks.question_cases.get("Q-2")
    assert q1 is not None and q2 is not None
    assert [(e.action, e.comment) for e in q1.history] == [
        ("asked", "found by the screener"), ("city_replied", "city-3")]
    assert q2.state == "answered" and len(q2.history) == 2  # never reminded
    bot.close()

    config_file = tmp_path / "app.yaml"
    config_file.write_text(SAMPLE_CONFIG.read_text())
    listed = CliRunner().invoke(main, ["questions", "--config", str(config_file)])
    assert listed.exit_code == 0 and "No citizen's question waits" in listed.output


def test_moderators_mark_a_question_from_an_alert_and_clear_a_false_one(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    spam = Post(platform="facebook", board="Recreation", folder="Posts", topic="",
                post_id="p-9", author_id="c-9", author_name="Pat", created_at=clock.now(),
                text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!")
    _, alert_id = bot.desk.receive(spam)
    assert alert_id is not None
    desk = bot.clocks.questions
    from bot.errors import Refused

    with pytest.raises(Refused):
        desk.mark("adoe", "console", bot.desk.get(alert_id))  # not a moderator
    marked = desk.mark("tlee", "console", bot.desk.get(alert_id))
    assert marked.id == "Q-1" and marked.account_id == "facebook:Recreation"
    assert marked.history[0].actor_id == "tlee" and marked.history[0].action == "marked"
    assert desk.mark("rsingh", "console", bot.desk.get(alert_id)).id == "Q-1"  # once
    assert [o.question.id for o in desk.open_questions()] == ["Q-1"]
    with pytest.raises(Refused):
        desk.clear("adoe", "console", "Q-1", "spam")
    cleared = desk.clear("tlee", "console", "q-1", "spam, not a question")
    assert cleared.state == "cleared" and desk.open_questions() == []
    bot.close()


@pytest.mark.parametrize(("text", "reply_to", "asks"), [
    ("When does the pool reopen?", None, True),
    ("Hi, is the library open on Monday?", None, True),
    ("Does the City pick up leaves in November?", "c-5", True),
    ("Can you tell me where to pay a parking ticket?", "c-5", True),
    ("Is it just me or is this great", None, False),   # no question mark
    ("Who cares?", None, False),
    ("Are you kidding me?", None, False),
    ("What were you thinking?", None, False),
    ("Seriously??", None, False),
    ("How is this even allowed?!", None, False),
    ("Did you see the game last night?", "c-5", True),  # "you" under a citizen: asks the City
    ("Was the game good?", "c-5", False),               # a citizen talking to a citizen
    ("WHY IS THE ROAD STILL CLOSED?", None, False),     # shouting
    ("Great news. Why would anyone complain?", None, False),
])
def test_the_screener_finds_questions_to_the_city_not_rhetorical_ones(
        text: str, reply_to: str | None, asks: bool) -> None:
    found = Post(platform="facebook", board="b", folder="f", topic="", post_id="x",
                 author_id="a", author_name="", text=text, parent_id=reply_to,
                 created_at=datetime(2026, 7, 6, tzinfo=UTC))
    assert asks_the_city(found) is asks
