"""`socialbot directory import --apply` and `directory sync` beside a running server: the
store is the server's to write, so the command sends the work to these loopback-only routes
(the console token from the data directory, like `/ops/outbox/retry`).

    POST /ops/directory/import?apply=1   body: the CSV file as it is
    POST /ops/directory/sync[?dry_run=1]

200 `{"report": text}`; 422 `{"problems": [...]}` when the file or Entra's people cannot be
taken in (nothing changed); 503 `{"error": ...}` when the sync is not configured, 502 when
Graph failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from adapters.entra.graph import GraphError
from bot import messages
from bot.directory_csv import read_people_csv
from bot.directory_sync import DirectoryProblem
from bot.limits import MAX_DIRECTORY_CSV_BYTES
from socialbot.bootstrap import Runtime
from socialbot.directory_sync_job import SyncUnavailable, entra_difference

CHUNK = 64 * 1024


def add_routes(app: web.Application, *, runtime: Callable[[web.Request], Any],
               check_caller: Callable[[web.Request], None]) -> None:
    """`runtime(request)` is the server's Runtime; `check_caller` refuses all but the local
    operator (loopback and the console token)."""

    async def on_import(request: web.Request) -> web.Response:
        check_caller(request)
        return await directory_import(request, runtime(request))

    async def on_sync(request: web.Request) -> web.Response:
        check_caller(request)
        return await directory_sync(request, runtime(request))

    app.router.add_post("/ops/directory/import", on_import)
    app.router.add_post("/ops/directory/sync", on_sync)


async def _body(request: web.Request) -> bytes:
    """The whole body up to the CSV limit (more than aiohttp's default 1 MB)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await request.content.read(CHUNK):
        size += len(chunk)
        if size > MAX_DIRECTORY_CSV_BYTES:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_DIRECTORY_CSV_BYTES,
                                                actual_size=size)
        chunks.append(chunk)
    return b"".join(chunks)


async def directory_import(request: web.Request, bot: Runtime) -> web.Response:
    apply_it = request.query.get("apply") == "1"
    data = await _body(request)
    keeper = bot.services.directory_keeper
    if keeper is None:
        raise web.HTTPServiceUnavailable(text="the directory is not kept by this server")
    try:
        parsed = read_people_csv(data)
        diff = keeper.difference(parsed.rows, columns=parsed.columns, source="csv",
                                 where=parsed.where)
    except DirectoryProblem as problem:
        return web.json_response({"problems": problem.problems}, status=422)
    if apply_it:
        keeper.apply(diff, actor_id="operator")
        bot.dispatcher.wake()
    name = request.query.get("name", "the file")[:100]
    return web.json_response({"report": messages.directory_diff(
        diff, applied=apply_it, source_name=name, offboarding=True, ignored=parsed.ignored)})


async def directory_sync(request: web.Request, bot: Runtime) -> web.Response:
    dry_run = request.query.get("dry_run") == "1"
    keeper = bot.services.directory_keeper
    if keeper is None:
        raise web.HTTPServiceUnavailable(text="the directory is not kept by this server")
    try:
        outcome = await entra_difference(bot.config, keeper)
    except SyncUnavailable as problem:
        return web.json_response({"error": f"cannot sync from Entra ID: {problem}"},
                                 status=503)
    except (GraphError, OSError) as problem:
        return web.json_response({"error": f"Microsoft Graph: {problem}"}, status=502)
    except DirectoryProblem as problem:
        return web.json_response({"problems": problem.problems[:20]}, status=422)
    if not dry_run:
        try:
            keeper.apply(outcome.diff)
        except DirectoryProblem as problem:  # an import landed while Graph was being read
            return web.json_response({"problems": problem.problems}, status=422)
        bot.dispatcher.wake()
    report = messages.directory_diff(outcome.diff, applied=not dry_run, source_name="Entra ID",
                                     offboarding=True, how_to_apply="without --dry-run to apply")
    return web.json_response({"report": report + "\n" + messages.entra_counts(
        outcome.users, outcome.skipped, outcome.throttled)})
