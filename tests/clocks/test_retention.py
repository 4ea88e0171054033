"""Retention: a purge removes personal information past its period, keeps who decided what and
when, and leaves every hash chain verifiable; a dry run says what would go and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.audit import Actor, first_broken
from bot.cases import Move
from bot.config import AppConfig
from bot.moderation.model import Post
from bot.questions import REMOVED_TEXT
from bot.retention import REMOVED
from socialbot.bootstrap import Runtime, build
from socialbot.cli import main
from storage.moderation_repository import POSTS
from storage.retention import purge
from tests.support import SAMPLE_CONFIG, FixedClock, file_request

START = datetime(2026, 1, 5, 15, tzinfo=UTC)


def spam(post_id: str, at: datetime) -> Post:
    return Post(platform="facebook", board="City of Pickering", folder="Events", topic="Pool",
                post_id=post_id, author_id="fb-42", author_name="Pat Poster",
                text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!",
                created_at=at)


def scene(tmp_path: Path, config: AppConfig, clock: FixedClock,
          start: datetime = START) -> Runtime:
    """A withdrawn request and a decided alert, an open request and an open alert from 800
    days later."""
    clock.current = start
    bot = build(config, tmp_path, clock=clock)
    old = file_request(bot.workflow)
    bot.workflow.decide(Actor("adoe", "console"), old.id, Move("withdraw"))
    _, decided = bot.desk.receive(spam("p-1", start))
    assert decided is not None
    bot.desk.decide("rsingh", "console", decided, "remove")
    clock.current = start + timedelta(days=800)
    file_request(bot.workflow, person="jpatel")
    bot.desk.receive(spam("p-2", clock.current))
    return bot


def test_a_purge_keeps_the_signed_record_and_removes_the_rest(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    bot = scene(tmp_path, sample_config, clock)
    before = {r.id: r.history for r in bot.repository.all_requests()}
    dry = purge(bot.store, sample_config.retention, clock.now(), dry_run=True)
    assert (dry.requests, dry.alerts, dry.counts.get(POSTS)) == (["R-1"], ["A-1"], 1)
    assert bot.repository.get("R-1").employee.first_name == "Alex"  # type: ignore[union-attr]

    done = purge(bot.store, sample_config.retention, clock.now(), dry_run=False)
    assert (done.requests, done.alerts) == (["R-1"], ["A-1"])
    request = bot.repository.get("R-1")
    assert request is not None and request.employee.first_name == REMOVED
    assert request.history == before["R-1"]  # who decided what, when: all kept
    assert [(e.action, e.actor_id) for e in request.history] == [("submit", "adoe"),
                                                                ("withdraw", "adoe")]
    alert = bot.desk.get("A-1")
    assert alert.post.text == REMOVED and alert.post.author_name == ""
    assert [(e.action, e.actor_id) for e in alert.history] == [("remove", "rsingh")]
    assert first_broken(alert.id, alert.history) is None
    assert bot.desk.get("A-2").post.author_name == "Pat Poster"  # open: nothing removed
    assert bot.repository.get("R-2").employee.first_name == "Jaya"  # type: ignore[union-attr]
    assert bot.store.get(POSTS, "facebook:p-1") is None
    assert bot.store.get(POSTS, "facebook:p-2") is not None
    again = purge(bot.store, sample_config.retention, clock.now(), dry_run=False)
    assert again.empty
    bot.close()

    config = tmp_path / "app.yaml"
    config.write_text(SAMPLE_CONFIG.read_text())
    verified = CliRunner().invoke(main, ["verify", "--config", str(config)])
    assert verified.exit_code == 0, verified.output


def test_purge_dry_run_from_the_command_line_says_what_would_go(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    # The command runs on the real time: a scene from 2022 is past every period.
    scene(tmp_path, sample_config, clock, start=datetime(2022, 1, 10, 15, tzinfo=UTC)).close()
    config = tmp_path / "app.yaml"
    config.write_text(SAMPLE_CONFIG.read_text())
    dry = CliRunner().invoke(main, ["purge", "--dry-run", "--config", str(config)])
    assert dry.exit_code == 0, dry.output
    assert "would remove the employee's names from closed requests: R-1" in dry.output
    assert "would remove the citizen's post from decided alerts: A-1" in dry.output
    assert "dry run, nothing changed" in dry.output
    again = CliRunner().invoke(main, ["purge", "--dry-run", "--config", str(config)])
    assert again.output == dry.output  # nothing changed
    done = CliRunner().invoke(main, ["purge", "--config", str(config)])
    assert done.exit_code == 0 and "removed the citizen's post" in done.output
    verified = CliRunner().invoke(main, ["verify", "--config", str(config)])
    assert verified.exit_code == 0, verified.output


def test_a_purge_reaches_the_running_bot_s_questions(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    """The purge writes the questions' table directly: the running bot, which has read the
    question before, shows it without the citizen's words at once (no stale copy kept)."""
    clock.current = START
    bot = build(sample_config, tmp_path, clock=clock)
    asked = bot.clocks.questions.observe(
        replace(spam("p-9", START), text="When does the Pickering pool open this summer?"))
    assert asked is not None
    bot.clocks.questions.answered("rsingh", "console", asked, "by phone")
    cases = bot.clocks.question_cases
    assert cases.get(asked).excerpt.startswith("When does")  # type: ignore[union-attr]
    clock.current = START + timedelta(days=800)
    done = purge(bot.store, sample_config.retention, clock.now(), dry_run=False)
    assert done.questions == [asked]
    question = cases.get(asked)
    assert question is not None and question.excerpt == REMOVED_TEXT
    assert question.author_name == "" and question.state == "answered"
    assert [q.excerpt for q in cases.all()] == [REMOVED_TEXT]
    bot.close()
