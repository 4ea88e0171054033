"""The purge on the journaled store (bot/retention.py says what goes and why).

One commit: redacted cases are rewritten with their signed history untouched (so every hash
chain still verifies), aged moderation records and logs are deleted, and the purge's own note
(when, how much) is kept in the `retention` table. A dry run builds the same report and writes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.audit import HistoryEntry
from bot.config import RetentionConfig
from bot.domain import SocialMediaRequest
from bot.moderation.desk import alert_from_record, alert_to_record
from bot.questions import Question, redacted_question
from bot.retention import Cutoffs, PurgeReport, closed_at, redacted_alert, redacted_request
from storage.case_tables import QUESTIONS
from storage.engine import Op, Store
from storage.moderation_repository import ALERTS, AUTHORS, EXAMPLES, POSTS
from storage.tinydb_repository import DELIVERIES, OUTBOX, REQUESTS

RETENTION = "retention"
# Further case tables with personal information (citizens' questions): table -> (parse,
# redact), where redact gives the case without it, or None when it was purged already.
Redactor = Callable[[Any], Any]
EXTRA_CASES: dict[str, tuple[Callable[[dict[str, Any]], Any], Redactor]] = {
    QUESTIONS: (Question.from_record, redacted_question)}


def purge(store: Store, retention: RetentionConfig, now: datetime, *,
          dry_run: bool) -> PurgeReport:
    cutoffs = Cutoffs.at(now, retention)
    report = PurgeReport(dry_run=dry_run)
    ops: list[Op] = []
    closed: dict[str, datetime] = {}

    for doc_id, record in store.items(REQUESTS):
        request = SocialMediaRequest.from_record(record)
        ended = closed_at(request)
        if ended is None:
            continue
        closed[doc_id] = ended
        purged = redacted_request(request) if ended < cutoffs.personal else None
        if purged is not None:
            ops.append(("put", REQUESTS, doc_id, purged.to_record()))
            report.requests.append(doc_id)

    open_alerts: set[str] = set()
    for doc_id, record in store.items(ALERTS):
        alert = alert_from_record(record)
        ended = closed_at(alert)
        if ended is None:
            open_alerts.add(doc_id)
            continue
        closed[doc_id] = ended
        purged_alert = redacted_alert(alert) if ended < cutoffs.posts else None
        if purged_alert is not None:
            ops.append(("put", ALERTS, doc_id, alert_to_record(purged_alert)))
            report.alerts.append(doc_id)

    for table, (parse, redact) in EXTRA_CASES.items():
        for doc_id, record in store.items(table):
            case = parse(record)
            if not case.is_final:
                continue
            ended = _last(case.history)
            closed[doc_id] = ended
            purged_case = redact(case) if ended < cutoffs.personal else None
            if purged_case is not None:
                ops.append(("put", table, doc_id, purged_case.to_record()))
                report.questions.append(doc_id)

    def delete(table: str, doc_id: str) -> None:
        ops.append(("del", table, doc_id))
        report.counts[table] = report.counts.get(table, 0) + 1

    for doc_id, record in store.items(POSTS):
        if record.get("alert") in open_alerts:
            continue
        if datetime.fromisoformat(record["post"]["created_at"]) < cutoffs.posts:
            delete(POSTS, doc_id)
    for doc_id, record in store.items(EXAMPLES):
        if datetime.fromisoformat(record["post"]["created_at"]) < cutoffs.posts:
            delete(EXAMPLES, doc_id)
    for doc_id, record in store.items(AUTHORS):
        kept = [p for p in record["posts"]
                if datetime.fromisoformat(p["created_at"]) >= cutoffs.posts]
        if not kept:
            delete(AUTHORS, doc_id)
        elif len(kept) < len(record["posts"]):
            ops.append(("put", AUTHORS, doc_id, {"posts": kept}))
    for doc_id, record in store.items(DELIVERIES):
        ended_at = closed.get(record["request_id"])
        if ended_at is not None and ended_at < cutoffs.logs:
            delete(DELIVERIES, doc_id)
    logs_epoch = cutoffs.logs.timestamp()
    for doc_id, record in store.items(OUTBOX):
        if record["dead"] and (record.get("queued_at") or 0) < logs_epoch:
            delete(OUTBOX, doc_id)

    if dry_run or report.empty:
        return report  # nothing past its period: nothing written
    ops.append(("put", RETENTION, "last", {
        "at": now.isoformat(), "requests": len(report.requests), "alerts": len(report.alerts),
        "questions": len(report.questions), "deleted": dict(report.counts)}))
    store.commit(ops)  # the repositories' indexes and parsed copies follow (Store.watch)
    return report


def last_purge(store: Store) -> datetime | None:
    record = store.get(RETENTION, "last")
    return datetime.fromisoformat(record["at"]) if record else None


def _last(history: tuple[HistoryEntry, ...]) -> datetime:
    return history[-1].at
