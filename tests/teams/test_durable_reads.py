"""A typed command's answer, posted during the turn, waits for the fsync of a decision it would
show: a click's decision is visible in memory before its group fsync, and a power cut then
would undo what the answer told someone."""

from __future__ import annotations

import asyncio

import pytest

from tests.support import approved_before_fsync
from tests.teams.conftest import TeamsHarness, all_text


async def test_a_typed_status_waits_for_the_fsync_of_what_it_shows(
        teams: TeamsHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    written = approved_before_fsync(teams.bot, monkeypatch, "bharris", "teams")
    before = len(teams.connector.sent())
    said = asyncio.ensure_future(teams.say("bharris", "status"))
    await asyncio.sleep(0.3)
    assert len(teams.connector.sent()) == before  # it would show an approval not yet on disk
    written.release.set()
    [status] = await asyncio.wait_for(said, 10)
    assert status.card is not None and "waiting for the CCT" in all_text(status.card)
    await asyncio.wait_for(written.click_ack, 10)
