"""Plugs Slack into the bot's server: POST /slack/events and/or Socket Mode, and the channel.

Tokens come from the environment only: SLACK_BOT_TOKEN (xoxb-...) and one way in or both:
SLACK_SIGNING_SECRET for the HTTP route (Slack calls the bot at a public HTTPS address), or
SLACK_APP_TOKEN (xapp-...) for Socket Mode (the bot connects out to Slack; no public address).
Both modes feed the same Bolt app and listeners. Without a way in, `enabled` says why and the
server runs without Slack.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.dashboard.http import DASHBOARD_KEY
from adapters.json_bodies import dumps_text
from adapters.slack.after_ack import AfterAck
from adapters.slack.channel import SlackChannel
from adapters.slack.duties import SlackDuties
from adapters.slack.endpoint import SlackEndpoint, withhold_bodies_in_bolt_logs
from adapters.slack.listeners import Listeners
from adapters.slack.moderation import SlackModeration
from adapters.slack.screens import Screens
from adapters.slack.socket_mode import APP_TOKEN_PREFIX, SocketModeConnection
from bot.config import AppConfig
from bot.services import Services

channel_name = "slack"
ROUTE = "/slack/events"
APP_NAME = "socialbot.slack"
WEB_API_TIMEOUT_SECONDS = 10


def enabled(config: AppConfig) -> str | None:
    """None when Slack can run, else why not (logged by the server)."""
    if not _env("SLACK_BOT_TOKEN"):
        return "SLACK_BOT_TOKEN not set (or empty)"
    app_token = _env("SLACK_APP_TOKEN")
    if app_token and not app_token.startswith(APP_TOKEN_PREFIX):
        return "SLACK_APP_TOKEN is not an app-level token (xapp-...)"
    if not (app_token or _env("SLACK_SIGNING_SECRET")):
        return ("SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) not set "
                "(or empty)")
    return None


def _env(name: str) -> str:
    return os.environ.get(name, "").strip()


def build_bolt_app(services: Services, *, token: str, signing_secret: str,
                   session: aiohttp.ClientSession | None = None,
                   after_ack: AfterAck | None = None,
                   dashboard_link: Callable[[str], str] | None = None
                   ) -> tuple[AsyncApp, Screens]:
    """The Bolt app with every listener registered; request verification stays on.

    `process_before_response`: Bolt answers Slack when the listener returns, instead of
    running it on the side and checking every 10 ms whether it has acked. Our listeners ack
    first and leave the slow work to `after_ack`, which is what Slack asks (ack within 3 s, do
    the rest after) without the polling's 10 ms on every request.
    """
    # One shared HTTP session: without it slack_sdk opens a new one for every call.
    withhold_bodies_in_bolt_logs()  # before AsyncApp(): it logs while it is built
    config = services.config.slack
    client = AsyncWebClient(token=token, base_url=config.api_url,
                            timeout=WEB_API_TIMEOUT_SECONDS, session=session)
    # Without a signing secret there is no HTTP route (Socket Mode only): nothing to verify.
    bolt = AsyncApp(name=APP_NAME, client=client, signing_secret=signing_secret,
                    request_verification_enabled=bool(signing_secret.strip()),
                    process_before_response=True)
    duties = SlackDuties(services.duties, command=config.command,
                         zone=services.config.time_zone)
    screens = Screens(services.workflow, command=config.command, duties=duties,
                      dashboard=dashboard_link is not None)
    moderation = SlackModeration(desk=services.desk, wake=services.wake)
    Listeners(services, screens, moderation=moderation, after_ack=after_ack,
              dashboard_link=dashboard_link).register(bolt, config.command)
    return bolt, screens


def mount(app: web.Application, services: Services, *, host: str | None = None) -> list[str]:
    """Add the Slack route and/or Socket Mode, and the delivery channel; returns how to talk to
    the bot in Slack."""
    token, secret, app_token = (_env("SLACK_BOT_TOKEN"), _env("SLACK_SIGNING_SECRET"),
                                _env("SLACK_APP_TOKEN"))
    # slack_sdk sends each Web API call's arguments (a card's blocks) as a JSON body.
    session = aiohttp.ClientSession(json_serialize=dumps_text)
    after_ack = AfterAck()

    async def finish_work(_: web.Application) -> None:
        await after_ack.drain()  # before the session and the delivery stop (on_cleanup)

    async def close_session(_: web.Application) -> None:
        await channel.close()  # App Homes still to refresh, after the outbox has stopped
        await session.close()

    app.on_shutdown.append(finish_work)
    app.on_cleanup.append(close_session)
    dashboard = app.get(DASHBOARD_KEY)
    bolt, screens = build_bolt_app(services, token=token, signing_secret=secret,
                                   session=session, after_ack=after_ack,
                                   dashboard_link=dashboard.chat_link if dashboard else None)
    config = services.config.slack
    channel = SlackChannel(
        client=bolt.client, screens=screens, ledger=services.ledger, kv=services.kv,
        cct_channel=config.cct_channel, desk=services.desk,
        moderation_channel=config.moderation_channel, duties=screens.duties,
        durable=services.durability.flushed)
    services.attach(channel_name, channel)
    ways_in = []
    if secret:
        app.router.add_post(ROUTE, SlackEndpoint(bolt=bolt, signing_secret=secret).handle)
        ways_in.append(f"Slack's request URL is https://<your host>{ROUTE}")
    if app_token:
        connect_out(app, SocketModeConnection(bolt, app_token))
        ways_in.append("Socket Mode (connects out to Slack; no public address needed)")
    command = config.command
    return [f"in Slack:       {command} (or the shortcut 'Request social media access'); "
            + "; ".join(ways_in)]


def connect_out(app: web.Application, connection: SocketModeConnection) -> None:
    """Socket Mode runs while the server does; it stops taking envelopes before the
    listeners' unfinished work is drained (both on shutdown, in that order)."""
    async def start(_: web.Application) -> None:
        await connection.start()

    async def stop(_: web.Application) -> None:
        await connection.stop()

    app.on_startup.append(start)
    app.on_shutdown.insert(0, stop)
