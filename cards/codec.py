"""One codec for what a button carries: Slack's `action_id`/`value` and Teams' `verb`/`data`.

A button names the action, the request and the step it was drawn for; the step is what makes a
late or repeated click harmless (the core answers "already decided").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERBS = ("approve", "reject", "request_changes", "submit_sop", "withdraw", "reassign", "view",
         "remove", "keep", "ban", "escalate")
_PATTERN = re.compile(r"^(?P<verb>[a-z_]{1,20}):(?P<request>[RA]-\d{1,9}):(?P<step>\d{1,6})$")


class BadActionPayload(ValueError):
    pass


@dataclass(frozen=True)
class ButtonPayload:
    verb: str
    request_id: str
    step: int

    def encode(self) -> str:
        return f"{self.verb}:{self.request_id}:{self.step}"


def decode(raw: object) -> ButtonPayload:
    if not isinstance(raw, str) or len(raw) > 64:
        raise BadActionPayload("not a button of this bot")
    match = _PATTERN.match(raw)
    if match is None or match["verb"] not in VERBS:
        raise BadActionPayload("not a button of this bot")
    return ButtonPayload(match["verb"], match["request"], int(match["step"]))
