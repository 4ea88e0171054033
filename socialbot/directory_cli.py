"""`socialbot directory`: the directory the bot keeps, from a CSV export or Entra ID."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import NoReturn, Protocol

import click

from bot import messages
from bot.directory_csv import read_people_csv
from bot.directory_sync import DirectoryKeeper, DirectoryProblem
from socialbot.cli_config import CONFIG_OPTION, config_and_store_path, load_or_exit
from socialbot.loopback import Refusal, advert, ask_server

EXIT_INVALID = 2


@click.group()
def directory() -> None:
    """The staff directory: import a CSV export, sync from Entra ID, show its history."""


class _Closable(Protocol):
    def close(self) -> None: ...


class _HeldByServer(Exception):
    """A running `socialbot serve` holds the store: the work goes through it."""


def _open(config_path: Path, *, write: bool) -> tuple[DirectoryKeeper, _Closable]:
    """The keeper over the store: writable (to apply) or read-only (a dry run, safe beside a
    running server). Returns the keeper and what to close. Raises _HeldByServer when a
    running server holds the store (then the command asks the server)."""
    from socialbot.bootstrap import build, build_directory_reader
    from storage.engine import StoreError, StoreLocked

    config, base_dir = load_or_exit(config_path)
    try:
        if not write:
            return build_directory_reader(config, base_dir)
        from adapters.console.notices import CHANNEL as CONSOLE_CHANNEL
        from socialbot.serve import available_platforms

        # The channels the server delivers through: the new signers' notices wait for them.
        names = (CONSOLE_CHANNEL, *(name for name, _ in available_platforms(config)))
        runtime = build(config, base_dir, channel_names=names)
        keeper = runtime.services.directory_keeper
        assert keeper is not None
        return keeper, runtime
    except StoreLocked:
        if _advert(config_path).exists():
            raise _HeldByServer() from None
        click.echo("error: the store is in use by another process that is not a running "
                   "`socialbot serve`", err=True)
        sys.exit(1)
    except StoreError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)


def _advert(config_path: Path) -> Path:
    return advert(_store(config_path))


def _store(config_path: Path) -> Path:
    return config_and_store_path(config_path)[1]


def _through_server(config_path: Path, route: str, body: bytes = b"") -> str:
    """POST to the running server's loopback operations route; its report, or exit."""
    found = ask_server(_store(config_path), route, body, content_type="text/csv", timeout=600,
                       on_refusal=_refused, server="the running server")
    return str(found["report"])


def _refused(refusal: Refusal) -> NoReturn:
    answer_body = refusal.answer if refusal.answer is not None else \
        {"error": refusal.text[:300]}
    if refusal.code == 422:
        click.echo("error: nothing changed:", err=True)
        for line in answer_body.get("problems", []):
            click.echo(f"  {line}", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"error: the server answered {refusal.code}: "
               f"{answer_body.get('error', refusal.text[:300])}", err=True)
    sys.exit(EXIT_INVALID if refusal.code == 503 else 1)


@directory.command("import")
@CONFIG_OPTION
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--apply", "apply_it", is_flag=True,
              help="Apply the difference (without it: print it and change nothing).")
def import_csv(config_path: Path, csv_file: Path, apply_it: bool) -> None:
    """Compare the people in CSV_FILE (an HR export; columns named like a person's keys in
    app.yaml) with the directory: people added, changed and gone."""
    try:
        data = csv_file.read_bytes()
    except OSError as error:
        click.echo(f"error: {csv_file}: cannot read: {error.strerror}", err=True)
        sys.exit(EXIT_INVALID)
    try:
        parsed = read_people_csv(data)
    except DirectoryProblem as problem:
        _refuse(csv_file, problem)
    try:
        keeper, handle = _open(config_path, write=apply_it)
    except _HeldByServer:
        from urllib.parse import quote

        click.echo(_through_server(config_path, "/ops/directory/import?apply=1&name="
                                   + quote(csv_file.name[:100]), data))
        return
    try:
        try:
            diff = keeper.difference(parsed.rows, columns=parsed.columns, source="csv",
                                     where=parsed.where)
        except DirectoryProblem as problem:
            _refuse(csv_file, problem)
        if apply_it:
            keeper.apply(diff, actor_id="operator")
        click.echo(messages.directory_diff(diff, applied=apply_it, source_name=csv_file.name,
                                           offboarding=True,
                                           ignored=parsed.ignored))
    finally:
        handle.close()


def _refuse(csv_file: Path, problem: DirectoryProblem) -> None:
    click.echo(f"error: {csv_file}: nothing changed:", err=True)
    for line in problem.problems:
        click.echo(f"  {line}", err=True)
    sys.exit(EXIT_INVALID)


@directory.command("sync")
@CONFIG_OPTION
@click.option("--dry-run", is_flag=True, help="Print the difference and change nothing.")
def sync(config_path: Path, dry_run: bool) -> None:
    """Read Microsoft Entra ID now (directory.sources.entra) and apply what changed."""
    from adapters.entra.graph import GraphError
    from socialbot.directory_sync_job import SyncUnavailable, entra_difference

    config, _ = load_or_exit(config_path)
    try:
        keeper, handle = _open(config_path, write=not dry_run)
    except _HeldByServer:
        click.echo(_through_server(config_path, "/ops/directory/sync"))
        return
    try:
        try:
            outcome = asyncio.run(entra_difference(config, keeper))
        except SyncUnavailable as problem:
            click.echo(f"error: cannot sync from Entra ID: {problem}", err=True)
            sys.exit(EXIT_INVALID)
        except (GraphError, OSError) as problem:
            click.echo(f"error: Microsoft Graph: {problem}", err=True)
            sys.exit(1)
        except DirectoryProblem as problem:
            click.echo("error: Entra ID's people cannot be taken in; nothing changed:",
                       err=True)
            for line in problem.problems[:20]:
                click.echo(f"  {line}", err=True)
            sys.exit(EXIT_INVALID)
        if not dry_run:
            keeper.apply(outcome.diff, actor_id="operator")
        click.echo(messages.directory_diff(outcome.diff, applied=not dry_run,
                                           source_name="Entra ID",
                                           offboarding=True,
                                           how_to_apply="without --dry-run to apply"))
        click.echo(messages.entra_counts(outcome.users, outcome.skipped, outcome.throttled))
    finally:
        handle.close()


@directory.command("history")
@CONFIG_OPTION
@click.argument("person", required=False)
def history(config_path: Path, person: str | None) -> None:
    """Print the directory's history (every change a source or a person made), or PERSON's."""
    keeper, handle = _open(config_path, write=False)
    try:
        events = keeper.history(person)
        if not events:
            click.echo("No changes recorded.")
        for e in events:
            fields = "; ".join(f"{k}: {old or '-'} -> {new or '-'}"
                               for k, (old, new) in e.fields.items())
            detail = ", ".join(x for x in (fields, e.note) if x)
            click.echo(f"{e.seq:>5} {e.at.isoformat()} {e.source:<7} {e.person_id} "
                       f"{e.change}" + (f": {detail}" if detail else ""))
    finally:
        handle.close()

