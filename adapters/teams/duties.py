"""The account register and its duties in Teams: the account words typed in the personal chat,
the person's own tasks beside their approvals (`inbox`), and the duties' notices as cards.

The words are the console's (`adapters/console/accounts.py`), run as the Teams user's person
and signed "teams"; answers and notices go out as Adaptive Cards whose text is literal (no
Markdown), so nothing a person typed is interpreted.
"""

from __future__ import annotations

from typing import Any

from adapters.console.accounts import WORDS, run_words, waiting_lines
from bot.duties import AccountDuties
from bot.grants import CASE_TYPE as GRANT
from bot.notifications import Notification
from bot.offboarding import CASE_TYPE as OFFBOARDING
from bot.tasks import CASE_TYPE as TASK
from cards import adaptive

TITLE = "Accounts (ADM 140-007)"


class TeamsDuties:
    def __init__(self, duties: AccountDuties, *, zone: str) -> None:
        self.duties = duties
        self.zone = zone

    def handles(self, word: str) -> bool:
        return word in WORDS

    def answer(self, person_id: str, words: list[str]) -> dict[str, Any]:
        return adaptive.notice_card(TITLE, run_words(self.duties, person_id, words, self.zone,
                                                     platform="teams"))

    def inbox_card(self, person_id: str) -> dict[str, Any] | None:
        lines = waiting_lines(self.duties, person_id, "type 'done {id}'")
        return adaptive.notice_card(f"Your tasks ({len(lines)})", "\n".join(lines)) \
            if lines else None

    def delivers(self, note: Notification) -> bool:
        return self.duties.delivers(note)

    def card(self, note: Notification, viewer: str) -> dict[str, Any] | None:
        text = self.duties.sentence(note, viewer)
        if not text:
            return None
        if note.case_type == TASK and note.kind == "action_needed":
            text += f" Type 'done {note.case_id}' here when it is changed."
        elif note.case_type == GRANT and note.kind == "action_needed":
            grant = self.duties.grants.repository.get(note.case_id)
            text += f" Type 'record {grant.request_id if grant else note.case_id} AC-…' here."
        elif note.case_type == OFFBOARDING and note.id.endswith(":proposed"):
            text += f" Type 'confirm {note.case_id}' or 'dismiss {note.case_id} REASON' here."
        return adaptive.notice_card(TITLE, text)
