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
