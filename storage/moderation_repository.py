"""The moderation desk's storage on the journaled TinyDB store: posts, alerts, bans, examples.

Screened posts are keyed by (platform, post id), so intake stays idempotent and O(1) however
many posts are stored; an alert, its notifications and a ban are one commit.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.audit import sealed
from bot.moderation.desk import (
    Alert,
    alert_from_record,
    alert_to_record,
    post_from_record,
    post_to_record,
    verdict_from_record,
    verdict_to_record,
)
from bot.moderation.history import PostRecord
from bot.moderation.model import Post, Verdict
from bot.notifications import Notification
from bot.ports import ConcurrentUpdate, HistoryRewritten
from storage.engine import Op
from storage.tinydb_repository import TinyDBRepository, migration_record

POSTS, ALERTS, BANS, EXAMPLES, AUTHORS = "posts", "alerts", "bans", "examples", "post_history"


class TinyDBModerationRepository:
    def __init__(self, requests: TinyDBRepository) -> None:
        self.store = requests.store
        self.outbox_ops = requests.outbox_ops  # one outbox, one commit with the alert
        self._writing = threading.Lock()
        self._parsed: dict[str, Alert] = {}
        # Ids of the alerts written since the start (a ban is written with its alert).
        self._changes: list[str] = []
        self._convert_landed_alerts()
        self._open = {doc_id for doc_id, r in self.store.items(ALERTS)
                      if r["state"] in ("open", "escalated")}
        highest = max((int(i.removeprefix("A-")) for i, _ in self.store.items(ALERTS)),
                      default=0)
        self._next = itertools.count(highest + 1)

    def _convert_landed_alerts(self) -> None:
        """Alerts stored before they shared the engine's signed entry are rewritten once, in
        one commit, so every later reader (and hash) sees one format."""
        if self.store.read_only:
            return
        old = [(doc_id, record) for doc_id, record in self.store.items(ALERTS)
               if any("seq" not in entry for entry in record["history"])
               or (record["history"] and not any("hash" in e for e in record["history"]))]
        if old:
            ops: list[Op] = []
            for doc_id, record in old:
                alert = alert_from_record(record)
                alert = alert.evolve(history=sealed(alert.id, alert.history))
                ops.append(("put", ALERTS, doc_id, alert_to_record(alert)))
            self.store.commit([*ops, migration_record("alert-history-hashes", len(old))])

    def next_id(self) -> str:
        return f"A-{next(self._next)}"

    def screened(self, platform: str, post_id: str) -> Verdict | None:
        record = self.store.get(POSTS, f"{platform}:{post_id}")
        return verdict_from_record(record["verdict"]) if record else None

    def record_post(self, post: Post, verdict: Verdict, alert: Alert | None,
                    notifications: Iterable[Notification]) -> None:
        ops: list[Op] = [("put", POSTS, f"{post.platform}:{post.post_id}", {
            "post": post_to_record(post), "verdict": verdict_to_record(verdict),
            "alert": alert.id if alert else None})]
        if alert is not None:
            ops.append(("put", ALERTS, alert.id, alert_to_record(alert)))
        ops += self.outbox_ops(notifications)
        with self._writing:
            self.store.commit(ops)
            if alert is not None:
                self._changes.append(alert.id)
        if alert is not None and not alert.is_final:
            self._open.add(alert.id)

    def get(self, case_id: str) -> Alert | None:
        record = self.store.get(ALERTS, case_id)
        return alert_from_record(record) if record else None

    def save(self, case: Alert, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> Alert:
        saved = case.evolve(version=expected_version + 1)
        ops: list[Op] = [("put", ALERTS, saved.id, alert_to_record(saved)),
                         *self.outbox_ops(notifications), *_outcome_ops(saved)]
        with self._writing:
            stored = self.get(saved.id)
            if stored is None or stored.version != expected_version:
                raise ConcurrentUpdate(saved.id)
            if case.history[: len(stored.history)] != stored.history:
                raise HistoryRewritten(f"{case.id}: the audit trail is append-only")
            self.store.commit(ops)
            self._changes.append(saved.id)
        if saved.is_final:
            self._open.discard(saved.id)
        return saved

    def is_banned(self, platform: str, author_id: str) -> bool:
        return self.store.get(BANS, f"{platform}:{author_id}") is not None

    def open_cases(self) -> list[Alert]:
        return [a for a in map(self.get, sorted(self._open, key=_number)) if a is not None]

    def kept_examples(self) -> list[Post]:
        return [post_from_record(r["post"]) for _, r in self.store.items(EXAMPLES)]

    def all_alerts(self) -> list[Alert]:
        """Every alert (reports). A parsed alert is kept until its stored version changes."""
        found = []
        for doc_id, record in self.store.items(ALERTS):
            cached = self._parsed.get(doc_id)
            if cached is None or cached.version != record["version"]:
                cached = self._parsed[doc_id] = alert_from_record(record)
            found.append(cached)
        return found

    @property
    def generation(self) -> int:
        """Bumps on every alert or ban written: reports know when to look again."""
        return len(self._changes)

    def changed_since(self, generation: int) -> list[str]:
        """Ids of the alerts written after `generation` (repeats possible), oldest first."""
        return self._changes[generation:]

    def ban(self, platform: str, author_id: str) -> dict[str, str] | None:
        record = self.store.get(BANS, f"{platform}:{author_id}")
        return dict(record) if record is not None else None

    def bans(self) -> list[dict[str, str]]:
        """The ban list: platform, author, reason, who banned and when, oldest first."""
        return sorted((dict(r) for _, r in self.store.items(BANS)), key=lambda r: r["at"])

    def count_posts(self) -> int:
        return self.store.count(POSTS)


class StoredPostHistory:
    """The duplicate memory, kept in the store so it survives restarts (PostHistory port)."""

    def __init__(self, store: TinyDBModerationRepository, window: timedelta,
                 per_author: int = 50) -> None:
        self.store = store.store
        self.window = window
        self.per_author = per_author

    def recent_by_author(self, author_key: str, since: datetime) -> list[PostRecord]:
        record = self.store.get(AUTHORS, author_key)
        if record is None:
            return []
        posts = [_post_record(author_key, r) for r in record["posts"]]
        return [p for p in posts if p.created_at >= since]

    def remember(self, record: PostRecord) -> None:
        stored = self.store.get(AUTHORS, record.author_key) or {"posts": []}
        if any(p["post_id"] == record.post_id for p in stored["posts"]):
            return
        horizon = record.created_at - self.window
        kept = [p for p in stored["posts"]
                if datetime.fromisoformat(p["created_at"]) >= horizon][-(self.per_author - 1):]
        kept.append({"post_id": record.post_id, "board": record.board,
                     "folder": record.folder, "created_at": record.created_at.isoformat(),
                     "fingerprint": record.fingerprint})
        self.store.commit([("put", AUTHORS, record.author_key, {"posts": kept})], sync=False)


def _post_record(author_key: str, raw: dict[str, str]) -> PostRecord:
    return PostRecord(post_id=raw["post_id"], author_key=author_key, board=raw["board"],
                      folder=raw["folder"], created_at=datetime.fromisoformat(raw["created_at"]),
                      fingerprint=raw["fingerprint"])


def _outcome_ops(alert: Alert) -> list[Op]:
    """What an alert's outcome writes beside it: the author's ban, a kept example."""
    ban = alert.ban
    if ban is not None:
        post = alert.post
        return [("put", BANS, f"{post.platform}:{post.author_id}", {
            "platform": post.platform, "author_id": post.author_id, "reason": ban.comment,
            "alert": alert.id, "by": ban.actor_id, "at": ban.at.isoformat()})]
    if alert.state == "kept":
        return [("put", EXAMPLES, alert.id, {"post": post_to_record(alert.post),
                                             "labels": [], "action": "keep"})]
    return []


def _number(alert_id: str) -> int:
    return int(alert_id.removeprefix("A-"))
