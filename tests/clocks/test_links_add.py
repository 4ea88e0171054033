"""`socialbot links add` beside a running server: the server owns the store, so the command goes
through its loopback route POST /ops/links/add (the console token from the data directory),
which registers the link durably; refused or malformed, it changes nothing and is never a 5xx;
callers that are not local, or without the token, are turned away."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib import error, request

import aiohttp
import pytest
from aiohttp import web

from bot.config import AppConfig, load_config
from socialbot.bootstrap import build
from socialbot.server import TOKEN_KEY, create_app
from storage.case_tables import TinyDBLinkStore
from storage.engine import Store
from storage.tinydb_repository import TinyDBRepository
from tests.support import data_dir_config, run_socialbot, running_server

PAGE = "https://pickering.example/pool-schedule"


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return data_dir_config(tmp_path)


def post(url: str, body: bytes, token: str) -> tuple[int, Any]:
    call = request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/json", **({"Authorization": token} if token else {})})
    try:
        with request.urlopen(call, timeout=30) as answer:
            return answer.status, json.loads(answer.read())
    except error.HTTPError as refused:
        text = refused.read().decode()
        try:
            return refused.code, json.loads(text)
        except ValueError:
            return refused.code, text


def sources(config_file: Path) -> list[tuple[str, str, str]]:
    config, base_dir = load_config(config_file)
    store = Store(base_dir / config.storage.path, read_only=True)
    return [(s.url, s.account_id, s.registered_by)
            for s in TinyDBLinkStore(TinyDBRepository(store)).sources()]


def test_links_add_beside_a_running_server_goes_through_it(config_file: Path,
                                                          tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    with running_server(config_file, log_path) as process:
        args = ("--account", "facebook:Recreation")
        links = ("links", "--config", str(config_file), "add")
        added = run_socialbot(*links, PAGE, *args, "--as", "kwong")
        assert added.returncode == 0, added.stderr
        assert added.stdout.strip() == f"{PAGE}: registered for facebook:Recreation"
        again = run_socialbot(*links, PAGE, *args, "--as", "kwong")
        assert again.stdout.strip() == f"{PAGE}: already registered for facebook:Recreation"
        staff = run_socialbot(*links, PAGE + "/2", *args, "--as", "adoe")
        assert staff.returncode == 2
        assert "Only the CCT registers links to check by hand." in staff.stderr
        bad = run_socialbot(*links, "ftp://pickering.example/x", *args, "--as", "kwong")
        assert bad.returncode == 2 and "is not a link" in bad.stderr
        # what the server was told is on disk already: a read-only look sees it
        assert sources(config_file) == [(PAGE, "facebook:Recreation", "kwong")]

        advert = json.loads((config_file.parent / "data" / "bot.json.console.json")
                            .read_text())
        url, token = advert["url"] + "/ops/links/add", f"Bearer {advert['token']}"
        good = json.dumps({"url": PAGE + "/x", "account": "facebook:Recreation",
                           "as": "kwong"}).encode()
        for wrong in ("", "Bearer wrong"):
            assert post(url, good, wrong)[0] == 401
        for body in (b"", b"{", b"[]", b"null", b"42", b'"text"', b'{"url": 1}',
                     json.dumps({"url": PAGE, "account": ["x"], "as": "kwong"}).encode(),
                     json.dumps({"url": PAGE, "account": "", "as": "kwong"}).encode(),
                     json.dumps({"url": "x" * 5000, "account": "a", "as": "kwong"}).encode(),
                     json.dumps({"url": PAGE, "account": "a", "as": "nobody"}).encode()):
            status, answer = post(url, body, token)
            assert status == 400 and "error" in answer, (body, status, answer)
        assert sources(config_file) == [(PAGE, "facebook:Recreation", "kwong")]
    assert process.returncode == 0
    assert "ERROR" not in log_path.read_text()
    assert sources(config_file) == [(PAGE, "facebook:Recreation", "kwong")]


def test_links_add_with_the_server_stopped_writes_the_store(config_file: Path) -> None:
    added = run_socialbot("links", "--config", str(config_file), "add", PAGE, "--account",
                          "facebook:Recreation", "--as", "rsingh")
    assert added.returncode == 0, added.stderr
    assert sources(config_file) == [(PAGE, "facebook:Recreation", "rsingh")]


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def test_a_caller_that_is_not_local_is_refused(tmp_path: Path,
                                                     sample_config: AppConfig) -> None:
    """As if the server were reached from another machine (behind a proxy that reports the
    caller's address): 403, even with the right token, and nothing registered."""
    bot = build(sample_config, tmp_path)
    app = create_app(bot)

    @web.middleware
    async def from_afar(http: web.Request, handler: Handler) -> web.StreamResponse:
        return await handler(http.clone(remote="203.0.113.9"))

    app.middlewares.insert(0, from_afar)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        port = runner.addresses[0][1]
        async with aiohttp.ClientSession() as http, http.post(
                f"http://127.0.0.1:{port}/ops/links/add",
                json={"url": PAGE, "account": "facebook:Recreation", "as": "kwong"},
                headers={"Authorization": f"Bearer {app[TOKEN_KEY]}"}) as answer:
            assert answer.status == 403
        assert bot.clocks.links.store.sources() == []
    finally:
        await runner.cleanup()
        bot.close()


async def test_a_link_no_http_client_can_parse_is_refused_with_400(
        tmp_path: Path, sample_config: AppConfig) -> None:
    """`https://[::1` or a port past 65535 looks like a link but cannot be fetched (urlsplit
    raises); registered, it would stop every weekly check. 400, nothing registered."""
    bot = build(sample_config, tmp_path, fsync=False)
    app = create_app(bot)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        port = runner.addresses[0][1]
        async with aiohttp.ClientSession() as http:
            for url in ("https://[::1", "https://pickering.example:99999/pool"):
                async with http.post(
                        f"http://127.0.0.1:{port}/ops/links/add",
                        json={"url": url, "account": "facebook:Recreation", "as": "kwong"},
                        headers={"Authorization": f"Bearer {app[TOKEN_KEY]}"}) as answer:
                    assert answer.status == 400, url
                    assert "is not a link" in (await answer.json())["error"]
            async with http.post(
                    f"http://127.0.0.1:{port}/ops/links/add",
                    json={"url": "https://pickering.ca/pool", "account": "AC-1\u0000\u001b[2J",
                          "as": "kwong"},
                    headers={"Authorization": f"Bearer {app[TOKEN_KEY]}"}) as answer:
                assert answer.status == 400  # control characters are no account's name
        assert bot.clocks.links.store.sources() == []
    finally:
        await runner.cleanup()
        bot.close()
