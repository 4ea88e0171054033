"""Train the learned screen (bot/moderation/learned.py) from the labeled sets and write its
weights as plain JSON to bot/moderation/model_data/learned_screen.json.

    .venv/bin/python benchmarks/train_moderation_model.py [--out PATH]

Needs scikit-learn at training time only; the bundle is read back without it. Deterministic:
same data, same file. Per category (harassment, disruption, illegal, commercial, negativity:
the ones whose misses on fresh posts are new wordings no list holds), one logistic regression
on TF-IDF word 1-2-grams and character 2-5-grams of the folded text. Each category's
threshold is the lowest (0.30, 0.35, ...) whose out-of-fold precision is at least 0.9, the
folds being whole files (a set is never split), so the threshold is judged on unseen sets.
Vulgarity, personal information and duplicates stay with the rules: they are patterns the
rules already catch on fresh posts, and the model only added false alarms there.
Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.moderation.dataset import LabeledPost, read_posts  # noqa: E402
from bot.moderation.learned import BUNDLE, LEARNED_CATEGORIES, LearnedScreen  # noqa: E402
from bot.moderation.text import fold  # noqa: E402

DEV = ROOT.parent / "shared" / "moderation" / "dev.jsonl"
SAMPLES = ROOT / "tests" / "moderation" / "samples"
MIN_PRECISION = 0.9
THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(14)]


def labeled_sets() -> dict[str, list[LabeledPost]]:
    files = [DEV, *sorted(SAMPLES.glob("*.jsonl"))]
    return {f.stem: list(read_posts(f.read_text(encoding="utf-8").splitlines())) for f in files}


def vectorizers() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "word",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    token_pattern=r"(?u)\b\w+\b",
                    dtype=np.float64,
                ),
            ),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    min_df=2,
                    sublinear_tf=True,
                    max_features=60000,
                    dtype=np.float64,
                ),
            ),
        ]
    )


def threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    for t in THRESHOLDS:
        flagged = scores >= t
        if flagged.sum() >= 3 and (flagged & gold).sum() / flagged.sum() >= MIN_PRECISION:
            return t
    return 0.95


def train(
    sets: dict[str, list[LabeledPost]],
) -> tuple[dict[str, Any], Any, list[np.ndarray]]:
    """The bundle, the training matrix and each category's weights (to check the reader)."""
    posts = [p for ps in sets.values() for p in ps]
    groups = [name for name, ps in sets.items() for _ in ps]
    union = vectorizers()
    matrix = union.fit_transform([fold(p.post.text) for p in posts])
    word, char = union.transformer_list[0][1], union.transformer_list[1][1]
    n_word = len(word.vocabulary_)
    bundle: dict[str, Any] = {
        "categories": list(LEARNED_CATEGORIES),
        "thresholds": {},
        "intercepts": {},
    }
    coefs: list[np.ndarray] = []
    for category in LEARNED_CATEGORIES:
        gold = np.array([category in (p.labels or ()) for p in posts])
        model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=3000)
        oof = cross_val_predict(
            model, matrix, gold, groups=groups, cv=GroupKFold(5), method="predict_proba"
        )[:, 1]
        bundle["thresholds"][category] = threshold(oof, gold)
        model.fit(matrix, gold)
        bundle["intercepts"][category] = round(float(model.intercept_[0]), 6)
        coefs.append(model.coef_[0])
    weights = np.vstack(coefs).T  # feature x category
    for name, vec, offset in (("word", word, 0), ("char", char, n_word)):
        terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
        bundle[name] = {
            term: [round(float(vec.idf_[i]), 5), *(round(float(w), 5) for w in weights[offset + i])]
            for i, term in enumerate(terms)
        }
    return bundle, matrix, coefs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUNDLE)
    args = parser.parse_args()
    sets = labeled_sets()
    bundle, matrix, coefs = train(sets)
    args.out.write_text(json.dumps(bundle, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    # The pure-Python reader must agree with scikit-learn on every training post.
    screen = LearnedScreen.from_bundle(args.out)
    posts = [p for ps in sets.values() for p in ps]
    worst = 0.0
    for row, labeled in enumerate(posts[:400]):
        ours = screen.scores(labeled.post.text)
        for k, category in enumerate(LEARNED_CATEGORIES):
            z = float((matrix[row] @ coefs[k])[0]) + bundle["intercepts"][category]
            worst = max(worst, abs(ours[category] - 1 / (1 + np.exp(-z))))
    size = args.out.stat().st_size
    print(
        f"posts {len(posts)}, thresholds {bundle['thresholds']}, bundle {size / 1e6:.2f} MB, "
        f"max |python - sklearn| {worst:.2e}"
    )
    print(
        json.dumps(
            {
                "posts": len(posts),
                "thresholds": bundle["thresholds"],
                "bytes": size,
                "max_abs_diff": worst,
            }
        )
    )


if __name__ == "__main__":
    main()
