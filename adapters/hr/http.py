"""POST /api/hr/leavers: an HR system tells the bot who leaves the City and when (04.08 a).

Off (404) unless HR_FEED_TOKEN is set; authenticated by that bearer token (401 otherwise).
The body is one JSON object `{"person": id or e-mail, "last_day": "YYYY-MM-DD", "reason":
text}` or a list of them (at most MAX_ROWS). Every row is checked before anything changes: an
unknown field, a malformed date, a person the directory does not know, or a body too large is
a 4xx naming the problem, and nothing is stored. A departure already scheduled for the same
person and day is answered with the same case (idempotent). The answer comes after the case
is on disk. The log names case ids only, never a person.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import os
from typing import Annotated, Any

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from adapters.bounded_body import Refused, read_bounded
from bot.accounts import refuse_secrets
from bot.errors import CaseError, FieldErrors
from bot.limits import MAX_COMMENT, MAX_HR_BODY
from bot.offboarding import Offboarding

log = logging.getLogger(__name__)

ROUTE = "/api/hr/leavers"
TOKEN_ENV = "HR_FEED_TOKEN"
MAX_ROWS = 100
# How far from today a last day may be: an HR mistake (a year typed wrong) is refused.
MAX_DAYS_AWAY = 400


class LeaverIn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    person: Annotated[str, Field(min_length=1, max_length=254)]
    last_day: Annotated[str, Field(min_length=10, max_length=10,
                                   pattern=r"^\d{4}-\d{2}-\d{2}$")]
    reason: Annotated[str, Field(min_length=1, max_length=MAX_COMMENT)]


class LeaversEndpoint:
    def __init__(self, offboarding: Offboarding, token: str, on_queued: Any = None) -> None:
        self.offboarding = offboarding
        self.token = token
        self.on_queued = on_queued

    async def handle(self, request: web.Request) -> web.Response:
        try:
            self._authenticate(request)
            rows = self._parse(await read_bounded(request, MAX_HR_BODY))
            checked = [self._check(row, where) for where, row in rows]
        except Refused as refused:
            return web.json_response({"error": str(refused)}, status=refused.status)
        results: list[dict[str, Any]] = []
        for person, day, reason in checked:
            try:
                case = self.offboarding.start(person, reason=reason, last_day=day, source="hr")
            except (CaseError, FieldErrors) as problem:  # checked above; a race with the CCT
                return web.json_response({"error": str(problem), "done": results}, status=409)
            log.info("HR leaver notice: departure %s %s", case.id, case.state)
            results.append({"case": case.id, "state": case.state,
                            "last_day": case.last_day.isoformat() if case.last_day else None})
        if self.on_queued is not None:
            self.on_queued()
        return web.json_response({"results": results})

    def _authenticate(self, request: web.Request) -> None:
        header = request.headers.get("Authorization", "")
        if not hmac.compare_digest(header.encode(), f"Bearer {self.token}".encode()):
            raise Refused(401, "missing or wrong bearer token")

    def _parse(self, body: bytes) -> list[tuple[str, Any]]:
        try:
            raw = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise Refused(400, "the body is not UTF-8") from None
        except ValueError:
            raise Refused(400, "the body is not JSON") from None
        if isinstance(raw, list):
            if not raw:
                raise Refused(400, "no leaver in the body")
            if len(raw) > MAX_ROWS:
                raise Refused(413, f"at most {MAX_ROWS} leavers per request")
            return [(f"leavers[{i}]", row) for i, row in enumerate(raw)]
        return [("leaver", raw)]

    def _check(self, row: Any, where: str) -> tuple[str, dt.date, str]:
        if not isinstance(row, dict):
            raise Refused(400, f"{where}: expected a JSON object with person, last_day and "
                                 f"reason")
        try:
            leaver = LeaverIn.model_validate(row)
        except ValidationError as problem:
            first = problem.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "body"
            what = "unknown field" if first["type"] == "extra_forbidden" else first["msg"]
            raise Refused(400, f"{where}.{field}: {what}") from None
        try:
            day = dt.date.fromisoformat(leaver.last_day)
        except ValueError:
            raise Refused(400, f"{where}.last_day: not a date (YYYY-MM-DD)") from None
        if abs((day - self.offboarding.today()).days) > MAX_DAYS_AWAY:
            raise Refused(400, f"{where}.last_day: more than {MAX_DAYS_AWAY} days from today")
        try:
            person = self.offboarding.resolve(leaver.person)
        except CaseError:
            raise Refused(422, f"{where}.person: not in the directory") from None
        if not leaver.reason.strip() or any(ord(c) < 32 and c not in "\t" for c in
                                            leaver.reason):
            raise Refused(400, f"{where}.reason: empty or with control characters")
        try:
            refuse_secrets({"reason": leaver.reason})
        except FieldErrors as problem:
            raise Refused(400, f"{where}.reason: {problem.errors['reason']}") from None
        return person, day, leaver.reason.strip()


def mount(app: web.Application, offboarding: Offboarding, on_queued: Any = None) -> bool:
    """Add the route when HR_FEED_TOKEN is set; without it the route does not exist (404)."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        return False
    app.router.add_post(ROUTE, LeaversEndpoint(offboarding, token, on_queued).handle)
    return True
