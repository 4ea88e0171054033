"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright.

A CCT member opens a one-time link, sees the stage table, a chart and the numbers beside it,
downloads a CSV and its rows match the store; Alex Doe sees less; a reused and an expired link
are refused. Screenshots go to artifacts/dashboard/. Outside CI a missing Chromium skips this
module; in CI (CI=true) it fails, so a green CI means the browser ran.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from adapters.dashboard import messages
from adapters.dashboard.http import DASHBOARD_KEY
from adapters.dashboard.render import csv_cell
from socialbot.bootstrap import Runtime
from socialbot.server import create_app
from tests.dashboard.scene import SEES, build_register_scene, build_scene
from tests.support import ROOT, FixedClock

CHROMIUM = os.environ.get("PLAYGROUND_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
ARTIFACTS = ROOT / "artifacts" / "dashboard"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).exists():
    reason = f"the dashboard browser test needs Chromium at {CHROMIUM} " \
             "(tests/teams/playground/setup.sh installs it)"
    if IN_CI:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason, allow_module_level=True)

from playwright.async_api import async_playwright, expect  # noqa: E402


@pytest.fixture
async def served(bot: Runtime, clock: FixedClock) -> AsyncIterator[tuple[str, web.Application]]:
    build_scene(bot, clock)
    await build_register_scene(bot, clock)
    app = create_app(bot)
    runner = web.AppRunner(app, shutdown_timeout=2)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}", app
    finally:
        await runner.cleanup()


async def test_a_person_opens_the_dashboard_downloads_a_csv_and_links_work_once(
        served: tuple[str, web.Application], bot: Runtime) -> None:
    url, app = served
    signer = app[DASHBOARD_KEY].sessions.signer
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            context = await browser.new_context(accept_downloads=True,
                                                viewport={"width": 390, "height": 844})
            page = await context.new_page()
            # Nothing may leave the machine: any request off the server fails the test.
            outside: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(url) else
                    outside.append(r.url))
            cct_link = url + signer.path("kwong")
            await page.goto(cct_link)
            assert page.url == f"{url}/dashboard/"
            stages = page.locator("#table-stages")
            await expect(stages).to_contain_text("cct")
            await expect(page.locator("figure svg").first).to_be_visible()
            await expect(page.locator("#table-waiting tr.late")).to_contain_text("R-1")
            await expect(page.get_by_role("heading", name=messages.BANS_TITLE)).to_be_visible()
            await page.screenshot(path=ARTIFACTS / "cct-phone.png", full_page=True)
            # Keyboard: the first Tab reaches the skip link.
            await page.keyboard.press("Tab")
            assert await page.evaluate("document.activeElement.className") == "skip"
            async with page.expect_download() as waiting_download:
                await page.locator("#table-waiting ~ a[download]").click()
            download = await waiting_download.value
            rows = list(csv.reader(io.StringIO(Path(await download.path()).read_text())))
            stored = sorted(bot.repository.open_cases(), key=lambda r: r.history[-1].at)
            assert [row[0] for row in rows[1:]] == [r.id for r in stored]
            assert [row[2] for row in rows[1:]] == [r.state for r in stored]
            shown = await page.locator("#table-waiting tbody tr td:first-child").all_inner_texts()
            assert shown == [row[0] for row in rows[1:]]
            # The same link a second time: refused, in a clear page.
            reused = await page.goto(cct_link)
            assert reused is not None and reused.status == 410
            await expect(page.locator("body")).to_contain_text(messages.LINK_USED)
            await page.screenshot(path=ARTIFACTS / "reused-link.png")
            assert outside == []
            await context.close()

            # Alex Doe: only his own request, no moderation.
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(url + signer.path("adoe"))
            await expect(page.locator("#table-waiting")).to_contain_text("R-1")
            await expect(page.locator("#table-waiting")).not_to_contain_text("R-3")
            await expect(page.get_by_role("heading", name=messages.MODERATION_SECTION)) \
                .to_have_count(0)
            await page.screenshot(path=ARTIFACTS / "requester.png", full_page=True)
            # A link past its few minutes: refused.
            real_now = signer.now
            expired_link = url + signer.path("adoe")
            signer.now = lambda: real_now() + signer.minutes * 60 + 1
            try:
                expired = await page.goto(expired_link)
            finally:
                signer.now = real_now
            assert expired is not None and expired.status == 410
            await expect(page.locator("body")).to_contain_text(messages.LINK_EXPIRED)
            await page.screenshot(path=ARTIFACTS / "expired-link.png")
            await context.close()
        finally:
            await browser.close()


# Every element with its own text: its colour against the first opaque background behind it.
CONTRAST = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const style = getComputedStyle(el);
    const ink = rgb(el instanceof SVGElement ? style.fill : style.color).slice(0, 3);
    const [a, b] = [lum(ink), lum(background(el))].sort((x, y) => y - x);
    found.push([el.tagName, el.textContent.trim().slice(0, 40), (a + 0.05) / (b + 0.05)]);
  }
  return found;
}"""

TABLES = """() => [...document.querySelectorAll('table')].map(t => [
  t.id.replace(/^table-/, ''),
  [...t.querySelectorAll('thead th')].map(th => th.innerText),
  [...t.querySelectorAll('tbody tr')].filter(tr => !tr.querySelector('td[colspan]'))
    .map(tr => [...tr.cells].map(td => td.innerText))])"""


async def test_keyboard_phone_width_contrast_and_every_csv_is_its_table(
        served: tuple[str, web.Application]) -> None:
    url, app = served
    signer = app[DASHBOARD_KEY].sessions.signer
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            context = await browser.new_context(viewport={"width": 360, "height": 740})
            page = await context.new_page()
            await page.goto(url + signer.path("kwong"))
            # A phone's width: the page never scrolls sideways; wide tables scroll in a box.
            assert await page.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")
            # Keyboard: Tab reaches every link in turn, each with a visible focus outline.
            hrefs = await page.eval_on_selector_all(
                "a[href]", "links => links.map(a => a.getAttribute('href'))")
            reached = []
            for _ in hrefs:
                await page.keyboard.press("Tab")
                reached.append(await page.evaluate(
                    "[document.activeElement.getAttribute('href'), "
                    "getComputedStyle(document.activeElement).outlineStyle]"))
            assert [href for href, _ in reached] == hrefs
            assert all(outline != "none" for _, outline in reached)
            await page.screenshot(path=ARTIFACTS / "keyboard-focus.png")
            # Contrast: every text at least 4.5:1 against what is behind it (WCAG 2 AA).
            ratios = await page.evaluate(CONTRAST)
            assert ratios and min(r for *_, r in ratios) >= 4.5, \
                sorted(ratios, key=lambda r: r[2])[:3]
            # Each table's CSV holds exactly the header and rows the table shows (a cell a
            # spreadsheet would run as a formula, like "@PickeringRec", kept as text).
            tables = await page.evaluate(TABLES)
            assert len(tables) >= 14
            for table_id, header, rows in tables:
                answer = await page.request.get(f"{url}/dashboard/csv/{table_id}.csv")
                assert answer.ok, table_id
                downloaded = list(csv.reader(io.StringIO(await answer.text())))
                assert downloaded == [header, *([csv_cell(v) for v in r] for r in rows)], \
                    table_id
            await context.close()
        finally:
            await browser.close()


REGISTER_SECTIONS = (messages.ACCOUNTS_SECTION, messages.QUESTIONS_SECTION,
                     messages.LINKS_SECTION)


async def test_the_cct_sees_the_register_and_the_clocks_and_others_see_less(
        served: tuple[str, web.Application], bot: Runtime) -> None:
    url, app = served
    signer = app[DASHBOARD_KEY].sessions.signer
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            context = await browser.new_context(accept_downloads=True)
            page = await context.new_page()
            await page.goto(url + signer.path("kwong"))
            for title in REGISTER_SECTIONS:
                await expect(page.get_by_role("heading", name=title, exact=True)) \
                    .to_be_visible()
            await expect(page.locator("#table-accounts")).to_contain_text("@pickering.fire")
            await expect(page.locator("#table-password-tasks")).to_contain_text("T-1")
            await expect(page.locator("#table-broken-links")).to_contain_text("404 Not Found")
            # The citizen's markup is shown as text, never run.
            await expect(page.locator("#table-questions")).to_contain_text("<script>")
            await page.screenshot(path=ARTIFACTS / "cct-register.png", full_page=True)
            async with page.expect_download() as waiting_download:
                await page.locator("#table-questions ~ a[download]").click()
            download = await waiting_download.value
            rows = list(csv.reader(io.StringIO(Path(await download.path()).read_text())))
            stored = bot.clocks.questions.open_questions()
            assert [(r[0], r[3], r[5]) for r in rows[1:]] == [
                (o.question.id, o.question.excerpt, str(o.business_days)) for o in stored]
            await context.close()

            # Alex Doe uses AC-1: its row, its review, question and broken link; no password
            # task (the CCT holds it), nothing of AC-2 or of the page the register does not list.
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(url + signer.path("adoe"))
            ids = await page.locator("table[id] tbody tr td:first-child").all_inner_texts()
            expected = SEES["adoe"]
            assert {i for i in ids if i[:2] in ("AC", "T-", "V-", "Q-", "L-")} == \
                {i for rows in expected.values() for i in rows}
            await expect(page.locator("#table-password-tasks")).to_have_count(0)
            await page.screenshot(path=ARTIFACTS / "user-register.png", full_page=True)
            await context.close()

            # A director who uses no account: none of these sections at all.
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(url + signer.path("pbrown"))
            await expect(page.locator("#table-waiting")).to_be_visible()
            for title in REGISTER_SECTIONS:
                await expect(page.get_by_role("heading", name=title, exact=True)) \
                    .to_have_count(0)
            await context.close()
        finally:
            await browser.close()
