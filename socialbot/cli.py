"""`socialbot`: serve the bot, chat with it in the terminal, check the configuration, export."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import click

from bot.config import AppConfig
from bot.directory import Directory
from bot.workflow import NotFound, normalise_id
from socialbot import (
    accounts_cli,
    clocks_cli,
    directory_cli,
    moderation_cli,
    ops_cli,
    teams_cli,
)
from socialbot.cli_config import CONFIG_OPTION, load_or_exit


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """The City's social media procedure bot (ADM 140-007)."""
    from socialbot.logs import LoggingSettingError, configure

    try:
        configure()
    except LoggingSettingError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(2)


@main.command("check-config")
@CONFIG_OPTION
def check_config(config_path: Path) -> None:
    """Validate the configuration; exits non-zero with every problem named."""
    config, _ = load_or_exit(config_path)
    people = len(config.directory.people)
    click.echo(f"{config_path}: OK ({people} people, {len(config.directory.departments)} "
               f"departments, programs: {', '.join(config.programs.offered)})")


@main.command()
@CONFIG_OPTION
@click.option("--host", default=None, help="Interface to listen on (default: server.host).")
@click.option("--port", default=None, type=click.IntRange(0, 65535),
              help="Port (default: server.port; 0 picks a free one).")
def serve(config_path: Path, host: str | None, port: int | None) -> None:
    """Start the bot's HTTP server (health check, console endpoint, Slack and Teams routes)."""
    from socialbot.serve import run_server

    config, base_dir = load_or_exit(config_path)
    sys.exit(asyncio.run(run_server(config, base_dir, config_path=config_path,
                                    host=host or config.server.host,
                                    port=config.server.port if port is None else port)))


@main.command()
@CONFIG_OPTION
@click.option("--as", "person", required=True,
              help="Your person id in the directory (or your name, when unique).")
@click.option("--yes", "assume_yes", is_flag=True,
              help="Do not ask before reject, withdraw, reassign and ban (for scripts).")
def console(config_path: Path, person: str, assume_yes: bool) -> None:
    """Chat with the bot in the terminal as PERSON (reads commands from stdin in scripts)."""
    from adapters.console.notices import CHANNEL as CONSOLE_CHANNEL
    from adapters.console.notices import ConsoleChannel
    from adapters.console.repl import RemoteConsole, run
    from adapters.console.session import ConsoleSession, find_person
    from socialbot.bootstrap import build
    from socialbot.logs import quieten
    from storage.engine import StoreError, StoreLocked

    quieten()
    config, base_dir = load_or_exit(config_path)
    person_id = find_person(_kept_directory(config, base_dir), person)
    if person_id.startswith("!"):
        click.echo(f"error: --as {person}: {person_id[1:]}", err=True)
        sys.exit(2)
    confirm = config.console.confirm and not assume_yes
    try:
        bot = build(config, base_dir, channel_names=(CONSOLE_CHANNEL,))
    except StoreLocked:
        from socialbot.bootstrap import resolve
        from socialbot.loopback import served_advert

        storage = resolve(base_dir, config.storage.path)
        advert = served_advert(storage, stop_first=False)
        remote = RemoteConsole(advert, person_id, confirm=confirm)
        greeting, _ = remote.turn("")
        sys.exit(run(remote.turn, greeting))
    except StoreError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    bot.services.attach(CONSOLE_CHANNEL, ConsoleChannel(
        bot.workflow, bot.repository, bot.services.duties))
    session = ConsoleSession(bot.workflow, person_id, desk=bot.desk, confirm=confirm,
                             notices=bot.repository, reminders=bot.reminders,
                             questions=bot.clocks.questions,
                             clock_commands=bot.services.clock_commands,
                             reviews=bot.clocks.reviews,
                             time_away=bot.services.time_away,
                             duties=bot.services.duties)

    def turn(line: str) -> tuple[str, str]:
        reply = session.handle(line)
        asyncio.run(bot.dispatcher.deliver_due())  # the console's notices, before the prompt
        news = session.news()
        return "\n".join(part for part in (reply, news) if part), session.prompt

    try:
        code = run(turn, session.greeting())
    finally:
        bot.close()
    sys.exit(code)


@main.command()
@CONFIG_OPTION
@click.argument("request_id")
@click.option("--format", "output", type=click.Choice(["markdown", "html"]), default="markdown",
              show_default=True, help="html: one printable page for the City's files.")
def export(config_path: Path, request_id: str, output: str) -> None:
    """Print the completed Appendix 2 of REQUEST_ID with its signatures and last hash.

    An operator command: it reads the store where it is (safe beside a running server).
    """
    from bot.appendix import build_appendix, render_html, render_markdown
    from socialbot.bootstrap import build_reader

    config, base_dir = load_or_exit(config_path)
    workflow = build_reader(config, base_dir)
    try:
        request = workflow.get(normalise_id(request_id))
    except NotFound as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    appendix = build_appendix(request, workflow.directory, config.time_zone,
                              config.programs.offered, workflow.skipped_stages(request))
    render = render_html if output == "html" else render_markdown
    click.echo(render(appendix, config.time_zone), nl=False)


@main.command()
@CONFIG_OPTION
@click.argument("case_id")
def audit(config_path: Path, case_id: str) -> None:
    """Print the full history of CASE_ID (a request R-n, an alert A-n, an account AC-n, a
    password task T-n, a departure O-n, a grant G-n), refusals included.

    An operator command for the CCT: it prints everything, reading the store where it is.
    """
    from bot.appendix import render_audit
    from bot.moderation.desk import alert_from_record
    from socialbot.bootstrap import build_reader_store, stored_directory
    from storage.moderation_repository import ALERTS
    from storage.tinydb_repository import TinyDBRepository

    config, base_dir = load_or_exit(config_path)
    store = build_reader_store(config, base_dir)
    repository = TinyDBRepository(store)
    alert = store.get(ALERTS, case_id.strip().upper())
    case: Any = alert_from_record(alert) if alert else repository.get(normalise_id(case_id))
    if case is None:  # an account, a password task, a departure or a grant (04.08)
        from storage.accounts_repository import find_record

        case = find_record(store, case_id.strip().upper())
    if case is None:
        click.echo(f"error: there is no case {case_id[:20]!r}.", err=True)
        sys.exit(1)
    click.echo(render_audit(case.id, case.history, repository.refusals(case.id),
                            stored_directory(config, store), config.time_zone), nl=False)


@main.command("moderation-examples")
@CONFIG_OPTION
def moderation_examples(config_path: Path) -> None:
    """Print the posts moderators decided to Keep, as labeled JSONL for `moderate --evaluate`."""
    import json

    from socialbot.bootstrap import build_reader_store
    from storage.moderation_repository import EXAMPLES

    config, base_dir = load_or_exit(config_path)
    store = build_reader_store(config, base_dir)
    for alert_id, record in store.items(EXAMPLES):
        post = record["post"]
        click.echo(json.dumps({
            "id": post["post_id"], "platform": post["platform"], "board": post["board"],
            "folder": post["folder"], "topic": post["topic"], "author_id": post["author_id"],
            "author_name": post["author_name"], "created_at": post["created_at"],
            "text": post["text"], "labels": record["labels"], "action": record["action"],
            "note": f"kept by a moderator ({alert_id})"}, ensure_ascii=False))


@main.command("dashboard-link")
@CONFIG_OPTION
@click.option("--as", "person_id", required=True, help="Whose dashboard (a directory id).")
@click.option("--url", "base_url", default=None,
              help="The address people reach the server at (default: dashboard.base_url, "
                   "else the running server's, else server.host and server.port).")
def dashboard_link(config_path: Path, person_id: str, base_url: str | None) -> None:
    """Print a personal one-time link to the web dashboard, valid for a few minutes."""
    import json

    from adapters.dashboard.access import LinkSigner, load_secret, secret_path
    from adapters.dashboard.messages import dashboard_link as link_message
    from socialbot.bootstrap import resolve
    from socialbot.loopback import advert as console_advert

    config, base_dir = load_or_exit(config_path)
    if person_id not in {p.id for p in config.directory.people}:
        click.echo(f"error: unknown person {person_id!r}", err=True)
        sys.exit(2)
    storage = resolve(base_dir, config.storage.path)
    advert = console_advert(storage)
    base_url = base_url or config.dashboard.base_url
    if base_url is None and advert.exists():
        base_url = json.loads(advert.read_text())["url"]
    base_url = (base_url or f"http://{config.server.host}:{config.server.port}").rstrip("/")
    storage.parent.mkdir(parents=True, exist_ok=True)
    signer = LinkSigner(load_secret(secret_path(storage)), minutes=config.dashboard.link_minutes)
    click.echo(link_message(base_url + signer.path(person_id), signer.minutes))


def _kept_directory(config: AppConfig, base_dir: Path) -> Directory:
    """The directory as the bot keeps it (app.yaml's people and what its sources added)."""
    from socialbot.bootstrap import build_reader_store, stored_directory
    from storage.engine import StoreError

    try:
        store = build_reader_store(config, base_dir)
    except StoreError:
        return Directory(config.directory)
    try:
        return stored_directory(config, store)
    finally:
        store.close()


# The commands that live in their own modules: the operations tools, the procedure's clocks
# (issue 12), the directory, and the account register (04.08).
for _command in (moderation_cli.moderate, teams_cli.teams_package, ops_cli.outbox, ops_cli.backup,
                 ops_cli.restore, ops_cli.verify, clocks_cli.links, clocks_cli.purge,
                 clocks_cli.questions, clocks_cli.reviews, directory_cli.directory,
                 accounts_cli.accounts, accounts_cli.account, accounts_cli.offboard,
                 accounts_cli.tasks):
    main.add_command(_command)
