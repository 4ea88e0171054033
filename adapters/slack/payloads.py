"""Reading Slack's payloads: the shapes Slack documents, checked before anything acts on them.

A request whose shape is wrong is answered 400 (never 500) by the endpoint; the values inside a
well-shaped payload (what a person typed or chose) are handed to the core, which validates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.form import FIELDS
from cards.codec import ButtonPayload, decode
from cards.slack import CONSENT_VALUE

JsonDict = dict[str, Any]


class MalformedPayload(ValueError):
    """Not shaped like anything Slack sends; the message says what is wrong."""


def user_id(body: Mapping[str, Any]) -> str:
    """The Slack user who acted (slash commands carry `user_id`, payloads a `user` object)."""
    user = body.get("user")
    found = user.get("id") if isinstance(user, dict) else body.get("user_id", user)
    return found if isinstance(found, str) else ""


@dataclass(frozen=True)
class Click:
    """A button click: who, which button, and where it was (a message or a view)."""

    user_id: str
    button: ButtonPayload
    trigger_id: str
    channel_id: str | None  # None when the click was in App Home or a modal
    message_ts: str | None


def read_click(body: Mapping[str, Any]) -> Click:
    """The click in a block_actions payload; BadActionPayload if it is not our button."""
    action = body["actions"][0] if body.get("actions") else {}
    button = decode(action.get("value"))
    container = body.get("container")
    container = container if isinstance(container, dict) else {}
    channel = container.get("channel_id") if container.get("type") == "message" else None
    message_ts = container.get("message_ts")
    trigger = body.get("trigger_id")
    return Click(
        user_id=user_id(body), button=button,
        trigger_id=trigger if isinstance(trigger, str) else "",
        channel_id=channel if isinstance(channel, str) else None,
        message_ts=message_ts if isinstance(message_ts, str) else None,
    )


def view_button(view: Mapping[str, Any]) -> ButtonPayload:
    """The button a decision modal was opened for, kept in its private_metadata."""
    return decode(view.get("private_metadata"))


def view_id(view: Mapping[str, Any]) -> str:
    found = view.get("root_view_id") or view.get("id")
    return found if isinstance(found, str) else ""


def _values(view: Mapping[str, Any]) -> Mapping[str, Any]:
    return view.get("state", {}).get("values", {})


def _element(view: Mapping[str, Any], block_id: str) -> Mapping[str, Any]:
    """The one element state of an input block (`{block: {action: state}}`), or {}."""
    block = _values(view).get(block_id)
    if not isinstance(block, dict) or not block:
        return {}
    element = next(iter(block.values()))
    return element if isinstance(element, dict) else {}


def text_value(view: Mapping[str, Any], block_id: str) -> Any:
    """What was typed: Slack sends null for an empty input; other types go to the core as-is."""
    value = _element(view, block_id).get("value")
    return "" if value is None else value


def selected_value(view: Mapping[str, Any], block_id: str) -> Any:
    option = _element(view, block_id).get("selected_option")
    return option.get("value") if isinstance(option, dict) else None


def selected_values(view: Mapping[str, Any], block_id: str) -> list[Any]:
    options = _element(view, block_id).get("selected_options")
    if not isinstance(options, list):
        return []
    return [o.get("value") for o in options if isinstance(o, dict)]


def form_values(view: Mapping[str, Any]) -> JsonDict:
    """The Appendix 2 modal's state as the raw form `bot.form.validate` expects."""
    raw: JsonDict = {}
    for spec in FIELDS:
        if spec.kind in ("text", "long_text"):
            raw[spec.name] = text_value(view, spec.name)
        elif spec.kind == "choice":
            raw[spec.name] = selected_value(view, spec.name)
        elif spec.kind == "multi_choice":
            raw[spec.name] = selected_values(view, spec.name)
        else:
            raw[spec.name] = CONSENT_VALUE in selected_values(view, spec.name)
    return raw
