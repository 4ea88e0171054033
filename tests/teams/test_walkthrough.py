"""A whole request in Teams alone, over real HTTP: `request` to the SOP's final approval.

Blake Harris (Chief Planner, Teams only) files; Dana Okafor (his supervisor and his director)
never wrote to the bot, so it creates a one-to-one chat with her `teams_id`; Kim Wong (CCT,
on Teams) recommends and reviews the SOP, sending it back once. Every card the bot posts or
returns validates against the Adaptive Card 1.5 schema, and every copy is updated on a decision.
"""

from __future__ import annotations

from tests.teams.conftest import (
    TeamsHarness,
    action_titles,
    all_text,
    assert_valid_card,
    find_action,
    form_inputs,
)

BLAKE_FORM = form_inputs(first_name="Blake", last_name="Harris", department="City Development",
                         division="Planning", section="", programs="Facebook",
                         promote_department="city-development",
                         initiative="Public consultation on the new official plan")


async def test_install_request_and_the_whole_chain(teams: TeamsHarness) -> None:
    connector = teams.connector
    status, _ = await teams.post(teams.chat("bharris").installation_update())
    assert status == 201
    welcome = await teams.card_for("bharris", "Hello Blake Harris")
    assert "Request access" in action_titles(welcome.card or {})

    [form_message] = await teams.say("bharris", "request")
    form = form_message.card
    assert form is not None
    assert_valid_card(form)
    assert {"division", "programs", "privacy_accepted"} <= _input_ids(form)
    assert "first_name" not in _input_ids(form)                    # the directory's name
    assert "First name: Blake (from the City's directory)" in all_text(form)
    assert _input(form, "division")["value"] == "Planning"         # prefilled by aadObjectId
    assert "Who will approve it, in order: Supervisor agreement: Dana Okafor;" in all_text(form)
    assert _input(form, "programs")["isMultiSelect"] is True
    assert "Municipal Freedom of Information" in all_text(form)

    filed = await teams.press("bharris", form, "Submit request", inputs=BLAKE_FORM)
    assert "Request R-1 filed" in all_text(filed["value"])
    assert teams.request().state == "supervisor"

    # Dana never talked to the bot: it creates a 1:1 chat with her teams_id, then posts.
    await teams.settle()
    [created] = connector.created_conversations()
    assert created.body["members"][0]["id"] == teams.bot.directory.person("dokafor").teams_id
    card = (await teams.card_for("dokafor", "Social media access request R-1")).card
    assert card is not None
    assert action_titles(card) == ["Approve", "Reject", "Reassign"]
    assert created.body["members"][0]["id"] != ""

    answered = await teams.press("dokafor", card, "Approve")
    assert "Agreed in principle by Dana Okafor" in all_text(answered["value"])
    assert not answered["value"].get("actions")
    await teams.settle()
    assert any(u.card and "Agreed in principle" in all_text(u.card)
               for u in connector.updates())
    update = await teams.card_for("bharris", "was agreed in principle by Dana Okafor")
    assert "Withdraw" in action_titles(update.card or {})

    # CCT: Kim Wong is on Teams; Ravi Singh (Slack only) gets nothing here.
    await teams.say("kwong", "hello")
    kim = (await teams.card_for("kwong", "R-1")).card
    assert kim is not None and action_titles(kim) == ["Recommend", "Decline", "Reassign"]
    await teams.press("kwong", kim, "Recommend")
    await teams.settle()

    # Dana signed the supervisor stage, so the director's approval goes to the next person
    # who may sign (issue 9: nobody signs two stages): her own supervisor, the CAO.
    assert teams.bot.workflow.current_approvers(teams.request()) == ["jmarsh"]
    director = (await teams.card_for("jmarsh", "waiting for the director")).card
    assert director is not None
    await teams.press("jmarsh", director, "Approve")
    await teams.settle()
    assert teams.request().state == "sop_draft"

    sop_card = (await teams.card_for("bharris", "submit your SOP")).card
    assert sop_card is not None
    await teams.press("bharris", sop_card, "Submit SOP", inputs={
        "sop_text": "Posts are drafted by the planner and checked by the manager.",
        "sop_link": ""})
    await teams.settle()

    review = (await teams.card_for("kwong", "waiting for the CCT's review of the SOP")).card
    assert review is not None
    assert action_titles(review) == ["Approve SOP", "Request changes", "Reassign"]
    await teams.press("kwong", review, "Request changes",
                      inputs={"comments": "Say who answers questions on weekends."})
    await teams.settle()
    assert teams.request().state == "sop_draft"

    again = (await teams.card_for("bharris", "Say who answers questions on weekends")).card
    assert again is not None
    revised = find_action(again, "Revise SOP")
    assert revised["verb"] == "submit_sop"
    await teams.press("bharris", again, "Revise SOP", inputs={
        "sop_text": "Posts are drafted by the planner; weekend questions go to the on-call "
                    "planner.", "sop_link": "https://intranet.example.org/sop/planning"})
    await teams.settle()

    review = (await teams.card_for("kwong", "weekend questions go to the on-call")).card
    assert review is not None
    await teams.press("kwong", review, "Approve SOP")
    await teams.settle()
    final = (await teams.card_for("jmarsh", "waiting for the director's approval of the SOP")
             ).card
    assert final is not None
    done = await teams.press("jmarsh", final, "Approve SOP")
    assert "SOP approved by Jordan Marsh" in all_text(done["value"])
    await teams.settle()

    request = teams.request()
    assert request.state == "approved"
    assert [h.platform for h in request.history] == ["teams"] * len(request.history)
    assert [h.action for h in request.history] == [
        "submit", "approve", "approve", "approve", "submit_sop", "request_changes",
        "submit_sop", "approve", "approve"]
    told = await teams.card_for("bharris", "approved: access granted")
    assert not (told.card or {}).get("actions")


async def test_status_inbox_help_and_strangers(teams: TeamsHarness) -> None:
    [empty] = await teams.say("bharris", "status")
    assert "You have no requests" in (empty.text or "")
    [form] = await teams.say("bharris", "request")
    assert form.card is not None
    await teams.press("bharris", form.card, "Submit request", inputs=BLAKE_FORM)
    [status] = await teams.say("bharris", "status")
    assert status.card is not None and "R-1" in all_text(status.card)
    assert "waiting for the supervisor" in all_text(status.card)
    [inbox] = await teams.say("dokafor", "inbox")
    assert inbox.card is not None and "Approve" in action_titles(inbox.card)
    [nothing] = await teams.say("bharris", "inbox")
    assert nothing.text == "Nothing waits for you."
    [helped] = await teams.say("bharris", "help")
    assert "**request**" in (helped.text or "")
    [unknown] = await teams.say("bharris", "frobnicate *now*")
    assert "don't know" in (unknown.text or "") and "frobnicate" not in (unknown.text or "")

    in_channel = teams.chat("bharris").message("<at>Social Media Access</at> request")
    in_channel["conversation"] = {"conversationType": "channel", "isGroup": True,
                                  "tenantId": teams.chat("bharris").tenant_id,
                                  "id": "19:general@thread.tacv2;messageid=1"}
    status_code, _ = await teams.post(in_channel)
    assert status_code == 201
    [answer] = [c for c in teams.connector.sent() if c.activity_id == in_channel["id"]]
    assert "only in our personal chat" in (answer.text or "") and answer.card is None

    stranger = teams.chat("bharris").for_user(teams.user("bharris").__class__(name="Eve"))
    status_code, _ = await teams.post(stranger.message("request"))
    assert status_code == 201
    said = teams.connector.sent()[-1]
    assert "can't find your Teams account" in (said.text or "")
    assert "Kim Wong" in (said.text or "")


def _input_ids(card: dict) -> set[str]:
    return {e["id"] for e in card["body"] if e.get("type", "").startswith("Input.")}


def _input(card: dict, input_id: str) -> dict:
    return next(e for e in card["body"] if e.get("id") == input_id)
