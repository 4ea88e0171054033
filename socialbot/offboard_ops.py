"""Starting a departure for the command line, directly or through the running server's
loopback endpoint (POST /ops/offboard, the console token)."""

from __future__ import annotations

import datetime as dt
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
    try:
        body = await http.json()
        if not isinstance(body, dict):
            raise ValueError
    except ValueError:
        return web.json_response({"error": "expected a JSON object"}, status=400)
    answer = offboard_now(bot, body)
    bot.dispatcher.wake()
    return web.json_response(answer, status=400 if "error" in answer else 200)
