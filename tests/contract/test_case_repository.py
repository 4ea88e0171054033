"""The cases contract (RequestRepository, RefusalLog): what every backend must keep and refuse."""

from __future__ import annotations

import pytest

from bot.audit import Refusal
from bot.ports import ConcurrentUpdate, HistoryRewritten
from tests.contract.conftest import Backend
from tests.contract.samples import AT, entry, note, request


def _due_ids(backend: Backend) -> list[str]:
    return [m.id for m in backend.requests.due(now=1e12, limit=1000)]


def test_every_field_comes_back_as_saved_also_after_a_restart(backend: Backend) -> None:
    original = request()
    saved = backend.requests.save(original, expected_version=0)
    assert saved == original.evolve(version=1)
    assert backend.requests.get("R-1") == saved
    backend.reopen()
    assert backend.requests.get("R-1") == saved
    assert backend.requests.get("R-2") is None
    assert backend.requests.count() == 1


def test_ids_are_unique_and_increasing_and_never_reused_after_a_restart(
        backend: Backend) -> None:
    first = [backend.requests.next_id() for _ in range(3)]
    backend.requests.save(request(first[-1]), expected_version=0)
    backend.reopen()
    later = [backend.requests.next_id() for _ in range(3)]
    numbers = [int(i.removeprefix("R-")) for i in first + later]
    assert numbers == sorted(numbers) and len(set(numbers)) == 6


def test_of_two_writers_from_the_same_version_one_wins_and_nothing_of_the_loser_is_stored(
        backend: Backend) -> None:
    base = backend.requests.save(request(entries=1), expected_version=0)
    winner = base.evolve(state="director", step=2, history=(*base.history, entry(2)))
    loser = base.evolve(state="rejected", step=2,
                        history=(*base.history, entry(2, action="reject", comment="no")))
    backend.requests.save(winner, expected_version=base.version,
                          notifications=[note(step=2, kind="step_closed")])
    with pytest.raises(ConcurrentUpdate):
        backend.requests.save(loser, expected_version=base.version,
                              notifications=[note(step=2, kind="requester_update")])
    backend.reopen()
    stored = backend.requests.get("R-1")
    assert stored is not None
    assert (stored.state, stored.version, stored.history) == ("director", 2, winner.history)
    assert not [i for i in _due_ids(backend) if "requester_update" in i]
    assert [r.id for r in backend.requests.open_cases()] == ["R-1"]


def test_a_case_never_saved_is_only_created_from_version_zero(backend: Backend) -> None:
    with pytest.raises(ConcurrentUpdate):
        backend.requests.save(request(), expected_version=3)
    assert backend.requests.get("R-1") is None and backend.requests.count() == 0


@pytest.mark.parametrize("rewrite", ["change", "drop", "reorder"])
def test_the_history_is_append_only(backend: Backend, rewrite: str) -> None:
    base = backend.requests.save(request(entries=3), expected_version=0)
    history = {
        "change": (base.history[0], base.history[1].__class__(
            **{**base.history[1].__dict__, "comment": "edited"}), base.history[2], entry(4)),
        "drop": (base.history[0], base.history[2], entry(4)),
        "reorder": (base.history[1], base.history[0], base.history[2], entry(4)),
    }[rewrite]
    with pytest.raises(HistoryRewritten):
        backend.requests.save(base.evolve(history=history, step=4), expected_version=1,
                              notifications=[note(step=4)])
    backend.reopen()
    assert backend.requests.get("R-1") == base
    assert _due_ids(backend) == []


def test_appending_to_the_history_is_allowed(backend: Backend) -> None:
    base = backend.requests.save(request(entries=2), expected_version=0)
    moved = backend.requests.save(base.evolve(history=(*base.history, entry(3))),
                                  expected_version=1)
    assert backend.requests.get("R-1") == moved and len(moved.history) == 3


def test_notifications_are_committed_with_the_save(backend: Backend) -> None:
    notes = [note(step=1, kind="step_closed"), note(step=2),
             note(step=2, kind="remove_post", channel="webhook")]
    backend.requests.save(request(), expected_version=0, notifications=notes)
    backend.reopen()
    assert sorted(_due_ids(backend)) == sorted([
        "R-1:1:step_closed@slack", "R-1:1:step_closed@teams",
        "R-1:2:action_needed@slack", "R-1:2:action_needed@teams",
        "R-1:2:remove_post@webhook"])
    by_id = {m.id: m for m in backend.requests.due(now=1e12)}
    assert by_id["R-1:2:action_needed@teams"].notification == notes[1]
    assert by_id["R-1:2:remove_post@webhook"].notification == notes[2]


def test_queued_notifications_carry_their_marker_once(backend: Backend) -> None:
    assert not backend.requests.marked("R-1:2:reminder")
    backend.requests.queue([note(step=2, kind="escalation", suffix=":reminder")],
                           marker="R-1:2:reminder")
    backend.reopen()
    assert backend.requests.marked("R-1:2:reminder")
    assert not backend.requests.marked("R-1:3:reminder")
    assert sorted(_due_ids(backend)) == ["R-1:2:escalation:reminder@slack",
                                         "R-1:2:escalation:reminder@teams"]


def test_refusals_are_kept_per_case_in_order(backend: Backend) -> None:
    refusals = [Refusal(case_id=case, person_id=person, platform="teams", action="approve",
                        reason=f"{person} may not", at=AT)
                for case, person in [("R-1", "tlee"), ("A-2", "adoe"), ("R-1", "adoe")]]
    for refusal in refusals:
        backend.requests.record_refusal(refusal)
    backend.reopen()
    assert backend.requests.refusals("R-1") == [refusals[0], refusals[2]]
    assert backend.requests.refusals("A-2") == [refusals[1]]
    assert backend.requests.refusals("R-9") == []
    backend.requests.record_refusal(refusals[0])
    assert len(backend.requests.refusals("R-1")) == 3


def test_requests_by_requester_and_open_cases_follow_every_save(backend: Backend) -> None:
    for number, requester in [(10, "adoe"), (2, "adoe"), (3, "jlee")]:
        backend.requests.save(request(f"R-{number}", requester=requester), expected_version=0)
    closed = backend.requests.get("R-2")
    assert closed is not None
    backend.requests.save(closed.evolve(state="approved", history=(*closed.history, entry(3))),
                          expected_version=1)
    backend.reopen()
    assert [r.id for r in backend.requests.by_requester("adoe")] == ["R-2", "R-10"]
    assert [r.id for r in backend.requests.by_requester("nobody")] == []
    assert [r.id for r in backend.requests.open_cases()] == ["R-3", "R-10"]
    assert backend.requests.count() == 3


def test_the_change_feed_names_every_saved_request_once_per_save_also_after_a_restart(
        backend: Backend) -> None:
    # What keeps indexes outside the store (the inbox) current without reading every request.
    first = backend.requests.save(request("R-1"), expected_version=0)
    backend.requests.save(request("R-2"), expected_version=0)
    changed, cursor = backend.requests.changed_since(0)
    assert changed == ["R-1", "R-2"]
    assert backend.requests.changed_since(cursor) == ([], cursor)
    backend.requests.save(first, expected_version=first.version)
    assert backend.requests.changed_since(cursor) == (["R-1"], cursor + 1)
    backend.reopen()
    assert set(backend.requests.changed_since(0)[0]) == {"R-1", "R-2"}
