"""The dashboard over HTTP: one-time links, the session cookie, who sees what, CSV = store."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import stat
from collections.abc import AsyncIterator
from html import escape
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from click.testing import CliRunner

from adapters.dashboard import messages
from adapters.dashboard.access import secret_path
from adapters.dashboard.http import COOKIE, DASHBOARD_KEY
from bot.config import ConfigError, parse_config
from socialbot.bootstrap import Runtime, build
from socialbot.cli import main
from socialbot.server import TOKEN_KEY, create_app
from tests.dashboard.scene import build_scene
from tests.support import SAMPLE_CONFIG, FixedClock, approved_before_fsync


@pytest.fixture
async def client(bot: Runtime, clock: FixedClock) -> AsyncIterator[TestClient]:
    build_scene(bot, clock)
    async with TestClient(TestServer(create_app(bot))) as test_client:
        yield test_client


def link(client: TestClient, person: str) -> str:
    return client.app[DASHBOARD_KEY].sessions.signer.path(person)


async def sign_in(client: TestClient, person: str) -> None:
    answer = await client.get(link(client, person), allow_redirects=False)
    assert answer.status == 303 and answer.headers["Location"] == "/dashboard/"


async def csv_rows(client: TestClient, table: str) -> list[list[str]]:
    answer = await client.get(f"/dashboard/csv/{table}.csv")
    assert answer.status == 200 and answer.content_type == "text/csv"
    return list(csv.reader(io.StringIO(await answer.text())))[1:]


async def test_a_link_works_once_and_starts_a_strict_httponly_session(
        client: TestClient) -> None:
    path = link(client, "kwong")
    first = await client.get(path, allow_redirects=False)
    assert first.status == 303
    cookie = first.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/dashboard" in cookie
    assert "Max-Age=3600" in cookie and "Secure" not in cookie
    page = await client.get("/dashboard/")
    assert page.status == 200
    text = await page.text()
    assert messages.STAGES_TITLE in text and "<svg" in text and "R-1" in text
    assert page.headers["Referrer-Policy"] == "no-referrer"
    again = await client.get(path, allow_redirects=False)
    assert again.status == 410
    body = await again.text()
    assert messages.LINK_USED in body and messages.STAGES_TITLE not in body
    assert COOKIE not in again.headers.get("Set-Cookie", "")


async def test_behind_https_the_cookie_is_secure(client: TestClient) -> None:
    answer = await client.get(link(client, "adoe"), allow_redirects=False,
                              headers={"X-Forwarded-Proto": "https"})
    assert answer.status == 303 and "Secure" in answer.headers["Set-Cookie"]


async def test_an_expired_or_altered_link_is_refused(client: TestClient) -> None:
    signer = client.app[DASHBOARD_KEY].sessions.signer
    path = signer.path("kwong")
    real_now = signer.now
    signer.now = lambda: real_now() + signer.minutes * 60 + 1
    expired = await client.get(path, allow_redirects=False)
    signer.now = real_now
    assert expired.status == 410 and messages.LINK_EXPIRED in await expired.text()
    body, signature = path.split("t=")[1].split(".")
    forged_body = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    for token in (f"{forged_body}.{signature}", f"{body}.{signature[:-1]}", "garbage", ""):
        altered = await client.get(f"/dashboard/login?t={token}", allow_redirects=False)
        assert altered.status == 403, token
        assert messages.LINK_INVALID in await altered.text()
        assert "Set-Cookie" not in altered.headers
    # The genuine link was never used by those attempts: it still works once.
    assert (await client.get(path, allow_redirects=False)).status == 303


async def test_no_session_or_an_ended_one_gets_a_clear_page(client: TestClient) -> None:
    assert (await client.get("/dashboard/")).status == 401
    assert (await client.get("/dashboard/csv/waiting.csv")).status == 401
    await sign_in(client, "kwong")
    assert (await client.get("/dashboard/csv/nope.csv")).status == 404
    signer = client.app[DASHBOARD_KEY].sessions.signer
    real_now = signer.now
    signer.now = lambda: real_now() + 61 * 60
    ended = await client.get("/dashboard/")
    signer.now = real_now
    assert ended.status == 401 and escape(messages.NO_SESSION) in await ended.text()


async def test_the_cct_sees_everything_and_the_csv_matches_the_store(
        client: TestClient, bot: Runtime) -> None:
    await sign_in(client, "kwong")
    waiting = await csv_rows(client, "waiting")
    stored_open = sorted(bot.repository.open_cases(), key=lambda r: r.history[-1].at)
    assert [row[0] for row in waiting] == [r.id for r in stored_open] == ["R-1", "R-3"]
    assert [row[2] for row in waiting] == [r.state for r in stored_open]
    assert waiting[0][8] == messages.PAST_SERVICE and waiting[1][8] == ""
    # At the CCT since Wed 25 Nov; on Tue 1 Dec it has waited Thu, Fri and Mon: the CCT's
    # service level (3 business days in app.yaml) is used up, the reminder is due.
    assert waiting[0][6:8] == ["3", "3"] and waiting[1][6:8] == ["0", "2"]
    outcomes = await csv_rows(client, "outcomes")
    assert sum(int(row[1]) for row in outcomes) == bot.repository.count()
    assert sum(int(row[4]) for row in outcomes) == 1  # R-2 withdrawn
    bans = await csv_rows(client, "bans")
    stored = bot.desk.repository.bans()  # type: ignore[attr-defined]
    assert [(r[0], r[1], r[2], r[5]) for r in bans] == \
        [(b["platform"], b["author_id"], b["reason"], b["alert"]) for b in stored]
    assert [r[1] for r in bans] == ["fb-2"]
    actions = {row[0]: row[1:5] for row in await csv_rows(client, "actions")}
    assert actions == {"Ravi Singh": ["0", "0", "1", "0"], "Taylor Lee": ["1", "0", "0", "0"]}
    learned = await csv_rows(client, "learned")
    assert learned[0][0] == "3"
    page = await (await client.get("/dashboard/")).text()
    assert messages.MODERATION_SECTION in page
    cycle = await csv_rows(client, "cycle-month")
    # R-2 went from filing to withdrawal in 3 hours: its one end-to-end figure is 0.1 days.
    assert ["2026-11", messages.END_TO_END, "1", "0.1", "0.1"] in cycle


async def test_each_person_sees_only_what_the_core_lets_them(client: TestClient) -> None:
    await sign_in(client, "adoe")
    page = await (await client.get("/dashboard/")).text()
    assert messages.MODERATION_SECTION not in page
    assert [row[0] for row in await csv_rows(client, "waiting")] == ["R-1"]
    assert sum(int(row[1]) for row in await csv_rows(client, "outcomes")) == 1
    assert (await client.get("/dashboard/csv/bans.csv")).status == 404
    client.session.cookie_jar.clear()
    await sign_in(client, "tlee")  # a moderator: the desk, and no one's request
    page = await (await client.get("/dashboard/")).text()
    assert messages.MODERATION_SECTION in page
    assert await csv_rows(client, "waiting") == []
    assert [r[1] for r in await csv_rows(client, "bans")] == ["fb-2"]
    client.session.cookie_jar.clear()
    await sign_in(client, "msmith")  # adoe's and jpatel's supervisor acted on R-1 only
    assert [row[0] for row in await csv_rows(client, "waiting")] == ["R-1"]
    client.session.cookie_jar.clear()
    # Community Services' director: both of its requests (R-1 waiting, R-2 withdrawn), not City
    # Development's R-3; City Development's director: R-3 only.
    await sign_in(client, "pbrown")
    assert [row[0] for row in await csv_rows(client, "waiting")] == ["R-1"]
    assert sum(int(row[1]) for row in await csv_rows(client, "outcomes")) == 2
    client.session.cookie_jar.clear()
    await sign_in(client, "dokafor")
    assert [row[0] for row in await csv_rows(client, "waiting")] == ["R-3"]
    assert sum(int(row[1]) for row in await csv_rows(client, "outcomes")) == 1


async def test_the_console_command_gives_a_working_link(client: TestClient) -> None:
    answer = await client.post("/console/turn", json={"session": "s", "as": "adoe",
                                                      "line": "dashboard"},
                               headers={"Authorization": f"Bearer {client.app[TOKEN_KEY]}"})
    reply = (await answer.json())["reply"]
    url = reply.rsplit(" ", 1)[1]
    path = url[url.index("/dashboard/login"):]
    assert (await client.get(path, allow_redirects=False)).status == 303
    assert [row[0] for row in await csv_rows(client, "waiting")] == ["R-1"]


async def test_the_cli_link_is_signed_with_the_key_beside_the_database(
        client: TestClient, bot: Runtime) -> None:
    config = SAMPLE_CONFIG.read_text().replace("path: data/socialbot.json",
                                               f"path: {bot.storage_path()}")
    config_file = bot.storage_path().with_name("app.yaml")
    config_file.write_text(config)
    run = CliRunner().invoke(main, ["dashboard-link", "--config", str(config_file),
                                    "--as", "kwong"])
    assert run.exit_code == 0, run.output
    path = run.output.strip().rsplit(" ", 1)[1]
    path = path[path.index("/dashboard/login"):]
    assert (await client.get(path, allow_redirects=False)).status == 303
    mode = stat.S_IMODE(os.stat(secret_path(bot.storage_path())).st_mode)
    assert mode == 0o600
    unknown = CliRunner().invoke(main, ["dashboard-link", "--config", str(config_file),
                                        "--as", "nobody"])
    assert unknown.exit_code == 2


def test_chat_links_start_with_the_configured_address(tmp_path: Path) -> None:
    text = SAMPLE_CONFIG.read_text().replace(
        "  link_minutes: 5\n", "  link_minutes: 5\n  base_url: https://bot.pickering.example/\n")
    config = parse_config(text)
    bot = build(config, tmp_path, fsync=False)
    try:
        reply = create_app(bot)[DASHBOARD_KEY].chat_link("kwong")
        assert "https://bot.pickering.example/dashboard/login?t=" in reply
    finally:
        bot.close()
    for bad in ("javascript:alert(1)", "https://bot.example/?next=x", "bot.example"):
        with pytest.raises(ConfigError, match="base_url"):
            parse_config(text.replace("https://bot.pickering.example/", bad))


async def test_a_stand_in_stops_seeing_a_request_once_the_time_away_ends(
        bot: Runtime) -> None:
    """Who may see a request changes without the request changing (time away, a directory
    import): the dashboard follows, so Dana, who stood in for Morgan, no longer sees Alex's
    request once Morgan is back (she never signed it)."""
    from tests.support import file_request
    request = file_request(bot.workflow, "adoe")  # waits for Morgan Smith
    away = bot.services.time_away
    assert away is not None
    async with TestClient(TestServer(create_app(bot))) as client:
        await sign_in(client, "dokafor")
        assert request.id not in [row[0] for row in await csv_rows(client, "waiting")]
        today = away.today()
        away.declare("msmith", today, today, "dokafor")
        assert [row[0] for row in await csv_rows(client, "waiting")] == [request.id]
        away.end("msmith")
        assert not bot.workflow.may_view(bot.repository.get(request.id), "dokafor")
        assert request.id not in [row[0] for row in await csv_rows(client, "waiting")]


async def test_the_page_waits_for_the_fsync_of_a_decision_it_would_show(
        client: TestClient, bot: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    """A click's decision is visible in memory before its group fsync; the page waits for
    that fsync rather than show what a power cut could undo."""
    await sign_in(client, "kwong")
    written = approved_before_fsync(bot, monkeypatch)
    page = asyncio.ensure_future(client.get("/dashboard/"))
    await asyncio.sleep(0.3)
    assert not page.done()
    written.release.set()
    answer = await asyncio.wait_for(page, 10)
    assert answer.status == 200 and written.request_id in await answer.text()
    await asyncio.wait_for(written.click_ack, 10)
