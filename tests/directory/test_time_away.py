"""Time away across a weekend, through the console: Morgan Smith (who agrees to Alex's
requests) is away on Friday with Dana Okafor acting; a request arrives on Saturday and goes to
Dana, who signs "for" Morgan; on Monday, the first business day after, what is still open is
Morgan's again. The clock is held still and moved by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from adapters.console.notices import CHANNEL as CONSOLE
from adapters.console.session import ConsoleSession
from bot.config import load_config
from socialbot.bootstrap import Runtime, build
from tests.support import SAMPLE_CONFIG, FixedClock, file_request

THURSDAY = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)  # 10:00 in Pickering


@pytest.fixture
def clock() -> FixedClock:
    held = FixedClock()
    held.current = THURSDAY
    return held


@pytest.fixture
def bot(tmp_path: Path, clock: FixedClock) -> Iterator[Runtime]:
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(tmp_path / "bot.json")}
    (tmp_path / "app.yaml").write_text(yaml.safe_dump(raw))
    config, base_dir = load_config(tmp_path / "app.yaml")
    runtime = build(config, base_dir, channel_names=(CONSOLE,), clock=clock, fsync=False)
    yield runtime
    runtime.close()


def console(bot: Runtime, person: str) -> ConsoleSession:
    return ConsoleSession(bot.workflow, person, confirm=False, notices=bot.repository,
                          time_away=bot.services.time_away)


def queued_for(bot: Runtime, request_id: str, phase: str) -> list[tuple[str, ...]]:
    return [m.notification.recipients for m in bot.repository.due(1e12, limit=500)
            if m.notification.case_id == request_id and m.id.split("@")[0].endswith(phase)]


def test_away_over_a_weekend_with_a_request_arriving_while_away(bot: Runtime,
                                                                clock: FixedClock) -> None:
    workflow, away = bot.workflow, bot.services.time_away
    assert away is not None
    before = file_request(workflow, "adoe")                     # Thursday: waits for Morgan
    assert workflow.current_approvers(before) == ["msmith"]
    morgan = console(bot, "msmith")

    # Who may act is checked: not oneself, not the requester of what waits, not in the past.
    assert "cannot act for yourself" in morgan.handle("away 2026-12-04 to 2026-12-04 msmith")
    refused = morgan.handle("away 2026-12-04 to 2026-12-04 Alex Doe")
    assert f"Alex Doe may not sign {before.id} (Supervisor agreement)" in refused
    assert "cannot start in the past" in morgan.handle("away 2026-12-01 to 2026-12-04 dokafor")
    assert "is not a date" in morgan.handle("away friday to monday dokafor")
    assert away.current("msmith") is None

    reply = morgan.handle("away 2026-12-04 to 2026-12-04 Dana Okafor")
    assert "from 2026-12-04 to 2026-12-04. Dana Okafor acts and signs for you" in reply
    assert "comes back to you on 2026-12-07" in reply            # Monday: the weekend is away
    assert workflow.current_approvers(before) == ["msmith"]     # not yet: it starts Friday

    clock.current = datetime(2026, 12, 4, 14, 0, tzinfo=UTC)   # Friday
    assert workflow.current_approvers(workflow.get(before.id)) == ["dokafor"]
    assert away.hand_over() == 1                                # Dana is told, once
    assert away.hand_over() == 0
    assert queued_for(bot, before.id, "start") == [("dokafor",)]

    clock.current = datetime(2026, 12, 5, 16, 0, tzinfo=UTC)   # Saturday: a request arrives
    arriving = file_request(workflow, "jpatel")                 # Jaya also reports to Morgan
    assert workflow.current_approvers(arriving) == ["dokafor"]
    dana = console(bot, "dokafor")
    inbox = dana.handle("inbox")
    assert before.id in inbox and arriving.id in inbox
    assert arriving.id not in morgan.handle("inbox")
    dana.handle(f"approve {arriving.id}")
    signed = workflow.get(arriving.id).history[-1]
    assert signed.signer == "Dana Okafor for Morgan Smith"
    assert signed.for_id == "msmith" and workflow.get(arriving.id).state == "cct"

    clock.current = datetime(2026, 12, 6, 16, 0, tzinfo=UTC)   # Sunday: still away
    assert workflow.current_approvers(workflow.get(before.id)) == ["dokafor"]
    assert "You are away from 2026-12-04 to 2026-12-04" in morgan.handle("away")

    clock.current = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)   # Monday: back
    assert workflow.current_approvers(workflow.get(before.id)) == ["msmith"]
    assert away.hand_over() == 1
    assert queued_for(bot, before.id, "back") == [("msmith",)]
    assert before.id in morgan.handle("inbox") and before.id not in dana.handle("inbox")
    keeper = bot.services.directory_keeper
    assert keeper is not None
    assert [e.change for e in keeper.history("msmith")] == ["away"]


def test_back_early_and_the_static_delegate_stays_the_default(bot: Runtime,
                                                              clock: FixedClock) -> None:
    away, keeper = bot.services.time_away, bot.services.directory_keeper
    assert away is not None and keeper is not None
    # Casey MacDonald's static delegate (app.yaml) acts beside them when no time away is set.
    assert bot.directory.acting_for("cmacdonald") == ["cmacdonald", "sbaker"]
    casey = console(bot, "cmacdonald")
    assert "no 'Owen' in the directory" in casey.handle("away today to 2026-12-10 Owen")
    assert away.current("cmacdonald") is None
    assert "Noted" in casey.handle("away today to 2026-12-10 jmarsh")
    assert bot.directory.acting_for("cmacdonald") == ["jmarsh"]
    assert bot.directory.delegate_of("cmacdonald") == "jmarsh"
    assert "Welcome back" in casey.handle("away off")
    assert bot.directory.acting_for("cmacdonald") == ["cmacdonald", "sbaker"]
    assert [e.change for e in keeper.history("cmacdonald")] == ["away", "back"]
    # The store has it, ended.
    assert [a.ended_at is not None for a in away.repository.absences()] == [True]


def test_a_password_task_goes_to_whoever_stands_in(bot: Runtime, clock: FixedClock) -> None:
    """Kim Wong (CCT Team Leader) holds a password task; away, Ravi Singh acts on it and
    signs for her, and he is told it came to him."""
    from bot.audit import Actor

    services = bot.services
    away = services.time_away
    assert away is not None
    account = services.accounts.add(Actor("kwong", "console"), platform="Facebook",
                                    handle="@PickeringRec", department="community-services",
                                    users=["adoe"])
    task = services.tasks.open_for(account, "adoe", cause="test", reason="left",
                                   source="test")
    assert "Noted" in console(bot, "kwong").handle("away today to today rsingh")
    assert services.tasks.cases.acting_now(task)[0] == "rsingh"
    assert [m.notification.recipients[0] for m in bot.repository.due(1e12, limit=500)
            if m.notification.case_id == task.id and ":start" in m.id] == ["rsingh"]
    done = services.tasks.done(Actor("rsingh", "console"), task.id)
    assert done.history[-1].signer == "Ravi Singh for Kim Wong"


def test_a_request_arriving_from_the_one_standing_in_is_not_theirs_to_sign(
        bot: Runtime) -> None:
    """Morgan is away with Alex acting; Alex then files a request of their own: its supervisor
    stage cannot go to Alex (no self-approval), so it goes up the line, to Priya Brown."""
    morgan = console(bot, "msmith")
    assert "Noted" in morgan.handle("away today to 2026-12-04 adoe")
    own = file_request(bot.workflow, "adoe")
    assert bot.workflow.current_approvers(own) == ["pbrown"]
    jaya = file_request(bot.workflow, "jpatel")
    assert bot.workflow.current_approvers(jaya) == ["adoe"]
