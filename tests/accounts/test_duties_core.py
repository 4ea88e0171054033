"""The register's duties in the core, on the in-memory stores: proposals from a directory sync
are never executed alone, departures are idempotent and resumable, a leaver's own requests are
withdrawn, and no password is ever taken in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from bot.accounts import AccountRegister, looks_like_secret
from bot.audit import Actor
from bot.config import AppConfig
from bot.errors import AlreadyDecided, FieldErrors, NotFound, Refused
from bot.grants import AccessGrants
from bot.offboarding import Offboarding
from bot.tasks import PasswordTasks
from bot.workflow import Workflow
from socialbot.bootstrap import build_accounts
from storage.memory import MemoryAccountStore, MemoryRepository
from tests.support import FixedClock, file_request

KWONG, RSINGH = Actor("kwong", "console"), Actor("rsingh", "slack")


@dataclass
class Duties:
    register: AccountRegister
    tasks: PasswordTasks
    offboarding: Offboarding
    grants: AccessGrants
    workflow: Workflow
    store: MemoryAccountStore


@pytest.fixture
def duties(sample_config: AppConfig, memory_workflow: Workflow, clock: FixedClock) -> Duties:
    requests = memory_workflow.repository
    assert isinstance(requests, MemoryRepository)
    store = MemoryAccountStore(requests)
    register, tasks, offboarding, grants = build_accounts(sample_config, store, memory_workflow,
                                                          clock)
    return Duties(register, tasks, offboarding, grants, memory_workflow, store)


def three_accounts(duties: Duties, user: str = "msmith") -> None:
    for handle in ("@one", "@two", "@three"):
        duties.register.add(KWONG, platform="Facebook", handle=handle,
                            department="community-services", users=[user])


def test_a_directory_proposal_waits_for_the_cct_and_can_be_dismissed(duties: Duties) -> None:
    three_accounts(duties)
    proposed = duties.offboarding.propose("msmith", reason="gone from Entra ID",
                                          source="directory")
    assert proposed.state == "proposed" and proposed.last_day is None
    assert duties.offboarding.propose("msmith@example.org", reason="again",
                                      source="directory").id == proposed.id
    duties.offboarding.run_due()
    assert all(a.users == ("msmith",) for a in duties.register.all())  # never silent
    assert duties.offboarding.cases.acting_now(proposed) == ["kwong", "rsingh"]
    with pytest.raises(Refused):
        duties.offboarding.dismiss(Actor("adoe", "console"), proposed.id, "no")
    with pytest.raises(FieldErrors):
        duties.offboarding.dismiss(KWONG, proposed.id, "  ")
    dismissed = duties.offboarding.dismiss(KWONG, proposed.id, "on leave, not gone")
    assert dismissed.state == "dismissed"
    with pytest.raises(AlreadyDecided):
        duties.offboarding.confirm(RSINGH, proposed.id)
    assert all(a.users == ("msmith",) for a in duties.register.all())
    # A later sync may propose again: a new case, since the last one is closed.
    assert duties.offboarding.propose("msmith", reason="gone", source="directory").id == "O-2"


def test_a_confirmed_proposal_executes_on_its_last_day(duties: Duties,
                                                       clock: FixedClock) -> None:
    three_accounts(duties)
    proposed = duties.offboarding.propose("msmith", reason="gone", source="directory")
    confirmed = duties.offboarding.confirm(RSINGH, proposed.id, last_day=dt.date(2026, 11, 25))
    assert (confirmed.state, confirmed.last_day) == ("scheduled", dt.date(2026, 11, 25))
    assert confirmed.history[-1].actor_id == "rsingh"
    clock.advance(days=1)
    [done] = duties.offboarding.run_due()
    assert done.state == "executed" and len(done.tasks) == 3
    assert duties.offboarding.run_due() == []


def test_start_is_idempotent_reschedules_and_confirms_a_proposal(duties: Duties) -> None:
    proposed = duties.offboarding.propose("adoe", reason="gone", source="directory")
    first = duties.offboarding.start("adoe", reason="moving away", source="hr",
                                     last_day=dt.date(2026, 12, 31))
    assert first.id == proposed.id and first.state == "scheduled"
    assert duties.offboarding.start("adoe", reason="moving away", source="hr",
                                    last_day=dt.date(2026, 12, 31)) == first
    moved = duties.offboarding.start("adoe", reason="moving earlier", source="cli",
                                     last_day=dt.date(2026, 12, 18))
    assert (moved.id, moved.last_day) == (first.id, dt.date(2026, 12, 18))
    assert [h.action for h in moved.history] == ["propose", "confirm", "reschedule"]
    with pytest.raises(FieldErrors):
        duties.offboarding.cancel(KWONG, moved.id, "")
    cancelled = duties.offboarding.cancel(KWONG, moved.id, "stays after all")
    assert cancelled.state == "cancelled"
    with pytest.raises(NotFound):
        duties.offboarding.start("nobody", reason="x", source="hr", last_day=None)


def test_a_leavers_own_requests_are_withdrawn(duties: Duties) -> None:
    own = file_request(duties.workflow, "adoe")
    case = duties.offboarding.start("adoe", reason="left", source="hr", last_day=None)
    assert case.withdrawn == (own.id,)
    withdrawn = duties.workflow.get(own.id)
    assert withdrawn.state == "withdrawn" and withdrawn.history[-1].actor_id == "socialbot"
    assert withdrawn.history[-1].platform == "hr"


def test_an_execution_cut_short_is_finished_by_the_next_pass(duties: Duties) -> None:
    three_accounts(duties)
    case = duties.offboarding.start("msmith", reason="left", source="hr",
                                    last_day=dt.date(2026, 12, 1))
    # A crash after the first account: its task was opened and its user removed.
    account = duties.register.get("AC-1")
    duties.tasks.open_for(account, "msmith", cause=case.id, reason="left the City: left",
                          source="hr")
    duties.register.revoke(None, "AC-1", "msmith", "left", source="hr", case_id=case.id)
    executed = duties.offboarding._execute(case, ["AC-1", "AC-2", "AC-3"], told=["kwong"])
    assert executed.tasks == ("T-1", "T-2", "T-3")
    assert len(duties.tasks.repository.all()) == 3  # no second task for AC-1
    assert [h.action for h in duties.register.get("AC-1").history] == ["add", "revoke"]


def test_the_register_keeps_a_signed_history_and_no_password(duties: Duties) -> None:
    added = duties.register.add(KWONG, platform="Instagram", handle="@pickering",
                                department="community-services")
    assert added.history[0].actor_name == "Kim Wong" and added.history[0].hash
    edited = duties.register.edit(RSINGH, added.id, {"handle": "@pickering.on"})
    assert edited.history[-1].details == {"handle": "@pickering -> @pickering.on"}
    granted = duties.register.grant(KWONG, added.id, "adoe")
    assert duties.register.grant(KWONG, added.id, "adoe") == granted  # once
    retired = duties.register.retire(KWONG, added.id, "account closed")
    assert (retired.state, retired.users) == ("retired", ())
    assert [h.action for h in retired.history] == ["add", "edit", "grant", "retire"]
    with pytest.raises(Refused):
        duties.register.grant(KWONG, added.id, "adoe")
    for fields in ({"password": "x"}, {"handle": "pwd=abc"}, {"platform": "token: abc"}):
        with pytest.raises(FieldErrors) as refused:
            duties.register.edit(KWONG, "AC-1", fields)
        assert "looks like a password" in str(refused.value)
    with pytest.raises(FieldErrors):
        duties.register.add(KWONG, platform="X", handle="@x", department="nowhere")
    with pytest.raises(Refused):
        duties.register.add(Actor("adoe", "console"), platform="X", handle="@x",
                            department="community-services")
    assert [a.id for a in duties.register.all()] == ["AC-1"]


@pytest.mark.parametrize(("text", "secret"), [
    ("password: hunter2", True), ("my pwd=abc", True), ("the password is hunter2", True),
    ("PIN: 1234", True), ("login: kwong / x", True),
    ("the password was leaked in a screenshot", False), ("password reset campaign", False),
    ("Passport office hours", False), ("", False),
])
def test_what_looks_like_a_password(text: str, secret: bool) -> None:
    assert looks_like_secret(text) is secret
