"""The post history contract: an author's recent posts, inside the window, at most N each."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.moderation.history import InMemoryPostHistory, PostHistory, PostRecord
from storage.moderation_repository import StoredPostHistory
from tests.contract.conftest import Backend
from tests.contract.samples import AT

WINDOW = timedelta(days=7)


class Histories:
    """The backend's post history, built again after a restart where it is durable."""

    def __init__(self, backend: Backend, per_author: int) -> None:
        self.backend = backend
        self.per_author = per_author
        self.memory = InMemoryPostHistory(WINDOW, per_author=per_author)

    def current(self) -> PostHistory:
        if self.backend.durable:
            return StoredPostHistory(self.backend.moderation, WINDOW, per_author=self.per_author)  # type: ignore[arg-type]
        return self.memory


def _record(post_id: str, *, author: str = "facebook:fb-1", hours: float = 0) -> PostRecord:
    return PostRecord(post_id=post_id, author_key=author, board="City of Pickering",
                      folder="Events", created_at=AT + timedelta(hours=hours),
                      fingerprint=f"call now {post_id}")


@pytest.fixture
def histories(backend: Backend) -> Histories:
    return Histories(backend, per_author=3)


def test_an_authors_posts_come_back_oldest_first_and_whole(
        histories: Histories, backend: Backend) -> None:
    records = [_record("p-1"), _record("p-2", hours=1),
               _record("p-9", author="youtube:yt-1", hours=2)]
    for record in records:
        histories.current().remember(record)
    backend.reopen()
    history = histories.current()
    assert list(history.recent_by_author("facebook:fb-1", AT)) == records[:2]
    assert list(history.recent_by_author("facebook:fb-1", AT + timedelta(minutes=1))) == \
        records[1:2]
    assert list(history.recent_by_author("youtube:yt-1", AT)) == records[2:]
    assert list(history.recent_by_author("facebook:nobody", AT)) == []


def test_the_same_post_remembered_twice_is_one_post(histories: Histories) -> None:
    histories.current().remember(_record("p-1"))
    histories.current().remember(_record("p-1", hours=1))
    assert [r.post_id for r in histories.current().recent_by_author("facebook:fb-1", AT)] == \
        ["p-1"]


def test_each_author_keeps_at_most_the_bound_newest_posts(histories: Histories) -> None:
    for number in range(1, 6):
        histories.current().remember(_record(f"p-{number}", hours=number))
    histories.current().remember(_record("q-1", author="facebook:fb-2", hours=1))
    kept = histories.current().recent_by_author("facebook:fb-1", AT)
    assert [r.post_id for r in kept] == ["p-3", "p-4", "p-5"]
    assert len(histories.current().recent_by_author("facebook:fb-2", AT)) == 1


def test_posts_older_than_the_window_are_forgotten(histories: Histories) -> None:
    histories.current().remember(_record("p-1"))
    histories.current().remember(_record("p-2", hours=24 * 8))
    kept = histories.current().recent_by_author("facebook:fb-1", AT - timedelta(days=30))
    assert [r.post_id for r in kept] == ["p-2"]
