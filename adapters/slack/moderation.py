"""Moderation alerts in Slack, inbound: a moderator's click, and the Ban modal's reason.

Remove, Keep and Escalate take effect on the click; Ban opens a modal asking for the reason,
and submitting it is the confirmation. The engine decides who may act and keeps each decision
to one; this module only translates. Alerts are delivered by `SlackChannel`, like requests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.payloads import Click
from bot.config import Person
from bot.moderation.desk import DeskError, ModerationDesk
from cards import slack as blocks
from cards.alert import alert_card
from cards.codec import BadActionPayload, decode

log = logging.getLogger(__name__)
PLATFORM = "slack"


class SlackModeration:
    def __init__(self, *, desk: ModerationDesk, wake: Callable[[], None]) -> None:
        self.desk = desk
        self.wake = wake

    def listen(self, bolt: AsyncApp) -> None:
        """The Ban modal's submissions (buttons come through the Listeners' one action route)."""
        bolt.view(blocks.BAN_CALLBACK)(self.on_ban)

    # -- clicks ---------------------------------------------------------------------------------

    async def ask_ban_reason(self, client: AsyncWebClient, click: Click,
                             person: Person) -> str | None:
        """Ban opens a modal for the reason (submitting it confirms); what to tell the person
        instead, or None. Remove, Keep and Escalate are decided by the listener before its ack."""
        try:
            alert = self.desk.get(click.button.case_id)
        except DeskError as problem:
            return str(problem)
        if click.button.verb != "ban":
            return self.desk.already_message(alert) if alert.is_final else None
        if click.button.step != alert.step or alert.is_final:
            return self.desk.already_message(alert)
        why_not = self.desk.refusal_reason(alert, person.id, "ban")
        if why_not:
            return why_not
        card = alert_card(alert, self.desk, viewer=person.id)
        await client.views_open(trigger_id=click.trigger_id,
                                view=blocks.ban_modal(payload=click.button, card=card))
        return None

    async def on_ban(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        user = body.get("user") if isinstance(body.get("user"), dict) else {}
        person = self.desk.directory.by_slack_id(str((user or {}).get("id", "")))
        view = body.get("view") if isinstance(body.get("view"), dict) else {}
        try:
            button = decode((view or {}).get("private_metadata"))
        except BadActionPayload:
            button = None
        if person is None or button is None or button.verb != "ban":
            await ack(response_action="update", view=blocks.notice_modal(
                "Not done", "This form is not one of the bot's; nothing was changed."))
            return
        reason = _reason(view or {})
        try:
            self.desk.decide(person.id, PLATFORM, button.case_id, "ban", step=button.step,
                             reason=reason)
        except DeskError as problem:
            if not reason.strip():
                await ack(response_action="errors",
                          errors={blocks.BAN_REASON_BLOCK: str(problem)[:150]})
            else:
                await ack(response_action="update",
                          view=blocks.notice_modal("Not done", str(problem)))
            return
        await ack()
        self.wake()


def _reason(view: dict[str, Any]) -> str:
    state = view.get("state") if isinstance(view.get("state"), dict) else {}
    values = (state or {}).get("values")
    block = values.get(blocks.BAN_REASON_BLOCK) if isinstance(values, dict) else None
    field = block.get(blocks.BAN_REASON_BLOCK) if isinstance(block, dict) else None
    value = field.get("value") if isinstance(field, dict) else None
    return value if isinstance(value, str) else ""
