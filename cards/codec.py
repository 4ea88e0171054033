"""One codec for what a button carries: Slack's `action_id`/`value` and Teams' `verb`/`data`.

A button names the action, the case and the step it was drawn for; the step is what makes a
late or repeated click harmless (the engine answers "already decided"). The decoded payload
names the case's type, so adapters route on it once and never read ids themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.cases_registry import case_type_of

VERBS = ("approve", "reject", "request_changes", "submit_sop", "withdraw", "reassign", "view",
         "remove", "keep", "ban", "escalate", "needs_answer",
         "done")  # a password task's "Mark done" (bot/tasks.py)
_PATTERN = re.compile(r"^(?P<verb>[a-z_]{1,20}):(?P<case>[A-Z]-\d{1,9}):(?P<step>\d{1,6})$")


class BadActionPayload(ValueError):
    pass


@dataclass(frozen=True)
class ButtonPayload:
    verb: str
    case_id: str
    step: int

    @property
    def case_type(self) -> str:
        return case_type_of(self.case_id) or ""

    def encode(self) -> str:
        return f"{self.verb}:{self.case_id}:{self.step}"


def decode(raw: object) -> ButtonPayload:
    if not isinstance(raw, str) or len(raw) > 64:
        raise BadActionPayload("not a button of this bot")
    match = _PATTERN.match(raw)
    if match is None or match["verb"] not in VERBS or case_type_of(match["case"]) is None:
        raise BadActionPayload("not a button of this bot")
    return ButtonPayload(match["verb"], match["case"], int(match["step"]))
