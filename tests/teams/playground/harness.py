"""Run Microsoft's Agents Playground offline and drive it with headless Chromium.

Proven on this machine first (Playground 0.2.28, Debian Chromium, Playwright for Python);
see docs/teams.md for what the Playground can and cannot show.

Pieces a pytest fixture can reuse:
  free_port()                 a loopback port nobody listens on
  start_bot(app)              run an aiohttp app in-process on 127.0.0.1
  start_playground(...)       spawn the Playground (node) and learn its real port
  launch_chromium(pw)         Debian's Chromium with the flags this closed network needs
  PlaygroundPage              selectors for the compose box and Adaptive Card inputs
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import yaml
from aiohttp import web
from playwright.async_api import Browser, Locator, Page, Playwright, Route

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("PLAYGROUND_CHROMIUM", "/usr/bin/chromium")
# Without these Chromium hangs on the closed network (component updates, sync...).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
PLAYGROUND_CLI = Path(
    os.environ.get(
        "PLAYGROUND_CLI",
        HERE / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js",
    )
)
PLAYGROUND_WRAPPER = HERE / "playground.js"
LISTENING = re.compile(rb"Listening on (\d+)")


@dataclass(frozen=True)
class TenantUser:
    """One person in the Playground's mock tenant (schema $defs/User)."""

    id: str  # channel id: becomes activity.from.id
    name: str
    aad_object_id: str  # becomes activity.from.aadObjectId
    email: str

    def as_yaml_dict(self) -> dict[str, str]:
        given, _, surname = self.name.partition(" ")
        return {
            "id": self.id,
            "name": self.name,
            "userPrincipleName": self.email,  # sic: the schema's spelling
            "aadObjectId": self.aad_object_id,
            "givenName": given,
            "surname": surname or given,
            "email": self.email,
        }


def write_playground_config(
    path: Path, current: TenantUser, others: list[TenantUser], personal_chat_id: str
) -> Path:
    """Write a .m365agentsplayground.yml the Playground's schema (0.1.1) accepts.

    `users` must hold exactly five people with ids unique among themselves and
    `current`, so fewer are padded with placeholders and more are refused.
    """
    if len(others) > 5:
        raise ValueError("the Playground's config takes exactly 5 other users")
    filler = [
        TenantUser(f"filler-{i}", f"Filler Person{i}", f"aad-filler-{i}", f"filler{i}@example.com")
        for i in range(5 - len(others))
    ]
    config = {
        "version": "0.1.1",
        "tenantId": "00000000-0000-0000-0000-0000000000001",
        "bot": {"id": "00000000-0000-0000-0000-00000000000011", "name": "Social Media Bot"},
        "currentUser": current.as_yaml_dict(),
        "users": [u.as_yaml_dict() for u in [*others, *filler]],
        "personalChat": {"id": personal_chat_id},
        "groupChat": {"id": f"{personal_chat_id}-group", "name": "Group Chat"},
        "team": {
            "id": f"{personal_chat_id}-team",
            "name": "Comms Team",
            "aadGroupId": "00000000-0000-0000-0000-000000000031",
            "channels": [{"id": f"{personal_chat_id}-cct", "name": "CCT"}],
        },
    }
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def start_bot(app: web.Application, port: int) -> AsyncIterator[str]:
    """Serve `app` on 127.0.0.1:port; yields the messaging endpoint URL."""
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}/api/messages"
    finally:
        await runner.cleanup()


@dataclass
class Playground:
    process: asyncio.subprocess.Process
    port: int
    log_file: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@contextlib.asynccontextmanager
async def start_playground(
    bot_endpoint: str,
    config: Path,
    workdir: Path,
    timeout: float = 30.0,
    extra_args: tuple[str, ...] = (),
) -> AsyncIterator[Playground]:
    """Spawn the Playground against `bot_endpoint` with the tenant in `config`.

    The Playground silently moves to a random port when the asked one is taken,
    so the real one is read from the "Listening on N" line it prints on stdout
    when stdout is not a TTY.
    """
    workdir = workdir.resolve()  # relative paths would resolve against the child's cwd
    workdir.mkdir(parents=True, exist_ok=True)
    log_file = workdir / "m365agentsplayground.log"
    env = {
        **os.environ,
        "TEAMSAPPTESTER_BROWSER": "none",  # never try to open a desktop browser
        "M365_AGENTS_PLAYGROUND_CONFIG_PATH": str(config.resolve()),
        "M365_AGENTS_PLAYGROUND_LOGFILE": str(log_file),  # default is ./devTools/ in cwd
    }
    process = await asyncio.create_subprocess_exec(
        "node",
        str(PLAYGROUND_WRAPPER),
        str(PLAYGROUND_CLI),
        "-e",
        bot_endpoint,
        "-c",
        "msteams",
        "-p",
        str(free_port()),
        "--disable-telemetry",
        *extra_args,
        cwd=workdir,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        port = await asyncio.wait_for(_read_port(process), timeout)
        playground = Playground(process, port, log_file)
        await asyncio.wait_for(_wait_backend(playground), timeout)
        yield playground
    finally:
        await _stop(process)


async def _read_port(process: asyncio.subprocess.Process) -> int:
    assert process.stdout is not None
    seen = b""
    while True:
        line = await process.stdout.readline()
        if not line:
            raise RuntimeError(
                f"Playground exited before listening: {seen.decode(errors='replace')}"
            )
        seen += line
        match = LISTENING.search(line)
        if match:
            # Keep draining stdout so a chatty process never blocks on a full pipe.
            asyncio.get_running_loop().create_task(_drain(process))
            return int(match.group(1))


async def _wait_backend(playground: Playground) -> None:
    """Wait for /_debug/ping to answer 200.

    "Listening on N" is printed before the backend loads the config; a bad
    config then exits the process with the reason only in the log file.
    """
    async with aiohttp.ClientSession() as session:
        while playground.process.returncode is None:
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"{playground.url}_debug/ping") as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.05)
    errors = [
        line
        for line in playground.log_file.read_text(errors="replace").splitlines()
        if line.startswith("error ")
    ]
    raise RuntimeError("Playground exited: " + " | ".join(errors or ["no reason logged"]))


async def _drain(process: asyncio.subprocess.Process) -> None:
    assert process.stdout is not None
    while await process.stdout.readline():
        pass


async def _stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), 5)
    except TimeoutError:
        process.kill()
        await process.wait()


async def launch_chromium(pw: Playwright) -> Browser:
    return await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


async def open_playground(browser: Browser, playground: Playground) -> Page:
    page = await browser.new_page(viewport={"width": 1400, "height": 1000})
    origin = playground.url.rstrip("/")

    async def only_loopback(route: Route) -> None:
        # The UI asks a CDN for Segoe UI fonts; nothing may leave the machine.
        if route.request.url.startswith(origin):
            await route.continue_()
        else:
            await route.abort()

    await page.route("**/*", only_loopback)
    await page.goto(playground.url)
    return page


class PlaygroundPage:
    """Selectors for the Playground 0.2.x web UI (Fluent UI v9 + Lexical)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        # The compose box is a Lexical contenteditable with role=textbox and no name.
        self.compose = page.locator('[data-lexical-editor="true"][contenteditable="true"]')
        self.send_button = page.get_by_role("button", name="Send Message")

    async def wait_ready(self, timeout: float = 30_000) -> None:
        await self.compose.wait_for(timeout=timeout)
        # The log panel says "Connected." once the Playground has reached the bot.
        await self.page.get_by_text("Connected.", exact=True).wait_for(timeout=timeout)

    async def send(self, text: str) -> None:
        await self.compose.click()
        await self.page.keyboard.type(text)  # Lexical ignores .fill(); type real keys
        await self.send_button.click()

    def last_card(self) -> Locator:
        return self.page.locator(".ac-adaptiveCard").last

    def message(self, text: str) -> Locator:
        """A chat message whose whole text is `text`.

        Text messages render as Markdown <p> elements; the same words also show
        in the chat list preview (<div>) and the log panel (<span>), hence the tag.
        """
        return self.page.locator("p").filter(has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))

    def card_with(self, text: str) -> Locator:
        return self.page.locator(".ac-adaptiveCard").filter(has_text=text)

    async def pick_multi(self, card: Locator, label: str, *titles: str) -> None:
        """Input.ChoiceSet isMultiSelect: a combobox opening a role=menu of menuitemcheckbox."""
        await card.get_by_role("combobox", name=label).click()
        for title in titles:
            await self.page.get_by_role("menuitemcheckbox", name=title).click()
        await self.page.keyboard.press("Escape")

    async def pick_compact(self, card: Locator, label: str, title: str) -> None:
        """Input.ChoiceSet style=compact: a combobox opening a listbox of role=option."""
        await card.get_by_role("combobox", name=label).click()
        await self.page.get_by_role("option", name=title).click()


def elapsed(since: float) -> float:
    return round(time.monotonic() - since, 3)
