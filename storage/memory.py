"""Every storage port in memory: for fast core tests, and the reference a new backend is held to.

Same semantics as the TinyDB store (tests/contract runs one suite against both): ids never
reused, the version check, the append-only history, notifications queued in the same step as
the save, the outbox's order and dead letters, the ledger's copies, bans and kept examples
written with the alert that implies them. Nothing survives the process.
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Generic, TypeVar

from bot.accounts import Account, AccountStore
from bot.audit import Refusal
from bot.cases import CaseRepository
from bot.directory_records import Absence, DirectoryEvent
from bot.domain import TERMINAL_STATES, SocialMediaRequest
from bot.grants import AccessGrant
from bot.links import LinkCheck, LinkSource
from bot.moderation.desk import Alert, ModerationRepository
from bot.moderation.history import InMemoryPostHistory
from bot.moderation.model import Post, Verdict
from bot.notifications import Notification, OutboxMessage
from bot.offboarding import OffboardingCase
from bot.outbox import OutboxSummary
from bot.ports import (
    ConcurrentUpdate,
    DeliveryLedger,
    HistoryRewritten,
    KeyValueStore,
    Outbox,
    RequestRepository,
)
from bot.tasks import PasswordTask
from storage.case_tables import RecordCase
from storage.outbox_records import oldest_first, outbox_message, outbox_record, summarise

__all__ = ["InMemoryPostHistory", "MemoryAccountStore", "MemoryCaseRepository",
           "MemoryDirectoryRepository", "MemoryLinkStore", "MemoryModerationRepository",
           "MemoryRepository"]


CaseT = TypeVar("CaseT", SocialMediaRequest, Alert)
RecordCaseT = TypeVar("RecordCaseT", bound="RecordCase")


class MemoryRepository:
    """Implements RequestRepository, Outbox, DeliveryLedger and KeyValueStore in memory."""

    def __init__(self, *, channels: Iterable[str] = ()) -> None:
        self.channels = tuple(channels)
        self.chat_channels = tuple(c for c in self.channels if c != "webhook")
        self._writing = threading.Lock()
        self._requests: dict[str, SocialMediaRequest] = {}
        self._saved: list[str] = []
        self._refusals: dict[str, list[Refusal]] = defaultdict(list)
        self._markers: set[str] = set()
        self._outbox: dict[str, dict[str, Any]] = {}  # insertion order is queue order
        self._deliveries: dict[str, dict[str, Any]] = {}
        self._values: dict[str, dict[str, Any]] = {}
        self._next_number = itertools.count(1)

    # -- RequestRepository ------------------------------------------------------------------

    def next_id(self) -> str:
        return f"R-{next(self._next_number)}"

    def get(self, request_id: str) -> SocialMediaRequest | None:
        return self._requests.get(request_id)

    def save(self, request: SocialMediaRequest, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> SocialMediaRequest:
        saved = request.evolve(version=expected_version + 1)
        queued = self.outbox_entries(notifications)
        with self._writing:
            stored = self._requests.get(request.id)
            check_move(stored, request, expected_version, missing_version=0)
            self._requests[saved.id] = saved
            self._saved.append(saved.id)
            self._outbox.update(queued)
        return saved

    def changed_since(self, cursor: int) -> tuple[list[str], int]:
        return self._saved[cursor:], len(self._saved)

    def queue(self, notifications: Iterable[Notification], *, marker: str) -> None:
        queued = self.outbox_entries(notifications)
        with self._writing:
            self._markers.add(marker)
            self._outbox.update(queued)

    def marked(self, marker: str) -> bool:
        return marker in self._markers

    def outbox_entries(self, notifications: Iterable[Notification]) -> dict[str, dict[str, Any]]:
        """The outbox records for `notifications`, one per channel that delivers each."""
        entries: dict[str, dict[str, Any]] = {}
        for note in notifications:
            # A note for one channel (the removal webhook) is dropped when that channel is off.
            targeted = (note.channel,) if note.channel in self.channels else ()
            for channel in targeted if note.channel else self.chat_channels:
                message = OutboxMessage(id=f"{note.id}@{channel}", channel=channel,
                                        notification=note)
                entries[message.id] = outbox_record(message)
        return entries

    def record_refusal(self, refusal: Refusal) -> None:
        self._refusals[refusal.case_id].append(refusal)

    def refusals(self, request_id: str) -> list[Refusal]:
        return list(self._refusals.get(request_id, ()))

    def by_requester(self, person_id: str) -> list[SocialMediaRequest]:
        return _by_number([r for r in self._requests.values() if r.requester_id == person_id])

    def open_cases(self) -> list[SocialMediaRequest]:
        return _by_number([r for r in self._requests.values()
                           if r.state not in TERMINAL_STATES])

    def all_requests(self) -> list[SocialMediaRequest]:
        """Every request, open and closed (reports, the grants' catch-up)."""
        return _by_number(list(self._requests.values()))

    def count(self) -> int:
        return len(self._requests)

    # -- Outbox -----------------------------------------------------------------------------

    def due(self, now: float, limit: int = 50,
            skip: Collection[str] = frozenset()) -> list[OutboxMessage]:
        ready = [(position, record) for position, record in enumerate(self._outbox.values())
                 if not record["dead"] and record["not_before"] <= now
                 and record["id"] not in skip]
        ready.sort(key=lambda item: (item[1]["not_before"], item[0]))
        return [outbox_message(record) for _, record in ready[:limit]]

    def delivered(self, message_id: str) -> None:
        self._outbox.pop(message_id, None)

    def delivered_all(self, message_ids: Iterable[str]) -> None:
        for message_id in message_ids:
            self._outbox.pop(message_id, None)

    def failed(self, message: OutboxMessage, *, error: str, retry_at: float | None) -> None:
        stored = self._outbox.get(message.id)
        record = outbox_record(message, queued_at=stored.get("queued_at") if stored else None)
        record.update(attempts=message.attempts + 1, last_error=error[:500],
                      not_before=retry_at or message.not_before, dead=retry_at is None)
        self._outbox[message.id] = record

    def pending_count(self) -> int:
        return sum(1 for r in self._outbox.values() if not r["dead"])

    def dead_letters(self) -> list[OutboxMessage]:
        return [outbox_message(r) for r in self._outbox.values() if r["dead"]]

    def outbox_records(self, *, dead: bool) -> list[dict[str, Any]]:
        chosen = [copy.deepcopy(r) for r in self._outbox.values() if r["dead"] == dead]
        return oldest_first(chosen)

    def outbox_summary(self, now: float) -> OutboxSummary:
        return summarise(self._outbox.values(), now)

    def retry(self, message_ids: Iterable[str] | None, now: float) -> list[str]:
        if message_ids is None:
            chosen = [r for r in self._outbox.values() if r["dead"]]
        else:
            found = (self._outbox.get(message_id) for message_id in message_ids)
            chosen = [r for r in found if r is not None]
        for record in chosen:
            record.update(dead=False, attempts=0, not_before=now)
        return [record["id"] for record in chosen]

    # -- DeliveryLedger ---------------------------------------------------------------------

    def sent(self, notification_id: str, channel: str, target: str) -> bool:
        record = self._deliveries.get(f"{notification_id}|{channel}|{target}")
        return record is not None and record["ref"] is not None

    def intend(self, *, notification: Notification, channel: str, target: str,
               at: float) -> None:
        self._deliveries[f"{notification.id}|{channel}|{target}"] = {
            "case_id": notification.case_id, "step": notification.step,
            "kind": notification.kind, "channel": channel, "target": target,
            "ref": None, "intended_at": at}

    def intended_at(self, notification_id: str, channel: str, target: str) -> float | None:
        record = self._deliveries.get(f"{notification_id}|{channel}|{target}")
        if record is None or record["ref"] is not None:
            return None
        return float(record["intended_at"])

    def record(self, *, notification: Notification, channel: str, target: str,
               ref: Mapping[str, Any]) -> None:
        self._deliveries[f"{notification.id}|{channel}|{target}"] = {
            "case_id": notification.case_id, "step": notification.step,
            "kind": notification.kind, "channel": channel, "target": target,
            "ref": copy.deepcopy(dict(ref))}

    def copies(self, request_id: str, step: int | None, channel: str, *,
               kind: str = "action_needed") -> list[dict[str, Any]]:
        return [{"target": r["target"], **copy.deepcopy(r["ref"])}
                for r in self._deliveries.values()
                if r["ref"] is not None and r["case_id"] == request_id
                and r["channel"] == channel and r["kind"] == kind and step in (None, r["step"])]

    # -- KeyValueStore ----------------------------------------------------------------------

    def get_value(self, namespace: str, key: str) -> dict[str, Any] | None:
        found = self._values.get(f"{namespace}:{key}")
        return copy.deepcopy(found) if found is not None else None

    def put_value(self, namespace: str, key: str, value: Mapping[str, Any]) -> None:
        self._values[f"{namespace}:{key}"] = copy.deepcopy(dict(value))


class MemoryModerationRepository:
    """Implements ModerationRepository in memory, sharing the requests' outbox."""

    def __init__(self, requests: MemoryRepository) -> None:
        self._requests = requests
        self._writing = threading.Lock()
        self._posts: dict[tuple[str, str], tuple[Post, Verdict, str | None]] = {}
        self._alerts: dict[str, Alert] = {}
        self._bans: dict[tuple[str, str], dict[str, Any]] = {}
        self._examples: dict[str, Post] = {}
        self._next = itertools.count(1)

    def next_id(self) -> str:
        return f"A-{next(self._next)}"

    def screened(self, platform: str, post_id: str) -> Verdict | None:
        found = self._posts.get((platform, post_id))
        return found[1] if found else None

    def record_post(self, post: Post, verdict: Verdict, alert: Alert | None,
                    notifications: Iterable[Notification]) -> None:
        queued = self._requests.outbox_entries(notifications)
        with self._writing:
            self._posts[(post.platform, post.post_id)] = (post, verdict,
                                                          alert.id if alert else None)
            if alert is not None:
                self._alerts[alert.id] = alert
            self._requests._outbox.update(queued)

    def get(self, case_id: str) -> Alert | None:
        return self._alerts.get(case_id)

    def save(self, case: Alert, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> Alert:
        saved = case.evolve(version=expected_version + 1)
        queued = self._requests.outbox_entries(notifications)
        with self._writing:
            check_move(self._alerts.get(case.id), case, expected_version, missing_version=None)
            self._alerts[saved.id] = saved
            self._requests._outbox.update(queued)
            self._record_outcome(saved)
        return saved

    def _record_outcome(self, alert: Alert) -> None:
        """What an alert's outcome writes beside it: the author's ban, a kept example."""
        ban, post = alert.ban, alert.post
        if ban is not None:
            self._bans[(post.platform, post.author_id)] = {
                "reason": ban.comment, "alert": alert.id, "by": ban.actor_id, "at": ban.at}
        elif alert.state == "kept":
            self._examples[alert.id] = post

    def is_banned(self, platform: str, author_id: str) -> bool:
        return (platform, author_id) in self._bans

    def open_cases(self) -> list[Alert]:
        return _by_number([a for a in self._alerts.values() if not a.is_final])

    def kept_examples(self) -> list[Post]:
        return list(self._examples.values())

    def count_posts(self) -> int:
        return len(self._posts)


def check_move(stored: Any, case: Any, expected_version: int, *,
               missing_version: int | None) -> None:
    """The contract of every save: the stored version is the one the move was made from
    (`missing_version` is what a case never saved counts as; None: it must exist), and the
    stored history is a prefix of the new one."""
    version = stored.version if stored is not None else missing_version
    if version != expected_version:
        raise ConcurrentUpdate(case.id)
    if stored is not None and case.history[: len(stored.history)] != stored.history:
        raise HistoryRewritten(f"{case.id}: the audit trail is append-only")


def _by_number(cases: list[CaseT]) -> list[CaseT]:
    return sorted(cases, key=lambda case: int(case.id.split("-", 1)[1]))


class MemoryCaseRepository(Generic[RecordCaseT]):
    """A case type without a repository of its own (questions, broken links, reviews) or one
    kind of the register's records, in memory (same semantics as
    storage/case_tables.py:TinyDBCaseRepository)."""

    def __init__(self, requests: MemoryRepository, *, prefix: str) -> None:
        self._requests = requests
        self.prefix = prefix
        self._writing = threading.Lock()
        self._records: dict[str, RecordCaseT] = {}
        self._next = itertools.count(1)

    def next_id(self) -> str:
        return f"{self.prefix}-{next(self._next)}"

    def get(self, case_id: str, /) -> RecordCaseT | None:
        return self._records.get(case_id)

    def save(self, case: RecordCaseT, /, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> RecordCaseT:
        saved = case.evolve(version=expected_version + 1)
        queued = self._requests.outbox_entries(notifications)
        with self._writing:
            check_move(self._records.get(case.id), case, expected_version, missing_version=0)
            self._records[saved.id] = saved
            self._requests._outbox.update(queued)
        return saved

    def open_cases(self) -> list[RecordCaseT]:
        return [c for c in self.all() if not c.is_final]

    def all(self) -> list[RecordCaseT]:
        """Every case, final ones too, by id."""
        return sorted(self._records.values(), key=lambda c: int(c.id.split("-", 1)[1]))


class MemoryLinkStore:
    """The links to check and the last check, in memory (LinkStore)."""

    def __init__(self) -> None:
        self._sources: dict[str, LinkSource] = {}
        self._last: LinkCheck | None = None

    def add_source(self, source: LinkSource) -> bool:
        key = f"{source.key} {source.where}"
        if key in self._sources:
            return False
        self._sources[key] = source
        return True

    def sources(self) -> list[LinkSource]:
        return [self._sources[k] for k in sorted(self._sources)]

    def record_check(self, check: LinkCheck) -> None:
        self._last = check

    def last_check(self) -> LinkCheck | None:
        return self._last


def _implements_the_ports(requests: MemoryRepository, alerts: MemoryModerationRepository,
                          ) -> tuple[RequestRepository, Outbox, DeliveryLedger, KeyValueStore,
                                     ModerationRepository, CaseRepository[Alert]]:
    """Checked by mypy: the in-memory stores keep the ports' signatures."""
    return requests, requests, requests, requests, alerts, alerts


# -- the directory the bot keeps (port: bot.ports.DirectoryRepository) ----------------------------


class MemoryDirectoryRepository:
    """The directory's people, history and time away in memory (same semantics as
    storage/directory_repository.py)."""

    def __init__(self) -> None:
        self._people: dict[str, dict[str, Any]] = {}
        self._gone: set[str] = set()
        self._history: list[DirectoryEvent] = []
        self._away: dict[str, Absence] = {}
        self._writing = threading.Lock()

    def stored_people(self) -> dict[str, dict[str, Any]]:
        return copy.deepcopy(self._people)

    def gone_people(self) -> set[str]:
        return set(self._gone)

    def save_directory(self, people: Mapping[str, Mapping[str, Any]], gone: Iterable[str],
                       returned: Iterable[str], events: Iterable[DirectoryEvent]) -> None:
        with self._writing:
            self._people.update({pid: copy.deepcopy(dict(f)) for pid, f in people.items()})
            self._gone.update(gone)
            self._gone.difference_update(returned)
            self._history.extend(events)

    def directory_history(self, person_id: str | None = None) -> list[DirectoryEvent]:
        return [e for e in sorted(self._history, key=lambda e: e.seq)
                if person_id is None or e.person_id == person_id]

    def next_directory_seq(self) -> int:
        return len(self._history) + 1

    def save_absence(self, absence: Absence, events: Iterable[DirectoryEvent] = ()) -> None:
        with self._writing:
            self._away[absence.person_id] = absence
            self._history.extend(events)

    def absences(self) -> list[Absence]:
        return list(self._away.values())


# -- the account register and its duties (bot/accounts.py, tasks.py, offboarding.py) ----------

class MemoryAccountStore:
    """Implements AccountStore in memory, sharing the requests' outbox."""

    def __init__(self, requests: MemoryRepository) -> None:
        self.accounts = MemoryCaseRepository[Account](requests, prefix="AC")
        self.tasks = MemoryCaseRepository[PasswordTask](requests, prefix="T")
        self.offboardings = MemoryCaseRepository[OffboardingCase](requests, prefix="O")
        self.grants = MemoryCaseRepository[AccessGrant](requests, prefix="G")

    def save_task_with_account(self, task: PasswordTask, /, *, expected_version: int,
                               account: Account, account_version: int,
                               notifications: Iterable[Notification] = ()) -> PasswordTask:
        """A task and the account it changes, both or neither (the AccountStore port)."""
        tasks, accounts = self.tasks, self.accounts
        queued = tasks._requests.outbox_entries(notifications)
        with tasks._writing, accounts._writing:
            check_move(tasks._records.get(task.id), task, expected_version, missing_version=0)
            check_move(accounts._records.get(account.id), account, account_version,
                       missing_version=None)
            saved = task.evolve(version=expected_version + 1)
            tasks._records[task.id] = saved
            accounts._records[account.id] = account.evolve(version=account_version + 1)
            tasks._requests._outbox.update(queued)
        return saved


def _implements_the_account_port(store: MemoryAccountStore) -> AccountStore:
    """Checked by mypy: the in-memory store keeps the port's signature."""
    return store
