"""Outgoing Teams messages: Adaptive Cards as attachments of a message activity.

Shared by the inbound handler (answers in a turn) and the delivery channel (proactive
messages), so delivery never imports the inbound side.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.schema import Activity, Attachment, AttachmentLayoutTypes

from cards import adaptive

Json = dict[str, Any]


def card_activity(*cards: Json, text: str | None = None) -> Json:
    """`card_message` as the JSON botbuilder's serializer writes it (for BotConnector)."""
    activity: Json = {"type": "message", "attachments": [
        {"contentType": adaptive.CONTENT_TYPE, "content": c} for c in cards]}
    if len(cards) != 1:
        activity["attachmentLayout"] = AttachmentLayoutTypes.list.value
    if text:
        activity["text"] = text
    return activity


def card_attachment(card: Json) -> Attachment:
    return Attachment(content_type=adaptive.CONTENT_TYPE, content=card)


def card_message(*cards: Json, text: str | None = None) -> Activity:
    activity = MessageFactory.list([card_attachment(c) for c in cards], text=text)
    if len(cards) == 1:
        activity.attachment_layout = None
    else:
        activity.attachment_layout = AttachmentLayoutTypes.list
    return activity
