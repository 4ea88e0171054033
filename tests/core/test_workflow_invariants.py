"""Random sequences of decisions, retries and unauthorized attempts never break the rules."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from bot.chains import STAGES
from bot.config import parse_config
from bot.domain import SocialMediaRequest
from bot.errors import FieldErrors
from bot.workflow import ACTIONS, REQUEST_TRANSITIONS, Actor, AlreadyDecided, Move, Refused
from socialbot.bootstrap import build
from tests.support import SAMPLE_CONFIG, FixedClock, valid_form

CONFIG = parse_config(SAMPLE_CONFIG.read_text())
PEOPLE = [p.id for p in CONFIG.directory.people] + ["stranger"]
REQUESTERS = ["adoe", "rsingh", "dokafor", "owilliams", "jpatel"]


class WorkflowMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.directory = tempfile.TemporaryDirectory()
        self.clock = FixedClock()
        self.bot = build(CONFIG, Path(self.directory.name), clock=self.clock, fsync=False)
        self.workflow = self.bot.workflow
        self.seen: dict[str, SocialMediaRequest] = {}  # every state we were told about, by id

    def teardown(self) -> None:
        self.bot.close()
        self.directory.cleanup()

    @rule(person=st.sampled_from(REQUESTERS))
    def file(self, person: str) -> None:
        request = self.workflow.submit(Actor(person, "slack"), valid_form())
        self.seen[request.id] = request

    @precondition(lambda self: self.seen)
    @rule(data=st.data(), likely=st.sampled_from([True, True, True, False]),
          stale=st.sampled_from([False, False, False, True]),
          comment=st.sampled_from(["", "Needs a clearer plan"]))
    def decide(self, data: st.DataObject, likely: bool, stale: bool, comment: str) -> None:
        request_id = data.draw(st.sampled_from(sorted(self.seen)))
        before = self.workflow.get(request_id)
        # Half the time the person who may act and an action the stage knows, so that the
        # chain really moves; otherwise anyone doing anything.
        insiders = [*self.workflow.current_approvers(before), before.requester_id]
        person = data.draw(st.sampled_from(insiders if likely else PEOPLE))
        fitting = [row.action for row in REQUEST_TRANSITIONS if not before.is_final
                   and row.source == STAGES[before.state].kind]
        action = data.draw(st.sampled_from(fitting if likely and fitting else list(ACTIONS)))
        step = before.step - 1 if stale else before.step
        decision = Move(action, comment=comment, sop_text="Plan v1",  # type: ignore[arg-type]
                            reassign_to=data.draw(st.sampled_from(PEOPLE)))
        self.clock.advance(minutes=1)
        try:
            after = self.workflow.decide(Actor(person, "teams"), request_id, decision, step=step)
        except (Refused, AlreadyDecided, FieldErrors):
            assert self.workflow.get(request_id) == before, "a refused attempt changed state"
            return
        assert not stale and not before.is_final
        assert len(after.history) == len(before.history) + 1
        assert after.history[-1].actor_id == person
        self.seen[request_id] = after

    @precondition(lambda self: self.seen)
    @rule(data=st.data())
    def retry_the_last_decision(self, data: st.DataObject) -> None:
        request_id = data.draw(st.sampled_from(sorted(self.seen)))
        request = self.workflow.get(request_id)
        last = request.history[-1]
        if last.action == "submit":
            return
        try:
            self.workflow.decide(Actor(last.actor_id, "slack"), request_id,
                                 Move(last.action, comment="again", sop_text="again",  # type: ignore[arg-type]
                                          reassign_to="kwong"), step=last.step)
        except AlreadyDecided:
            assert self.workflow.get(request_id) == request
            return
        raise AssertionError("a retried decision took effect twice")

    @invariant()
    def history_is_append_only_and_final_states_are_final(self) -> None:
        for request_id, known in self.seen.items():
            now = self.workflow.get(request_id)
            assert now.history[: len(known.history)] == known.history
            if known.is_final:
                assert now == known

    @invariant()
    def one_decision_per_step_and_no_self_approval(self) -> None:
        for request_id in self.seen:
            request = self.workflow.get(request_id)
            steps = [h.step for h in request.history[1:]]
            assert steps == sorted(set(steps)), "two decisions on one step"
            for entry in request.history[1:]:
                if entry.action in ("approve", "reject", "request_changes", "reassign"):
                    assert entry.actor_id != request.requester_id
                assert entry.actor_id in {p.id for p in CONFIG.directory.people}

    @invariant()
    def the_buttons_offered_are_the_moves_allowed(self) -> None:
        """`permitted` (what a card's buttons ask, in one question) is `refusal_reason`
        asked action by action, for everyone and every action, at every state reached."""
        for request_id in self.seen:
            request = self.workflow.get(request_id)
            for person in PEOPLE:
                one_by_one = {action for action in ACTIONS
                              if self.workflow.refusal_reason(request, person, action) is None}
                assert self.workflow.permitted(request, person, ACTIONS) == one_by_one


WorkflowMachine.TestCase.settings = settings(
    max_examples=200, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestWorkflowInvariants = WorkflowMachine.TestCase
