"""The account register and its duties in Teams: the account words typed in the personal chat,
the person's own tasks beside their approvals (`inbox`), and the duties' notices as cards.

The words are the console's (`adapters/console/accounts.py`), run as the Teams user's person
and signed "teams"; answers and notices go out as Adaptive Cards whose text is literal (no
Markdown), so nothing a person typed is interpreted.
"""

from __future__ import annotations

from typing import Any

from adapters.console.accounts import WORDS, cct_waiting_lines, run_words, task_line
from bot import messages
from bot.audit import Actor
from bot.duties import AccountDuties
from bot.errors import CaseError
from bot.grants import CASE_TYPE as GRANT
from bot.notifications import Notification
from bot.offboarding import CASE_TYPE as OFFBOARDING
from bot.tasks import CASE_TYPE as TASK
from cards import adaptive
from cards.codec import ButtonPayload

TITLE = "Accounts (ADM 140-007)"
PLATFORM = "teams"
INBOX = "inbox"  # a "Mark done" clicked on the `inbox` list: the answer is the list again


class TeamsDuties:
    def __init__(self, duties: AccountDuties, *, zone: str) -> None:
        self.duties = duties
        self.zone = zone

    def handles(self, word: str) -> bool:
        return word in WORDS

    def answer(self, person_id: str, words: list[str]) -> dict[str, Any]:
        return adaptive.notice_card(TITLE, run_words(self.duties, person_id, words, self.zone,
                                                     platform="teams"))

    def inbox_card(self, person_id: str, *, notice: str = "",
                   lead: str = "") -> dict[str, Any] | None:
        """The person's tasks beside their approvals: each password task with its "Mark done"
        button, then (for the CCT) grants and departures waiting on them. None when there is
        nothing (and no `notice` to show)."""
        tasks = self.duties.tasks.of_person(person_id)
        rows: list[tuple[str, ButtonPayload | None]] = [
            (task_line(row, "type 'done {id}'"), ButtonPayload("done", t.id, t.step))
            for t, row in zip(tasks, self.duties.tasks.rows(tasks), strict=True)]
        rows += [(line, None) for line in cct_waiting_lines(self.duties, person_id)]
        if not rows and not notice and not lead:
            return None
        return adaptive.task_list_card(f"Your tasks ({len(rows)})", rows,
                                       label=messages.MARK_DONE, notice=notice, lead=lead,
                                       source=INBOX)

    def delivers(self, note: Notification) -> bool:
        return self.duties.delivers(note)

    def card(self, note: Notification, viewer: str) -> dict[str, Any] | None:
        text = self.duties.sentence(note, viewer)
        if not text:
            return None
        if note.case_type == TASK and note.kind == "action_needed":
            task = self.duties.task_to_mark(note, viewer)
            text += f" {messages.TASK_BUTTON_HINT} (or type 'done {note.case_id}' here)."
            return adaptive.task_card(TITLE, text, ButtonPayload("done", task.id, task.step)
                                      if task else None, label=messages.MARK_DONE)
        elif note.case_type == GRANT and note.kind == "action_needed":
            grant = self.duties.grants.repository.get(note.case_id)
            text += f" Type 'record {grant.request_id if grant else note.case_id} AC-…' here."
        elif note.case_type == OFFBOARDING and note.id.endswith(":proposed"):
            text += f" Type 'confirm {note.case_id}' or 'dismiss {note.case_id} REASON' here."
        return adaptive.notice_card(TITLE, text)

    def closed_card(self, note: Notification) -> dict[str, Any] | None:
        """A task notice's copy once its step is over: what became of it, no button."""
        text = self.duties.closed_task_sentence(note)
        return adaptive.task_card(TITLE, text, None, label="") if text else None

    # -- a click on "Mark done" (Action.Execute, verb "done") ------------------------------------

    def click(self, person_id: str, button: ButtonPayload, source: str) -> dict[str, Any]:
        """Mark the task done (the engine checks who and the step: a double or stale click is
        answered "already ...", someone else's "not yours"); the card that replaces the clicked
        one: the task as it is now, or the task list again when clicked there."""
        tasks = self.duties.tasks
        try:
            if button.verb != "done":  # a refresh or "view": the task as it is now
                task, notice, marked = tasks.get(button.case_id), "", False
            else:
                task = tasks.done(Actor(person_id, PLATFORM), button.case_id, step=button.step)
                notice, marked = messages.task_marked_done(task.id, task.account_label), True
        except CaseError as problem:
            found = tasks.repository.get(button.case_id)
            if found is None or not tasks.cases.visible_to(found, person_id):
                return adaptive.notice_card("Not done", str(problem))
            task, notice, marked = found, str(problem), False
        if source == INBOX:
            listed = self.inbox_card(person_id, notice="" if marked else notice,
                                     lead=notice if marked else "")
            return listed or adaptive.notice_card(TITLE, notice)
        if marked:
            return adaptive.task_card(TITLE, notice, None, label="")
        if tasks.cases.may_act(task, person_id):
            text = self.duties.sentence(Notification(
                id="", kind="action_needed", case_id=task.id, step=task.step, recipients=(),
                case_type=TASK), person_id)
            return adaptive.task_card(TITLE, text, ButtonPayload("done", task.id, task.step),
                                      label=messages.MARK_DONE, notice=notice)
        shown = tasks.cases.closed_sentence(task, button.step) or \
            tasks.cases.closed_sentence(task, task.step - 1)
        return adaptive.task_card(TITLE, shown, None, label="", notice=notice)
