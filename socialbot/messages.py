"""What the operations side (readiness, `socialbot outbox`, backup, restore) tells a person."""

from __future__ import annotations

DISPATCHER_STOPPED = "the outbox dispatcher is not running"
RETRY_BODY = 'expected JSON {"ids": [message ids]} or {"all_dead": true}'


def storage_not_writable(reason: str) -> str:
    return f"storage is not writable ({reason})"


def outbox_stuck(waited: float, limit: int) -> str:
    return f"a notice has been due for {waited:.0f} s without being sent (limit {limit} s)"
