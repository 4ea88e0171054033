"""The Teams bot: botbuilder's ActivityHandler, translating activities into core calls.

Messages in the personal chat are the console's commands (`request`, `status`, `inbox`,
`away`, `help`); installing the app gets the welcome card; `adaptiveCard/action` invokes are
answered at once with the card that replaces the clicked one (`CardActions`), and anything slower
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
from adapters.teams.actions import BadAction, command_word, command_words, read_card_action
from adapters.teams.card_actions import CardActions, new_nonce
from adapters.teams.duties import TeamsDuties
from adapters.teams.outgoing import card_message
from adapters.teams.references import References
from adapters.teams.views import Views
from bot.clock_commands import ClockCommands
from bot.config import Person
from bot.directory import Directory
from bot.errors import CaseError
from bot.questions import QuestionDesk, questions_table
from bot.time_away import TimeAway, away_command
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
                 duties: TeamsDuties | None = None,
                 questions: QuestionDesk | None = None,
                 clock_commands: ClockCommands | None = None,
                 time_away: TimeAway | None = None, wake: Callable[[], None] = lambda: None,
                 dashboard_link: Callable[[str], str] | None = None) -> None:
        self.dashboard_link = dashboard_link
        self.questions = questions  # citizens' questions (04.02 k), listed on request
        self.clock_commands = clock_commands  # clear, answered, close, current, changed
        self.time_away = time_away
        self.wake = wake
        self.directory = directory
        self.duties = duties  # the account register's words (adapters/teams/duties.py)
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
        duty = self.duties is not None and self.duties.handles(word)
        private = ("request", "status", "inbox", "questions", "away", "dashboard")
        if shared and (word in private or duty):
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
        elif word == "questions" and self.questions is not None:  # citizens' (04.02 k)
            found = self.questions.open_questions(person.id)
            await turn_context.send_activity(card_message(adaptive.notice_card(
                "Citizens' questions", questions_table(found))))
        elif self.clock_commands is not None and self.clock_commands.handles(word):
            answer = self.clock_commands.run(person.id, "teams",
                                             command_words(turn_context.activity.text))
            await turn_context.send_activity(card_message(adaptive.notice_card(
                "Social media procedure", answer)))
        elif word == "away" and self.time_away is not None:
            await turn_context.send_activity(self._away(person, turn_context.activity.text))
        elif duty and self.duties is not None:
            await turn_context.send_activity(card_message(self.duties.answer(
                person.id, command_words(turn_context.activity.text))))
        elif word in ("help", "hi", "hello", ""):
            await turn_context.send_activity(say.help_text())
        else:
            await turn_context.send_activity(say.unknown_command())

    def _away(self, person: Person, typed: str | None) -> Activity:
        """`away FROM to UNTIL @Someone` (an @mention or a name), `away`, `away off`: saved
        before the reply; the reply is plain text (it may repeat what was typed)."""
        assert self.time_away is not None
        words = command_words(typed)[1:]
        try:
            reply = away_command(self.time_away, person.id, words)
        except CaseError as problem:
            reply = str(problem)
        self.wake()
        answer = MessageFactory.text(reply)
        answer.text_format = "plain"
        return answer

    def _inbox(self, person: Person) -> Activity:
        waiting = self.views.workflow.inbox(person.id)
        tasks = self.duties.inbox_card(person.id) if self.duties is not None else None
        if not waiting and tasks is None:
            return MessageFactory.text(say.nothing_waits())
        cards = [self.views.card(r, person.id) for r in waiting[:MAX_INBOX_CARDS - 1]]
        return card_message(*cards, *([tasks] if tasks else []),
                            text=say.waiting(len(waiting)))

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
