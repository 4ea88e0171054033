"""The journaled TinyDB store: durable commits, torn writes, one process at a time."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from bot.errors import FieldErrors
from socialbot.bootstrap import Runtime, build
from storage import engine
from storage.engine import Store, StoreCorrupt, StoreError, StoreLocked
from storage.tinydb_repository import HistoryRewritten
from tests.support import file_request


def test_requests_survive_a_restart_with_their_history(bot: Runtime, tmp_path: Path,
                                                       sample_config, clock) -> None:  # type: ignore[no-untyped-def]
    request = file_request(bot.workflow)
    bot.close()
    reopened = build(sample_config, tmp_path, clock=clock)
    try:
        assert reopened.workflow.get(request.id) == request
        assert reopened.repository.next_id() == "R-2"
        assert [r.id for r in reopened.workflow.inbox("msmith")] == [request.id]
    finally:
        reopened.close()


def test_the_snapshot_is_plain_tinydb_json(bot: Runtime) -> None:
    request = file_request(bot.workflow)
    bot.close()
    snapshot = json.loads(bot.storage_path().read_text())
    assert snapshot["requests"][request.id]["requester_id"] == "adoe"
    assert bot.store.journal_path.read_bytes() == b""


def test_a_second_process_gets_a_clear_error(bot: Runtime) -> None:
    with pytest.raises(StoreLocked, match="already open in another process"):
        Store(bot.storage_path())


def test_a_torn_last_journal_line_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with Store(path) as store:
        store.commit([("put", "t", "a", {"n": 1})])
    # A crash in the middle of the next append: the line never ended, fsync never returned.
    (tmp_path / "db.json.journal").write_bytes(b'{"ops":[["put","t","b",{"n"')
    with Store(path) as reopened:
        assert reopened.get("t", "a") == {"n": 1}
        assert reopened.get("t", "b") is None
        reopened.commit([("put", "t", "c", {"n": 3})])
    with Store(path) as again:
        assert again.get("t", "c") == {"n": 3}


def test_damage_in_the_middle_of_the_journal_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    journal = tmp_path / "db.json.journal"
    journal.write_bytes(b'{"ops":[["put","t","a",{}]]}\nGARBAGE\n{"ops":[]}\n')
    with pytest.raises(StoreCorrupt, match="entry 2"):
        Store(path)


def test_a_reader_sees_committed_data_beside_the_writer(bot: Runtime) -> None:
    request = file_request(bot.workflow)
    reader = Store(bot.storage_path(), read_only=True)
    assert reader.get("requests", request.id)["id"] == request.id  # type: ignore[index]
    with pytest.raises(StoreError, match="read-only"):
        reader.commit([("del", "requests", request.id)])


def test_the_audit_trail_cannot_be_rewritten(bot: Runtime) -> None:
    request = file_request(bot.workflow)
    forged = request.evolve(history=())
    with pytest.raises(HistoryRewritten):
        bot.repository.save(forged, expected_version=request.version)


def test_a_refused_form_leaves_the_files_untouched(bot: Runtime) -> None:
    file_request(bot.workflow)
    before = bot.store.journal_path.read_bytes()
    with pytest.raises(FieldErrors):
        file_request(bot.workflow, programs=[])
    assert bot.store.journal_path.read_bytes() == before


def test_outbox_delivery_bookkeeping(tmp_path: Path, sample_config, clock) -> None:  # type: ignore[no-untyped-def]
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    try:
        request = file_request(bot.workflow)
        repo = bot.repository
        message = next(m for m in repo.due(now=10.0)
                       if m.id == f"{request.id}:1:action_needed@slack")
        repo.failed(message, error="429", retry_at=50.0)
        assert message.id not in {m.id for m in repo.due(now=10.0)}
        again = next(m for m in repo.due(now=60.0) if m.id == message.id)
        assert again.attempts == 1
        repo.failed(again, error="403 blocked", retry_at=None)
        assert message.id not in {m.id for m in repo.due(now=1e12)}
        assert [m.last_error for m in repo.dead_letters()] == ["403 blocked"]
        repo.delivered(f"{request.id}:1:requester_update@slack")
        assert repo.pending_count() == 0
    finally:
        bot.close()


def test_a_compaction_runs_beside_the_commits_and_keeps_every_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal outgrows the snapshot: the new snapshot is written in a thread of its own
    while commits go on; the lines written meanwhile move to the fresh journal."""
    monkeypatch.setattr(engine, "COMPACT_MIN_BYTES", 1)
    writing = threading.Event()
    go_on = threading.Event()
    writers: list[str] = []
    real_write = engine._write_private_bytes

    def held_write(path: Path, data: bytes) -> None:
        writers.append(threading.current_thread().name)
        if threading.current_thread() is not threading.main_thread():
            writing.set()
            go_on.wait(timeout=60)
        real_write(path, data)

    monkeypatch.setattr(engine, "_write_private_bytes", held_write)
    store = Store(tmp_path / "s.json")
    store.commit([("put", "t", "k1", {"n": 1})])  # the journal now outgrows the snapshot
    assert writing.wait(timeout=60)
    compactor = store._compactor
    assert compactor is not None
    store.commit([("put", "t", "k2", {"n": 2})])  # not held up by the snapshot's writing
    store.commit([("del", "t", "k1")])
    go_on.set()
    compactor.join()
    assert writers[-1] == "store compaction"
    assert json.loads((tmp_path / "s.json").read_text()) == {"t": {"k1": {"n": 1}}}
    journal = (tmp_path / "s.json.journal").read_bytes().splitlines()
    assert [json.loads(line)["ops"] for line in journal] == [
        [["put", "t", "k2", {"n": 2}]], [["del", "t", "k1"]]]
    store.commit([("put", "t", "k3", {"n": 3})])  # written to the fresh journal
    reader = Store(tmp_path / "s.json", read_only=True)  # as a crash here would leave it
    assert reader.snapshot() == {"t": {"k2": {"n": 2}, "k3": {"n": 3}}}
    store.close()
    assert Store(tmp_path / "s.json", read_only=True).snapshot() == reader.snapshot()
