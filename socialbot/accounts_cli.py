"""`socialbot accounts`, `socialbot offboard` and `socialbot tasks`: the account register and its
duties from the command line (04.01 a, 04.08).

`accounts` and `tasks` read the store where it is (safe beside a running server). `offboard`
writes: beside a running server it goes through the server's loopback endpoint (the server
owns the store), otherwise it opens the store itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import click

from bot import messages
from bot.accounts import register_rows
from socialbot import messages as cli_messages
from socialbot.bootstrap import build_account_reader
from socialbot.cli_config import CONFIG_OPTION, load_or_exit
from socialbot.loopback import Refusal, here_or_on_server
from socialbot.loopback import fail as _fail
from socialbot.offboard_ops import CLI_VERBS, offboard_now, run_account_command

CSV_COLUMNS = ("id", "platform", "handle", "department", "owner", "state", "users",
               "credentials_holder", "password_changed_at", "password_changed_by")


@click.command()
@CONFIG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True)
@click.option("--as", "person", default=None,
              help="Show what this person sees (the CCT: everything; others: the accounts "
                   "they may use). Default: the whole register, for operators.")
def accounts(config_path: Path, output: str, person: str | None) -> None:
    """Print the account register: accounts, their users, owner, password last changed.

    Never a password: the register does not hold any.
    """
    config, base_dir = load_or_exit(config_path)
    register, _ = build_account_reader(config, base_dir)
    if person is not None and person not in register.directory:
        _fail(f"unknown person {person[:40]!r}", code=2)
    shown = register.all() if person is None else register.visible_to(person)
    rows = register_rows(register, shown, config.time_zone)
    if output == "json":
        click.echo(json.dumps({"owner": messages.CITY_OWNS, "accounts": rows}, indent=2,
                              ensure_ascii=False))
    elif output == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**{k: row[k] for k in CSV_COLUMNS if k != "users"},
                             "users": "; ".join(u["id"] for u in row["users"])})
        click.echo(buffer.getvalue(), nl=False)
    else:
        everything = person is None or register.may_manage(person)
        click.echo(messages.register_text(rows, everything=everything))


@click.command()
@CONFIG_OPTION
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def tasks(config_path: Path, output: str) -> None:
    """List the open password-change tasks with their age."""
    config, base_dir = load_or_exit(config_path)
    _, password_tasks = build_account_reader(config, base_dir)
    rows = password_tasks.rows(password_tasks.open_tasks())
    if output == "json":
        click.echo(json.dumps({"tasks": rows}, indent=2, ensure_ascii=False))
    else:
        click.echo(messages.tasks_text(rows))


@click.command()
@CONFIG_OPTION
@click.argument("person")
@click.option("--reason", required=True, help="Why the person leaves (kept in the record).")
@click.option("--last-day", "last_day", default=None, type=click.DateTime(["%Y-%m-%d"]),
              help="YYYY-MM-DD; their access is removed that day (default: today).")
@click.option("--as", "actor", default=None,
              help="The CCT member who signs it (default: signed as the command line).")
def offboard(config_path: Path, person: str, reason: str, last_day: dt.datetime | None,
             actor: str | None) -> None:
    """Schedule PERSON's departure (an id or e-mail): on the last day they are removed from
    every account, a password task opens per account, their requests are withdrawn and what
    waits on them is handed on. Running it again for the same day changes nothing."""
    body = {"person": person, "reason": reason,
            "last_day": last_day.date().isoformat() if last_day else None, "as": actor}
    answer = here_or_on_server(*load_or_exit(config_path), "/ops/offboard", body, offboard_now,
                               on_refusal=_answer_or_refused)
    if "error" in answer:
        _fail(str(answer["error"]))
    click.echo(_described(answer))


@click.command(context_settings={"ignore_unknown_options": True})
@CONFIG_OPTION
@click.option("--as", "person", required=True, help="The CCT member who signs the change.")
@click.argument("verb", type=click.Choice(sorted(CLI_VERBS)))
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def account(config_path: Path, person: str, verb: str, args: tuple[str, ...]) -> None:
    """Change the account register as a CCT member, signed "cli" (the chat's words):

    \b
    add PLATFORM HANDLE DEPARTMENT [PERSON...]    edit AC-1 FIELD VALUE
    retire AC-1 REASON      grant AC-1 PERSON      revoke AC-1 PERSON REASON
    record R-7 AC-1...      done T-1               pass T-1 PERSON
    confirm O-1 [DATE]      dismiss O-1 REASON     cancel O-1 REASON
    revoke-access PERSON all|AC-1,AC-2 REASON
    """
    body = {"as": person, "verb": verb, "args": list(args)}
    answer = here_or_on_server(*load_or_exit(config_path), "/ops/account", body,
                               run_account_command, on_refusal=_answer_or_refused)
    if "error" in answer:
        _fail(str(answer["error"]))
    click.echo(answer["answer"])


def _answer_or_refused(refusal: Refusal) -> Any:
    """Beside a running server: a refusal answering JSON ({"error": ...}) is the answer; the
    command says its error."""
    if refusal.answer is None:
        _fail(cli_messages.server_refused(refusal.code, ""))
    return refusal.answer


def _described(answer: dict[str, Any]) -> str:
    if answer["state"] == "executed":
        return f"{answer['case']}: done. Password tasks opened: " \
               f"{', '.join(answer['tasks']) or 'none'}."
    return f"{answer['case']}: {answer['state']} for {answer['last_day']}."
