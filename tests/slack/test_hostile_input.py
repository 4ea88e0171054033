"""Every input is hostile: forged, stale, malformed, unknown, unauthorized, repeated, oversized.

Each case gets its clear answer and leaves the stored state exactly as it was (a refused
decision adds only its audit record, as ADM 140-007's audit trail asks).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import pytest

from adapters.slack import mount as slack_mount
from bot.config import load_config
from bot.workflow import Actor
from tests.fakes import slack_requests as sr
from tests.slack.conftest import (
    SECRET,
    STRANGER,
    SlackHarness,
    all_text,
    button_values,
    form_values,
    text_values,
)
from tests.support import valid_form

ADOE, MSMITH, KWONG, NGARCIA = "U0ADOE", "U0MSMITH", "U0KWONG", "U0NGARCIA"
MARKER = "PRIVATE-FORM-CONTENT-7731"


def file_for_adoe(slack: SlackHarness) -> None:
    slack.bot.workflow.submit(Actor("adoe", "slack"), valid_form())


# -- signatures ----------------------------------------------------------------------

FORGERIES = {
    "unsigned": sr.UNSIGNED,
    "wrong secret": sr.WRONG_SECRET,
    "stale": sr.STALE,
    "future": sr.FUTURE,
    "no timestamp": sr.SigningOptions(omit_timestamp=True),
    "timestamp abc": sr.SigningOptions(timestamp="abc"),
    "garbage signature": sr.SigningOptions(signature="v0=garbage"),
}


@pytest.mark.parametrize("forgery", FORGERIES.values(), ids=FORGERIES.keys())
async def test_a_forged_or_replayed_request_gets_401_changes_nothing_and_is_not_logged(
        slack: SlackHarness, forgery: sr.SigningOptions, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    before = slack.snapshot()
    submission = sr.view_submission(SECRET, signing=forgery, user_id=ADOE,
                                    values=form_values(initiative=f"{MARKER} campaign"))
    reply = await slack.send(submission)
    assert reply.status == 401
    assert slack.snapshot() == before
    assert MARKER not in caplog.text
    assert slack.fake.calls() == []


# -- malformed bodies ----------------------------------------------------------------------

def _signed(body: bytes, content_type: str = sr.FORM) -> sr.SignedRequest:
    return sr.sign_raw(body, content_type, SECRET)


def _payload(payload: Any) -> sr.SignedRequest:
    return sr.sign_form({"payload": json.dumps(payload)}, SECRET)


def _click(**changes: Any) -> sr.SignedRequest:
    payload = sr.block_actions_payload(user_id=MSMITH, action_id="approve", value="approve:R-1:1")
    payload.update(changes)
    return _payload(payload)


# Signed when the test runs, not when it is collected: Slack refuses a signature older than
# five minutes, and a busy machine can take longer than that to reach these tests.
MALFORMED: dict[str, Callable[[], sr.SignedRequest]] = {
    "bad JSON in payload": lambda: _signed(b"payload=%7Bnot+json"),
    "bad JSON body": lambda: _signed(b'{"type": "event_callback", ', sr.JSON),
    "JSON array": lambda: _signed(b"[1, 2, 3]", sr.JSON),
    "payload is an array": lambda: _payload([1]),
    "invalid UTF-8": lambda: _signed(b"payload=\xff\xfe\xfd"),
    "empty body": lambda: _signed(b""),
    "text/plain": lambda: _signed(b"hello there", "text/plain"),
    "no type": lambda: _payload({"user": {"id": MSMITH}}),
    "unknown type": lambda: _payload({"type": "nonsense", "user": {"id": MSMITH}}),
    "actions empty": lambda: _click(actions=[]),
    "actions a string": lambda: _click(actions="x"),
    "actions of strings": lambda: _click(actions=["x"]),
    "user a string": lambda: _click(user=MSMITH),
    "no user": lambda: _click(user=None),
    "view a string": lambda: _payload({"type": "view_submission", "user": {"id": ADOE},
                                       "view": "x"}),
    "view state garbage": lambda: _payload({"type": "view_submission", "user": {"id": ADOE},
                                            "view": {"callback_id": "request_access",
                                                     "state": {"values": ["x"]}}}),
    "event a string": lambda: sr.sign_json({"type": "event_callback", "event": "x"}, SECRET),
    "authorizations a string": lambda: sr.sign_json(
        {**sr.app_home_opened_event(user_id=ADOE), "authorizations": "x"}, SECRET),
    "slash command without user": lambda: sr.sign_form({"command": "/socialmedia", "text": ""},
                                                       SECRET),
}


@pytest.mark.parametrize("name", MALFORMED)
async def test_a_malformed_body_gets_a_clear_4xx_never_a_500(
        slack: SlackHarness, name: str) -> None:
    file_for_adoe(slack)
    await slack.settle()
    before = slack.snapshot()
    reply = await slack.send(MALFORMED[name]())
    assert 400 <= reply.status < 500, reply
    assert "malformed" in reply.text or "unhandled" in reply.text
    await asyncio.sleep(0.05)
    assert slack.snapshot() == before


async def test_an_oversized_body_is_refused(slack: SlackHarness) -> None:
    reply = await slack.send(_signed(b"payload=" + b"x" * 600_000))
    assert reply.status == 413


async def test_a_click_on_a_button_that_is_not_ours_is_answered(slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    before = slack.snapshot()
    reply = await slack.click(MSMITH, "approve:R-1:1:extra")
    assert reply.status == 200
    assert "not one of mine" in await slack.ephemeral(MSMITH)
    assert slack.snapshot() == before


# -- unknown people ----------------------------------------------------------------------

async def test_a_person_missing_from_the_directory_is_told_whom_to_ask(
        slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    before = slack.snapshot()

    reply = await slack.command(STRANGER)
    answer = reply.json()
    assert answer["response_type"] == "ephemeral"
    assert "Kim Wong" in answer["text"] and "Corporate Communications Team Leader" in answer["text"]
    assert "Sam Stranger" in answer["text"]  # named from Slack (users.info)

    await slack.click(STRANGER, "approve:R-1:1")
    assert "Kim Wong" in await slack.ephemeral(STRANGER)

    await slack.send(sr.shortcut(SECRET, user_id=STRANGER))
    notice = await slack.opened_view()
    assert "Kim Wong" in all_text(notice["blocks"])

    reply = await slack.submit(STRANGER, sr.modal_view(callback_id="request_access"),
                               form_values())
    assert "Kim Wong" in all_text(reply.json()["view"])

    await slack.open_home(STRANGER)
    home = await slack.fake.wait_for("views.publish")
    assert "Kim Wong" in all_text(home.args["view"])
    after = slack.snapshot()
    assert {t: v for t, v in after.items() if t != "kv"} == \
        {t: v for t, v in before.items() if t != "kv"}


# -- authorization ----------------------------------------------------------------------

async def test_a_stranger_clicking_approve_is_told_why_and_nothing_changes(
        slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    before = slack.snapshot()

    await slack.click(NGARCIA, "approve:R-1:1", message=card, channel=card["channel"])
    answer = await slack.ephemeral(NGARCIA)
    assert "belongs to Morgan Smith" in answer
    await slack.click(ADOE, "approve:R-1:1", message=card, channel=card["channel"])
    assert "Nobody approves their own request" in await slack.ephemeral(ADOE)
    await slack.click(NGARCIA, "reject:R-1:1", message=card, channel=card["channel"])
    await slack.ephemeral(NGARCIA, lambda text: "belongs to Morgan Smith" in text)
    await slack.settle()

    after = slack.snapshot()
    refusals = after.pop("refusals")
    assert after == {t: v for t, v in before.items() if t != "refusals"}
    assert [r["person_id"] for r in refusals.values()] == ["ngarcia", "adoe"]  # the audit
    assert slack.request().state == "supervisor"
    assert slack.fake.calls("views.open") == []  # no reason modal for someone who may not act


async def test_the_same_click_delivered_three_times_decides_once_and_posts_once(
        slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    first, *retries = [
        sr.block_actions(SECRET, signing=signing, user_id=MSMITH, action_id="approve",
                         value="approve:R-1:1", message=card, channel_id=card["channel"])
        for signing in (sr.SIGNED, sr.retry(1), sr.retry(2))]
    replies = await asyncio.gather(*(slack.send(r) for r in (first, *retries)))
    assert [r.status for r in replies] == [200, 200, 200]
    await slack.settle()
    # ...and once more, later, as a user's double click would.
    await slack.send(first)
    await slack.settle()

    request = slack.request()
    assert [h.action for h in request.history] == ["submit", "approve"]
    cct_cards = [c for c in slack.fake.calls("chat.postMessage")
                 if "approve:R-1:2" in str(c.args.get("blocks"))]
    assert sorted(c.args["channel"] for c in cct_cards) == ["D0KWONG", "D0RSINGH"]
    updates = slack.fake.calls("chat.update")
    assert len(updates) == 1
    told = [c for c in slack.fake.calls("chat.postMessage") if c.args["channel"] == "D0ADOE"]
    assert len(told) == 2  # "filed", then "agreed in principle": once each
    answers = [c.args["text"] for c in slack.fake.calls("chat.postEphemeral")]
    assert len(answers) == 3 and all("Already decided" in a for a in answers)
    assert all("Morgan Smith" in a for a in answers)


async def test_a_redelivered_form_submission_files_one_request(slack: SlackHarness) -> None:
    await slack.command(ADOE)
    form = await slack.opened_view()
    submission = sr.view_submission(SECRET, user_id=ADOE, view=form, values=form_values())
    replies = [await slack.send(submission) for _ in range(3)]
    assert all("R-1 is filed" in all_text(r.json()["view"]) for r in replies)
    assert slack.bot.repository.count() == 1


# -- the form ----------------------------------------------------------------------

async def test_a_form_with_every_field_empty_gets_an_error_per_field(slack: SlackHarness) -> None:
    await slack.command(ADOE)
    form = await slack.opened_view()
    before = slack.snapshot()
    empty = {name: {name: state} for name, state in (
        ("first_name", sr.text_value(None)), ("last_name", sr.text_value(None)),
        ("department", sr.text_value(None)), ("division", sr.text_value(None)),
        ("section", sr.text_value(None)), ("status", sr.selected_option(None)),
        ("programs", sr.selected_options([])),
        ("promote_department", sr.selected_option(None)),
        ("initiative", sr.text_value(None)), ("privacy_accepted", sr.selected_options([])))}
    reply = await slack.submit(ADOE, form, empty)
    answer = reply.json()
    assert answer["response_action"] == "errors"
    # First and last name are the directory's (shown, not asked): never an error, never blank.
    assert set(answer["errors"]) == {"department", "division", "status", "programs",
                                     "promote_department", "initiative", "privacy_accepted"}
    assert not [b for b in form["blocks"] if b.get("block_id") in ("first_name", "last_name")]
    assert "notice of collection" in answer["errors"]["privacy_accepted"]
    assert slack.snapshot() == before


async def test_a_form_with_every_field_too_long_gets_an_error_per_field(
        slack: SlackHarness) -> None:
    await slack.command(ADOE)
    form = await slack.opened_view()
    before = slack.snapshot()
    too_long = form_values(first_name="A" * 61, last_name="B" * 61, department="C" * 101,
                           division="D" * 101, section="E" * 101, initiative="F" * 1001,
                           status="x" * 200, promote_department="y" * 200,
                           programs=["z" * 200])
    reply = await slack.submit(ADOE, form, too_long)
    errors = reply.json()["errors"]
    # Typed names are ignored (Part 1's names are the directory's), everything else is checked.
    assert set(errors) == {"department", "division", "section",
                           "initiative", "status", "programs", "promote_department"}
    assert "Keep it to 100 characters" in errors["department"]
    assert all(len(message) <= 150 for message in errors.values())
    assert slack.snapshot() == before


INJECTION = "<!channel> <@U0PBROWN> <https://evil.example|click me> & <!here>"


async def test_mrkdwn_in_every_free_text_field_is_shown_never_executed(
        slack: SlackHarness) -> None:
    await slack.command(ADOE)
    form = await slack.opened_view()
    hostile = {"first_name": "<!channel>", "last_name": "<@U0PBROWN>",
               "department": "<!subteam^S123>", "division": "<#C0GENERAL>",
               "section": "<!here>", "initiative": f"Launch {INJECTION}"}
    reply = await slack.submit(ADOE, form, form_values(**hostile))
    assert reply.json()["response_action"] == "update"
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    await slack.click(MSMITH, "reject:R-1:1", message=card, channel=card["channel"])
    reason_modal = await slack.opened_view(after=1)
    await slack.submit(MSMITH, reason_modal, text_values(comment=f"No: {INJECTION}"))
    await slack.settle()
    assert slack.request().state == "rejected"

    shown = [call.args for call in slack.fake.calls()
             if call.method in ("chat.postMessage", "chat.update", "chat.postEphemeral")]
    assert shown
    for args in shown:
        for text in (str(args.get("text", "")), _mrkdwn_texts(args.get("blocks") or [])):
            for raw in ("<!channel>", "<@U0PBROWN>", "<https://", "<!here>", "<#C0", "<!sub"):
                assert raw not in text, (raw, text)
    updated = slack.fake.message(card["channel"], card["ts"])
    assert "&lt;!channel&gt;" in _mrkdwn_texts(updated["blocks"])
    assert "No: &lt;!channel&gt;" in _mrkdwn_texts(updated["blocks"])
    assert "&amp;" in _mrkdwn_texts(updated["blocks"])


def _mrkdwn_texts(node: Any) -> str:
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            if item.get("type") == "mrkdwn":
                found.append(item["text"])
                assert item.get("verbatim") is True
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(node)
    return "\n".join(found)


async def test_texts_at_their_longest_are_cut_never_rejected_by_slack(
        slack: SlackHarness) -> None:
    await slack.command(ADOE)
    form = await slack.opened_view()
    longest = form_values(first_name="&" * 60, last_name="<" * 60, department=">" * 100,
                          division="&" * 100, section="&" * 100, initiative="&<>" * 333)
    reply = await slack.submit(ADOE, form, longest)
    assert reply.json()["response_action"] == "update"
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    assert "…" in all_text(card["blocks"])
    await slack.click(MSMITH, "reject:R-1:1", message=card, channel=card["channel"])
    await slack.submit(MSMITH, await slack.opened_view(after=1), text_values(comment="&" * 1000))
    await slack.settle()
    refused = [c for c in slack.fake.calls() if c.status and not c.ok]
    assert refused == []


# -- reassigning ----------------------------------------------------------------------

async def test_reassign_offers_only_eligible_people_and_refuses_a_forged_choice(
        slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    card = await slack.card_for(MSMITH, "reassign:R-1:1")
    await slack.click(MSMITH, "reassign:R-1:1", message=card, channel=card["channel"])
    modal = await slack.opened_view()
    picker = next(b for b in modal["blocks"] if b.get("block_id") == "reassign_to")
    offered = [o["value"] for o in picker["element"]["options"]]
    assert offered == slack.bot.workflow.reassign_candidates(slack.request(), "msmith")
    assert "adoe" not in offered and "msmith" not in offered

    before = slack.snapshot()
    forged = {"reassign_to": {"reassign_to": sr.selected_option("ngarcia")}}
    reply = await slack.submit(MSMITH, modal, forged)
    assert reply.json()["response_action"] == "errors"
    assert "can't take this stage" in reply.json()["errors"]["reassign_to"]
    assert slack.snapshot() == before

    chosen = {"reassign_to": {"reassign_to": sr.selected_option(offered[0])}}
    reply = await slack.submit(MSMITH, modal, chosen)
    assert reply.status == 200 and reply.text == ""
    await slack.settle()
    assert slack.request().assignee == offered[0]
    assert "Reassigned by Morgan Smith" in all_text(
        slack.fake.message(card["channel"], card["ts"])["blocks"])


# -- configuration ----------------------------------------------------------------------

def test_slack_is_off_without_credentials_and_refuses_an_empty_signing_secret(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.slack.conftest import write_config

    config, _ = load_config(write_config(tmp_path, "http://127.0.0.1:9/api/"))
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    assert "SLACK_BOT_TOKEN" in (slack_mount.enabled(config) or "")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "   ")
    assert "SLACK_SIGNING_SECRET" in (slack_mount.enabled(config) or "")
    from adapters.slack.endpoint import SlackEndpoint

    with pytest.raises(ValueError, match="empty signing secret"):
        SlackEndpoint(bolt=None, signing_secret=" ")  # type: ignore[arg-type]


async def test_unused_buttons_in_old_messages_say_what_happened(slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    await slack.click(MSMITH, "approve:R-1:1", message=card, channel=card["channel"])
    await slack.settle()
    await slack.click(MSMITH, "reject:R-1:1", message=card, channel=card["channel"])
    answer = await slack.ephemeral(MSMITH)
    assert "Already decided" in answer and "Morgan Smith" in answer
    assert button_values(slack.fake.message(card["channel"], card["ts"])) == []


async def test_an_expired_trigger_is_answered_with_try_again(slack: SlackHarness) -> None:
    slack.fake.error_next("views.open", "expired_trigger_id")
    reply = await slack.command(ADOE)
    assert reply.status == 200
    assert "Please try again" in await slack.ephemeral(ADOE)
    assert slack.bot.repository.count() == 0


async def test_a_forged_decision_modal_is_refused_like_a_click(slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    before = slack.snapshot()
    forged = sr.modal_view(callback_id="decision_comment", private_metadata="reject:R-1:1")
    reply = await slack.submit(NGARCIA, forged, text_values(comment="Because I say so."))
    assert "belongs to Morgan Smith" in all_text(reply.json()["view"])
    damaged = sr.modal_view(callback_id="decision_comment", private_metadata="approve:R-1")
    reply = await slack.submit(MSMITH, damaged, text_values(comment="x"))
    assert "not one of mine" in all_text(reply.json()["view"])
    wrong_verb = sr.modal_view(callback_id="decision_comment", private_metadata="approve:R-1:1")
    reply = await slack.submit(MSMITH, wrong_verb, text_values(comment="x"))
    assert "not one of mine" in all_text(reply.json()["view"])
    after = slack.snapshot()
    assert len(after.pop("refusals")) == len(before.pop("refusals")) + 1
    assert after == before


async def test_the_requester_withdraws_from_app_home_and_every_copy_says_so(
        slack: SlackHarness) -> None:
    file_for_adoe(slack)
    await slack.settle()
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    await slack.open_home(ADOE)
    await slack.fake.wait_for("views.publish", lambda c: c.args["user_id"] == ADOE)
    home = slack.fake.home_view(ADOE)
    assert home is not None and "withdraw:R-1:1" in button_values(home)
    await slack.click(ADOE, "withdraw:R-1:1", view=home)
    await slack.settle()
    assert slack.request().state == "withdrawn"
    closed = slack.fake.message(card["channel"], card["ts"])
    assert button_values(closed) == [] and "Withdrawn by Alex Doe" in all_text(closed)
    refreshed = slack.fake.home_view(ADOE)
    # No request button is left; App Home keeps only its dashboard button.
    assert refreshed is not None and button_values(refreshed) == ["dashboard"]
