"""The moderation domain: a public post, what the rules found in it, and the verdict.

Plain frozen dataclasses so the screener, the intake endpoint, storage and the alert cards
share one vocabulary without depending on each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Category = Literal[
    "harassment",
    "vulgarity",
    "disruption",
    "illegal",
    "commercial",
    "duplicate",
    "personal_info",
    "negativity",
]

CATEGORIES: tuple[Category, ...] = (
    "harassment",
    "vulgarity",
    "disruption",
    "illegal",
    "commercial",
    "duplicate",
    "personal_info",
    "negativity",
)

Action = Literal["remove", "keep"]


@dataclass(frozen=True)
class Post:
    """One public post on a City page or board, as the publishing side reports it."""

    platform: str
    board: str
    folder: str
    topic: str
    post_id: str
    author_id: str
    author_name: str
    text: str
    created_at: datetime
    url: str | None = None
    parent_id: str | None = None
    author_is_city: bool = False

    @property
    def author_key(self) -> str:
        """Authors are only comparable within one platform."""
        return f"{self.platform}:{self.author_id}"


@dataclass(frozen=True)
class Span:
    """Evidence: `text == post.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Finding:
    """One rule's judgement: a category, how sure it is, and why."""

    category: Category
    confidence: float
    evidence: tuple[Span, ...]
    explanation: str
    kind: str = ""  # which reading of the category, e.g. "off_topic" or "clutter"


@dataclass(frozen=True)
class Verdict:
    """What the screener recommends for one post; a moderator decides unless `auto_remove`."""

    post_id: str
    findings: tuple[Finding, ...]
    action: Action
    duplicate_of: str | None
    banned_author: bool
    auto_remove: bool = False

    @property
    def labels(self) -> tuple[Category, ...]:
        """The categories the post breaks (findings at or above their threshold), sorted."""
        return tuple(sorted({finding.category for finding in self.findings}))

    @property
    def flagged(self) -> bool:
        return self.action == "remove"
