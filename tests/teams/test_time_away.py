"""Time away from Teams: a message `away FROM to UNTIL @Someone` in the personal chat. Dana
Okafor (Blake Harris's supervisor) is away today with Casey MacDonald acting: the request
waiting for Dana is in Casey's inbox, Casey signs for Dana; `away off` ends it."""

from __future__ import annotations

from tests.support import file_request
from tests.teams.conftest import TeamsHarness, all_text


async def test_away_from_a_teams_message(teams: TeamsHarness) -> None:
    request = file_request(teams.bot.workflow, "bharris")
    [none] = await teams.say("dokafor", "away")
    assert "no time away declared" in (none.text or "")
    [refused] = await teams.say("dokafor", "away today to today <at>Blake Harris</at>")
    assert f"Blake Harris may not sign {request.id}" in (refused.text or "")
    [typo] = await teams.say("dokafor", "away someday to today <at>Casey MacDonald</at>")
    assert "'someday' is not a date" in (typo.text or "")
    assert typo.body.get("textFormat") == "plain"  # what was typed is not read as Markdown

    [noted] = await teams.say("dokafor", "away today to today <at>Casey MacDonald</at>")
    assert "Casey MacDonald acts and signs for you" in (noted.text or "")
    [inbox] = await teams.say("cmacdonald", "inbox")
    assert inbox.card is not None and request.id in all_text(inbox.card)
    answered = await teams.press("cmacdonald", inbox.card, "Approve")
    assert "Casey MacDonald for Dana Okafor" in all_text(answered["value"])
    assert teams.request(request.id).history[-1].for_id == "dokafor"

    [back] = await teams.say("dokafor", "away off")
    assert "Welcome back" in (back.text or "")
    assert teams.bot.directory.acting_for("dokafor") == ["dokafor"]


async def test_a_typed_command_is_on_disk_before_its_reply_is_sent(teams: TeamsHarness) -> None:
    """Durable before acknowledged: the reply to `away ...` (or `done T-n`) is the person's
    acknowledgement, so the store has synced what the command wrote before the reply leaves;
    the group commit (an fsync shared after the turn) is for invokes, whose answer is the
    HTTP response itself."""
    store = teams.bot.store
    at_reply: list[tuple[int, int]] = []
    record = teams.connector._record

    async def watched(*args: object, **kwargs: object) -> object:
        at_reply.append((store.synced, store._written))
        return await record(*args, **kwargs)  # type: ignore[arg-type]

    teams.connector._record = watched  # type: ignore[method-assign]
    [noted] = await teams.say("dokafor", "away today to today <at>Casey MacDonald</at>")
    assert "Casey MacDonald acts and signs for you" in (noted.text or "")
    assert at_reply and all(synced >= written for synced, written in at_reply), at_reply
