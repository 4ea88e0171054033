"""The duplicate memory: what each author posted recently.

`PostHistory` is the port; `InMemoryPostHistory` keeps, per author, only the posts inside
the duplicate window (and at most `per_author` of them), so memory stays bounded however
long the bot runs. Storage can implement the same two methods.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol


@dataclass(frozen=True)
class PostRecord:
    """What the duplicate rule needs to remember about one post."""

    post_id: str
    author_key: str  # platform:author_id
    board: str
    folder: str
    created_at: datetime
    fingerprint: str  # the text normalised for comparison (see rules/duplicate.py)


class PostHistory(Protocol):
    def recent_by_author(self, author_key: str, since: datetime) -> Sequence[PostRecord]:
        """The author's posts created at or after `since`, oldest first."""
        ...

    def remember(self, record: PostRecord) -> None: ...


class InMemoryPostHistory:
    def __init__(self, window: timedelta, per_author: int = 200) -> None:
        self._window = window
        self._per_author = per_author
        self._by_author: dict[str, deque[PostRecord]] = {}

    def recent_by_author(self, author_key: str, since: datetime) -> Sequence[PostRecord]:
        records = self._by_author.get(author_key, ())
        return [record for record in records if record.created_at >= since]

    def remember(self, record: PostRecord) -> None:
        records = self._by_author.setdefault(record.author_key, deque(maxlen=self._per_author))
        if any(r.post_id == record.post_id for r in records):
            return  # the same post screened again (a retried delivery) is not a new copy
        records.append(record)
        horizon = record.created_at - self._window
        while records and records[0].created_at < horizon:
            records.popleft()
        if len(self._by_author) > 100_000:
            self._forget_idle_authors(horizon)

    def _forget_idle_authors(self, horizon: datetime) -> None:
        idle = [
            key
            for key, records in self._by_author.items()
            if not records or records[-1].created_at < horizon
        ]
        for key in idle:
            del self._by_author[key]

    def __len__(self) -> int:
        return sum(len(records) for records in self._by_author.values())
