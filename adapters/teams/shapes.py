"""The shapes of the Teams activities the bot handles, checked before botbuilder acts on one.

botbuilder trusts an activity's shape: without `conversation` a reply is
`'NoneType' object has no attribute 'id'`; a `serviceUrl` that is a list or has no scheme
fails inside msrest; msrest even runs `str.format` on the service URL, so `{0}` in it is an
IndexError. Each is a 500. So every field botbuilder and the handler read is declared here,
strictly (no coercion), and `screen` answers HANDLE, IGNORE (an activity type the bot does not
act on: Teams expects an empty 200) or raises MalformedActivity (a 400).

What a person typed or a card sent (`text`, an invoke's `value`) stays the handler's to judge.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

HANDLED_TYPES = frozenset({"message", "invoke", "conversationUpdate", "installationUpdate"})
# An absolute http(s) URL of printable ASCII without braces (msrest formats it) or spaces.
_SERVICE_URL = re.compile(r"^https?://[A-Za-z0-9.\-\[\]:]+(/[!#-z|~]*)?$")
Text = str | None


class MalformedActivity(ValueError):
    """Not shaped like an activity the bot can answer; the message says what is wrong."""


class Verdict(Enum):
    HANDLE = "handle"
    IGNORE = "ignore"


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


# Ids go into the connector's URLs and headers: printable ASCII without spaces or braces
# (msrest formats URLs with str.format); Teams' ids are like "29:1abc...", "a:1xyz...",
# "19:...@thread.tacv2;messageid=..." or "1700000000123".
Id = Annotated[str, Field(pattern=r"^[!-z|~]{1,512}$")]


class _Account(_Shape):
    id: Id
    name: Text = None
    aadObjectId: Text = None
    role: Text = None


class _Conversation(_Shape):
    id: Id
    conversationType: Text = None
    tenantId: Text = None
    isGroup: bool | None = None
    name: Text = None


class _Tenant(_Shape):
    id: Text = None


class _ChannelData(_Shape):
    tenant: _Tenant | None = None


class _Entity(_Shape):
    type: str


class _Attachment(_Shape):
    contentType: str


class _Activity(_Shape):
    type: str
    id: Id | None = None
    channelId: str
    serviceUrl: str = Field(max_length=2048, pattern=_SERVICE_URL.pattern)
    conversation: _Conversation
    recipient: _Account
    from_: _Account = Field(alias="from")
    timestamp: Text = None
    localTimestamp: Text = None
    locale: Text = None
    replyToId: Id | None = None
    channelData: _ChannelData | None = None
    entities: list[_Entity] | None = None
    attachments: list[_Attachment] | None = None
    text: Text = None
    textFormat: Text = None
    name: Text = None
    action: Text = None
    membersAdded: list[_Account] | None = None
    membersRemoved: list[_Account] | None = None


def check_addressable(body: dict[str, Any]) -> None:
    """What authentication reads (before the caller is known): text fields, or absent."""
    for name in ("serviceUrl", "channelId", "type"):
        if not isinstance(body.get(name, ""), str):
            raise MalformedActivity(f"'{name}' must be text")


def screen(body: dict[str, Any]) -> Verdict:
    """HANDLE or IGNORE an (authenticated) activity; MalformedActivity if it cannot be."""
    try:
        activity = _Activity.model_validate(body)
    except ValidationError as problem:
        first = problem.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise MalformedActivity(f"activity with a missing or invalid '{where}'") from None
    if activity.type not in HANDLED_TYPES:
        return Verdict.IGNORE
    if activity.type == "invoke" and not activity.name:
        raise MalformedActivity("an invoke without a name")
    return Verdict.HANDLE
