"""One request across Teams and Slack: the directory says where each person is.

Alex Doe (on both) files in Teams; Morgan Smith (Slack only) agrees in Slack; Kim Wong (on
both) gets the CCT card in Teams and in Slack, recommends in Teams, and the Slack copies (his
and Ravi Singh's) change to the outcome; Priya Brown approves in Slack and the Teams copy of
her card changes too. One server, one store, the fake Slack Web API and the fake Bot Connector.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml
from aiohttp import web

from adapters.slack import mount as slack_mount
from adapters.teams import mount as teams_mount
from bot.config import load_config
from socialbot.bootstrap import build
from socialbot.server import create_app
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.slack.conftest import SECRET, TOKEN, SlackHarness, button_values, slack_users
from tests.slack.conftest import all_text as slack_text
from tests.slack.conftest import write_config as slack_config
from tests.teams.conftest import (
    TENANT,
    TeamsHarness,
    action_titles,
    all_text,
    find_action,
    form_inputs,
)

MSMITH, KWONG, RSINGH, PBROWN = "U0MSMITH", "U0KWONG", "U0RSINGH", "U0PBROWN"
Both = tuple[TeamsHarness, SlackHarness]


@pytest.fixture
async def both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               connector: FakeBotConnector) -> AsyncIterator[Both]:
    async with FakeSlackWebAPI(bot_token=TOKEN) as fake:
        path = slack_config(tmp_path, fake.base_url)
        fake.users.update(slack_users(path))
        raw = yaml.safe_load(path.read_text())
        raw["teams"]["tenant_id"] = TENANT
        path.write_text(yaml.safe_dump(raw, sort_keys=False))
        for name, value in (("SLACK_BOT_TOKEN", TOKEN), ("SLACK_SIGNING_SECRET", SECRET),
                            ("MICROSOFT_APP_ID", ""), ("MICROSOFT_APP_PASSWORD", "")):
            monkeypatch.setenv(name, value)
        config, base_dir = load_config(path)
        bot = build(config, base_dir, channel_names=("slack", "teams"), fsync=False)
        bot.dispatcher.poll_seconds = 0.05
        app = create_app(bot)
        banner = slack_mount.mount(app, bot.services) + teams_mount.mount(
            app, bot.services, host="127.0.0.1")
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        teams = TeamsHarness(bot, connector, runner, banner)
        slack = SlackHarness(bot, fake, runner, banner)
        try:
            yield teams, slack
        finally:
            await slack.http.close()
            await teams.close()


async def test_filed_in_teams_agreed_in_slack_recommended_in_teams(both: Both) -> None:
    teams, slack = both
    assert teams.bot.config.teams.tenant_id == TENANT
    await teams.say("kwong", "hello")      # Kim has the Teams app; Priya never opened it
    [form] = await teams.say("adoe", "request")
    assert form.card is not None
    filed = await teams.press("adoe", form.card, "Submit request", inputs=form_inputs())
    assert "Morgan Smith" in all_text(filed["value"])
    await slack.settle()

    # Morgan is on Slack only: the card is a Slack DM, nothing goes to Teams for him.
    card = await slack.card_for(MSMITH, "approve:R-1:1")
    await slack.click(MSMITH, "approve:R-1:1", message=card, channel=card["channel"])
    await slack.settle()
    assert teams.request().history[-1].platform == "slack"
    told = await teams.card_for("adoe", "was agreed in principle by Morgan Smith")
    assert "Withdraw" in action_titles(told.card or {})

    # Kim: a Teams card and a Slack DM; Ravi (Slack only) a Slack DM.
    kim_teams = (await teams.card_for("kwong", "waiting for the CCT's review")).card
    assert kim_teams is not None
    slack_copies = [m for m in slack.fake.messages()
                    if "approve:R-1:2" in button_values(m.message)]
    assert {c.channel for c in slack_copies} == {slack.fake.dm_channel(KWONG),
                                                 slack.fake.dm_channel(RSINGH)}
    answered = await teams.press("kwong", kim_teams, "Recommend")
    assert "Recommended by Kim Wong" in all_text(answered["value"])
    await slack.settle()
    for copy in slack_copies:
        now = slack.fake.message(copy.channel, copy.ts)
        assert button_values(now) == [] and "Recommended by Kim Wong" in slack_text(now)

    # Priya (both, never opened Teams): a created Teams chat and a Slack DM; she decides in
    # Slack, and her Teams copy changes to the outcome.
    priya_teams = (await teams.card_for("pbrown", "waiting for the director")).card
    assert priya_teams is not None and find_action(priya_teams, "Approve")
    director = await slack.card_for(PBROWN, "approve:R-1:3")
    await slack.click(PBROWN, "approve:R-1:3", message=director, channel=director["channel"])
    await slack.settle()
    assert teams.request().state == "sop_draft"
    updated = [u for u in teams.connector.updates() if u.card and
               "Approved by Priya Brown" in all_text(u.card)]
    assert updated and not updated[-1].card.get("actions")  # type: ignore[union-attr]
    sop = await teams.card_for("adoe", "submit your SOP")
    assert "Submit SOP" in action_titles(sop.card or {})
    platforms = [h.platform for h in teams.request().history]
    assert platforms == ["teams", "slack", "teams", "slack"]
