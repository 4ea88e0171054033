"""`socialbot outbox`, `backup`, `restore` and `verify` as an operator runs them, beside a
running `socialbot serve` and without one."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import load_config
from socialbot.bootstrap import build
from storage.backup import backup
from storage.engine import Store
from tests.support import ROOT, data_dir_config, file_request

PRIVATE_TEXT = ("Summer swim lessons", "Alex", "Doe")  # what the filed form says


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return data_dir_config(tmp_path)


def socialbot(*args: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, "-m", "socialbot", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=60, check=False, preexec_fn=set_umask)


def seed(config_file: Path) -> None:
    """Two requests whose notices wait for Slack; the first one's was given up on."""
    config, base_dir = load_config(config_file)
    bot = build(config, base_dir, channel_names=("slack",))
    try:
        first, _ = file_request(bot.workflow), file_request(bot.workflow)
        message = next(m for m in bot.repository.due(time.time())
                       if m.id == f"{first.id}:1:action_needed@slack")
        bot.repository.failed(message, error="channel_not_found", retry_at=None)
    finally:
        bot.close()


def listing(config_file: Path, *flags: str) -> list[dict[str, object]]:
    run = socialbot("outbox", "--config", str(config_file), "--format", "json", *flags)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def test_outbox_lists_and_retries_without_a_server(config_file: Path) -> None:
    seed(config_file)
    waiting = listing(config_file)
    assert [row["id"] for row in waiting] == ["R-1:1:requester_update@slack",
                                              "R-2:1:action_needed@slack",
                                              "R-2:1:requester_update@slack"]
    [dead] = listing(config_file, "--dead")
    assert dead["id"] == "R-1:1:action_needed@slack"
    assert (dead["channel"], dead["kind"], dead["attempts"]) == ("slack", "action_needed", 1)
    assert (dead["dead"], dead["last_error"]) == (True, "channel_not_found")
    text = socialbot("outbox", "--config", str(config_file), "--dead")
    assert "1 notice given up on (dead letters):" in text.stdout
    assert "last error: channel_not_found" in text.stdout
    assert not any(word in text.stdout for word in PRIVATE_TEXT)

    run = socialbot("outbox", "--config", str(config_file), "retry", "--all-dead")
    assert run.returncode == 0, run.stderr
    assert "Put back 1 notice for delivery: R-1:1:action_needed@slack" in run.stdout
    assert listing(config_file, "--dead") == []
    retried = next(r for r in listing(config_file) if r["id"] == dead["id"])
    assert (retried["attempts"], retried["dead"]) == (0, False)

    run = socialbot("outbox", "retry", "--config", str(config_file), "R-9:1:action_needed@slack")
    assert run.returncode == 1 and "not in the outbox" in run.stderr
    run = socialbot("outbox", "--config", str(config_file), "retry")
    assert run.returncode == 2 and "--all-dead" in run.stderr


def test_backup_restore_and_verify_around_a_running_server(
        config_file: Path, tmp_path: Path) -> None:
    seed(config_file)
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "socialbot", "serve", "--config", str(config_file),
             "--port", "0"], cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=log,
            env={**os.environ, "SLACK_BOT_TOKEN": "", "MICROSOFT_APP_ID": "",
                 "LOG_FORMAT": "json"})
        try:
            assert process.stdout is not None
            assert "listening on" in process.stdout.readline()
            # The server owns the store: retry goes through its loopback endpoint.
            run = socialbot("outbox", "--config", str(config_file), "retry",
                            "R-1:1:action_needed@slack")
            assert run.returncode == 0, run.stderr
            assert "Put back 1 notice" in run.stdout
            [tried] = [r for r in listing(config_file) if r["id"] == "R-1:1:action_needed@slack"]
            assert tried["dead"] is False  # back in the server's queue

            copy = tmp_path / "backups" / "socialbot-1.json"
            run = socialbot("backup", "--config", str(config_file), str(copy), umask=0o022)
            assert run.returncode == 0, run.stderr
            assert "2 requests" in run.stdout
            assert stat.S_IMODE(copy.stat().st_mode) == 0o600
            assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700

            run = socialbot("restore", "--config", str(config_file), str(copy))
            assert run.returncode == 1
            assert "already open in another process" in run.stderr
            assert "stop `socialbot serve`" in run.stderr
            run = socialbot("verify", "--config", str(config_file))
            assert run.returncode == 0 and "OK (2 requests" in run.stdout
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)
    assert process.returncode == 0
    lines = [json.loads(line) for line in log_path.read_text().splitlines()]
    access = [line for line in lines if line["logger"] == "socialbot.access"]
    assert {(a["route"], a["status"]) for a in access} == {("/ops/outbox/retry", 200)}
    assert not [line for line in lines if line["level"] == "ERROR"]

    # The store moves on after the backup, then the backup is restored over it.
    config, base_dir = load_config(config_file)
    bot = build(config, base_dir)
    file_request(bot.workflow)
    bot.close()
    run = socialbot("restore", "--config", str(config_file), str(copy))
    assert run.returncode == 0, run.stderr
    assert "(2 requests); previous files kept as" in run.stdout
    data = config_file.parent / "data"
    kept = sorted(p.name for p in data.iterdir() if ".before-restore-" in p.name)
    assert [name.split(".before-restore-")[0] for name in kept] == ["bot.json", "bot.json.journal"]
    assert socialbot("verify", "--config", str(config_file)).returncode == 0
    bot = build(config, base_dir)
    try:
        assert bot.repository.count() == 2
        assert bot.workflow.get("R-2").requester_id == "adoe"
    finally:
        bot.close()


def test_restore_refuses_what_is_not_a_backup(config_file: Path, tmp_path: Path) -> None:
    seed(config_file)
    junk = tmp_path / "junk.json"
    junk.write_text('{"requests": [1, 2]}')
    run = socialbot("restore", "--config", str(config_file), str(junk))
    assert run.returncode == 1 and "not a backup written by `socialbot backup`" in run.stderr
    assert socialbot("verify", "--config", str(config_file)).returncode == 0
    assert not list((config_file.parent / "data").glob("*before-restore*"))


def test_verify_names_damaged_records(config_file: Path) -> None:
    seed(config_file)
    config, base_dir = load_config(config_file)
    store = Store(base_dir / config.storage.path)
    store.commit([("put", "requests", "R-3", {"id": "R-3"})])
    store.close()
    run = socialbot("verify", "--config", str(config_file))
    assert run.returncode == 1
    assert "1 damaged records" in run.stderr and "requests/R-3: KeyError" in run.stderr


def test_a_backup_taken_while_the_server_compacts_misses_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer compacts (new snapshot, emptied journal) just after the backup read the old
    snapshot and before it read the journal: the copy must still hold every commit."""
    live = Store(tmp_path / "live.json", fsync=False)
    live.commit([("put", "t", "k1", {"n": 1})])
    live.close()
    live = Store(tmp_path / "live.json", fsync=False)  # snapshot: k1
    live.commit([("put", "t", "k2", {"n": 2})])        # journal: k2
    read_journal = Store._journal_entries
    compacted: list[bool] = []

    def compact_in_between(self: Store) -> Iterator[list[object]]:
        if self.read_only and not compacted:
            live.commit([("put", "t", "k3", {"n": 3})])
            live._compact()
            compacted.append(True)
        return read_journal(self)

    monkeypatch.setattr(Store, "_journal_entries", compact_in_between)
    try:
        copy = backup(tmp_path / "live.json", tmp_path / "copy.json")
    finally:
        live.close()
    assert compacted
    assert sorted(json.loads(copy.path.read_text())["t"]) == ["k1", "k2", "k3"]
