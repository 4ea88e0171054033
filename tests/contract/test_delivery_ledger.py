"""The delivery ledger contract: idempotent fan-out, and the copies of a case to update."""

from __future__ import annotations

from tests.contract.conftest import Backend
from tests.contract.samples import note


def test_a_recorded_delivery_is_known_by_notification_channel_and_target(
        backend: Backend) -> None:
    ledger = backend.requests
    first = note("R-1", 1)
    assert not ledger.sent(first.id, "slack", "U1")
    ledger.record(notification=first, channel="slack", target="U1",
                  ref={"channel": "D1", "ts": "1.0"})
    backend.reopen()
    assert backend.requests.sent(first.id, "slack", "U1")
    assert not backend.requests.sent(first.id, "slack", "U2")
    assert not backend.requests.sent(first.id, "teams", "U1")


def test_copies_are_found_by_case_step_and_kind_and_recording_twice_keeps_one(
        backend: Backend) -> None:
    ledger = backend.requests
    ledger.record(notification=note("R-1", 1), channel="slack", target="U1",
                  ref={"channel": "D1", "ts": "1.0"})
    ledger.record(notification=note("R-1", 1), channel="slack", target="U1",
                  ref={"channel": "D1", "ts": "1.1"})
    ledger.record(notification=note("R-1", 1), channel="slack", target="U2",
                  ref={"channel": "D2", "ts": "2.0"})
    ledger.record(notification=note("R-1", 2), channel="slack", target="U1",
                  ref={"channel": "D1", "ts": "3.0"})
    ledger.record(notification=note("R-1", 1, "requester_update"), channel="slack",
                  target="U9", ref={"channel": "D9", "ts": "4.0"})
    ledger.record(notification=note("A-1", 1, "moderation_alert"), channel="teams",
                  target="T1", ref={"activity": "a1", "nested": {"k": [1, 2]}})
    backend.reopen()
    ledger = backend.requests
    assert ledger.copies("R-1", 1, "slack") == [
        {"target": "U1", "channel": "D1", "ts": "1.1"},
        {"target": "U2", "channel": "D2", "ts": "2.0"}]
    assert [c["ts"] for c in ledger.copies("R-1", None, "slack")] == ["1.1", "2.0", "3.0"]
    assert ledger.copies("R-1", 1, "slack", kind="requester_update") == [
        {"target": "U9", "channel": "D9", "ts": "4.0"}]
    assert ledger.copies("R-1", 1, "teams") == []
    assert ledger.copies("A-1", 1, "teams", kind="moderation_alert") == [
        {"target": "T1", "activity": "a1", "nested": {"k": [1, 2]}}]


def test_an_intent_is_pending_until_its_result_is_recorded(backend: Backend) -> None:
    """What a crash between sending and recording leaves: an intent, with its time."""
    ledger = backend.requests
    notice = note("R-1", 1)
    ledger.intend(notification=notice, channel="slack", target="U1", at=1_700_000_000.5)
    assert ledger.intended_at(notice.id, "slack", "U1") == 1_700_000_000.5
    assert not ledger.sent(notice.id, "slack", "U1")
    assert ledger.copies("R-1", 1, "slack") == []  # not a copy to update: maybe never sent
    assert ledger.intended_at(notice.id, "slack", "U2") is None
    ledger.record(notification=notice, channel="slack", target="U1",
                  ref={"channel": "D1", "ts": "1.0"})
    assert ledger.sent(notice.id, "slack", "U1")
    assert ledger.intended_at(notice.id, "slack", "U1") is None
    assert ledger.copies("R-1", 1, "slack") == [{"target": "U1", "channel": "D1", "ts": "1.0"}]


def test_an_intent_and_a_result_outlive_a_restart(backend: Backend) -> None:
    first, second = note("R-1", 1), note("R-2", 1)
    backend.requests.intend(notification=first, channel="teams", target="adoe", at=12.25)
    backend.requests.intend(notification=second, channel="teams", target="adoe", at=13.5)
    backend.requests.record(notification=second, channel="teams", target="adoe",
                            ref={"activity_id": "a-1"})
    backend.reopen()
    assert backend.requests.intended_at(first.id, "teams", "adoe") == 12.25
    assert backend.requests.sent(second.id, "teams", "adoe")
    assert backend.requests.copies("R-1", 1, "teams") == []
    assert backend.requests.copies("R-2", 1, "teams") == [{"target": "adoe",
                                                           "activity_id": "a-1"}]
