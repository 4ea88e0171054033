"""Proactive delivery through the outbox: retries on 429/412/5xx, no retry on 403, recreated
chats, updates of every copy, and Universal Actions refresh giving each person their view."""

from __future__ import annotations

from typing import Any

import pytest

from bot import outbox
from bot.workflow import Actor
from storage.tinydb_repository import OUTBOX
from tests.support import valid_form
from tests.teams.conftest import TeamsHarness, action_titles, all_text, find_action

BLAKE = {"first_name": "Blake", "last_name": "Harris", "department": "City Development",
         "division": "Planning", "section": "", "promote_department": "city-development"}


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(outbox, "BASE_DELAY", 0.02)


async def file_r1(teams: TeamsHarness, *, talked: tuple[str, ...] = ("bharris",)) -> None:
    for person in talked:
        await teams.say(person, "hello")
    teams.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
    teams.bot.dispatcher.wake()


def outbox_records(teams: TeamsHarness) -> dict[str, Any]:
    return dict(teams.bot.store.items(OUTBOX))


@pytest.mark.parametrize("status", [429, 412, 502, 504, 500])
async def test_transient_failures_are_retried_and_post_once(teams: TeamsHarness,
                                                            status: int) -> None:
    await file_r1(teams, talked=("bharris", "dokafor"))
    teams.connector.fail("post", status, times=2, retry_after=0 if status == 429 else None)
    await teams.settle(timeout=10)
    cards = [c for c in teams.cards_to("dokafor") if "Approve" in action_titles(c.card or {})]
    assert len(cards) == 1
    failed = [c for c in teams.connector.attempts("post") if c.status == status]
    assert len(failed) == 2


async def test_a_blocked_bot_is_recorded_and_not_retried(teams: TeamsHarness) -> None:
    await file_r1(teams, talked=("bharris", "dokafor"))
    teams.connector.fail("post", 403, times=1)
    await teams.settle(timeout=5)
    records = outbox_records(teams)
    dead = [r for r in records.values() if r.get("dead")]
    assert len(dead) == 1 and "403" in dead[0]["last_error"]
    assert len([c for c in teams.connector.attempts("post") if c.status == 403]) == 1


async def test_someone_who_never_talked_gets_a_created_chat(teams: TeamsHarness) -> None:
    await file_r1(teams)
    await teams.settle()
    [created] = teams.connector.created_conversations()
    body = created.body
    assert body["isGroup"] is False
    assert body["members"] == [{"id": teams.bot.directory.person("dokafor").teams_id}]
    assert body["channelData"] == {"tenant": {"id": teams.chat("bharris").tenant_id}}
    card = await teams.card_for("dokafor", "R-1")
    assert card.conversation_id == created.body.get("id", card.conversation_id)


async def test_a_gone_chat_is_created_again(teams: TeamsHarness) -> None:
    await file_r1(teams, talked=("bharris", "dokafor"))
    teams.connector.fail("post", 404, times=1)
    await teams.settle(timeout=5)
    assert len(teams.connector.created_conversations()) == 1
    await teams.card_for("dokafor", "R-1")


async def test_every_copy_is_updated_even_after_a_failed_update(teams: TeamsHarness) -> None:
    await file_r1(teams, talked=("bharris", "dokafor"))
    await teams.settle()
    card = (await teams.card_for("dokafor", "R-1")).card
    assert card is not None
    teams.connector.fail("update", 502, times=1)
    await teams.press("dokafor", card, "Approve")
    await teams.settle(timeout=5)
    [update] = teams.connector.updates()
    assert "Agreed in principle by Dana Okafor" in all_text(update.card)
    assert not (update.card or {}).get("actions")


async def test_refresh_gives_each_person_their_own_view(teams: TeamsHarness) -> None:
    await file_r1(teams, talked=("bharris", "dokafor", "kwong", "jpatel"))
    await teams.settle()
    card = (await teams.card_for("dokafor", "R-1")).card
    assert card is not None
    refresh = card["refresh"]
    assert set(refresh["userIds"]) >= {teams.chat("dokafor").user.teams_id,
                                       teams.chat("bharris").user.teams_id}
    action = refresh["action"]

    async def view(person: str) -> dict[str, Any]:
        body = await teams.click(person, action["verb"], action["data"], trigger="automatic")
        return dict(body["value"])

    assert action_titles(await view("dokafor")) == ["Approve", "Reject", "Reassign"]
    assert action_titles(await view("bharris")) == ["Withdraw"]
    assert action_titles(await view("kwong")) == []            # CCT: read-only for now
    assert "Only the people in this request's chain" in all_text(await view("jpatel"))

    reassign = find_action(await view("dokafor"), "Reassign")
    shown = await view("dokafor")
    chooser = next(a for a in shown["actions"] if a["title"] == "Reassign")
    choices = chooser["card"]["body"][0]["choices"]
    assert [c["value"] for c in choices] == ["jmarsh"]          # the line above the director
    body = await teams.click("dokafor", "reassign", reassign["data"],
                             inputs={"reassign_to": "jmarsh", "reassign_comment": ""})
    assert "Reassigned" in all_text(body["value"])
    assert teams.request().assignee == "jmarsh"


async def test_cards_for_one_new_person_delivered_at_once_create_one_chat(
        teams: TeamsHarness) -> None:
    await teams.say("bharris", "hello")
    for _ in range(3):  # three cards for Dana at once, each from its own worker
        teams.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
    teams.bot.dispatcher.wake()
    await teams.settle()
    assert len(teams.connector.created_conversations()) == 1
    for n in (1, 2, 3):
        await teams.card_for("dokafor", f"R-{n}")
