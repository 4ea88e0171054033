"""The console's own channel: notices kept per person, shown at their next prompt.

Slack and Teams users get a message when their request moves or when something waits for
them; console users get the same news the next time the console shows them a prompt. The outbox
delivers to this channel like any other (so nothing is lost if the process stops between a
decision and the telling); the channel only writes the sentence into the key-value port, once
per (notification, person).
"""

from __future__ import annotations

from typing import Any

from bot import messages
from bot.chains import STAGES
from bot.duties import AccountDuties
from bot.notifications import Notification
from bot.ports import KeyValueStore
from bot.workflow import Workflow

CHANNEL = "console"
NAMESPACE = "console_notices"
KEEP = 50  # the newest notices kept per person; older ones were shown long ago


class ConsoleChannel:
    name = CHANNEL

    def __init__(self, workflow: Workflow, kv: KeyValueStore,
                 duties: AccountDuties | None = None) -> None:
        self.workflow = workflow
        self.kv = kv
        self.duties = duties

    async def deliver(self, notification: Notification) -> None:
        for person_id in dict.fromkeys(notification.recipients):
            text = self._sentence(notification, person_id)
            if text:
                self._keep(person_id, notification.id, text)

    def _sentence(self, note: Notification, person_id: str) -> str:
        if self.duties is not None and self.duties.delivers(note):
            return self.duties.sentence(note, person_id)
        if note.case_type == "alert":
            return messages.console_alert_notice(note.case_id) \
                if note.kind == "action_needed" else ""
        request = self.workflow.repository.get(note.case_id)
        if request is None or (request.step != note.step and note.kind != "requester_update"):
            return ""  # already moved on: the newer notice says where it stands
        if note.kind in ("action_needed", "escalation") and not request.is_final:
            return messages.console_waiting_notice(request.id, STAGES[request.state].title,
                                                   reminder=note.intent != "first_notice")
        if note.kind == "requester_update" and person_id == request.requester_id:
            entry = request.entry_for_step(note.step - 1)
            if entry is None or entry.actor_id == person_id:
                return ""  # the requester's own move: the console answered it already
            return messages.requester_update(
                request, entry, self.workflow.next_names(request),
                self.workflow.settings.time_zone, sop_hint=f"type 'sop {request.id}'")
        return ""

    def _keep(self, person_id: str, notice_id: str, text: str) -> None:
        record = self.kv.get_value(NAMESPACE, person_id) or {"notices": [], "seen": 0}
        notices: list[dict[str, Any]] = list(record["notices"])
        if any(n["id"] == notice_id for n in notices):
            return  # a retried delivery: kept once already
        notices.append({"id": notice_id, "text": text})
        dropped = max(0, len(notices) - KEEP)
        self.kv.put_value(NAMESPACE, person_id, {
            "notices": notices[dropped:], "seen": max(0, int(record["seen"]) - dropped)})


def unseen_notices(kv: KeyValueStore, person_id: str) -> list[str]:
    """The person's notices not shown yet, oldest first; they count as shown from now on."""
    record = kv.get_value(NAMESPACE, person_id)
    if not record:
        return []
    notices = record["notices"]
    seen = int(record["seen"])
    if seen >= len(notices):
        return []
    kv.put_value(NAMESPACE, person_id, {"notices": notices, "seen": len(notices)})
    return [str(n["text"]) for n in notices[seen:]]
