"""Answers an Action.Execute click (or a Universal Actions refresh) with the card to show.

Each answer is the card that replaces the clicked one for the person who clicked: the new
state after their decision, the form again with the server's messages by the fields, or the
card with the reason nothing happened. Authorization, freshness and exactly-once are the
core's; this module only translates the click into a core call and the result into a card.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, cast

from adapters.teams import actions as read
from adapters.teams import messages as say
from adapters.teams.actions import BadAction, CardAction
from adapters.teams.duties import TeamsDuties
from adapters.teams.views import Views
from bot.config import Person
from bot.errors import FieldErrors
from bot.messages import question_marked
from bot.moderation.desk import DeskError, ModerationDesk
from bot.ports import KeyValueStore
from bot.questions import QuestionDesk
from bot.workflow import (
    ACTIONS,
    Action,
    Actor,
    AlreadyDecided,
    Move,
    Refused,
    Workflow,
    WorkflowError,
)
from cards import adaptive
from cards.alert import alert_card
from cards.codec import BadActionPayload, ButtonPayload, decode

PLATFORM = "teams"
FILED = "teams_filed_form"   # person:nonce -> request id: a resubmitted form files once
MODERATION_VERBS = ("remove", "keep", "ban", "escalate")
Json = dict[str, Any]


class CardActions:
    def __init__(self, *, workflow: Workflow, views: Views, filed: KeyValueStore,
                 desk: ModerationDesk | None, wake: Callable[[], None],
                 questions: QuestionDesk | None = None,
                 duties: TeamsDuties | None = None) -> None:
        self.questions = questions  # a moderator's "Needs an answer" (04.02 k)
        self.duties = duties  # password tasks' "Mark done" (adapters/teams/duties.py)
        self.workflow = workflow
        self.views = views
        self.filed = filed
        self.desk = desk
        self.wake = wake

    def answer(self, person: Person, action: CardAction) -> Json:
        """The card for `person` after `action`; BadAction for a damaged or foreign action."""
        if action.verb == adaptive.FORM_VERB:
            return self.submit_form(person, action.data)
        if action.verb == adaptive.OPEN_FORM_VERB:
            return self.views.form(person, new_nonce())
        button = _button(action)
        if button.case_type == "alert":
            return self.moderate(person, button, action.data)
        if button.case_type == "task":  # a password task's "Mark done" (04.08 a)
            if self.duties is None or button.verb not in ("done", "view"):
                raise BadAction(say.bad_action())
            answer = self.duties.click(person.id, button, read.text(action.data, "source"))
            self.wake()
            return answer
        if action.verb in (adaptive.REFRESH_VERB, "view"):
            return self.view(person, button)
        if action.verb not in ACTIONS:
            raise BadAction("unknown action")
        return self.decide(person, button, _decision(cast(Action, action.verb), action.data))

    # -- the form -----------------------------------------------------------------------------

    def submit_form(self, person: Person, data: dict[str, Any]) -> Json:
        nonce = read.nonce(data)
        key = f"{person.id}:{nonce}"
        filed = self.filed.get_value(FILED, key)
        if filed is not None:  # a retried or repeated submit: it was filed once already
            return self._filed(str(filed["request"]))
        values = read.form_values(data)
        try:
            request = self.workflow.submit(Actor(person.id, PLATFORM), values)
        except FieldErrors as problem:
            return self.views.form(person, nonce, values=values, errors=problem.errors)
        except WorkflowError as problem:
            return adaptive.notice_card("Not filed", str(problem))
        self.filed.put_value(FILED, key, {"request": request.id})
        self.wake()
        return self._filed(request.id)

    def _filed(self, request_id: str) -> Json:
        request = self.workflow.get(request_id)
        return adaptive.filed_card(request.id, self.views.filed_sentence(request))

    # -- request cards ------------------------------------------------------------------------

    def view(self, person: Person, button: ButtonPayload) -> Json:
        try:
            request = self.workflow.get(button.case_id)
        except WorkflowError as problem:
            return adaptive.notice_card("Not found", str(problem))
        if not self.workflow.may_view(request, person.id):
            return adaptive.notice_card("Not shown", say.not_in_chain())
        step = button.step if button.step != request.step else None
        return self.views.card(request, person.id, step=step)

    def decide(self, person: Person, button: ButtonPayload, decision: Move) -> Json:
        try:
            request = self.workflow.decide(Actor(person.id, PLATFORM), button.case_id,
                                           decision, step=button.step)
        except AlreadyDecided as problem:
            return self._as_seen(person, button, str(problem), shown_step=button.step)
        except FieldErrors as problem:
            return self._as_seen(person, button, " ".join(problem.errors.values()))
        except (Refused, WorkflowError) as problem:
            return self._as_seen(person, button, str(problem))
        self.wake()
        return self.views.card(request, person.id, step=button.step)

    def _as_seen(self, person: Person, button: ButtonPayload, notice: str, *,
                 shown_step: int | None = None) -> Json:
        """The card back with why nothing happened (only its reason, to outsiders)."""
        try:
            request = self.workflow.get(button.case_id)
        except WorkflowError:
            return adaptive.notice_card("Not done", notice)
        if not self.workflow.may_view(request, person.id):
            return adaptive.notice_card("Not done", notice)
        step = shown_step if shown_step is not None and shown_step != request.step else None
        return self.views.card(request, person.id, step=step, notice=notice)

    # -- moderation alerts --------------------------------------------------------------------

    def moderate(self, person: Person, button: ButtonPayload, data: dict[str, Any]) -> Json:
        if self.desk is None:
            raise BadAction("moderation is not configured")
        notice = ""
        try:
            if button.verb == "needs_answer" and self.questions is not None:
                alert = self.desk.get(button.case_id)
                question = self.questions.mark(person.id, PLATFORM, alert)
                notice = question_marked(question.id, question.account_id)
                self.wake()
            elif button.verb in MODERATION_VERBS:
                alert = self.desk.decide(person.id, PLATFORM, button.case_id, button.verb,
                                         step=button.step, reason=read.text(data, "reason"))
                self.wake()
            else:
                alert = self.desk.get(button.case_id)
        except DeskError as problem:
            notice = str(problem)
            try:
                alert = self.desk.get(button.case_id)
            except DeskError:
                return adaptive.notice_card("Not done", notice)
        if not notice and not self.desk.may_view(alert, person.id):
            return adaptive.notice_card("Not shown", say.not_in_chain())
        return adaptive.alert_card(alert_card(alert, self.desk, viewer=person.id), notice=notice)


def new_nonce() -> str:
    return uuid.uuid4().hex


def _button(action: CardAction) -> ButtonPayload:
    try:
        button = decode(action.data.get(adaptive.BUTTON_KEY))
    except BadActionPayload:
        raise BadAction(say.bad_action()) from None
    refresh = action.verb == adaptive.REFRESH_VERB and button.verb == "view"
    if button.verb != action.verb and not refresh:
        raise BadAction(say.bad_action())
    return button


def _decision(verb: Action, data: dict[str, Any]) -> Move:
    comment_input = {"reject": "reason", "request_changes": "comments",
                     "reassign": "reassign_comment"}.get(verb, "")
    return Move(
        action=verb,
        comment=read.text(data, comment_input) if comment_input else "",
        sop_text=read.text(data, "sop_text") if verb == "submit_sop" else "",
        sop_link=read.text(data, "sop_link") if verb == "submit_sop" else "",
        reassign_to=read.text(data, "reassign_to") if verb == "reassign" else "",
    )
