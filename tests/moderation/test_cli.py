"""`socialbot moderate FILE`: the offline screening command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialbot.moderation_cli import moderate
from tests.moderation.posts import SAMPLES


def line(post_id: str, text: str, **extra: object) -> str:
    record = {
        "id": post_id, "platform": "facebook", "board": "City of Pickering",
        "folder": "Green bin & garbage collection changes 2027",
        "topic": "Every-other-week garbage pickup starting April 5, 2027.",
        "author_id": "fb:1", "author_name": "Pat", "text": text,
        "created_at": f"2027-04-0{len(post_id) % 9 + 1}T10:00:00-04:00", **extra,
    }  # fmt: skip
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture
def posts_file(tmp_path: Path) -> Path:
    path = tmp_path / "posts.jsonl"
    lines = [
        line("a", "Thanks for the early notice!", labels=["vulgarity"]),  # labels are ignored
        line("b", "this is bullsh!t", labels=["vulgarity"]),
        line("c", "My number is 905-555-0134 if the crew needs to reach me", labels=[]),
        line("d", "this is bullsh!t!!", labels=["vulgarity", "duplicate"]),
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(moderate, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_output_is_one_object_per_post_in_input_order(posts_file: Path) -> None:
    code, out, _ = run(str(posts_file), "--format", "jsonl", "--config", "missing.yaml")
    assert code == 0
    rows = [json.loads(row) for row in out.splitlines()]
    assert rows == [
        {"id": "a", "labels": [], "action": "keep"},
        {"id": "b", "labels": ["vulgarity"], "action": "remove"},
        {"id": "c", "labels": ["personal_info"], "action": "remove"},
        {"id": "d", "labels": ["duplicate", "vulgarity"], "action": "remove"},
    ]


def test_text_report_explains_each_post_and_sums_up(posts_file: Path) -> None:
    code, out, _ = run(str(posts_file), "--config", "missing.yaml")
    assert code == 0
    assert "b  REMOVE  vulgarity" in out
    assert 'evidence: "bullsh!t"' in out
    assert "first copy: b (kept)" in out
    assert "Summary: 4 posts, 3 to remove, 1 to keep" in out
    assert "a  KEEP" in out


def test_evaluate_reports_precision_and_recall_against_the_labels(posts_file: Path) -> None:
    code, out, _ = run(str(posts_file), "--evaluate", "--config", "missing.yaml")
    assert code == 0
    table = out.split("Evaluation against the file's labels")[1]
    vulgarity = next(row for row in table.splitlines() if row.strip().startswith("vulgarity"))
    precision, recall = (float(x) for x in vulgarity.split()[1:3])
    assert (precision, recall) == (1.0, 0.667)  # post "a" is labeled vulgar but is not
    assert "macro F1" in table


def test_evaluate_in_jsonl_mode_keeps_stdout_pure_json(posts_file: Path) -> None:
    code, out, err = run(str(posts_file), "--evaluate", "--format", "jsonl", "--config", "x")
    assert code == 0
    assert all(json.loads(row) for row in out.splitlines())
    assert "Evaluation against the file's labels" in err


def test_the_moderation_section_of_the_config_is_used(posts_file: Path, tmp_path: Path) -> None:
    config = tmp_path / "app.yaml"
    config.write_text("bot: {name: x}\nmoderation:\n  enabled: [personal_info]\n")
    _, out, _ = run(str(posts_file), "--format", "jsonl", "--config", str(config))
    assert [json.loads(row)["action"] for row in out.splitlines()] == [
        "keep", "keep", "remove", "keep"
    ]


def test_a_config_without_a_moderation_section_uses_defaults(
    posts_file: Path, tmp_path: Path
) -> None:
    config = tmp_path / "app.yaml"
    config.write_text("server:\n  port: 8080\n")
    code, out, _ = run(str(posts_file), "--format", "jsonl", "--config", str(config))
    assert code == 0 and len(out.splitlines()) == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("moderation:\n  enabled: [spam]\n", "moderation.enabled"),
        ("moderation: [1, 2\n", "not readable YAML"),
        ("- just a list\n", "expected a mapping"),
    ],
)
def test_a_bad_config_is_a_clear_error(
    posts_file: Path, tmp_path: Path, content: str, message: str
) -> None:
    config = tmp_path / "app.yaml"
    config.write_text(content)
    code, out, err = run(str(posts_file), "--config", str(config))
    assert code == 2 and message in err and out == ""
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": "x"}\n', "line 1: missing field(s): platform"),
        (line("a", "ok").encode() + b"\nnot json\n", "line 2: not valid JSON"),
        (line("a", "ok").encode() + b"\n[1, 2]\n", "line 2: expected a JSON object"),
        (b"\xff\xfe bad bytes\n", "line 1: not UTF-8 text"),
        (line("a", "ok", created_at="yesterday").encode(), "line 1: field 'created_at'"),
        (line("a", "ok", labels=["spam"]).encode(), "line 1: field 'labels'"),
        (line("a", "ok").replace('"ok"', "42").encode(), "line 1: field 'text' must be a string"),
    ],
)
def test_bad_lines_name_the_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    code, out, err = run(str(path), "--config", "missing.yaml")
    assert code == 2, err
    assert message in err and out == ""
    assert "Traceback" not in err


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.jsonl"), "--config", "missing.yaml")
    assert code == 2 and "no such file" in err


def test_evaluate_needs_labels(tmp_path: Path) -> None:
    path = tmp_path / "unlabeled.jsonl"
    path.write_text(line("a", "hello") + "\n")
    code, _, err = run(str(path), "--evaluate", "--config", "missing.yaml")
    assert code == 2 and "needs posts with 'labels'" in err


def test_hostile_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text(line("x\u001b[2J", "you b1tch \u001b[31mred\u001b[0m\nnext line") + "\n")
    _, out, _ = run(str(path), "--config", "missing.yaml")
    assert "\u001b" not in out
    assert "\\x1b[31mred" in out


def test_the_whole_probe_file_runs_through_the_command() -> None:
    code, out, _ = run(str(SAMPLES / "probe2.jsonl"), "--format", "jsonl", "--config", "none")
    assert code == 0 and len(out.splitlines()) == 93


def test_the_command_is_registered_with_socialbot() -> None:
    from socialbot.cli import main

    result = CliRunner().invoke(main, ["moderate", "--help"])
    assert result.exit_code == 0 and "--evaluate" in result.stdout
