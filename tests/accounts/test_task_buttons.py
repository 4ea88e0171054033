"""A password task's "Mark done" button, end to end over Slack (signed requests, the fake Slack
Web API) and Teams (Action.Execute invokes, the fake Bot Connector): the notice and the
person's own task list carry it; a click marks the task done, once, committed before the ack,
and every copy of the notice then says so; a double or stale click is answered "already ...",
someone else's "not yours", and a damaged payload changes nothing."""

from __future__ import annotations

import json
from typing import Any

from bot.audit import first_broken
from storage.accounts_repository import ACCOUNTS, TASKS
from storage.tinydb_repository import OUTBOX
from tests.accounts.test_slack_walkthrough import ADOE, KWONG, RSINGH, say, slack
from tests.fakes import slack_requests as sr
from tests.slack.conftest import SECRET, SlackHarness, all_text, button_values
from tests.teams.conftest import TeamsHarness, actions_of, assert_valid_card, connector, teams
from tests.teams.conftest import all_text as card_text

__all__ = ["connector", "slack", "teams"]  # the harnesses' fixtures, used here
TABLES = (ACCOUNTS, TASKS, OUTBOX)


def tables(harness: SlackHarness | TeamsHarness) -> dict[str, Any]:
    """The register, the tasks and what the outbox holds (its notices, not the delivery
    bookkeeping the dispatcher may be updating meanwhile): compare before and after."""
    found = {t: json.loads(json.dumps(dict(harness.bot.store.items(t)))) for t in TABLES}
    found[OUTBOX] = {key: record["notification"] for key, record in found[OUTBOX].items()}
    return found


def message_text(message: dict[str, Any]) -> str:
    return str(message.get("text", "")) + "\n" + all_text(message.get("blocks", []))


# -- Slack ---------------------------------------------------------------------------------------

async def slack_task(slack: SlackHarness) -> dict[str, Any]:
    """AC-1 used by Alex Doe; their access revoked (05): T-1 reaches the CCT Team Leader."""
    assert (await say(slack, KWONG, "account add Facebook @PickeringRec community-services "
                                    "adoe")).startswith("Added AC-1")
    assert "Password tasks opened: T-1" in await say(
        slack, KWONG, "revoke-access adoe AC-1 shared the login")
    await slack.settle()
    return await slack.card_for(KWONG, "done:T-1:1")


async def test_slack_mark_done_from_the_notice(slack: SlackHarness) -> None:
    notice = await slack_task(slack)
    assert "Mark done" in all_text(notice["blocks"])
    bot = slack.bot

    before = tables(slack)  # someone who does not hold the task: refused, nothing changes
    reply = await slack.click(ADOE, "done:T-1:1", message=notice, channel=notice["channel"])
    assert reply.status == 200
    assert "T-1 is held by Kim Wong" in await slack.ephemeral(ADOE)
    assert tables(slack) == before

    reply = await slack.click(KWONG, "done:T-1:1", message=notice, channel=notice["channel"])
    assert reply.status == 200
    task = bot.services.tasks.get("T-1")  # committed before the ack
    assert (task.state, task.done_entry.actor_id, task.done_entry.platform) == \
        ("done", "kwong", "slack")
    account = bot.services.accounts.get("AC-1")
    assert (account.password_changed_by, account.history[-1].details) == \
        ("kwong", {"task": "T-1"})
    assert first_broken("AC-1", account.history) is None
    await slack.settle()
    shown = slack.fake.message(notice["channel"], notice["ts"])  # the copy says it is done
    assert button_values(shown) == []
    assert "T-1 was marked done by Kim Wong" in message_text(shown)

    # The same click again (a double click, or Slack retrying): answered once, nothing changes.
    before = tables(slack)
    reply = await slack.click(KWONG, "done:T-1:1", message=notice, channel=notice["channel"])
    assert reply.status == 200
    already = await slack.ephemeral(KWONG, lambda t: "Already done" in t)
    assert "Already done: T-1 was marked done by Kim Wong on" in already
    assert "Nothing was changed" in already
    assert tables(slack) == before
    await slack.settle()
    assert len([c for c in slack.fake.calls("chat.postEphemeral")
                if "Already done" in str(c.args.get("text"))]) == 1


async def test_slack_a_stale_button_after_a_pass_and_the_one_it_was_passed_to(
        slack: SlackHarness) -> None:
    first = await slack_task(slack)
    assert (await say(slack, KWONG, "pass T-1 rsingh")).startswith("T-1 is now with")
    await slack.settle()
    old = slack.fake.message(first["channel"], first["ts"])
    assert button_values(old) == [] and "T-1 was passed to Ravi Singh" in message_text(old)
    theirs = await slack.card_for(RSINGH, "done:T-1:2")

    before = tables(slack)
    await slack.click(KWONG, "done:T-1:1", message=first, channel=first["channel"])
    stale = await slack.ephemeral(KWONG, lambda t: "T-1" in t)
    assert stale.startswith("Out of date: T-1 was passed to Ravi Singh by Kim Wong")
    assert tables(slack) == before

    await slack.click(RSINGH, "done:T-1:2", message=theirs, channel=theirs["channel"])
    assert slack.bot.services.accounts.get("AC-1").password_changed_by == "rsingh"
    await slack.settle()
    shown = slack.fake.message(theirs["channel"], theirs["ts"])
    assert "T-1 was marked done by Ravi Singh" in message_text(shown)


async def test_slack_mark_done_from_app_home(slack: SlackHarness) -> None:
    await slack_task(slack)
    await slack.open_home(KWONG)
    await slack.fake.wait_for("views.publish", lambda c: c.args.get("user_id") == KWONG)
    home = slack.fake.home_view(KWONG)
    assert home is not None
    assert [b["accessory"]["value"] for b in home["blocks"] if "accessory" in b] == \
        ["done:T-1:1"]
    assert "Your tasks (1)" in all_text(home)

    reply = await slack.click(KWONG, "done:T-1:1", view=home)
    assert reply.status == 200
    assert slack.bot.services.tasks.get("T-1").is_final  # committed before the ack
    await slack.settle()
    refreshed = slack.fake.home_view(KWONG)
    assert refreshed is not None and "T-1" not in all_text(refreshed)
    assert not [b for b in refreshed["blocks"] if "accessory" in b]


async def test_slack_damaged_task_buttons_change_nothing(slack: SlackHarness) -> None:
    notice = await slack_task(slack)
    before = tables(slack)
    malformed = sr.block_actions_payload(user_id=KWONG, action_id="done", value="done:T-1:1",
                                         channel_id=notice["channel"], message=notice)
    malformed["actions"][0]["value"] = 7  # a number where Slack sends text
    reply = await slack.send(sr.sign_payload(malformed, SECRET, sr.SIGNED))
    assert 400 <= reply.status < 500 and "malformed" in reply.text
    for value in ("done:T-1", "done:T-1:1:extra", "approve:T-1:1", "done:T-99:1"):
        reply = await slack.click(KWONG, value, message=notice, channel=notice["channel"])
        assert reply.status == 200
    assert "not one of mine" in await slack.ephemeral(KWONG, lambda t: "not one" in t)
    assert "T-99" in await slack.ephemeral(KWONG, lambda t: "T-99" in t)
    assert tables(slack) == before
    assert not slack.bot.services.tasks.get("T-1").is_final


# -- Teams ---------------------------------------------------------------------------------------

def mark_done(card: dict[str, Any]) -> dict[str, Any]:
    [action] = [a for a in actions_of(card) + [
        a for item in card["body"] if item.get("type") == "ActionSet" for a in item["actions"]]
        if a["title"] == "Mark done"]
    return action


async def teams_task(teams: TeamsHarness) -> dict[str, Any]:
    await teams.say("kwong", "hello")
    await teams.say("kwong", "account add X @PickeringPlans city-development bharris")
    await teams.say("kwong", "revoke-access bharris AC-1 shared the login publicly")
    await teams.settle()
    notice = await teams.card_for("kwong", "Password task T-1")
    assert notice.card is not None
    return notice.card


async def test_teams_mark_done_from_the_notice(teams: TeamsHarness) -> None:
    card = await teams_task(teams)
    action = mark_done(card)
    assert action["verb"] == "done" and action["data"]["button"] == "done:T-1:1"

    before = tables(teams)  # a person who does not hold it: "not yours", nothing changes
    body = await teams.click("bharris", "done", action["data"])
    assert "T-1 is held by Kim Wong" in card_text(body["value"])
    assert tables(teams) == before

    body = await teams.click("kwong", "done", action["data"])
    assert body["statusCode"] == 200
    answer = card_text(body["value"])  # the clicked card, refreshed
    assert "T-1 is done" in answer and "Mark done" not in answer
    task = teams.bot.services.tasks.get("T-1")  # committed before the invoke response
    assert (task.state, task.done_entry.platform) == ("done", "teams")
    assert teams.bot.services.accounts.get("AC-1").password_changed_by == "kwong"
    await teams.settle()
    updated = [u for u in teams.connector.updates() if u.card is not None
               and "T-1 was marked done by Kim Wong" in card_text(u.card)]
    assert updated and all(not actions_of(u.card or {}) for u in updated)

    before = tables(teams)  # the same click again: "already done by ... on ...", once
    again = card_text((await teams.click("kwong", "done", action["data"]))["value"])
    assert "Already done: T-1 was marked done by Kim Wong on" in again
    assert tables(teams) == before


async def test_teams_mark_done_from_the_inbox_and_damaged_invokes(teams: TeamsHarness) -> None:
    await teams_task(teams)
    [inbox] = await teams.say("kwong", "inbox")
    assert inbox.card is not None
    assert_valid_card(inbox.card)
    action = mark_done(inbox.card)
    assert action["data"] == {"button": "done:T-1:1", "source": "inbox"}

    before = tables(teams)
    for data in ({"button": "done:T-1"}, {"button": "done:T-1:1", "source": {"a": 1}},
                 {"button": "approve:T-1:1"}, {}):
        body = await teams.click("kwong", "done", data)
        assert body["statusCode"] == 400 and body["value"]["message"], data
    assert tables(teams) == before

    body = await teams.click("kwong", "done", action["data"])
    listed = card_text(body["value"])  # the list again, without the task, saying what happened
    assert "T-1 is done" in listed and "Your tasks (0)" in listed
    assert not mark_done_present(body["value"])
    stale = card_text((await teams.click("kwong", "done", action["data"]))["value"])
    assert "Already done: T-1" in stale


def mark_done_present(card: dict[str, Any]) -> bool:
    return "Mark done" in card_text(card)
