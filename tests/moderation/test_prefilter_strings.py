"""The prefilter strings shipped with the rules are the ones the rules' patterns give."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from bot.moderation import prefilter_strings, text
from bot.moderation.screener import Screener  # noqa: F401  (imports every rule)

_REBUILD = "rebuild it: python benchmarks/write_prefilter_strings.py"


def test_every_rule_pattern_found_its_strings_in_the_shipped_file() -> None:
    # In a process of its own: this one's other tests compile patterns of their own.
    program = ("from bot.moderation import text\n"
               "from bot.moderation.screener import Screener\n"
               "print(len(text.KNOWN_ANSWERS.missing), len(text.KNOWN_ANSWERS.asked))")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    missing, asked = map(int, done.stdout.split())
    assert asked > 200  # every rule asked (a few hundred patterns)
    assert missing == 0, f"{missing} patterns are not in {prefilter_strings.FILE.name}; {_REBUILD}"


def test_the_shipped_strings_are_those_the_patterns_give() -> None:
    known = text.KNOWN_ANSWERS
    assert len(known.asked) > 200  # every rule asked (a few hundred patterns)
    for key, answer in known.asked.items():
        source, flags = known.patterns[key]
        assert text._read_required_literals(re.compile(source, flags)) == answer, _REBUILD


def test_a_pattern_the_file_does_not_know_is_read_from_the_pattern() -> None:
    pattern = re.compile(r"\bnever (?:shipped|seen) before\b")
    assert text.required_literals(pattern) == ("never seen before", "never shipped before")


def _written(tmp_path: Path, answers: dict[str, tuple[str, ...] | None]) -> Path:
    path = tmp_path / "strings.json"
    prefilter_strings.write(answers, path)
    return path


def test_answers_written_are_read_back(tmp_path: Path) -> None:
    key = prefilter_strings.pattern_key("ab|cd", 32)
    path = _written(tmp_path, {key: ("ab", "cd")})
    answers = prefilter_strings.KnownAnswers(path)
    assert answers.get("ab|cd", 32) == (True, ("ab", "cd"))
    assert answers.get("ab|cd", 0) == (False, None)  # other flags, another pattern


def test_a_file_from_another_text_py_is_ignored(tmp_path: Path) -> None:
    key = prefilter_strings.pattern_key("ab|cd", 32)
    path = _written(tmp_path, {key: ("ab", "cd")})
    stored = json.loads(path.read_text())
    stored["text_py"] = "0" * 64
    path.write_text(json.dumps(stored))
    assert prefilter_strings.KnownAnswers(path).get("ab|cd", 32) == (False, None)


def test_a_damaged_or_missing_file_only_costs_time(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"text_py": ')
    for path in (damaged, tmp_path / "absent.json"):
        assert prefilter_strings.KnownAnswers(path).get("ab|cd", 32) == (False, None)
