"""The link check's HTTP probe against local servers: what each kind of answer is called."""

from __future__ import annotations

import socket
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult

from adapters.linkcheck.http import HttpLinkProbe
from bot.links import LinkOutcome, links_in
from tests.clocks.linkservers import closed_port_url, link_site


class LocalNames(AbstractResolver):
    """Every name is this machine, except names ending .broken, which do not exist: the probe
    never asks a real DNS server."""

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        if host.endswith(".broken"):
            raise OSError(socket.EAI_NONAME, "Name or service not known")
        return [{"hostname": host, "host": "127.0.0.1", "port": port, "family": socket.AF_INET,
                 "proto": 0, "flags": socket.AI_NUMERICHOST}]

    async def close(self) -> None:
        return None


def probe(**changes: float) -> HttpLinkProbe:
    settings = {"timeout_seconds": 0.5, "max_redirects": 5, "per_host_seconds": 0.0,
                **changes}
    return HttpLinkProbe(timeout_seconds=settings["timeout_seconds"],
                         max_redirects=int(settings["max_redirects"]),
                         per_host_seconds=settings["per_host_seconds"])


async def test_each_answer_is_named_working_or_broken() -> None:
    async with link_site() as site:
        dead = closed_port_url()
        urls = {name: site.base + path for name, path in {
            "ok": "/ok", "chain": "/chain/3", "long_chain": "/chain/9", "loop": "/loop/a",
            "404": "/status/404", "410": "/status/410", "500": "/status/500",
            "get_only": "/get-only", "slow": "/slow"}.items()}
        urls["closed"] = dead
        found = await probe().check(list(urls.values()))
        got = {name: (found[url].ok, found[url].detail) for name, url in urls.items()}
    assert got == {
        "ok": (True, "200 OK"),
        "chain": (True, "200 OK"),                     # three 301s, then the page
        "long_chain": (False, "more than 5 redirects"),
        "loop": (False, "redirect loop"),
        "404": (False, "404 Not Found"),
        "410": (False, "410 Gone"),
        "500": (False, "500 Internal Server Error"),
        "get_only": (True, "200 OK"),                  # HEAD refused (405), GET answered
        "slow": (False, "timeout"),
        "closed": (False, "cannot connect"),
    }


async def test_head_first_and_get_only_where_head_is_refused() -> None:
    async with link_site() as site:
        await probe().check([site.base + "/ok", site.base + "/get-only"])
    assert ("HEAD", "/ok") in site.hits and ("GET", "/ok") not in site.hits
    assert [h for h in site.hits if h[1] == "/get-only"] == [("HEAD", "/get-only"),
                                                              ("GET", "/get-only")]


async def test_redirects_are_followed_by_hand_within_the_limit() -> None:
    async with link_site() as site:
        found = await probe(max_redirects=2).check([site.base + "/chain/2",
                                                    site.base + "/chain/3"])
    assert found[site.base + "/chain/2"].ok
    assert found[site.base + "/chain/3"].detail == "more than 2 redirects"


async def test_a_name_that_does_not_resolve_and_a_failed_tls_handshake() -> None:
    async with link_site() as site:
        port = site.base.rsplit(":", 1)[1]
        checker = HttpLinkProbe(timeout_seconds=2.0, max_redirects=5, per_host_seconds=0.0,
                                resolver=LocalNames())
        found: dict[str, Any] = await checker.check([
            "http://nowhere.broken/page",
            f"https://127.0.0.1:{port}/ok",  # TLS to a server that speaks plain HTTP
            f"http://pages.local:{port}/ok"])  # resolved here: the same local server
    assert {url: (o.ok, o.detail) for url, o in found.items()} == {
        "http://nowhere.broken/page": (False, "DNS failure"),
        f"https://127.0.0.1:{port}/ok": (False, "TLS failure"),
        f"http://pages.local:{port}/ok": (True, "200 OK")}


async def test_a_link_no_client_can_parse_is_broken_and_the_rest_are_checked() -> None:
    async with link_site() as site:
        good = site.base + "/ok"
        found = await probe().check(["https://[::1", "https://example.test:99999/", good])
    assert found["https://[::1"] == LinkOutcome(False, "not a valid link")
    assert found["https://example.test:99999/"] == LinkOutcome(False, "not a valid link")
    assert found[good].ok


def test_links_in_a_post_that_no_client_can_parse_are_not_collected() -> None:
    text = "See https://[::1 and https://pickering.example:99999/x or https://pickering.ca/pool"
    assert links_in(text, 20) == ["https://pickering.ca/pool"]
