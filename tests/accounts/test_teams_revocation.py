"""Revocation for abuse (05) over Teams (the real server, the fake Bot Connector): the CCT
revokes a person's access from the personal chat; a password task reaches the CCT Team Leader,
the person and their supervisor are told; the task shows beside approvals and is done."""

from __future__ import annotations

from bot.audit import first_broken
from tests.teams.conftest import TeamsHarness, all_text, assert_valid_card, connector, teams

__all__ = ["connector", "teams"]  # the Teams harness's fixtures, used here


async def answer(teams: TeamsHarness, person: str, text: str) -> str:
    [reply] = await teams.say(person, text)
    assert reply.card is not None
    assert_valid_card(reply.card)
    return all_text(reply.card)


async def test_a_revocation_from_teams(teams: TeamsHarness) -> None:
    await teams.say("kwong", "hello")
    assert "Added AC-1" in await answer(
        teams, "kwong", "account add Facebook @PickeringPlanning city-development bharris")
    assert "Added AC-2" in await answer(
        teams, "kwong", "account add X @PickeringPlans city-development bharris")
    assert "Only the Corporate" in await answer(teams, "bharris",
                                                "revoke-access kwong all because")
    said = await answer(teams, "kwong", "revoke-access bharris AC-1 shared the login publicly")
    assert "O-1: access revoked. Password tasks opened: T-1." in said
    await teams.settle()
    task = await teams.card_for("kwong", "Password task T-1")
    assert "Mark done button once the password is changed (or type 'done T-1' here)" \
        in all_text(task.card)
    told = await teams.card_for("bharris", "was revoked")
    assert "Your access to Facebook @PickeringPlanning was revoked under ADM 140-007 " \
           "section 05: shared the login publicly" in all_text(told.card)
    supervisor = await teams.card_for("dokafor", "was revoked")
    assert "Blake Harris's access to Facebook @PickeringPlanning" in all_text(supervisor.card)

    accounts = teams.bot.services.accounts
    assert accounts.get("AC-1").users == () and accounts.get("AC-2").users == ("bharris",)
    revoke = accounts.get("AC-1").history[-1]
    assert (revoke.action, revoke.details["case"]) == ("revoke", "O-1")
    assert (revoke.actor_id, revoke.platform) == ("kwong", "teams")  # signed by who revoked
    assert first_broken("AC-1", accounts.get("AC-1").history) is None

    [inbox] = await teams.say("kwong", "inbox")
    assert "Your tasks (1)" in all_text(inbox.card) and "type 'done T-1'" in all_text(inbox.card)
    assert "T-1 is done" in await answer(teams, "kwong", "done T-1")
    assert accounts.get("AC-1").password_changed_by == "kwong"
    theirs = await answer(teams, "bharris", "accounts")
    assert "X @PickeringPlans" in theirs and "Facebook" not in theirs
