"""Where each person can be reached in Teams: the conversation reference of their last visit.

Stored through the core's KeyValueStore (one record per person), written only when it changed,
so a busy approver clicking cards costs no storage write. Teams' user id ("29:...", the MRI
that `refresh.userIds` needs) comes from the same activity. The service URL of each tenant is
kept too: a one-to-one chat with someone who never wrote to the bot is created there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.ports import KeyValueStore

PEOPLE = "teams_person"      # person id -> {"reference": {...}, "user_id": "29:..."}
SERVICES = "teams_service"   # tenant id -> {"service_url": "..."}
LAST = "*"                   # under SERVICES: the last tenant seen


@dataclass(frozen=True)
class Reach:
    raw: dict[str, Any]  # the reference as stored (botbuilder's serialized form)
    user_id: str


class References:
    def __init__(self, store: KeyValueStore) -> None:
        self.store = store
        # What was last stored per person, by the fields that make a reference differ:
        # checking it costs a tuple, building and serializing a reference costs ~0.2 ms.
        self._seen: dict[str, tuple[str | None, ...]] = {}

    def remember(self, person_id: str, activity: Activity) -> None:
        """Keep how to reach `person_id` from their activity in a personal chat."""
        conversation = activity.conversation
        if conversation is None or (conversation.conversation_type or "personal") != "personal":
            return  # a channel or group chat is not where their own cards go
        sender = activity.from_property
        key = (conversation.id, sender.id if sender else None, activity.service_url,
               activity.recipient.id if activity.recipient else None, activity.channel_id)
        if self._seen.get(person_id) == key:
            return
        self._seen[person_id] = key
        reference = TurnContext.get_conversation_reference(activity)
        reference.activity_id = None  # proactive posts are not replies to an old message
        record = {"reference": reference.serialize(),
                  "user_id": activity.from_property.id if activity.from_property else ""}
        if self.store.get_value(PEOPLE, person_id) != record:
            self.store.put_value(PEOPLE, person_id, record)
        tenant = tenant_of(activity)
        if tenant and activity.service_url:
            service = {"service_url": activity.service_url}
            if self.store.get_value(SERVICES, tenant) != service:
                self.store.put_value(SERVICES, tenant, service)
                self.store.put_value(SERVICES, LAST, {**service, "tenant": tenant})

    def keep_created(self, person_id: str, reference: ConversationReference) -> None:
        """A chat the bot created: reachable from now on, user id still unknown."""
        self._seen.pop(person_id, None)
        reference.activity_id = None
        self.store.put_value(PEOPLE, person_id, {"reference": reference.serialize(),
                                                 "user_id": ""})

    def forget(self, person_id: str) -> None:
        self._seen.pop(person_id, None)
        self.store.put_value(PEOPLE, person_id, {})

    def reach(self, person_id: str) -> Reach | None:
        record = self.store.get_value(PEOPLE, person_id)
        if not record or "reference" not in record:
            return None
        return Reach(dict(record["reference"]), str(record.get("user_id") or ""))

    def user_id(self, person_id: str) -> str:
        record = self.store.get_value(PEOPLE, person_id)
        return str(record.get("user_id") or "") if record else ""

    def service_url(self, tenant_id: str) -> str | None:
        record = self.store.get_value(SERVICES, tenant_id)
        return str(record["service_url"]) if record else None

    def any_service(self) -> tuple[str, str] | None:
        """The last (tenant, service URL) seen, for a deployment that configured no tenant."""
        record = self.store.get_value(SERVICES, LAST)
        return (str(record["tenant"]), str(record["service_url"])) if record else None


def tenant_of(activity: Activity) -> str:
    """The tenant id: botbuilder loses `conversation.tenantId`, channelData keeps it."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant") if isinstance(data.get("tenant"), dict) else {}
    found = tenant.get("id") if isinstance(tenant, dict) else None
    if isinstance(found, str):
        return found
    conversation = activity.conversation
    return str(getattr(conversation, "tenant_id", "") or "")
