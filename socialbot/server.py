"""The one aiohttp server: health check, the local console endpoint, and the chat platforms."""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import os
import secrets
from pathlib import Path

from aiohttp import web

from adapters.console.session import ConsoleSession
from adapters.intake.http import mount as mount_intake
from socialbot.bootstrap import Runtime

log = logging.getLogger(__name__)

BOT_KEY = web.AppKey("bot", Runtime)
SESSIONS_KEY = web.AppKey("console_sessions", dict)
TOKEN_KEY = web.AppKey("console_token", str)
HOST_KEY = web.AppKey("serve_host", str)  # the interface `serve` listens on
MAX_CONSOLE_LINE = 8192


def create_app(bot: Runtime) -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app[BOT_KEY] = bot
    app[SESSIONS_KEY] = {}
    app[TOKEN_KEY] = secrets.token_urlsafe(32)
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/console/turn", console_turn)
    mount_intake(app, bot.desk, bot.config.intake, on_queued=bot.dispatcher.wake)
    app.on_startup.append(_start_delivery)
    app.on_cleanup.append(_stop_delivery)
    return app


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


REMINDER_PASS_SECONDS = 600.0
REMINDER_TASK_KEY = web.AppKey("reminder_task", asyncio.Task)


async def _start_delivery(app: web.Application) -> None:
    app[BOT_KEY].dispatcher.start()
    app[REMINDER_TASK_KEY] = asyncio.get_running_loop().create_task(_remind(app[BOT_KEY]))


async def _stop_delivery(app: web.Application) -> None:
    app[REMINDER_TASK_KEY].cancel()
    await asyncio.gather(app[REMINDER_TASK_KEY], return_exceptions=True)
    await app[BOT_KEY].dispatcher.stop()


async def _remind(bot: Runtime) -> None:
    while True:
        try:
            if bot.reminders.run_once():
                bot.dispatcher.wake()
        except Exception:  # a bad pass must not stop future reminders
            log.exception("reminder pass failed")
        await asyncio.sleep(REMINDER_PASS_SECONDS)


def console_file(bot: Runtime) -> Path:
    path = bot.storage_path()
    return path.with_name(path.name + ".console.json")


def advertise_console(app: web.Application, url: str) -> Path:
    """Tell local `socialbot console` runs where to talk; readable by this OS user only."""
    target = console_file(app[BOT_KEY])
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        json.dump({"url": url, "token": app[TOKEN_KEY], "pid": os.getpid()}, out)
    return target


async def console_turn(request: web.Request) -> web.Response:
    """The terminal chat of a running server: loopback only, with the token from the data dir."""
    if not _is_loopback(request.remote):
        raise web.HTTPForbidden(text="the console endpoint answers local callers only")
    expected = f"Bearer {request.app[TOKEN_KEY]}"
    if not hmac.compare_digest(request.headers.get("Authorization", ""), expected):
        raise web.HTTPUnauthorized(text="missing or wrong console token")
    try:
        body = await request.json()
        session_id, person, line = str(body["session"]), str(body["as"]), str(body["line"])
    except (ValueError, KeyError, TypeError):
        raise web.HTTPBadRequest(text="expected JSON {session, as, line}") from None
    if len(line) > MAX_CONSOLE_LINE or len(session_id) > 64:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_CONSOLE_LINE, actual_size=len(line))
    sessions: dict[str, ConsoleSession] = request.app[SESSIONS_KEY]
    session = sessions.get(session_id)
    bot = request.app[BOT_KEY]
    if session is None:
        session = sessions[session_id] = ConsoleSession(bot.workflow, person, desk=bot.desk)
        reply = session.greeting() if line == "" else session.handle(line)
    else:
        reply = session.handle(line)
    bot.dispatcher.wake()
    return web.json_response({"reply": reply, "prompt": session.prompt, "as": session.person_id})


def _is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False
