"""Rebuild bot/moderation/model_data/prefilter_strings.json after changing a rule.

The file holds, for every pattern the rules compile, the literal strings its prefilter looks
for (see bot/moderation/prefilter_strings.py). Run from the repository's root:

    python benchmarks/write_prefilter_strings.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.moderation import prefilter_strings, text
from bot.moderation.screener import Screener  # noqa: F401  (imports every rule)


def main() -> None:
    asked = text.KNOWN_ANSWERS.asked
    prefilter_strings.write(asked)
    print(f"{len(asked)} patterns' strings written to {prefilter_strings.FILE}")


if __name__ == "__main__":
    main()
