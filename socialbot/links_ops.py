"""Registering a link to check for the command line, directly or through the running server's
loopback endpoint (POST /ops/links/add, the console token): one function, so both answer alike.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.errors import CaseError, FieldErrors
from socialbot.bootstrap import Runtime

LINK_BODY = "expected a JSON object {url, account, as}, each text"


def register_link(bot: Runtime, body: Any) -> dict[str, Any]:
    """Register the link `body` names for its account, as the CCT member `body["as"]`; the
    answer as JSON-ready data ({"error": ...} when refused, nothing changed)."""
    if not isinstance(body, dict) or not all(isinstance(body.get(k), str)
                                             for k in ("url", "account", "as")):
        return {"error": LINK_BODY}
    url, account, person = body["url"], body["account"], body["as"]
    try:
        added = bot.clocks.links.register(person, url, account)
    except FieldErrors as problem:
        return {"error": "; ".join(problem.errors.values())}
    except CaseError as problem:
        return {"error": str(problem)}
    return {"added": added, "url": url.strip(), "account": account.strip()}


async def link_from_body(http: web.Request, bot: Runtime) -> web.Response:
    """POST /ops/links/add (loopback, the console token): `socialbot links add` beside a
    running server, which owns the store. Malformed or refused: 400, nothing changed."""
    try:
        body = await http.json()
    except ValueError:
        return web.json_response({"error": LINK_BODY}, status=400)
    answer = register_link(bot, body)
    return web.json_response(answer, status=400 if "error" in answer else 200)
