"""A local stand-in for Microsoft Graph's users list and the Microsoft identity platform's
token endpoint, speaking their protocols:

- ``POST /{tenant}/oauth2/v2.0/token`` (form: grant_type=client_credentials, client_id,
  client_secret, scope ending in ``/.default``) answers ``{"token_type": "Bearer",
  "expires_in": 3599, "access_token": ...}``; a wrong client or secret is 401
  ``invalid_client``, a wrong tenant 400 ``invalid_request``, as Entra answers.
- ``GET /v1.0/users`` with a bearer token it issued: honours ``$select`` (only those
  properties, plus ``id``), ``$expand=manager($select=id)`` (a ``manager`` object with only its
  ``id``, absent for users without one), ``$top`` (at most ``page_size``, Graph's 999 here
  made small to force paging) and pages by ``@odata.nextLink`` with a ``$skiptoken``. Without a
  valid token: 401 ``InvalidAuthenticationToken``. ``throttle_next`` answers 429
  ``TooManyRequests`` with ``Retry-After`` for the next calls.

    async with FakeGraph(users=[...]) as graph:
        ...graph.authority_url, graph.graph_url...
"""

from __future__ import annotations

import itertools
import re
import secrets
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web

JsonDict = dict[str, Any]
EXPAND_MANAGER = re.compile(r"^manager(\(\$select=([a-zA-Z,]+)\))?$")


@dataclass
class GraphCall:
    method: str
    path: str
    query: dict[str, str]
    status: int = 0
    form: dict[str, str] = field(default_factory=dict)


class FakeGraph:
    def __init__(self, *, users: list[JsonDict], tenant: str = "pickering-tenant",
                 client_id: str = "socialbot-app", client_secret: str = "s3cret",
                 page_size: int = 999) -> None:
        self.users = users            # Graph user objects; "manager_id" names the manager
        self.tenant, self.client_id, self.client_secret = tenant, client_id, client_secret
        self.page_size = page_size
        self.calls: list[GraphCall] = []
        self.tokens: set[str] = set()
        self._throttle: list[int] = []
        self._runner: web.AppRunner | None = None
        self._origin = ""
        self._pages = itertools.count(1)
        self._skiptokens: dict[str, int] = {}

    async def __aenter__(self) -> FakeGraph:
        app = web.Application()
        app.router.add_post("/{tenant}/oauth2/v2.0/token", self._token)
        app.router.add_get("/v1.0/users", self._users)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self._origin = f"http://{host}:{port}"
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def authority_url(self) -> str:
        return self._origin

    @property
    def graph_url(self) -> str:
        return self._origin

    def throttle_next(self, retry_after: int, times: int = 1) -> None:
        """The next `times` calls to /v1.0/users answer 429 with this Retry-After."""
        self._throttle += [retry_after] * times

    def user_calls(self) -> list[GraphCall]:
        return [c for c in self.calls if c.path == "/v1.0/users"]

    async def _token(self, request: web.Request) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        call = GraphCall("POST", request.path, dict(request.query), form=form)
        self.calls.append(call)
        if request.match_info["tenant"] != self.tenant:
            return self._answer(call, 400, {"error": "invalid_request",
                                            "error_description": "AADSTS90002: Tenant not found"})
        if form.get("grant_type") != "client_credentials" or \
                not form.get("scope", "").endswith("/.default"):
            return self._answer(call, 400, {"error": "invalid_request"})
        if form.get("client_id") != self.client_id or \
                form.get("client_secret") != self.client_secret:
            return self._answer(call, 401, {"error": "invalid_client"})
        token = secrets.token_urlsafe(24)
        self.tokens.add(token)
        return self._answer(call, 200, {"token_type": "Bearer", "expires_in": 3599,
                                        "ext_expires_in": 3599, "access_token": token})

    async def _users(self, request: web.Request) -> web.Response:
        call = GraphCall("GET", request.path, dict(request.query))
        self.calls.append(call)
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth.removeprefix("Bearer ") not in self.tokens:
            return self._answer(call, 401, _error("InvalidAuthenticationToken",
                                                  "Access token is empty."))
        if self._throttle:
            retry = self._throttle.pop(0)
            return self._answer(call, 429, _error("TooManyRequests", "Too many requests."),
                                {"Retry-After": str(retry)})
        query = request.query
        select = [s for s in query.get("$select", "").split(",") if s]
        expand = query.get("$expand", "")
        manager_select: list[str] | None = None
        if expand:
            match = EXPAND_MANAGER.match(expand)
            if match is None:
                return self._answer(call, 400, _error("Request_BadRequest",
                                                      f"Unsupported $expand {expand!r}"))
            manager_select = (match.group(2) or "id").split(",")
        try:
            top = min(int(query.get("$top", "100")), 999, self.page_size)
        except ValueError:
            return self._answer(call, 400, _error("Request_BadRequest", "Invalid $top"))
        start = self._skiptokens.get(query.get("$skiptoken", ""), 0)
        page = self.users[start:start + top]
        by_id = {u["id"]: u for u in self.users}
        values = []
        for user in page:
            shown = {k: v for k, v in user.items() if k != "manager_id" and
                     (not select or k in select or k == "id")}
            manager = by_id.get(user.get("manager_id", ""))
            if manager_select is not None and manager is not None:
                shown["manager"] = {"@odata.type": "#microsoft.graph.user",
                                    **{k: manager.get(k) for k in manager_select}}
            values.append(shown)
        body: JsonDict = {"@odata.context": f"{self._origin}/v1.0/$metadata#users",
                          "value": values}
        if start + top < len(self.users):
            token = f"page{next(self._pages)}"
            self._skiptokens[token] = start + top
            rest = {k: v for k, v in query.items() if k != "$skiptoken"}
            rest["$skiptoken"] = token
            body["@odata.nextLink"] = f"{self._origin}/v1.0/users?" + "&".join(
                f"{k}={v}" for k, v in rest.items())
        return self._answer(call, 200, body)

    @staticmethod
    def _answer(call: GraphCall, status: int, body: JsonDict,
                headers: dict[str, str] | None = None) -> web.Response:
        call.status = status
        return web.json_response(body, status=status, headers=headers)


def _error(code: str, message: str) -> JsonDict:
    return {"error": {"code": code, "message": message,
                      "innerError": {"request-id": secrets.token_hex(8)}}}
