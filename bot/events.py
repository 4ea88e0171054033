"""What leaves the core: notifications, written to the outbox with the state change they describe.

A notification names the request and the step it is about; channels render it from the
request's current state when they deliver it, so a retried delivery never shows stale data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

NotificationKind = Literal[
    "action_needed",    # someone must act on `step`: approvers get the card with buttons
    "step_closed",      # `step` was decided: every copy of its card shows the outcome
    "requester_update", # the requester is told what happened and what comes next
    "escalation",       # a stage waited too long: the approvers' supervisors are told (text)
    "moderation_alert", # a flagged public post: moderators (or, escalated, the CCT) decide
    "alert_closed",     # an alert was decided (or its removal answered): update every copy
    "remove_post",      # ask the publishing side to remove a post (the webhook channel only)
]


@dataclass(frozen=True)
class Notification:
    id: str                       # unique; deliveries are idempotent by (id, target)
    kind: NotificationKind
    request_id: str               # the access request ("R-n") or moderation alert ("A-n")
    step: int
    recipients: tuple[str, ...]   # person ids; empty for step_closed (all copies are updated)
    audience: str = ""            # "cct" when the whole CCT is addressed (a channel may stand in)
    summary: str = ""             # one line, already in plain words, for logs and text channels
    channel: str = ""             # only this channel delivers it (e.g. "webhook"); "" = every chat

    def to_record(self) -> dict[str, Any]:
        return {**self.__dict__, "recipients": list(self.recipients)}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Notification:
        return cls(**{**record, "recipients": tuple(record["recipients"])})


@dataclass(frozen=True)
class OutboxMessage:
    """A notification waiting for one channel; retried with backoff until delivered."""

    id: str
    channel: str
    notification: Notification
    attempts: int = 0
    not_before: float = 0.0   # epoch seconds
    last_error: str = ""
