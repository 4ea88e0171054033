"""Current information (04.02 n): each account in the register is reviewed every period; its
users are asked, reminded on business days until one confirms or says what changed; then the
next review comes a period later. Questions and broken links reach the register's users."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.accounts import Account
from bot.audit import Actor
from bot.clock import SystemClock
from bot.config import AppConfig, ReviewsConfig, ServiceLevelsConfig
from bot.errors import Refused
from bot.moderation.model import Post
from socialbot.bootstrap import Runtime, build
from socialbot.cli import main
from tests.support import SAMPLE_CONFIG, FixedClock

KWONG = Actor("kwong", "console")


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 14, tzinfo=UTC)  # 10:00 in Toronto (EDT)


def queued(bot: Runtime, case_type: str) -> list[tuple[str, tuple[str, ...]]]:
    due = bot.repository.due(now=1e12)
    for message in due:
        bot.repository.delivered(message.id)
    return sorted({(m.notification.id, m.notification.recipients) for m in due
                   if m.notification.case_type == case_type})


def config_for(sample_config: AppConfig) -> AppConfig:
    levels = ServiceLevelsConfig(cases={"review": 2})
    return sample_config.model_copy(update={
        "service_levels": levels, "reviews": ReviewsConfig(every_days=91)})


def rec_and_bare(bot: Runtime) -> tuple[Account, Account]:
    """Recreation's page with two users, and the Fire page with none (its reviews: the CCT)."""
    register = bot.services.accounts
    return (register.add(KWONG, platform="Facebook", handle="@PickeringRec",
                         department="community-services", users=["adoe", "jpatel"]),
            register.add(KWONG, platform="Instagram", handle="@pickering.fire",
                         department="fire-services"))


def test_each_account_is_reviewed_every_period_until_someone_answers(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    config = config_for(sample_config)
    clock.current = at(date(2026, 3, 30))
    bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
    register = bot.services.accounts
    rec, bare = rec_and_bare(bot)
    gone = register.add(KWONG, platform="X", handle="@OldPickering",
                        department="community-services", users=["adoe"])
    register.retire(KWONG, gone.id, "closed in 2026")
    queued(bot, "review")

    clock.current = at(date(2026, 6, 26))  # a Friday, 88 days on: not yet due
    bot.reminders.run_once()
    assert queued(bot, "review") == []
    clock.current = at(date(2026, 6, 29))  # Monday, 91 days on: due
    bot.reminders.run_once()
    assert queued(bot, "review") == [("V-1:1:asked", ("adoe", "jpatel")),
                                     ("V-2:1:asked", ("kwong", "rsingh"))]  # no users: CCT
    # Two business days after Monday June 29: Tue 30, (Canada Day), Thu 2; Friday reminds.
    expected = {
        date(2026, 6, 30): [],
        date(2026, 7, 1): [],  # Canada Day
        date(2026, 7, 2): [],
        date(2026, 7, 3): [("V-1:1:reminder:0", ("adoe", "jpatel")),
                           ("V-2:1:reminder:0", ("kwong", "rsingh"))],
        date(2026, 7, 4): [],
        date(2026, 7, 5): [],
        date(2026, 7, 6): [("V-1:1:reminder:1", ("adoe", "jpatel")),
                           ("V-2:1:reminder:1", ("kwong", "rsingh"))],
    }
    for day, wanted in expected.items():
        clock.current = at(day)
        bot.reminders.run_once()
        assert queued(bot, "review") == wanted, day
        if day == date(2026, 7, 3):
            bot.close()  # a restart: nothing is sent twice, no review opened twice
            bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
            bot.reminders.run_once()
            assert queued(bot, "review") == []

    reviews = bot.clocks.reviews
    with pytest.raises(Refused):
        reviews.confirm("msmith", "console", "V-1")  # not a user of the account
    clock.current = at(date(2026, 7, 7))
    changed = reviews.changed("jpatel", "console", "v-1", "new phone number in the bio")
    assert changed.state == "updated"
    assert reviews.confirm("rsingh", "console", "V-2").state == "confirmed"
    bot.reminders.run_once()
    assert queued(bot, "review") == [("V-1:2:done", ("adoe", "jpatel", "kwong", "rsingh")),
                                     ("V-2:2:done", ("kwong", "rsingh"))]
    assert [r.id for r in bot.clocks.review_cases.all()
            if r.account_id == gone.id] == []  # a retired account is not reviewed

    clock.current = at(date(2026, 10, 2))  # 87 days after the answers: not yet
    bot.reminders.run_once()
    assert queued(bot, "review") == []
    clock.current = at(date(2026, 10, 6))  # 91 days after: the next round
    bot.reminders.run_once()
    assert queued(bot, "review") == [("V-3:1:asked", ("adoe", "jpatel")),
                                     ("V-4:1:asked", ("kwong", "rsingh"))]
    assert {r.account_id for r in reviews.open_for("adoe")} == {rec.id}
    assert bare.id != rec.id
    bot.close()


def test_questions_and_broken_links_go_to_the_accounts_users_in_the_register(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack",), clock=clock)
    account = bot.services.accounts.add(KWONG, platform="Facebook", handle="@PickeringRec",
                                        department="community-services", users=["adoe"])
    city = Post(platform="facebook", board="PickeringRec", folder="Posts", topic="",
                post_id="c-1", author_id="PickeringRec", author_name="City of Pickering",
                text="Camps open Monday: https://example.invalid/camps",
                created_at=clock.now() - timedelta(hours=1))
    asked = Post(platform="facebook", board="PickeringRec", folder="Posts", topic="",
                 post_id="q-1", author_id="c-77", author_name="Sam", parent_id="c-1",
                 text="Is there a sibling discount?", created_at=clock.now())
    assert bot.clocks.recipients.is_city(city)  # the account itself posted it
    assert bot.clocks.links.observe(city) == 1
    assert bot.clocks.questions.observe(city) is None  # the City's own post
    assert bot.clocks.questions.observe(asked) == "Q-1"  # under the City's post: to the City
    question = bot.clocks.question_cases.get("Q-1")
    assert question is not None and question.account_id == account.id
    assert queued(bot, "question") == [("Q-1:1:asked", ("adoe",))]
    [source] = bot.clocks.links.store.sources()
    assert source.account_id == account.id
    bot.close()


def test_socialbot_reviews_lists_open_reviews_beside_a_running_bot(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = config_for(sample_config)
    clock.current = at(date(2026, 3, 30))
    bot = build(config, tmp_path, channel_names=("slack",), clock=clock)
    rec, bare = rec_and_bare(bot)
    bot.services.accounts.add(KWONG, platform="X", handle="@PickeringNews",
                              department="community-services", users=["adoe"])
    clock.current = at(date(2026, 6, 29))
    bot.reminders.run_once()
    bot.clocks.reviews.confirm("adoe", "console", "V-3")  # answered: not listed
    # Monday July 6: Tue 30, (Canada Day), Thu 2, Fri 3, (the weekend) have passed.
    monkeypatch.setattr(SystemClock, "now", lambda self: at(date(2026, 7, 6)))
    config_file = tmp_path / "app.yaml"
    config_file.write_text(SAMPLE_CONFIG.read_text())
    names = {p: bot.directory.person(p).full_name for p in ("adoe", "jpatel", "kwong", "rsingh")}

    text = CliRunner().invoke(main, ["reviews", "--config", str(config_file)])  # bot running
    assert text.exit_code == 0, text.output
    assert text.output.splitlines() == [
        "2 account review(s) wait for the account's users:",
        f"  V-1  {rec.id} Facebook @PickeringRec  3 business day(s)  "
        f"to act: {names['adoe']}, {names['jpatel']}",
        f"  V-2  {bare.id} Instagram @pickering.fire  3 business day(s)  "
        f"to act: {names['kwong']}, {names['rsingh']}"]
    listed = CliRunner().invoke(main, ["reviews", "--config", str(config_file),
                                       "--format", "json"])
    assert listed.exit_code == 0, listed.output
    found = json.loads(listed.output)
    assert [(r["id"], r["account"], r["business_days"], [a["id"] for a in r["acting"]])
            for r in found] == [("V-1", rec.id, 3, ["adoe", "jpatel"]),
                                ("V-2", bare.id, 3, ["kwong", "rsingh"])]
    assert found[0]["acting"][0]["name"] == names["adoe"]
    assert found[0]["opened_at"] == at(date(2026, 6, 29)).isoformat()

    for review in ("V-1", "V-2"):
        bot.clocks.reviews.confirm("rsingh", "console", review)
    bot.close()
    empty = CliRunner().invoke(main, ["reviews", "--config", str(config_file)])
    assert empty.exit_code == 0 and empty.output.strip() == "No account review is open."
