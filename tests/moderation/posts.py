"""Building posts for the moderation tests, and reading the labeled sets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path

from bot.moderation import ModerationSettings, Post, Screener, Verdict
from bot.moderation.dataset import LabeledPost, read_posts

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "moderation" / "dev.jsonl"
SAMPLES = Path(__file__).resolve().parent / "samples"
START = datetime(2027, 5, 1, 9, 0, tzinfo=UTC)
_ids = count(1)

FOLDERS = {
    "green_bin": (
        "City of Pickering",
        "Green bin & garbage collection changes 2027",
        "Durham Region is moving Pickering to every-other-week garbage pickup with weekly green "
        "bin collection starting April 5, 2027, and what changes for residents.",
    ),
    "lunar_new_year": (
        "City of Pickering",
        "Lunar New Year at City Hall",
        "Lion dance, lanterns and performances for the Lunar New Year celebration at City Hall.",
    ),
    "canada_day": (
        "City of Pickering",
        "Canada Day 2027 at Esplanade Park",
        "Schedule, fireworks time, road closures, parking and shuttles for the Canada Day "
        "celebration and fireworks at Esplanade Park.",
    ),
    "pool": (
        "Recreation & Culture",
        "CHDRC pool schedule and spring shutdown",
        "Lane swim, aquafit and family swim times at the Chestnut Hill Developments Recreation "
        "Complex pool, and the May maintenance shutdown.",
    ),
    "council": (
        "City of Pickering YouTube channel",
        "Council Meeting - March 22, 2027",
        "Livestream of the regular Council meeting, including the Kingston Road Corridor "
        "intensification report and a budget amendment.",
    ),
    "fireworks": (
        "Council & By-laws",
        "Proposed fireworks by-law changes",
        "Proposed amendments limiting consumer fireworks to Victoria Day, Canada Day, Diwali and "
        "New Year's Eve, with higher fines.",
    ),
    "heat": (
        "City of Pickering",
        "Heat warning: cooling centres and pool hours",
        "Environment Canada heat warning; the City lists cooling centres, longer pool and "
        "splash pad hours, and tips for staying safe in the heat.",
    ),
    "garden": (
        "Parks & Environment",
        "Community garden plots at Diana Princess of Wales Park",
        "Plot allocation, the waitlist, watering times and rules for the new community garden.",
    ),
}


def post(
    text: str,
    *,
    folder: str = "green_bin",
    author: str = "fb:1000",
    post_id: str | None = None,
    minutes: int | None = None,
    city: bool = False,
) -> Post:
    board, name, topic = FOLDERS[folder]
    number = next(_ids)
    return Post(
        platform="facebook",
        board=board,
        folder=name,
        topic=topic,
        post_id=post_id or f"t{number:05d}",
        author_id=author,
        author_name="Test Resident",
        text=text,
        created_at=START + timedelta(minutes=number if minutes is None else minutes),
        author_is_city=city,
    )


def screen(text: str, **kwargs: object) -> Verdict:
    """One post through a fresh screener with the City's default settings."""
    return Screener(ModerationSettings()).screen(post(text, **kwargs))  # type: ignore[arg-type]


def labels(text: str, **kwargs: object) -> set[str]:
    return set(screen(text, **kwargs).labels)


def rules(text: str) -> set[str]:
    """What the rules alone find: the model knows the sentence shapes of the sets it was
    trained on, so a new writer's post often meets the rules alone."""
    return set(Screener(ModerationSettings(learned_screen=False)).screen(post(text)).labels)


def labeled(path: Path) -> Iterator[LabeledPost]:
    with path.open(encoding="utf-8") as handle:
        yield from read_posts(handle)
