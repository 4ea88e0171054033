"""Asking for the dashboard in Teams: `dashboard` in the personal chat answers there with the
person's one-time link, which opens the dashboard; in a channel it is refused."""

from __future__ import annotations

import re

import aiohttp

from tests.teams.conftest import TeamsHarness

LINK = re.compile(r"https?://\S+(/dashboard/login\?t=[A-Za-z0-9_\-.]+)")


async def opens(base_url: str, path: str) -> int:
    async with aiohttp.ClientSession() as http, \
            http.get(base_url + path, allow_redirects=False) as answer:
        return answer.status


async def test_teams_message_dashboard_answers_in_the_personal_chat_only(
        teams: TeamsHarness) -> None:
    [said] = await teams.say("kwong", "dashboard")
    assert said.conversation_id == "a:personal-kwong" and said.card is None
    found = LINK.search(said.text or "")
    assert found is not None, said.text
    server = teams.url.removesuffix("/api/messages")
    assert await opens(server, found.group(1)) == 303
    in_channel = teams.chat("kwong").message("<at>Social Media Access</at> dashboard")
    in_channel["conversation"] = {"conversationType": "channel", "isGroup": True,
                                  "tenantId": teams.chat("kwong").tenant_id,
                                  "id": "19:general@thread.tacv2;messageid=2"}
    status, _ = await teams.post(in_channel)
    assert status == 201
    [answer] = [c for c in teams.connector.sent() if c.activity_id == in_channel["id"]]
    assert "/dashboard/login" not in (answer.text or "")
    assert "only in our personal chat" in (answer.text or "")
