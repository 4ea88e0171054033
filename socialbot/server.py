"""The one aiohttp server: health, readiness and metrics, the local console and operations
endpoints, and the chat platforms."""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import os
import secrets
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

from aiohttp import web

from adapters.console.session import ConsoleSession
from adapters.dashboard import messages as dashboard_messages
from adapters.dashboard.access import LinkSigner, Sessions, load_secret, secret_path
from adapters.dashboard.http import DASHBOARD_KEY, Dashboard
from adapters.dashboard.http import mount as mount_dashboard
from adapters.dashboard.report import ReportCache
from adapters.hr.http import mount as mount_hr
from adapters.intake.http import mount as mount_intake
from bot.domain import SocialMediaRequest
from bot.links import LinkCheck
from bot.moderation.desk import Alert
from bot.moderation.model import Post
from bot.retention import PurgeReport
from socialbot import messages
from socialbot.bootstrap import Runtime
from socialbot.directory_ops import add_routes as add_directory_routes
from socialbot.links_ops import link_from_body
from socialbot.metrics import PrometheusMetrics
from socialbot.offboard_ops import account_from_body, offboard_from_body
from socialbot.register_archive import RegisterArchive
from storage.engine import StoreError
from storage.retention import last_purge, purge

log = logging.getLogger(__name__)

BOT_KEY = web.AppKey("bot", Runtime)
SESSIONS_KEY = web.AppKey("console_sessions", dict)
TOKEN_KEY = web.AppKey("console_token", str)
HOST_KEY = web.AppKey("serve_host", str)  # the interface `serve` listens on
METRICS_KEY = web.AppKey("metrics", PrometheusMetrics)
MAX_CONSOLE_LINE = 8192
MAX_RETRY_IDS = 10_000
access_log = logging.getLogger("socialbot.access")


def create_app(bot: Runtime) -> web.Application:
    app = web.Application(client_max_size=1024 * 1024, middlewares=[observe])
    app[BOT_KEY] = bot
    app[SESSIONS_KEY] = {}
    app[TOKEN_KEY] = secrets.token_urlsafe(32)
    app[METRICS_KEY] = PrometheusMetrics(bot.repository.outbox_summary)
    app[PROBE_KEY] = StorageProbe()
    bot.use_metrics(app[METRICS_KEY])
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    app.router.add_post("/console/turn", console_turn)
    app.router.add_post("/ops/outbox/retry", outbox_retry)
    app.router.add_post("/ops/links/check", links_check)
    app.router.add_post("/ops/links/add", links_add)
    app.router.add_post("/ops/purge", purge_now)
    # /ops/directory/import and /sync (socialbot/directory_ops.py), like /ops/outbox/retry
    add_directory_routes(app, runtime=lambda request: request.app[BOT_KEY],
                         check_caller=_check_local_caller)
    mount_intake(app, bot.desk, bot.config.intake, on_queued=bot.dispatcher.wake,
                 watchers=intake_watchers(bot))
    mount_hr(app, bot.services.offboarding, on_queued=bot.dispatcher.wake)
    app.router.add_post("/ops/offboard", ops_offboard)
    app.router.add_post("/ops/account", ops_account)
    mount_dashboard(app, build_dashboard(bot))
    app.on_startup.append(_start_delivery)
    app.on_cleanup.append(_stop_delivery)
    return app


def dashboard_signer(bot: Runtime) -> LinkSigner:
    """Signs the dashboard's one-time links; the key lives beside the database (0600)."""
    return LinkSigner(load_secret(secret_path(bot.storage_path())),
                      minutes=bot.config.dashboard.link_minutes)


def build_dashboard(bot: Runtime) -> Dashboard:
    sessions = Sessions(bot.services.kv, dashboard_signer(bot),
                        session_minutes=bot.config.dashboard.session_minutes)
    config = bot.config
    return Dashboard(bot.services, StoreArchive(bot), sessions,
                     ReportCache(bot.reminders.calendar),
                     base_url=config.dashboard.base_url or
                     f"http://{config.server.host}:{config.server.port}")


class StoreArchive(RegisterArchive):
    """Every request and alert, and the ban list, from this process's store (reports); the
    register, its tasks and the procedure's clocks (socialbot/register_archive.py)."""

    def __init__(self, bot: Runtime) -> None:
        super().__init__(bot.store)
        self.requests = bot.repository
        self.moderation = bot.desk.repository

    def all_requests(self) -> list[SocialMediaRequest]:
        return self.requests.all_requests()

    def all_alerts(self) -> list[Alert]:
        return self.moderation.all_alerts()  # type: ignore[attr-defined]

    def request(self, request_id: str) -> SocialMediaRequest | None:
        return self.requests.get(request_id)

    def alert(self, alert_id: str) -> Alert | None:
        return self.moderation.get(alert_id)

    def bans(self) -> list[dict[str, str]]:
        return self.moderation.bans()  # type: ignore[attr-defined]

    def ban(self, platform: str, author_id: str) -> dict[str, str] | None:
        return self.moderation.ban(platform, author_id)  # type: ignore[attr-defined]

    def generation(self) -> tuple[int, int]:
        return self.requests.generation, self.moderation.generation  # type: ignore[attr-defined]

    def changed_requests(self, since: int) -> list[str]:
        return self.requests.changed_since(since)[0]

    def changed_alerts(self, since: int) -> list[str]:
        return self.moderation.changed_since(since)  # type: ignore[attr-defined]


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
    """One log line and one count per request: method, route, status, duration; never a body."""
    started = time.perf_counter()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as answer:
        status = answer.status
        raise
    except asyncio.CancelledError:
        status = 499  # the caller went away before the answer
        raise
    finally:
        seconds = time.perf_counter() - started
        route = route_name(request)
        request.app[METRICS_KEY].request(route, request.method, status, seconds)
        access_log.info("%s %s %d %.1fms", request.method, route, status, seconds * 1000,
                        extra={"fields": {"method": request.method, "route": route,
                                          "status": status,
                                          "duration_ms": round(seconds * 1000, 2)}})


def route_name(request: web.Request) -> str:
    """The route's pattern, never the raw path: no identifiers or query in labels and logs."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "unmatched"


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the process answers. Cheap on purpose; /readyz checks the dependencies."""
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    problems = readiness_problems(request.app[BOT_KEY], time.time(), request.app[PROBE_KEY])
    if problems:
        return web.json_response({"status": "not ready", "problems": problems}, status=503)
    return web.json_response({"status": "ready"})


class StorageProbe:
    """A real (unsynced) write to the store: proves the journal is open and the disk takes
    data. At most one write per `interval` seconds, so probing cannot flood the journal."""

    def __init__(self, interval: float = 5.0) -> None:
        self.interval = interval
        self._last_at = float("-inf")
        self._last_problem: str | None = None

    def problem(self, bot: Runtime, now: float) -> str | None:
        if now - self._last_at >= self.interval:
            self._last_at = now
            try:
                bot.repository.put_value("ops", "readiness", {"checked_at": now})
                self._last_problem = None
            except (OSError, ValueError, StoreError) as error:
                self._last_problem = messages.storage_not_writable(type(error).__name__)
        return self._last_problem


PROBE_KEY = web.AppKey("storage_probe", StorageProbe)


def readiness_problems(bot: Runtime, now: float, probe: StorageProbe | None = None) -> list[str]:
    problems: list[str] = []
    storage_problem = (probe or StorageProbe()).problem(bot, now)
    if storage_problem:
        problems.append(storage_problem)
    if not bot.dispatcher.running:
        problems.append(messages.DISPATCHER_STOPPED)
    overdue_since = bot.repository.outbox_summary(now).oldest_due_at
    limit = bot.config.server.readiness_outbox_seconds
    if overdue_since is not None and now - overdue_since > limit:
        problems.append(messages.outbox_stuck(now - overdue_since, limit))
    return problems


async def metrics(request: web.Request) -> web.Response:
    body, content_type = request.app[METRICS_KEY].exposition()
    response = web.Response(body=body)
    response.headers["Content-Type"] = content_type
    return response


REMINDER_PASS_SECONDS = 600.0
REMINDER_TASK_KEY = web.AppKey("reminder_task", asyncio.Task)
DIRECTORY_SYNC_TASK_KEY = web.AppKey("directory_sync_task", asyncio.Task)


async def _start_delivery(app: web.Application) -> None:
    app[BOT_KEY].dispatcher.start()
    app[REMINDER_TASK_KEY] = asyncio.get_running_loop().create_task(_remind(app[BOT_KEY]))
    app[CLOCK_TASKS_KEY] = [asyncio.get_running_loop().create_task(job(app[BOT_KEY]))
                            for job in (_check_links, _purge_daily)]
    bot = app[BOT_KEY]
    if bot.config.directory.sources.entra.enabled and bot.services.directory_keeper is not None:
        from socialbot.directory_sync_job import sync_daily

        app[DIRECTORY_SYNC_TASK_KEY] = asyncio.get_running_loop().create_task(sync_daily(
            bot.config, bot.services.directory_keeper, bot.dispatcher.wake))


async def _stop_delivery(app: web.Application) -> None:
    app[REMINDER_TASK_KEY].cancel()
    if DIRECTORY_SYNC_TASK_KEY in app:
        app[DIRECTORY_SYNC_TASK_KEY].cancel()
        await asyncio.gather(app[DIRECTORY_SYNC_TASK_KEY], return_exceptions=True)
    await asyncio.gather(app[REMINDER_TASK_KEY], return_exceptions=True)
    for task in app[CLOCK_TASKS_KEY]:
        task.cancel()
    await asyncio.gather(*app[CLOCK_TASKS_KEY], return_exceptions=True)
    await app[BOT_KEY].dispatcher.stop()


async def _remind(bot: Runtime) -> None:
    while True:
        try:
            if bot.reminders.run_once():
                bot.dispatcher.wake()
            # Time away that began or ended: open cases change hands (each told once).
            if bot.services.time_away is not None and bot.services.time_away.hand_over():
                bot.dispatcher.wake()
        except Exception:  # a bad pass must not stop future reminders
            log.exception("reminder pass failed")
        await asyncio.sleep(REMINDER_PASS_SECONDS)


# -- the procedure's clocks: the weekly link check (04.02 l) ----------------------------------

CLOCK_PASS_SECONDS = 3600.0  # how often the server looks whether the weekly check is due
CLOCK_TASKS_KEY = web.AppKey("clock_tasks", list)


def intake_watchers(bot: Runtime) -> list[Callable[[Post], object]]:
    """What hears of every post the intake screens: the link check collects City links; a
    question to the City starts a clock, the City's reply stops it."""
    def questions(post: Post) -> None:
        bot.clocks.questions.observe(post)
        bot.dispatcher.wake()  # a question opened or answered: its people hear of it now

    return [bot.clocks.links.observe, questions]


async def run_link_check(bot: Runtime) -> LinkCheck:
    check = await bot.clocks.links.check_now()
    bot.dispatcher.wake()
    return check


async def _check_links(bot: Runtime) -> None:
    while True:
        try:
            if bot.clocks.links.due():
                await run_link_check(bot)
        except Exception:  # a bad check must not stop the next one
            log.exception("link check failed")
        await asyncio.sleep(CLOCK_PASS_SECONDS)


async def links_check(request: web.Request) -> web.Response:
    """`socialbot links check` beside a running server: the store is this process's."""
    _check_local_caller(request)
    check = await run_link_check(request.app[BOT_KEY])
    return web.json_response(check.to_record())


async def links_add(request: web.Request) -> web.Response:
    """`socialbot links add` beside a running server: the store is this process's to write."""
    _check_local_caller(request)
    return await link_from_body(request, request.app[BOT_KEY])


# -- the procedure's clocks: the daily retention purge -----------------------------------------

PURGE_EVERY = timedelta(days=1)


def run_purge(bot: Runtime, *, dry_run: bool) -> PurgeReport:
    return purge(bot.store, bot.config.retention, bot.reminders.clock.now(), dry_run=dry_run)


async def _purge_daily(bot: Runtime) -> None:
    tried: datetime | None = None  # a purge with nothing to remove leaves no record behind
    while True:
        try:
            now = bot.reminders.clock.now()
            last = max(filter(None, (last_purge(bot.store), tried)), default=None)
            if last is None or now - last >= PURGE_EVERY:
                tried = now
                run_purge(bot, dry_run=False)
        except Exception:  # a bad purge must not stop the next one
            log.exception("retention purge failed")
        await asyncio.sleep(CLOCK_PASS_SECONDS)


async def purge_now(request: web.Request) -> web.Response:
    """`socialbot purge [--dry-run]` beside a running server."""
    _check_local_caller(request)
    try:
        dry_run = (await request.json()).get("dry_run") is True
    except (ValueError, AttributeError):
        raise web.HTTPBadRequest(text="expected JSON {dry_run}") from None
    report = run_purge(request.app[BOT_KEY], dry_run=dry_run)
    return web.json_response({"requests": report.requests, "alerts": report.alerts,
                              "questions": report.questions, "counts": report.counts})


def console_file(bot: Runtime) -> Path:
    from socialbot.loopback import advert

    return advert(bot.storage_path())


def advertise_console(app: web.Application, url: str) -> Path:
    """Tell local `socialbot console` runs where to talk; readable by this OS user only."""
    target = console_file(app[BOT_KEY])
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # even if a stale advert was left wider
    with os.fdopen(fd, "w") as out:
        json.dump({"url": url, "token": app[TOKEN_KEY], "pid": os.getpid()}, out)
    return target


async def console_turn(request: web.Request) -> web.Response:
    """The terminal chat of a running server: loopback only, with the token from the data dir."""
    _check_local_caller(request)
    try:
        body = await request.json()
        session_id, person, line = str(body["session"]), str(body["as"]), str(body["line"])
        confirm = body.get("confirm", True) is not False
    except (ValueError, KeyError, TypeError):
        raise web.HTTPBadRequest(text="expected JSON {session, as, line}") from None
    if len(line) > MAX_CONSOLE_LINE or len(session_id) > 64:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_CONSOLE_LINE, actual_size=len(line))
    sessions: dict[str, ConsoleSession] = request.app[SESSIONS_KEY]
    session = sessions.get(session_id)
    bot = request.app[BOT_KEY]
    if session is None:
        origin = str(request.url.origin())
        signer = request.app[DASHBOARD_KEY].sessions.signer
        session = sessions[session_id] = ConsoleSession(
            bot.workflow, person, desk=bot.desk, confirm=confirm, notices=bot.repository,
            reminders=bot.reminders, dashboard_link=lambda who: dashboard_messages
            .dashboard_link(origin + signer.path(who), signer.minutes),
            questions=bot.clocks.questions, clock_commands=bot.services.clock_commands,
            reviews=bot.clocks.reviews,
            time_away=bot.services.time_away,
            duties=bot.services.duties)
        reply = session.greeting() if line == "" else session.reply_with_news(line)
    else:
        reply = session.reply_with_news(line)
    bot.dispatcher.wake()
    return web.json_response({"reply": reply, "prompt": session.prompt, "as": session.person_id})


async def outbox_retry(request: web.Request) -> web.Response:
    """`socialbot outbox retry` beside a running server: the store is this process's to write."""
    _check_local_caller(request)
    try:
        body = await request.json()
        all_dead = body.get("all_dead") is True
        ids = body.get("ids", [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids) \
                or len(ids) > MAX_RETRY_IDS or (all_dead == bool(ids)):
            raise TypeError
    except (ValueError, TypeError, AttributeError):
        raise web.HTTPBadRequest(text=messages.RETRY_BODY) from None
    bot = request.app[BOT_KEY]
    retried = bot.repository.retry(None if all_dead else ids, time.time())
    bot.dispatcher.wake()
    return web.json_response({"retried": retried})


async def ops_offboard(request: web.Request) -> web.Response:
    """`socialbot offboard` beside a running server: the store is this process's to write."""
    _check_local_caller(request)
    return await offboard_from_body(request, request.app[BOT_KEY])


async def ops_account(request: web.Request) -> web.Response:
    """`socialbot account` beside a running server: the store is this process's to write."""
    _check_local_caller(request)
    return await account_from_body(request, request.app[BOT_KEY])


def _check_local_caller(request: web.Request) -> None:
    """The console and operations endpoints: loopback only, with the token from the data dir."""
    if not _is_loopback(request.remote):
        raise web.HTTPForbidden(text="the console endpoint answers local callers only")
    expected = f"Bearer {request.app[TOKEN_KEY]}"
    if not hmac.compare_digest(request.headers.get("Authorization", ""), expected):
        raise web.HTTPUnauthorized(text="missing or wrong console token")


def _is_loopback(remote: str | None) -> bool:
    try:
        return remote is not None and ipaddress.ip_address(remote).is_loopback
    except ValueError:
        return False
