"""A small store for the dashboard tests: requests at several stages, alerts decided."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.audit import Actor
from bot.cases import Move
from bot.links import LinkOutcome
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


# -- the account register and the procedure's clocks ---------------------------------------

KWONG = Actor("kwong", "console")
# Who should see which rows of the register's sections (the core's rules): the CCT all of
# them; an account's users their accounts, its review, questions and broken links; moderators
# every question; the holder of a password task (the CCT Team Leader) that task.
SEES = {
    "kwong": {"accounts": ["AC-1", "AC-2"], "password-tasks": ["T-1"],
              "reviews": ["V-1", "V-2"], "questions": ["Q-1", "Q-2", "Q-3"],
              "broken-links": ["L-1", "L-2"]},
    "adoe": {"accounts": ["AC-1"], "reviews": ["V-1"], "questions": ["Q-1"],
             "broken-links": ["L-1"]},
    "ngarcia": {"accounts": ["AC-2"], "reviews": ["V-2"], "questions": ["Q-2"],
                "broken-links": ["L-2"]},
    "tlee": {"questions": ["Q-1", "Q-2", "Q-3"]},
    "pbrown": {},
    "jpatel": {},
}
QUESTION_TEXT = "<b>Hi</b> when will the City open the pool on Sunday? <script>alert(1)</script>"


class FakeProbe:
    """The link check's port, answering from a table (the HTTP client has its own tests)."""

    def __init__(self, broken: dict[str, str]) -> None:
        self.broken = broken

    async def check(self, urls: Sequence[str]) -> dict[str, LinkOutcome]:
        return {u: LinkOutcome(False, self.broken[u]) if u in self.broken
                else LinkOutcome(True, "200 OK", 200) for u in urls}


async def _no_wait(seconds: float) -> None:
    return None


def _post(post_id: str, platform: str, board: str, text: str, at: datetime, *,
          city: bool = False) -> Post:
    return Post(platform=platform, board=board, folder="Posts", topic="", post_id=post_id,
                author_id="city" if city else f"c-{post_id}",
                author_name="City of Pickering" if city else "Sam Resident", text=text,
                created_at=at, author_is_city=city)


async def build_register_scene(bot: Runtime, clock: FixedClock) -> None:
    """AC-1 Facebook @PickeringRec (adoe, msmith; jpatel's use revoked: T-1, held by the CCT
    Team Leader), AC-2 Instagram @pickering.fire (ngarcia), both added 100 days ago and so
    under review (V-1, V-2). Questions: Q-1 on AC-1, Q-2 on AC-2, Q-3 on a page the register
    does not list (moderators and the CCT answer). The link check found L-1 (AC-1, 404) and
    L-2 (AC-2, timeout) broken, and one link working."""
    now = clock.current
    register = bot.services.accounts
    clock.current = now - timedelta(days=100)
    rec = register.add(KWONG, platform="Facebook", handle="@PickeringRec",
                       department="community-services", users=["adoe", "msmith", "jpatel"])
    fire = register.add(KWONG, platform="Instagram", handle="@pickering.fire",
                        department="fire-services", users=["ngarcia"])
    clock.current = now - timedelta(days=3)
    rec = register.revoke(KWONG, rec.id, "jpatel", "moved to another department")
    bot.services.tasks.open_for(rec, "jpatel", cause="O-1", reason="moved to another department",
                                source="console")
    assert bot.clocks.reviews.open_due() == 2
    clock.current = now - timedelta(days=1)
    questions = bot.clocks.questions
    questions.observe(_post("q1", "facebook", "PickeringRec", QUESTION_TEXT, clock.current))
    questions.observe(_post("q2", "instagram", "pickering.fire",
                            "Is the fire hall open for visits on Saturday?", clock.current))
    questions.observe(_post("q3", "facebook", "Pickering Library",
                            "Can the City tell me where to pay a parking ticket?",
                            clock.current))
    links = bot.clocks.links
    links.observe(_post("c1", "facebook", "PickeringRec", "Swim schedule: "
                        "https://rec.example.org/swim and https://rec.example.org/ok",
                        clock.current, city=True))
    links.observe(_post("c2", "instagram", "pickering.fire",
                        "Open house: https://fire.example.org/open", clock.current, city=True))
    links.probe, links.sleep = FakeProbe({"https://rec.example.org/swim": "404 Not Found",
                                          "https://fire.example.org/open": "timeout"}), _no_wait
    await links.check_now()
    clock.current = now
    assert fire.id == "AC-2"
