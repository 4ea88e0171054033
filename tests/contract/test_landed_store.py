"""A store written by the landed version (e2e7cb7, before the case engine) opens with the
current code and converts with nothing lost: every request, alert, ban, refusal, kept example,
screened post and queued notification, equal in content to what the old code stored.
See landed_store/README.md for how the fixture was made."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from bot.audit import Refusal, first_broken
from bot.config import AppConfig
from bot.moderation.desk import alert_to_record, post_from_record, verdict_to_record
from bot.workflow import Actor, Move
from socialbot.bootstrap import build
from storage.engine import Store
from storage.moderation_repository import TinyDBModerationRepository
from storage.tinydb_repository import TinyDBRepository
from tests.support import FixedClock

LANDED = Path(__file__).resolve().parent / "landed_store"
FILES = ("socialbot.json", "socialbot.json.journal")
OUTCOME_KINDS = ("step_closed", "requester_update", "alert_closed", "remove_post")


def _landed_tables() -> dict[str, dict[str, Any]]:
    """What the old code stored, read without the current code: the snapshot, then every
    journal line's operations in order."""
    tables: dict[str, dict[str, Any]] = json.loads((LANDED / FILES[0]).read_text())
    for line in (LANDED / FILES[1]).read_text().splitlines():
        for op in json.loads(line)["ops"]:
            table = tables.setdefault(op[1], {})
            if op[0] == "put":
                table[op[2]] = op[3]
            else:
                table.pop(op[2], None)
    return tables


@pytest.fixture
def old() -> dict[str, dict[str, Any]]:
    return _landed_tables()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in FILES:
        shutil.copy(LANDED / name, data / name)
    return data


def _open(store_dir: Path) -> tuple[Store, TinyDBRepository, TinyDBModerationRepository]:
    store = Store(store_dir / "socialbot.json", fsync=False)
    requests = TinyDBRepository(store, channels=("slack", "webhook"))
    return store, requests, TinyDBModerationRepository(requests)


def test_the_fixture_holds_every_kind_of_record(old: dict[str, dict[str, Any]]) -> None:
    assert {name: len(old[name]) for name in (
        "requests", "refusals", "alerts", "bans", "examples", "posts", "outbox", "markers",
    )} == {"requests": 3, "refusals": 2, "alerts": 6, "bans": 1, "examples": 1, "posts": 6,
           "outbox": 37, "markers": 2}


@pytest.mark.parametrize("reopened", [False, True])
def test_every_request_comes_back_unchanged(old: dict[str, dict[str, Any]], store_dir: Path,
                                            reopened: bool) -> None:
    store, requests, _ = _open(store_dir)
    if reopened:
        store.close()
        store, requests, _ = _open(store_dir)
    assert requests.count() == len(old["requests"])
    for request_id, record in old["requests"].items():
        request = requests.get(request_id)
        assert request is not None
        converted = request.to_record()
        # What the conversions add: each entry's hash (its chain computed once, and sound),
        # and the list of every SOP revision (the landed version kept only the latest).
        assert all(entry.pop("hash") for entry in converted["history"])
        assert first_broken(request_id, request.history) is None
        assert converted.pop("sops") == ([record["sop"]] if record.get("sop") else [])
        assert converted == record
    assert [r.id for r in requests.open_cases()] == ["R-1", "R-3"]
    assert requests.next_id() == "R-4"
    store.close()


@pytest.mark.parametrize("reopened", [False, True])
def test_every_alert_converts_to_signed_entries_with_nothing_lost(
        old: dict[str, dict[str, Any]], store_dir: Path, reopened: bool) -> None:
    store, _, alerts = _open(store_dir)
    if reopened:  # the conversion was written once, and reads back the same
        store.close()
        store, _, alerts = _open(store_dir)
    for alert_id, record in old["alerts"].items():
        alert = alerts.get(alert_id)
        assert alert is not None
        converted = alert_to_record(alert)
        assert {k: v for k, v in converted.items() if k != "history"} == \
            {k: v for k, v in record.items() if k != "history"}
        assert len(alert.history) == len(record["history"])
        for seq, (entry, was) in enumerate(zip(alert.history, record["history"],
                                               strict=True), 1):
            assert entry.seq == seq
            assert entry.comment == was["reason"]
            assert (entry.step, entry.action, entry.actor_id, entry.actor_name,
                    entry.actor_title, entry.platform, entry.at) == (
                was["step"], was["action"], was["actor_id"], was["actor_name"],
                was["actor_title"], was["platform"], datetime.fromisoformat(was["at"]))
    escalated_then_removed = alerts.get("A-5")
    assert escalated_then_removed is not None
    assert [(e.stage, e.action, e.comment) for e in escalated_then_removed.history] == [
        ("open", "escalate", ""), ("escalated", "remove", "Personal information")]
    assert all("seq" in e for _, r in store.items("alerts") for e in r["history"])
    assert [a.id for a in alerts.open_cases()] == ["A-4", "A-6"]
    assert alerts.next_id() == "A-7"
    store.close()


def test_bans_examples_and_screened_posts_are_all_there(old: dict[str, dict[str, Any]],
                                                       store_dir: Path) -> None:
    store, _, alerts = _open(store_dir)
    for ban in old["bans"].values():
        assert alerts.is_banned(ban["platform"], ban["author_id"])
    assert dict(store.items("bans")) == old["bans"]
    banned = alerts.get("A-3")
    assert banned is not None and banned.ban is not None
    assert banned.ban.comment == old["bans"]["facebook:fb-3"]["reason"]
    assert alerts.kept_examples() == [post_from_record(r["post"])
                                      for r in old["examples"].values()]
    for key, record in old["posts"].items():
        platform, post_id = key.split(":", 1)
        verdict = alerts.screened(platform, post_id)
        assert verdict is not None and verdict_to_record(verdict) == record["verdict"]
    assert alerts.count_posts() == len(old["posts"])
    store.close()


def test_refusals_keep_their_case_from_the_old_request_id(old: dict[str, dict[str, Any]],
                                                         store_dir: Path) -> None:
    store, requests, _ = _open(store_dir)
    for record in old["refusals"].values():
        expected = Refusal(case_id=record["request_id"], person_id=record["person_id"],
                           platform=record["platform"], action=record["action"],
                           reason=record["reason"], at=datetime.fromisoformat(record["at"]))
        assert expected in requests.refusals(record["request_id"])
    assert sum(len(requests.refusals(r)) for r in old["requests"]) == len(old["refusals"])
    store.close()


def test_queued_notifications_say_their_case_type_and_intent(
        old: dict[str, dict[str, Any]], store_dir: Path) -> None:
    store, requests, _ = _open(store_dir)
    assert requests.marked("R-1:3:reminder") and requests.marked("R-3:2:reminder")
    queued = {m.id: m for m in requests.due(1e12, limit=1000)}
    assert set(queued) == set(old["outbox"])
    for message_id, record in old["outbox"].items():
        message, was = queued[message_id], record["notification"]
        assert (message.channel, message.attempts, message.not_before, message.last_error) == \
            (record["channel"], record["attempts"], record["not_before"], record["last_error"])
        note = message.notification
        assert note.case_id == was["request_id"]
        assert (note.id, note.kind, note.step, list(note.recipients), note.audience,
                note.summary, note.channel) == (
            was["id"], was["kind"], was["step"], was["recipients"], was["audience"],
            was["summary"], was["channel"])
        assert note.case_type == ("alert" if note.case_id.startswith("A-") else "request")
    intents = {i: m.notification.intent for i, m in queued.items()}
    assert intents["R-1:3:reminder@slack"] == "reminder"
    assert intents["R-3:2:reminder@slack"] == "reminder"
    assert intents["R-1:3:action_needed@slack"] == "first_notice"
    assert intents["A-6:1:moderation_alert@slack"] == "first_notice"
    assert intents["A-1:2:alert_closed:removal:done@slack"] == "outcome"
    assert intents["A-3:2:remove_post@webhook"] == "outcome"
    assert all(m.notification.intent == "outcome" for m in queued.values()
               if m.notification.kind in OUTCOME_KINDS)
    store.close()


def test_cases_from_the_landed_store_move_on_with_the_current_engine(
        sample_config: AppConfig, store_dir: Path) -> None:
    runtime = build(sample_config, store_dir.parent, clock=FixedClock(), fsync=False)
    try:
        decided = runtime.desk.decide("kwong", "slack", "A-4", "keep")
        assert decided.state == "kept"
        assert [(e.seq, e.stage, e.action) for e in decided.history] == [
            (1, "open", "escalate"), (2, "escalated", "keep")]
        request = runtime.workflow.decide(Actor("rsingh", "teams"), "R-3", Move("approve"))
        assert request.state == "director" and request.history[-1].seq == 3
    finally:
        runtime.close()
