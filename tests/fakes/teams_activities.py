"""Activities in the shapes Microsoft Teams posts to a bot's /api/messages.

The field set follows what Teams sends in a personal (one-to-one) chat: `from.id` "29:...",
`from.aadObjectId`, `conversation` {conversationType "personal", tenantId, id "a:..."},
`recipient` "28:<app id>", `channelId` "msteams", `channelData.tenant.id`, a `clientInfo`
entity, `locale` and ISO timestamps. Builders return plain JSON-ready dicts (what goes on the
wire), so a test can also break them on purpose.
"""

from __future__ import annotations

import copy
import itertools
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

ADAPTIVE_CARD_ACTION = "adaptiveCard/action"
_activity_numbers = itertools.count(1_700_000_000_000)


@dataclass(frozen=True)
class TeamsUser:
    """A person as Teams identifies them in a tenant."""

    name: str = "Jane Doe"
    aad_object_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    teams_id: str = field(default_factory=lambda: "29:1" + uuid.uuid4().hex)

    def account(self) -> dict[str, Any]:
        return {"id": self.teams_id, "name": self.name, "aadObjectId": self.aad_object_id}


@dataclass(frozen=True)
class TeamsChat:
    """Where activities come from: a tenant, a bot and a personal chat with one user."""

    service_url: str
    bot_app_id: str = "00000000-0000-0000-0000-00000000b07a"
    bot_name: str = "Social Media Access"
    tenant_id: str = "11111111-2222-3333-4444-555555555555"
    user: TeamsUser = field(default_factory=TeamsUser)
    conversation_id: str = field(default_factory=lambda: "a:1" + uuid.uuid4().hex)

    @property
    def bot_id(self) -> str:
        return f"28:{self.bot_app_id}"

    def for_user(self, user: TeamsUser) -> TeamsChat:
        """The same tenant and bot, in that user's own personal chat."""
        return TeamsChat(
            service_url=self.service_url,
            bot_app_id=self.bot_app_id,
            bot_name=self.bot_name,
            tenant_id=self.tenant_id,
            user=user,
        )

    def _envelope(self, activity_type: str, *, sender: dict[str, Any]) -> dict[str, Any]:
        now = datetime.now(UTC)
        return {
            "type": activity_type,
            "id": str(next(_activity_numbers)),
            "timestamp": now.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "localTimestamp": now.astimezone().isoformat(timespec="milliseconds"),
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": sender,
            "conversation": {
                "conversationType": "personal",
                "tenantId": self.tenant_id,
                "id": self.conversation_id,
            },
            "recipient": {"id": self.bot_id, "name": self.bot_name},
            "entities": [
                {
                    "type": "clientInfo",
                    "locale": "en-US",
                    "country": "CA",
                    "platform": "Web",
                    "timezone": "America/Toronto",
                }
            ],
            "channelData": {"tenant": {"id": self.tenant_id}},
            "locale": "en-US",
            "localTimezone": "America/Toronto",
        }

    def message(self, text: str) -> dict[str, Any]:
        """The user types `text` in the personal chat."""
        activity = self._envelope("message", sender=self.user.account())
        activity.update({"text": text, "textFormat": "plain", "attachments": []})
        return activity

    def bot_added(self) -> dict[str, Any]:
        """conversationUpdate sent when the user installs the bot in personal scope."""
        activity = self._envelope("conversationUpdate", sender=self.user.account())
        activity["membersAdded"] = [{"id": self.bot_id}]
        activity["channelData"] = {"tenant": {"id": self.tenant_id}}
        return activity

    def installation_update(self, action: str = "add") -> dict[str, Any]:
        """installationUpdate (action "add" or "remove") for the personal scope."""
        activity = self._envelope("installationUpdate", sender=self.user.account())
        activity["action"] = action
        activity["channelData"] = {"tenant": {"id": self.tenant_id}, "source": None}
        return activity

    def card_action(
        self,
        verb: str,
        data: dict[str, Any] | None = None,
        *,
        inputs: dict[str, Any] | None = None,
        reply_to_id: str = "fake-activity-1",
        trigger: str = "manual",
        title: str | None = None,
    ) -> dict[str, Any]:
        """An `adaptiveCard/action` invoke for an Action.Execute click on a card.

        Teams merges the card's input values into the action's `data` (inputs win on a
        clash), so `data` is what the action declared and `inputs` what the user typed.
        `trigger` is "manual" for a click and "automatic" for a Universal Actions refresh.
        """
        merged = {**copy.deepcopy(data or {}), **copy.deepcopy(inputs or {})}
        action: dict[str, Any] = {"type": "Action.Execute", "verb": verb, "data": merged}
        if title is not None:
            action["title"] = title
        activity = self._envelope("invoke", sender=self.user.account())
        activity.update(
            {
                "name": ADAPTIVE_CARD_ACTION,
                "replyToId": reply_to_id,
                "value": {"action": action, "trigger": trigger},
            }
        )
        activity["channelData"] = {
            "tenant": {"id": self.tenant_id},
            "source": {"name": "message"},
            "legacy": {"replyToId": reply_to_id},
        }
        return activity
