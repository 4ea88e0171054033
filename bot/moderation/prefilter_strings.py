"""The literal strings each rule pattern's prefilter looks for, worked out once and shipped.

`text.required_literals` reads a pattern's parse tree for the strings every match must hold.
For the several hundred patterns of the rules (some with thousands of alternatives) that took
about half the moderation package's import, in every process the bot starts. The answers
depend only on the pattern, its flags and the code of `text.py`, so they are kept in
`model_data/prefilter_strings.json` under a digest of `text.py`: a pattern the file does not
know (a rule changed since) is read as before, and a changed `text.py` ignores the whole file.
Same strings, always; only where they come from differs.

Rebuild the file after changing a rule (a test says when it is out of date):

    python benchmarks/write_prefilter_strings.py
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

Answer = tuple[str, ...] | None

FILE = Path(__file__).with_name("model_data") / "prefilter_strings.json"
_TEXT_CODE = Path(__file__).with_name("text.py")


def code_digest() -> str:
    """Which `text.py` the answers were worked out by."""
    return hashlib.sha256(_TEXT_CODE.read_bytes()).hexdigest()


def pattern_key(source: str, flags: int) -> str:
    return hashlib.sha1(f"{flags}:{source}".encode()).hexdigest()


class KnownAnswers:
    """The shipped answers, and the keys asked of them (so the file can be rebuilt with
    exactly the patterns the rules use, and a test can tell when one was missing)."""

    def __init__(self, path: Path = FILE) -> None:
        self._answers = _load(path, code_digest())
        self.asked: dict[str, Answer] = {}
        self.patterns: dict[str, tuple[str, int]] = {}  # what each asked key stands for
        self.missing: set[str] = set()  # keys worked out here: the file is out of date

    def get(self, source: str, flags: int) -> tuple[bool, Answer]:
        """(known, answer): `known` is False when the answer must be worked out."""
        key = pattern_key(source, flags)
        self.patterns[key] = (source, flags)
        if key not in self._answers:
            self.missing.add(key)
            return False, None
        answer = self._answers[key]
        self.asked[key] = answer
        return True, answer

    def remember(self, source: str, flags: int, answer: Answer) -> None:
        self.asked[pattern_key(source, flags)] = answer


def _load(path: Path, digest: str) -> dict[str, Answer]:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("text_py") != digest:
        return {}
    patterns = stored.get("patterns")
    if not isinstance(patterns, dict):
        return {}
    return {key: None if value is None else tuple(value) for key, value in patterns.items()}


def write(answers: dict[str, Answer], path: Path = FILE) -> None:
    """Atomically, so a process starting meanwhile reads the old file or the new one."""
    body = {"text_py": code_digest(),
            "patterns": {key: answers[key] for key in sorted(answers)}}
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(body, out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        out.write("\n")
    os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from the bot's own user
    os.replace(temporary, path)
