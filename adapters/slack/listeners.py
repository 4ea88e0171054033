"""Bolt listeners: ack, translate, call the core, render, update. Nothing is decided here.

Authorization, freshness and exactly-once are the core's (`Workflow.decide` refuses and says
why); a listener only turns a Slack payload into a core call and the answer into Block Kit.
Bolt answers Slack when a listener returns (`process_before_response`). Durable before
acknowledged: every decision (a click that decides, a form or modal submitted) is committed
before the ack; what Slack need not wait for (answering the person, opening a modal with the
click's trigger_id, App Home) runs after it in `AfterAck`.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Any, cast

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import messages as say
from adapters.slack import payloads
from adapters.slack.after_ack import AfterAck
from adapters.slack.moderation import SlackModeration
from adapters.slack.namespaces import FILED_NAMESPACE, HOME_NAMESPACE
from adapters.slack.payloads import Click
from adapters.slack.screens import Screens
from adapters.slack.web_api import WebApi
from bot import messages
from bot.config import Person
from bot.domain import SocialMediaRequest
from bot.errors import CaseError, FieldErrors
from bot.form import FIELD_NAMES
from bot.messages import question_marked
from bot.questions import questions_table
from bot.services import Services
from bot.time_away import away_command, person_named
from bot.workflow import Action, Actor, Move, Refused, WorkflowError
from cards import slack as blocks
from cards.codec import VERBS, BadActionPayload, ButtonPayload

log = logging.getLogger(__name__)
PLATFORM = "slack"
USERS_INFO_SECONDS = 1.0  # a stranger's name is nice to have; Slack's 3 s ack is not optional
ALERT_VERBS_AT_ONCE = ("remove", "keep", "escalate", "needs_answer")  # Ban asks for a reason
MENTION = re.compile(r"<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>")  # a user, as Slack escapes it
BUTTONS = re.compile(rf"^({'|'.join(VERBS)})$")
Body = dict[str, Any]


class Listeners:
    def __init__(self, services: Services, screens: Screens, *,
                 moderation: SlackModeration | None = None,
                 after_ack: AfterAck | None = None,
                 dashboard_link: Callable[[str], str] | None = None) -> None:
        self.services = services
        self.dashboard_link = dashboard_link
        self.moderation = moderation
        self.after_ack = after_ack or AfterAck()
        self.workflow = services.workflow
        self.screens = screens
        self.duties = screens.duties  # the account register's words (adapters/slack/duties.py)
        self.client: AsyncWebClient | None = None
        self._modal_verbs: dict[str, Callable[[SocialMediaRequest, Click], Any]] = {
            "reject": lambda r, c: screens.comment_modal(c.button, r),
            "request_changes": lambda r, c: screens.comment_modal(c.button, r),
            "submit_sop": lambda r, c: screens.sop_modal(c.button, r),
            "reassign": lambda r, c: screens.reassign_modal(c.button, r, self._person_id(c)),
        }

    def register(self, app: AsyncApp, command: str) -> None:
        self.client = app.client
        # Bolt tries listeners in this order for every request: the most frequent first.
        app.action(BUTTONS)(self.on_button)
        app.command(command)(self.on_command)
        app.shortcut(blocks.FORM_CALLBACK)(self.on_shortcut)
        app.view(blocks.FORM_CALLBACK)(self.on_form)
        app.view(blocks.COMMENT_CALLBACK)(self.on_comment)
        app.view(blocks.SOP_CALLBACK)(self.on_sop)
        app.view(blocks.REASSIGN_CALLBACK)(self.on_reassign)
        app.event("app_home_opened")(self.on_home_opened)
        if self.dashboard_link is not None:
            app.action(blocks.DASHBOARD_ACTION)(self.on_dashboard_button)
        if self.moderation is not None:
            self.moderation.listen(app)

    # -- who ----------------------------------------------------------------------------------

    def person(self, slack_user: str) -> Person | None:
        return self.workflow.directory.by_slack_id(slack_user)

    def _person_id(self, click: Click) -> str:
        person = self.person(click.user_id)
        return person.id if person else ""

    async def stranger(self, slack_user: str) -> str:
        """Whom to ask, for a Slack user the directory does not know (named from Slack)."""
        name = ""
        if self.client is not None and slack_user:
            try:
                async with asyncio.timeout(USERS_INFO_SECONDS):  # never swallows a cancel
                    found = await self.client.users_info(user=slack_user)
                user = found.get("user") or {}
                name = str(user.get("real_name") or user.get("name") or "")
            except (SlackClientError, aiohttp.ClientError, TimeoutError):
                name = ""  # the answer matters more than the name
        return say.not_in_directory(slack_user, self.workflow.directory, name)

    # -- the slash command and the shortcut -------------------------------------------------------

    async def on_command(self, ack: AsyncAck, body: Body, client: AsyncWebClient) -> None:
        # A decision written by a click whose fsync is still under way is visible already:
        # an answer waits for that fsync, so it never shows what a power cut could undo.
        await self.services.durability.flushed()
        person = self.person(body["user_id"])
        word = body["text"].strip().lower()
        if person is None:
            await ack(text=blocks.mrkdwn(await self.stranger(body["user_id"])),
                      response_type="ephemeral")
        elif word in ("", "request"):
            await ack()
            self.after_ack.start(self._open(client, body["trigger_id"], self.screens.form(person),
                                            channel=body.get("channel_id"), user=body["user_id"]),
                                 "opening the form")
        elif word == "status":
            status = self.screens.status(person)
            await ack(text="Your requests", blocks=blocks.to_dicts(status),
                      response_type="ephemeral")
        elif word == "dashboard" and self.dashboard_link is not None:
            # Only the person who asked sees it: the link is theirs alone.
            await ack(text=blocks.mrkdwn(self.dashboard_link(person.id)),
                      response_type="ephemeral")
        elif word == "help":
            extra = f"\n{self.duties.help()}" if self.duties else ""
            await ack(text=say.help_text(self.screens.command) + extra,
                      response_type="ephemeral")
        elif word == "questions" and self.services.questions is not None:
            found = self.services.questions.open_questions(person.id)  # citizens' (04.02 k)
            await ack(text=blocks.mrkdwn(questions_table(found), blocks.NOTIFICATION_TEXT),
                      response_type="ephemeral")
        elif self.services.clock_commands is not None and word and \
                self.services.clock_commands.handles(word.split()[0]):
            # Committed before the ack: the answer is the ack's ephemeral text.
            answer = self.services.clock_commands.run(person.id, PLATFORM,
                                                      body["text"].split())
            self.services.wake()
            await ack(text=blocks.mrkdwn(answer), response_type="ephemeral")
        elif word.split()[0] == "away" and self.services.time_away is not None:
            # Committed before the ack (durable before acknowledged); the reply is the ack's.
            reply = self._away(person, body["text"].split()[1:])
            await ack(text=blocks.mrkdwn(reply), response_type="ephemeral")
            self.services.wake()
        elif self.duties is not None and self.duties.handles(word.split()[0]):
            # Run (and commit) before the ack: the answer is the ack's ephemeral text.
            answer = self.duties.run(person.id, _words(body["text"]))
            await ack(text=blocks.mrkdwn(answer), response_type="ephemeral")
        else:
            await ack(text=blocks.mrkdwn(say.unknown_command(body["text"].strip(),
                                                              self.screens.command)),
                      response_type="ephemeral")

    def _away(self, person: Person, words: list[str]) -> str:
        """`/socialmedia away FROM to UNTIL @someone` (a mention or a name), `away`, `away off`."""
        assert self.services.time_away is not None
        directory = self.workflow.directory

        def resolve(text: str) -> str:
            mention = MENTION.fullmatch(text.strip())
            if mention is not None:
                found = directory.by_slack_id(mention.group(1))
                if found is None:
                    raise Refused(say.mention_not_in_directory())
                return found.id
            return person_named(directory, text)

        try:
            return away_command(self.services.time_away, person.id, words, resolve)
        except CaseError as problem:
            return str(problem)

    async def on_dashboard_button(self, ack: AsyncAck, body: Body,
                                  client: AsyncWebClient) -> None:
        """App Home's button: the person's link in a modal only they see."""
        await ack()
        self.after_ack.start(self._dashboard_modal(body, client), "the dashboard link")

    async def _dashboard_modal(self, body: Body, client: AsyncWebClient) -> None:
        person = self.person(payloads.user_id(body))
        assert self.dashboard_link is not None
        text = (self.dashboard_link(person.id) if person
                else await self.stranger(payloads.user_id(body)))
        await self._open(client, body["trigger_id"], blocks.notice_modal(say.DASHBOARD_TITLE,
                                                                         text),
                         channel=None, user=payloads.user_id(body))

    async def on_shortcut(self, ack: AsyncAck, body: Body, client: AsyncWebClient) -> None:
        await ack()
        self.after_ack.start(self._shortcut(body, client), "the shortcut")

    async def _shortcut(self, body: Body, client: AsyncWebClient) -> None:
        person = self.person(payloads.user_id(body))
        view = self.screens.form(person) if person else blocks.notice_modal(
            "Social media access", await self.stranger(payloads.user_id(body)))
        await self._open(client, body["trigger_id"], view, channel=None,
                         user=payloads.user_id(body))

    # -- buttons --------------------------------------------------------------------------------

    async def on_button(self, ack: AsyncAck, body: Body, client: AsyncWebClient) -> None:
        # Durable before acknowledged: a decision the click makes by itself is committed
        # (fsync'ed) before Slack gets its 200, since Slack never resends a click it got a 200
        # for. Answering the person, and opening modals, run after the ack.
        # Group commit: the decision is written at once and fsync'ed together with the others
        # that arrive meanwhile; the ack waits for that shared fsync.
        click = _read_click(body)
        person = self.person(click.user_id) if click else None
        if click is not None and person is not None and self._decides_at_once(click):
            await self.services.keep_pace()  # while notices run late, deciding waits a moment
            with self.services.durability.deferred():
                problem = self._decide_now(click, person)
            await self.services.durability.flushed()
            await ack()
            if problem:
                self.after_ack.start(self._answer(client, click, problem), "a refusal")
            else:
                self.services.wake()
            return
        await ack()
        self.after_ack.start(self._click(body, client), "a button click")

    def _decides_at_once(self, click: Click) -> bool:
        verb = click.button.verb
        if click.button.case_type == "alert":
            return self.moderation is not None and verb in ALERT_VERBS_AT_ONCE
        return verb not in self._modal_verbs and verb != "view"

    def _decide_now(self, click: Click, person: Person) -> str | None:
        """Take the decision a click makes by itself; what to tell the person, or None."""
        button = click.button
        try:
            if button.case_type == "alert" and button.verb == "needs_answer":
                return self._needs_answer(person, button.case_id)
            if button.case_type == "alert":
                self.services.desk.decide(person.id, PLATFORM, button.case_id, button.verb,
                                          step=button.step)
            elif button.case_type == "task":  # a password task's "Mark done" (04.08 a)
                if button.verb != "done":
                    return say.not_our_button()
                self.services.tasks.done(Actor(person.id, PLATFORM), button.case_id,
                                         step=button.step)
            else:
                self.workflow.decide(Actor(person.id, PLATFORM), button.case_id,
                                     Move(_action(button.verb)), step=button.step)
        except CaseError as problem:
            return str(problem)
        return None

    def _needs_answer(self, person: Person, alert_id: str) -> str:
        """A moderator marks the alert's post as a question to the City (04.02 k)."""
        if self.services.questions is None:
            return say.not_our_button()
        question = self.services.questions.mark(person.id, PLATFORM,
                                                self.services.desk.get(alert_id))
        self.services.wake()
        return question_marked(question.id, question.account_id)

    async def _click(self, body: Body, client: AsyncWebClient) -> None:
        """After the ack: a click that opens a modal, shows a card, or cannot be read."""
        click = _read_click(body)
        if click is None:
            await self._answer(client, _raw_click(body), say.not_our_button())
            return
        person = self.person(click.user_id)
        if person is None:
            await self._answer(client, click, await self.stranger(click.user_id))
        elif click.button.case_type == "alert" and self.moderation is not None:
            answer = await self.moderation.ask_ban_reason(client, click, person)
            if answer:
                await self._answer(client, click, answer)
        elif click.button.verb in self._modal_verbs:
            await self._open_decision_modal(client, click, person)
        else:
            await self._show(client, click, person)

    async def _open_decision_modal(self, client: AsyncWebClient, click: Click,
                                   person: Person) -> None:
        try:
            request = self.workflow.get(click.button.case_id)
        except WorkflowError as problem:
            await self._answer(client, click, str(problem))
            return
        why_not = self.workflow.stale_reason(request, click.button.step) or \
            self.workflow.refusal_reason(request, person.id, click.button.verb)
        if why_not:
            await self._answer(client, click, why_not)
            return
        view = self._modal_verbs[click.button.verb](request, click)
        await self._open(client, click.trigger_id, view, channel=click.channel_id,
                         user=click.user_id)

    async def _show(self, client: AsyncWebClient, click: Click, person: Person) -> None:
        await self.services.durability.flushed()  # nothing shown that is not on disk
        try:
            request = self.workflow.get(click.button.case_id)
        except WorkflowError as problem:
            await self._answer(client, click, str(problem))
            return
        if not self.workflow.may_view(request, person.id):
            await self._answer(client, click, messages.not_yours_to_see(request.id))
            return
        card = self.screens.card(request, person.id)
        await self._answer(client, click, blocks.card_text(card), blocks.card_blocks(card))

    async def _open(self, client: AsyncWebClient, trigger_id: str, view: blocks.View, *,
                    channel: str | None, user: str) -> None:
        """Open a modal with a click's trigger (valid 3 s, once); say so if Slack refuses."""
        try:
            await client.views_open(trigger_id=trigger_id, view=view)
        except (SlackClientError, aiohttp.ClientError, TimeoutError) as problem:
            # Only Slack's error code: its response may echo what the form held.
            log.warning("views.open failed: %s", _error_code(problem))
            if channel:
                await client.chat_postEphemeral(channel=channel, user=user,
                                                text=say.try_again())

    async def _answer(self, client: AsyncWebClient, click: Click, text: str,
                      shown: list[blocks.Block] | None = None) -> None:
        """Ephemeral in the message's channel; in App Home or a modal, a small notice modal."""
        if click.channel_id:  # every status look-up's answer: the lean call (web_api.py)
            await WebApi(client).call(
                "chat.postEphemeral", channel=click.channel_id, user=click.user_id,
                text=blocks.mrkdwn(text), blocks=blocks.to_dicts(shown) if shown else None)
        elif click.trigger_id:
            await client.views_open(trigger_id=click.trigger_id,
                                    view=blocks.notice_modal("Social media access", text))

    # -- modal submissions ------------------------------------------------------------------------

    async def on_form(self, ack: AsyncAck, body: Body) -> None:
        slack_user, view = payloads.user_id(body), body["view"]
        person, view_id = self.person(slack_user), payloads.view_id(view)
        kv = self.services.kv
        if person is None:
            await ack(response_action="update",
                      view=blocks.notice_modal("Not filed", await self.stranger(slack_user)))
            return
        filed = kv.get_value(FILED_NAMESPACE, view_id) if view_id else None
        if filed is not None:  # Slack redelivered the submission: it was filed once already
            await ack(response_action="update", view=self._filed_notice(filed["request"]))
            return
        try:
            request = self.workflow.submit(Actor(person.id, PLATFORM),
                                           payloads.form_values(view))
        except FieldErrors as problem:
            await ack(response_action="errors", errors=_field_errors(problem, FIELD_NAMES))
            return
        except WorkflowError as problem:
            await ack(response_action="update", view=blocks.notice_modal("Not filed", str(problem)))
            return
        if view_id:
            kv.put_value(FILED_NAMESPACE, view_id, {"request": request.id})
        await ack(response_action="update", view=self._filed_notice(request.id))
        self.services.wake()

    def _filed_notice(self, request_id: str) -> Any:
        request = self.workflow.get(request_id)
        return blocks.notice_modal("Request filed",
                                   say.filed(request, self.screens.next_names(request)))

    async def on_comment(self, ack: AsyncAck, body: Body) -> None:
        view = body["view"]
        await self._submit_decision(
            ack, body, ("reject", "request_changes"),
            lambda verb: Move(_action(verb), comment=_text(view, blocks.COMMENT_BLOCK)),
            (blocks.COMMENT_BLOCK,))

    async def on_sop(self, ack: AsyncAck, body: Body) -> None:
        view = body["view"]
        await self._submit_decision(
            ack, body, ("submit_sop",),
            lambda verb: Move(_action(verb), sop_text=_text(view, blocks.SOP_TEXT_BLOCK),
                                  sop_link=_text(view, blocks.SOP_LINK_BLOCK)),
            (blocks.SOP_TEXT_BLOCK, blocks.SOP_LINK_BLOCK))

    async def on_reassign(self, ack: AsyncAck, body: Body) -> None:
        view = body["view"]
        chosen = payloads.selected_value(view, blocks.REASSIGN_BLOCK)
        await self._submit_decision(
            ack, body, ("reassign",),
            lambda verb: Move(_action(verb), comment=_text(view, blocks.COMMENT_BLOCK),
                                  reassign_to=chosen if isinstance(chosen, str) else ""),
            (blocks.REASSIGN_BLOCK, blocks.COMMENT_BLOCK))

    async def _submit_decision(self, ack: AsyncAck, body: Body, verbs: tuple[str, ...],
                               decision: Callable[[str], Move],
                               modal_blocks: tuple[str, ...]) -> None:
        slack_user = payloads.user_id(body)
        person = self.person(slack_user)
        try:
            button = payloads.view_button(body["view"])
        except BadActionPayload:
            button = None
        if person is None or button is None or button.verb not in verbs:
            why = await self.stranger(slack_user) if person is None else say.not_our_button()
            await ack(response_action="update", view=blocks.notice_modal("Not done", why))
            return
        problem: FieldErrors | WorkflowError | None = None
        try:
            with self.services.durability.deferred():
                self.workflow.decide(Actor(person.id, PLATFORM), button.case_id,
                                     decision(button.verb), step=button.step)
        except (FieldErrors, WorkflowError) as refused:
            problem = refused
        await self.services.durability.flushed()  # the decision, or a refusal on record
        if isinstance(problem, FieldErrors):
            await ack(response_action="errors", errors=_field_errors(problem, modal_blocks))
            return
        if isinstance(problem, Refused) and modal_blocks[0] == blocks.REASSIGN_BLOCK:
            # a person who may not take the stage
            await ack(response_action="errors", errors={modal_blocks[0]: str(problem)[:150]})
            return
        if problem is not None:
            await ack(response_action="update", view=blocks.notice_modal("Not done", str(problem)))
            return
        await ack()
        self.services.wake()

    # -- App Home -------------------------------------------------------------------------------

    async def on_home_opened(self, event: Body, client: AsyncWebClient) -> None:
        if event.get("tab") == "home" and isinstance(event.get("user"), str):
            # Bolt acks an event when its listener returns
            self.after_ack.start(self._publish_home(event["user"], client), "App Home")

    async def _publish_home(self, slack_user: str, client: AsyncWebClient) -> None:
        await self.services.durability.flushed()  # nothing shown that is not on disk
        person = self.person(slack_user)
        if self.services.kv.get_value(HOME_NAMESPACE, slack_user) is None:
            self.services.kv.put_value(HOME_NAMESPACE, slack_user, {"opened": True})
        await client.views_publish(user_id=slack_user, view=self.screens.home(person, slack_user))


def _action(verb: str) -> Action:
    """A verb already matched against the core's actions (the codec accepts only those)."""
    return cast(Action, verb)


def _text(view: Body, block_id: str) -> str:
    value = payloads.text_value(view, block_id)
    return value if isinstance(value, str) else ""


def _field_errors(problem: FieldErrors, modal_blocks: tuple[str, ...]) -> dict[str, str]:
    """The core's per-field messages on the modal's blocks (others on the first block)."""
    errors = {name: message[:150] for name, message in problem.errors.items()
              if name in modal_blocks}
    rest = [message for name, message in problem.errors.items() if name not in modal_blocks]
    if rest:
        errors[modal_blocks[0]] = " ".join(rest)[:150]
    return errors


def _read_click(body: Body) -> Click | None:
    try:
        return payloads.read_click(body)
    except BadActionPayload:
        return None


def _raw_click(body: Body) -> Click:
    """Where to answer a click whose button could not be read."""
    container = body.get("container")
    container = container if isinstance(container, dict) else {}
    channel = container.get("channel_id")
    trigger = body.get("trigger_id")
    return Click(user_id=payloads.user_id(body), button=ButtonPayload("view", "R-0", 0),
                 trigger_id=trigger if isinstance(trigger, str) else "",
                 channel_id=channel if isinstance(channel, str) else None, message_ts=None)



def _error_code(problem: Exception) -> str:
    response: Any = getattr(problem, "response", None)
    code = response.get("error") if response is not None and hasattr(response, "get") else None
    return str(code) if code else type(problem).__name__


def _words(text: str) -> list[str]:
    """The slash command's text as words; quotes group ("Pickering Rec" is one word)."""
    import shlex

    try:
        return shlex.split(text)
    except ValueError:
        return text.split()
