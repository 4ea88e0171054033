"""What leaves the core: notifications, written to the outbox with the state change they describe.

A notification names the case (its type and id) and the step it is about, and says what it is
(`intent`); channels render it from the case's current state when they deliver it, so a
retried delivery never shows stale data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from bot.cases_registry import case_type_of

NotificationKind = Literal[
    "action_needed",    # someone must act on `step`: they get the card with buttons
    "step_closed",      # `step` was decided: every copy of its card shows the outcome
    "requester_update", # the requester is told what happened and what comes next
    "escalation",       # a stage waited too long: the approvers' supervisors are told (text)
    "moderation_alert", # a flagged public post: moderators (or, escalated, the CCT) decide
    "alert_closed",     # an alert was decided (or its removal answered): update every copy
    "remove_post",      # ask the publishing side to remove a post (the webhook channel only)
    "case_notice",      # a case without cards (a question, a broken link, an account review):
                        # its `summary` is the whole message, sent to `recipients`
]
Intent = Literal[
    "first_notice",  # the first time people are asked to act on this step
    "reminder",      # the step waited past its period: the same people are asked again
    "escalation",    # the step waited past its second period: someone above is told
    "outcome",       # what happened: a closed step, an update to the requester, a removal
]


@dataclass(frozen=True)
class Notification:
    id: str                       # unique; deliveries are idempotent by (id, target)
    kind: NotificationKind
    case_id: str                  # "R-n", "A-n", "Q-n", "L-n", "V-n"
    step: int
    recipients: tuple[str, ...]   # person ids; empty for step_closed (all copies are updated)
    audience: str = ""            # "cct" when the whole CCT is addressed (a channel may stand in)
    summary: str = ""             # one line, already in plain words, for logs and text channels
    channel: str = ""             # only this channel delivers it (e.g. "webhook"); "" = every chat
    case_type: str = "request"    # which case type `case_id` belongs to
    intent: Intent = "first_notice"

    def to_record(self) -> dict[str, Any]:
        return {**self.__dict__, "recipients": list(self.recipients)}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Notification:
        if "case_id" not in record:
            record = _from_landed_version(record)
        return cls(**{**record, "recipients": tuple(record["recipients"])})


def _from_landed_version(record: dict[str, Any]) -> dict[str, Any]:
    """Outbox records written before notifications said their type and intent: the id's
    suffix was the only place it was told."""
    suffix = str(record["id"]).rsplit(":", 1)[-1]
    intent = {"reminder": "reminder", "escalation": "escalation"}.get(suffix) or (
        "outcome" if record["kind"] in ("step_closed", "requester_update", "alert_closed",
                                        "remove_post") else "first_notice")
    rest = {k: v for k, v in record.items() if k != "request_id"}
    return {**rest, "case_id": record["request_id"], "intent": intent,
            "case_type": case_type_of(str(record["request_id"])) or "request"}


@dataclass(frozen=True)
class OutboxMessage:
    """A notification waiting for one channel; retried with backoff until delivered."""

    id: str
    channel: str
    notification: Notification
    attempts: int = 0
    not_before: float = 0.0   # epoch seconds
    last_error: str = ""
    queued_at: float = 0.0    # epoch seconds; 0 when not known (not yet stored)

    @property
    def due_since(self) -> float:
        """When it came due: queued, or the retry time after a failure."""
        return max(self.not_before, self.queued_at)
