"""The Teams bot: botbuilder's ActivityHandler, translating activities into core calls.

Messages in the personal chat are the console's commands (`request`, `status`, `inbox`,
`help`); installing the app gets the welcome card; `adaptiveCard/action` invokes are answered
at once with the card that replaces the clicked one (`CardActions`), and anything slower
(notifying the next approver, updating every copy) goes through the outbox afterwards.
Every activity from a person in the directory refreshes how to reach them later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from botbuilder.core import ActivityHandler, InvokeResponse, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from adapters.teams import messages as say
from adapters.teams.actions import BadAction, command_word, read_card_action
from adapters.teams.card_actions import CardActions, new_nonce
from adapters.teams.outgoing import card_message
from adapters.teams.references import References
from adapters.teams.views import Views
from bot.config import Person
from bot.directory import Directory
from cards import adaptive

log = logging.getLogger(__name__)
ADAPTIVE_CARD_ACTION = "adaptiveCard/action"
ERROR_TYPE = "application/vnd.microsoft.error"
INVOKE_RESPONSE_KEY = getattr(TurnContext, "_INVOKE_RESPONSE_KEY",
                              "BotFrameworkAdapter.InvokeResponse")
MAX_INBOX_CARDS = 10  # Teams shows at most ten attachments in one message
Json = dict[str, Any]


def card_response(card: Json) -> InvokeResponse:
    return InvokeResponse(status=200, body={"statusCode": 200, "type": adaptive.CONTENT_TYPE,
                                            "value": card})


def error_response(status: int, code: str, message: str) -> InvokeResponse:
    # Teams wants HTTP 200 with the error inside; it shows `message` under the card.
    return InvokeResponse(status=200, body={"statusCode": status, "type": ERROR_TYPE,
                                            "value": {"code": code, "message": message}})


class TeamsHandler(ActivityHandler):
    def __init__(self, *, directory: Directory, views: Views, references: References,
                 card_actions: CardActions, city: str,
                 dashboard_link: Callable[[str], str] | None = None) -> None:
        self.directory = directory
        self.dashboard_link = dashboard_link
        self.views = views
        self.references = references
        self.card_actions = card_actions
        self.city = city

    def person_of(self, activity: Activity) -> Person | None:
        sender = activity.from_property
        aad_object_id = getattr(sender, "aad_object_id", None) if sender else None
        if not isinstance(aad_object_id, str) or not aad_object_id:
            return None
        return self.directory.by_teams_id(aad_object_id)

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        person = self.person_of(activity)
        if person is not None:
            self.references.remember(person.id, activity)
        if activity.type != ActivityTypes.invoke:
            await super().on_turn(turn_context)
            return
        response = await self.on_invoke_activity(turn_context)
        if response is not None:
            # Where the adapter reads the invoke response from, set directly: going through
            # `send_activity` (as ActivityHandler does) deep-copies the whole card first.
            turn_context.turn_state[INVOKE_RESPONSE_KEY] = Activity(
                type=ActivityTypes.invoke_response, value=response)

    # -- chat -----------------------------------------------------------------------------------

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        person = self.person_of(turn_context.activity)
        if person is None:
            await turn_context.send_activity(say.not_in_directory(self.directory))
            return
        word = command_word(turn_context.activity.text)
        conversation = turn_context.activity.conversation
        shared = conversation is not None and conversation.conversation_type not in (
            None, "personal")
        if shared and word in ("request", "status", "inbox", "dashboard"):
            # The form and the cards hold personal information (04.06): never in a channel.
            await turn_context.send_activity(say.personal_chat_only())
            return
        if word == "request":
            await turn_context.send_activity(card_message(self.views.form(person, new_nonce())))
        elif word == "status":
            status = self.views.status(person)
            await turn_context.send_activity(
                card_message(status) if status else MessageFactory.text(say.no_requests()))
        elif word == "inbox":
            await turn_context.send_activity(self._inbox(person))
        elif word == "dashboard" and self.dashboard_link is not None:
            # In the personal chat only (above): the link is this person's alone.
            await turn_context.send_activity(MessageFactory.text(self.dashboard_link(person.id)))
        elif word in ("help", "hi", "hello", ""):
            await turn_context.send_activity(say.help_text())
        else:
            await turn_context.send_activity(say.unknown_command())

    def _inbox(self, person: Person) -> Activity:
        waiting = self.views.workflow.inbox(person.id)
        if not waiting:
            return MessageFactory.text(say.nothing_waits())
        cards = [self.views.card(r, person.id) for r in waiting[:MAX_INBOX_CARDS]]
        return card_message(*cards, text=say.waiting(len(waiting)))

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(card_message(self._welcome(turn_context.activity)))

    def _welcome(self, activity: Activity) -> Json:
        person = self.person_of(activity)
        greeting = (say.greeting(person.full_name, person.title) if person
                    else say.not_in_directory(self.directory))
        return adaptive.welcome_card(city=self.city, greeting=greeting, commands=say.COMMANDS)

    # -- card actions ---------------------------------------------------------------------------

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse | None:
        activity = turn_context.activity
        if activity.name != ADAPTIVE_CARD_ACTION:
            return None  # the adapter answers other invokes with an empty 200
        try:
            action = read_card_action(activity.value)
        except BadAction as problem:
            return error_response(400, "BadRequest", str(problem))
        person = self.person_of(activity)
        if person is None:
            return card_response(adaptive.notice_card("Not done",
                                                      say.not_in_directory(self.directory)))
        try:
            return card_response(self.card_actions.answer(person, action))
        except BadAction as problem:
            return error_response(400, "BadRequest", str(problem))
