"""After a crash between the connector accepting a card and the ledger's record of it.

Teams gives a bot no way to see whether a card went out, so the recorded intent makes the
case known, not avoidable: the card is posted again, the repeat is logged and marked in the
ledger. Without a crash nothing is ever posted twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.workflow import Actor
from tests.fakes.bot_connector import FakeBotConnector
from tests.support import valid_form
from tests.teams.conftest import TeamsHarness, start_harness

BLAKE = {"first_name": "Blake", "last_name": "Harris", "department": "City Development",
         "division": "Planning", "section": "", "promote_department": "city-development"}


class Killed(BaseException):
    """The process dies here: nothing after this line runs, no handler sees it."""


def crash_instead(_method: Callable[..., Any]) -> Callable[..., Any]:
    def dying(*args: Any, **kwargs: Any) -> None:
        raise Killed

    return dying


async def started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  connector: FakeBotConnector, *, driven: bool = True) -> TeamsHarness:
    """The bot on its store; `driven`: the test runs the delivery passes itself (only on a
    fresh store: a pass the outbox starts at startup would race with the test's)."""
    harness = await start_harness(tmp_path, monkeypatch, connector)
    if driven:
        await harness.bot.dispatcher.stop()
    for person in ("bharris", "dokafor"):
        await harness.say(person, "hello")  # their chats (and the service URL) are known
    return harness


def approval_cards(harness: TeamsHarness) -> list[Any]:
    """Dana Okafor's cards asking her to approve R-1 (step 1)."""
    return [c for c in harness.cards_to("dokafor") if "approve:R-1:1" in json.dumps(c.card)]


async def deliver_all(harness: TeamsHarness) -> None:
    while await harness.bot.dispatcher.deliver_due():
        pass


async def test_a_crash_before_the_record_posts_again_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, connector: FakeBotConnector,
        caplog: pytest.LogCaptureFixture) -> None:
    first = await started(tmp_path, monkeypatch, connector)
    try:
        first.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
        monkeypatch.setattr(first.bot.repository, "record",
                            crash_instead(first.bot.repository.record))
        with pytest.raises(Killed):
            await deliver_all(first)
        assert len(approval_cards(first)) == 1
    finally:
        await first.close()
    monkeypatch.undo()
    caplog.clear()

    with caplog.at_level(logging.WARNING):
        again = await started(tmp_path, monkeypatch, connector, driven=False)  # the restart
    try:
        with caplog.at_level(logging.WARNING):
            await again.settle()
        assert len(approval_cards(again)) == 2
        assert "may have been posted before a restart" in caplog.text
        copies = again.bot.repository.copies("R-1", 1, "teams")
        assert copies and all(copy["after_unknown_intent"] is True for copy in copies)
    finally:
        await again.close()


async def test_without_a_crash_each_card_goes_out_once_and_a_restart_sends_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, connector: FakeBotConnector) -> None:
    first = await started(tmp_path, monkeypatch, connector)
    try:
        first.bot.workflow.submit(Actor("bharris", "teams"), valid_form(**BLAKE))
        await deliver_all(first)
        assert len(approval_cards(first)) == 1
    finally:
        await first.close()
    again = await started(tmp_path, monkeypatch, connector, driven=False)
    try:
        await again.settle()
        assert len(approval_cards(again)) == 1
        copies = again.bot.repository.copies("R-1", 1, "teams")
        assert copies and not any("after_unknown_intent" in copy for copy in copies)
    finally:
        await again.close()
