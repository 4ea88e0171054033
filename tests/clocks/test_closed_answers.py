"""A second move, or a stale button, on a closed question, review or broken link answers who
closed it and when; on an open case whose step moved on, that the button is out of date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.audit import Actor, sealed
from bot.clocked import bot_entry
from bot.config import AppConfig
from bot.errors import AlreadyDecided, NotFound
from bot.links import BrokenLink
from bot.messages import when
from bot.moderation.model import Post
from socialbot.bootstrap import build
from tests.support import FixedClock

START = datetime(2026, 3, 30, 14, tzinfo=UTC)


def test_closed_clock_cases_say_who_closed_them_and_when(
        tmp_path: Path, sample_config: AppConfig, clock: FixedClock) -> None:
    clock.current = START
    bot = build(sample_config, tmp_path, clock=clock)
    engine, zone = bot.workflow.engine, sample_config.time_zone
    rajesh = bot.directory.person("rsingh").full_name
    stamp = when(START, zone)

    question_id = bot.clocks.questions.observe(Post(
        platform="facebook", board="Recreation", folder="Posts", topic="Pool", post_id="q-1",
        author_id="c-1", author_name="Sam Resident", created_at=START,
        text="When does the Pickering pool open this summer?"))
    assert question_id is not None
    question = bot.clocks.question_cases.get(question_id)
    assert question is not None
    assert engine.stale_reason("question", question, 0) == \
        f"This message about {question_id} is out of date; nothing was changed."
    bot.clocks.questions.answered("rsingh", "console", f" {question_id.lower()} ", "by phone")
    with pytest.raises(AlreadyDecided) as twice:
        bot.clocks.questions.clear("kwong", "console", question_id, "not a question")
    assert str(twice.value) == f"Question {question_id} was already answered by {rajesh} " \
                               f"on {stamp}."

    account = bot.services.accounts.add(Actor("kwong", "console"), platform="Facebook",
                                        handle="@PickeringRec", department="community-services",
                                        users=["rsingh"])
    clock.current = START + timedelta(days=91)
    assert bot.clocks.reviews.open_due() == 1
    review = bot.clocks.reviews.open_for("rsingh")[0]
    assert review.account_id == account.id
    bot.clocks.reviews.confirm("rsingh", "console", review.id)
    with pytest.raises(AlreadyDecided) as again:
        bot.clocks.reviews.confirm("rsingh", "console", review.id)
    assert str(again.value) == f"Review {review.id} was already done by {rajesh} on " \
                               f"{when(clock.now(), zone)}."

    cases = bot.clocks.link_cases
    link = BrokenLink(id=cases.next_id(), url="https://example.org/pool", account_id=account.id,
                      places=("p-1",), failure="404 Not Found", state="broken", step=1,
                      opened_at=clock.now())
    cases.save(link.evolve(history=sealed(link.id, (bot_entry(link, "found_broken",
                                                              clock.now()),))),
               expected_version=0)
    closed = bot.clocks.links.close("rsingh", "console", link.id, "the post was taken down")
    assert engine.stale_reason("link", closed, 1) == \
        f"Link {link.id} was already closed by {rajesh} on {when(clock.now(), zone)}."
    with pytest.raises(NotFound) as unknown:
        bot.clocks.links.close("rsingh", "console", "L-4" + "0" * 30, "gone")
    assert str(unknown.value) == "There is no link 'L-400000000000000000'."
    bot.close()
