"""Real client: the bot in local mode, driven through Microsoft's Agents Playground in Chromium.

The bot's own server (socialbot.server + adapters.teams.mount, local mode) listens on
127.0.0.1; the Playground (npm @microsoft/m365agentsplayground, started by playground.js) is
its Teams client; headless Debian Chromium drives the Playground's web UI through Playwright.
Alex Doe types `request`, meets the client-side validation, fills the Appendix 2 card, submits
it and sees the confirmation and the proactive update. Screenshots go to
$PLAYGROUND_ARTIFACTS (default: artifacts/teams-playground/ at the repository root).

Needs `tests/teams/playground/setup.sh` (Chromium from Debian, `npm ci`). Outside CI a missing
piece skips this module with the reason; in CI (CI=true) it fails, so a green CI always means
the real client ran.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
HERE = Path(__file__).resolve().parent


def _missing_tools() -> list[str]:
    chromium = os.environ.get("PLAYGROUND_CHROMIUM", "/usr/bin/chromium")
    cli = HERE / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
    checks = ((f"Chromium at {chromium}", Path(chromium).exists()),
              ("node", shutil.which("node") is not None),
              (f"the Agents Playground at {cli}", Path(os.environ.get("PLAYGROUND_CLI", cli))
               .exists()))
    missing = [what for what, ok in checks if not ok]
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package")
    return missing


_MISSING = _missing_tools()
if _MISSING:
    message = ("real-client Teams test needs " + "; ".join(_MISSING)
               + " (run tests/teams/playground/setup.sh and install the dev extra)")
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)

from playwright.async_api import Browser, Page, async_playwright, expect  # noqa: E402

from adapters.teams import mount as teams_mount  # noqa: E402
from bot.config import load_config  # noqa: E402
from socialbot.bootstrap import Runtime, build  # noqa: E402
from socialbot.server import create_app  # noqa: E402
from tests.support import ROOT, SAMPLE_CONFIG  # noqa: E402
from tests.teams.playground.harness import (  # noqa: E402
    Playground,
    PlaygroundPage,
    TenantUser,
    free_port,
    launch_chromium,
    open_playground,
    start_bot,
    start_playground,
    write_playground_config,
)

STEP_MS = 30_000  # each step takes ~0.3 s here; generous for a loaded two-core CI machine
TENANT = "00000000-0000-0000-0000-0000000000001"
REQUESTER = "adoe"
COLLEAGUES = ("pbrown", "jpatel", "lchen", "kwong", "tlee")


def tenant_user(bot: Runtime, person_id: str) -> TenantUser:
    person = bot.directory.person(person_id)
    return TenantUser(f"user-{person_id}", person.full_name, str(person.teams_id),
                      person.email)


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    root = Path(os.environ.get("PLAYGROUND_ARTIFACTS", ROOT / "artifacts" / "teams-playground"))
    path = root / request.node.name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
async def bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Runtime]:
    monkeypatch.setenv("MICROSOFT_APP_ID", "")       # local mode: the Playground sends no token
    monkeypatch.setenv("MICROSOFT_APP_PASSWORD", "")
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(tmp_path / "data" / "socialbot.json")}
    raw["teams"] = {**raw["teams"], "tenant_id": TENANT}
    config_path = tmp_path / "app.yaml"
    config_path.write_text(yaml.safe_dump(raw, sort_keys=False))
    config, base_dir = load_config(config_path)
    built = build(config, base_dir, channel_names=("teams",), fsync=False)
    built.dispatcher.poll_seconds = 0.05
    yield built
    built.close()


@pytest.fixture
async def playground(bot: Runtime, tmp_path: Path) -> AsyncIterator[Playground]:
    app = create_app(bot)
    teams_mount.mount(app, bot.services, host="127.0.0.1")
    config = write_playground_config(
        tmp_path / ".m365agentsplayground.yml", tenant_user(bot, REQUESTER),
        [tenant_user(bot, p) for p in COLLEAGUES], f"personal-{REQUESTER}")
    # The bot first: the Playground's page waits (15 s at most) for its endpoint.
    async with (start_bot(app, free_port()) as endpoint,
                start_playground(endpoint, config, tmp_path / "playground") as running):
        yield running


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        chromium = await launch_chromium(pw)
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser: Browser, playground: Playground, artifacts: Path) -> AsyncIterator[Page]:
    opened = await open_playground(browser, playground)
    try:
        yield opened
    finally:
        await opened.screenshot(path=artifacts / "last.png")  # pass or fail, the final state
        shutil.copy(playground.log_file, artifacts / "m365agentsplayground.log")


async def test_alex_files_the_access_form_in_the_playground(
        page: Page, bot: Runtime, artifacts: Path) -> None:
    ui = PlaygroundPage(page)
    await ui.wait_ready(timeout=STEP_MS)
    await expect(ui.card_with("Hello Alex Doe")).to_be_visible(timeout=STEP_MS)  # on install
    await page.screenshot(path=artifacts / "01-welcome.png")

    await ui.send("request")
    card = ui.card_with("Social Media Request for Access")
    submit = card.get_by_role("button", name="Submit request")
    await expect(submit).to_be_visible(timeout=STEP_MS)
    # Part 1: the names come from the directory, read-only; the rest is prefilled and editable.
    await expect(card.get_by_text("Alex (from the City's directory)")).to_be_visible()
    await expect(card.get_by_role("textbox", name="First name")).to_have_count(0)
    await expect(card.get_by_role("textbox", name="Division")).to_have_value("Recreation")
    await expect(card.get_by_text("Municipal Freedom of Information")).to_be_visible()
    await page.screenshot(path=artifacts / "02-form.png")

    await submit.click()  # empty required inputs: the card says so and sends nothing
    await expect(card.get_by_text("Choose at least one.")).to_be_visible(timeout=STEP_MS)
    await page.screenshot(path=artifacts / "03-validation.png")
    assert bot.repository.count() == 0

    initiative = card.get_by_role("textbox", name="Program and/or initiative to promote")
    await initiative.fill("Swim")  # the card accepts it; the server wants a few words
    await ui.pick_multi(card, "Social media programs", "Facebook", "YouTube")
    await card.get_by_role("checkbox", name="I have read the notice of collection").check()
    await submit.click()
    # The server's message by the field, in the same card, the person's input kept.
    await expect(card.get_by_text("Describe the program or initiative in a few words.")
                 ).to_be_visible(timeout=STEP_MS)
    await expect(initiative).to_have_value("Swim")
    await page.screenshot(path=artifacts / "04-server-check.png")
    assert bot.repository.count() == 0

    await initiative.fill('Summer swim lessons <b>campaign</b> & "updates" *now*')
    await page.screenshot(path=artifacts / "05-filled.png")
    await submit.click()

    await expect(ui.card_with("Request R-1 filed")).to_be_visible(timeout=STEP_MS)
    update = ui.card_with("Social media access request R-1")  # the outbox's proactive card
    await expect(update).to_be_visible(timeout=STEP_MS)
    await expect(update.get_by_role("button", name="Withdraw")).to_be_visible()
    await expect(update.get_by_text('Summer swim lessons <b>campaign</b> & "updates" *now*')
                 ).to_be_visible()
    await page.screenshot(path=artifacts / "06-filed.png")

    request = bot.workflow.get("R-1")
    assert request.requester_id == REQUESTER
    assert request.programs == ("Facebook", "YouTube")
    assert request.initiative == 'Summer swim lessons <b>campaign</b> & "updates" *now*'
    assert request.state == "supervisor"
    assert [h.platform for h in request.history] == ["teams"]


@pytest.fixture
async def approver_playground(bot: Runtime, tmp_path: Path) -> AsyncIterator[Playground]:
    """The same bot; the Playground's user is Dana Okafor, Blake Harris's supervisor."""
    app = create_app(bot)
    teams_mount.mount(app, bot.services, host="127.0.0.1")
    config = write_playground_config(
        tmp_path / ".m365agentsplayground.yml", tenant_user(bot, "dokafor"),
        [tenant_user(bot, p) for p in ("bharris", *COLLEAGUES[:4])], "personal-dokafor")
    async with (start_bot(app, free_port()) as endpoint,
                start_playground(endpoint, config, tmp_path / "playground") as running):
        yield running


async def test_dana_approves_on_the_card_she_receives(
        browser: Browser, approver_playground: Playground, bot: Runtime, artifacts: Path) -> None:
    from bot.workflow import Actor
    from tests.support import valid_form

    page = await open_playground(browser, approver_playground)
    try:
        ui = PlaygroundPage(page)
        await ui.wait_ready(timeout=STEP_MS)
        await expect(ui.card_with("Hello Dana Okafor")).to_be_visible(timeout=STEP_MS)
        # Blake files (elsewhere); the outbox brings Dana the card in her personal chat.
        bot.workflow.submit(Actor("bharris", "teams"), valid_form(
            first_name="Blake", last_name="Harris", department="City Development",
            division="Planning", section="", promote_department="city-development"))
        bot.dispatcher.wake()
        card = ui.card_with("Social media access request R-1")
        approve = card.get_by_role("button", name="Approve", exact=True)
        await expect(approve).to_be_visible(timeout=STEP_MS)
        await expect(card.get_by_role("button", name="Withdraw")).to_have_count(0)
        await page.screenshot(path=artifacts / "01-card-received.png")

        await card.get_by_role("button", name="Reject", exact=True).click()  # shows the input
        await expect(card.get_by_role("textbox", name="Reason (the employee will see it)")
                     ).to_be_visible(timeout=STEP_MS)
        await page.screenshot(path=artifacts / "02-reject-reason.png")
        await approve.click()
        await expect(card.get_by_text("Agreed in principle by Dana Okafor", exact=False).first
                     ).to_be_visible(timeout=STEP_MS)
        await expect(card.get_by_role("button", name="Approve", exact=True)).to_have_count(0)
        await page.screenshot(path=artifacts / "03-approved.png")
    finally:
        await page.screenshot(path=artifacts / "last.png")
        await page.close()
    request = bot.workflow.get("R-1")
    assert request.state == "cct"
    assert (request.history[-1].actor_id, request.history[-1].platform) == ("dokafor", "teams")
