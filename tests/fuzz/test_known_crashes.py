"""The 5xx answers found from outside (issue 10), one by one: each is now a clear 4xx.

Every request is really signed (Slack's signing secret; for Teams a Bot Framework token bound
to the activity's serviceUrl, and local mode, where nothing is checked) and leaves the store
as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.fuzz.targets import Fuzzing

JsonDict = dict[str, Any]


def without(payload: JsonDict, *path: str) -> JsonDict:
    node = payload
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return payload


def with_value(value: Any, *path: str) -> Callable[[JsonDict], JsonDict]:
    def change(payload: JsonDict) -> JsonDict:
        node = payload
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        return payload

    return change


SLACK_CASES: dict[str, tuple[str, Callable[[JsonDict], JsonDict]]] = {
    "a view without a type": ("view_submission_form", lambda p: without(p, "view", "type")),
    "a view without a callback_id": ("view_submission_comment",
                                     lambda p: without(p, "view", "callback_id")),
    "a view of another type": ("view_submission_sop", with_value("workflow_step", "view",
                                                                 "type")),
    "a team that is a number": ("block_actions", with_value(7, "team")),
    "an enterprise that is a number": ("shortcut", with_value(7, "enterprise")),
    "authorizations of strings": ("app_home_opened", with_value(["x"], "authorizations")),
    "response_urls of strings": ("view_submission_reassign", with_value(["x"],
                                                                        "response_urls")),
    "an action that is a string": ("block_actions", with_value(["approve"], "actions")),
    "an event that is a list": ("app_home_opened", with_value([], "event")),
    "a command without a user": ("slash_command", lambda p: without(p, "user_id")),
    "a shortcut with a null event": ("shortcut", with_value(None, "event")),
    "a submission with a null view": ("view_submission_form", with_value(None, "view")),
    "a click with null actions": ("block_actions", with_value(None, "actions")),
}
TEAMS_CASES: dict[str, tuple[str, Callable[[JsonDict], JsonDict]]] = {
    "no conversation": ("message", lambda a: without(a, "conversation")),
    "a conversation without an id": ("invoke_adaptive_card_action",
                                     lambda a: without(a, "conversation", "id")),
    "serviceUrl []": ("message", with_value([], "serviceUrl")),
    "serviceUrl without a scheme": ("conversation_update",
                                    with_value("smba.trafficmanager.net/amer/", "serviceUrl")),
    "serviceUrl with {0}": ("installation_update",
                            with_value("https://smba.trafficmanager.net/{0}/", "serviceUrl")),
    "no sender": ("message", lambda a: without(a, "from")),
    "members added that are strings": ("conversation_update", with_value(["x"],
                                                                         "membersAdded")),
    "an activity id with {0}": ("installation_update",
                                with_value("https://smba.trafficmanager.net/{0}/", "id")),
}


@pytest.fixture(scope="module")
def slack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzing]:
    target = Fuzzing("slack", tmp_path_factory.mktemp("slack"))
    yield target
    target.close()


@pytest.fixture(scope="module", params=["teams", "teams_local_mode"])
def teams(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzzing]:
    target = Fuzzing(request.param, tmp_path_factory.mktemp(request.param))
    yield target
    target.close()


@pytest.mark.parametrize("case", SLACK_CASES.values(), ids=SLACK_CASES.keys())
def test_a_signed_slack_request_bolt_would_crash_on_gets_400(
        slack: Fuzzing, case: tuple[str, Callable[[JsonDict], JsonDict]]) -> None:
    kind, damage = case
    status, changed = slack.send(kind, damage(slack.target.kinds[kind]()))
    assert status == 400
    assert not changed


@pytest.mark.parametrize("case", TEAMS_CASES.values(), ids=TEAMS_CASES.keys())
def test_a_teams_activity_botbuilder_would_crash_on_gets_a_4xx(
        teams: Fuzzing, case: tuple[str, Callable[[JsonDict], JsonDict]]) -> None:
    kind, damage = case
    status, changed = teams.send(kind, damage(teams.target.kinds[kind]()))
    # 400, or 401 where the token cannot be bound to a serviceUrl that is not text
    assert status in (400, 401)
    assert not changed




def test_a_reply_the_connector_refuses_is_a_400_not_a_500(teams: Fuzzing) -> None:
    """E.g. a conversation the connector does not know: answering cannot succeed later."""
    teams.target.harness.connector.fail("reply", 404)  # type: ignore[attr-defined]
    status, _ = teams.send("message", teams.target.kinds["message"]())
    assert status == 400
