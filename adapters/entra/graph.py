"""Reads users and their managers from Microsoft Graph with an app's client credentials.

`POST {authority}/{tenant}/oauth2/v2.0/token` (grant_type=client_credentials, scope
`https://graph.microsoft.com/.default`), then
`GET {graph}/v1.0/users?$select=...&$expand=manager($select=id)&$top=999`, following
`@odata.nextLink` to the last page. Throttling (429, and 503/504 which Graph also sends) is
retried after the `Retry-After` seconds it names (else an exponential backoff), a few times;
other failures raise GraphError with the status and Graph's error code, never the token.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot.entra_people import EntraUser

log = logging.getLogger(__name__)

SELECT = ("id", "givenName", "surname", "displayName", "mail", "userPrincipalName",
          "jobTitle", "department", "accountEnabled")
RETRY_STATUSES = frozenset({429, 503, 504})
MAX_ATTEMPTS = 6
MAX_WAIT_SECONDS = 300.0
MAX_PAGES = 1000


class GraphError(Exception):
    pass


@dataclass(frozen=True)
class GraphSettings:
    tenant_id: str
    client_id: str
    client_secret: str
    authority_url: str = "https://login.microsoftonline.com"
    graph_url: str = "https://graph.microsoft.com"
    timeout_seconds: float = 30.0


Sleep = Callable[[float], Awaitable[None]]


class GraphDirectory:
    def __init__(self, settings: GraphSettings, *, sleep: Sleep = asyncio.sleep) -> None:
        self.settings = settings
        self.sleep = sleep
        self.throttled = 0  # how many times Graph asked us to wait

    async def users(self) -> list[EntraUser]:
        timeout = aiohttp.ClientTimeout(total=self.settings.timeout_seconds)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            token = await self._token(session)
            query = urlencode({"$select": ",".join(SELECT),
                               "$expand": "manager($select=id)", "$top": "999"}, safe="$(),=")
            url: str | None = f"{self.settings.graph_url.rstrip('/')}/v1.0/users?{query}"
            users: list[EntraUser] = []
            pages = 0
            while url is not None:
                pages += 1
                if pages > MAX_PAGES:
                    raise GraphError(f"more than {MAX_PAGES} pages of users; stopped")
                page = await self._get(session, url, token)
                values = page.get("value")
                if not isinstance(values, list):
                    raise GraphError("a page of users without a 'value' list")
                users += [user_from_graph(v) for v in values if isinstance(v, dict)]
                link = page.get("@odata.nextLink")
                url = link if isinstance(link, str) and link else None
            log.info("read %d users from Microsoft Graph in %d pages (throttled %d times)",
                     len(users), pages, self.throttled)
            return users

    async def _token(self, session: aiohttp.ClientSession) -> str:
        s = self.settings
        url = f"{s.authority_url.rstrip('/')}/{s.tenant_id}/oauth2/v2.0/token"
        form = {"client_id": s.client_id, "client_secret": s.client_secret,
                "scope": f"{s.graph_url.rstrip('/')}/.default",
                "grant_type": "client_credentials"}
        body = await self._call(session, "POST", url, data=form)
        token = body.get("access_token")
        if not isinstance(token, str) or not token:
            raise GraphError("the token endpoint answered without an access_token")
        return token

    async def _get(self, session: aiohttp.ClientSession, url: str, token: str) -> dict[str, Any]:
        return await self._call(session, "GET", url,
                                headers={"Authorization": f"Bearer {token}",
                                         "ConsistencyLevel": "eventual"})

    async def _call(self, session: aiohttp.ClientSession, method: str, url: str,
                    **kwargs: Any) -> dict[str, Any]:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            async with session.request(method, url, **kwargs) as response:
                if response.status in RETRY_STATUSES and attempt < MAX_ATTEMPTS:
                    self.throttled += 1
                    wait = retry_after(response.headers.get("Retry-After"), attempt)
                    log.warning("Microsoft Graph answered %d; retrying in %.0f s",
                                response.status, wait)
                    await self.sleep(wait)
                    continue
                try:
                    body = await response.json(content_type=None)
                except (ValueError, aiohttp.ContentTypeError):
                    body = None
                if response.status != 200 or not isinstance(body, dict):
                    raise GraphError(f"{method} {url.split('?')[0]} answered {response.status}"
                                     f" ({error_code(body)})")
                return body
        raise GraphError(f"{method} {url.split('?')[0]}: still throttled after "
                         f"{MAX_ATTEMPTS} attempts")


def retry_after(header: str | None, attempt: int) -> float:
    """Graph's Retry-After (seconds), else 2, 4, 8... seconds; never more than 5 minutes."""
    try:
        seconds = float(header) if header is not None else 2.0 ** attempt
    except ValueError:
        seconds = 2.0 ** attempt
    return min(max(seconds, 0.0), MAX_WAIT_SECONDS)


def error_code(body: object) -> str:
    if isinstance(body, dict):
        error = body.get("error")
        if isinstance(error, dict):
            return str(error.get("code", "error"))[:80]
        if isinstance(error, str):
            return error[:80]
    return "no JSON body"


def user_from_graph(value: dict[str, Any]) -> EntraUser:
    manager = value.get("manager")

    def text(key: str) -> str:
        item = value.get(key)
        return item.strip() if isinstance(item, str) else ""

    return EntraUser(
        object_id=text("id"), given_name=text("givenName"), surname=text("surname"),
        display_name=text("displayName"), mail=text("mail"), upn=text("userPrincipalName"),
        job_title=text("jobTitle"), department=text("department"),
        enabled=value.get("accountEnabled") is not False,
        manager_id=str(manager.get("id", "")) if isinstance(manager, dict) else "")
