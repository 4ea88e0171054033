"""The outbox contract: order within a case, retries, dead letters and putting them back."""

from __future__ import annotations

from tests.contract.conftest import Backend
from tests.contract.samples import note, request


def _queue(backend: Backend, *notes_by_case: tuple[str, int, str]) -> None:
    for case_id, step, kind in notes_by_case:
        backend.requests.queue([note(case_id, step, kind)], marker=f"{case_id}:{step}:{kind}")


def _slack_ids(backend: Backend, now: float = 1e12) -> list[str]:
    return [m.id for m in backend.requests.due(now) if m.channel == "slack"]


def test_messages_come_due_in_the_order_they_were_queued(backend: Backend) -> None:
    _queue(backend, ("R-1", 1, "step_closed"), ("R-2", 1, "action_needed"),
           ("R-1", 2, "action_needed"), ("R-1", 2, "requester_update"))
    backend.reopen()
    assert _slack_ids(backend) == ["R-1:1:step_closed@slack", "R-2:1:action_needed@slack",
                                   "R-1:2:action_needed@slack", "R-1:2:requester_update@slack"]
    assert len(backend.requests.due(1e12, limit=3)) == 3
    assert backend.requests.pending_count() == 8


def test_a_delivered_message_leaves_and_a_failed_one_waits_for_its_retry(
        backend: Backend) -> None:
    backend.requests.save(request(), expected_version=0,
                          notifications=[note(step=2), note(step=2, kind="requester_update")])
    first, second = [m for m in backend.requests.due(1e12) if m.channel == "slack"]
    backend.requests.delivered(first.id)
    backend.requests.failed(second, error="HTTP 429", retry_at=5000.0)
    backend.reopen()
    assert first.id not in _slack_ids(backend)
    assert second.id not in _slack_ids(backend, now=4999.0)
    retried = next(m for m in backend.requests.due(5000.0) if m.id == second.id)
    assert (retried.attempts, retried.last_error, retried.not_before) == (1, "HTTP 429", 5000.0)
    assert retried.notification == second.notification
    assert backend.requests.pending_count() == 3


def test_a_message_given_up_on_is_kept_as_a_dead_letter_until_retried(
        backend: Backend) -> None:
    _queue(backend, ("R-1", 1, "action_needed"))
    message = next(m for m in backend.requests.due(1e12) if m.channel == "teams")
    backend.requests.failed(message, error="403 blocked by user" * 50, retry_at=None)
    backend.reopen()
    assert [m.id for m in backend.requests.due(1e12)] == ["R-1:1:action_needed@slack"]
    dead = backend.requests.dead_letters()
    assert [m.id for m in dead] == [message.id] and len(dead[0].last_error) == 500
    assert backend.requests.pending_count() == 1
    summary = backend.requests.outbox_summary(now=1e12)
    assert (summary.pending, summary.dead) == ({"slack": 1}, {"teams": 1})
    assert [r["id"] for r in backend.requests.outbox_records(dead=True)] == [message.id]
    assert backend.requests.retry(None, now=10.0) == [message.id]
    assert backend.requests.dead_letters() == []
    back = next(m for m in backend.requests.due(10.0) if m.id == message.id)
    assert back.attempts == 0


def test_retrying_by_id_skips_messages_not_in_the_outbox(backend: Backend) -> None:
    _queue(backend, ("R-1", 1, "action_needed"))
    assert backend.requests.retry(["R-1:1:action_needed@slack", "R-9:1:gone@slack"],
                                  now=7.0) == ["R-1:1:action_needed@slack"]
    assert [m.not_before for m in backend.requests.due(7.0) if m.channel == "slack"] == [7.0]


def test_messages_being_delivered_are_left_out_and_not_counted(backend: Backend) -> None:
    _queue(backend, ("R-1", 1, "step_closed"), ("R-2", 1, "action_needed"),
           ("R-3", 1, "action_needed"))
    everything = [m.id for m in backend.requests.due(1e12, limit=100)]
    in_hand = set(everything[:2])
    left = backend.requests.due(1e12, limit=2, skip=in_hand)
    assert [m.id for m in left] == everything[2:4]
    assert [m.id for m in backend.requests.due(1e12, limit=100, skip=set(everything))] == []
    assert [m.id for m in backend.requests.due(1e12, limit=2)] == everything[:2]  # still there
