"""Helpers shared by the tests: a clock that stands still and a valid Appendix 2 form."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.domain import SocialMediaRequest
from bot.workflow import Actor, Workflow

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = ROOT / "app.yaml"


class FixedClock:
    def __init__(self) -> None:
        self.current = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def valid_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "first_name": "Alex", "last_name": "Doe", "department": "Community Services",
        "division": "Recreation", "section": "Aquatics", "status": "full_time",
        "programs": ["Facebook", "YouTube"], "promote_department": "community-services",
        "initiative": "Summer swim lessons campaign", "privacy_accepted": True,
    }
    form.update(changes)
    return form


def file_request(workflow: Workflow, person: str = "adoe", **changes: Any) -> SocialMediaRequest:
    return workflow.submit(Actor(person, "console"), valid_form(**changes))
