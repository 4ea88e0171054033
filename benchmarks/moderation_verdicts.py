"""Every verdict the screener gives on the labeled posts, as digests: the check that a speed
change left the verdicts alone.

    .venv/bin/python benchmarks/moderation_verdicts.py [--code DIR] [--posts N]

Each labeled set (tests/moderation/samples/*.jsonl and ../shared/moderation/dev.jsonl) is
screened in file order with a fresh screener, and the speed benchmark's replayed stream of N
posts (default 20,000) after it; every verdict (action, findings with their confidence,
evidence and explanation, duplicate link, automatic removal) goes into a SHA-256 digest per
set. `--code DIR` screens with the code of another checkout (for instance main, unpacked with
`git archive main | tar -x -C DIR`) on this checkout's sets, so two trees' digests can be
compared: benchmarks/moderation_speed.py --compare-with DIR does that. The last line is one
JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
SAMPLES = HERE / "tests" / "moderation" / "samples"
DEV = HERE.parent / "shared" / "moderation" / "dev.jsonl"


def labeled_sets() -> list[Path]:
    return [*sorted(SAMPLES.glob("*.jsonl")), *([DEV] if DEV.exists() else [])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=HERE, help="checkout whose code screens")
    parser.add_argument("--posts", type=int, default=20_000)
    args = parser.parse_args()
    code = args.code.resolve()
    sys.path.insert(0, str(code))
    sys.path.insert(1, str(HERE / "benchmarks"))

    from moderation_speed import stream

    from bot.moderation import ModerationSettings, Screener
    from bot.moderation.dataset import read_posts

    digests: dict[str, str] = {}
    posts = 0
    for path in labeled_sets():
        with path.open(encoding="utf-8") as handle:
            labeled = [item.post for item in read_posts(handle)]
        screener = Screener(ModerationSettings())
        digest = hashlib.sha256()
        for post in labeled:
            verdict = asdict(screener.screen(post))
            digest.update(json.dumps(verdict, sort_keys=True, default=str).encode())
        digests[path.name] = digest.hexdigest()
        posts += len(labeled)
    if DEV.exists():
        with DEV.open(encoding="utf-8") as handle:
            base = [item.post for item in read_posts(handle)]
        screener = Screener(ModerationSettings())
        digest = hashlib.sha256()
        for post in stream(base, args.posts):
            digest.update(json.dumps(asdict(screener.screen(post)), sort_keys=True,
                                     default=str).encode())
        digests[f"stream of {args.posts}"] = digest.hexdigest()
        posts += args.posts
    overall = hashlib.sha256("".join(digests[k] for k in sorted(digests)).encode()).hexdigest()
    print(f"{posts} verdicts from the code in {code}: digest {overall[:16]}")
    print(json.dumps({"code": str(code), "posts": posts, "digest": overall, "sets": digests},
                     sort_keys=True))


if __name__ == "__main__":
    main()
