"""The ADM 140-007 chain: who may act at each stage, what each action does, exactly once."""

from __future__ import annotations

import pytest

from bot.errors import FieldErrors
from bot.workflow import Actor, AlreadyDecided, Move, NotFound, Refused, Workflow
from tests.support import file_request, valid_form


@pytest.fixture(params=["tinydb", "memory"])
def workflow(request: pytest.FixtureRequest) -> Workflow:
    """Every test here runs on the TinyDB runtime and on the in-memory stores."""
    if request.param == "memory":
        return request.getfixturevalue("memory_workflow")  # type: ignore[no-any-return]
    return request.getfixturevalue("bot").workflow  # type: ignore[no-any-return]


def act(workflow: Workflow, person: str, request_id: str, action: str, *,
        step: int | None = None, **fields: str):
    return workflow.decide(Actor(person, "console"), request_id, Move(action, **fields),  # type: ignore[arg-type]
                           step=step)


def test_the_whole_access_chain_with_one_round_of_sop_changes(workflow: Workflow) -> None:
    request = file_request(workflow)
    assert (request.state, workflow.current_approvers(request)) == ("supervisor", ["msmith"])
    request = act(workflow, "msmith", request.id, "approve")
    assert request.state == "cct"
    assert workflow.current_approvers(request) == ["kwong", "rsingh"]
    request = act(workflow, "rsingh", request.id, "approve")
    assert (request.state, workflow.current_approvers(request)) == ("director", ["pbrown"])
    request = act(workflow, "pbrown", request.id, "approve")
    assert (request.state, workflow.current_approvers(request)) == ("sop_draft", ["adoe"])
    request = act(workflow, "adoe", request.id, "submit_sop", sop_text="Post twice a week.")
    request = act(workflow, "kwong", request.id, "request_changes", comment="Who covers weekends?")
    assert request.state == "sop_draft"
    request = act(workflow, "adoe", request.id, "submit_sop", sop_text="Weekends: Sam.",
                  sop_link="https://example.org/sop")
    assert request.sop is not None and request.sop.revision == 2
    request = act(workflow, "kwong", request.id, "approve")
    request = act(workflow, "pbrown", request.id, "approve")
    assert request.state == "approved" and request.is_final
    actions = [(h.stage, h.action, h.actor_id) for h in request.history]
    assert actions == [
        ("employee", "submit", "adoe"), ("supervisor", "approve", "msmith"),
        ("cct", "approve", "rsingh"), ("director", "approve", "pbrown"),
        ("sop_draft", "submit_sop", "adoe"), ("sop_review", "request_changes", "kwong"),
        ("sop_draft", "submit_sop", "adoe"), ("sop_review", "approve", "kwong"),
        ("sop_director", "approve", "pbrown"),
    ]
    assert [h.seq for h in request.history] == list(range(1, 10))
    assert request.history[1].actor_title == "Manager, Recreation Services"


def test_promotion_request_goes_cct_then_director(workflow: Workflow) -> None:
    request = workflow.submit(Actor("adoe", "console"), valid_form(), kind="promotion")
    assert request.state == "cct"
    request = act(workflow, "kwong", request.id, "approve")
    request = act(workflow, "pbrown", request.id, "approve")
    assert request.state == "approved"


@pytest.mark.parametrize("person, reason", [
    ("tlee", "belongs to Morgan Smith"),
    ("adoe", "Nobody approves their own request"),
    ("pbrown", "belongs to Morgan Smith"),
])
def test_only_the_supervisor_signs_the_supervisor_stage(
        workflow: Workflow, person: str, reason: str) -> None:
    request = file_request(workflow)
    with pytest.raises(Refused, match=reason):
        act(workflow, person, request.id, "approve")
    stored = workflow.get(request.id)
    assert stored == request
    refusal = workflow.repository.refusals(request.id)[-1]
    assert (refusal.person_id, refusal.action) == (person, "approve")


def test_a_stranger_not_in_the_directory_is_refused(workflow: Workflow) -> None:
    request = file_request(workflow)
    with pytest.raises(Refused, match="staff directory"):
        act(workflow, "intruder", request.id, "approve")
    with pytest.raises(Refused, match="staff directory"):
        workflow.submit(Actor("intruder", "console"), valid_form())


def test_a_cct_member_who_files_is_reviewed_by_someone_who_signed_nothing_else(
        workflow: Workflow) -> None:
    request = file_request(workflow, "rsingh", first_name="Ravi", last_name="Singh")
    request = act(workflow, "kwong", request.id, "approve")  # kwong supervises rsingh
    # kwong signed the supervisor stage, so the CCT review goes up kwong's line, with why.
    assert workflow.current_approvers(request) == ["lchen"]
    assert "already signed another stage" in request.history[-1].details["routed_to"]
    with pytest.raises(Refused, match="own request"):
        act(workflow, "rsingh", request.id, "approve")
    with pytest.raises(Refused):
        act(workflow, "kwong", request.id, "approve")


def test_a_directors_own_request_escalates_to_a_distinct_signer(workflow: Workflow) -> None:
    request = file_request(workflow, "dokafor", promote_department="city-development")
    assert workflow.current_approvers(request) == ["jmarsh"]  # supervisor stage: the CAO
    request = act(workflow, "jmarsh", request.id, "approve")
    request = act(workflow, "kwong", request.id, "approve")
    assert request.state == "director"
    # Never dokafor, and not the CAO again (he signed the supervisor stage): the next
    # person who may sign, a director who does not report to dokafor.
    assert workflow.current_approvers(request) == ["pbrown"]
    assert "the usual signer is the requester" in request.history[-1].details["routed_to"]


def test_refuse_policy_refuses_to_file_a_directors_own_request(
        tmp_path, sample_config) -> None:  # type: ignore[no-untyped-def]
    from socialbot.bootstrap import build

    strict = sample_config.model_copy(update={
        "workflow": sample_config.workflow.model_copy(update={"self_approval": "refuse"})})
    bot = build(strict, tmp_path)
    try:
        with pytest.raises(Refused, match="self_approval: refuse"):
            file_request(bot.workflow, "dokafor")
        assert bot.repository.count() == 0
    finally:
        bot.close()


def test_a_delegate_acts_for_an_approver_who_is_away_and_signs_for_them(
        workflow: Workflow) -> None:
    request = workflow.submit(Actor("owilliams", "console"),
                              valid_form(promote_department="fire-services"), kind="promotion")
    request = act(workflow, "kwong", request.id, "approve")
    assert workflow.current_approvers(request) == ["cmacdonald", "sbaker"]
    request = act(workflow, "sbaker", request.id, "approve")
    assert request.state == "approved"
    signed = request.history[-1]
    assert (signed.actor_id, signed.for_id, signed.signer) == \
        ("sbaker", "cmacdonald", "Sam Baker for Casey MacDonald")


def test_the_supervisor_who_is_also_the_directors_delegate_signs_only_once(
        workflow: Workflow) -> None:
    # What was seen (issue 9, item 1): the deputy signed "Supervisor" and "Director".
    request = file_request(workflow, "owilliams", promote_department="fire-services")
    request = act(workflow, "sbaker", request.id, "approve")
    request = act(workflow, "kwong", request.id, "approve")
    assert workflow.current_approvers(request) == ["cmacdonald"]
    with pytest.raises(Refused):
        act(workflow, "sbaker", request.id, "approve")
    request = act(workflow, "cmacdonald", request.id, "approve")
    assert request.state == "sop_draft"
    assert request.history[-1].for_id == ""


def test_the_fire_chiefs_own_request_is_not_approved_by_his_deputy(workflow: Workflow) -> None:
    request = file_request(workflow, "cmacdonald", promote_department="fire-services")
    request = act(workflow, "jmarsh", request.id, "approve")
    request = act(workflow, "kwong", request.id, "approve")
    approvers = workflow.current_approvers(request)
    assert "sbaker" not in approvers and "cmacdonald" not in approvers and approvers
    assert "routed_to" in request.history[-1].details


def test_the_caos_own_request_can_be_filed_and_names_its_signers_first(
        workflow: Workflow) -> None:
    plan = {p.stage: p for p in workflow.planned_signers("jmarsh", "access")}
    assert plan["supervisor"].names == "not required"
    assert plan["cct"].names and plan["director"].names
    assert "Jordan Marsh" not in plan["director"].names
    request = file_request(workflow, "jmarsh", promote_department="cao-office")
    assert request.state == "cct"
    assert "not required" in request.history[0].details["not_required"]
    request = act(workflow, "kwong", request.id, "approve")
    director = workflow.current_approvers(request)
    assert director and not {"jmarsh", "kwong"} & set(director)
    assert "nobody is above the requester" in request.history[-1].details["routed_to"]
    request = act(workflow, director[0], request.id, "approve")
    assert request.state == "sop_draft"
    signers = [(h.stage, h.actor_id) for h in request.history if h.action == "approve"]
    assert len({who for _, who in signers}) == len(signers)


def test_planned_signers_for_an_ordinary_employee_are_the_usual_chain(
        workflow: Workflow) -> None:
    plan = [(p.stage, p.names, p.note) for p in workflow.planned_signers("adoe", "access")]
    assert plan[:3] == [("supervisor", "Morgan Smith", ""),
                        ("cct", "Kim Wong, Ravi Singh", ""), ("director", "Priya Brown", "")]


def test_the_same_click_three_times_takes_effect_once(workflow: Workflow) -> None:
    request = file_request(workflow)
    first = act(workflow, "msmith", request.id, "approve", step=request.step)
    for _ in range(2):
        with pytest.raises(AlreadyDecided, match="agreed in principle by Morgan Smith"):
            act(workflow, "msmith", request.id, "approve", step=request.step)
    assert workflow.get(request.id) == first
    assert len(first.history) == 2


def test_two_approvers_racing_on_one_stage_produce_one_winner(workflow: Workflow) -> None:
    request = act(workflow, "msmith", file_request(workflow).id, "approve")
    winner = act(workflow, "kwong", request.id, "approve", step=request.step)
    with pytest.raises(AlreadyDecided, match="recommended by Kim Wong"):
        act(workflow, "rsingh", request.id, "reject", step=request.step, comment="No need")
    assert workflow.get(request.id) == winner


def test_a_stale_version_is_refused_by_the_repository(workflow: Workflow) -> None:
    """The version check, not luck: a writer holding an old copy loses."""
    from bot.ports import ConcurrentUpdate

    request = file_request(workflow)
    workflow.repository.save(request.evolve(initiative="changed elsewhere"),
                             expected_version=request.version)
    with pytest.raises(ConcurrentUpdate):
        workflow.repository.save(request.evolve(initiative="late writer"),
                                 expected_version=request.version)


def test_rejection_needs_a_reason_and_ends_the_request(workflow: Workflow) -> None:
    request = file_request(workflow)
    with pytest.raises(FieldErrors) as problem:
        act(workflow, "msmith", request.id, "reject", comment="   ")
    assert "reason" in problem.value.errors
    assert workflow.get(request.id) == request
    rejected = act(workflow, "msmith", request.id, "reject", comment="Not this season")
    assert rejected.state == "rejected"
    assert rejected.history[-1].comment == "Not this season"
    with pytest.raises(AlreadyDecided):
        act(workflow, "adoe", request.id, "withdraw")


def test_the_requester_may_withdraw_until_the_final_approval(workflow: Workflow) -> None:
    request = act(workflow, "msmith", file_request(workflow).id, "approve")
    with pytest.raises(Refused, match="Only the employee"):
        act(workflow, "msmith", request.id, "withdraw")
    withdrawn = act(workflow, "adoe", request.id, "withdraw")
    assert withdrawn.state == "withdrawn"


def test_reassign_hands_the_stage_to_an_eligible_person_only(workflow: Workflow) -> None:
    request = file_request(workflow)
    assert workflow.reassign_candidates(request, "msmith") == ["pbrown", "jmarsh"]
    with pytest.raises(Refused, match="can't take this stage"):
        act(workflow, "msmith", request.id, "reassign", reassign_to="tlee")
    moved = act(workflow, "msmith", request.id, "reassign", reassign_to="pbrown")
    assert workflow.current_approvers(moved) == ["pbrown"]
    with pytest.raises(Refused):
        act(workflow, "msmith", moved.id, "approve")
    assert act(workflow, "pbrown", moved.id, "approve").state == "cct"


def test_an_invalid_form_gets_a_message_per_field_and_stores_nothing(
        workflow: Workflow) -> None:
    form = valid_form(division="", programs=[], promote_department="nowhere",
                      initiative="x" * 1001, privacy_accepted=False, status="contractor")
    with pytest.raises(FieldErrors) as problem:
        workflow.submit(Actor("adoe", "console"), form)
    assert set(problem.value.errors) == {"division", "programs", "promote_department",
                                         "initiative", "privacy_accepted", "status"}
    assert "1000 characters" in problem.value.errors["initiative"]
    assert workflow.repository.count() == 0
    assert workflow.repository.pending_count() == 0  # type: ignore[attr-defined]


def test_unknown_programs_and_non_text_values_are_field_errors(workflow: Workflow) -> None:
    with pytest.raises(FieldErrors) as problem:
        workflow.submit(Actor("adoe", "console"),
                        valid_form(programs=["MySpace"], section=["not", "text"]))
    assert set(problem.value.errors) == {"programs", "section"}


def test_the_sop_must_have_text_and_a_safe_link(workflow: Workflow) -> None:
    request = file_request(workflow)
    for person in ("msmith", "kwong", "pbrown"):
        request = act(workflow, person, request.id, "approve")
    with pytest.raises(FieldErrors) as problem:
        act(workflow, "adoe", request.id, "submit_sop", sop_text=" ",
            sop_link="javascript:alert(1)")
    assert set(problem.value.errors) == {"sop_text", "sop_link"}
    assert workflow.get(request.id) == request


def test_unknown_request_ids_are_reported(workflow: Workflow) -> None:
    with pytest.raises(NotFound):
        act(workflow, "msmith", "R-999", "approve")


def test_inbox_lists_what_waits_for_each_person(workflow: Workflow) -> None:
    first = file_request(workflow)
    second = file_request(workflow, "jpatel", first_name="Jaya", last_name="Patel")
    assert [r.id for r in workflow.inbox("msmith")] == [first.id, second.id]
    act(workflow, "msmith", first.id, "approve")
    assert [r.id for r in workflow.inbox("msmith")] == [second.id]
    assert [r.id for r in workflow.inbox("rsingh")] == [first.id]
    assert [r.id for r in workflow.requests_of("adoe")] == [first.id]


def test_the_inbox_reads_only_the_requests_saved_since_it_last_looked(
        workflow: Workflow, monkeypatch: pytest.MonkeyPatch) -> None:
    requests = [file_request(workflow) for _ in range(4)]
    assert len(workflow.inbox("msmith")) == 4
    routed: list[str] = []
    routing = workflow.current_approvers
    monkeypatch.setattr(workflow, "current_approvers",
                        lambda r: (routed.append(r.id), routing(r))[1])
    monkeypatch.setattr(workflow.repository, "open_cases", lambda: pytest.fail("a scan"))
    assert len(workflow.inbox("msmith")) == 4
    assert routed == []
    act(workflow, "msmith", requests[2].id, "approve")
    routed.clear()  # the decision's own listeners may ask who acts now; the inbox asks once
    assert [r.id for r in workflow.inbox("msmith")] == [requests[i].id for i in (0, 1, 3)]
    assert routed == [requests[2].id]


def test_the_inbox_follows_a_changed_directory(workflow: Workflow) -> None:
    request = file_request(workflow)
    assert [r.id for r in workflow.inbox("msmith")] == [request.id]
    directory = workflow.directory
    requester = directory.person("adoe")
    directory.replace_people([p if p.id != "adoe" else
                              requester.model_copy(update={"supervisor": "rsingh"})
                              for p in directory])
    assert workflow.inbox("msmith") == []
    assert [r.id for r in workflow.inbox("rsingh")] == [request.id]


def test_each_decision_queues_its_notifications_in_the_same_write(
        tmp_path, sample_config, clock) -> None:  # type: ignore[no-untyped-def]
    from socialbot.bootstrap import build

    bot = build(sample_config, tmp_path, channel_names=("slack", "teams"), clock=clock)
    try:
        request = file_request(bot.workflow)
        queued = {m.id for m in bot.repository.due(now=1e12)}
        assert queued == {f"{request.id}:1:{kind}@{channel}"
                          for kind in ("action_needed", "requester_update")
                          for channel in ("slack", "teams")}
        act(bot.workflow, "msmith", request.id, "approve")
        kinds = {m.notification.kind for m in bot.repository.due(now=1e12)
                 if m.notification.step >= 1 and m.id.startswith(f"{request.id}:")}
        assert kinds == {"action_needed", "requester_update", "step_closed"}
    finally:
        bot.close()


async def test_concurrent_clicks_from_threads_and_coroutines_produce_one_winner(
        workflow: Workflow) -> None:
    """No read, await, write race: twenty simultaneous decisions on one step, one takes effect."""
    import asyncio

    request = act(workflow, "msmith", file_request(workflow).id, "approve")

    def click(person: str) -> str:
        try:
            act(workflow, person, request.id, "approve", step=request.step)
        except AlreadyDecided:
            return "already"
        return "won"

    outcomes = await asyncio.gather(*[
        asyncio.to_thread(click, ("kwong", "rsingh")[i % 2]) for i in range(20)])
    assert outcomes.count("won") == 1
    stored = workflow.get(request.id)
    assert stored.state == "director" and len(stored.history) == 3


def test_a_sole_cct_member_who_files_is_reviewed_and_approved_by_others(
        tmp_path, sample_config) -> None:  # type: ignore[no-untyped-def]
    from socialbot.bootstrap import build

    directory = sample_config.directory
    sole = sample_config.model_copy(update={"directory": directory.model_copy(update={
        "cct": directory.cct.model_copy(update={"members": ["kwong"]})})})
    bot = build(sole, tmp_path)
    try:
        plan = {p.stage: p.names for p in bot.workflow.planned_signers("kwong", "access")}
        assert "Kim Wong" not in plan["cct"] and plan["cct"]  # never "ask yourself"
        request = file_request(bot.workflow, "kwong", first_name="Kim", last_name="Wong",
                               promote_department="corporate-services")
        request = act(bot.workflow, "lchen", request.id, "approve")  # her supervisor
        assert bot.workflow.current_approvers(request) == ["jmarsh"]
        request = act(bot.workflow, "jmarsh", request.id, "approve")
        director = bot.workflow.current_approvers(request)
        assert director and not {"kwong", "lchen", "jmarsh"} & set(director)
    finally:
        bot.close()
