"""Reading posts in the format of the labeled development set (JSON Lines), for the
`socialbot moderate` command, the benchmarks and the tests."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.moderation.model import CATEGORIES, Category, Post

REQUIRED = ("id", "platform", "board", "folder", "topic", "author_id", "text", "created_at")


class PostFileError(ValueError):
    """A line of a post file that cannot be read; the message names the line."""

    def __init__(self, line_number: int, problem: str) -> None:
        super().__init__(f"line {line_number}: {problem}")
        self.line_number = line_number
        self.problem = problem


@dataclass(frozen=True)
class LabeledPost:
    post: Post
    labels: frozenset[Category] | None  # None when the file has no labels for it
    action: str | None


def read_posts(lines: Iterable[str]) -> Iterator[LabeledPost]:
    """Each non-blank line as a post; raises PostFileError naming the first bad line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise PostFileError(number, f"not valid JSON ({error.msg})") from None
        yield _labeled_post(number, data)


def _labeled_post(number: int, data: Any) -> LabeledPost:
    if not isinstance(data, dict):
        raise PostFileError(number, "expected a JSON object")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise PostFileError(number, f"missing field(s): {', '.join(missing)}")
    for key in (*REQUIRED, "author_name"):
        if key in data and not isinstance(data[key], str):
            raise PostFileError(number, f"field '{key}' must be a string")
    try:
        created_at = datetime.fromisoformat(data["created_at"])
    except ValueError:
        raise PostFileError(number, "field 'created_at' is not an ISO-8601 time") from None
    post = Post(
        platform=data["platform"],
        board=data["board"],
        folder=data["folder"],
        topic=data["topic"],
        post_id=data["id"],
        author_id=data["author_id"],
        author_name=data.get("author_name") or data["author_id"],
        text=data["text"],
        created_at=created_at,
        url=data.get("url") if isinstance(data.get("url"), str) else None,
        parent_id=data.get("parent_id") if isinstance(data.get("parent_id"), str) else None,
        author_is_city=data.get("author_is_city") is True,
    )
    return LabeledPost(post, _labels(number, data), _action(data))


def _labels(number: int, data: dict[str, Any]) -> frozenset[Category] | None:
    labels = data.get("labels")
    if labels is None:
        return None
    if not isinstance(labels, list) or any(label not in CATEGORIES for label in labels):
        raise PostFileError(number, f"field 'labels' must list categories from {CATEGORIES}")
    return frozenset(labels)


def _action(data: dict[str, Any]) -> str | None:
    action = data.get("action")
    return action if action in ("remove", "keep") else None
