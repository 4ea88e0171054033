"""Hostile and broken input over real HTTP: each gets its clear answer and changes nothing.

Unauthenticated and forged requests (authenticated mode), malformed activities, invokes with
missing, extra or wrongly typed data, a stranger's click, the same click three times, empty
and overlong inputs, and text crafted to break the card's JSON or Markdown.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.workflow import Actor
from tests.fakes.bot_connector import FakeBotFrameworkTokens
from tests.fakes.teams_activities import TeamsUser
from tests.support import valid_form
from tests.teams.conftest import (
    APP_ID,
    TeamsHarness,
    action_titles,
    all_text,
    assert_valid_card,
    find_action,
    form_inputs,
)

CARD = "application/vnd.microsoft.card.adaptive"
ERROR = "application/vnd.microsoft.error"
BLAKE = {"first_name": "Blake", "last_name": "Harris", "department": "City Development",
         "division": "Planning", "section": "", "promote_department": "city-development"}


async def filed(teams: TeamsHarness) -> dict[str, Any]:
    """R-1 by Blake Harris, waiting for Dana Okafor; returns Dana's card."""
    for person in ("bharris", "dokafor", "jpatel", "kwong"):
        await teams.say(person, "hello")  # everyone's chat is known before the snapshots
    teams.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
    teams.bot.dispatcher.wake()
    await teams.settle()
    call = await teams.card_for("dokafor", "R-1")
    assert call.card is not None
    return call.card


def unchanged(teams: TeamsHarness, before: dict[str, Any], *, refusals: int = 0) -> None:
    after = teams.snapshot()
    assert {t: v for t, v in after.items() if t != "refusals"} == \
           {t: v for t, v in before.items() if t != "refusals"}
    assert len(after["refusals"]) == len(before["refusals"]) + refusals


# -- authentication --------------------------------------------------------------------------

async def test_unauthenticated_and_forged_requests_get_401_and_change_nothing(
        authenticated_teams: TeamsHarness, tokens: FakeBotFrameworkTokens) -> None:
    teams = authenticated_teams
    before = teams.snapshot()
    message = teams.chat("bharris").message("request")
    service = teams.connector.service_url
    cases = {
        "no token": {"Authorization": ""},
        "garbage": {"Authorization": "Bearer garbage"},
        "forged": {"Authorization": "Bearer " + tokens.token(APP_ID, service,
                                                             signed_by_stranger=True)},
        "expired": {"Authorization": "Bearer " + tokens.token(APP_ID, service, expires_in=-600)},
        "other bot": {"Authorization": "Bearer " + tokens.token(
            "99999999-0000-0000-0000-000000000000", service)},
    }
    for name, headers in cases.items():
        status, body = await teams.post(message, headers=headers)
        assert status == 401, name
        assert body["error"]["code"] == "Unauthorized", name
    status, _ = await teams.post(message, headers={"Content-Type": ""})
    assert status == 401
    unchanged(teams, before)
    assert teams.connector.sent() == []

    [form] = await teams.say("bharris", "request")    # the real token works
    assert form.authorization == "Bearer fake-outbound-token"
    assert form.card is not None and "Appendix 2" in all_text(form.card)
    filed = await teams.press("bharris", form.card, "Submit request",
                              inputs=form_inputs(**BLAKE))
    assert "Request R-1 filed" in all_text(filed["value"])
    await teams.settle()
    proactive = await teams.card_for("dokafor", "R-1")   # a created chat, authenticated too
    assert proactive.authorization == "Bearer fake-outbound-token"


# -- malformed activities ----------------------------------------------------------------------

@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b'"text"', b"{}",
                                 b'{"type": "message"}'])
async def test_malformed_activities_get_4xx_json(teams: TeamsHarness, raw: bytes) -> None:
    before = teams.snapshot()
    status, body = await teams.post({}, raw=raw)
    assert 400 <= status < 500
    assert isinstance(body, dict) and "error" in body
    unchanged(teams, before)


async def test_message_without_sender_ids_is_a_stranger(teams: TeamsHarness) -> None:
    activity = teams.chat("bharris").message("request")
    activity["from"] = {"id": "29:nobody"}
    before = teams.snapshot()
    status, _ = await teams.post(activity)
    assert status == 201
    [said] = [c for c in teams.connector.sent() if c.activity_id == activity["id"]]
    assert "can't find your Teams account" in (said.text or "")
    unchanged(teams, before)


async def test_local_mode_answers_loopback_only(teams: TeamsHarness) -> None:
    from adapters.teams.auth import TeamsCredentials
    from adapters.teams.mount import local_mode_refusal
    config = teams.bot.config
    assert local_mode_refusal("0.0.0.0", config, TeamsCredentials()) is not None
    assert local_mode_refusal("127.0.0.1", config, TeamsCredentials()) is None
    assert local_mode_refusal("0.0.0.0", config, TeamsCredentials(app_id=APP_ID)) is None
    allowed = config.model_copy(update={"teams": config.teams.model_copy(
        update={"allow_local_mode_on_network": True})})
    assert local_mode_refusal("0.0.0.0", allowed, TeamsCredentials()) is None
    assert any("LOCAL MODE" in line for line in teams.banner)


# -- invokes ---------------------------------------------------------------------------------

async def test_invokes_with_missing_or_damaged_data_get_400(teams: TeamsHarness) -> None:
    card = await filed(teams)
    approve = find_action(card, "Approve")
    chat = teams.chat("dokafor")
    broken: list[dict[str, Any]] = []
    for value in (None, "x", {}, {"action": "x"}, {"action": {"type": "Action.Submit"}},
                  {"action": {"type": "Action.Execute"}},
                  {"action": {"type": "Action.Execute", "verb": "approve", "data": "x"}},
                  {"action": {"type": "Action.Execute", "verb": "approve", "data": {}}},
                  {"action": {"type": "Action.Execute", "verb": "approve",
                              "data": {"button": "approve:R-1"}}},
                  {"action": {"type": "Action.Execute", "verb": "reject",  # verb != button
                              "data": approve["data"]}},
                  {"action": {"type": "Action.Execute", "verb": "reject",
                              "data": {"button": "reject:R-1:1", "reason": {"a": 1}}}},
                  {"action": {"type": "Action.Execute", "verb": "x" * 500, "data": {}}}):
        activity = chat.card_action("approve")
        activity["value"] = value
        broken.append(activity)
    before = teams.snapshot()
    for activity in broken:
        status, body = await teams.post(activity)
        assert status == 200, activity["value"]
        assert body["type"] == ERROR and body["statusCode"] == 400, activity["value"]
        assert body["value"]["message"]
    unchanged(teams, before)


async def test_extra_data_is_ignored(teams: TeamsHarness) -> None:
    card = await filed(teams)
    approve = find_action(card, "Approve")
    body = await teams.click("dokafor", "approve", approve["data"], inputs={
        "requester_id": "dokafor", "step": 99, "state": "approved", "platform": "cli"})
    assert "Agreed in principle by Dana Okafor" in all_text(body["value"])
    request = teams.request()
    assert request.state == "cct" and request.requester_id == "bharris"
    assert request.history[-1].platform == "teams"


async def test_a_strangers_click_changes_nothing(teams: TeamsHarness) -> None:
    card = await filed(teams)
    approve = find_action(card, "Approve")
    before = teams.snapshot()
    eve = teams.chat("dokafor").for_user(TeamsUser(name="Eve Outsider"))
    status, body = await teams.post(eve.card_action("approve", approve["data"]))
    assert status == 200 and body["type"] == CARD
    assert_valid_card(body["value"])
    assert "can't find your Teams account" in all_text(body["value"])
    assert "Blake" not in all_text(body["value"])       # no personal data for outsiders
    unchanged(teams, before)

    # Someone in the directory who may not act: the card back with the reason (audited).
    answered = await teams.click("jpatel", "approve", approve["data"])
    assert "belongs to Dana Okafor" in all_text(answered["value"])
    assert "Blake" not in all_text(answered["value"])   # jpatel is not in R-1's chain
    unchanged(teams, before, refusals=1)

    kim = await teams.click("kwong", "approve", approve["data"])  # CCT may read, not act yet
    assert "belongs to Dana Okafor" in all_text(kim["value"])
    assert "Blake Harris" in all_text(kim["value"]) and not kim["value"].get("actions")
    unchanged(teams, before, refusals=2)

    own = await teams.click("bharris", "approve", approve["data"])  # nobody approves their own
    assert "Nobody approves their own request" in all_text(own["value"])
    assert action_titles(own["value"]) == ["Withdraw"]
    unchanged(teams, before, refusals=3)


async def test_the_same_click_three_times_decides_once(teams: TeamsHarness) -> None:
    card = await filed(teams)
    approve = find_action(card, "Approve")
    answers = [await teams.click("dokafor", "approve", approve["data"]) for _ in range(3)]
    assert "Agreed in principle by Dana Okafor" in all_text(answers[0]["value"])
    for later in answers[1:]:
        assert "Already decided: R-1 agreed in principle by Dana Okafor" in \
            all_text(later["value"])
    request = teams.request()
    assert [h.action for h in request.history] == ["submit", "approve"]
    await teams.settle()
    after = teams.snapshot()
    assert await_no_more(teams, after)


def await_no_more(teams: TeamsHarness, snapshot: dict[str, Any]) -> bool:
    return teams.snapshot() == snapshot


async def test_the_same_form_three_times_files_once(teams: TeamsHarness) -> None:
    [form] = await teams.say("bharris", "request")
    assert form.card is not None
    submit = find_action(form.card, "Submit request")
    inputs = form_inputs(**BLAKE)
    answers = [await teams.click("bharris", "submit_form", submit["data"], inputs=inputs)
               for _ in range(3)]
    assert all("Request R-1 filed" in all_text(a["value"]) for a in answers)
    assert teams.bot.repository.count() == 1


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"initiative": ""}, "initiative", "is required"),
    ({"initiative": "   "}, "initiative", "is required"),
    ({"section": "x" * 500}, "section", "Keep it to 100 characters (you wrote 500)"),
    ({"programs": ""}, "programs", "Choose at least one program"),
    ({"programs": "Facebook,MySpace"}, "programs", "Unknown program 'MySpace'"),
    ({"status": "contractor"}, "status", "Choose one of"),
    ({"privacy_accepted": "false"}, "privacy_accepted", "notice of collection"),
    ({"initiative": "x" * 5000}, "initiative", "Keep it to 1000"),
])
async def test_bad_form_input_is_shown_by_the_field_and_kept(
        teams: TeamsHarness, changes: dict[str, str], field: str, message: str) -> None:
    [form] = await teams.say("bharris", "request")
    assert form.card is not None
    submit = find_action(form.card, "Submit request")
    inputs = form_inputs(**{**BLAKE, **changes})
    before = teams.snapshot()
    body = await teams.click("bharris", "submit_form", submit["data"], inputs=inputs)
    card = body["value"]
    ids = [e.get("id") for e in card["body"]]
    position = ids.index(field)
    error = card["body"][position + 1]
    assert error["type"] == "RichTextBlock" and message in all_text(error)
    assert next(e for e in card["body"] if e.get("id") == "division")["value"] == "Planning"
    assert find_action(card, "Submit request")["data"] == submit["data"]  # same form, same nonce
    unchanged(teams, before)


async def test_empty_and_overlong_reasons_are_refused(teams: TeamsHarness) -> None:
    card = await filed(teams)
    reject = find_action(card, "Reject")
    before = teams.snapshot()
    for reason, said in (("", "Give a reason"), ("   ", "Give a reason"),
                         ("x" * 1001, "Keep it to 1000 characters")):
        body = await teams.click("dokafor", "reject", reject["data"], inputs={"reason": reason})
        assert said in all_text(body["value"])
        assert "Reject" in action_titles(body["value"])    # still theirs to decide
    unchanged(teams, before)


CRAFTED = ('"}]}, {"type": "Action.OpenUrl", "url": "https://evil.example"} '
           "[click me](https://evil.example) **bold** <at>Kim Wong</at> ${=request.id} "
           "\\\"\u202e\u0000")


async def test_crafted_text_stays_text(teams: TeamsHarness) -> None:
    clean = CRAFTED.replace("\u0000", "")
    [form] = await teams.say("bharris", "request")
    assert form.card is not None
    submit = find_action(form.card, "Submit request")
    rejected = await teams.click("bharris", "submit_form", submit["data"],
                                 inputs=form_inputs(**BLAKE, initiative=CRAFTED))
    assert "control characters" in all_text(rejected["value"])   # NUL: refused, nothing stored
    assert teams.bot.repository.count() == 0
    body = await teams.click("bharris", "submit_form", submit["data"],
                             inputs=form_inputs(**BLAKE, initiative=clean))
    assert "Request R-1 filed" in all_text(body["value"])
    assert teams.request().initiative == clean.strip()
    await teams.settle()
    card = (await teams.card_for("dokafor", "R-1")).card
    assert card is not None
    assert_valid_card(card)
    assert not any(a["type"] == "Action.OpenUrl" for a in card.get("actions", []))
    _only_in_text_runs(card, "evil.example")
    reject = find_action(card, "Reject")
    await teams.click("dokafor", "reject", reject["data"], inputs={"reason": clean})
    await teams.settle()
    told = (await teams.card_for("bharris", "was rejected by Dana Okafor")).card
    assert told is not None
    _only_in_text_runs(told, "evil.example")
    assert json.loads(json.dumps(told)) == told


def _only_in_text_runs(card: Any, needle: str) -> None:
    """User text appears only as TextRun text: never in a TextBlock, a URL or an id."""
    def walk(node: Any, parent_type: str) -> None:
        if isinstance(node, dict):
            kind = node.get("type", parent_type)
            for key, value in node.items():
                if isinstance(value, str) and needle in value:
                    assert kind == "TextRun" and key == "text", (kind, key, value[:80])
                walk(value, kind)
        elif isinstance(node, list):
            for item in node:
                walk(item, parent_type)

    walk(card, "")
