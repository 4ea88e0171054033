"""A whole request in Slack alone: from `/socialmedia` to the director's approval of the SOP."""

from __future__ import annotations

from tests.fakes import slack_requests as sr
from tests.slack.conftest import (
    SECRET,
    SlackHarness,
    all_text,
    button_values,
    form_values,
    text_values,
)

ADOE, MSMITH, KWONG, RSINGH, PBROWN = "U0ADOE", "U0MSMITH", "U0KWONG", "U0RSINGH", "U0PBROWN"


async def test_a_request_from_the_slash_command_to_the_final_sop_approval(
        slack: SlackHarness) -> None:
    # The employee opens the form: Part 1 prefilled from the directory, the notice shown.
    reply = await slack.command(ADOE)
    assert reply.status == 200
    form = await slack.opened_view()
    shown = all_text(form["blocks"])
    assert "Notice of collection" in shown and "MFIPPA" in shown
    # The name is the directory's and read-only; who will approve is said before the form.
    assert "*First name:* Alex (from the City's directory)" in shown
    assert not [b for b in form["blocks"] if b.get("block_id") == "first_name"]
    assert "Who will approve it, in order: Supervisor agreement: Morgan Smith;" in shown

    reply = await slack.submit(ADOE, form, form_values())
    assert reply.status == 200 and reply.json()["response_action"] == "update"
    assert "R-1 is filed" in all_text(reply.json()["view"])
    assert slack.request().state == "supervisor"

    # The supervisor agrees in principle from the DM.
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    assert card["channel"] == slack.fake.dm_channel(MSMITH)
    assert "Reject" in all_text(card["blocks"])
    await slack.click(MSMITH, "approve:R-1:1", message=card, channel=card["channel"])
    await slack.settle()
    assert slack.request().state == "cct"
    closed = slack.fake.message(card["channel"], card["ts"])
    assert button_values(closed) == [] and "Agreed in principle by Morgan Smith" in all_text(closed)

    # Both CCT members get the card; one recommends, and both copies then show the outcome.
    kwong_card = await slack.card_for(KWONG, "approve:R-1:2")
    copies = [m for m in slack.fake.messages() if "approve:R-1:2" in button_values(m.message)]
    assert {c.channel for c in copies} == {slack.fake.dm_channel(KWONG),
                                           slack.fake.dm_channel(RSINGH)}
    await slack.click(KWONG, "approve:R-1:2", message=kwong_card, channel=kwong_card["channel"])
    await slack.settle()
    for copy in copies:
        now = slack.fake.message(copy.channel, copy.ts)
        assert button_values(now) == [] and "Recommended by Kim Wong" in all_text(now)

    # The director first thinks of rejecting (a reason modal opens), then approves.
    director_card = await slack.card_for(PBROWN, "approve:R-1:3")
    await slack.click(PBROWN, "reject:R-1:3", message=director_card)
    reason_modal = await slack.opened_view(after=1)
    assert reason_modal["callback_id"] == "decision_comment"
    await slack.click(PBROWN, "approve:R-1:3", message=director_card,
                      channel=director_card["channel"])
    await slack.settle()
    assert slack.request().state == "sop_draft"

    # The requester was told at each step, and now gets "Submit your SOP".
    told = "\n".join(all_text(m["blocks"]) for m in slack.dms(ADOE))
    assert "agreed in principle by Morgan Smith" in told
    assert "recommended by Kim Wong" in told
    sop_card = await slack.card_for(ADOE, "submit_sop:R-1:4")
    await slack.click(ADOE, "submit_sop:R-1:4", message=sop_card)
    sop_modal = await slack.opened_view(after=2)
    reply = await slack.submit(ADOE, sop_modal, text_values(
        sop_text="We post twice a week and answer within two business days.",
        sop_link="https://example.org/sop"))
    assert reply.status == 200 and reply.text == ""
    await slack.settle()
    assert slack.request().state == "sop_review"

    # The CCT sends it back with comments; the requester revises it.
    review_card = await slack.card_for(RSINGH, "request_changes:R-1:5")
    await slack.click(RSINGH, "request_changes:R-1:5", message=review_card)
    changes_modal = await slack.opened_view(after=3)
    reply = await slack.submit(RSINGH, changes_modal,
                               text_values(comment="Say who covers weekends."))
    assert reply.status == 200
    await slack.settle()
    assert slack.request().state == "sop_draft"
    revise_card = await slack.card_for(ADOE, "submit_sop:R-1:6")
    assert "Revise SOP" in all_text(revise_card["blocks"])
    await slack.click(ADOE, "submit_sop:R-1:6", message=revise_card)
    revise_modal = await slack.opened_view(after=4)
    assert "Say who covers weekends." in all_text(revise_modal["blocks"])
    await slack.submit(ADOE, revise_modal, text_values(
        sop_text="We post twice a week; Sam covers weekends.", sop_link=None))
    await slack.settle()

    # The CCT approves the SOP, then the director gives the final approval.
    sop_review = await slack.card_for(KWONG, "approve:R-1:7")
    await slack.click(KWONG, "approve:R-1:7", message=sop_review, channel=sop_review["channel"])
    await slack.settle()
    final = await slack.card_for(PBROWN, "approve:R-1:8")
    assert "Sam covers weekends" in all_text(final["blocks"])
    await slack.click(PBROWN, "approve:R-1:8", message=final, channel=final["channel"])
    await slack.settle()

    request = slack.request()
    assert request.state == "approved"
    assert [h.action for h in request.history] == [
        "submit", "approve", "approve", "approve", "submit_sop", "request_changes",
        "submit_sop", "approve", "approve"]
    assert {h.platform for h in request.history} == {"slack"}
    last_word = all_text(slack.dms(ADOE)[-1]["blocks"])
    assert "approved: access granted" in last_word

    # App Home: the requester's request with its history; nothing waits for the director.
    await slack.open_home(ADOE)
    publish = await slack.fake.wait_for("views.publish", lambda c: c.args["user_id"] == ADOE)
    home = all_text(publish.args["view"])
    assert "R-1" in home and "Approved: access granted" in home and "Sam covers" not in home
    assert "Agreed in principle by Morgan Smith" in home
    await slack.open_home(PBROWN)
    publish = await slack.fake.wait_for("views.publish", lambda c: c.args["user_id"] == PBROWN)
    assert "Nothing waits for you." in all_text(publish.args["view"])


async def test_status_help_and_the_shortcut(slack: SlackHarness) -> None:
    reply = await slack.command(ADOE, "help")
    assert reply.status == 200 and "/socialmedia status" in reply.json()["text"]
    reply = await slack.command(ADOE, "status")
    assert "You have no requests" in all_text(reply.json()["blocks"])

    await slack.send(sr.shortcut(SECRET, user_id=ADOE))
    form = await slack.opened_view()
    assert form["callback_id"] == "request_access"
    await slack.submit(ADOE, form, form_values())
    reply = await slack.command(ADOE, "status")
    assert "Waiting for the supervisor's agreement" in all_text(reply.json()["blocks"])
    assert slack.banner and "/socialmedia" in slack.banner[0]


