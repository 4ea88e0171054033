"""Retention: what the bot stops keeping, and when (`retention` in app.yaml).

A closed case keeps its signed history for good: who decided what, as whom, when, and why
(the comment they signed). That is the audit summary the City must keep, and the hash chain
covers exactly those entries. What a purge removes lies outside the history, so the chain stays
whole and `socialbot verify` passes after it:
- a request closed longer than `closed_case_personal_days`: the employee's names on the form
  (the requester's directory id, the department and the signed entries remain);
- a moderation alert decided longer than `moderation_post_days` ago: the citizen's post (text,
  author's name and id, link) and the quoted evidence; screened posts, the duplicate memory
  and kept examples of that age go entirely (a ban keeps its own record);
- a citizen's question closed that long: its excerpt and the author's name;
- after `log_days`: the delivery ledger of closed cases and notices given up on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.config import RetentionConfig
from bot.domain import SocialMediaRequest
from bot.moderation.desk import Alert
from bot.moderation.model import Verdict

REMOVED = "(removed under the retention schedule)"


@dataclass(frozen=True)
class Cutoffs:
    """Anything closed (or seen) before these moments is purged."""

    personal: datetime
    posts: datetime
    logs: datetime

    @classmethod
    def at(cls, now: datetime, retention: RetentionConfig) -> Cutoffs:
        return cls(personal=now - timedelta(days=retention.closed_case_personal_days),
                   posts=now - timedelta(days=retention.moderation_post_days),
                   logs=now - timedelta(days=retention.log_days))


@dataclass
class PurgeReport:
    """What a purge removed (or, dry, would remove): case ids and record counts."""

    dry_run: bool
    requests: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # table -> records deleted

    @property
    def empty(self) -> bool:
        return not (self.requests or self.alerts or self.questions or any(self.counts.values()))


def closed_at(case: SocialMediaRequest | Alert) -> datetime | None:
    """When a final case closed (its last signed entry); None while it is open."""
    if not case.is_final:
        return None
    return case.history[-1].at if case.history else None


def redacted_request(request: SocialMediaRequest) -> SocialMediaRequest | None:
    """The request without the employee's names; None when already purged."""
    if request.employee.first_name == REMOVED:
        return None
    employee = replace(request.employee, first_name=REMOVED, last_name=REMOVED)
    return request.evolve(employee=employee, version=request.version + 1)


def redacted_alert(alert: Alert) -> Alert | None:
    """The alert without the citizen's post and the evidence quoted from it."""
    if alert.post.text == REMOVED:
        return None
    post = replace(alert.post, text=REMOVED, author_name="", author_id="", url=None, topic="")
    verdict: Verdict = replace(alert.verdict, findings=tuple(
        replace(f, evidence=()) for f in alert.verdict.findings))
    return alert.evolve(post=post, verdict=verdict, version=alert.version + 1)
