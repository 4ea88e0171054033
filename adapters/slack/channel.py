"""Delivers the core's notifications to Slack: DMs and channel posts, updates of every copy.

Called by the outbox dispatcher, which retries with backoff. Every message sent is recorded in
the delivery ledger by (notification, target), so a retry or a redelivered notification never
posts twice, and a closed step can update every copy that was posted for it. A crash can
still come between Slack accepting a message and the ledger's record of it; so the intent to
post is recorded first, with the time, every message carries its notice's key in its
`metadata`, and an intent found without a record (after a restart) is first looked for in the
conversation's history around that time: found, it is recorded, not posted again. Slack's failures
become `DeliveryFailed`: rate limits carry Retry-After, 5xx and timeouts retry, and errors no
retry can fix (a revoked token, a channel that does not exist) are permanent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import messages as say
from adapters.slack.duties import SlackDuties
from adapters.slack.homes import HomeRefresher
from adapters.slack.namespaces import DM_NAMESPACE, HOME_NAMESPACE
from adapters.slack.screens import Screens
from adapters.slack.web_api import WebApi
from bot.chains import STAGES
from bot.clocked import outdated
from bot.domain import SocialMediaRequest
from bot.errors import CaseError
from bot.moderation.desk import ModerationDesk
from bot.notifications import Notification
from bot.ports import DeliveryFailed, DeliveryLedger, KeyValueStore
from bot.tasks import CASE_TYPE as TASK
from cards import slack as blocks
from cards.alert import alert_card

log = logging.getLogger(__name__)
CHANNEL = "slack"
# Errors that retrying cannot fix; anything else unknown is retried with backoff.
PERMANENT_ERRORS = frozenset({
    "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
    "missing_scope", "no_permission", "channel_not_found", "user_not_found", "is_archived",
    "not_in_channel", "message_not_found", "cant_update_message", "edit_window_closed",
    "invalid_blocks", "invalid_blocks_format", "invalid_arguments", "msg_too_long", "no_text",
    "restricted_action", "team_access_not_granted", "user_disabled", "cannot_dm_bot",
})
NOTICE_EVENT = "socialbot_notice"  # the metadata event type that carries a notice's key
HISTORY_MARGIN_SECONDS = 60.0  # clocks: ours wrote the intent, Slack's stamped the message
HISTORY_PAGE, HISTORY_PAGES = 200, 5
Target = tuple[str, str]  # (where to post: a Slack user or channel id, viewer person id or "")
Metadata = dict[str, Any]
Post = Callable[[str, str, Metadata], Awaitable[dict[str, Any]]]
Sender = Callable[[Notification, SocialMediaRequest], tuple[list[Target], Post]]


def as_delivery_failure(error: Exception) -> DeliveryFailed:
    """Slack's answer as the outbox understands it: when to retry, or never. A rate limit
    names its method (`scope`): Slack limits each method on its own tier."""
    if isinstance(error, SlackApiError):
        status = error.response.status_code
        code = str(error.response.get("error") or status)
        if status == 429:
            wait = _retry_after(error.response.headers)
            return DeliveryFailed(f"slack: {code}", retry_after=wait,
                                  scope=_method(error.response.api_url))
        if status < 500 and code in PERMANENT_ERRORS:
            return DeliveryFailed(f"slack: {code}", retry_after=None)
        return DeliveryFailed(f"slack: {code} (HTTP {status})", retry_after=0.0)
    return DeliveryFailed(f"slack unreachable: {type(error).__name__}", retry_after=0.0)


def _method(api_url: str) -> str:
    """The Web API method of a call's URL (".../api/chat.update" -> "chat.update")."""
    return api_url.rstrip("/").rsplit("/", 1)[-1]


class MethodPauses:
    """Slack's rate limits are per method (tiers; chat.postMessage per channel): a 429 from
    one method pauses that method for its Retry-After, the others go on."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.until: dict[str, float] = {}

    def pause(self, method: str, seconds: float) -> None:
        self.until[method] = max(self.until.get(method, 0.0), self.clock() + seconds)

    async def ready(self, method: str) -> None:
        while (wait := self.until.get(method, 0.0) - self.clock()) > 0:
            await asyncio.sleep(wait)


def _retry_after(headers: Any) -> float:
    for name, value in dict(headers or {}).items():
        if str(name).lower() == "retry-after":
            try:
                return max(0.0, float(value if isinstance(value, str) else value[0]))
            except (TypeError, ValueError, IndexError):
                break
    return 1.0


def raise_first(failures: list[DeliveryFailed]) -> None:
    """After trying every target: fail so the outbox retries the rest, as soon as the longest
    pause asked for allows (a pause of one Web API method when all named the same)."""
    retryable = [f for f in failures if f.retry_after is not None]
    if retryable:
        scopes = {f.scope for f in retryable}
        raise DeliveryFailed(str(retryable[0]), retry_after=max(
            f.retry_after or 0.0 for f in retryable),
            scope=scopes.pop() if len(scopes) == 1 else None)
    if failures:
        raise failures[0]


class SlackChannel:
    name = CHANNEL

    def __init__(self, *, client: AsyncWebClient, screens: Screens, ledger: DeliveryLedger,
                 kv: KeyValueStore, cct_channel: str | None, desk: ModerationDesk,
                 moderation_channel: str | None = None,
                 duties: SlackDuties | None = None,
                 durable: Callable[[], Awaitable[None]] | None = None) -> None:
        self.client = client
        self.web = WebApi(client)  # the calls made for every notice (adapters/slack/web_api.py)
        # Awaited before App Home is drawn: it shows nothing that is not on disk yet.
        self.durable = durable
        self.screens = screens
        self.workflow = screens.workflow
        self.ledger = ledger
        self.kv = kv
        self.cct_channel = cct_channel
        self.desk = desk
        self.moderation_channel = moderation_channel
        self.duties = duties
        self.pauses = MethodPauses()
        self._opening: dict[str, asyncio.Future[str]] = {}  # DMs being opened, by user
        self.homes = HomeRefresher(self._publish_home)  # one views.publish per burst
        self._kinds: dict[str, Sender] = {
            "action_needed": self._post_cards, "step_closed": self._close_copies,
            "requester_update": self._tell_requester, "escalation": self._tell_above,
        }

    async def deliver(self, notification: Notification) -> None:
        if self.duties is not None and self.duties.delivers(notification):
            await self._deliver_duty(self.duties, notification)
            return
        if notification.kind == "case_notice":  # a question, a broken link: one sentence
            if outdated(self.workflow.engine, notification):
                return
            await self._each(notification, self._slack_targets(notification.recipients),
                             self._plain(notification))
            return
        if notification.case_type == "alert":
            await self._deliver_alert(notification)
            return
        send = self._kinds.get(notification.kind)
        if send is None:
            raise DeliveryFailed(f"slack: nothing delivers '{notification.kind}' notifications",
                                 retry_after=None)
        request = self.workflow.repository.get(notification.case_id)
        if request is None:
            raise DeliveryFailed(f"{notification.case_id} does not exist", retry_after=None)
        targets, post = send(notification, request)
        await self._each(notification, targets, post)
        self._refresh_homes(self._home_people(notification, request))

    async def _each(self, notification: Notification, targets: Iterable[Target],
                    post: Post) -> None:
        """Send to every target not yet served; fail after trying them all."""
        failures: list[DeliveryFailed] = []
        updates = notification.kind == "step_closed"  # chat.update: doing it twice is harmless
        method = "chat.update" if updates else "chat.postMessage"
        for target, viewer in targets:
            if self.ledger.sent(notification.id, CHANNEL, target):
                continue
            await self.pauses.ready(method)
            try:
                if updates:
                    ref = await post(target, viewer, {})
                else:
                    ref = await self.post_once(notification, target, _to(post, target, viewer))
            except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
                failure = as_delivery_failure(error)
                if failure.scope and failure.retry_after:
                    self.pauses.pause(failure.scope, failure.retry_after)
                failures.append(failure)
                continue
            self.ledger.record(notification=notification, channel=CHANNEL, target=target,
                               ref={**ref, "viewer": viewer})
        raise_first(failures)

    # -- at most one copy after a crash ---------------------------------------------------------

    async def post_once(self, notification: Notification, target: str,
                        post: Callable[[Metadata], Awaitable[dict[str, Any]]]
                        ) -> dict[str, Any]:
        """Post (with the notice's key in the message metadata) unless an earlier run already
        did and crashed before recording it; returns where the message is. The caller records.
        """
        key = f"{notification.id}|{target}"
        intended = self.ledger.intended_at(notification.id, CHANNEL, target)
        if intended is not None:
            found = await self._posted(await self.conversation(target), key, intended)
            if found is not None:
                log.info("Slack: notice %s was posted before a restart; not posting it again",
                         notification.id)
                return found
        self.ledger.intend(notification=notification, channel=CHANNEL, target=target,
                           at=time.time())
        return await post({"event_type": NOTICE_EVENT, "event_payload": {"key": key}})

    async def _posted(self, conversation: str, key: str, since: float) -> dict[str, Any] | None:
        """The message carrying `key` posted in `conversation` from `since` on, if any."""
        cursor: str | None = None
        try:
            for _ in range(HISTORY_PAGES):
                page = await self.client.conversations_history(
                    channel=conversation, oldest=f"{since - HISTORY_MARGIN_SECONDS:.6f}",
                    inclusive=True, include_all_metadata=True, limit=HISTORY_PAGE,
                    cursor=cursor)
                for message in page.get("messages") or []:
                    if _notice_key(message) == key:
                        return {"channel": conversation, "ts": message["ts"]}
                cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
                if not page.get("has_more") or cursor is None:
                    return None
        except SlackApiError as error:
            if error.response.get("error") != "missing_scope":
                raise
            # An install from before the history scopes: post again rather than never.
            log.warning("Slack: cannot read history to avoid a repeated notice (missing "
                        "scope %s); posting it again", error.response.get("needed"))
        return None

    # -- the three kinds of notification ----------------------------------------------------------

    def _post_cards(self, note: Notification,
                    request: SocialMediaRequest) -> tuple[list[Target], Post]:
        # A reminder's summary says how long the step waited; a first notice needs no lead.
        lead = "" if note.intent == "first_notice" else note.summary

        async def post(target: str, viewer: str, metadata: Metadata) -> dict[str, Any]:
            card = self.screens.card(request, viewer or None)
            sent = await self.web.call("chat.postMessage",
                channel=await self.conversation(target), text=blocks.card_text(card),
                blocks=blocks.to_dicts(blocks.card_blocks(card, lead=lead)), metadata=metadata)
            return {"channel": sent["channel"], "ts": sent["ts"]}

        if request.step != note.step or request.is_final:
            return [], post  # the step was decided before its card went out: nothing to ask
        if note.audience == "cct" and self.cct_channel:
            return [(self.cct_channel, "")], post
        return self._slack_targets(note.recipients), post

    def _close_copies(self, note: Notification, request: SocialMediaRequest) -> tuple[list[Target],
                                                                                  Post]:
        copies = {c["target"]: c for c in self.ledger.copies(request.id, note.step, CHANNEL)}

        async def update(target: str, viewer: str, _: Metadata) -> dict[str, Any]:
            card = self.screens.card(request, viewer or None, step=note.step)
            copy = copies[target]
            await self.web.call("chat.update", channel=copy["channel"], ts=copy["ts"],
                                          text=blocks.card_text(card),
                                          blocks=blocks.to_dicts(blocks.card_blocks(card)))
            return {"channel": copy["channel"], "ts": copy["ts"]}

        return [(t, c.get("viewer", "")) for t, c in copies.items()], update

    def _tell_requester(self, note: Notification,
                        request: SocialMediaRequest) -> tuple[list[Target], Post]:
        async def post(target: str, viewer: str, metadata: Metadata) -> dict[str, Any]:
            entry = next((h for h in request.history if h.step == note.step - 1), None)
            sentence = say.requester_update(request, entry, self.screens.next_names(request),
                                            self.screens.zone)
            card = self.screens.card(request, viewer)
            sent = await self.web.call("chat.postMessage",
                channel=await self.conversation(target),
                text=blocks.mrkdwn(sentence, blocks.NOTIFICATION_TEXT),
                blocks=blocks.to_dicts(blocks.update_blocks(sentence, card)), metadata=metadata)
            return {"channel": sent["channel"], "ts": sent["ts"]}

        return self._slack_targets(note.recipients), post

    def _plain(self, note: Notification) -> Post:
        async def post(target: str, viewer: str, metadata: Metadata) -> dict[str, Any]:
            text = blocks.mrkdwn(note.summary, blocks.NOTIFICATION_TEXT)
            sent = await self.web.call("chat.postMessage", channel=await self.conversation(target),
                                                      text=text, metadata=metadata)
            return {"channel": sent["channel"], "ts": sent["ts"]}

        return post

    def _tell_above(self, note: Notification, request: SocialMediaRequest) -> tuple[list[Target],
                                                                                Post]:
        """An escalation: the approvers' supervisors get the one-line summary, not the form."""
        async def post(target: str, viewer: str, metadata: Metadata) -> dict[str, Any]:
            text = blocks.mrkdwn(note.summary, blocks.NOTIFICATION_TEXT)
            sent = await self.web.call("chat.postMessage", channel=await self.conversation(target),
                                                      text=text, metadata=metadata)
            return {"channel": sent["channel"], "ts": sent["ts"]}

        if request.step != note.step or request.is_final:
            return [], post
        return self._slack_targets(note.recipients), post

    async def conversation(self, target: str) -> str:
        """Where to post for a target: a person's DM with the bot (opened once, remembered),
        or the channel itself."""
        if not target.startswith(("U", "W")):
            return target
        known = self.kv.get_value(DM_NAMESPACE, target)
        if known is not None:
            return str(known["channel"])
        # Notices of several cases for one person, delivered at once, share one
        # conversations.open instead of each opening the same DM.
        opening = self._opening.get(target)
        if opening is None or opening.get_loop() is not asyncio.get_running_loop():
            opening = asyncio.ensure_future(self._open_dm(target))
            self._opening[target] = opening
            opening.add_done_callback(lambda done: self._opening.pop(target, None)
                                      if self._opening.get(target) is done else None)
        return await asyncio.shield(opening)

    async def _open_dm(self, target: str) -> str:
        opened = await self.client.conversations_open(users=target)
        channel = str(opened["channel"]["id"])
        self.kv.put_value(DM_NAMESPACE, target, {"channel": channel})
        return channel

    def _slack_targets(self, person_ids: Iterable[str]) -> list[Target]:
        directory = self.workflow.directory
        people = [directory.find(p) for p in person_ids]
        return [(p.slack_id, p.id) for p in people if p is not None and p.slack_id]

    # -- moderation alerts ------------------------------------------------------------------------

    async def _deliver_alert(self, note: Notification) -> None:
        try:
            alert = self.desk.get(note.case_id)
        except CaseError as problem:
            raise DeliveryFailed(str(problem), retry_after=None) from None

        async def post(target: str, viewer: str, metadata: Metadata) -> dict[str, Any]:
            card = alert_card(alert, self.desk, viewer=viewer or None)
            sent = await self.web.call("chat.postMessage",
                channel=await self.conversation(target), text=blocks.alert_text(card),
                blocks=blocks.to_dicts(blocks.alert_blocks(card)), metadata=metadata)
            return {"channel": sent["channel"], "ts": sent["ts"]}

        if note.kind == "alert_closed":
            await self._update_alert_copies(alert.id)
            return
        if alert.step != note.step or alert.is_final:
            return  # decided before its card went out
        room = self.cct_channel if note.audience == "cct" else self.moderation_channel
        targets = [(room, "")] if room else self._slack_targets(note.recipients)
        await self._each(note, targets, post)

    async def _update_alert_copies(self, alert_id: str) -> None:
        """Every copy of every step: a late answer from the publishing side shows on them all."""
        alert = self.desk.get(alert_id)
        failures: list[DeliveryFailed] = []
        for copy in self.ledger.copies(alert.id, None, CHANNEL, kind="moderation_alert"):
            card = alert_card(alert, self.desk, viewer=copy.get("viewer") or None)
            try:
                await self.web.call("chat.update", channel=copy["channel"], ts=copy["ts"],
                                              text=blocks.alert_text(card),
                                              blocks=blocks.to_dicts(blocks.alert_blocks(card)))
            except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
                failure = as_delivery_failure(error)
                if failure.scope and failure.retry_after:
                    self.pauses.pause(failure.scope, failure.retry_after)
                failures.append(failure)
        if failures:
            raise failures[0]

    # -- the account register's duties (password tasks, grants, departures) --------------------

    async def _deliver_duty(self, duties: SlackDuties, note: Notification) -> None:
        """A message per person (or the CCT channel), rendered from the case now; a password
        task's notice carries its "Mark done" button, and a task's closed step updates every
        copy of its notice and redraws the App Home of those it concerned."""
        if note.case_type == TASK and note.kind == "step_closed":
            await self._close_task_copies(duties, note)
            self._refresh_homes(note.recipients)
            return

        async def post(target: str, viewer: str, metadata: Metadata) -> dict[str, Any]:
            text = blocks.mrkdwn(duties.sentence(note, viewer), blocks.NOTIFICATION_TEXT)
            sent = await self.web.call("chat.postMessage",
                channel=await self.conversation(target), text=text,
                blocks=duties.notice_blocks(note, viewer), metadata=metadata)
            return {"channel": sent["channel"], "ts": sent["ts"]}

        if note.audience == "cct" and self.cct_channel:
            targets = [(self.cct_channel, "")]
        else:
            targets = self._slack_targets(note.recipients)
        await self._each(note, [t for t in targets if duties.sentence(note, t[1])], post)
        if note.case_type == TASK:
            self._refresh_homes(note.recipients)

    async def _close_task_copies(self, duties: SlackDuties, note: Notification) -> None:
        """Every copy of the step's notice (the first and each reminder): its outcome, no
        button. Each copy is recorded once updated, so a retry updates only the rest."""
        text, shown = duties.closed_blocks(note)
        if not text:
            return
        failures: list[DeliveryFailed] = []
        for copy in self.ledger.copies(note.case_id, note.step, CHANNEL):
            target = f"{copy['target']}#{copy['ts']}"
            if self.ledger.sent(note.id, CHANNEL, target):
                continue
            await self.pauses.ready("chat.update")
            try:
                await self.web.call("chat.update", channel=copy["channel"], ts=copy["ts"],
                                              text=text, blocks=shown)
            except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
                failure = as_delivery_failure(error)
                if failure.scope and failure.retry_after:
                    self.pauses.pause(failure.scope, failure.retry_after)
                failures.append(failure)
                continue
            self.ledger.record(notification=note, channel=CHANNEL, target=target,
                               ref={"channel": copy["channel"], "ts": copy["ts"]})
        raise_first(failures)

    # -- App Home -------------------------------------------------------------------------------

    def _home_people(self, note: Notification, request: SocialMediaRequest) -> set[str]:
        if note.kind != "step_closed":
            return set(note.recipients)
        entry = request.entry_for_step(note.step)
        if entry is None:
            return set()
        return {entry.actor_id, *self.workflow.approvers(request, STAGES[entry.stage])}

    def _refresh_homes(self, person_ids: Iterable[str]) -> None:
        """Republish App Home for those who opened it, once for a burst of notices (see
        adapters/slack/homes.py)."""
        for target, _ in self._slack_targets(sorted(person_ids)):
            if self.kv.get_value(HOME_NAMESPACE, target) is not None:
                self.homes.refresh(target)

    async def _publish_home(self, target: str) -> None:
        """Draw the home as it is now and publish it; a failure waits for their next visit
        or notice."""
        if self.durable is not None:
            await self.durable()
        person = self.workflow.directory.by_slack_id(target)
        try:
            await self.client.views_publish(user_id=target,
                                            view=self.screens.home(person, target))
        except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
            log.warning("App Home of %s not refreshed: %s", target, type(error).__name__)

    async def close(self) -> None:
        """Publish the homes still waiting for a refresh (before the HTTP session closes)."""
        await self.homes.flush()


def _to(post: Post, target: str, viewer: str) -> Callable[[Metadata], Awaitable[dict[str, Any]]]:
    return lambda metadata: post(target, viewer, metadata)


def _notice_key(message: Any) -> str | None:
    metadata = message.get("metadata") if isinstance(message, dict) else None
    if not isinstance(metadata, dict) or metadata.get("event_type") != NOTICE_EVENT:
        return None
    payload = metadata.get("event_payload")
    key = payload.get("key") if isinstance(payload, dict) else None
    return key if isinstance(key, str) else None
