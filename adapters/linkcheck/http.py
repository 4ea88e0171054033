"""The link check's HTTP side (bot/links.py `LinkProbe`): HEAD, else GET, politely.

Each link is asked with HEAD; a server that refuses HEAD (405, 501) is asked with GET, and the
body is never read. Redirects are followed by hand up to `max_redirects`, so a loop is named
as one. Every request has a short timeout. Links on one host are checked one after another,
`per_host_seconds` apart; different hosts are checked side by side.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Sequence
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from bot.links import LinkOutcome

USER_AGENT = "socialbot-link-check/1 (City of Pickering; ADM 140-007 04.02 l)"
HEAD_REFUSED = frozenset({405, 501})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_HOSTS_AT_ONCE = 8


class HttpLinkProbe:
    def __init__(self, *, timeout_seconds: float, max_redirects: int,
                 per_host_seconds: float, resolver: AbstractResolver | None = None) -> None:
        self.resolver = resolver  # None: the system's (tests give one that never goes out)
        self.timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self.max_redirects = max_redirects
        self.per_host_seconds = per_host_seconds

    async def check(self, urls: Sequence[str]) -> dict[str, LinkOutcome]:
        by_host: dict[str, list[str]] = {}
        results: dict[str, LinkOutcome] = {}
        for url in dict.fromkeys(urls):
            try:  # a link stored by an older version may not parse: broken, not a crash
                host = urlsplit(url).netloc.lower()
                urlsplit(url).port  # noqa: B018 - raises ValueError when out of range
            except ValueError:
                results[url] = LinkOutcome(False, "not a valid link")
                continue
            by_host.setdefault(host, []).append(url)
        gate = asyncio.Semaphore(MAX_HOSTS_AT_ONCE)
        connector = aiohttp.TCPConnector(resolver=self.resolver) if self.resolver else None
        async with aiohttp.ClientSession(timeout=self.timeout, connector=connector,
                                         headers={"User-Agent": USER_AGENT}) as session:
            async def one_host(host_urls: list[str]) -> None:
                async with gate:
                    for n, url in enumerate(host_urls):
                        if n:
                            await asyncio.sleep(self.per_host_seconds)
                        results[url] = await self.check_one(session, url)

            await asyncio.gather(*(one_host(u) for u in by_host.values()))
        return results

    async def check_one(self, session: aiohttp.ClientSession, url: str) -> LinkOutcome:
        seen = {url}
        current = url
        for _ in range(self.max_redirects + 1):
            try:
                status, reason, location = await self._ask(session, current)
            except TimeoutError:
                return LinkOutcome(False, "timeout")
            except aiohttp.ClientConnectorDNSError:
                return LinkOutcome(False, "DNS failure")
            except (aiohttp.ClientConnectorCertificateError, aiohttp.ClientSSLError,
                    ssl.SSLError):
                return LinkOutcome(False, "TLS failure")
            except aiohttp.ClientConnectorError:
                return LinkOutcome(False, "cannot connect")
            except (aiohttp.ClientError, ValueError) as error:
                return LinkOutcome(False, f"error ({type(error).__name__})")
            if status in REDIRECTS and location:
                current = urljoin(current, location)
                if current in seen:
                    return LinkOutcome(False, "redirect loop", status)
                seen.add(current)
                continue
            detail = f"{status} {reason}".strip()
            return LinkOutcome(status < 400, detail, status)
        return LinkOutcome(False, f"more than {self.max_redirects} redirects")

    async def _ask(self, session: aiohttp.ClientSession,
                   url: str) -> tuple[int, str, str]:
        async with session.head(url, allow_redirects=False) as answer:
            status, reason = answer.status, answer.reason or ""
            location = answer.headers.get("Location", "")
        if status in HEAD_REFUSED:
            async with session.get(url, allow_redirects=False) as answer:
                status, reason = answer.status, answer.reason or ""
                location = answer.headers.get("Location", "")
        return status, reason, location
