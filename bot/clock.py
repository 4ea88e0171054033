"""Time, behind a port so tests can hold it still."""

from __future__ import annotations

from datetime import UTC, datetime


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0)
