"""botbuilder's CloudAdapter, made fast and strict for /api/messages, without forking botbuilder.

Stock `CloudAdapter.process_activity` builds, for every inbound request, a new
`ConnectorClient` (new credentials, new msal app, new requests session) and a new
`UserTokenClient`; each msrest client costs ~16 ms in `ClientRetryPolicy.__init__` alone.
Here both go through `CachedBotFrameworkAuthentication`, a `BotFrameworkAuthentication`
decorator (botbuilder's own extension point) that hands out one client per
(service URL, app id, audience) and one token client per app id. Reusing the client also
keeps its connection pool and its AAD token cache, which stock code throws away each turn.

`TeamsCloudAdapter.process` replaces the HTTP entry point: `InboundGuard` answers every
refusal with a JSON 4xx (see auth.py), and every invoke gets an invoke response, never
botbuilder's default 501 nor a 500 when the bot fails.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from email.utils import parsedate_to_datetime
from typing import Any

from aiohttp import web
from botbuilder.core import Bot, InvokeResponse, serializer_helper
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, ActivityTypes, AdaptiveCardInvokeResponse
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from botframework.connector.skills import BotFrameworkClient
from msrest.exceptions import ClientRequestError, HttpOperationError
from msrest.serialization import Model

from adapters.json_bodies import dumps
from adapters.teams.auth import InboundGuard, TeamsCredentials, error_response
from bot.ports import DeliveryFailed

log = logging.getLogger(__name__)

ADAPTIVE_CARD_ACTION = "adaptiveCard/action"
_ClientKey = tuple[str, str | None, str | None]


class CachedBotFrameworkAuthentication(BotFrameworkAuthentication):
    """Delegates to botbuilder's authentication but reuses its outbound clients.

    `outbound_retries` sets msrest's connection retries on cached clients (default 0), and
    status-code retries are turned off: msrest would otherwise retry PUT/DELETE on 5xx
    (never POST, never 429) for seconds and then hide the status from the outbox that owns
    retrying.
    """

    def __init__(
        self,
        inner: BotFrameworkAuthentication,
        *,
        max_clients: int = 64,
        outbound_retries: int = 0,
    ) -> None:
        self._inner = inner
        self._max_clients = max_clients
        self._outbound_retries = outbound_retries
        self._connectors: OrderedDict[_ClientKey, ConnectorClient] = OrderedDict()
        self._token_clients: dict[str | None, UserTokenClient] = {}

    async def authenticate_request(
        self, activity: Activity, auth_header: str
    ) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_request(activity, auth_header)
        if result.connector_factory is not None:
            result.connector_factory = _CachedConnectorFactory(
                self, result.connector_factory, _app_id(result.claims_identity)
            )
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        return await self._inner.authenticate_streaming_request(auth_header, channel_id_header)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        inner = self._inner.create_connector_factory(claims_identity)
        return _CachedConnectorFactory(self, inner, _app_id(claims_identity))

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        app_id = _app_id(claims_identity)
        client = self._token_clients.get(app_id)
        if client is None:
            client = await self._inner.create_user_token_client(claims_identity)
            self._token_clients[app_id] = client
        return client

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)

    async def connector(self, inner: ConnectorFactory, key: _ClientKey) -> ConnectorClient:
        client = self._connectors.get(key)
        if client is not None:
            self._connectors.move_to_end(key)
            return client
        client = await inner.create(key[0], key[2])
        _own_the_retries(client, self._outbound_retries)
        self._connectors[key] = client
        if len(self._connectors) > self._max_clients:
            # Only authenticated activities (or local mode, loopback only) add entries, but a
            # bound keeps a stream of odd service URLs from growing memory.
            self._connectors.popitem(last=False)
        return client


def _own_the_retries(client: ConnectorClient, retries: int) -> None:
    """Stop msrest from retrying 5xx on PUT/DELETE behind the caller's back.

    Its urllib3 policy retries idempotent methods on 408 and 5xx (3 times, ~5 s of backoff)
    and then raises `ClientRequestError`, losing the status code. With no status retries
    every HTTP error surfaces at once as `ErrorResponseException` carrying the response.
    `retries` still covers connection errors.
    """
    client.config.retry_policy.retries = retries
    client.config.retry_policy.policy.status_forcelist = frozenset()
    client.config.retry_policy.policy.raise_on_status = False


class _CachedConnectorFactory(ConnectorFactory):
    def __init__(
        self, owner: CachedBotFrameworkAuthentication, inner: ConnectorFactory, app_id: str | None
    ) -> None:
        self._owner = owner
        self._inner = inner
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        return await self._owner.connector(self._inner, (service_url, self._app_id, audience))


def _app_id(claims_identity: ClaimsIdentity | None) -> str | None:
    """The bot's app id as botbuilder derives it: `aud` for channel tokens, else `appid`."""
    if claims_identity is None:
        return None
    claims = claims_identity.claims or {}
    return claims.get(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get(
        AuthenticationConstants.APP_ID_CLAIM
    )


def bot_framework_authentication(
    credentials: TeamsCredentials,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
) -> CachedBotFrameworkAuthentication:
    """Public-cloud Bot Framework authentication for these credentials, with cached clients.

    `credentials_factory` replaces how outbound AAD tokens are obtained (tests pass one
    that needs no network); by default botbuilder's, from the MICROSOFT_APP_* values.
    """
    inner = ConfigurationBotFrameworkAuthentication(
        credentials.botbuilder_configuration(), credentials_factory=credentials_factory
    )
    return CachedBotFrameworkAuthentication(inner)


class TeamsCloudAdapter(CloudAdapter):
    """CloudAdapter whose `process` authenticates strictly and always answers invokes."""

    def __init__(
        self,
        credentials: TeamsCredentials,
        *,
        authentication: BotFrameworkAuthentication | None = None,
    ) -> None:
        super().__init__(authentication or bot_framework_authentication(credentials))
        _quiet_unknown_attribute_warnings()
        self.credentials = credentials
        self._guard = InboundGuard(
            self.bot_framework_authentication, auth_required=not credentials.local_mode
        )

    async def process(
        self, request: web.Request, bot: Bot, ws_response: web.WebSocketResponse | None = None
    ) -> web.Response:
        admitted = await self._guard.admit(request)
        if isinstance(admitted, web.Response):
            return admitted
        activity = admitted.activity
        try:
            invoke_response = await self.process_activity(
                admitted.authentication, activity, bot.on_turn
            )
        except HttpOperationError as error:
            refused = _connector_refusal(error)
            if refused is None or activity.type == ActivityTypes.invoke:
                return _turn_failed(activity)
            # The connector will not take a reply in this conversation (unknown, gone, not
            # allowed): what the activity named cannot be answered, and a retry will not help.
            log.warning("the Bot Connector refused the reply to a %s activity (HTTP %d)",
                        activity.type, refused)
            return error_response(400, "BadRequest",
                                  "the Bot Connector refused to answer this activity")
        except Exception:
            return _turn_failed(activity)
        if activity.type == ActivityTypes.invoke:
            if invoke_response is None or invoke_response.status == 501:
                invoke_response = _fallback_invoke_response(activity, failed=False)
            return _invoke_json(invoke_response, activity)
        if invoke_response is not None:  # expectReplies delivery
            return _invoke_json(invoke_response, activity)
        return web.Response(status=201)


def _turn_failed(activity: Activity) -> web.Response:
    """Only reached when no on_turn_error is set, or it re-raised."""
    log.exception("turn failed for a %s activity", activity.type)
    if activity.type == ActivityTypes.invoke:
        return _invoke_json(_fallback_invoke_response(activity, failed=True), activity)
    return error_response(500, "InternalError", "the bot could not handle this activity")


def _connector_refusal(error: HttpOperationError) -> int | None:
    """The connector's 4xx status (other than a rate limit), or None."""
    status = int(error.response.status_code) if error.response is not None else 0
    return status if 400 <= status < 500 and status not in RETRYABLE_STATUSES else None


class _UnknownAttributeFilter(logging.Filter):
    """Drops msrest's "<key> is not a known attribute of class ..." warnings.

    botbuilder builds `AdaptiveCardInvokeValue(**activity.value)`, and the model has no
    `trigger` field, so msrest logs a warning on every card click Teams sends.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "is not a known attribute of class" not in str(record.msg)


def _quiet_unknown_attribute_warnings() -> None:
    msrest_log = logging.getLogger("msrest.serialization")
    if not any(isinstance(f, _UnknownAttributeFilter) for f in msrest_log.filters):
        msrest_log.addFilter(_UnknownAttributeFilter())


def _invoke_json(response: InvokeResponse, activity: Activity) -> web.Response:
    """Serialize an invoke response, whatever the bot put in it, or fall back to an error.

    Stock `CloudAdapter.process` runs msrest's serializer on the body, which fails with a 500
    on a plain dict, and on the dict `ActivityHandler` itself produces for
    `on_adaptive_card_invoke` (it serializes first). Models and plain JSON both work here.
    """
    try:
        body = dumps(response.body, default=_json_default)
    except (TypeError, ValueError):
        log.exception("invoke response for %r could not be serialized", activity.name)
        return _invoke_json(_fallback_invoke_response(activity, failed=True), activity)
    return web.Response(body=body, status=int(response.status), content_type="application/json",
                        charset="utf-8")


def _json_default(value: object) -> Any:
    if isinstance(value, AdaptiveCardInvokeResponse) and isinstance(value.value, Exception):
        # botbuilder's own "bad request" answers carry Exception(code, message) as the value.
        code, message = [*value.value.args, "BadRequest", "invalid action"][:2]
        value = AdaptiveCardInvokeResponse(
            status_code=value.status_code,
            type=value.type,
            value={"code": str(code), "message": str(message)},
        )
    if isinstance(value, Model):
        return serializer_helper(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _fallback_invoke_response(activity: Activity, *, failed: bool) -> InvokeResponse:
    """What Teams gets when the bot set no invoke response (or crashed): a readable error."""
    if activity.name != ADAPTIVE_CARD_ACTION:
        return InvokeResponse(status=200, body={})
    message = (
        "Something went wrong handling this action. Nothing was changed; please try again."
        if failed
        else "This action is not available."
    )
    body = AdaptiveCardInvokeResponse(
        status_code=500 if failed else 400,
        type="application/vnd.microsoft.error",
        value={"code": "InternalError" if failed else "NotSupported", "message": message},
    )
    return InvokeResponse(status=200, body=body)


# ---- outbound errors, for the outbox -----------------------------------------------------------

RETRYABLE_STATUSES = frozenset({408, 412, 429})


def delivery_failure(error: Exception) -> DeliveryFailed:
    """Classify a connector call's exception the way the outbox retries.

    `ErrorResponseException` (msrest `HttpOperationError`) carries the HTTP response: 429,
    412, 408 and every 5xx are retried, honouring Retry-After; 403 (the user blocked or
    uninstalled the bot, or an admin disabled it), 404 (conversation gone) and other 4xx are
    not. `ClientRequestError` means no HTTP answer at all (refused, timed out): retried.
    """
    if isinstance(error, HttpOperationError) and error.response is not None:
        return status_failure(int(error.response.status_code), _error_code(error),
                              error.response.headers.get("Retry-After"))
    if isinstance(error, ClientRequestError):
        return DeliveryFailed(f"Teams connector unreachable: {error}", retry_after=0.0)
    return DeliveryFailed(f"Teams delivery failed: {error!r}", retry_after=0.0)


def status_failure(status: int, code: str, retry_after: str | None) -> DeliveryFailed:
    """The connector's HTTP answer as the outbox retries it (see `delivery_failure`)."""
    reason = f"Teams connector answered {status} {code}".rstrip()
    if status in RETRYABLE_STATUSES or status >= 500:
        return DeliveryFailed(reason, retry_after=_retry_after_seconds(retry_after))
    return DeliveryFailed(f"{reason}; not retried", retry_after=None)


def _error_code(error: HttpOperationError) -> str:
    inner = getattr(getattr(error, "error", None), "error", None)
    return str(getattr(inner, "code", "") or "")


def _retry_after_seconds(header: str | None) -> float:
    """Retry-After as seconds: delta-seconds or an HTTP date; 0 when absent or unreadable."""
    if not header:
        return 0.0
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())
