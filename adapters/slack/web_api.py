"""The Web API calls the bot makes for every notice and every answer, without slack_sdk's per-call
overhead: the same request, the same answer, the same errors.

`AsyncWebClient.chat_postMessage(...)` costs about 180 us of CPU a call where the HTTP
request itself (aiohttp) costs about 105: slack_sdk checks every argument for its Block
classes, joins the URL, rebuilds the headers, reads the environment for deprecations, builds
retry bookkeeping objects and copies the response's headers, every time. Under load a Slack
decision brings three or four such calls, so that overhead was about a tenth of the server's
CPU. `WebApi.call(method, **arguments)` sends what `client.api_call(method, json=arguments)`
sends (arguments of None left out, as the method wrappers do; the client's headers, token,
TLS and proxy; the shared session's JSON encoder and timeout) and answers as it does: an
`AsyncSlackResponse`, validated (`SlackApiError` when Slack says `ok: false` or answers
anything but 200), after asking the client's retry handlers about a failure exactly as
slack_sdk does (by default one more try after a dropped connection). A client set up in a way
without a shared session goes through slack_sdk itself.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse
from slack_sdk.web.internal_utils import (
    _build_req_args,
    _build_unexpected_body_error_message,
    _get_url,
)

from adapters.json_bodies import loads

MAX_ATTEMPTS = 100  # slack_sdk's own bound on one call's retries
PREPARED_KEPT = 64
# The URL and headers of a method for a client's base URL, token and headers (Bolt makes a
# client for every request: the same for each of them).
_PREPARED: dict[tuple[str, str, str | None, tuple[tuple[str, str], ...]],
                tuple[str, dict[str, str]]] = {}


class WebApi:
    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def call(self, method: str, **arguments: Any) -> AsyncSlackResponse:
        """`method` with `arguments` as a JSON body: what `client.api_call` answers."""
        client = self.client
        body = {name: value for name, value in arguments.items() if value is not None}
        session = client.session
        if session is None or session.closed:
            return await client.api_call(method, json=body)
        for name, value in client.default_params.items():  # Bolt's client adds the team id
            body.setdefault(name, value)  # as slack_sdk does (`_set_default_params`)
        key = (method, client.base_url, client.token, tuple(sorted(client.headers.items())))
        prepared = _PREPARED.get(key)
        if prepared is None:
            if len(_PREPARED) >= PREPARED_KEPT:
                _PREPARED.clear()
            prepared = _PREPARED[key] = self._prepare(method)
        url, headers = prepared
        request_args = {"headers": dict(headers), "data": None, "params": None, "json": body,
                        "ssl": client.ssl, "proxy": client.proxy, "auth": None}
        answer = await self._send(session, url, request_args)
        return AsyncSlackResponse(client=client, http_verb="POST", api_url=url,
                                  req_args=request_args, **answer).validate()

    def _prepare(self, method: str) -> tuple[str, dict[str, str]]:
        """The URL and headers slack_sdk builds for a JSON call of `method` (the same for
        every call of this client)."""
        client = self.client
        nothing: Any = None  # slack_sdk passes None for what a JSON call does not carry
        args = _build_req_args(token=client.token, http_verb="POST", files=nothing,
                               data=nothing, default_params={}, params=nothing, json={},
                               headers=dict(client.headers), auth=nothing, ssl=client.ssl,
                               proxy=client.proxy)
        return _get_url(client.base_url, method), dict(args["headers"])

    async def _send(self, session: aiohttp.ClientSession, url: str,
                    request_args: dict[str, Any]) -> dict[str, Any]:
        """slack_sdk's `_request_with_session` for a shared session, less its debug logging
        (which the bot keeps off) and the bookkeeping objects its default retry handler never
        reads on an answer."""
        handlers: list[AsyncRetryHandler] = list(self.client.retry_handlers or [])
        # The default handler retries only failed connections: it never reads an answer.
        read_answers = any(not isinstance(h, AsyncConnectionErrorRetryHandler)
                           for h in handlers)
        state = RetryState()
        last_error: Exception | None = None
        for _ in range(MAX_ATTEMPTS):
            state.next_attempt_requested = False
            try:
                async with session.request("POST", url, **request_args) as response:
                    data, shown = await _read(response)
                    if read_answers:
                        retry_response = HttpResponse(
                            status_code=response.status, headers=response.headers,  # type: ignore[arg-type]
                            **shown)
                        await _first_willing(handlers, state, _retry_request(url, request_args),
                                             response=retry_response)
                    if not state.next_attempt_requested:
                        return {"data": data, "headers": response.headers,
                                "status_code": response.status}
            except Exception as error:
                last_error = error
                await _first_willing(handlers, state, _retry_request(url, request_args),
                                     error=error)
                if not state.next_attempt_requested:
                    raise
        if last_error is not None:
            raise last_error
        raise RuntimeError(f"{url}: no answer after {MAX_ATTEMPTS} attempts")


async def _read(response: aiohttp.ClientResponse) -> tuple[Any, dict[str, Any]]:
    """The answer's body as slack_sdk reads it, and how it shows it to retry handlers."""
    if response.content_type == "application/gzip":
        data: Any = await response.read()
        return data, {"data": data}
    if response.content_type == "text/plain":
        data = await response.text()
        return data, {"data": data}
    try:
        data = await response.json(loads=loads)  # json.loads' answer, by orjson
    except aiohttp.ContentTypeError:
        return {}, {}
    except json.decoder.JSONDecodeError:
        try:  # slack_sdk's words, and its wrapping of them
            body: str = await response.text()
            raise SlackApiError(_build_unexpected_body_error_message(body), response)
        except Exception as error:
            raise SlackApiError(f"Unexpectedly failed to read the response body: {error}",
                                response) from None
    return data, {"body": data}


async def _first_willing(handlers: list[AsyncRetryHandler], state: RetryState,
                         request: HttpRequest, **outcome: Any) -> None:
    """The first handler that will retry after this answer or error prepares the next
    attempt, as slack_sdk's loop does."""
    for handler in handlers:
        if await handler.can_retry_async(state=state, request=request, **outcome):
            await handler.prepare_for_next_attempt_async(state=state, request=request,
                                                         **outcome)
            return


def _retry_request(url: str, request_args: dict[str, Any]) -> HttpRequest:
    return HttpRequest(method="POST", url=url, headers=request_args["headers"],
                       body_params=request_args.get("params"), data=request_args.get("data"))
