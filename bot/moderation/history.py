"""The duplicate memory: what each author posted recently.

`PostHistory` is the port; `InMemoryPostHistory` keeps, per author, only the posts inside
the duplicate window (and at most `per_author` of them), so memory stays bounded however
long the bot runs. Storage can implement the same two methods.
"""

from __future__ import annotations

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
        # Per author, their records by post id, oldest remembered first (a dict keeps the
        # order it was filled in): "seen this post already?" is one look-up, not a scan.
        self._by_author: dict[str, dict[str, PostRecord]] = {}

    def recent_by_author(self, author_key: str, since: datetime) -> Sequence[PostRecord]:
        records = self._by_author.get(author_key)
        if not records:
            return ()
        return [record for record in records.values() if record.created_at >= since]

    def remember(self, record: PostRecord) -> None:
        records = self._by_author.get(record.author_key)
        if records is None:
            records = self._by_author[record.author_key] = {}
        elif record.post_id in records:
            return  # the same post screened again (a retried delivery) is not a new copy
        records[record.post_id] = record
        if len(records) > self._per_author:
            del records[next(iter(records))]  # the oldest remembered goes, as in a bounded queue
        horizon = record.created_at - self._window
        while records and next(iter(records.values())).created_at < horizon:
            del records[next(iter(records))]
        if len(self._by_author) > 100_000:
            self._forget_idle_authors(horizon)

    def _forget_idle_authors(self, horizon: datetime) -> None:
        idle = [
            key
            for key, records in self._by_author.items()
            if not records or next(reversed(records.values())).created_at < horizon
        ]
        for key in idle:
            del self._by_author[key]

    def __len__(self) -> int:
        return sum(len(records) for records in self._by_author.values())
