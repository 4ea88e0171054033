"""Every card the Teams adapter emits validates against the Adaptive Card 1.5 schema, and shows
each person only what they may do. Unit level: cards built straight from the core's objects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from adapters.teams.messages import COMMANDS
from adapters.teams.references import References
from adapters.teams.views import Views
from bot.domain import SocialMediaRequest
from bot.moderation.model import Post
from bot.workflow import Actor, Move, Workflow
from cards import adaptive
from cards.alert import alert_card
from cards.content import request_card
from socialbot.bootstrap import Runtime
from tests.support import file_request
from tests.teams.conftest import action_titles, actions_of, all_text, assert_valid_card

HOSTILE = '"}]} **x** [a](https://evil.example) <at>Kim</at> ${x} \\ \u202e'


@pytest.fixture
def views(bot: Runtime) -> Views:
    return Views(bot.workflow, References(bot.repository), city=bot.config.city)


def walk_chain(workflow: Workflow) -> list[SocialMediaRequest]:
    """R-1 at every stage of the default chain, SOP loop included."""
    seen = [file_request(workflow, initiative="Swim lessons " + HOSTILE)]
    steps = [("msmith", Move("approve")), ("kwong", Move("approve")),
             ("pbrown", Move("approve")),
             ("adoe", Move("submit_sop", sop_text="SOP " + HOSTILE, sop_link="")),
             ("rsingh", Move("request_changes", comment="More " + HOSTILE)),
             ("adoe", Move("submit_sop", sop_text="SOP v2", sop_link="https://x.org/sop")),
             ("kwong", Move("approve")), ("pbrown", Move("approve"))]
    for person, decision in steps:
        seen.append(workflow.decide(Actor(person, "console"), "R-1", decision))
    return seen


def test_every_request_card_for_every_viewer_is_valid(bot: Runtime, views: Views) -> None:
    people = [p.id for p in bot.directory]
    for request in walk_chain(bot.workflow):
        for viewer in [*people, None]:
            card = views.card(request, viewer)
            assert_valid_card(card)
            if request.step > 1:
                closed = views.card(request, viewer, step=request.step - 1)
                assert_valid_card(closed)
                assert not closed.get("actions")


def test_each_viewer_sees_only_their_buttons(bot: Runtime, views: Views) -> None:
    request = file_request(bot.workflow)
    assert action_titles(views.card(request, "msmith")) == ["Approve", "Reject", "Reassign"]
    assert action_titles(views.card(request, "adoe")) == ["Withdraw"]
    assert action_titles(views.card(request, "kwong")) == []
    assert action_titles(views.card(request, None)) == ["Approve", "Reject", "Reassign"]
    cct = bot.workflow.decide(Actor("msmith", "console"), "R-1", Move("approve"))
    assert action_titles(views.card(cct, "kwong")) == ["Recommend", "Decline", "Reassign"]


def test_inputs_needed_by_a_decision_are_on_the_card(bot: Runtime, views: Views) -> None:
    request = file_request(bot.workflow)
    card = views.card(request, "msmith")
    reject = next(a for a in card["actions"] if a["title"] == "Reject")
    assert reject["type"] == "Action.ShowCard"
    [reason] = reject["card"]["body"]
    assert reason["id"] == "reason" and reason["isRequired"] and reason["maxLength"] == 1000
    [confirm] = reject["card"]["actions"]
    assert confirm["verb"] == "reject" and confirm["data"] == {"button": "reject:R-1:1"}
    reassign = next(a for a in card["actions"] if a["title"] == "Reassign")
    chooser = reassign["card"]["body"][0]
    assert chooser["type"] == "Input.ChoiceSet"
    assert [c["value"] for c in chooser["choices"]] == ["pbrown", "jmarsh"]


def test_the_form_card_and_its_server_side_errors(bot: Runtime, views: Views) -> None:
    person = bot.directory.person("adoe")
    card = views.form(person, "nonce-1")
    assert_valid_card(card)
    inputs = {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}
    assert "first_name" not in inputs and "last_name" not in inputs  # the directory's names
    assert "First name: Alex (from the City's directory)" in all_text(card)
    assert "Who will approve it, in order: Supervisor agreement: Morgan Smith;" in all_text(card)
    assert inputs["division"]["isRequired"] and inputs["division"]["maxLength"] == 100
    assert inputs["division"]["errorMessage"] and inputs["division"]["label"]
    assert not inputs["section"]["isRequired"]
    assert inputs["programs"]["isMultiSelect"]
    assert [c["value"] for c in inputs["programs"]["choices"]] == bot.config.programs.offered
    assert inputs["privacy_accepted"]["type"] == "Input.Toggle"
    assert "MFIPPA" in all_text(card)
    values = {"first_name": HOSTILE, "division": HOSTILE, "programs": ["Facebook"],
              "initiative": "x" * 5000, "privacy_accepted": True}
    again = views.form(person, "nonce-1", values=values,
                       errors={"initiative": "Keep it to 1000 " + HOSTILE, "other": "more"})
    assert_valid_card(again)
    shown = {e["id"]: e for e in again["body"] if e["type"].startswith("Input.")}
    assert shown["division"]["value"] == HOSTILE
    assert HOSTILE not in all_text(again).split("Division")[0]  # the name stays Alex
    assert "First name: Alex" in all_text(again)
    assert shown["programs"]["value"] == "Facebook"
    assert len(shown["initiative"]["value"]) == 1000
    assert "more" in all_text(again)


def test_welcome_status_notice_and_filed_cards(bot: Runtime, views: Views) -> None:
    welcome = adaptive.welcome_card(city="City of Pickering", greeting="Hello " + HOSTILE,
                                    commands=COMMANDS)
    assert_valid_card(welcome)
    assert [a["verb"] for a in actions_of(welcome)] == [adaptive.OPEN_FORM_VERB]
    file_request(bot.workflow)
    status = views.status(bot.directory.person("adoe"))
    assert status is not None
    assert_valid_card(status)
    assert views.status(bot.directory.person("msmith")) is None
    assert_valid_card(adaptive.notice_card("Not done", HOSTILE))
    assert_valid_card(adaptive.filed_card("R-1", HOSTILE))


def _alert(bot: Runtime, text: str) -> Any:
    post = Post(platform="facebook", board="City of Pickering", folder="Events", topic="Pool",
                post_id="p-1", author_id="fb-42", author_name="Troll " + HOSTILE, text=text,
                created_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
                url="https://facebook.example/p-1")
    _, alert_id = bot.desk.receive(post)
    assert alert_id is not None
    return bot.desk.get(alert_id)


def test_moderation_alert_cards(bot: Runtime) -> None:
    alert = _alert(bot, "Call 905-555-0199 to buy cheap followers at spam.example " + HOSTILE)
    moderator = adaptive.alert_card(alert_card(alert, bot.desk, viewer="tlee"),
                                    refresh_user_ids=["29:1tlee"])
    assert_valid_card(moderator)
    assert action_titles(moderator) == ["Remove", "Keep", "Ban author", "Escalate to CCT",
                                        "Needs an answer"]
    ban = next(a for a in moderator["actions"] if a["title"] == "Ban author")
    assert ban["type"] == "Action.ShowCard"
    assert "Ban this author?" in all_text(ban["card"])
    assert ban["card"]["body"][1]["id"] == "reason" and ban["card"]["body"][1]["isRequired"]
    outsider = adaptive.alert_card(alert_card(alert, bot.desk, viewer="adoe"))
    assert_valid_card(outsider)
    assert action_titles(outsider) == []
    decided = bot.desk.decide("tlee", "teams", alert.id, "keep")
    closed = adaptive.alert_card(alert_card(decided, bot.desk, viewer="tlee"), notice=HOSTILE)
    assert_valid_card(closed)
    assert "Kept by Taylor Lee" in all_text(closed), all_text(closed)


def test_refresh_names_at_most_sixty_people() -> None:
    from cards.codec import ButtonPayload

    refresh = adaptive.refresh_for(ButtonPayload("view", "R-1", 1),
                                   [f"29:{n}" for n in range(100)] + ["29:1"])
    assert len(refresh["userIds"]) == 60
    assert refresh["action"]["data"] == {"button": "view:R-1:1"}


def test_the_content_is_the_one_every_renderer_uses(bot: Runtime, views: Views) -> None:
    request = file_request(bot.workflow)
    content = request_card(request, bot.workflow, viewer="msmith")
    card = views.card(request, "msmith")
    assert [b.payload.encode() for b in content.buttons] == [
        a["data"]["button"] for a in actions_of(card)]
