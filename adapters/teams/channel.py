"""Delivers the core's notifications to Teams: proactive cards, updates of every copy.

Called by the outbox dispatcher, which retries with backoff. A person is reached through the
conversation reference of their last visit or, failing that, a one-to-one chat the bot creates
with their `teams_id` in the tenant. Every message sent is recorded in the delivery ledger by
(notification, target), so a retry never posts twice and a closed step can update every copy
(`update_activity`). The connector's failures become `DeliveryFailed` (`delivery_failure`):
429/412/5xx retry, 403 (the user blocked the bot) does not.

A crash between the connector accepting a card and the ledger's record of its activity id
would post it again after a restart. The intent to post is recorded first, with the time, so
such a case is known; but Teams gives a bot no way to find out whether the card went out (the
Bot Connector cannot list a conversation's activities, and there is no idempotency key; only
Microsoft Graph reads chats, with tenant-wide permissions the bot does not ask for). So an
intent without an activity id is "unknown": the card is posted again, logged, and marked in
the ledger. A repeated card stays correct: every copy refreshes to the request's current state
(Universal Actions) and a second click is refused as already decided.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from botbuilder.core import CloudAdapterBase, TurnContext
from botbuilder.schema import (
    ChannelAccount,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
    ErrorResponseException,
)
from msrest.exceptions import ClientRequestError

from adapters.teams.cloud_adapter import delivery_failure
from adapters.teams.connector import BotConnector, ChatGone
from adapters.teams.duties import TeamsDuties
from adapters.teams.outgoing import card_activity, card_message
from adapters.teams.references import References
from adapters.teams.views import Views
from bot.clocked import outdated
from bot.config import Person
from bot.domain import SocialMediaRequest
from bot.messages import requester_update
from bot.moderation.desk import DeskError, ModerationDesk
from bot.notifications import Notification
from bot.ports import DeliveryFailed, DeliveryLedger
from cards import adaptive
from cards.alert import alert_card

log = logging.getLogger(__name__)
CHANNEL = "teams"
TEAMS_CHANNEL_ID = "msteams"
DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/"
Json = dict[str, Any]
Render = Callable[[str], Json]  # viewer person id ("" for a channel copy) -> card


class TeamsChannel:
    name = CHANNEL

    def __init__(self, *, adapter: CloudAdapterBase, app_id: str, views: Views,
                 references: References, ledger: DeliveryLedger, tenant_id: str | None,
                 cct_channel: str | None, moderation_channel: str | None = None,
                 desk: ModerationDesk | None = None, service_url: str | None = None,
                 local_mode: bool = False, duties: TeamsDuties | None = None) -> None:
        self.adapter = adapter
        self.connector = BotConnector(adapter, app_id)  # sends and updates, without a turn
        self._creating: dict[str, asyncio.Lock] = {}  # per person, while their chat is made
        self.local_mode = local_mode
        self.app_id = app_id
        self.views = views
        self.workflow = views.workflow
        self.references = references
        self.ledger = ledger
        self.tenant_id = tenant_id or ""
        self.cct_channel = cct_channel
        self.moderation_channel = moderation_channel
        self.desk = desk
        self.service_url = service_url
        self.duties = duties

    async def deliver(self, notification: Notification) -> None:
        if self.duties is not None and self.duties.delivers(notification):
            await self._duty(self.duties, notification)
            return
        if notification.kind == "case_notice":  # a question, a broken link: one sentence
            if outdated(self.workflow.engine, notification):
                return
            await self._each(notification, self._people(notification.recipients),
                             lambda _: adaptive.notice_card("Social media procedure",
                                                            notification.summary))
            return
        if notification.case_type == "alert":
            await self._moderation(notification)
            return
        request = self.workflow.repository.get(notification.case_id)
        if request is None:
            raise DeliveryFailed(f"{notification.case_id} does not exist", retry_after=None)
        kinds = {"action_needed": self._action_needed, "step_closed": self._close_copies,
                 "requester_update": self._tell_requester, "escalation": self._tell_above}
        send = kinds.get(notification.kind)
        if send is None:
            raise DeliveryFailed(f"teams: nothing delivers '{notification.kind}' notifications",
                                 retry_after=None)
        await send(notification, request)

    # -- the four kinds -------------------------------------------------------------------------

    async def _action_needed(self, note: Notification, request: SocialMediaRequest) -> None:
        if request.step != note.step or request.is_final:
            return  # decided before its card went out: nothing to ask
        lead = "" if note.intent == "first_notice" else note.summary

        def render(viewer: str) -> Json:
            return self.views.card(request, viewer or None, lead=lead)

        if note.audience == "cct" and self.cct_channel:
            await self._each(note, [("channel:" + self.cct_channel, "")], render)
        else:
            await self._each(note, self._people(note.recipients), render)

    async def _close_copies(self, note: Notification, request: SocialMediaRequest) -> None:
        await self._update_copies(
            note, lambda viewer: self.views.card(request, viewer or None, step=note.step))

    async def _update_copies(self, note: Notification, card_for: Render, *,
                             each_message: bool = False) -> None:
        """Update every copy of the step's cards the ledger knows, each once: one per person
        (a request's card, drawn for its viewer) or, with `each_message`, every message (a
        task's notice and each reminder)."""
        failures: list[DeliveryFailed] = []
        for copy in self.ledger.copies(note.case_id, note.step, CHANNEL):
            target = str(copy["target"])
            if each_message:
                target += f"#{copy['activity_id']}"
            if self.ledger.sent(note.id, CHANNEL, target):
                continue
            viewer = str(copy.get("viewer") or "")
            try:
                await self._update(copy["reference"], str(copy["activity_id"]), card_for(viewer))
            except DeliveryFailed as failure:
                failures.append(failure)
                continue
            ref = {"activity_id": copy["activity_id"]}
            if not each_message:
                ref["viewer"] = viewer
            self.ledger.record(notification=note, channel=CHANNEL, target=target, ref=ref)
        _raise_first(failures)

    async def _tell_requester(self, note: Notification, request: SocialMediaRequest) -> None:
        sentence = self._requester_sentence(note, request)

        def render(viewer: str) -> Json:
            return self.views.card(request, viewer, lead=sentence)

        await self._each(note, self._people(note.recipients), render)

    async def _tell_above(self, note: Notification, request: SocialMediaRequest) -> None:
        if request.step != note.step or request.is_final:
            return
        await self._each(note, self._people(note.recipients),
                         lambda _: adaptive.notice_card("Waiting too long", note.summary))

    def _requester_sentence(self, note: Notification, request: SocialMediaRequest) -> str:
        entry = next((h for h in request.history if h.step == note.step - 1), None)
        return requester_update(request, entry, self.views.next_names(request),
                                self.workflow.settings.time_zone,
                                sop_hint="with the Submit SOP button below")

    # -- the account register's duties (password tasks, grants, departures) --------------------

    async def _duty(self, duties: TeamsDuties, note: Notification) -> None:
        """A card per person (or the CCT channel), rendered from the case now; a password
        task's closed step updates every copy of its notice (no button left on them)."""
        if note.kind == "step_closed":
            closed = duties.closed_card(note)
            if closed is not None:
                await self._update_copies(note, lambda _: closed, each_message=True)
            return
        def render(viewer: str) -> Json:
            return duties.card(note, viewer) or {}

        if note.audience == "cct" and self.cct_channel:
            targets = [("channel:" + self.cct_channel, "")]
        else:
            targets = self._people(note.recipients)
        await self._each(note, [t for t in targets if duties.card(note, t[1])], render)

    # -- moderation alerts ----------------------------------------------------------------------

    async def _moderation(self, note: Notification) -> None:
        if self.desk is None:
            raise DeliveryFailed("teams: moderation is not configured", retry_after=None)
        try:
            alert = self.desk.get(note.case_id)
        except DeskError as problem:
            raise DeliveryFailed(str(problem), retry_after=None) from None
        desk = self.desk

        def render(viewer: str) -> Json:
            ids = [self.references.user_id(p) for p in (*note.recipients, viewer) if p]
            return adaptive.alert_card(alert_card(alert, desk, viewer=viewer or None),
                                       refresh_user_ids=[i for i in ids if i])

        if note.kind == "alert_closed":
            await self._update_alert_copies(note, alert.id, render)
            return
        if alert.step != note.step or alert.is_final:
            return
        room = self.cct_channel if note.audience == "cct" else self.moderation_channel
        targets = [("channel:" + room, "")] if room else self._people(note.recipients)
        await self._each(note, targets, render)

    async def _update_alert_copies(self, note: Notification, alert_id: str,
                                   render: Render) -> None:
        failures: list[DeliveryFailed] = []
        # Every copy of every step: a late answer from the publishing side shows on them all.
        for copy in self.ledger.copies(alert_id, None, CHANNEL, kind="moderation_alert"):
            target = f"{copy['target']}#{copy['activity_id']}"
            if self.ledger.sent(note.id, CHANNEL, target):
                continue
            try:
                await self._update(copy["reference"], str(copy["activity_id"]),
                                   render(str(copy.get("viewer") or "")))
            except DeliveryFailed as failure:
                failures.append(failure)
                continue
            self.ledger.record(notification=note, channel=CHANNEL, target=target,
                               ref={"activity_id": copy["activity_id"]})
        _raise_first(failures)

    # -- sending ------------------------------------------------------------------------------

    def _people(self, person_ids: tuple[str, ...]) -> list[tuple[str, str]]:
        """(target, viewer) for everyone with a Teams account; others are on another channel.

        In local mode (the Playground, no tenant) the bot can only answer in a chat someone
        opened: people it cannot reach yet read their notices in the console instead."""
        directory = self.workflow.directory
        people = [p for p in map(directory.find, person_ids) if p is not None and p.teams_id]
        if self.local_mode and not self._tenant_known():
            people = [p for p in people if self.references.reach(p.id) is not None]
        return [(p.id, p.id) for p in people]

    def _tenant_known(self) -> bool:
        return bool(self.tenant_id or self.references.any_service())

    async def _each(self, note: Notification, targets: list[tuple[str, str]],
                    render: Render) -> None:
        """Send to every target not yet served; fail after trying them all."""
        failures: list[DeliveryFailed] = []
        for target, viewer in targets:
            if self.ledger.sent(note.id, CHANNEL, target):
                continue
            unknown = self.ledger.intended_at(note.id, CHANNEL, target) is not None
            if unknown:
                log.warning("Teams: notice %s may have been posted before a restart; Teams "
                            "cannot tell, so it is posted again", note.id)
            self.ledger.intend(notification=note, channel=CHANNEL, target=target,
                               at=time.time())
            try:
                reference, activity_id = await self._post(target, render(viewer))
            except DeliveryFailed as failure:
                failures.append(failure)
                continue
            ref = {"reference": reference, "activity_id": activity_id,
                   "viewer": viewer, **({"after_unknown_intent": True} if unknown else {})}
            self.ledger.record(notification=note, channel=CHANNEL, target=target, ref=ref)
        _raise_first(failures)

    async def _post(self, target: str, card: Json) -> tuple[Json, str]:
        """Post the card; returns the conversation reference (serialized, as stored) and
        the new activity's id."""
        if target.startswith("channel:"):
            return await self._send(
                self._channel_reference(target.split(":", 1)[1]).serialize(), card)
        person = self.workflow.directory.person(target)
        reach = self.references.reach(person.id)
        if reach is None:
            # Cards of several cases for one new person, delivered at once: the first
            # creates the chat, the others wait for it and post there.
            async with self._creating.setdefault(person.id, asyncio.Lock()):
                reach = self.references.reach(person.id)
                if reach is None:
                    return await self._create_and_send(person, card)
        try:
            return await self._send(reach.raw, card)
        except ChatGone as gone:  # deleted or never there: create a new chat next attempt
            self.references.forget(person.id)
            raise DeliveryFailed(str(gone), retry_after=0.0) from None

    async def _send(self, reference: Json, card: Json) -> tuple[Json, str]:
        return reference, await self.connector.send(reference, card_activity(card))

    async def _update(self, reference: Json, activity_id: str, card: Json) -> None:
        await self.connector.update(reference, activity_id, card_activity(card))

    async def close(self) -> None:
        await self.connector.close()

    async def _create_and_send(self, person: Person, card: Json) -> tuple[Json, str]:
        tenant, service_url = self._tenant_and_service()
        parameters = ConversationParameters(
            is_group=False, bot=ChannelAccount(id=f"28:{self.app_id}"),
            members=[ChannelAccount(id=person.teams_id)], tenant_id=tenant,
            channel_data={"tenant": {"id": tenant}})
        created: list[ConversationReference] = []
        sent: list[str] = []

        async def first(turn: TurnContext) -> None:
            reference = TurnContext.get_conversation_reference(turn.activity)
            created.append(reference)
            response = await turn.send_activity(card_message(card))
            sent.append(response.id if response else "")

        await self._run(self.adapter.create_conversation(
            self.app_id, first, parameters, TEAMS_CHANNEL_ID, service_url, None))
        if not created:
            raise DeliveryFailed("teams: no conversation was created", retry_after=0.0)
        self.references.keep_created(person.id, created[0])
        return created[0].serialize(), sent[0] if sent else ""

    def _tenant_and_service(self) -> tuple[str, str]:
        seen = self.references.any_service()
        tenant = self.tenant_id or (seen[0] if seen else "")
        service = self.service_url or self.references.service_url(tenant) or \
            (seen[1] if seen else DEFAULT_SERVICE_URL)
        if not tenant:
            raise DeliveryFailed("teams: no tenant known yet (set teams.tenant_id)",
                                 retry_after=None)
        return tenant, service

    def _channel_reference(self, channel_id: str) -> ConversationReference:
        tenant, service_url = self._tenant_and_service()
        return ConversationReference(
            channel_id=TEAMS_CHANNEL_ID, service_url=service_url,
            conversation=ConversationAccount(id=channel_id, is_group=True,
                                             conversation_type="channel", tenant_id=tenant),
            bot=ChannelAccount(id=f"28:{self.app_id}"))

    @staticmethod
    async def _run(call: Awaitable[Any]) -> None:
        """Await a proactive turn; the connector's failures become DeliveryFailed."""
        try:
            await call
        except ErrorResponseException as error:
            failure = delivery_failure(error)
            if error.response is not None and error.response.status_code == 404:
                raise ChatGone(str(failure), retry_after=None) from None
            raise failure from None
        except (ClientRequestError, PermissionError, OSError) as error:
            raise delivery_failure(error) from None


def _raise_first(failures: list[DeliveryFailed]) -> None:
    retryable = [f for f in failures if f.retry_after is not None]
    if retryable:
        raise DeliveryFailed(str(retryable[0]),
                             retry_after=max(f.retry_after or 0.0 for f in retryable))
    if failures:
        raise failures[0]



