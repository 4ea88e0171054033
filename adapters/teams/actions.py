"""Reads what Teams sends: the `adaptiveCard/action` invoke's value and the typed command.

Translation only, no decisions: every shape is checked (Teams merges the card's inputs, all
strings, into the action's data), so the handler never meets a surprise type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.form import FIELDS

MAX_VERB = 40
MAX_NONCE = 64
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_LEADING_MENTION = re.compile(r"^<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_AT_TAG = re.compile(r"<at>(.*?)</at>", re.IGNORECASE | re.DOTALL)


class BadAction(ValueError):
    """The invoke is not a well-formed Action.Execute of this bot."""


@dataclass(frozen=True)
class CardAction:
    verb: str
    data: dict[str, Any]  # the action's data merged with the card's inputs
    automatic: bool       # a Universal Actions refresh rather than a click


def read_card_action(value: Any) -> CardAction:
    if not isinstance(value, dict):
        raise BadAction("the invoke carries no action")
    action = value.get("action")
    if not isinstance(action, dict) or action.get("type") != "Action.Execute":
        raise BadAction("the invoke is not an Action.Execute")
    verb = action.get("verb")
    if not isinstance(verb, str) or not 0 < len(verb) <= MAX_VERB:
        raise BadAction("the action has no verb")
    data = action.get("data")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BadAction("the action's data is not an object")
    return CardAction(verb, data, value.get("trigger") == "automatic")


def text(data: dict[str, Any], name: str) -> str:
    """An input's text; absent is empty, anything but a string is refused."""
    value = data.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadAction(f"'{name}' must be text")
    return value


def nonce(data: dict[str, Any]) -> str:
    value = data.get("nonce")
    if not isinstance(value, str) or not 0 < len(value) <= MAX_NONCE:
        raise BadAction("the form card is damaged (no nonce)")
    return value


def form_values(data: dict[str, Any]) -> dict[str, Any]:
    """The Appendix 2 inputs as the core's form expects them (lists, booleans)."""
    values: dict[str, Any] = {}
    for spec in FIELDS:
        raw = data.get(spec.name)
        if spec.kind == "multi_choice" and isinstance(raw, str):
            values[spec.name] = [p for p in raw.split(",") if p.strip()]
        elif spec.kind == "consent":
            values[spec.name] = raw is True or raw == "true"
        else:
            values[spec.name] = raw
    return values


def command_words(text_typed: str | None) -> list[str]:
    """The words typed, without an @mention of the bot before them; an @mention of a person
    after the command (`<at>Sam Baker</at>`) becomes their name."""
    text = (text_typed or "").replace("&nbsp;", " ").strip()
    while (lead := _LEADING_MENTION.match(text)) is not None:
        text = text[lead.end():].lstrip()
    return _AT_TAG.sub(r" \1 ", text).split()


def command_word(text_typed: str | None) -> str:
    """The first word typed, without an @mention of the bot (channels and group chats)."""
    words = _MENTION.sub(" ", text_typed or "").split()
    return words[0].lower() if words else ""
