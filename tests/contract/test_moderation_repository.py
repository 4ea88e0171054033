"""The moderation contract: screened posts, alerts under the version check, bans and examples."""

from __future__ import annotations

import pytest

from bot.audit import sealed
from bot.ports import ConcurrentUpdate, HistoryRewritten
from tests.contract.conftest import Backend
from tests.contract.samples import alert, entry, note, post, verdict


def _file(backend: Backend, alert_id: str, *, post_id: str, author: str = "fb-1") -> None:
    flagged = alert(alert_id, post_id=post_id, author=author)
    backend.moderation.record_post(flagged.post, flagged.verdict, flagged,
                                   [note(alert_id, 1, "moderation_alert")])


def _decide(backend: Backend, alert_id: str, state: str, action: str, comment: str = "") -> None:
    stored = backend.moderation.get(alert_id)
    assert stored is not None
    moved = stored.evolve(state=state, step=stored.step + 1,
                          history=sealed(alert_id, (*stored.history, entry(
                              len(stored.history) + 1, step=stored.step, stage=stored.state,
                              action=action, comment=comment))))
    backend.moderation.save(moved, expected_version=stored.version,
                            notifications=[note(alert_id, stored.step, "alert_closed")])


def test_a_screened_post_and_its_alert_come_back_whole(backend: Backend) -> None:
    flagged = alert("A-1")
    backend.moderation.record_post(flagged.post, flagged.verdict, flagged,
                                   [note("A-1", 1, "moderation_alert")])
    backend.moderation.record_post(post("p-2"), verdict("p-2", flagged=False), None, ())
    backend.reopen()
    assert backend.moderation.screened("facebook", "p-1") == flagged.verdict
    assert backend.moderation.screened("facebook", "p-2") == verdict("p-2", flagged=False)
    assert backend.moderation.screened("instagram", "p-1") is None
    assert backend.moderation.get("A-1") == flagged
    assert [a.id for a in backend.moderation.open_cases()] == ["A-1"]
    assert sorted(m.id for m in backend.requests.due(1e12)) == [
        "A-1:1:moderation_alert@slack", "A-1:1:moderation_alert@teams"]


def test_screening_the_same_post_again_keeps_one_record(backend: Backend) -> None:
    for _ in range(2):
        backend.moderation.record_post(post("p-1"), verdict("p-1", flagged=False), None, ())
    backend.moderation.record_post(post("p-1", platform="youtube"),
                                   verdict("p-1", flagged=False), None, ())
    backend.reopen()
    assert backend.moderation.count_posts() == 2


def test_alert_ids_are_unique_and_increasing_across_a_restart(backend: Backend) -> None:
    first = backend.moderation.next_id()
    _file(backend, first, post_id="p-1")
    backend.reopen()
    second = backend.moderation.next_id()
    assert int(second.removeprefix("A-")) > int(first.removeprefix("A-"))


def test_of_two_moderators_from_the_same_version_one_wins(backend: Backend) -> None:
    _file(backend, "A-1", post_id="p-1")
    base = backend.moderation.get("A-1")
    assert base is not None
    kept = base.evolve(state="kept", step=2,
                       history=sealed("A-1", (entry(1, step=1, action="keep"),)))
    banned = base.evolve(state="banned", step=2,
                         history=(entry(1, step=1, action="ban", comment="spam"),))
    backend.moderation.save(kept, expected_version=base.version)
    with pytest.raises(ConcurrentUpdate):
        backend.moderation.save(banned, expected_version=base.version,
                                notifications=[note("A-1", 1, "remove_post", channel="webhook")])
    backend.reopen()
    assert backend.moderation.get("A-1") == kept.evolve(version=base.version + 1)
    assert not backend.moderation.is_banned("facebook", "fb-1")
    assert not [m for m in backend.requests.due(1e12) if m.channel == "webhook"]


def test_an_alert_never_filed_cannot_be_saved(backend: Backend) -> None:
    with pytest.raises(ConcurrentUpdate):
        backend.moderation.save(alert("A-7"), expected_version=0)
    assert backend.moderation.get("A-7") is None


def test_an_alert_history_is_append_only(backend: Backend) -> None:
    _file(backend, "A-1", post_id="p-1")
    _decide(backend, "A-1", "escalated", "escalate")
    stored = backend.moderation.get("A-1")
    assert stored is not None
    forged = stored.evolve(state="kept", step=3,
                           history=(entry(1, step=1, action="keep"), entry(2, action="keep")))
    with pytest.raises(HistoryRewritten):
        backend.moderation.save(forged, expected_version=stored.version,
                                notifications=[note("A-1", 2, "alert_closed")])
    backend.reopen()
    assert backend.moderation.get("A-1") == stored
    assert backend.moderation.kept_examples() == []
    assert "A-1:2:alert_closed@slack" not in [m.id for m in backend.requests.due(1e12)]


def test_a_ban_is_recorded_only_by_a_banned_alert_and_a_kept_post_becomes_an_example(
        backend: Backend) -> None:
    for number in range(1, 5):
        _file(backend, f"A-{number}", post_id=f"p-{number}", author=f"fb-{number}")
    _decide(backend, "A-1", "removed", "remove")
    _decide(backend, "A-2", "kept", "keep")
    _decide(backend, "A-3", "escalated", "escalate")
    _decide(backend, "A-3", "banned", "ban", comment="Repeated spam")
    backend.reopen()
    assert [backend.moderation.is_banned("facebook", f"fb-{n}") for n in range(1, 5)] == [
        False, False, True, False]
    assert not backend.moderation.is_banned("youtube", "fb-3")
    assert backend.moderation.kept_examples() == [post("p-2", author="fb-2")]
    assert [a.id for a in backend.moderation.open_cases()] == ["A-4"]
    banned = backend.moderation.get("A-3")
    assert banned is not None and banned.ban is not None
    assert banned.ban.comment == "Repeated spam"
    assert "A-3:2:alert_closed@teams" in [m.id for m in backend.requests.due(1e12)]


def test_open_cases_shrink_as_alerts_close(backend: Backend) -> None:
    for number in (1, 2, 10):
        _file(backend, f"A-{number}", post_id=f"p-{number}")
    assert [a.id for a in backend.moderation.open_cases()] == ["A-1", "A-2", "A-10"]
    _decide(backend, "A-2", "escalated", "escalate")
    assert [a.id for a in backend.moderation.open_cases()] == ["A-1", "A-2", "A-10"]
    _decide(backend, "A-2", "removed", "remove")
    _decide(backend, "A-10", "kept", "keep")
    backend.reopen()
    assert [a.id for a in backend.moderation.open_cases()] == ["A-1"]
