"""What the core counts for operators: decisions taken and posts screened.

The core reports through this small port; the composition root plugs in a recorder (the
Prometheus one lives in `socialbot/metrics.py`), so the core stays free of metrics libraries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class MetricsRecorder(Protocol):
    def decision(self, case_type: str, outcome: str) -> None:
        """One decision stored: `case_type` e.g. "request" or "alert", `outcome` its action."""
        ...

    def screened(self, labels: Iterable[str], seconds: float) -> None:
        """One post screened in `seconds`, breaking the rules named by `labels` (none: clean)."""
        ...


class NoMetrics:
    """The default: counts nothing (tests, one-shot CLI commands)."""

    def decision(self, case_type: str, outcome: str) -> None:
        return None

    def screened(self, labels: Iterable[str], seconds: float) -> None:
        return None


NO_METRICS: MetricsRecorder = NoMetrics()
