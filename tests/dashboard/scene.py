"""A small store for the dashboard tests: requests at several stages, alerts decided."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.audit import Actor
from bot.cases import Move
from bot.moderation.model import Post
from socialbot.bootstrap import Runtime
from tests.support import FixedClock, file_request


def spam(post_id: str, author: str) -> Post:
    return Post(platform="facebook", board="City of Pickering", folder="Events", topic="Pool",
                post_id=post_id, author_id=author, author_name="Pat Poster",
                text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!",
                created_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC))


def build_scene(bot: Runtime, clock: FixedClock) -> None:
    """R-1 (adoe) waits at the CCT past the service level; R-2 (jpatel) withdrawn; R-3
    (ngarcia) just filed. A-1 removed by tlee, A-2 banned by rsingh, A-3 open."""
    workflow = bot.workflow
    file_request(workflow, "adoe")
    clock.advance(days=1)
    workflow.decide(Actor("msmith", "console"), "R-1", Move("approve"))
    file_request(workflow, "jpatel", first_name="Jai", last_name="Patel")
    clock.advance(hours=3)
    workflow.decide(Actor("jpatel", "console"), "R-2", Move("withdraw"))
    clock.advance(days=6)
    file_request(workflow, "ngarcia", first_name="Nia", last_name="Garcia")
    desk = bot.desk
    for number, author in ((1, "fb-1"), (2, "fb-2"), (3, "fb-3")):
        desk.receive(spam(f"p-{number}", author))
    desk.decide("tlee", "slack", "A-1", "remove")
    desk.decide("rsingh", "slack", "A-2", "ban", reason="Repeated spam")
