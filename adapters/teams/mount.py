"""Plugs Teams into the bot's server: POST /api/messages, and the Teams delivery channel.

Credentials come from the environment only: MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and, for
a single-tenant registration, MICROSOFT_APP_TENANT_ID. Without an app id the bot runs in local
mode for Microsoft's Agents Playground and emulators: no token is checked, so it warns loudly
and answers only loopback callers unless `teams.allow_local_mode_on_network` says otherwise.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import logging
import os
from collections.abc import Awaitable, Callable

from aiohttp import web
from botframework.connector.auth import BotFrameworkAuthentication

from adapters.dashboard.http import DASHBOARD_KEY
from adapters.teams.auth import TeamsCredentials, error_response, read_body
from adapters.teams.card_actions import CardActions
from adapters.teams.channel import TeamsChannel
from adapters.teams.cloud_adapter import TeamsCloudAdapter
from adapters.teams.duties import TeamsDuties
from adapters.teams.handler import TeamsHandler
from adapters.teams.references import References
from adapters.teams.views import Views
from bot.config import AppConfig
from bot.services import Services

log = logging.getLogger(__name__)

channel_name = "teams"
ROUTE = "/api/messages"
LOCAL_MODE_WARNING = (
    "TEAMS LOCAL MODE: MICROSOFT_APP_ID is not set, so requests to /api/messages are NOT "
    "authenticated. Use this only with the Agents Playground or an emulator on this machine.")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def enabled(config: AppConfig) -> str | None:
    """None when Teams can run (always: without credentials it runs in local mode)."""
    try:
        credentials = TeamsCredentials.from_env(os.environ)
    except ValueError as problem:
        return str(problem)
    if credentials.app_id and not credentials.app_password:
        return "MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is empty"
    return None


def local_mode_refusal(host: str | None, config: AppConfig,
                       credentials: TeamsCredentials) -> str | None:
    """Why local mode may not serve on `host`, or None (loopback, or allowed by config)."""
    if not credentials.local_mode or config.teams.allow_local_mode_on_network or host is None:
        return None
    if _is_loopback(host):
        return None
    return (f"Teams local mode (no MICROSOFT_APP_ID) refuses to serve on {host}: anyone on the "
            "network could act as anyone. Listen on 127.0.0.1, set MICROSOFT_APP_ID and "
            "MICROSOFT_APP_PASSWORD, or set teams.allow_local_mode_on_network: true.")


def mount(app: web.Application, services: Services, *,
          authentication: BotFrameworkAuthentication | None = None,
          host: str | None = None) -> list[str]:
    """Add the Teams route and delivery channel; returns how to talk to the bot in Teams.

    `authentication` replaces botbuilder's public-cloud authentication (tests pass one whose
    outbound tokens need no network); `host` is where the server listens, if known.
    """
    credentials = TeamsCredentials.from_env(os.environ)
    refusal = local_mode_refusal(host, services.config, credentials)
    if refusal:
        log.error("%s", refusal)
        return [f"in Teams:       OFF. {refusal}"]
    adapter = TeamsCloudAdapter(credentials, authentication=authentication)
    references = References(services.kv)
    views = Views(services.workflow, references, city=services.config.city)
    duties = TeamsDuties(services.duties, zone=services.config.time_zone)
    actions = CardActions(workflow=services.workflow, views=views, filed=services.kv,
                          desk=services.desk, wake=services.wake,
                          questions=services.questions, duties=duties)
    dashboard = app.get(DASHBOARD_KEY)
    handler = TeamsHandler(directory=services.directory, views=views, references=references,
                           card_actions=actions, city=services.config.city, duties=duties,
                           questions=services.questions,
                           clock_commands=services.clock_commands,
                           time_away=services.time_away, wake=services.wake,
                           dashboard_link=dashboard.chat_link if dashboard else None)
    teams = services.config.teams
    channel = TeamsChannel(
        adapter=adapter, app_id=credentials.app_id, views=views, references=references,
        ledger=services.ledger, tenant_id=teams.tenant_id or credentials.tenant_id or None,
        cct_channel=teams.cct_channel, moderation_channel=teams.moderation_channel,
        desk=services.desk, local_mode=credentials.local_mode, duties=duties)
    services.attach(channel_name, channel)

    async def close_connector(_: web.Application) -> None:
        await channel.close()  # its HTTP session to the Bot Connector

    app.on_cleanup.append(close_connector)

    async def messages(request: web.Request) -> web.StreamResponse:
        # Group commit, for invokes (a click): what it decides is written at once, and the
        # answer (the HTTP response) waits for one fsync shared with the activities that
        # arrived meanwhile. Any other activity is answered by posting to the Bot Connector
        # during the turn, so what it writes is on disk at once (durable before acknowledged).
        invoke = await _is_invoke(request)
        if invoke:
            await services.keep_pace()  # while notices run late, a click waits a moment
        else:
            # Its answer is posted during the turn: it waits for any fsync under way, so it
            # never shows a decision a power cut could undo.
            await services.durability.flushed()
        grouped = services.durability.deferred() if invoke else contextlib.nullcontext()
        with grouped:
            response = await adapter.process(request, handler)
        await services.durability.flushed()
        services.wake()
        return response

    endpoint: Handler = messages
    if credentials.local_mode:
        log.warning("%s", LOCAL_MODE_WARNING)
        endpoint = _loopback_only(messages, allow=teams.allow_local_mode_on_network)
    app.router.add_post(ROUTE, endpoint)
    return _banner(credentials)


async def _is_invoke(request: web.Request) -> bool:
    """Whether the activity is an invoke (aiohttp keeps the body for the adapter to read)."""
    try:
        activity = await read_body(request)
    except (ValueError, web.HTTPException):
        return False
    return isinstance(activity, dict) and activity.get("type") == "invoke"


def _banner(credentials: TeamsCredentials) -> list[str]:
    if credentials.local_mode:
        return [f"in Teams:       LOCAL MODE (no MICROSOFT_APP_ID; unauthenticated, loopback "
                f"only): npx @microsoft/m365agentsplayground -e {{url}}{ROUTE} "
                "-c msteams  (see docs/teams.md)"]
    return [f"in Teams:       bot {credentials.app_id}; messaging endpoint https://<your host>"
            f"{ROUTE}; app package: socialbot teams-package"]


def _loopback_only(handler: Handler, *, allow: bool) -> Handler:
    """In local mode nothing authenticates a caller: answer only this machine."""
    async def guarded(request: web.Request) -> web.StreamResponse:
        if not allow and not _is_loopback(request.remote or ""):
            return error_response(403, "Forbidden",
                                  "local mode answers callers on this machine only")
        return await handler(request)

    return guarded


@functools.lru_cache(maxsize=256)  # the same few callers ask again and again
def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
