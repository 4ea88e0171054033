"""Time away from Slack: `/socialmedia away FROM to UNTIL @someone`. The choice is checked
(not oneself, not someone who may not sign what waits), the card waiting for the person goes
to the one standing in, who signs "for" them; `away off` brings it back."""

from __future__ import annotations

from tests.slack.conftest import SlackHarness, all_text, button_values
from tests.support import file_request

MSMITH, ADOE, DOKAFOR = "U0MSMITH", "U0ADOE", "U0DOKAFOR"


async def test_away_from_the_slash_command(slack: SlackHarness) -> None:
    request = file_request(slack.bot.workflow, "adoe")  # waits for Morgan Smith
    slack.bot.dispatcher.wake()
    await slack.card_for(MSMITH, f"approve:{request.id}:1")

    reply = await slack.command(MSMITH, f"away today to today <@{ADOE}|adoe>")
    assert reply.status == 200
    assert f"Alex Doe may not sign {request.id}" in reply.json()["text"]
    reply = await slack.command(MSMITH, f"away today to today <@{MSMITH}|msmith>")
    assert "cannot act for yourself" in reply.json()["text"]
    reply = await slack.command(MSMITH, "away today to today <@U0NOBODY|x>")
    assert "not in the City's staff directory" in reply.json()["text"]
    assert slack.bot.services.time_away is not None
    assert slack.bot.services.time_away.current("msmith") is None

    reply = await slack.command(MSMITH, f"away today to today <@{DOKAFOR}|dana>")
    assert "Dana Okafor acts and signs for you" in reply.json()["text"]
    reply = await slack.command(MSMITH, "away")
    assert "Dana Okafor acts for you" in reply.json()["text"]

    # Dana is told, with the card, and signs for Morgan.
    await slack.settle()
    [card] = [m for m in slack.dms(DOKAFOR)
              if f"approve:{request.id}:1" in button_values(m)]
    assert "comes to you while its approver is away" in all_text(card["blocks"])
    await slack.click(DOKAFOR, f"approve:{request.id}:1", message=card,
                      channel=slack.fake.dm_channel(DOKAFOR))
    await slack.settle()
    signed = slack.request(request.id).history[-1]
    assert signed.signer == "Dana Okafor for Morgan Smith" and signed.for_id == "msmith"

    reply = await slack.command(MSMITH, "away off")
    assert "Welcome back" in reply.json()["text"]
    assert slack.bot.directory.acting_for("msmith") == ["msmith"]


async def test_away_dates_at_the_end_of_the_calendar_are_refused_not_a_500(
        slack: SlackHarness) -> None:
    # 9999-12-31 is a valid ISO date, but the day back after it is not: a clear refusal.
    for text in (f"away 9999-12-30 to 9999-12-31 <@{DOKAFOR}|dana>",
                 f"away today to 9999-12-31 <@{DOKAFOR}|dana>",
                 "away 2026-02-30 to 2026-03-01 Dana", "away 99999-01-01 to 99999-01-02 Dana"):
        reply = await slack.command(MSMITH, text)
        assert reply.status == 200, text
        assert "Time away" in reply.json()["text"] or "is not a date" in reply.json()["text"]
    assert slack.bot.services.time_away is not None
    assert slack.bot.services.time_away.current("msmith") is None
