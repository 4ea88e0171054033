"""The directory from Microsoft Entra ID, against local fakes of Graph's users list, its token
endpoint (tests/fakes/graph.py) and Slack's users.lookupByEmail: paging by @odata.nextLink, a
429 with Retry-After honoured, managers as supervisors, Teams ids from object ids, Slack ids
from e-mail, a disabled account gone (kept, awaiting the CCT), a new one added."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import AppConfig, load_config
from bot.directory_records import GONE_AWAITING
from socialbot.bootstrap import Runtime, build
from socialbot.directory_sync_job import entra_difference, seconds_until
from tests.fakes.graph import FakeGraph
from tests.fakes.slack_web_api import FakeSlackWebAPI
from tests.support import ROOT, SAMPLE_CONFIG, file_request

TOKEN = "xoxb-directory-sync"
SECRET = "s3cret"


def entra_users(config: AppConfig) -> list[dict[str, Any]]:
    """The sample directory as Entra ID holds it (object ids = Teams ids where there are)."""
    names = {d.id: d.name for d in config.directory.departments}
    object_ids = {p.id: p.teams_id or str(uuid.uuid5(uuid.NAMESPACE_DNS, p.id))
                  for p in config.directory.people}
    return [{"id": object_ids[p.id], "givenName": p.first_name, "surname": p.last_name,
             "displayName": p.full_name, "mail": p.email, "userPrincipalName": p.email,
             "jobTitle": p.title, "department": names[p.department], "accountEnabled": True,
             "officeLocation": "City Hall",  # not selected: the fake leaves it out
             "manager_id": object_ids[p.supervisor] if p.supervisor else ""}
            for p in config.directory.people]


@pytest.fixture
def config_path(tmp_path: Path) -> Path:
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(tmp_path / "bot.json")}
    (tmp_path / "app.yaml").write_text(yaml.safe_dump(raw))
    return tmp_path / "app.yaml"


@pytest.fixture
def bot(config_path: Path) -> Iterator[Runtime]:
    config, base_dir = load_config(config_path)
    runtime = build(config, base_dir, channel_names=("slack",), fsync=False)
    yield runtime
    runtime.close()


def with_sources(config_path: Path, graph: FakeGraph, slack: FakeSlackWebAPI) -> AppConfig:
    raw = yaml.safe_load(config_path.read_text())
    raw["slack"]["api_url"] = slack.base_url
    raw["directory"]["sources"] = {"entra": {
        "enabled": True, "tenant_id": graph.tenant, "client_id": graph.client_id,
        "authority_url": graph.authority_url, "graph_url": graph.graph_url,
        "departments": {"Community Services Dept.": "community-services"}}}
    config_path.write_text(yaml.safe_dump(raw))
    return load_config(config_path)[0]


async def test_sync_pages_waits_out_a_429_and_applies(bot: Runtime, config_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    request = file_request(bot.workflow, "adoe")  # waits for Alex's supervisor, Morgan
    users = entra_users(bot.config)
    by_mail = {u["mail"]: u for u in users}
    by_mail["jpatel@example.org"]["accountEnabled"] = False           # Jaya left
    by_mail["adoe@example.org"]["manager_id"] = by_mail["pbrown@example.org"]["id"]  # moved
    by_mail["adoe@example.org"]["department"] = "Community Services Dept."  # mapped name
    users.append({"id": "0a0b0c0d-9999-4000-8000-000000000001", "givenName": "Noor",
                  "surname": "Newman", "displayName": "Noor Newman",
                  "mail": "Noor.Newman@example.org", "userPrincipalName": "nnewman@example.org",
                  "jobTitle": "Lifeguard", "department": "Community Services",
                  "accountEnabled": True, "manager_id": by_mail["msmith@example.org"]["id"]})
    users.append({"id": "0a0b0c0d-9999-4000-8000-000000000002", "givenName": "Pat",
                  "surname": "Contractor", "mail": "pat@vendor.example", "jobTitle": "Vendor",
                  "department": "Some Vendor", "accountEnabled": True})  # no such department
    users.append({"id": "0a0b0c0d-9999-4000-8000-000000000003", "givenName": "X" * 200,
                  "surname": "Long", "mail": "long@example.org", "jobTitle": "Clerk",
                  "department": "Community Services", "accountEnabled": True,
                  "manager_id": ""})  # a name no person can have: left out, not fatal
    users.append({"id": "0a0b0c0d-9999-4000-8000-000000000004", "givenName": "Kai",
                  "surname": "Under", "mail": "kai@example.org", "jobTitle": "Clerk",
                  "department": "Community Services", "accountEnabled": True,
                  "manager_id": "0a0b0c0d-9999-4000-8000-000000000003"})  # reports to them
    monkeypatch.setenv("ENTRA_CLIENT_SECRET", SECRET)
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    async with FakeGraph(users=users, page_size=4) as graph, \
            FakeSlackWebAPI(bot_token=TOKEN, scopes={"users:read", "users:read.email"},
                            users={"U0NNEWMAN": {"name": "nnewman",
                                                 "email": "noor.newman@example.org"}}) as slack:
        config = with_sources(config_path, graph, slack)
        graph.throttle_next(retry_after=7)
        keeper = bot.services.directory_keeper
        assert keeper is not None
        outcome = await entra_difference(config, keeper, sleep=sleep)

        # The protocol: a client-credentials token, $select and $expand, every page, the 429.
        token_call = graph.calls[0]
        assert token_call.form["grant_type"] == "client_credentials"
        assert token_call.form["scope"] == f"{graph.graph_url}/.default"
        pages = [c for c in graph.user_calls() if c.status == 200]
        assert len(pages) == -(-len(users) // 4) >= 3
        assert graph.user_calls()[0].query["$expand"] == "manager($select=id)"
        assert "jobTitle" in graph.user_calls()[0].query["$select"]
        assert [c.status for c in graph.user_calls()][:2] == [429, 200]
        assert waits == [7.0] and outcome.throttled == 1
        # Slack was asked only for addresses whose person has no Slack id.
        asked = [c.args["email"] for c in slack.calls("users.lookupByEmail")]
        assert "noor.newman@example.org" in asked and "adoe@example.org" not in asked

    diff = outcome.diff
    assert [p.id for p in diff.added] == ["noor.newman", "kai"]
    assert diff.added[1].supervisor is None  # their manager was left out
    assert [p.id for p in diff.gone] == ["jpatel"]
    changes = {c.after.id: c.fields for c in diff.changed}
    assert changes["adoe"] == {"supervisor": ("msmith", "pbrown")}
    # People without a Teams id get their Entra object id; nobody else changes.
    assert changes["msmith"] == {"teams_id": (None, by_mail["msmith@example.org"]["id"])}
    assert set(changes) == {"adoe", "msmith", "rsingh", "ngarcia"}
    assert outcome.skipped == 2  # the vendor (no department of ours), the 200-letter name

    keeper.apply(diff)
    directory = bot.directory
    noor = directory.person("noor.newman")
    assert (noor.slack_id, noor.teams_id, noor.supervisor) == (
        "U0NNEWMAN", "0a0b0c0d-9999-4000-8000-000000000001", "msmith")
    assert directory.by_slack_id("U0NNEWMAN") == noor
    assert directory.person("jpatel").full_name == "Jaya Patel" and "jpatel" in directory.gone
    assert bot.workflow.current_approvers(bot.workflow.get(request.id)) == ["pbrown"]
    assert [e.note for e in keeper.history("jpatel")] == [GONE_AWAITING]
    proposed = [c for c in bot.services.offboarding.repository.all() if c.person_id == "jpatel"]
    assert [(c.state, c.source) for c in proposed] == [("proposed", "directory:entra")]


async def test_the_cli_syncs_on_demand_and_a_wrong_secret_changes_nothing(
        bot: Runtime, config_path: Path) -> None:
    users = entra_users(bot.config)
    bot.close()
    async with FakeGraph(users=users, page_size=5) as graph, \
            FakeSlackWebAPI(bot_token=TOKEN) as slack:
        with_sources(config_path, graph, slack)

        async def sync(secret: str, *flags: str) -> tuple[int, str, str]:
            env = {**os.environ, "ENTRA_CLIENT_SECRET": secret}
            env.pop("SLACK_BOT_TOKEN", None)
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "socialbot", "directory", "sync", "--config",
                str(config_path), *flags, cwd=ROOT, env=env,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
            out, err = await asyncio.wait_for(process.communicate(), 120)
            assert process.returncode is not None
            return process.returncode, out.decode(), err.decode()

        code, _, err = await sync("wrong")
        assert code == 1 and "answered 401 (invalid_client)" in err and "wrong" not in err
        code, out, err = await sync(SECRET, "--dry-run")
        assert code == 0, err
        assert "dry run" in out and "0 added, 3 changed, 0 gone" in out  # Teams ids filled
        code, out, err = await sync(SECRET)
        assert code == 0, err
        assert "applied" in out and f"{len(users)} users read" in out
    config, base_dir = load_config(config_path)
    again = build(config, base_dir, fsync=False)
    try:
        assert again.directory.person("msmith").teams_id == users[2]["id"]
    finally:
        again.close()


def test_the_daily_sync_waits_for_the_configured_local_time() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/Toronto")
    assert seconds_until("02:30", datetime(2026, 12, 3, 1, 30, tzinfo=zone)) == 3600
    assert seconds_until("02:30", datetime(2026, 12, 3, 2, 30, tzinfo=zone)) == 86_400


async def test_a_refused_daily_sync_logs_no_person(bot: Runtime, monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    """The daily sync's refusal (a problem in Entra's people) names people in its problems:
    the log says how many and where to see them, not the problems themselves."""
    import socialbot.directory_sync_job as job
    from bot.directory_sync import DirectoryProblem

    async def refused(*_: object) -> object:
        raise DirectoryProblem(["Entra user 42, column supervisor: unknown person 'jsecret'"])

    waits = iter([0.0])
    monkeypatch.setattr(job, "entra_difference", refused)
    monkeypatch.setattr(job, "seconds_until", lambda *_: next(waits, 3600.0))
    keeper = bot.services.directory_keeper
    assert keeper is not None
    daily = asyncio.ensure_future(job.sync_daily(bot.config, keeper, lambda: None))
    for _ in range(50):
        await asyncio.sleep(0.01)
        if caplog.records:
            break
    daily.cancel()
    assert any("directory sync" in r.getMessage() for r in caplog.records)
    assert "jsecret" not in caplog.text
