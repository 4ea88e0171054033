"""A stranger to a request reads nothing of it in Slack: not its card, not its home, not status."""

from __future__ import annotations

import logging

import pytest

from bot.workflow import Actor
from tests.slack.conftest import SlackHarness, all_text
from tests.support import valid_form

ADOE, NGARCIA, PBROWN = "U0ADOE", "U0NGARCIA", "U0PBROWN"
PRIVATE = ("Summer swim", "Aquatics", "Alex Doe")


async def test_a_stranger_reads_nothing_of_a_request_in_slack(slack: SlackHarness) -> None:
    slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
    slack.bot.dispatcher.wake()
    await slack.settle()

    # Nico Garcia (City Development) clicks a forwarded View button of Alex's request.
    reply = await slack.click(NGARCIA, "view:R-1:1")
    assert reply.status == 200
    refused = await slack.ephemeral(NGARCIA)
    assert "You can't see R-1" in refused
    assert not any(word in refused for word in PRIVATE)

    status = await slack.command(NGARCIA, "status")
    assert "You have no requests" in status.text and "R-1" not in status.text
    await slack.open_home(NGARCIA)
    home = await slack.fake.wait_for("views.publish", lambda c: c.args.get("user_id") == NGARCIA)
    said_to_nico = [c.args for c in slack.fake.calls()
                    if NGARCIA in (c.args.get("user"), c.args.get("user_id"))]
    assert said_to_nico and home
    for args in said_to_nico:
        shown = str(args.get("text", "")) + all_text(args.get("blocks") or []) + \
            all_text((args.get("view") or {}).get("blocks") or [])
        assert not any(word in shown for word in PRIVATE), shown

    # The director of Alex's department may read it before her stage comes.
    await slack.click(PBROWN, "view:R-1:1")
    card = await slack.fake.wait_for("chat.postEphemeral",
                                     lambda c: c.args.get("user") == PBROWN)
    assert "Summer swim" in all_text(card.args["blocks"])


async def test_the_text_of_delivered_notices_stays_out_of_the_log_even_at_debug(
        slack: SlackHarness, caplog: pytest.LogCaptureFixture) -> None:
    # slack_sdk would log every Web API call's arguments (the cards' text) at DEBUG.
    caplog.set_level(logging.DEBUG)
    slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())
    slack.bot.dispatcher.wake()
    await slack.settle()
    posted = slack.fake.calls("chat.postMessage")
    assert posted and any("Summer swim" in all_text(c.args.get("blocks") or []) for c in posted)
    assert not any(word in caplog.text for word in PRIVATE)
