"""The moderation desk's life of an alert, on the TinyDB runtime and on the in-memory stores."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import AlreadyDecided, Refused
from bot.moderation.desk import ModerationDesk
from bot.moderation.model import Post


@pytest.fixture(params=["tinydb", "memory"])
def desk(request: pytest.FixtureRequest) -> ModerationDesk:
    if request.param == "memory":
        return request.getfixturevalue("memory_desk")  # type: ignore[no-any-return]
    return request.getfixturevalue("bot").desk  # type: ignore[no-any-return]


def _spam(post_id: str, author: str = "fb-42") -> Post:
    return Post(platform="facebook", board="City of Pickering", folder="Events", topic="Pool",
                post_id=post_id, author_id=author, author_name="Pat Poster",
                text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!",
                created_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))


def test_a_flagged_post_becomes_one_alert_however_often_it_arrives(desk: ModerationDesk) -> None:
    verdict, alert_id = desk.receive(_spam("p-1"))
    assert verdict.flagged and alert_id is not None
    again, second_id = desk.receive(_spam("p-1"))
    assert (again, second_id) == (verdict, None)
    assert [a.id for a in desk.repository.open_cases()] == [alert_id]


def test_an_escalated_alert_is_the_ccts_and_a_ban_marks_the_author(desk: ModerationDesk) -> None:
    _, alert_id = desk.receive(_spam("p-1"))
    assert alert_id is not None
    escalated = desk.decide("tlee", "slack", alert_id, "escalate", step=1)
    assert escalated.state == "escalated"
    with pytest.raises(Refused, match="escalated to the CCT"):
        desk.decide("tlee", "slack", alert_id, "keep")
    assert [r.person_id for r in desk.engine.refusals.refusals(alert_id)] == ["tlee"]
    with pytest.raises(Refused, match="reason"):
        desk.decide("kwong", "teams", alert_id, "ban")
    banned = desk.decide("kwong", "teams", alert_id, "ban", reason="Spam with a phone number")
    assert [(e.seq, e.stage, e.action, e.comment) for e in banned.history] == [
        (1, "open", "escalate", ""), (2, "escalated", "ban", "Spam with a phone number")]
    assert desk.repository.is_banned("facebook", "fb-42")
    assert desk.repository.open_cases() == []
    with pytest.raises(AlreadyDecided, match="Kim Wong"):
        desk.decide("rsingh", "slack", alert_id, "remove", step=2)
    later, _ = desk.receive(_spam("p-2"))
    assert later.banned_author
