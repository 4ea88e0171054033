"""A local Bot Connector service: the `serviceUrl` a test's Teams activities point at.

botbuilder's real `ConnectorClient` talks to it over HTTP exactly as it talks to
`https://smba.trafficmanager.net/...`, so the adapter's outbound path (send, reply, update,
create conversation) runs unmodified. Every call is recorded with its Authorization header,
and any route can be told to fail N times with the statuses the real service answers
(429 with Retry-After, 412, 502, 504, 500, 403) so an outbox's retry policy can be proved.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from aiohttp import web

Route = Literal["create", "send", "reply", "update", "delete", "members", "member"]
ROUTES: tuple[Route, ...] = ("create", "send", "reply", "update", "delete", "members", "member")
# "post" in fail() means either way of posting a message: botbuilder replies (POST
# .../activities/{id}) whenever the turn's activity has an id, proactive turns included.
FailRoute = Literal[Route, "post"]

# The request headers a call keeps (what the connector reads besides Authorization).
HEADERS_KEPT = ("Content-Type", "Accept", "x-ms-conversation-id", "User-Agent")
# The error codes the Bot Connector puts in its ErrorResponse body, by status.
_ERROR_CODES = {
    400: "BadSyntax",
    403: "BotDisabledByAdmin",
    404: "ConversationNotFound",
    412: "PreconditionFailed",
    429: "Throttled",
    500: "ServiceError",
    502: "BadGateway",
    504: "GatewayTimeout",
}


@dataclass(frozen=True)
class ConnectorCall:
    """One request the bot made, successful or failed by injection."""

    route: Route
    method: str
    path: str
    conversation_id: str | None
    activity_id: str | None  # replyToId for "reply", the updated id for "update"
    body: Any
    authorization: str | None
    status: int
    at: float = field(default_factory=time.time)  # when it arrived (benchmarks' latencies)
    headers: dict[str, str] = field(default_factory=dict)  # those in HEADERS_KEPT, as sent

    @property
    def ok(self) -> bool:
        return self.status < 400

    @property
    def text(self) -> str | None:
        return self.body.get("text") if isinstance(self.body, dict) else None

    @property
    def attachments(self) -> list[dict[str, Any]]:
        if not isinstance(self.body, dict):
            return []
        return list(self.body.get("attachments") or [])

    @property
    def card(self) -> dict[str, Any] | None:
        """The first Adaptive Card's content, the way Teams would render it."""
        for attachment in self.attachments:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                content = attachment.get("content")
                return content if isinstance(content, dict) else None
        return None


@dataclass
class _Failure:
    status: int
    remaining: int
    retry_after: float | None


@dataclass
class FakeBotConnector:
    """Async context manager serving the Bot Connector REST API on 127.0.0.1:random port."""

    bot_id: str = "28:fake-bot"
    calls: list[ConnectorCall] = field(default_factory=list)
    members: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _failures: dict[FailRoute, list[_Failure]] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _personal_chats: dict[str, str] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None
    service_url: str = ""

    async def __aenter__(self) -> FakeBotConnector:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=4 * 1024 * 1024)
        app.add_routes(
            [
                web.post("/v3/conversations", self._create),
                web.post("/v3/conversations/{cid}/activities", self._send),
                web.post("/v3/conversations/{cid}/activities/{aid}", self._reply),
                web.put("/v3/conversations/{cid}/activities/{aid}", self._update),
                web.delete("/v3/conversations/{cid}/activities/{aid}", self._delete),
                web.get("/v3/conversations/{cid}/members", self._members),
                web.get("/v3/conversations/{cid}/members/{mid}", self._member),
                web.get("/v3/conversations/{cid}/pagedmembers", self._paged_members),
                # The connector answers JSON errors, also for what it has no route for
                # (e.g. an activity id with a "/" in it, which the client encodes as %2F).
                web.route("*", "/{tail:.*}", self._no_route),
            ]
        )
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.service_url = f"http://{host}:{port}/"
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ---- test controls -------------------------------------------------------------------

    def fail(
        self, route: FailRoute, status: int, *, times: int = 1, retry_after: float | None = None
    ) -> None:
        """Make the next `times` calls to `route` answer `status` (queued after earlier ones).

        `route` is one of ROUTES, or "post" for the next messages posted by send or reply.
        """
        if route not in (*ROUTES, "post"):
            raise ValueError(f"unknown route {route!r}; expected one of {ROUTES} or 'post'")
        if status == 429 and retry_after is None:
            retry_after = 1
        self._failures.setdefault(route, []).append(_Failure(status, times, retry_after))

    def add_member(self, conversation_id: str, member: dict[str, Any]) -> None:
        """Someone GET .../members(/{id}) will return (TeamsInfo.get_member and friends)."""
        self.members.setdefault(conversation_id, []).append(member)

    def sent(self) -> list[ConnectorCall]:
        """Activities the bot posted successfully (new messages and replies), oldest first."""
        return [c for c in self.calls if c.ok and c.route in ("send", "reply")]

    def updates(self) -> list[ConnectorCall]:
        return [c for c in self.calls if c.ok and c.route == "update"]

    def created_conversations(self) -> list[ConnectorCall]:
        return [c for c in self.calls if c.ok and c.route == "create"]

    def attempts(self, route: FailRoute) -> list[ConnectorCall]:
        """Every call to `route` ("post": send or reply), failed ones included."""
        routes = ("send", "reply") if route == "post" else (route,)
        return [c for c in self.calls if c.route in routes]

    async def wait_for(
        self,
        predicate: Callable[[ConnectorCall], bool] | None = None,
        *,
        route: Route | tuple[Route, ...] = ("send", "reply"),
        count: int = 1,
        timeout: float = 5.0,
    ) -> list[ConnectorCall]:
        """Wait until `count` successful calls on `route` match `predicate`; return them."""
        routes = (route,) if isinstance(route, str) else route

        def matching() -> list[ConnectorCall]:
            return [
                c
                for c in self.calls
                if c.ok and c.route in routes and (predicate is None or predicate(c))
            ]

        assert self._changed is not None, "use FakeBotConnector as `async with`"
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(matching()) >= count), timeout
            )
        return matching()

    # ---- routes ---------------------------------------------------------------------------

    async def _create(self, request: web.Request) -> web.Response:
        body = await self._json(request)
        problem = _personal_chat_problem(body)
        if problem:
            return await self._record_error(request, "create", body, None, None, 400, problem)
        # Like Teams, one personal chat per user: asking again returns the same id.
        member = body["members"][0]["id"]
        conversation_id = self._personal_chats.setdefault(
            member, f"a:fake-conversation-{next(self._ids)}"
        )
        return await self._answer(request, "create", body, None, None, {"id": conversation_id})

    async def _send(self, request: web.Request) -> web.Response:
        body = await self._json(request)
        activity_id = f"fake-activity-{next(self._ids)}"
        cid = request.match_info["cid"]
        return await self._answer(request, "send", body, cid, None, {"id": activity_id})

    @staticmethod
    async def _no_route(request: web.Request) -> web.Response:
        error = {"error": {"code": "BadArgument", "message": "Unknown conversation or activity"}}
        return web.json_response(error, status=404)

    async def _reply(self, request: web.Request) -> web.Response:
        body = await self._json(request)
        activity_id = f"fake-activity-{next(self._ids)}"
        cid, aid = request.match_info["cid"], request.match_info["aid"]
        return await self._answer(request, "reply", body, cid, aid, {"id": activity_id})

    async def _update(self, request: web.Request) -> web.Response:
        body = await self._json(request)
        cid, aid = request.match_info["cid"], request.match_info["aid"]
        return await self._answer(request, "update", body, cid, aid, {"id": aid})

    async def _delete(self, request: web.Request) -> web.Response:
        cid, aid = request.match_info["cid"], request.match_info["aid"]
        return await self._answer(request, "delete", None, cid, aid, None)

    async def _members(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        return await self._answer(request, "members", None, cid, None, self.members.get(cid, []))

    async def _paged_members(self, request: web.Request) -> web.Response:
        cid = request.match_info["cid"]
        page = {"members": self.members.get(cid, []), "continuationToken": None}
        return await self._answer(request, "members", None, cid, None, page)

    async def _member(self, request: web.Request) -> web.Response:
        cid, mid = request.match_info["cid"], request.match_info["mid"]
        found = [m for m in self.members.get(cid, []) if mid in (m.get("id"), m.get("aadObjectId"))]
        if not found and not self._failures.get("member"):
            return await self._record_error(request, "member", None, cid, mid, 404)
        return await self._answer(request, "member", None, cid, mid, found[0] if found else None)

    # ---- plumbing -------------------------------------------------------------------------

    @staticmethod
    async def _json(request: web.Request) -> Any:
        try:
            return await request.json()
        except ValueError:
            raise web.HTTPBadRequest(text="body is not JSON") from None

    def _next_failure(self, route: Route) -> _Failure | None:
        queue = self._failures.get(route)
        if not queue and route in ("send", "reply"):
            queue = self._failures.get("post")
        if not queue:
            return None
        failure = queue[0]
        failure.remaining -= 1
        if failure.remaining <= 0:
            queue.pop(0)
        return failure

    async def _answer(
        self,
        request: web.Request,
        route: Route,
        body: Any,
        conversation_id: str | None,
        activity_id: str | None,
        payload: Any,
    ) -> web.Response:
        if route in ("send", "reply", "update") and not (
            isinstance(body, dict) and body.get("type")
        ):
            return await self._record_error(
                request, route, body, conversation_id, activity_id, 400, "activity needs a type"
            )
        failure = self._next_failure(route)
        if failure is not None:
            return await self._record_error(
                request,
                route,
                body,
                conversation_id,
                activity_id,
                failure.status,
                retry_after=failure.retry_after,
            )
        await self._record(request, route, body, conversation_id, activity_id, 200)
        if payload is None:
            return web.Response(status=200)
        return web.json_response(payload, status=200 if route != "create" else 201)

    async def _record_error(
        self,
        request: web.Request,
        route: Route,
        body: Any,
        conversation_id: str | None,
        activity_id: str | None,
        status: int,
        message: str | None = None,
        retry_after: float | None = None,
    ) -> web.Response:
        await self._record(request, route, body, conversation_id, activity_id, status)
        code = _ERROR_CODES.get(status, "ServiceError")
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else None
        message = message or f"injected {status} by FakeBotConnector"
        error = {"error": {"code": code, "message": message}}
        return web.json_response(error, status=status, headers=headers)

    async def _record(
        self,
        request: web.Request,
        route: Route,
        body: Any,
        conversation_id: str | None,
        activity_id: str | None,
        status: int,
    ) -> None:
        call = ConnectorCall(
            route=route,
            method=request.method,
            path=request.path,
            conversation_id=conversation_id,
            activity_id=activity_id,
            body=body,
            authorization=request.headers.get("Authorization"),
            status=status,
            headers={name: request.headers[name] for name in HEADERS_KEPT
                     if name in request.headers},
        )
        assert self._changed is not None
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()


def _personal_chat_problem(body: Any) -> str | None:
    """What Teams would refuse in a create-conversation request, as it words it, or None.

    Teams creates one-to-one chats only: isGroup false, exactly one member, a tenant id.
    """
    if not isinstance(body, dict):
        return "body must be a JSON object"
    if body.get("isGroup"):
        return "creating group chats is not supported"
    members = body.get("members")
    if not isinstance(members, list) or len(members) != 1 or not members[0].get("id"):
        return "a personal chat needs exactly one member with an id"
    # The real service reads JSON keys case-insensitively, and botbuilder-python writes
    # "tenantID" where Teams writes "tenantId".
    top_level = next((v for k, v in body.items() if k.lower() == "tenantid"), None)
    tenant = top_level or ((body.get("channelData") or {}).get("tenant") or {}).get("id")
    if not tenant:
        return "tenantId is required"
    return None


# ---- the Bot Framework's token side ----------------------------------------------------------


class FakeBotFrameworkTokens:
    """Signs channel tokens the way the Bot Framework does and serves the keys to check them.

    botbuilder fetches `https://login.botframework.com/v1/.well-known/openidconfiguration`
    and its `jwks_uri` with blocking `requests.get` calls, so this serves both from a thread
    (an aiohttp server on the test's own loop would deadlock). `with tokens:` points
    botbuilder's public `ChannelValidation.open_id_metadata_endpoint` at it and restores the
    previous value on exit; the rest of the production validation path runs unchanged.
    """

    ISSUER = "https://api.botframework.com"

    def __init__(self, *, endorsements: tuple[str, ...] = ("msteams", "webchat")) -> None:
        self._key, self.stranger_key = _rsa_keys()
        self.kid = "fake-kid-" + uuid.uuid4().hex[:8]
        self.endorsements = list(endorsements)
        self.metadata_url = ""
        self.key_fetches = 0
        self._server: ThreadingHTTPServer | None = None
        self._previous_endpoint: str | None = None

    def __enter__(self) -> FakeBotFrameworkTokens:
        from botframework.connector.auth import ChannelValidation

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        serve = functools.partial(self._server.serve_forever, poll_interval=0.05)
        threading.Thread(target=serve, daemon=True).start()
        port = self._server.server_address[1]
        self.metadata_url = f"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration"
        self._previous_endpoint = ChannelValidation.open_id_metadata_endpoint
        ChannelValidation.open_id_metadata_endpoint = self.metadata_url
        return self

    def __exit__(self, *exc_info: object) -> None:
        from botframework.connector.auth import ChannelValidation

        ChannelValidation.open_id_metadata_endpoint = self._previous_endpoint
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def token(
        self,
        app_id: str,
        service_url: str,
        *,
        expires_in: int = 3600,
        issuer: str = ISSUER,
        signed_by_stranger: bool = False,
        kid: str | None = None,
        extra_claims: dict[str, Any] | None = None,
    ) -> str:
        """A channel token for `app_id` (the `aud`) bound to `service_url`."""
        import jwt

        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": issuer,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + expires_in,
            **(extra_claims or {}),
        }
        key = self.stranger_key if signed_by_stranger else self._key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid or self.kid})

    def _jwks(self) -> dict[str, Any]:
        from jwt.algorithms import RSAAlgorithm

        jwk = json.loads(RSAAlgorithm.to_jwk(self._key.public_key()))
        jwk.update(kid=self.kid, use="sig", endorsements=self.endorsements)
        return {"keys": [jwk]}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        tokens = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                port = self.server.server_address[1]
                if self.path.endswith("/openidconfiguration"):
                    body: dict[str, Any] = {
                        "issuer": tokens.ISSUER,
                        "authorization_endpoint": "https://invalid.example/",
                        "jwks_uri": f"http://127.0.0.1:{port}/v1/.well-known/keys",
                        "id_token_signing_alg_values_supported": ["RS256"],
                        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                    }
                elif self.path.endswith("/keys"):
                    tokens.key_fetches += 1
                    body = tokens._jwks()
                else:
                    self.send_error(404)
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

        return Handler


@functools.cache
def _rsa_keys() -> tuple[Any, Any]:
    """Two RSA keys per test run (generating one takes up to a few hundred ms)."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return tuple(  # type: ignore[return-value]
        rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2)
    )


class FakeAppCredentialsFactory:
    """Outbound credentials that need no Azure AD: the connector sees `Bearer <token>`.

    Implements botbuilder's `ServiceClientCredentialsFactory` port (duck-typed, so this module
    imports no botbuilder at load time) for authenticated-mode tests, where the real factory
    would ask login.microsoftonline.com for a token on the first outbound call.
    """

    def __init__(self, app_id: str, *, token: str = "fake-outbound-token") -> None:
        self.app_id = app_id
        self.token = token
        self.created = 0

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == self.app_id

    async def is_authentication_disabled(self) -> bool:
        return not self.app_id

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> Any:
        from botframework.connector.auth import AppCredentials

        if app_id != self.app_id:
            raise PermissionError(f"no credentials for app id {app_id!r}")
        self.created += 1
        token = self.token

        class StaticTokenCredentials(AppCredentials):
            def get_access_token(self, force_refresh: bool = False) -> str:
                return token

        return StaticTokenCredentials(app_id=app_id, oauth_scope=oauth_scope)
