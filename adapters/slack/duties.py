"""The account register and its duties in Slack: the slash command's account words, the App
Home's "your tasks" beside the approvals, and the direct messages the duties send.

The words are the console's (`adapters/console/accounts.py`), run as the Slack user's person
and signed "slack"; every answer and every notice is escaped for mrkdwn before Slack sees it.
"""

from __future__ import annotations

from typing import Any

from adapters.console.accounts import WORDS, run_words, waiting_lines
from bot.duties import AccountDuties
from bot.grants import CASE_TYPE as GRANT
from bot.notifications import Notification
from bot.offboarding import CASE_TYPE as OFFBOARDING
from bot.tasks import CASE_TYPE as TASK
from cards import slack as blocks

HOME_LINES = 20


class SlackDuties:
    def __init__(self, duties: AccountDuties, *, command: str, zone: str) -> None:
        self.duties = duties
        self.command = command
        self.zone = zone

    def handles(self, word: str) -> bool:
        return word in WORDS

    def run(self, person_id: str, words: list[str]) -> str:
        """Run one account word for `person_id` (committed before the caller acks)."""
        return run_words(self.duties, person_id, words, self.zone, platform="slack")

    def help(self) -> str:
        c = self.command
        return (f"Accounts (the CCT manages them): `{c} accounts`, `{c} account AC-1`, "
                f"`{c} account add PLATFORM HANDLE DEPARTMENT [PERSON…]`, `{c} grant AC-1 "
                f"PERSON`, `{c} revoke AC-1 PERSON REASON`, `{c} record R-1 AC-1 AC-2`. "
                f"Password tasks: `{c} tasks`, `{c} done T-1`, `{c} pass T-1 PERSON`. "
                f"Departures: `{c} offboard PERSON YYYY-MM-DD|today REASON`, `{c} departures`, "
                f"`{c} confirm O-1`, `{c} dismiss O-1 REASON`; abuse (05): "
                f"`{c} revoke-access PERSON all REASON`. Never send a password.")

    # -- App Home: a person's own tasks beside their approvals ----------------------------------

    def home_blocks(self, person_id: str) -> list[dict[str, Any]]:
        lines = self.waiting_lines(person_id)
        if not lines:
            return []
        shown = lines[:HOME_LINES]
        more = [f"…and {len(lines) - HOME_LINES} more."] if len(lines) > HOME_LINES else []
        return [{"type": "header", "text": {"type": "plain_text",
                                            "text": f"Your tasks ({len(lines)})"}},
                *({"type": "section", "text": {"type": "mrkdwn", "text": blocks.mrkdwn(line)}}
                  for line in [*shown, *more])]

    def waiting_lines(self, person_id: str) -> list[str]:
        return waiting_lines(self.duties, person_id, f"`{self.command} done {{id}}`")

    # -- direct messages ------------------------------------------------------------------------

    def delivers(self, note: Notification) -> bool:
        return self.duties.delivers(note)

    def sentence(self, note: Notification, viewer: str) -> str:
        """The notice for `viewer` ("" for a channel) with how to answer it in Slack."""
        text = self.duties.sentence(note, viewer)
        if not text:
            return ""
        c = self.command
        if note.case_type == TASK and note.kind == "action_needed":
            text += f" Type `{c} done {note.case_id}` when it is changed."
        elif note.case_type == GRANT and note.kind == "action_needed":
            grant = self.duties.grants.repository.get(note.case_id)
            request_id = grant.request_id if grant else note.case_id
            text += f" Type `{c} record {request_id} AC-…` (`{c} accounts` lists them)."
        elif note.case_type == OFFBOARDING and note.id.endswith(":proposed"):
            text += f" Type `{c} confirm {note.case_id}` or `{c} dismiss {note.case_id} REASON`."
        return text
