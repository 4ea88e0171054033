"""Asking for the dashboard in Slack: `/command dashboard` answers only the asker (an
ephemeral answer) with their personal one-time link, and the link opens the dashboard once."""

from __future__ import annotations

import re

import aiohttp

from tests.slack.conftest import SlackHarness

LINK = re.compile(r"https?://\S+(/dashboard/login\?t=[A-Za-z0-9_\-.]+)")


async def opens(base_url: str, path: str) -> int:
    async with aiohttp.ClientSession() as http, \
            http.get(base_url + path, allow_redirects=False) as answer:
        return answer.status


async def test_slash_command_dashboard_answers_only_the_asker_with_a_working_link(
        slack: SlackHarness) -> None:
    reply = await slack.command("U0KWONG", "dashboard")
    assert reply.status == 200
    assert reply.json()["response_type"] == "ephemeral"
    text = reply.json()["text"]
    assert "works once" in text
    found = LINK.search(text)
    assert found is not None, text
    # Nothing was posted anywhere: the link went to Kim Wong alone, in the answer.
    assert not [c for c in slack.fake.calls() if c.method == "chat.postMessage"]
    server = slack.url.removesuffix("/slack/events")
    assert await opens(server, found.group(1)) == 303
    assert await opens(server, found.group(1)) == 410  # once only
    stranger = await slack.command("U0NOBODY", "dashboard")
    assert "/dashboard/login" not in stranger.text
    helped = await slack.command("U0KWONG", "help")
    assert "dashboard" in helped.text


async def test_app_home_button_opens_the_link_in_a_modal_only_the_person_sees(
        slack: SlackHarness) -> None:
    await slack.open_home("U0KWONG")
    home = await slack.fake.wait_for("views.publish",
                                     lambda c: c.args.get("user_id") == "U0KWONG")
    view = home.args["view"]
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons][:1] == ["dashboard_link"]
    stored = slack.fake.home_view("U0KWONG")
    assert stored is not None
    reply = await slack.click("U0KWONG", "dashboard_link", view=stored)
    assert reply.status == 200
    modal = await slack.opened_view()
    text = " ".join(b["text"]["text"] for b in modal["blocks"] if "text" in b)
    found = LINK.search(text)
    assert found is not None, text
    assert await opens(slack.url.removesuffix("/slack/events"), found.group(1)) == 303
    assert not [c for c in slack.fake.calls() if c.method == "chat.postMessage"]
