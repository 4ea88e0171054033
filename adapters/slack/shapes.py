"""The shapes of the Slack requests the bot handles, checked before Bolt sees a body.

Bolt indexes into a body without checking it, twice: its context builder
(`slack_bolt/request/internals.py`: team, enterprise, user, channel, authorizations,
response_urls...) and its listener matchers (`slack_bolt/request/payload_utils.py`: a
view_submission's `view.type`, a click's `actions[0]`...). A body of the wrong shape there is
a KeyError or TypeError inside Bolt, answered 500. So every field Bolt or the listeners read is
declared here with its type, strictly (no coercion), and anything else is refused before Bolt
runs: `screen` answers HANDLE (give it to Bolt), IGNORE (an event or a closed modal the bot
does not act on: Slack expects an empty 200) or raises MalformedPayload (a 400).

Values inside a well-shaped payload (what a person typed or chose) stay the core's to judge.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from adapters.slack.payloads import MalformedPayload

Text = str | None
HANDLED_EVENTS = frozenset({"app_home_opened"})
# Bolt reads these as `body.get(name, {})`: absent is fine, null is an AttributeError.
NEVER_NULL = ("event", "view", "actions")


class Verdict(Enum):
    HANDLE = "handle"
    IGNORE = "ignore"


class _Shape(BaseModel):
    # Strict: a number where a text belongs is refused, not turned into text.
    model_config = ConfigDict(extra="allow", strict=True)


class _Team(_Shape):
    id: str
    enterprise_id: Text = None


class _Enterprise(_Shape):
    id: Text = None


class _User(_Shape):
    id: str
    team_id: Text = None


class _Channel(_Shape):
    id: str


class _Authorization(_Shape):
    enterprise_id: Text = None
    team_id: Text = None
    user_id: Text = None
    is_enterprise_install: bool | None = None


class _ResponseUrl(_Shape):
    response_url: str


class _Located(_Shape):
    """The fields Bolt's context builder reads, at the top of a body and inside its parts."""

    enterprise: str | _Enterprise | None = None
    enterprise_id: Text = None
    team: str | _Team | None = None
    team_id: Text = None
    user: str | _User | None = None
    user_id: Text = None
    user_team: Text = None
    channel: str | _Channel | None = None
    channel_id: Text = None
    thread_ts: Text = None
    bot_id: Text = None
    subtype: Text = None
    channel_type: Text = None
    message: _Located | None = None
    previous_message: _Located | None = None
    item: _Located | None = None
    assistant_thread: _Located | None = None
    function_execution_id: Text = None
    bot_access_token: Text = None
    inputs: dict[str, Any] | None = None
    function_data: dict[str, Any] | None = None


class _Event(_Located):
    type: str
    tab: Text = None


class _Values(_Shape):
    values: dict[str, dict[str, dict[str, Any]]]


class _View(_Shape):
    id: str
    type: str
    callback_id: str
    private_metadata: str = ""
    root_view_id: Text = None
    team_id: Text = None
    app_installed_team_id: Text = None
    state: _Values = Field(default_factory=lambda: _Values(values={}))


class _Action(_Shape):
    action_id: str
    block_id: Text = None
    type: Text = None
    value: Text = None


class _Container(_Shape):
    type: Text = None
    channel_id: Text = None
    message_ts: Text = None
    view_id: Text = None


class _Body(_Located):
    """What every body may carry, whatever its kind."""

    type: Text = None
    token: Text = None
    api_app_id: Text = None
    trigger_id: Text = None
    response_url: Text = None
    response_urls: list[_ResponseUrl] | None = None
    authorizations: list[_Authorization] | None = None
    is_enterprise_install: bool | Literal["true", "false"] | None = None
    is_ext_shared_channel: bool | None = None
    event: _Event | None = None
    view: _View | None = None
    actions: list[_Action] | None = None
    ssl_check: Text = None


class _Command(_Body):
    command: str
    user_id: str
    text: str
    trigger_id: str


class _BlockActions(_Body):
    type: Literal["block_actions"]
    user: _User
    actions: list[_Action] = Field(min_length=1)
    container: _Container | None = None


class _ViewSubmission(_Body):
    type: Literal["view_submission", "view_closed"]
    user: _User
    view: _View


class _Shortcut(_Body):
    type: Literal["shortcut"]
    user: _User
    callback_id: str
    trigger_id: str


class _EventCallback(_Body):
    type: Literal["event_callback"]
    event: _Event


class _UrlVerification(_Body):
    type: Literal["url_verification"]
    challenge: str


_KINDS: dict[str, type[_Body]] = {
    "block_actions": _BlockActions,
    "view_submission": _ViewSubmission,
    "view_closed": _ViewSubmission,
    "shortcut": _Shortcut,
    "event_callback": _EventCallback,
    "url_verification": _UrlVerification,
}


def screen(body: Any) -> Verdict:
    """HANDLE or IGNORE a Bolt-parsed body; MalformedPayload if the bot cannot read it."""
    if not isinstance(body, dict):
        raise MalformedPayload("the body is not a JSON object or form")
    shape, kind = _shape_of(body)
    for name in NEVER_NULL:
        if name in body and body[name] is None:
            raise MalformedPayload(f"{kind} with a null '{name}'")
    try:
        parsed = shape.model_validate(body)
    except ValidationError as problem:
        raise MalformedPayload(_first_problem(kind, problem)) from None
    if isinstance(parsed, _ViewSubmission):
        if parsed.view.type != "modal":
            raise MalformedPayload(f"{kind} of a view that is not a modal")
        if parsed.type == "view_closed":
            return Verdict.IGNORE  # the bot's modals do not ask to be told when closed
    if isinstance(parsed, _EventCallback) and parsed.event.type not in HANDLED_EVENTS:
        return Verdict.IGNORE
    return Verdict.HANDLE


def _shape_of(body: dict[str, Any]) -> tuple[type[_Body], str]:
    if "command" in body:
        return _Command, "slash command"
    if body.get("ssl_check") == "1" and "type" not in body:
        return _Body, "ssl_check"
    kind = body.get("type")
    shape = _KINDS.get(kind) if isinstance(kind, str) else None
    if shape is None:
        raise MalformedPayload("unknown or missing payload type")
    return shape, str(kind)


def _first_problem(kind: str, problem: ValidationError) -> str:
    """Where the shape is wrong, without echoing the value (it may be personal text)."""
    first = problem.errors(include_input=False, include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"] if not _is_union_tag(part))
    return f"{kind} with a missing or invalid '{where}'"


def _is_union_tag(part: str | int) -> bool:
    """pydantic names the union member it tried (`str`, `_User`) in an error's location."""
    return isinstance(part, str) and (part.startswith("_") or part in ("str", "bool")
                                      or "[" in part)
