"""The screener as the server runs it: every verdict and its time reported to the metrics port."""

from __future__ import annotations

import time

from bot.metrics import MetricsRecorder
from bot.moderation.history import PostHistory
from bot.moderation.model import Post, Verdict
from bot.moderation.screener import Screener
from bot.moderation.settings import ModerationSettings


class TimedScreener(Screener):
    """Screens exactly like `Screener` and reports each verdict's labels and time taken."""

    def __init__(self, settings: ModerationSettings, history: PostHistory | None = None, *,
                 metrics: MetricsRecorder) -> None:
        super().__init__(settings, history)
        self.metrics = metrics

    def screen(self, post: Post, *, author_banned: bool = False) -> Verdict:
        started = time.perf_counter()
        verdict = super().screen(post, author_banned=author_banned)
        self.metrics.screened(verdict.labels, time.perf_counter() - started)
        return verdict
