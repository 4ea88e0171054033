"""Issue 9, items 2, 3 and 6: who may read a case, who may file, and whose name is on the form."""

from __future__ import annotations

import pytest

from bot.config import AppConfig
from bot.workflow import Actor, Move, Workflow
from cards.content import request_card
from cards.text import render
from socialbot.bootstrap import build
from tests.support import file_request


def act(workflow: Workflow, person: str, request_id: str, action: str, **fields: str) -> None:
    workflow.decide(Actor(person, "console"), request_id, Move(action, **fields))  # type: ignore[arg-type]


# -- privacy: requests --------------------------------------------------------------------------


def test_a_request_is_read_by_its_chain_the_cct_and_the_departments_director(
        workflow: Workflow) -> None:
    request = file_request(workflow)  # adoe, Community Services: msmith, CCT, pbrown
    readers = [p.id for p in workflow.directory if workflow.may_view(request, p.id)]
    assert sorted(readers) == ["adoe", "kwong", "msmith", "pbrown", "rsingh"]
    # Another department's director, a moderator, a colleague: nothing.
    for stranger in ("lchen", "tlee", "jpatel", "ngarcia", "sbaker"):
        assert not workflow.may_view(request, stranger), stranger


def test_delegates_and_reassigned_approvers_may_read(workflow: Workflow) -> None:
    fire = file_request(workflow, "owilliams", first_name="Olivia", last_name="Williams",
                        department="Fire Services", promote_department="fire-services")
    assert workflow.may_view(fire, "sbaker")        # the Fire Chief's delegate
    assert workflow.may_view(fire, "cmacdonald")    # the director, away
    request = file_request(workflow)
    act(workflow, "msmith", request.id, "approve")
    act(workflow, "rsingh", request.id, "approve")
    act(workflow, "pbrown", request.id, "reassign", reassign_to="jmarsh")
    assert workflow.may_view(workflow.get(request.id), "jmarsh")


# -- nobody left without a way to file (item 2) ---------------------------------------------------


def test_the_cao_can_file_and_is_told_first_who_will_approve(workflow: Workflow) -> None:
    plan = workflow.who_will_approve("jmarsh")
    # Nobody is above the CAO: his supervisor's agreement is not required (the signers rule),
    # and the director's approval goes to another director.
    assert plan.startswith("Who will approve it, in order: Supervisor agreement: not required; "
                           "CCT review: Kim Wong, Ravi Singh; Director approval: Priya Brown")
    request = file_request(workflow, "jmarsh", department="Office of the CAO",
                           promote_department="cao-office")
    assert request.requester_id == "jmarsh"
    assert workflow.current_approvers(request) == ["kwong", "rsingh"]
    assert all(p.names for p in workflow.planned_signers("jmarsh"))


def test_a_sole_cct_member_is_not_told_to_ask_herself(tmp_path, sample_config: AppConfig) -> None:  # type: ignore[no-untyped-def]
    directory = sample_config.directory.model_copy(update={
        "cct": sample_config.directory.cct.model_copy(update={"members": ["kwong"]})})
    bot = build(sample_config.model_copy(update={"directory": directory}), tmp_path)
    try:
        plan = bot.workflow.who_will_approve("kwong", "promotion")
        assert "Team Leader" not in plan
        # Li Chen reviews for the CCT in her place, so (distinct signers) the director's
        # approval goes one line up.
        assert plan == ("Who will approve it, in order: CCT review: Li Chen; "
                        "Director approval: Jordan Marsh.")
        request = bot.workflow.submit(Actor("kwong", "console"), {
            "department": "Corporate Services", "division": "Corporate Communications",
            "section": "", "status": "full_time", "programs": ["Facebook"],
            "promote_department": "corporate-services",
            "initiative": "Council meeting live updates", "privacy_accepted": True,
        }, "promotion")
        assert bot.workflow.current_approvers(request) == ["lchen"]
    finally:
        bot.close()


# -- Part 1 identity (item 3) -----------------------------------------------------------------


def test_part_1_names_come_from_the_directory_and_changes_are_shown(workflow: Workflow) -> None:
    request = file_request(workflow, first_name="José", last_name="Østergård",
                           division="Cultural Services")
    assert (request.employee.first_name, request.employee.last_name) == ("Alex", "Doe")
    card = render(request_card(request, workflow, viewer="msmith"))
    assert "José" not in card and "Østergård" not in card
    assert "Division (changed): Cultural Services; the directory says Recreation" in card
    unchanged = render(request_card(file_request(workflow), workflow, viewer="msmith"))
    assert "(changed)" not in unchanged


@pytest.mark.parametrize("kind", ["access", "promotion"])
def test_the_plan_for_an_ordinary_employee_names_each_stage(workflow: Workflow,
                                                            kind: str) -> None:
    plan = workflow.who_will_approve("adoe", kind)  # type: ignore[arg-type]
    assert "Director approval: Priya Brown" in plan
    assert ("Supervisor agreement: Morgan Smith" in plan) == (kind == "access")


def test_a_stranger_reads_nothing_of_a_case_in_the_console(bot) -> None:  # type: ignore[no-untyped-def]
    from adapters.console.session import ConsoleSession

    file_request(bot.workflow)
    console = ConsoleSession(bot.workflow, "ngarcia", desk=bot.desk)
    said = [console.handle(line) for line in ("show R-1", "inbox", "status", "alerts")]
    assert said[0].startswith("You can't see R-1")
    assert said[1] == "Nothing waits for you."
    assert said[2].startswith("You have no requests.")
    assert said[3].startswith("Only the City's moderators and the Corporate Communications")
    assert not any(word in " ".join(said) for word in ("Summer swim", "Aquatics", "Alex"))
    director = ConsoleSession(bot.workflow, "pbrown", desk=bot.desk)
    assert "Summer swim" in director.handle("show R-1")
