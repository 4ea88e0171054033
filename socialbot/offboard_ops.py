"""Starting a departure for the command line, directly or through the running server's
loopback endpoint (POST /ops/offboard, the console token)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from aiohttp import web

from bot import messages
from bot.audit import Actor
from bot.errors import CaseError, FieldErrors
from socialbot.bootstrap import Runtime


def offboard_now(bot: Runtime, body: dict[str, Any]) -> dict[str, Any]:
    """Start the departure `body` asks for; the answer as JSON-ready data."""
    try:
        person, reason = body.get("person"), body.get("reason")
        day, actor = body.get("last_day"), body.get("as")
        if not isinstance(person, str) or not isinstance(reason, str) or \
                not isinstance(day, str | None) or not isinstance(actor, str | None):
            return {"error": "person and reason are text; last_day YYYY-MM-DD or null"}
        case = bot.services.offboarding.start(
            person, reason=reason, last_day=dt.date.fromisoformat(day) if day else None,
            source="cli", actor=Actor(actor, "cli") if actor else None)
    except ValueError:
        return {"error": messages.BAD_DATE}
    except (CaseError, FieldErrors) as problem:
        return {"error": str(problem)}
    return {"case": case.id, "state": case.state, "tasks": list(case.tasks),
            "last_day": case.last_day.isoformat() if case.last_day else None}


async def offboard_from_body(http: web.Request, bot: Runtime) -> web.Response:
    """POST /ops/offboard (loopback, the console token): `socialbot offboard` beside a
    running server."""
    return await _answered(http, bot, offboard_now)


async def _answered(http: web.Request, bot: Runtime,
                    run: Callable[[Runtime, dict[str, Any]], dict[str, Any]]) -> web.Response:
    """`run` on the JSON object posted; its answer, 400 when it refuses (nothing changed)."""
    try:
        body = await http.json()
        if not isinstance(body, dict):
            raise ValueError
    except ValueError:
        return web.json_response({"error": "expected a JSON object"}, status=400)
    answer = run(bot, body)
    bot.dispatcher.wake()
    return web.json_response(answer, status=400 if "error" in answer else 200)


# -- `socialbot account`: the register's changes from the command line --------------------------

CLI_VERBS = {"add": "account", "edit": "account", "retire": "account", "grant": "",
             "revoke": "", "record": "", "done": "", "pass": "", "confirm": "", "dismiss": "",
             "cancel": "", "revoke-access": ""}


def account_words(verb: str, args: list[str]) -> list[str]:
    """The chat's words for a CLI verb (`add ...` is the chat's `account add ...`)."""
    return [w for w in (CLI_VERBS.get(verb, ""), verb) if w] + args


def run_account_command(bot: Runtime, body: dict[str, Any]) -> dict[str, Any]:
    """Run one register command as the CCT member `body["as"]`, signed "cli"."""
    from adapters.console.accounts import AccountCommands

    person, verb, args = body.get("as"), body.get("verb"), body.get("args")
    if not isinstance(person, str) or not isinstance(verb, str) or verb not in CLI_VERBS or \
            not isinstance(args, list) or not all(isinstance(a, str) for a in args) or \
            len(args) > 50:
        return {"error": f"as: a person id; verb: one of {', '.join(CLI_VERBS)}; args: text"}
    if person not in bot.directory:
        return {"error": messages.no_such_person(person[:40], [])}
    words = account_words(verb, args)
    commands = AccountCommands(bot.services.duties, lambda: person, bot.config.time_zone,
                               platform="cli").commands()
    try:
        return {"answer": commands[words[0]](words[1:])}
    except FieldErrors as problem:
        return {"error": "; ".join(f"{k}: {v}" for k, v in problem.errors.items())}
    except CaseError as problem:
        return {"error": str(problem)}


async def account_from_body(http: web.Request, bot: Runtime) -> web.Response:
    """POST /ops/account (loopback, the console token): `socialbot account` beside a server."""
    return await _answered(http, bot, run_account_command)
