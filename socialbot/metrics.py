"""`/metrics`: the bot's figures in Prometheus' text format, through the official client library.

Counters are fed by the core's metrics port (decisions, screening) and by the HTTP middleware
(requests); the outbox gauges are read from the store at each scrape, so they are never stale.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.outbox import OutboxSummary

SCREENING_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)


class PrometheusMetrics:
    """Implements the core's MetricsRecorder, plus what the server itself measures."""

    def __init__(self, outbox: Callable[[float], OutboxSummary]) -> None:
        self.registry = CollectorRegistry()
        self._requests = Counter(
            "socialbot_http_requests", "HTTP requests answered, by route and status.",
            ["route", "method", "status"], registry=self.registry)
        self._request_seconds = Histogram(
            "socialbot_http_request_duration_seconds", "Time to answer an HTTP request.",
            ["route"], registry=self.registry)
        self._decisions = Counter(
            "socialbot_decisions", "Decisions stored, by case type and outcome.",
            ["case_type", "outcome"], registry=self.registry)
        self._screened = Counter(
            "socialbot_posts_screened", "Public posts screened, by result (flagged or clean).",
            ["result"], registry=self.registry)
        self._labels = Counter(
            "socialbot_post_labels", "Rules broken by screened posts, one count per rule.",
            ["label"], registry=self.registry)
        self._screen_seconds = Histogram(
            "socialbot_screening_duration_seconds", "Time to screen one post.",
            buckets=SCREENING_BUCKETS, registry=self.registry)
        self.registry.register(OutboxCollector(outbox))
        # Each request's two children, found once per label set: `labels()` checks and locks
        # on every call, a visible share of a click's CPU under load. Prometheus keeps every
        # child it made anyway, so this holds nothing more.
        self._request_children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    # -- the core's port ---------------------------------------------------------------------

    def decision(self, case_type: str, outcome: str) -> None:
        self._decisions.labels(case_type=case_type, outcome=outcome).inc()

    def screened(self, labels: Iterable[str], seconds: float) -> None:
        broken = list(labels)
        self._screened.labels(result="flagged" if broken else "clean").inc()
        for label in broken:
            self._labels.labels(label=label).inc()
        self._screen_seconds.observe(seconds)

    # -- the server --------------------------------------------------------------------------

    def request(self, route: str, method: str, status: int, seconds: float) -> None:
        key = (route, method, status)
        children = self._request_children.get(key)
        if children is None:
            children = self._request_children[key] = (
                self._requests.labels(route=route, method=method, status=str(status)),
                self._request_seconds.labels(route=route))
        children[0].inc()
        children[1].observe(seconds)

    def exposition(self) -> tuple[bytes, str]:
        """The current figures and their content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class OutboxCollector(Collector):
    """Backlog gauges, computed from the outbox when Prometheus scrapes."""

    def __init__(self, outbox: Callable[[float], OutboxSummary]) -> None:
        self._outbox = outbox

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = time.time()
        summary = self._outbox(now)
        pending = GaugeMetricFamily("socialbot_outbox_pending",
                                    "Notices waiting to be delivered, by channel.",
                                    labels=["channel"])
        for channel, count in sorted(summary.pending.items()):
            pending.add_metric([channel], count)
        yield pending
        dead = GaugeMetricFamily("socialbot_outbox_dead_letters",
                                 "Notices given up on (see `socialbot outbox --dead`), by channel.",
                                 labels=["channel"])
        for channel, count in sorted(summary.dead.items()):
            dead.add_metric([channel], count)
        yield dead
        oldest = summary.oldest_queued_at
        yield GaugeMetricFamily("socialbot_outbox_oldest_undelivered_age_seconds",
                                "Age of the oldest notice not yet delivered (0 when none).",
                                value=max(0.0, now - oldest) if oldest is not None else 0.0)

    def describe(self) -> Iterator[GaugeMetricFamily]:
        return iter(())
