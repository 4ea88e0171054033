"""The account register and its duties in Slack: the slash command's account words, the App
Home's "your tasks" beside the approvals, and the direct messages the duties send.

The words are the console's (`adapters/console/accounts.py`), run as the Slack user's person
and signed "slack"; every answer and every notice is escaped for mrkdwn before Slack sees it.
"""

from __future__ import annotations

from typing import Any

from adapters.console.accounts import (
    WORDS,
    cct_waiting_lines,
    run_words,
    task_line,
    waiting_lines,
)
from bot import messages
from bot.duties import AccountDuties
from bot.grants import CASE_TYPE as GRANT
from bot.notifications import Notification
from bot.offboarding import CASE_TYPE as OFFBOARDING
from bot.tasks import CASE_TYPE as TASK
from cards import slack as blocks
from cards.codec import ButtonPayload

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
        """The person's tasks: each password task with its "Mark done" button, then (for the
        CCT) the grants and departures waiting on them."""
        hint = f"`{self.command} done {{id}}`"
        tasks = self.duties.tasks.of_person(person_id)
        rows = [blocks.task_row(task_line(row, hint), ButtonPayload("done", t.id, t.step),
                                label=messages.MARK_DONE)
                for t, row in zip(tasks, self.duties.tasks.rows(tasks), strict=True)]
        rows += [blocks.task_row(line, None, label="")
                 for line in cct_waiting_lines(self.duties, person_id)]
        if not rows:
            return []
        more = [blocks.task_row(f"…and {len(rows) - HOME_LINES} more.", None, label="")] \
            if len(rows) > HOME_LINES else []
        return [{"type": "header", "text": {"type": "plain_text",
                                            "text": f"Your tasks ({len(rows)})"}},
                *rows[:HOME_LINES], *more]

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
            text += f" {messages.TASK_BUTTON_HINT} (or type `{c} done {note.case_id}`)."
        elif note.case_type == GRANT and note.kind == "action_needed":
            grant = self.duties.grants.repository.get(note.case_id)
            request_id = grant.request_id if grant else note.case_id
            text += f" Type `{c} record {request_id} AC-…` (`{c} accounts` lists them)."
        elif note.case_type == OFFBOARDING and note.id.endswith(":proposed"):
            text += f" Type `{c} confirm {note.case_id}` or `{c} dismiss {note.case_id} REASON`."
        return text

    def notice_blocks(self, note: Notification, viewer: str) -> list[dict[str, Any]]:
        """The notice as blocks: a password task's carries its "Mark done" button for someone
        who may act on it now (the click is decided by the engine all the same)."""
        task = self.duties.task_to_mark(note, viewer)
        button = ButtonPayload("done", task.id, task.step) if task else None
        return blocks.task_blocks(self.sentence(note, viewer), button, label=messages.MARK_DONE)

    def closed_blocks(self, note: Notification) -> tuple[str, list[dict[str, Any]]]:
        """A task notice's copy once its step is over: the text and the blocks (no button)."""
        text = self.duties.closed_task_sentence(note)
        return blocks.mrkdwn(text, blocks.NOTIFICATION_TEXT), blocks.task_blocks(
            text, None, label="")
