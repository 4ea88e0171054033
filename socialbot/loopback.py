"""Asking the running server from the command line.

A running `socialbot serve` holds the store; it advertises its loopback URL and console token in
a file beside the store (`<store>.console.json`). A command that must write while the server runs
sends its work to the server's `/ops/...` route with that token instead. `ask_server` is that one
round trip: the advert read, the POST, and what to say when there is no server, it cannot be
reached, or it refuses. The wording and exit codes of a refusal stay each command's own
(`on_refusal`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from urllib import error, request

import click

from socialbot import messages
from storage.engine import StoreError, StoreLocked

if TYPE_CHECKING:
    from bot.config import AppConfig
    from socialbot.bootstrap import Runtime


def fail(text: str, code: int = 1) -> NoReturn:
    """Say `error: text` on stderr and exit with `code`."""
    click.echo(f"error: {text}", err=True)
    sys.exit(code)


def advert(store: Path) -> Path:
    """Where a running server that holds `store` advertises its URL and console token."""
    return store.with_name(store.name + ".console.json")


def served_advert(store: Path, stop_first: bool = True) -> Path:
    """The advert of the server holding `store`; exits 1 when the store is held by something
    that is not a server (saying to stop it first, unless `stop_first` is false)."""
    found = advert(store)
    if not found.exists():
        fail(messages.locked_without_server(store, stop_first))
    return found


@dataclass(frozen=True)
class Refusal:
    """A non-2xx answer: its status, its body as text, and that body as JSON (None if it is
    not JSON)."""

    code: int
    text: str
    answer: Any


def refused(refusal: Refusal) -> NoReturn:
    """The default: exit 1 with the status and the start of the server's answer."""
    fail(messages.server_refused(refusal.code, refusal.text))


def ask_server(store: Path, route: str, body: dict[str, Any] | bytes, *, timeout: float = 30,
               content_type: str = "application/json",
               on_refusal: Callable[[Refusal], Any] = refused,
               stop_first: bool = True, server: str = "the running bot") -> Any:
    """POST `body` (JSON, or bytes sent as `content_type`) to `route` on the server holding
    `store`, with its console token; the answer's JSON. A refusal goes to `on_refusal`, which
    returns the answer to use or exits; an unreachable server exits 1 naming `server`; no
    server at all exits 1 (see `served_advert`)."""
    info = json.loads(served_advert(store, stop_first).read_text())
    url = info["url"].rstrip("/") + route
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    call = request.Request(url, data=data, method="POST", headers={
        "Content-Type": content_type, "Authorization": f"Bearer {info['token']}"})
    try:
        with request.urlopen(call, timeout=timeout) as answer:
            return json.loads(answer.read())
    except error.HTTPError as problem:
        raw = problem.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        return on_refusal(Refusal(problem.code, raw.decode(errors="replace"), parsed))
    except OSError as problem:
        fail(messages.server_unreachable(url, problem, server))


def here_or_on_server(config: AppConfig, base_dir: Path, route: str, body: dict[str, Any],
                      here: Callable[[Runtime, dict[str, Any]], dict[str, Any]], *,
                      on_refusal: Callable[[Refusal], Any] = refused, timeout: float = 30,
                      stop_first: bool = True,
                      server: str = "the running bot") -> dict[str, Any]:
    """`here(bot, body)` on the deployment's store when this process can open it; when a
    running server holds it, `body` goes to the server's `route` instead (`ask_server`).
    Either way the answer as JSON-ready data. A store that cannot be opened for another
    reason exits 1."""
    from socialbot.bootstrap import build, resolve

    try:
        bot = build(config, base_dir)
    except StoreLocked:
        found: dict[str, Any] = ask_server(
            resolve(base_dir, config.storage.path), route, body, timeout=timeout,
            on_refusal=on_refusal, stop_first=stop_first, server=server)
        return found
    except StoreError as problem:
        fail(str(problem))
    try:
        return here(bot, body)
    finally:
        bot.close()
