"""Distinct signers through Slack (issue 9, item 1): a delegate's signature reads "for", and
the supervisor who is also the director's delegate signs only once."""

from __future__ import annotations

from bot.workflow import Actor
from tests.slack.conftest import SlackHarness, all_text, button_values
from tests.support import valid_form

OWILLIAMS, KWONG, SBAKER = "U0OWILLIAMS", "U0KWONG", "U0SBAKER"


async def test_a_delegates_click_signs_for_the_person_they_act_for(slack: SlackHarness) -> None:
    slack.bot.workflow.submit(Actor("owilliams", "slack"), valid_form(
        first_name="Olivia", last_name="Williams", promote_department="fire-services"),
        kind="promotion")
    card = await slack.card_for(KWONG, "approve:R-1:1")
    await slack.click(KWONG, "approve:R-1:1", message=card, channel=card["channel"])
    await slack.settle()
    card = await slack.card_for(SBAKER, "approve:R-1:2")
    await slack.click(SBAKER, "approve:R-1:2", message=card, channel=card["channel"])
    await slack.settle()
    assert slack.request().state == "approved"
    closed = slack.fake.message(card["channel"], card["ts"])
    assert button_values(closed) == []
    assert "by Sam Baker for Casey MacDonald" in all_text(closed)


async def test_the_supervisor_who_is_the_directors_delegate_cannot_sign_again(
        slack: SlackHarness) -> None:
    slack.bot.workflow.submit(Actor("owilliams", "slack"),
                              valid_form(first_name="Olivia", last_name="Williams",
                                         promote_department="fire-services"))
    card = await slack.card_for(SBAKER, "approve:R-1:1")
    await slack.click(SBAKER, "approve:R-1:1", message=card, channel=card["channel"])
    await slack.settle()
    card = await slack.card_for(KWONG, "approve:R-1:2")
    await slack.click(KWONG, "approve:R-1:2", message=card, channel=card["channel"])
    await slack.settle()
    assert slack.bot.workflow.current_approvers(slack.request()) == ["cmacdonald"]
    await slack.click(SBAKER, "approve:R-1:3")
    await slack.settle()
    assert slack.request().state == "director"  # refused: nothing moved
    assert [h.actor_id for h in slack.request().history if h.action == "approve"] == \
        ["sbaker", "kwong"]


async def test_the_form_says_who_will_sign_before_it_is_filled_in(slack: SlackHarness) -> None:
    await slack.command(OWILLIAMS)
    form = await slack.opened_view()
    assert ("Who will approve it, in order: Supervisor agreement: Sam Baker; "
            "CCT review: Kim Wong, Ravi Singh;") \
        in all_text(form["blocks"])
