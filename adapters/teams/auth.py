"""Inbound authentication for POST /api/messages: who may talk to the bot, and how they are refused.

botbuilder validates the Bot Framework JWT, but lets many refusals escape as exceptions that
aiohttp turns into 500 (a garbage or expired token, a token signed by an unknown key, an
unexpected algorithm, a missing Content-Type, a body that is not JSON). `InboundGuard.admit`
runs the same validation through botbuilder's public `authenticate_request` and maps every
failure to a short JSON answer: 401 until the caller is authenticated, never 500. Then the
activity's shape is checked (`shapes.screen`): a 400 for what the bot cannot answer, an empty
200 for activity types it ignores. The
`AuthenticateRequestResult` it returns is handed to `CloudAdapter.process_activity`, so the
token is validated once per request.

In local mode (no MICROSOFT_APP_ID) botbuilder accepts anonymous requests; the guard then
answers malformed requests with 415/400 instead, since there is no caller to authenticate.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import web
from botbuilder.schema import Activity
from botframework.connector.auth import AuthenticateRequestResult, BotFrameworkAuthentication

from adapters.json_bodies import loads
from adapters.teams.activities import read_activity
from adapters.teams.shapes import MalformedActivity, Verdict, check_addressable, screen

log = logging.getLogger(__name__)

AppType = Literal["MultiTenant", "SingleTenant", "UserAssignedMSI"]
# The body of the request being handled, as `request.json()` read it, with that request (a
# connection's requests share a task, so the request itself says whose body it is).
_PARSED: contextvars.ContextVar[tuple[web.Request, Any] | None] = contextvars.ContextVar(
    "teams_activity_json", default=None)


async def read_body(request: web.Request) -> Any:
    """The body parsed as the guard parses it (`request.json()`), kept so the guard does not
    parse it again; raises as `request.json()` does."""
    body = await request.json(loads=loads)
    _PARSED.set((request, body))
    return body


async def _json(request: web.Request) -> Any:
    parsed = _PARSED.get()
    if parsed is not None and parsed[0] is request:
        return parsed[1]
    return await request.json(loads=loads)


@dataclass(frozen=True)
class TeamsCredentials:
    """The bot's Azure registration, read from MICROSOFT_APP_* environment variables."""

    app_id: str = ""
    app_password: str = ""
    tenant_id: str = ""
    app_type: AppType = "MultiTenant"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> TeamsCredentials:
        tenant_id = env.get("MICROSOFT_APP_TENANT_ID", "").strip()
        default_type: AppType = "SingleTenant" if tenant_id else "MultiTenant"
        app_type = env.get("MICROSOFT_APP_TYPE", "").strip() or default_type
        if app_type not in ("MultiTenant", "SingleTenant", "UserAssignedMSI"):
            raise ValueError(
                f"MICROSOFT_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI, "
                f"not {app_type!r}"
            )
        return cls(
            app_id=env.get("MICROSOFT_APP_ID", "").strip(),
            app_password=env.get("MICROSOFT_APP_PASSWORD", "").strip(),
            tenant_id=tenant_id,
            app_type=app_type,  # type: ignore[arg-type]  # checked just above
        )

    @property
    def local_mode(self) -> bool:
        """No app id: botbuilder skips JWT validation (Agents Playground, emulators)."""
        return not self.app_id

    def botbuilder_configuration(self) -> Any:
        """The attribute bag botbuilder's Configuration* classes read (APP_ID, APP_PASSWORD...)."""
        return _BotbuilderConfiguration(
            APP_ID=self.app_id,
            APP_PASSWORD=self.app_password,
            APP_TYPE=self.app_type,
            APP_TENANTID=self.tenant_id,
        )


@dataclass(frozen=True)
class _BotbuilderConfiguration:
    APP_ID: str
    APP_PASSWORD: str
    APP_TYPE: str
    APP_TENANTID: str


@dataclass(frozen=True)
class AdmittedActivity:
    """A request that passed the guard: the activity and botbuilder's verdict on its token."""

    activity: Activity
    authentication: AuthenticateRequestResult


@dataclass(frozen=True)
class _Parsed:
    body: dict[str, Any]
    activity: Activity


def error_response(status: int, code: str, message: str) -> web.Response:
    """A Bot Framework style ErrorResponse body, so callers see JSON and never an HTML page."""
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


class InboundGuard:
    """Admits a POST /api/messages request, or answers it: 4xx, or 503 if keys are unreachable."""

    def __init__(self, authentication: BotFrameworkAuthentication, *, auth_required: bool) -> None:
        self._authentication = authentication
        self._auth_required = auth_required

    async def admit(self, request: web.Request) -> AdmittedActivity | web.Response:
        if request.method != "POST":
            return error_response(405, "MethodNotAllowed", "use POST")
        auth_header = request.headers.get("Authorization", "")
        if self._auth_required and not _is_bearer(auth_header):
            return self._unauthorized("missing bearer token")
        parsed = await self._read_activity(request)
        if isinstance(parsed, web.Response):
            return parsed
        verdict = await self._authenticate(parsed.activity, auth_header)
        if isinstance(verdict, web.Response):
            return verdict
        try:
            handled = screen(parsed.body)
        except MalformedActivity as problem:
            log.warning("refused an activity: %s", problem)
            return error_response(400, "BadRequest", str(problem))
        if handled is Verdict.IGNORE:
            return web.Response(status=200)  # what Teams expects for what the bot ignores
        return AdmittedActivity(parsed.activity, verdict)

    async def _read_activity(self, request: web.Request) -> _Parsed | web.Response:
        if request.content_type != "application/json":
            return self._refuse(
                415, "UnsupportedMediaType", "Content-Type must be application/json"
            )
        try:
            # Read once: the route may have parsed it already, the same way (`read_body`).
            body = await _json(request)
        except web.HTTPRequestEntityTooLarge:
            return error_response(413, "PayloadTooLarge", "activity is too large")
        except ValueError:  # JSONDecodeError and undecodable bytes
            return self._refuse(400, "BadRequest", "body is not JSON")
        if not isinstance(body, dict):
            return self._refuse(400, "BadRequest", "body must be a JSON object (an activity)")
        try:
            check_addressable(body)
            return _Parsed(body, read_activity(body))
        except MalformedActivity as problem:
            return self._refuse(400, "BadRequest", str(problem))
        except Exception:  # msrest raises DeserializationError and plain TypeErrors alike
            return self._refuse(400, "BadRequest", "body is not a valid activity")

    async def _authenticate(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult | web.Response:
        try:
            return await self._authentication.authenticate_request(activity, auth_header)
        except PermissionError as error:  # botbuilder's "not authorized" (an OSError subclass)
            log.warning("refused an inbound activity: %s", error)
            return self._unauthorized("invalid token")
        except OSError:
            # requests' errors are OSErrors: the OpenID keys could not be fetched. Not the
            # caller's fault, and the Bot Connector retries a 503.
            log.exception("could not fetch the Bot Framework signing keys")
            return error_response(503, "ServiceUnavailable", "cannot validate tokens right now")
        except Exception as error:
            # botbuilder signals a bad token with PermissionError, jwt errors, IndexError
            # (unknown key id), KeyError (no issuer) and bare Exception (algorithm).
            log.warning("refused an inbound activity: %s: %s", type(error).__name__, error)
            return self._unauthorized("invalid token")

    def _refuse(self, status: int, code: str, message: str) -> web.Response:
        """Before a caller is authenticated, say only 401; in local mode say what is wrong."""
        if self._auth_required:
            return self._unauthorized(message)
        return error_response(status, code, message)

    @staticmethod
    def _unauthorized(message: str) -> web.Response:
        response = error_response(401, "Unauthorized", message)
        response.headers["WWW-Authenticate"] = 'Bearer realm="botframework"'
        return response


def _is_bearer(auth_header: str) -> bool:
    scheme, _, token = auth_header.partition(" ")
    return scheme == "Bearer" and bool(token.strip())
