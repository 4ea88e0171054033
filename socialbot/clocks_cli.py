"""The procedure's clocks from the command line: `socialbot links` (04.02 l), `purge`,
`questions` (04.02 k) and `reviews` (04.02 n)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, NoReturn

import click

from bot.links import LinkCheck, results_table
from socialbot.cli_config import CONFIG_OPTION, config_and_store_path, load_or_exit
from socialbot.loopback import Refusal, ask_server, here_or_on_server
from socialbot.loopback import fail as _fail
from storage.engine import Store, StoreError, StoreLocked


@click.group(invoke_without_command=True)
@CONFIG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def links(context: click.Context, config_path: Path, output: str) -> None:
    """List the last link check's results (safe beside a running server).

    `socialbot links check` checks every link now; `socialbot links add` registers one.
    """
    context.obj = config_path
    if context.invoked_subcommand is not None:
        return
    from storage.case_tables import TinyDBLinkStore
    from storage.tinydb_repository import TinyDBRepository

    config, path = config_and_store_path(config_path)
    try:
        store = Store(path, read_only=True)
    except StoreError as problem:
        _fail(str(problem))
    check = TinyDBLinkStore(TinyDBRepository(store)).last_check()
    if output == "json":
        click.echo(json.dumps(check.to_record() if check else None, indent=2,
                              ensure_ascii=False))
        return
    click.echo(results_table(check, config.time_zone))


@links.command("check")
@click.pass_obj
def links_check(config_path: Path) -> None:
    """Check every link now; broken ones become cases, fixed ones close theirs."""

    config, base_dir = load_or_exit(config_path)
    found = here_or_on_server(
        config, base_dir, "/ops/links/check", {},
        lambda bot, _: asyncio.run(bot.clocks.links.check_now()).to_record(),
        **_ASKING, on_refusal=_refused)
    check = LinkCheck.from_record(found)
    click.echo(results_table(check, config.time_zone))


@links.command("add")
@click.argument("url")
@click.option("--account", required=True, help="The City account whose link this is.")
@click.option("--as", "person", required=True, help="Your person id (a CCT member).")
@click.pass_obj
def links_add(config_path: Path, url: str, account: str, person: str) -> None:
    """Register URL to be checked every week (the CCT, by hand). Beside a running server this
    goes through its loopback endpoint."""
    from socialbot.links_ops import register_link

    answer = here_or_on_server(*load_or_exit(config_path), "/ops/links/add",
                               {"url": url, "account": account, "as": person}, register_link,
                               **_ASKING, on_refusal=_refusal_body_or_refused)
    if "error" in answer:
        _fail(str(answer["error"]), code=2)
    click.echo(f"{answer['url']}: {'registered' if answer['added'] else 'already registered'} "
               f"for {answer['account']}")


# How these commands ask a running server (their own wording): links check can take long.
_ASKING: dict[str, Any] = {"timeout": 3600, "server": "the server", "stop_first": False}


def _through_server(path: Path, route: str, body: dict[str, Any]) -> dict[str, Any]:
    """Beside a running server (it holds the store): its loopback operations endpoint."""
    found: dict[str, Any] = ask_server(path, route, body, on_refusal=_refused, **_ASKING)
    return found


def _refused(refusal: Refusal) -> NoReturn:
    _fail(f"the server refused ({refusal.code})")


def _refusal_body_or_refused(refusal: Refusal) -> Any:
    """A 400 answering {"error": ...} is the answer (the command says its error)."""
    if refusal.code == 400 and refusal.answer is not None:
        return refusal.answer
    _refused(refusal)


# -- socialbot purge ------------------------------------------------------------------------------

@click.command()
@CONFIG_OPTION
@click.option("--dry-run", is_flag=True, help="Say what would go; change nothing.")
def purge(config_path: Path, dry_run: bool) -> None:
    """Remove what is past its retention period (`retention` in app.yaml).

    Signed history entries (who decided what, when) are kept, so `socialbot verify` still
    passes. Beside a running server this goes through its loopback endpoint.
    """
    from datetime import UTC, datetime

    from bot import messages
    from storage.retention import purge as run_purge

    config, path = config_and_store_path(config_path)
    try:
        store = Store(path, read_only=dry_run)
    except StoreLocked:
        found = _through_server(path, "/ops/purge", {"dry_run": dry_run})
        click.echo(messages.purge_report(dry_run, found["requests"], found["alerts"],
                                         found["questions"], found["counts"]))
        return
    except StoreError as problem:
        _fail(str(problem))
    try:
        report = run_purge(store, config.retention, datetime.now(UTC), dry_run=dry_run)
    finally:
        store.close()
    click.echo(messages.purge_report(report.dry_run, report.requests, report.alerts,
                                     report.questions, report.counts))


# -- socialbot questions ---------------------------------------------------------------------------

@click.command()
@CONFIG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def questions(config_path: Path, output: str) -> None:
    """List citizens' questions waiting for the City's answer, with their age (business days)
    and account (04.02 k). Safe beside a running server (read-only)."""
    from bot.clock import SystemClock
    from bot.questions import OpenQuestion, Question, questions_json, questions_table
    from socialbot.bootstrap import business_calendar
    from storage.case_tables import QUESTIONS, TinyDBCaseRepository
    from storage.tinydb_repository import TinyDBRepository

    config, path = config_and_store_path(config_path)
    try:
        store = Store(path, read_only=True)
    except StoreError as problem:
        _fail(str(problem))
    repository = TinyDBCaseRepository(TinyDBRepository(store), table=QUESTIONS, prefix="Q",
                                      from_record=Question.from_record)
    calendar, now = business_calendar(config), SystemClock().now()
    found = [OpenQuestion(q, calendar.days_waited(q.asked_at, now))
             for q in repository.open_cases()]
    if output == "json":
        click.echo(json.dumps(questions_json(found), indent=2, ensure_ascii=False))
        return
    click.echo(questions_table(found))


# -- socialbot reviews -----------------------------------------------------------------------------

@click.command()
@CONFIG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def reviews(config_path: Path, output: str) -> None:
    """List open account reviews (04.02 n) with their account, age (business days) and who
    must act. Safe beside a running server (read-only)."""
    from bot.accounts import AccountRegister
    from bot.clock import SystemClock
    from bot.reviews import AccountReview, ReviewCases, open_reviews, reviews_json, reviews_table
    from socialbot.bootstrap import business_calendar, stored_directory
    from storage.accounts_repository import TinyDBAccountStore
    from storage.case_tables import ACCOUNT_REVIEWS, TinyDBCaseRepository
    from storage.tinydb_repository import TinyDBRepository

    config, path = config_and_store_path(config_path)
    try:
        store = Store(path, read_only=True)
    except StoreError as problem:
        _fail(str(problem))
    repository, directory = TinyDBRepository(store), stored_directory(config, store)
    clock = SystemClock()
    register = AccountRegister(directory=directory, store=TinyDBAccountStore(repository),
                               clock=clock, sign=None)  # read only: nothing is signed
    cases = ReviewCases(repository=TinyDBCaseRepository(
        repository, table=ACCOUNT_REVIEWS, prefix="V", from_record=AccountReview.from_record),
        directory=directory, register=register, time_zone=config.time_zone)
    found = open_reviews(cases, business_calendar(config), clock.now())
    if output == "json":
        click.echo(json.dumps(reviews_json(found), indent=2, ensure_ascii=False))
        return
    click.echo(reviews_table(found))
