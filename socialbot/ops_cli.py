"""Operations commands: the outbox (list, retry), backup, restore and verify of the store."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from bot.notifications import Notification
from socialbot import messages
from socialbot.cli_config import CONFIG_OPTION, config_and_store_path
from socialbot.loopback import ask_server
from socialbot.loopback import fail as _fail
from storage.engine import Store, StoreError, StoreLocked
from storage.tinydb_repository import TinyDBRepository

MAX_ERROR_CHARS = 120  # platform errors can be long; the listing shows their start


# -- socialbot outbox -------------------------------------------------------------------------

@click.group(invoke_without_command=True)
@CONFIG_OPTION
@click.option("--dead", is_flag=True, help="List the notices given up on (dead letters).")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def outbox(context: click.Context, config_path: Path, dead: bool, output: str) -> None:
    """List the notices waiting to be delivered (or, with --dead, given up on).

    Safe beside a running server (read-only). Shows ids, channels and errors: no message text.
    """
    context.obj = config_path
    if context.invoked_subcommand is not None:
        return
    _, path = config_and_store_path(config_path)
    try:
        store = Store(path, read_only=True)
    except StoreError as problem:
        _fail(str(problem))
    rows = [_row(record) for record in TinyDBRepository(store).outbox_records(dead=dead)]
    if output == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo(messages.DEAD_EMPTY if dead else messages.OUTBOX_EMPTY)
        return
    click.echo(messages.outbox_header(dead, len(rows)))
    for row in rows:
        next_try = messages.GIVEN_UP if row["dead"] else row["next_try"]
        click.echo(f"  {row['id']}  {row['channel']}  {row['kind']}  attempts={row['attempts']}"
                   f"  next={next_try}  queued={row['queued_at'] or '?'}")
        if row["last_error"]:
            click.echo(f"      last error: {row['last_error'][:MAX_ERROR_CHARS]}")


def _row(record: dict[str, Any]) -> dict[str, Any]:
    note = Notification.from_record(record["notification"])
    return {"id": record["id"], "channel": record["channel"], "kind": note.kind,
            "intent": note.intent, "subject": note.case_id, "step": note.step,
            "attempts": record["attempts"], "dead": record["dead"],
            "next_try": _when(record["not_before"]), "queued_at": _when(record.get("queued_at")),
            "last_error": record["last_error"]}


def _when(epoch: float | None) -> str | None:
    if not epoch:
        return None
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


@outbox.command()
@click.argument("message_ids", nargs=-1)
@click.option("--all-dead", is_flag=True, help="Put back every dead letter.")
@click.option("--config", "own_config", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The deployment's configuration (also accepted before `retry`).")
@click.pass_obj
def retry(group_config: Path, message_ids: tuple[str, ...], all_dead: bool,
          own_config: Path | None) -> None:
    """Put notices back for delivery now, with a fresh round of attempts.

    Beside a running server this goes through its loopback endpoint (the server owns the
    store); otherwise it writes the store directly.
    """
    if all_dead == bool(message_ids):
        _fail(messages.RETRY_WHAT, code=2)
    _, path = config_and_store_path(own_config or group_config)
    wanted = None if all_dead else list(message_ids)
    try:
        store = Store(path)
    except StoreLocked:
        retried = _retry_through_server(path, wanted)
    except StoreError as problem:
        _fail(str(problem))
    else:
        try:
            retried = TinyDBRepository(store).retry(wanted, time.time())
        finally:
            store.close()
    click.echo(messages.retried(retried))
    missing = [i for i in message_ids if i not in retried]
    if missing:
        _fail(messages.not_in_outbox(missing))


def _retry_through_server(path: Path, wanted: list[str] | None) -> list[str]:
    body = {"all_dead": True} if wanted is None else {"ids": wanted}
    return list(ask_server(path, "/ops/outbox/retry", body)["retried"])


# -- socialbot backup / restore / verify ------------------------------------------------------

@click.command()
@CONFIG_OPTION
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def backup(config_path: Path, target: Path) -> None:
    """Write a consistent copy of the store to TARGET (safe while the server runs)."""
    from storage.backup import backup as take_backup

    _, path = config_and_store_path(config_path)
    try:
        summary = take_backup(path, target)
    except StoreError as problem:
        _fail(str(problem))
    click.echo(messages.backed_up(summary.path, summary.requests, summary.outbox,
                                  len(summary.tables)))


@click.command()
@CONFIG_OPTION
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
def restore(config_path: Path, source: Path) -> None:
    """Replace the store with the backup SOURCE; the server must be stopped.

    The current files are kept beside it, renamed with a time stamp; the restored store is
    verified before the command reports success.
    """
    from storage.backup import check_backup
    from storage.backup import restore as install

    _, path = config_and_store_path(config_path)
    try:
        summary = check_backup(source)
        kept = install(source, path)
    except StoreLocked as problem:
        _fail(messages.restore_refused(problem))
    except StoreError as problem:
        _fail(str(problem))
    problems, _ = verify_store(path)
    if problems:
        _fail(messages.verify_failed(path, problems))
    click.echo(messages.restored(source, path, list(kept), summary.requests))


@click.command()
@CONFIG_OPTION
def verify(config_path: Path) -> None:
    """Check that every stored record can be read and that every case's history matches its
    hash chain (safe while the server runs); exits 1 naming the first entry that does not."""
    _, path = config_and_store_path(config_path)
    problems, counts = verify_store(path)
    if problems:
        _fail(messages.verify_failed(path, problems))
    click.echo(messages.verified(path, counts))


def verify_store(path: Path) -> tuple[list[str], dict[str, int]]:
    """Open the store as a reader and parse every request, alert and outbox message."""
    from bot.accounts import Account
    from bot.domain import SocialMediaRequest
    from bot.grants import AccessGrant
    from bot.moderation.desk import alert_from_record
    from bot.notifications import Notification
    from bot.offboarding import OffboardingCase
    from bot.tasks import PasswordTask
    from storage.accounts_repository import ACCOUNTS, GRANTS, OFFBOARDINGS, TASKS

    if not path.exists() and not path.with_name(path.name + ".journal").exists():
        return [messages.no_store(path)], {}
    try:
        store = Store(path, read_only=True)
    except StoreError as problem:
        return [str(problem)], {}
    parsers: dict[str, Any] = {
        "requests": SocialMediaRequest.from_record, "alerts": alert_from_record,
        "outbox": lambda record: Notification.from_record(record["notification"]),
        # The account register and its duties (storage/accounts_repository.py).
        ACCOUNTS: Account.from_record, TASKS: PasswordTask.from_record,
        OFFBOARDINGS: OffboardingCase.from_record, GRANTS: AccessGrant.from_record,
        **_clock_parsers(),
    }
    problems: list[str] = []
    counts: dict[str, int] = {}
    for table, parse in parsers.items():
        counts[table] = store.count(table)
        for doc_id, record in store.items(table):
            try:
                parsed = parse(record)
            except Exception as failure:  # any damage is reported, none stops the check
                problems.append(f"{table}/{doc_id}: {type(failure).__name__}: {failure}"[:200])
                continue
            if table != "outbox":
                problems += _chain_problems(table, parsed.id, parsed.history)
    return problems, counts


def _clock_parsers() -> dict[str, Any]:
    """The procedure's clocks' case tables (issue 12): chained like every case."""
    from bot.links import BrokenLink
    from bot.questions import Question
    from bot.reviews import AccountReview
    from storage.case_tables import ACCOUNT_REVIEWS, BROKEN_LINKS, QUESTIONS

    return {BROKEN_LINKS: BrokenLink.from_record, QUESTIONS: Question.from_record,
            ACCOUNT_REVIEWS: AccountReview.from_record}


def _chain_problems(table: str, case_id: str, history: tuple[Any, ...]) -> list[str]:
    """The first entry of a case's history that does not match its hash chain, if any.

    A case whose entries all predate hashes is chained by the next writer to open the store
    (a recorded migration), so it is not damage.
    """
    from bot.audit import first_broken

    if history and not any(entry.hash for entry in history):
        return []
    broken = first_broken(case_id, history)
    return [] if broken is None else [messages.chain_broken(table, case_id, broken.seq)]
