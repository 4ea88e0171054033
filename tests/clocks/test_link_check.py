"""The weekly link check end to end: City posts and hand-registered links are checked against
local servers; broken ones become cases for the account's users, fixed ones close them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from bot.config import AppConfig
from bot.moderation.model import Post
from socialbot.bootstrap import Runtime, build
from socialbot.cli import main
from tests.clocks.linkservers import link_site
from tests.support import SAMPLE_CONFIG, FixedClock

ACCOUNT = "facebook:Recreation"
USERS = ("rsingh", "tlee", "kwong")  # until the account register: moderators and the CCT


def city_post(post_id: str, text: str, *, city: bool = True) -> Post:
    return Post(platform="facebook", board="Recreation", folder="Posts", topic="", text=text,
                post_id=post_id, author_id="city" if city else "c-9",
                author_name="City of Pickering" if city else "A resident",
                created_at=datetime(2026, 7, 6, 14, tzinfo=UTC), author_is_city=city)


def queued(bot: Runtime) -> list[tuple[str, tuple[str, ...], str]]:
    due = bot.repository.due(now=1e12)
    for message in due:
        bot.repository.delivered(message.id)
    return sorted({(m.notification.id, m.notification.recipients, m.notification.summary)
                   for m in due})


async def test_broken_links_open_cases_and_fixed_ones_close_them(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    clock.current = datetime(2026, 7, 6, 14, tzinfo=UTC)  # a Monday
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    waits: list[float] = []

    async def no_wait(seconds: float) -> None:
        waits.append(seconds)

    links = bot.clocks.links
    links.sleep = no_wait
    async with link_site() as site:
        site.answers = {"/scripted/pool": [404], "/scripted/flaky": [500, 200]}
        base = site.base
        text = f"Pool hours: {base}/scripted/pool. Camps ({base}/ok), news {base}/scripted/flaky"
        assert links.observe(city_post("p-1", text)) == 3
        assert links.observe(city_post("p-1", f"{base}/scripted/pool")) == 0  # seen already
        assert links.observe(city_post("c-2", f"spam {base}/status/404", city=False)) == 0
        assert links.register("kwong", f"{base}/status/410", "website")
        queued(bot)

        check = await links.check_now()
        results = {r.url.removeprefix(base): (r.ok, r.detail, r.case_id, r.places)
                   for r in check.results}
        assert results == {
            "/scripted/pool": (False, "404 Not Found", "L-1", ("p-1",)),
            "/ok": (True, "200 OK", "", ("p-1",)),
            "/scripted/flaky": (True, "200 OK", "", ("p-1",)),  # failed once, fine later
            "/status/410": (False, "410 Gone", "L-2", ("registered by kwong",)),
        }
        assert waits == [sample_config.links.recheck_after_seconds]  # one later look
        assert queued(bot) == [
            ("L-1:1:broken", USERS,
             f"Broken link L-1: {base}/scripted/pool (404 Not Found), in p-1. Please fix or "
             "remove it; the bot closes this case when the link works again (or type "
             "'close L-1 <why>')."),
            ("L-2:1:broken", USERS,
             f"Broken link L-2: {base}/status/410 (410 Gone), in registered by kwong. Please "
             "fix or remove it; the bot closes this case when the link works again (or type "
             "'close L-2 <why>')."),
        ]

        await links.check_now()  # still broken: the same cases, nobody told twice
        assert [c.id for c in links.open_cases()] == ["L-1", "L-2"]
        assert queued(bot) == []

        site.answers["/scripted/pool"] = [200]  # the page is back
        bot.close()
        bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)  # restart
        bot.clocks.links.sleep = no_wait
        await bot.clocks.links.check_now()
    assert [c.id for c in bot.clocks.links.open_cases()] == ["L-2"]
    fixed = bot.clocks.link_cases.get("L-1")
    assert fixed is not None and fixed.state == "fixed"
    assert [(e.action, e.actor_id) for e in fixed.history] == [("found_broken", "socialbot"),
                                                              ("fixed", "socialbot")]
    assert queued(bot) == [("L-1:2:fixed", USERS,
                            f"Link L-1 works again: {base}/scripted/pool. The case is closed.")]
    closed = bot.clocks.links.close("kwong", "console", "L-2", "the page was retired")
    assert closed.state == "closed" and closed.history[-1].comment == "the page was retired"
    bot.close()

    listed = CliRunner().invoke(main, ["links", "--config", str(config_file(tmp_path)),
                                       "--format", "json"])
    assert listed.exit_code == 0, listed.output
    last = json.loads(listed.output)
    assert {r["url"].removeprefix(base): r["ok"] for r in last["results"]} == {
        "/scripted/pool": True, "/ok": True, "/scripted/flaky": True, "/status/410": False}
    verified = CliRunner().invoke(main, ["verify", "--config", str(config_file(tmp_path))])
    assert verified.exit_code == 0, verified.output


def test_a_broken_link_reminds_its_users_then_tells_the_cct(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    from bot.links import LinkOutcome, LinkSource

    clock.current = datetime(2026, 7, 6, 14, tzinfo=UTC)  # Monday; links wait 5 business days
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    bot.clocks.links._open(LinkSource("https://example.invalid/x", ACCOUNT, "p-1"), ("p-1",),
                           LinkOutcome(False, "404 Not Found", 404))
    queued(bot)
    days = {13: [], 14: ["L-1:1:reminder:0"], 15: ["L-1:1:reminder:1"],
            16: ["L-1:1:reminder:2"], 17: ["L-1:1:escalation:3", "L-1:1:reminder:3"],
            18: [], 19: [], 20: ["L-1:1:escalation:4", "L-1:1:reminder:4"]}
    for day, expected in days.items():
        clock.current = datetime(2026, 7, day, 14, tzinfo=UTC)
        bot.reminders.run_once()
        assert [n for n, _, _ in queued(bot)] == expected, day
    bot.close()


def config_file(tmp_path: Path) -> Path:
    target = tmp_path / "app.yaml"
    if not target.exists():
        target.write_text(SAMPLE_CONFIG.read_text())  # the store: tmp_path/data/, as built
    return target
