"""Moderation alerts in Slack: posts in over HTTP, alerts to moderators, decisions by click."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.fakes import slack_requests as sr
from tests.slack.conftest import SlackHarness, all_text, button_values

INTAKE_TOKEN = "intake-token-for-slack-tests"
RSINGH, KWONG, ADOE = "U0RSINGH", "U0KWONG", "U0ADOE"


@pytest.fixture(autouse=True)
def intake_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODERATION_INTAKE_TOKEN", INTAKE_TOKEN)


def post(post_id: str, text: str, author: str = "fb:100777") -> dict[str, Any]:
    return {"platform": "facebook", "board": "City of Pickering",
            "folder": "Road resurfacing 2027", "topic": "The City's 2027 road resurfacing plan.",
            "post_id": post_id, "author_id": author, "author_name": "Jo <!channel> Public",
            "text": text, "url": f"https://facebook.example/{post_id}",
            "created_at": "2027-05-01T10:00:00-04:00"}


async def send_posts(slack: SlackHarness, *posts: dict[str, Any]) -> list[dict[str, Any]]:
    url = slack.url.replace("/slack/events", "/api/moderation/posts")
    async with slack.http.post(url, data=json.dumps(list(posts)), headers={
            "Authorization": f"Bearer {INTAKE_TOKEN}",
            "Content-Type": "application/json"}) as answer:
        assert answer.status == 200, await answer.text()
        results: list[dict[str, Any]] = (await answer.json())["results"]
    slack.bot.dispatcher.wake()
    return results


async def test_alert_reaches_moderators_and_a_remove_updates_every_copy(
        slack: SlackHarness) -> None:
    [result] = await send_posts(slack, post("p1", "Sell me your f*cking bins, call 905-555-0142"))
    assert result["alert_id"] == "A-1"
    card = await slack.card_for(RSINGH, "remove:A-1:1")
    shown = all_text(card["blocks"])
    assert "Moderation alert A-1" in shown
    assert "Jo &lt;!channel&gt; Public" in shown  # escaped, never a mention
    assert {"remove:A-1:1", "keep:A-1:1", "ban:A-1:1", "escalate:A-1:1"} <= set(
        button_values(card))
    await slack.settle()
    # tlee is a moderator on Teams only; kwong is CCT but not a moderator: rsingh's DM alone.
    assert [m for m in slack.fake.messages(slack.fake.dm_channel(KWONG))] == []

    before = slack.snapshot()
    await slack.click(ADOE, "remove:A-1:1", channel=card["channel"])
    refusal = await slack.ephemeral(ADOE)
    assert "Only the City's moderators" in refusal
    after = slack.snapshot()
    [audited] = after.pop("refusals").values()  # the refused attempt is audited, nothing else
    assert (audited["case_id"], audited["person_id"], audited["action"]) == \
        ("A-1", "adoe", "remove")
    before.pop("refusals")
    assert after == before

    for _ in range(3):  # the same click delivered three times
        await slack.click(RSINGH, "remove:A-1:1", channel=card["channel"])
    await slack.settle()
    alert = slack.bot.desk.get("A-1")
    assert alert.state == "removed" and len(alert.history) == 1
    assert "Already decided: A-1 removed by Ravi Singh" in await slack.ephemeral(RSINGH)
    [updated] = [m.message for m in slack.fake.messages(card["channel"])]
    assert "Removed by Ravi Singh" in all_text(updated["blocks"])
    assert button_values(updated) == []


async def test_ban_asks_for_a_reason_and_flags_the_authors_next_post(slack: SlackHarness) -> None:
    await send_posts(slack, post("p2", "You are a worthless idiot, Councillor", "fb:42"))
    card = await slack.card_for(RSINGH, "ban:A-1:1")
    await slack.click(RSINGH, "ban:A-1:1", channel=card["channel"])
    modal = await slack.opened_view()
    assert modal["callback_id"] == "ban_author"
    empty = await slack.submit(RSINGH, modal, {"ban_reason": {"ban_reason": sr.text_value("")}})
    assert empty.json()["response_action"] == "errors"
    assert slack.bot.desk.get("A-1").state == "open"
    done = await slack.submit(RSINGH, modal, {
        "ban_reason": {"ban_reason": sr.text_value("Repeated personal attacks")}})
    assert done.status == 200 and done.text in ("", "null")
    assert slack.bot.desk.get("A-1").state == "banned"
    [later] = await send_posts(slack, post("p3", "Nice paving job on Liverpool Rd!", "fb:42"))
    assert later["banned_author"] is True and later["alert_id"] == "A-2"
    await slack.card_for(RSINGH, "keep:A-2:1")


async def test_escalation_goes_to_the_cct_who_then_decide(slack: SlackHarness) -> None:
    await send_posts(slack, post("p4", "This topic is lame, nobody cares about roads"))
    card = await slack.card_for(RSINGH, "escalate:A-1:1")
    await slack.click(RSINGH, "escalate:A-1:1", channel=card["channel"])
    cct_card = await slack.card_for(KWONG, "keep:A-1:2")
    await slack.click(KWONG, "keep:A-1:2", channel=cct_card["channel"])
    await slack.settle()
    assert slack.bot.desk.get("A-1").state == "kept"
    assert slack.bot.desk.repository.kept_examples()[0].post_id == "p4"
