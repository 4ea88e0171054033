"""A stranger to a request reads nothing of it in Teams: not its card, inbox or status."""

from __future__ import annotations

from bot.workflow import Actor
from cards.adaptive import BUTTON_KEY
from cards.codec import ButtonPayload
from tests.support import valid_form
from tests.teams.conftest import TeamsHarness, all_text

BLAKE = {"first_name": "Blake", "last_name": "Harris", "department": "City Development",
         "division": "Planning", "section": "", "promote_department": "city-development",
         "initiative": "Official plan review open house"}


async def test_a_stranger_reads_nothing_of_a_request_in_teams(teams: TeamsHarness) -> None:
    teams.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
    data = {BUTTON_KEY: ButtonPayload("view", "R-1", 1).encode()}

    # Jaya Patel (Community Services) opens or refreshes Blake's card: only the refusal.
    for verb in ("view", "refresh"):
        body = await teams.click("jpatel", verb, data)
        shown = all_text(body["value"])
        assert "Only the people in this request's chain can see it" in shown
        assert "Blake" not in shown and "open house" not in shown
    for command in ("inbox", "status"):
        said = await teams.say("jpatel", command)
        text = " ".join((m.text or "") + all_text(m.card) for m in said)
        assert "R-1" not in text and "Blake" not in text, text

    # The CCT reads it; Blake's director reads it before his stage.
    for reader in ("kwong", "dokafor"):
        body = await teams.click(reader, "view", data)
        assert "open house" in all_text(body["value"])
