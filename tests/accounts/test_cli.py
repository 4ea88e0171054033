"""`socialbot accounts`, `offboard` and `tasks` as an operator runs them: without a server,
and beside a running `socialbot serve` (which owns the store)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from bot.audit import Actor
from bot.config import load_config
from socialbot.bootstrap import build
from tests.support import data_dir_config, running_server
from tests.support import run_socialbot as socialbot


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return data_dir_config(tmp_path)


def seed(config_file: Path) -> None:
    config, base_dir = load_config(config_file)
    bot = build(config, base_dir)
    try:
        kwong = Actor("kwong", "console")
        for platform, handle in (("Facebook", "@PickeringRec"), ("X", "@PickeringRec")):
            bot.services.accounts.add(kwong, platform=platform, handle=handle,
                                      department="community-services", users=["msmith"])
        bot.services.accounts.add(kwong, platform="YouTube", handle="@Pickering",
                                  department="cao-office", users=["adoe"])
    finally:
        bot.close()


def test_the_register_and_a_departure_without_a_server(config_file: Path) -> None:
    seed(config_file)
    config = str(config_file)
    text = socialbot("accounts", "--config", config)
    assert text.returncode == 0, text.stderr
    assert "The City of Pickering owns every account" in text.stdout
    assert "AC-1  Facebook @PickeringRec" in text.stdout and "Morgan Smith (msmith)" in text.stdout
    mine = socialbot("accounts", "--config", config, "--as", "adoe")
    assert "YouTube @Pickering" in mine.stdout and "Facebook" not in mine.stdout

    run = socialbot("offboard", "msmith", "--reason", "retiring", "--last-day", "2026-01-05",
                    "--config", config)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "O-1: done. Password tasks opened: T-1, T-2."
    again = socialbot("offboard", "msmith@example.org", "--reason", "retiring", "--last-day",
                      "2026-01-05", "--config", config)
    assert again.stdout == run.stdout  # the same person and day: nothing new

    rows = json.loads(socialbot("accounts", "--config", config, "--format", "json").stdout)
    assert rows["owner"].startswith("The City of Pickering owns every account")
    assert [a["users"] for a in rows["accounts"]] == [[], [], [{"id": "adoe",
                                                                "name": "Alex Doe"}]]
    assert "password" not in {k for a in rows["accounts"] for k in a} - {
        "password_changed_at", "password_changed_by"}
    table = list(csv.DictReader(io.StringIO(socialbot("accounts", "--config", config,
                                                      "--format", "csv").stdout)))
    assert [(r["id"], r["users"], r["owner"]) for r in table] == [
        ("AC-1", "", "City of Pickering"), ("AC-2", "", "City of Pickering"),
        ("AC-3", "adoe", "City of Pickering")]

    tasks = json.loads(socialbot("tasks", "--config", config, "--format", "json").stdout)
    assert [(t["id"], t["account"], t["holder"]) for t in tasks["tasks"]] == [
        ("T-1", "Facebook @PickeringRec", "Kim Wong"), ("T-2", "X @PickeringRec", "Kim Wong")]
    assert all(t["age_days"] >= 0 for t in tasks["tasks"])
    listed = socialbot("tasks", "--config", config)
    assert "T-1  Facebook @PickeringRec: left the City: retiring (held by Kim Wong" in \
        listed.stdout

    for args, says in ((("nobody", "--reason", "x"), "There is no 'nobody'"),
                       (("adoe", "--reason", "password: hunter2"), "looks like a password"),
                       (("adoe", "--reason", " "), "reason")):
        refused = socialbot("offboard", *args, "--config", config)
        assert refused.returncode == 1 and says in refused.stderr
    assert len(json.loads(socialbot("tasks", "--config", config, "--format",
                                    "json").stdout)["tasks"]) == 2
    verified = socialbot("verify", "--config", config)  # every history's hash chain
    assert verified.returncode == 0, verified.stderr
    assert "3 accounts, 2 password_tasks, 1 offboardings" in verified.stdout
    added = socialbot("account", "--as", "kwong", "add", "Instagram", "@pickering",
                      "community-services", "--config", config)
    assert added.returncode == 0 and added.stdout.strip() == "Added AC-4: Instagram @pickering."
    secret = socialbot("account", "--as", "kwong", "edit", "AC-4", "handle", "pwd=hunter2",
                       "--config", config)
    assert secret.returncode == 1 and "looks like a password" in secret.stderr
    audit = socialbot("audit", "AC-1", "--config", config)
    assert audit.returncode == 0, audit.stderr
    assert "revoke" in audit.stdout and "add" in audit.stdout


def test_offboard_beside_a_running_server(config_file: Path, tmp_path: Path) -> None:
    seed(config_file)
    with running_server(config_file, tmp_path / "serve.log") as process:
        run = socialbot("offboard", "adoe", "--reason", "moving away", "--last-day",
                        "2099-06-30", "--as", "kwong", "--config", str(config_file))
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "O-1: scheduled for 2099-06-30."
        refused = socialbot("offboard", "kwong", "--reason", "x", "--as", "kwong",
                            "--config", str(config_file))
        assert refused.returncode == 1 and "your own departure" in refused.stderr
        register = socialbot("accounts", "--config", str(config_file), "--as", "adoe")
        assert "YouTube @Pickering" in register.stdout  # not before the last day
        granted = socialbot("account", "--as", "rsingh", "grant", "AC-3", "jpatel",
                            "--config", str(config_file))
        assert granted.returncode == 0, granted.stderr
        assert granted.stdout.strip() == "jpatel may now use AC-3 (YouTube @Pickering)."
        refused = socialbot("account", "--as", "adoe", "retire", "AC-3", "closing",
                            "--config", str(config_file))
        assert refused.returncode == 1 and "Only the Corporate" in refused.stderr
        listed = socialbot("accounts", "--config", str(config_file), "--format", "json")
        [youtube] = [a for a in json.loads(listed.stdout)["accounts"] if a["id"] == "AC-3"]
        assert [u["id"] for u in youtube["users"]] == ["adoe", "jpatel"]
    assert process.returncode == 0
