"""`socialbot serve`: start the server, attach the chat platforms that are configured, run."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from adapters.console.notices import CHANNEL as CONSOLE_CHANNEL
from adapters.console.notices import ConsoleChannel
from adapters.dashboard.http import DASHBOARD_KEY
from adapters.webhook.channel import RemovalWebhook
from bot.config import AppConfig
from socialbot.bootstrap import Runtime, build, removal_webhook_ready
from socialbot.server import HOST_KEY, advertise_console, create_app
from storage.engine import StoreError

log = logging.getLogger(__name__)

# A platform module exposes `channel_name`, `enabled(config) -> str | None` (None when it can
# run, else why not) and `mount(app, bot) -> list[str]` (how to talk to it, for the banner).
PLATFORM_MODULES = ("adapters.slack.mount", "adapters.teams.mount")


def available_platforms(config: AppConfig) -> list[tuple[str, Callable[..., list[str]]]]:
    platforms = []
    for module_name in PLATFORM_MODULES:
        try:
            module = __import__(module_name, fromlist=["mount"])
        except ModuleNotFoundError as missing:
            if missing.name and module_name.startswith(missing.name):
                continue
            raise
        why_not = module.enabled(config)
        if why_not:
            log.info("%s is off: %s", module.channel_name, why_not)
            continue
        platforms.append((module.channel_name, module.mount))
    return platforms


async def run_server(config: AppConfig, base_dir: Path, *, config_path: Path, host: str,
                     port: int) -> int:
    platforms = available_platforms(config)
    names = (CONSOLE_CHANNEL, *(name for name, _ in platforms))
    if removal_webhook_ready(config):
        names += ("webhook",)
    elif config.publishing.removal_webhook:
        log.warning("publishing.removal_webhook is set but REMOVAL_WEBHOOK_SECRET is not: "
                    "moderators' removals will wait in the outbox until it is")
    try:
        bot = build(config, base_dir, channel_names=names)
    except StoreError as problem:
        log.error("%s", problem)
        return 1
    try:
        return await _serve(bot, platforms, config_path=config_path, host=host, port=port)
    finally:
        bot.close()


async def _serve(bot: Runtime, platforms: list[tuple[str, Callable[..., list[str]]]], *,
                 config_path: Path, host: str, port: int) -> int:
    app = create_app(bot)
    app[HOST_KEY] = host
    bot.services.attach(CONSOLE_CHANNEL, ConsoleChannel(
        bot.workflow, bot.repository, bot.services.duties))
    if "webhook" in bot.repository.channels:
        webhook = RemovalWebhook(url=bot.config.publishing.removal_webhook,
                                 secret=os.environ["REMOVAL_WEBHOOK_SECRET"], desk=bot.desk,
                                 timeout=bot.config.publishing.timeout_seconds)
        bot.services.attach("webhook", webhook)
    how_to_talk: list[str] = []
    for _, mount in platforms:
        how_to_talk += mount(app, bot.services, host=host)
    # The dashboard's totals are worked out once now, not by the first person who asks (the
    # loaded store frozen first, so the collector does not walk it over and over meanwhile).
    settle_memory()
    started = time.perf_counter()
    app[DASHBOARD_KEY].warm(bot.services.directory.cct_members)
    log.info("dashboard summarised in %.1f s", time.perf_counter() - started)
    settle_memory()
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError as problem:
        log.error("cannot listen on %s:%s: %s", host, port, problem)
        await runner.cleanup()
        return 1
    port = runner.addresses[0][1]
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    advert = advertise_console(app, url)
    print(_banner(url, config_path, how_to_talk), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    advert.unlink(missing_ok=True)
    await runner.cleanup()
    return 0


# The youngest generation is collected after this many allocations (Python's default: 700).
# Serving a click allocates thousands of short-lived objects (payloads, cards, JSON), so the
# default collects several times per click for nothing; measured with slack_load.py, this
# takes about 8 % off the server's CPU per click, for a few megabytes at most.
YOUNG_COLLECTION_THRESHOLD = (20_000, 50, 100)


def settle_memory() -> None:
    """The loaded database is long-lived: keep it out of the collector's generations, so full
    collections stay short while the bot answers clicks; and collect the young generation
    less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*YOUNG_COLLECTION_THRESHOLD)


def _banner(url: str, config_path: Path, platforms: list[str]) -> str:
    lines = [
        f"Social media bot listening on {url} (health: {url}/healthz).",
        "Talk to it:",
        f"  in a terminal:  .venv/bin/socialbot console --config {config_path} --as adoe",
        "                  (any person id from the directory; 'help' lists the commands)",
        # A platform's line may name "{url}": where this server really listens.
        *[f"  {line.replace('{url}', url)}" for line in platforms],
        "Stop with Ctrl+C.",
    ]
    return "\n".join(lines)
