"""One rule per category of the Posting Guidelines. A rule reads a post and returns its
findings; it never decides the action (the screener does, with the City's thresholds)."""

from __future__ import annotations

from typing import Protocol

from bot.moderation.model import Finding, Post


class Rule(Protocol):
    def __call__(self, post: Post) -> list[Finding]: ...
