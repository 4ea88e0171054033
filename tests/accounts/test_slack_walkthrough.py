"""End to end over Slack (the real server, signed requests, the fake Slack Web API): access
recorded after approval; an employee with three accounts leaves; the password tasks arrive as
DMs, are reminded, passed and done from the slash command; the approval that waited on them is
with their supervisor, who signs it from the card."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from adapters.slack import mount as slack_mount
from bot.audit import Actor
from bot.config import load_config
from socialbot.bootstrap import build
from socialbot.server import create_app
from tests.accounts.scene import ACCOUNTS, approve_access
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import (
    SECRET,
    TOKEN,
    SlackHarness,
    all_text,
    slack_users,
    validate_everything_sent,
    write_config,
)
from tests.support import FixedClock, valid_form

ADOE, MSMITH, KWONG, RSINGH, PBROWN = "U0ADOE", "U0MSMITH", "U0KWONG", "U0RSINGH", "U0PBROWN"


@pytest.fixture
async def slack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                clock: FixedClock) -> AsyncIterator[SlackHarness]:
    async with FakeSlackWebAPI(bot_token=TOKEN) as fake:
        config_path = write_config(tmp_path, fake.base_url)
        fake.users.update(slack_users(config_path))
        monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
        config, base_dir = load_config(config_path)
        bot = build(config, base_dir, channel_names=(slack_mount.channel_name,), fsync=False,
                    clock=clock)
        bot.dispatcher.poll_seconds = 0.05
        app = create_app(bot)
        banner = slack_mount.mount(app, bot.services)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        harness = SlackHarness(bot, fake, runner, banner)
        try:
            yield harness
            validate_everything_sent(fake)
        finally:
            await harness.close()


async def say(slack: SlackHarness, user: str, text: str) -> str:
    reply = await slack.command(user, text)
    assert reply.status == 200
    return str(reply.json()["text"])


def dm_texts(slack: SlackHarness, user: str) -> str:
    return "\n".join(str(m.get("text", "")) for m in slack.dms(user))


async def test_access_granted_is_recorded_from_slack(slack: SlackHarness) -> None:
    assert (await say(slack, KWONG, "account add Facebook @PickeringRec community-services")
            ).startswith("Added AC-1")
    request = approve_access(slack.bot, "adoe")
    await slack.settle()
    assert f"{request.id} (Alex Doe: Facebook, YouTube) is approved" in dm_texts(slack, KWONG)
    assert f"/socialmedia record {request.id} AC-" in dm_texts(slack, KWONG)
    assert (await say(slack, ADOE, f"record {request.id} AC-1")).startswith("Only the")
    assert (await say(slack, RSINGH, f"record {request.id} AC-1")).startswith("Recorded")
    await slack.settle()
    assert "you may now use Facebook @PickeringRec" in dm_texts(slack, ADOE)
    assert "Facebook @PickeringRec" in await say(slack, ADOE, "accounts")
    entry = slack.bot.services.accounts.get("AC-1").history[-1]
    assert (entry.action, entry.actor_id, entry.platform) == ("grant", "rsingh", "slack")


async def test_an_employee_with_three_accounts_leaves(slack: SlackHarness,
                                                      clock: FixedClock) -> None:
    bot = slack.bot
    for platform, handle in ACCOUNTS:
        answer = await say(slack, KWONG, f"account add {platform} {handle} community-services "
                                         "msmith")
        assert answer.startswith("Added AC-")
    request = bot.workflow.submit(Actor("adoe", "slack"), valid_form())
    await slack.settle()
    first_card = await slack.card_for(MSMITH, f"approve:{request.id}:1")

    assert "scheduled for 2026-11-26" in await say(slack, KWONG,
                                                   'offboard msmith 2026-11-26 "retiring"')
    clock.advance(days=2)  # Thursday, the last day: the reminder loop carries it out
    bot.reminders.run_once()
    await slack.settle()
    kwong = dm_texts(slack, KWONG)
    for number in (1, 2, 3):
        assert f"Password task T-{number}: change the password of" in kwong
        assert f"/socialmedia done T-{number}" in kwong
    assert "Never send the password" in kwong
    # The card msmith had is closed; their supervisor now has the request, with buttons.
    assert "approve:" not in str(slack.fake.message(first_card["channel"], first_card["ts"]))
    card = await slack.card_for(PBROWN, f"approve:{request.id}:2")
    assert all(a.users == () for a in bot.services.accounts.all())

    clock.advance(days=5)  # Tuesday: two business days, the tasks' service level
    bot.reminders.run_once()
    await slack.settle()
    assert dm_texts(slack, KWONG).count("Reminder: Password task") == 3

    await slack.open_home(KWONG)
    home = await slack.fake.wait_for("views.publish", lambda c: c.args.get("user_id") == KWONG)
    shown = all_text(home.args["view"])
    assert "Your tasks (3)" in shown and "/socialmedia done T-2" in shown

    assert (await say(slack, KWONG, "done T-1")).startswith("T-1 is done")
    assert (await say(slack, KWONG, "pass T-2 rsingh")).startswith("T-2 is now with")
    await slack.settle()
    assert "Password task T-2" in dm_texts(slack, RSINGH)
    assert (await say(slack, MSMITH, "done T-3")).startswith("T-3 is held by")
    assert (await say(slack, RSINGH, "done T-2")).startswith("T-2 is done")
    assert (await say(slack, KWONG, "done T-3")).startswith("T-3 is done")
    assert await say(slack, KWONG, "tasks") == "No password task is open."
    register = await say(slack, KWONG, "accounts")
    assert register.count("users: nobody") == 3
    assert register.count("by Kim Wong") == 2 and register.count("by Ravi Singh") == 1
    changed = [bot.services.accounts.get(f"AC-{n}").password_changed_by for n in (1, 2, 3)]
    assert changed == ["kwong", "rsingh", "kwong"]
    assert bot.services.accounts.get("AC-2").history[-1].platform == "slack"

    await slack.click(PBROWN, f"approve:{request.id}:2", message=card, channel=card["channel"])
    await slack.settle()
    signed = bot.workflow.get(request.id)
    assert (signed.state, signed.history[-1].actor_id) == ("cct", "pbrown")


async def test_passwords_and_strangers_are_refused(slack: SlackHarness) -> None:
    before = slack.snapshot()
    answer = await say(slack, KWONG, "account add X password:hunter2 community-services")
    assert "looks like a password" in answer and "CCT Team Leader holds" in answer
    assert "Only the Corporate" in await say(slack, ADOE, "account add X @x community-services")
    assert "<script>" not in await say(slack, KWONG, "account <script>")
    assert slack.bot.services.accounts.all() == []
    assert slack.snapshot() == before
