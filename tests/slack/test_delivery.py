"""Delivery through the outbox: Slack briefly down loses nothing; a CCT channel; App Home."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from adapters.slack.channel import SlackChannel
from bot.workflow import Actor, Move
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import SlackHarness, all_text, button_values, start_harness
from tests.support import valid_form

ADOE, MSMITH, KWONG, RSINGH = "U0ADOE", "U0MSMITH", "U0KWONG", "U0RSINGH"


def file_for_adoe(slack: SlackHarness) -> None:
    slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
    slack.bot.dispatcher.wake()


def supervisor_cards(slack: SlackHarness) -> list[str]:
    return [c.args["channel"] for c in slack.fake.calls("chat.postMessage")
            if c.ok and "approve:R-1:1" in str(c.args.get("blocks"))]


async def test_a_rate_limit_waits_for_retry_after_then_delivers_once(
        slack: SlackHarness) -> None:
    slack.fake.fail_next("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    file_for_adoe(slack)
    await slack.settle(timeout=8)
    attempts = [c for c in slack.fake.calls("chat.postMessage") if c.args["channel"] == "D0MSMITH"]
    assert [c.status for c in attempts] == [429, 200]
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured
    assert supervisor_cards(slack) == ["D0MSMITH"]


async def test_a_rate_limit_on_one_method_holds_that_method_only(slack: SlackHarness) -> None:
    # Slack limits each method on its own tier: chat.update being throttled must not hold up
    # the next approver's card, which goes out by chat.postMessage.
    file_for_adoe(slack)
    await slack.settle()
    slack.fake.fail_next("chat.update", status=429, retry_after=30)
    slack.bot.workflow.decide(Actor("msmith", "slack"), "R-1", Move("approve"))
    slack.bot.dispatcher.wake()
    await slack.fake.wait_for("chat.postMessage",
                              lambda c: "approve:R-1:2" in str(c.args.get("blocks")), timeout=5)
    assert [c.status for c in slack.fake.calls("chat.update")] == [429]
    channel = slack.bot.channels["slack"]
    assert isinstance(channel, SlackChannel)
    assert channel.pauses.until["chat.update"] - time.monotonic() > 20
    assert channel.pauses.until.get("chat.postMessage", 0.0) < time.monotonic()


async def test_server_errors_are_retried_with_backoff_until_delivered(
        slack: SlackHarness) -> None:
    slack.fake.fail_next("chat.postMessage", status=500, times=2)
    file_for_adoe(slack)
    await slack.settle(timeout=10)
    assert supervisor_cards(slack) == ["D0MSMITH"]
    assert slack.bot.repository.dead_letters() == []


async def test_a_timeout_is_retried(slack: SlackHarness) -> None:
    channel = slack.bot.channels["slack"]
    assert isinstance(channel, SlackChannel)
    channel.client.timeout = 0.3
    slack.fake.delay_next("chat.postMessage", 0.6)
    file_for_adoe(slack)
    await slack.settle(timeout=8)
    # Slack gives no idempotency key for chat.postMessage: a post that timed out may still
    # have landed, so a timeout is delivered at least once (the ledger keeps the last copy).
    assert "D0MSMITH" in supervisor_cards(slack)


async def test_an_error_no_retry_can_fix_is_kept_as_a_dead_letter(slack: SlackHarness) -> None:
    slack.fake.error_next("chat.postMessage", "channel_not_found", times=1)
    file_for_adoe(slack)
    await slack.settle(timeout=5)
    dead = slack.bot.repository.dead_letters()
    assert [d.notification.kind for d in dead] == ["action_needed"]
    assert "channel_not_found" in dead[0].last_error
    assert len([c for c in slack.fake.calls("chat.postMessage")
                if c.args["channel"] == "D0MSMITH"]) == 1


async def test_cct_cards_go_to_the_cct_channel_once_and_the_core_checks_each_click(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with FakeSlackWebAPI() as fake:
        slack = await start_harness(tmp_path, monkeypatch, fake, cct_channel="C0CCTREVIEW")
        try:
            request = slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
            slack.bot.workflow.decide(Actor("msmith", "slack"), request.id,
                                      Move("approve"))
            slack.bot.dispatcher.wake()
            await slack.settle()
            posts = [m for m in fake.messages() if "approve:R-1:2" in button_values(m.message)]
            assert [p.channel for p in posts] == ["C0CCTREVIEW"]
            shown = all_text(posts[0].message["blocks"])
            assert "Recommend" in shown and "Decline" in shown and "Withdraw" not in shown

            card = {**posts[0].message, "channel": "C0CCTREVIEW"}
            await slack.click(MSMITH, "approve:R-1:2", message=card, channel="C0CCTREVIEW")
            assert "CCT review" in await slack.ephemeral(MSMITH)
            await slack.click(RSINGH, "approve:R-1:2", message=card, channel="C0CCTREVIEW")
            await slack.settle()
            now = fake.message("C0CCTREVIEW", posts[0].ts)
            assert button_values(now) == [] and "Recommended by Ravi Singh" in all_text(now)
        finally:
            await slack.close()


async def test_app_home_shows_what_waits_and_is_refreshed_after_a_decision(
        slack: SlackHarness) -> None:
    await slack.open_home(MSMITH)
    first = await slack.fake.wait_for("views.publish", lambda c: c.args["user_id"] == MSMITH)
    assert "Nothing waits for you." in all_text(first.args["view"])

    file_for_adoe(slack)
    await slack.settle()
    published = [c for c in slack.fake.calls("views.publish") if c.args["user_id"] == MSMITH]
    home = published[-1].args["view"]
    assert "approve:R-1:1" in button_values({"blocks": home["blocks"]})

    # Approving from App Home: the click has no channel; the home is refreshed afterwards.
    view = slack.fake.home_view(MSMITH)
    assert view is not None
    await slack.click(MSMITH, "approve:R-1:1", view=view)
    await slack.settle()
    assert slack.request().state == "cct"
    latest = [c for c in slack.fake.calls("views.publish") if c.args["user_id"] == MSMITH][-1]
    assert "Nothing waits for you." in all_text(latest.args["view"])

    # A late click in App Home gets its answer in a small modal (no channel to answer in).
    await slack.click(MSMITH, "approve:R-1:1", view=view)
    notice = await slack.opened_view()
    assert "Already decided" in all_text(notice["blocks"])


async def test_reminders_repeat_the_card_and_escalations_tell_the_cct_team_leader(
        slack: SlackHarness) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.reminders import Reminders

    file_for_adoe(slack)
    await slack.settle()
    calendar, levels = slack.bot.reminders.calendar, slack.bot.config.service_levels
    filed = later = datetime.now(UTC)
    # The first business day the supervisor stage (2 days) is late enough (3 more) to escalate.
    while (calendar.days_waited(filed, later) < 5
           or not calendar.is_business_day(calendar.local_date(later))):
        later += timedelta(days=1)

    class Later:
        def now(self) -> datetime:
            return later

    reminders = Reminders(slack.bot.workflow, slack.bot.repository, Later(),
                          calendar=calendar, levels=levels)
    assert reminders.run_once() == 2
    slack.bot.dispatcher.wake()
    await slack.settle()
    cards = [m.message for m in slack.fake.messages(slack.fake.dm_channel(MSMITH))
             if "approve:R-1:1" in button_values(m.message)]
    assert len(cards) == 2 and "Reminder: R-1 has waited" in all_text(cards[1]["blocks"])
    leader = slack.dms("U0KWONG")
    assert len(leader) == 1 and "Please follow up" in leader[0]["text"]
    assert "Summer swim" not in str(leader[0])  # the team leader gets the summary, not the form
    assert slack.dms("U0PBROWN") == []  # no longer the approver's supervisor


async def test_a_kind_nothing_delivers_is_given_up_at_once(slack: SlackHarness) -> None:
    from bot.notifications import Notification
    from bot.ports import DeliveryFailed

    channel = slack.bot.channels["slack"]
    assert isinstance(channel, SlackChannel)
    unknown = Notification(id="R-1:1:password_change", kind="password_change",  # type: ignore[arg-type]
                           case_id="R-1", step=1, recipients=("kwong",))
    with pytest.raises(DeliveryFailed, match="nothing delivers 'password_change'") as failed:
        await channel.deliver(unknown)
    assert failed.value.retry_after is None  # retrying cannot help: a dead letter at once


async def test_notices_for_one_person_delivered_at_once_open_their_dm_once(
        slack: SlackHarness) -> None:
    # Three requests filed together: their cards go to the supervisor at the same time, each
    # from its own worker; the DM is opened once and every card lands in it.
    for _ in range(3):
        slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
    slack.bot.dispatcher.wake()
    await slack.settle()
    opened = [c.args["users"] for c in slack.fake.calls("conversations.open")]
    assert sorted(opened) == sorted(set(opened)) and MSMITH in opened
    cards = [c.args["channel"] for c in slack.fake.calls("chat.postMessage")
             if "approve:R-" in str(c.args.get("blocks"))]
    assert cards == ["D0MSMITH"] * 3


async def test_a_burst_of_notices_refreshes_each_app_home_once_with_the_last_state(
        slack: SlackHarness) -> None:
    for user in (MSMITH, ADOE):
        await slack.open_home(user)
        await slack.fake.wait_for("views.publish", lambda c, u=user: c.args["user_id"] == u)
    opened = len(slack.fake.calls("views.publish"))
    for _ in range(5):  # five requests at once: five cards for Mia, five updates for Alex
        slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
    slack.bot.dispatcher.wake()
    await slack.settle()
    refreshed = slack.fake.calls("views.publish")[opened:]
    for user in (MSMITH, ADOE):
        mine = [c for c in refreshed if c.args["user_id"] == user]
        assert 1 <= len(mine) <= 2, len(mine)  # not one per notice
        home = button_values({"blocks": mine[-1].args["view"]["blocks"]})
        if user == MSMITH:  # the last one published shows all five waiting
            assert {f"approve:R-{n}:1" for n in range(1, 6)} <= set(home)
    assert "Your requests (5)" in all_text(
        [c for c in refreshed if c.args["user_id"] == ADOE][-1].args["view"])
