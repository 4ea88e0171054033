"""`socialbot moderate FILE`: screen a file of posts offline, so a city can try the rules on
its own history before switching anything on.

FILE is JSON Lines in the format of the labeled development set; labels in it are ignored
when screening, and used only by --evaluate. Posts are screened in file order, so
duplicates are judged as they would be live.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import click
import yaml
from pydantic import ValidationError

from bot.moderation import CATEGORIES, ModerationSettings, Screener, Verdict
from bot.moderation.dataset import LabeledPost, PostFileError, read_posts
from bot.moderation.evaluation import Counts, Evaluation


class UsageProblem(Exception):
    """A problem with the command's input, reported as one line on stderr with exit code 2."""


@click.command("moderate")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "jsonl"]),
              default="text", show_default=True,
              help="A readable report, or one JSON object per post.")
@click.option("--evaluate", is_flag=True,
              help="Also report precision and recall per category against the file's labels.")
@click.option("--config", "config_path", default="app.yaml", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Read the `moderation:` section from here (defaults if absent).")
def moderate(file: Path, output_format: str, evaluate: bool, config_path: Path) -> None:
    """Screen the posts in FILE (JSON Lines) against the Posting Guidelines."""
    try:
        settings = load_settings(config_path)
        posts = _read_file(file)
        if evaluate and not any(p.labels is not None for p in posts):
            raise UsageProblem(f"{file}: --evaluate needs posts with 'labels'")
    except UsageProblem as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(2)
    screener = Screener(settings)
    verdicts = [screener.screen(labeled.post) for labeled in posts]
    if output_format == "jsonl":
        for labeled, verdict in zip(posts, verdicts, strict=True):
            click.echo(json.dumps(_as_json(labeled, verdict), ensure_ascii=False))
    else:
        for labeled, verdict in zip(posts, verdicts, strict=True):
            click.echo(_post_report(labeled, verdict))
        click.echo(_summary(verdicts))
    if evaluate:
        click.echo(_evaluation_report(posts, verdicts), err=output_format == "jsonl")


def load_settings(config_path: Path) -> ModerationSettings:
    """The `moderation:` section of the configuration, or the defaults when there is none."""
    if not config_path.exists():
        return ModerationSettings()
    try:
        document = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise UsageProblem(f"{config_path}: not readable YAML ({error})") from None
    if document is None:
        return ModerationSettings()
    if not isinstance(document, dict):
        raise UsageProblem(f"{config_path}: expected a mapping at the top level")
    section = document.get("moderation")
    if section is None:
        return ModerationSettings()
    try:
        return ModerationSettings.model_validate(section)
    except ValidationError as error:
        problems = "; ".join(
            f"moderation.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()
        )
        raise UsageProblem(f"{config_path}: {problems}") from None


def _read_file(file: Path) -> list[LabeledPost]:
    try:
        if str(file) == "-":
            return list(read_posts(_decoded_lines(sys.stdin.buffer)))
        with file.open("rb") as handle:
            return list(read_posts(_decoded_lines(handle)))
    except FileNotFoundError:
        raise UsageProblem(f"{file}: no such file") from None
    except PostFileError as error:
        raise UsageProblem(f"{file}: {error}") from None
    except OSError as error:
        raise UsageProblem(f"{file}: {error.strerror}") from None


def _decoded_lines(handle: IO[bytes]) -> Iterator[str]:
    for number, raw in enumerate(handle, start=1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PostFileError(number, "not UTF-8 text") from None


def _as_json(labeled: LabeledPost, verdict: Verdict) -> dict[str, Any]:
    return {"id": labeled.post.post_id, "labels": list(verdict.labels), "action": verdict.action}


def _post_report(labeled: LabeledPost, verdict: Verdict) -> str:
    post = labeled.post
    head = f"{_safe(post.post_id)}  {verdict.action.upper():<6}"
    if verdict.action == "keep":
        return f"{head}  {_safe(post.folder)}"
    lines = [f"{head}  {', '.join(verdict.labels)}  ({_safe(post.author_name)} in "
             f"{_safe(post.board)} / {_safe(post.folder)})"]
    lines.append(f"    text: {_safe(_cut(post.text, 160))}")
    for finding in verdict.findings:
        lines.append(
            f"    {finding.category} ({finding.confidence:.2f}): {_safe(finding.explanation)}"
        )
        quoted = ", ".join(f'"{_safe(_cut(span.text, 60))}"' for span in finding.evidence[:4])
        lines.append(f"      evidence: {quoted}")
    if verdict.duplicate_of:
        lines.append(f"    first copy: {_safe(verdict.duplicate_of)} (kept)")
    return "\n".join(lines)


def _summary(verdicts: Sequence[Verdict]) -> str:
    per_category = Counter(label for verdict in verdicts for label in verdict.labels)
    removed = sum(verdict.action == "remove" for verdict in verdicts)
    lines = ["", f"Summary: {len(verdicts)} posts, {removed} to remove, "
                 f"{len(verdicts) - removed} to keep"]
    for category in CATEGORIES:
        lines.append(f"  {category:<14}{per_category.get(category, 0):>6}")
    return "\n".join(lines)


def _evaluation_report(posts: Sequence[LabeledPost], verdicts: Sequence[Verdict]) -> str:
    evaluation = Evaluation()
    for labeled, verdict in zip(posts, verdicts, strict=True):
        if labeled.labels is not None:
            evaluation.add(labeled.labels, verdict.labels)
    lines = ["", f"Evaluation against the file's labels ({evaluation.posts} labeled posts):",
             f"  {'category':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'n':>5}"]
    for category in CATEGORIES:
        c = evaluation.counts.get(category, Counts())
        lines.append(f"  {category:<14}{c.precision:>10.3f}{c.recall:>8.3f}{c.f1:>7.3f}"
                     f"{c.tp + c.fn:>5}")
    lines.append(f"  macro F1 {evaluation.macro_f1:.3f}, remove/keep accuracy "
                 f"{evaluation.accuracy:.3f}")
    return "\n".join(lines)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe(text: str) -> str:
    """Posts are hostile: no terminal control sequences, no line breaks in a report line."""
    return "".join(
        ch if ch.isprintable() else ("⏎" if ch == "\n" else f"\\x{ord(ch):02x}") for ch in text
    )
