"""Moderation alerts in Slack: posted to the moderators, decided by a click, updated everywhere.

Alerts go to `slack.moderation_channel` when one is configured, else to each moderator's DM (an
escalated alert to the CCT's channel or DMs). Remove, Keep and Escalate take effect on the
click; Ban opens a modal asking for the reason, and submitting it is the confirmation. The desk
decides who may act and keeps each decision to one; this module only translates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.channel import CHANNEL, SlackChannel, as_delivery_failure
from adapters.slack.payloads import Click
from bot.config import Person
from bot.events import Notification
from bot.moderation.desk import Alert, DeskError, ModerationDesk
from bot.ports import DeliveryFailed, DeliveryLedger
from cards import slack as blocks
from cards.alert import alert_card
from cards.codec import BadActionPayload, decode

log = logging.getLogger(__name__)
PLATFORM = "slack"


class SlackModeration:
    def __init__(self, *, desk: ModerationDesk, ledger: DeliveryLedger,
                 moderation_channel: str | None, cct_channel: str | None,
                 wake: Callable[[], None]) -> None:
        self.desk = desk
        self.ledger = ledger
        self.moderation_channel = moderation_channel
        self.cct_channel = cct_channel
        self.wake = wake
        self.channel: SlackChannel | None = None

    def listen(self, bolt: AsyncApp) -> None:
        """The Ban modal's submissions (buttons come through the Listeners' one action route)."""
        bolt.view(blocks.BAN_CALLBACK)(self.on_ban)

    def deliver_through(self, channel: SlackChannel) -> None:
        self.channel = channel
        channel.register("moderation_alert", self.post_alert)
        channel.register("alert_closed", self.update_copies)

    @property
    def client(self) -> AsyncWebClient:
        assert self.channel is not None, "deliver_through() first"
        return self.channel.client

    # -- clicks ---------------------------------------------------------------------------------

    async def on_click(self, client: AsyncWebClient, click: Click, person: Person) -> str | None:
        """Act on an alert button; returns what to tell the person, or None when done."""
        button = click.button
        try:
            alert = self.desk.get(button.request_id)
            if button.verb == "ban":
                return await self._ask_ban_reason(client, click, alert, person)
            self.desk.decide(person.id, PLATFORM, alert.id, button.verb, step=button.step)
        except DeskError as problem:
            return str(problem)
        self.wake()
        return None

    async def _ask_ban_reason(self, client: AsyncWebClient, click: Click, alert: Alert,
                              person: Person) -> str | None:
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
            self.desk.decide(person.id, PLATFORM, button.request_id, "ban", step=button.step,
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

    # -- delivery -------------------------------------------------------------------------------

    async def post_alert(self, note: Notification) -> None:
        alert = self.desk.get(note.request_id)
        for target, viewer in self._targets(note):
            if self.ledger.sent(note.id, CHANNEL, target):
                continue
            card = alert_card(alert, self.desk, viewer=viewer or None)

            async def post(metadata: dict[str, Any], target: str = target,
                           card: Any = card) -> dict[str, Any]:
                sent = await self.client.chat_postMessage(
                    channel=await self._channel().conversation(target),
                    text=blocks.alert_text(card),
                    blocks=blocks.to_dicts(blocks.alert_blocks(card)), metadata=metadata)
                return {"channel": sent["channel"], "ts": sent["ts"]}

            try:
                sent = await self._channel().post_once(note, target, post)
            except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
                raise as_delivery_failure(error) from None
            self.ledger.record(notification=note, channel=CHANNEL, target=target,
                               ref={"channel": sent["channel"], "ts": sent["ts"],
                                    "viewer": viewer})

    async def update_copies(self, note: Notification) -> None:
        alert = self.desk.get(note.request_id)
        failures: list[DeliveryFailed] = []
        for copy in self.ledger.copies(alert.id, None, CHANNEL, kind="moderation_alert"):
            card = alert_card(alert, self.desk, viewer=copy.get("viewer") or None)
            try:
                await self.client.chat_update(channel=copy["channel"], ts=copy["ts"],
                                              text=blocks.alert_text(card),
                                              blocks=blocks.to_dicts(blocks.alert_blocks(card)))
            except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
                failures.append(as_delivery_failure(error))
        if failures:
            raise failures[0]

    def _channel(self) -> SlackChannel:
        assert self.channel is not None, "deliver_through() first"
        return self.channel

    def _targets(self, note: Notification) -> list[tuple[str, str]]:
        shared = self.cct_channel if note.audience == "cct" else self.moderation_channel
        if shared:
            return [(shared, "")]
        people = [self.desk.directory.find(p) for p in note.recipients]
        return [(p.slack_id, p.id) for p in people if p is not None and p.slack_id]


def _reason(view: dict[str, Any]) -> str:
    state = view.get("state") if isinstance(view.get("state"), dict) else {}
    values = (state or {}).get("values")
    block = values.get(blocks.BAN_REASON_BLOCK) if isinstance(values, dict) else None
    field = block.get(blocks.BAN_REASON_BLOCK) if isinstance(block, dict) else None
    value = field.get("value") if isinstance(field, dict) else None
    return value if isinstance(value, str) else ""
