"""The contract of the generic case repository (questions, broken links) and the link store,
on every backend: ids never reused, the version check, the append-only history, notifications
in the same write, open cases, and the links and last check surviving a restart."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.audit import sealed
from bot.clocked import bot_entry, case_notice
from bot.links import BrokenLink, LinkCheck, LinkResult, LinkSource
from bot.ports import ConcurrentUpdate, HistoryRewritten
from storage.case_tables import BROKEN_LINKS, TinyDBCaseRepository, TinyDBLinkStore
from storage.memory import MemoryCaseRepository, MemoryLinkStore, MemoryRepository
from tests.contract.conftest import Backend

AT = datetime(2026, 7, 6, 14, tzinfo=UTC)


def cases(backend: Backend) -> Any:
    if isinstance(backend.requests, MemoryRepository):
        if not hasattr(backend, "_links"):
            backend._links = MemoryCaseRepository(backend.requests, prefix="L")  # type: ignore[attr-defined]
        return backend._links  # type: ignore[attr-defined]
    return TinyDBCaseRepository(backend.requests, table=BROKEN_LINKS, prefix="L",
                                from_record=BrokenLink.from_record)


def links(backend: Backend) -> Any:
    if isinstance(backend.requests, MemoryRepository):
        if not hasattr(backend, "_store_links"):
            backend._store_links = MemoryLinkStore()  # type: ignore[attr-defined]
        return backend._store_links  # type: ignore[attr-defined]
    return TinyDBLinkStore(backend.requests)


def broken(case_id: str) -> BrokenLink:
    case = BrokenLink(id=case_id, url="https://example.org/a", account_id="facebook:Rec",
                      places=("p-1",), failure="404 Not Found", state="broken", step=1,
                      opened_at=AT)
    return case.evolve(history=sealed(case_id, (bot_entry(case, "found_broken", AT),)))


def test_a_case_round_trips_with_its_notice_and_ids_are_never_reused(backend: Backend) -> None:
    repository = cases(backend)
    first = repository.next_id()
    note = case_notice("link", first, 1, ("rsingh",), "Broken", intent="first_notice",
                       suffix="broken")
    saved = repository.save(broken(first), expected_version=0, notifications=[note])
    assert saved.version == 1
    assert {m.notification.id for m in backend.requests.due(now=1e12)} == {f"{first}:1:broken"}
    backend.reopen()
    repository = cases(backend)
    assert repository.get(first) == saved
    assert [c.id for c in repository.open_cases()] == [first]
    assert repository.next_id() != first


def test_the_version_check_and_the_append_only_history(backend: Backend) -> None:
    repository = cases(backend)
    case = repository.save(broken(repository.next_id()), expected_version=0)
    with pytest.raises(ConcurrentUpdate):
        repository.save(case, expected_version=0)
    with pytest.raises(HistoryRewritten):
        repository.save(case.evolve(history=()), expected_version=case.version)
    fixed = case.evolve(state="fixed", step=2, history=sealed(case.id, (
        *case.history, bot_entry(case, "fixed", AT))))
    repository.save(fixed, expected_version=case.version)
    assert repository.open_cases() == []
    assert [c.state for c in repository.all()] == ["fixed"]


def test_all_lists_every_case_final_ones_too_in_id_order(backend: Backend) -> None:
    repository = cases(backend)
    ids = [repository.next_id() for _ in range(10)]
    tenth = repository.save(broken(ids[9]), expected_version=0)
    second = repository.save(broken(ids[1]), expected_version=0)
    repository.save(second.evolve(state="closed", step=2, history=sealed(second.id, (
        *second.history, bot_entry(second, "closed", AT)))), expected_version=second.version)
    for _ in range(2):  # and the same after a restart
        assert [(c.id, c.state) for c in repository.all()] == [(ids[1], "closed"),
                                                               (ids[9], "broken")]
        assert [c.id for c in repository.open_cases()] == [tenth.id]
        backend.reopen()
        repository = cases(backend)


def test_links_and_the_last_check_are_kept(backend: Backend) -> None:
    store = links(backend)
    source = LinkSource("https://example.org/a", "facebook:Rec", post_id="p-1", added_at=AT)
    assert store.add_source(source) is True
    assert store.add_source(source) is False
    assert store.add_source(LinkSource("https://example.org/a", "facebook:Rec",
                                       registered_by="kwong", added_at=AT)) is True
    check = LinkCheck(AT, AT, (LinkResult("https://example.org/a", "facebook:Rec", ("p-1",),
                                          False, "404 Not Found", "L-1"),))
    store.record_check(check)
    backend.reopen()
    store = links(backend)
    assert [s.where for s in store.sources()] == ["p-1", "registered by kwong"]
    assert store.last_check() == check
