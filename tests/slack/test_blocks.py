"""The Block Kit renderer: Slack's limits hold whatever the data, and user text is escaped."""

from __future__ import annotations

import pytest

from bot.workflow import Actor, Move, Workflow
from cards import slack as blocks
from cards.codec import ButtonPayload
from cards.content import Button, RequestCard, request_card
from tests.fakes.slack_web_api import surface_errors
from tests.support import valid_form


def _card(**changes: object) -> RequestCard:
    base = RequestCard(
        request_id="R-7", step=3, title="Social media access request R-7",
        status="Waiting for the CCT's review",
        facts=tuple((f"Fact {i}", "&<>" * 900) for i in range(14)),
        signatures=tuple(f"Approved by <@U{i}> & co" for i in range(300)),
        initiative="<!channel> " + "&" * 3000, sop="<!here> " * 900,
        buttons=tuple(Button(f"Button {i}" * 20, ButtonPayload("approve", "R-7", 3))
                      for i in range(30)),
    )
    return RequestCard(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_escape_and_cut() -> None:
    assert blocks.escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert blocks.mrkdwn("&" * 10, 12) == "&amp;&amp;…"
    assert blocks.cut("abcdef", 4) == "abc…"
    assert blocks.mrkdwn("plain", 10) == "plain"


def test_an_enormous_card_still_fits_a_slack_message() -> None:
    rendered = blocks.to_dicts(blocks.card_blocks(_card(), lead="<!everyone> " * 400))
    assert surface_errors(rendered, surface="message") == []
    blocks.validate(rendered)
    assert len(rendered) <= 50
    text = str(rendered)
    assert "<!channel>" not in text and "<@U" not in text and "<!here>" not in text


def test_app_home_with_hundreds_of_requests_keeps_to_100_blocks(workflow: Workflow) -> None:
    cards = [_card(request_id=f"R-{i}", title=f"Request R-{i}") for i in range(200)]
    view = blocks.home_view(greeting="Hello <!channel>", waiting=cards, mine=cards,
                            help_text="help")
    assert surface_errors(view, surface="home") == []
    blocks.validate(view)
    assert len(view["blocks"]) <= 100
    assert "more." in str(view["blocks"][-1])


@pytest.mark.parametrize("sop_text", ["", "A" * 3000])
def test_every_modal_is_valid_block_kit(workflow: Workflow, sop_text: str) -> None:
    from adapters.slack.screens import Screens

    request = workflow.submit(Actor("adoe", "slack"), valid_form())
    screens = Screens(workflow, command="/socialmedia")
    person = workflow.directory.person("adoe")
    button = ButtonPayload("reject", request.id, request.step)
    modals = [
        screens.form(person),
        screens.comment_modal(button, request),
        screens.reassign_modal(ButtonPayload("reassign", request.id, 1), request, "msmith"),
        blocks.notice_modal("A title far longer than Slack allows", "<!channel>" * 500),
    ]
    for person_id, action in (("msmith", "approve"), ("kwong", "approve"),
                              ("pbrown", "approve")):
        request = workflow.decide(Actor(person_id, "slack"), request.id, Move(action))
    if sop_text:
        request = workflow.decide(Actor("adoe", "slack"), request.id,
                                  Move("submit_sop", sop_text=sop_text))
        request = workflow.decide(Actor("kwong", "slack"), request.id,
                                  Move("request_changes", comment="&" * 1000))
    modals.append(screens.sop_modal(ButtonPayload("submit_sop", request.id, request.step),
                                    request))
    for modal in modals:
        assert surface_errors(modal, surface="modal") == [], modal
        blocks.validate(modal)
    home = screens.home(person, "U0ADOE")
    assert surface_errors(home, surface="home") == []
    blocks.validate(home)
    card = request_card(request, workflow, viewer="adoe")
    rendered = blocks.card_blocks(card)
    assert surface_errors(rendered, surface="message") == []
    blocks.validate(rendered)


def test_validate_names_a_broken_limit() -> None:
    from slack_sdk.errors import SlackObjectFormationError

    with pytest.raises(SlackObjectFormationError):
        blocks.validate([{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}])


def test_app_home_draws_only_the_cards_it_shows(workflow: Workflow) -> None:
    from adapters.slack.screens import Screens

    for _ in range(120):
        workflow.submit(Actor("adoe", "slack"), valid_form())
    screens = Screens(workflow, command="/socialmedia")
    drawn: list[str] = []
    draw = screens.card
    screens.card = lambda request, viewer, step=None: (  # type: ignore[method-assign]
        drawn.append(request.id) or draw(request, viewer, step))
    view = screens.home(workflow.directory.person("adoe"), "U0ADOE")
    shown = str(view["blocks"])
    assert "Your requests (120)" in shown and "more." in shown
    assert "R-120" in shown and "R-1*" not in shown  # newest first; the oldest do not fit
    assert 0 < len(drawn) < 60  # the cards that fit, not all 120
    assert surface_errors(view, surface="home") == []
