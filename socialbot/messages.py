"""What the operations side (readiness, `socialbot outbox`, backup, restore) tells a person."""

from __future__ import annotations

DISPATCHER_STOPPED = "the outbox dispatcher is not running"
RETRY_BODY = 'expected JSON {"ids": [message ids]} or {"all_dead": true}'


def storage_not_writable(reason: str) -> str:
    return f"storage is not writable ({reason})"


def outbox_stuck(waited: float, limit: int) -> str:
    return f"a notice has been due for {waited:.0f} s without being sent (limit {limit} s)"

OUTBOX_EMPTY = "Nothing waits in the outbox."
DEAD_EMPTY = "No dead letters: nothing was given up on."
GIVEN_UP = "given up"
RETRY_WHAT = "name message ids to retry, or --all-dead (not both)"


def outbox_header(dead: bool, count: int) -> str:
    what = "given up on (dead letters)" if dead else "waiting to be delivered"
    return f"{count} notice{'s' if count != 1 else ''} {what}:"


def retried(ids: list[str]) -> str:
    if not ids:
        return "Nothing to put back."
    return f"Put back {len(ids)} notice{'s' if len(ids) != 1 else ''} for delivery: " + \
        ", ".join(ids)


def not_in_outbox(ids: list[str]) -> str:
    return f"not in the outbox (delivered already, or no such id): {', '.join(ids)}"


def locked_without_server(path: object, stop_first: bool = True) -> str:
    return (f"{path} is in use by another process that is not a running `socialbot serve`"
            + ("; stop it first" if stop_first else ""))


def server_refused(code: int, text: str) -> str:
    return f"the running bot refused: {code} {text[:200]}"


def server_unreachable(url: str, problem: object, server: str = "the running bot") -> str:
    return f"cannot reach {server} at {url}: {problem}"


def backed_up(path: object, requests: int, outbox: int, tables: int) -> str:
    return (f"Backed up to {path}: {requests} requests, {outbox} outbox messages, "
            f"{tables} tables. Restore with `socialbot restore {path}` (server stopped).")


def restore_refused(problem: object) -> str:
    return (f"{problem}\nRestore replaces the whole store: stop `socialbot serve` (e.g. "
            "`systemctl stop socialbot` or `docker compose stop`), restore, then start it again.")


def restored(source: object, target: object, kept: list[object], requests: int) -> str:
    aside = "; previous files kept as " + ", ".join(map(str, kept)) if kept else ""
    return f"Restored {source} into {target} ({requests} requests){aside}."


def verified(path: object, counts: dict[str, int]) -> str:
    figures = ", ".join(f"{count} {name}" for name, count in counts.items()) or "empty"
    return f"{path}: OK ({figures})"


def verify_failed(path: object, problems: list[str]) -> str:
    shown = problems[:20]
    more = [f"  ... and {len(problems) - 20} more"] if len(problems) > 20 else []
    return "\n".join([f"{path}: {len(problems)} damaged records", *map("  {}".format, shown),
                      *more])


def chain_broken(table: str, case_id: str, seq: int) -> str:
    return (f"{table}/{case_id}: history entry {seq} does not match its hash "
            "(changed after it was signed, or an entry before it was)")


def no_store(path: object) -> str:
    return f"no store at {path} (storage.path)"
