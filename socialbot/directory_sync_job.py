"""Wires the directory's sources to the keeper: Microsoft Entra ID (with Slack ids looked up
by e-mail), on demand (`socialbot directory sync`) and daily in the server."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from adapters.entra.graph import GraphDirectory, GraphSettings, Sleep
from adapters.slack.lookup import slack_ids_by_email
from bot.config import AppConfig
from bot.directory_sync import DirectoryDiff, DirectoryKeeper, DirectoryProblem
from bot.entra_people import ENTRA_COLUMNS, people_from_entra

log = logging.getLogger(__name__)
SECRET_ENV = "ENTRA_CLIENT_SECRET"


class SyncUnavailable(Exception):
    pass


@dataclass(frozen=True)
class SyncOutcome:
    diff: DirectoryDiff
    users: int
    skipped: int
    throttled: int


async def entra_difference(config: AppConfig, keeper: DirectoryKeeper, *,
                           sleep: Sleep = asyncio.sleep) -> SyncOutcome:
    """Read Entra ID and compare it with the directory (changes nothing)."""
    entra = config.directory.sources.entra
    if not entra.enabled:
        raise SyncUnavailable("directory.sources.entra.enabled is false in the configuration")
    secret = os.environ.get(SECRET_ENV, "")
    if not secret:
        raise SyncUnavailable(f"{SECRET_ENV} is not set")
    graph = GraphDirectory(GraphSettings(entra.tenant_id, entra.client_id, secret,
                                         entra.authority_url, entra.graph_url,
                                         entra.timeout_seconds), sleep=sleep)
    users = await graph.users()
    directory = keeper.directory
    people = people_from_entra(users, directory, entra.departments)
    columns = list(ENTRA_COLUMNS)
    token = os.environ.get("SLACK_BOT_TOKEN", "")
    if entra.slack_lookup and token:
        unknown = [r["email"] for r in people.rows
                   if not ((p := directory.find(r["id"])) and p.slack_id)]
        found = await slack_ids_by_email(token, config.slack.api_url, unknown)
        for row in people.rows:
            current = directory.find(row["id"])
            row["slack_id"] = (current.slack_id if current and current.slack_id
                               else found.get(row["email"].lower()))
        columns.append("slack_id")
    diff = keeper.difference(people.rows, columns=columns, source="entra", where=people.where,
                             not_gone=people.left_out)
    return SyncOutcome(diff, len(users), people.skipped, graph.throttled)


def seconds_until(daily_at: str, now: datetime) -> float:
    """Seconds from `now` (aware, the City's zone) to the next `HH:MM` local."""
    hour, minute = (int(x) for x in daily_at.split(":"))
    target = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if target <= now:
        target += timedelta(days=1)
    return (target - now).total_seconds()


async def sync_daily(config: AppConfig, keeper: DirectoryKeeper,
                     wake: Callable[[], None]) -> None:
    """The server's daily Entra sync at `directory.sources.entra.daily_at` (City time)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(config.time_zone)
    while True:
        await asyncio.sleep(seconds_until(config.directory.sources.entra.daily_at,
                                          datetime.now(zone)))
        try:
            try:
                outcome = await entra_difference(config, keeper)
                events = keeper.apply(outcome.diff)
            except DirectoryProblem:  # changed meanwhile (an import): compare once more
                outcome = await entra_difference(config, keeper)
                events = keeper.apply(outcome.diff)
            log.info("directory sync from Entra ID: %d users, %d changes recorded",
                     outcome.users, len(events))
            wake()
        except DirectoryProblem as problem:  # its lines name people: counted, not logged
            log.error("directory sync from Entra ID refused: %d problems in Entra's people "
                      "(`socialbot directory sync --dry-run` lists them)", len(problem.problems))
        except Exception:  # a bad day must not stop tomorrow's sync
            log.exception("directory sync from Entra ID failed")
