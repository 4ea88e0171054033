"""Precision, recall and F1 per category against labeled posts, and remove/keep accuracy:
shared by `socialbot moderate --evaluate` and benchmarks/moderation_quality.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.moderation.model import CATEGORIES, Category


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "support": self.tp + self.fn,
        }


@dataclass
class Evaluation:
    categories: Sequence[Category] = CATEGORIES
    counts: dict[Category, Counts] = field(default_factory=dict)
    correct_actions: int = 0
    posts: int = 0

    def add(self, gold: Iterable[Category], predicted: Iterable[Category]) -> None:
        gold_set, predicted_set = set(gold), set(predicted)
        for category in self.categories:
            counts = self.counts.setdefault(category, Counts())
            if category in gold_set and category in predicted_set:
                counts.tp += 1
            elif category in predicted_set:
                counts.fp += 1
            elif category in gold_set:
                counts.fn += 1
        self.posts += 1
        self.correct_actions += bool(gold_set) == bool(predicted_set)

    @property
    def macro_f1(self) -> float:
        scores = [self.counts.get(c, Counts()).f1 for c in self.categories]
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct_actions / self.posts if self.posts else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "per_category": {c: self.counts.get(c, Counts()).as_dict() for c in self.categories},
            "macro_f1": round(self.macro_f1, 3),
            "accuracy": round(self.accuracy, 3),
            "posts": self.posts,
        }
