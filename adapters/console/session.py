"""A chat with the bot in the terminal: the same workflow, as text commands and questions."""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Callable, Generator
from functools import partial
from typing import Any

from adapters.console.accounts import HELP as ACCOUNTS_HELP
from adapters.console.accounts import AccountCommands, waiting_lines
from adapters.console.notices import unseen_notices
from bot import messages
from bot.clock_commands import USAGE as CLOCK_USAGE
from bot.clock_commands import ClockCommands
from bot.config import Person
from bot.directory import Directory
from bot.domain import RequestKind
from bot.duties import AccountDuties
from bot.errors import FieldErrors
from bot.form import FIELDS, SPEC, FieldSpec, choices, field_problem, prefill
from bot.moderation.desk import DeskError, ModerationDesk
from bot.ports import KeyValueStore
from bot.questions import QuestionDesk, questions_table
from bot.reminders import Reminders, describe
from bot.reviews import AccountReviews
from bot.time_away import TimeAway, away_command
from bot.workflow import Actor, Move, Refused, Workflow, WorkflowError
from cards.alert import alert_card
from cards.content import request_card
from cards.text import clean, render, render_alert

Dialog = Generator[str, str, str]

HELP = """\
I help City staff get access to the City's social media accounts (ADM 140-007):
  request              fill in the Appendix 2 access form
  request promotion    ask to promote a City initiative (CCT, then director)
  status               your requests and where they stand
  inbox                requests waiting for you to act
  show ID              one request in full
  approve ID           approve (supervisor, director), recommend (CCT) or approve an SOP
  reject ID REASON     reject (supervisor, director) or decline (CCT)
  changes ID COMMENTS  send an SOP back for revision
  sop ID               submit or revise your SOP
  reassign ID PERSON   hand your stage to another eligible person
  withdraw ID          withdraw your own request
  alerts               moderation alerts waiting (moderators and the CCT)
  remove / keep / escalate ALERT, ban ALERT REASON   decide a moderation alert
  dashboard            a personal one-time link to the web dashboard
  questions            citizens' questions waiting for the City's answer (04.02 k)
  question ALERT       the alert's post needs an answer: start its response clock
  clear Q REASON, answered Q HOW   not a question for the City / answered elsewhere
  close LINK REASON    close a broken-link case the weekly check opened (04.02 l)
  reviews, current V, changed V WHAT   your accounts' information reviews (04.02 n)
  away FROM to UNTIL PERSON   you are away (dates YYYY-MM-DD); PERSON acts and signs for you
  away / away off      your time away / you are back
  as PERSON            act as someone else from the directory (local use only)
  quit                 leave"""


class ConsoleSession:
    def __init__(self, workflow: Workflow, person_id: str, *, allow_switch: bool = True,
                 desk: ModerationDesk | None = None, confirm: bool = True,
                 notices: KeyValueStore | None = None,
                 reminders: Reminders | None = None,
                 dashboard_link: Callable[[str], str] | None = None,
                 questions: QuestionDesk | None = None,
                 clock_commands: ClockCommands | None = None,
                 reviews: AccountReviews | None = None,
                 time_away: TimeAway | None = None,
                 duties: AccountDuties | None = None) -> None:
        self.workflow = workflow
        self.time_away = time_away
        self.reminders = reminders
        self.confirm = confirm
        self.notices = notices
        self.desk = desk
        self.person_id = person_id
        self.allow_switch = allow_switch
        self._dialog: Dialog | None = None
        self._commands: dict[str, Callable[[list[str]], str]] = {
            "help": lambda _: HELP, "request": self._start_request, "status": self._status,
            "inbox": self._inbox, "show": self._show, "approve": self._approve,
            "reject": self._reject, "changes": self._changes, "sop": self._start_sop,
            "withdraw": self._withdraw, "as": self._switch, "reassign": self._reassign,
        }
        if time_away is not None:
            self._commands["away"] = self._away
        if dashboard_link is not None:
            self._commands["dashboard"] = lambda _: dashboard_link(self.person_id)
        self.duties = duties
        if duties is not None:  # the account register and its duties (04.08, 05)
            self._commands.update(AccountCommands(
                duties, lambda: self.person_id, workflow.settings.time_zone).commands())
            self._commands["help"] = lambda _: f"{HELP}\n{ACCOUNTS_HELP}"
        if desk is not None:
            self._commands.update({
                "alerts": self._alerts, "remove": self._moderate("remove"),
                "keep": self._moderate("keep"), "ban": self._moderate("ban"),
                "escalate": self._moderate("escalate"),
            })
        self._add_clock_commands(questions, reviews, clock_commands)

    # -- the procedure's clocks: citizens' questions and broken links (issue 12) ----------------

    def _add_clock_commands(self, questions: QuestionDesk | None,
                            reviews: AccountReviews | None,
                            commands: ClockCommands | None) -> None:
        self.questions, self.reviews = questions, reviews
        if reviews is not None:
            self._commands["reviews"] = self._reviews
        if questions is not None:
            self._commands.update({"questions": self._questions, "question": self._mark,
                                   "needs_answer": self._mark})  # the alert card's button
        if commands is not None:  # clear, answered, close, current, changed: as in chat
            for verb in CLOCK_USAGE:
                self._commands[verb] = partial(self._clock_command, commands, verb)

    def _clock_command(self, commands: ClockCommands, verb: str, args: list[str]) -> str:
        return clean(commands.run(self.person_id, "console", [verb, *args]))

    def _questions(self, args: list[str]) -> str:
        assert self.questions is not None
        return clean(questions_table(self.questions.open_questions(self.person_id)))

    def _mark(self, args: list[str]) -> str:
        assert self.questions is not None and self.desk is not None
        if not args:
            return "Usage: question ALERT_ID  (the alert's post needs the City's answer)"
        alert = self.desk.get(args[0])
        question = self.questions.mark(self.person_id, "console", alert)
        return f"{question.id}: the response clock runs on {question.account_id}."

    def _reviews(self, args: list[str]) -> str:
        assert self.reviews is not None
        found = self.reviews.open_for(self.person_id)
        if not found:
            return messages.no_open_reviews()
        return "\n".join(clean(messages.review_asked(r.id, r.account_label)) for r in found)

    @property
    def actor(self) -> Actor:
        return Actor(self.person_id, "console")

    @property
    def prompt(self) -> str:
        return "" if self._dialog else f"{self.person_id}> "

    def greeting(self) -> str:
        person = self.workflow.directory.find(self.person_id)
        if person is None:
            return messages.not_in_directory(self.person_id)
        hello = f"Hello {person.full_name} ({person.title}). Type 'help' to see what I can do."
        news = self.news()
        return f"{hello}\n{news}" if news else hello

    def news(self) -> str:
        """The person's notices not shown yet (what Slack and Teams users get as messages);
        nothing while a dialog waits for an answer."""
        if self.notices is None or self._dialog is not None:
            return ""
        unseen = unseen_notices(self.notices, self.person_id)
        return messages.console_notices(unseen) if unseen else ""

    def reply_with_news(self, line: str) -> str:
        reply = self.handle(line)
        news = self.news()
        return "\n".join(part for part in (reply, news) if part)

    def handle(self, line: str) -> str:
        if self._dialog is not None:
            return self._continue_dialog(line)
        try:
            words = shlex.split(line)
        except ValueError:
            words = line.split()
        if not words:
            return ""
        command = self._commands.get(words[0].lower())
        if command is None:
            return f"I don't know '{clean(words[0])[:30]}'. Type 'help'."
        if words[0].lower() not in ("as", "help") and self.person_id not in self.workflow.directory:
            return messages.not_in_directory(self.person_id)
        try:
            return command(words[1:])
        except FieldErrors as problem:
            return "\n".join(f"  {k}: {v}" for k, v in problem.errors.items())
        except (WorkflowError, DeskError) as problem:
            return str(problem)

    # -- moderation ---------------------------------------------------------------------------

    def _alerts(self, args: list[str]) -> str:
        assert self.desk is not None
        if not self.desk.is_moderator_or_cct(self.person_id):
            return messages.alerts_are_for_moderators()
        waiting = self.desk.repository.open_cases()
        if not waiting:
            return "No moderation alerts wait."
        return "\n\n".join(render_alert(alert_card(a, self.desk, viewer=self.person_id))
                           for a in waiting)

    def _moderate(self, action: str) -> Callable[[list[str]], str]:
        def run(args: list[str]) -> str:
            assert self.desk is not None
            if not args:
                return f"Usage: {action} ALERT_ID" + (" REASON" if action == "ban" else "")
            reason = " ".join(args[1:])

            def act() -> str:
                assert self.desk is not None
                alert = self.desk.decide(self.person_id, "console", args[0], action,
                                         reason=reason)
                return render_alert(alert_card(alert, self.desk, viewer=self.person_id))

            if action != "ban" or not reason.strip():
                return act()
            alert = self.desk.get(args[0])
            refused = self.desk.refusal_reason(alert, self.person_id, action)
            if refused:
                return refused
            return self._confirmed(messages.confirm_ban(alert.id, clean(reason)), act)
        return run

    def _confirmed(self, question: str, act: Callable[[], str]) -> str:
        """Ask before a move that cannot be undone (unless scripts turned confirmation off)."""
        if not self.confirm:
            return act()
        return self._start(self._confirm_dialog(question, act))

    def _confirm_dialog(self, question: str, act: Callable[[], str]) -> Dialog:
        answer = yield question
        while yes_or_no(answer) is None:
            answer = yield messages.ask_yes_or_no()
        if not yes_or_no(answer):
            return messages.not_done()
        try:
            return act()
        except FieldErrors as problem:
            return "\n".join(f"  {k}: {v}" for k, v in problem.errors.items())
        except (WorkflowError, DeskError) as problem:
            return str(problem)

    # -- dialogs ----------------------------------------------------------------------------

    def _start(self, dialog: Dialog) -> str:
        try:
            question = next(dialog)
        except StopIteration as finished:  # the dialog ended before its first question
            return str(finished.value)
        self._dialog = dialog
        return question

    def _continue_dialog(self, line: str) -> str:
        assert self._dialog is not None
        try:
            return self._dialog.send(line)
        except StopIteration as finished:
            self._dialog = None
            return str(finished.value)

    def _start_request(self, args: list[str]) -> str:
        kind: RequestKind = "promotion" if args[:1] == ["promotion"] else "access"
        return self._start(self._request_dialog(kind))

    def _request_dialog(self, kind: RequestKind) -> Dialog:
        directory = self.workflow.directory
        programs = self.workflow.settings.programs
        person = directory.person(self.person_id)
        answers: dict[str, Any] = prefill(person, directory)
        plan = self.workflow.who_will_approve(self.person_id, kind)
        if any(not p.names for p in self.workflow.planned_signers(self.person_id, kind)):
            return plan
        intro = ("Social Media Request for Access (Appendix 2) for " if kind == "access" else
                 "Request to promote a City initiative on social media (04.01 c) for ")
        intro += (f"{person.full_name}, {person.title} (name from the City's directory).\n"
                  f"{plan}\nPress Enter to keep [defaults]; 'cancel' stops.\n")
        pending: list[FieldSpec] = [f for f in FIELDS if not f.from_directory]
        while True:
            for spec in pending:
                options = choices(spec.name, directory, programs)
                question = intro + self._question(spec, answers)
                intro = ""
                while True:
                    answer = yield question
                    if answer.strip().lower() in ("cancel", "quit"):
                        return "Request cancelled; nothing was stored."
                    value = _parse(spec, answer, answers[spec.name], options)
                    problem = (None if value is _UNSURE else
                               field_problem(spec.name, value, directory, programs))
                    if value is _UNSURE:
                        problem = "Please answer yes or no."
                    if problem is None:
                        answers[spec.name] = value
                        break
                    question = f"{problem}\n{self._question(spec, answers)}"
            confirm = yield self._summary(answers) + "\nSubmit this request? (yes/no) "
            while yes_or_no(confirm) is None:
                confirm = yield "Please answer yes or no. Submit this request? (yes/no) "
            if not yes_or_no(confirm):
                return "Request cancelled; nothing was stored."
            try:
                request = self.workflow.submit(self.actor, answers, kind)
            except FieldErrors as problem:
                pending = [SPEC[name] for name in problem.errors if name in SPEC]
                intro = "Please fix:\n" + "\n".join(
                    f"  {SPEC[k].label if k in SPEC else k}: {v}"
                    for k, v in problem.errors.items()) + "\n"
                continue
            except WorkflowError as problem:
                return str(problem)
            return self._after_submit(request.id)

    def _after_submit(self, request_id: str) -> str:
        request = self.workflow.get(request_id)
        who = "; ".join(self.workflow.directory.signature(p)
                        for p in self.workflow.current_approvers(request))
        return f"Filed {request.id}. It now waits for {who}."

    def _summary(self, answers: dict[str, Any]) -> str:
        lines = ["Please check your request:"]
        for spec in FIELDS:
            if spec.kind == "consent":
                continue
            value = answers.get(spec.name)
            options = dict(choices(spec.name, self.workflow.directory,
                                   self.workflow.settings.programs))
            shown = (", ".join(map(str, value)) if isinstance(value, list)
                     else options.get(str(value), str(value or "")))
            lines.append(f"  {spec.label}: {clean(shown) or '-'}")
        return "\n".join(lines)

    def _question(self, spec: FieldSpec, answers: dict[str, Any]) -> str:
        directory = self.workflow.directory
        options = choices(spec.name, directory, self.workflow.settings.programs)
        current = answers.get(spec.name)
        if spec.kind == "consent":
            notice = textwrap.fill(self.workflow.settings.privacy_notice, width=90)
            return f"{notice}\nDo you accept? (yes/no) "
        if spec.kind in ("choice", "multi_choice"):
            listed = "  ".join(f"{i}) {label}" for i, (_, label) in enumerate(options, 1))
            shown = ", ".join(current) if isinstance(current, list) else dict(options).get(
                current or "", "")
            many = " (numbers or names, comma-separated)" if spec.kind == "multi_choice" else ""
            return f"{spec.label}{many}: {listed}\n[{shown}] "
        default = f" [{clean(str(current))}]" if current else ""
        return f"{spec.label}{default}: "

    def _start_sop(self, args: list[str]) -> str:
        request = self.workflow.get(_one(args, "sop ID"))
        return self._start(self._sop_dialog(request.id, request.step))

    def _sop_dialog(self, request_id: str, step: int) -> Dialog:
        lines: list[str] = []
        line = yield ("Type your Standard Operating Procedure. End with a line holding only "
                      "a dot (.).\n")
        while line.strip() != ".":
            lines.append(line)
            line = yield ""
        link = yield "Link to the full SOP (optional, Enter to skip): "
        decision = Move("submit_sop", sop_text="\n".join(lines), sop_link=link.strip())
        try:
            request = self.workflow.decide(self.actor, request_id, decision, step=step)
        except FieldErrors as problem:
            return "\n".join(f"  {k}: {v}" for k, v in problem.errors.items())
        except WorkflowError as problem:
            return str(problem)
        return f"SOP revision {request.sop.revision if request.sop else 1} submitted for " \
               f"{request.id}; it now waits for the CCT's review."

    # -- commands ---------------------------------------------------------------------------

    def _status(self, args: list[str]) -> str:
        mine = self.workflow.requests_of(self.person_id)
        if not mine:
            return "You have no requests. Type 'request' to file one."
        return "\n".join(f"{r.id}  {', '.join(r.programs)}: {messages.state_label(r)}"
                         for r in mine)

    def _inbox(self, args: list[str]) -> str:
        waiting = self.workflow.inbox(self.person_id)
        duties = self._duties_waiting()
        if not waiting and not duties:
            return "Nothing waits for you."
        return "\n\n".join([*(render(request_card(r, self.workflow, viewer=self.person_id))
                              for r in waiting), *duties])

    def _duties_waiting(self) -> list[str]:
        """The person's own tasks beside their approvals (adapters/console/accounts.py)."""
        if self.duties is None:
            return []
        lines = waiting_lines(self.duties, self.person_id, "type 'done {id}'")
        return ["Your tasks:\n" + "\n".join(f"  {line}" for line in lines)] if lines else []

    def _show(self, args: list[str]) -> str:
        request = self.workflow.get(_one(args, "show ID"))
        if not self.workflow.may_view(request, self.person_id):
            return messages.not_yours_to_see(request.id)
        card = render(request_card(request, self.workflow, viewer=self.person_id))
        return card if self.reminders is None else \
            f"{card}\n{describe(self.reminders.stage_times(request))}"

    def _decide(self, request_id: str, decision: Move) -> str:
        request = self.workflow.decide(self.actor, request_id, decision)
        waiting = "; ".join(map(self.workflow.directory.signature,
                                self.workflow.current_approvers(request)))
        return messages.decided(request, request.history[-1], waiting)

    def _decide_after_asking(self, request_id: str, decision: Move, detail: str = "") -> str:
        """Reject, withdraw and reassign say what will happen and wait for a yes."""
        request = self.workflow.get(request_id)
        refused = self.workflow.refusal_reason(request, self.person_id, decision.action)
        if refused:
            return refused
        question = messages.confirm_decision(request, decision.action, detail)
        return self._confirmed(question, lambda: self._decide(request.id, decision))

    def _approve(self, args: list[str]) -> str:
        return self._decide(_one(args, "approve ID"), Move("approve"))

    def _reject(self, args: list[str]) -> str:
        request_id, reason = _id_and_text(args, "reject ID REASON")
        return self._decide_after_asking(request_id, Move("reject", comment=reason),
                                         clean(reason))

    def _changes(self, args: list[str]) -> str:
        request_id, comments = _id_and_text(args, "changes ID COMMENTS")
        return self._decide(request_id, Move("request_changes", comment=comments))

    def _withdraw(self, args: list[str]) -> str:
        return self._decide_after_asking(_one(args, "withdraw ID"), Move("withdraw"))

    def _reassign(self, args: list[str]) -> str:
        if len(args) < 2:
            return "Usage: reassign ID PERSON"
        request = self.workflow.get(args[0])
        candidates = self.workflow.reassign_candidates(request, self.person_id)
        to = find_person(self.workflow.directory, args[1], prefer=candidates)
        if to.startswith("!"):
            return to[1:]
        move = Move("reassign", reassign_to=to, comment=" ".join(args[2:]))
        if to not in candidates:
            return self._decide(request.id, move)  # the core says why not, and whom it may be
        return self._decide_after_asking(request.id, move, self.workflow.directory.signature(to))

    def _away(self, args: list[str]) -> str:
        assert self.time_away is not None

        def resolve(text: str) -> str:
            who = find_person(self.workflow.directory, text)
            if who.startswith("!"):
                raise Refused(who[1:])
            return who

        return away_command(self.time_away, self.person_id, args, resolve)

    def _switch(self, args: list[str]) -> str:
        if not self.allow_switch:
            return "Switching people is for local use only."
        who = find_person(self.workflow.directory, _one(args, "as PERSON"))
        if who.startswith("!"):
            return who[1:]
        self.person_id = who
        return self.greeting()


def find_person(directory: Directory, text: str, *, prefer: list[str] | None = None) -> str:
    """The person id `text` names: an id, or a full, first or last name that only one person
    has (among `prefer` first, when given). A refusal comes back as '!' and the reason."""
    if text in directory:
        return text
    wanted = " ".join(text.split()).casefold()

    def matching(people: list[Person]) -> list[Person]:
        return [p for p in people
                if wanted in (p.full_name.casefold(), p.first_name.casefold(),
                              p.last_name.casefold())]

    everyone = list(directory)
    found = matching([directory.person(p) for p in prefer or []]) or matching(everyone)
    if len(found) == 1:
        return found[0].id
    return "!" + messages.no_such_person(clean(text)[:40],
                                         [f"{p.full_name} ({p.id})" for p in found])


def _one(args: list[str], usage: str) -> str:
    if len(args) != 1:
        raise WorkflowError(f"Usage: {usage}")
    return args[0]


def _id_and_text(args: list[str], usage: str) -> tuple[str, str]:
    if len(args) < 2:
        raise WorkflowError(f"Usage: {usage}")
    return args[0], " ".join(args[1:])


_UNSURE = object()  # an answer to a yes/no question that is neither


def yes_or_no(answer: str) -> bool | None:
    """yes/y/no/n (any case); None for anything else, so the question is asked again."""
    word = answer.strip().lower()
    if word in ("y", "yes", "i accept", "accept"):
        return True
    if word in ("n", "no"):
        return False
    return None


def _parse(spec: FieldSpec, answer: str, current: Any, options: list[tuple[str, str]]) -> Any:
    text = answer.strip()
    if spec.kind == "consent":
        accepted = yes_or_no(text)
        return _UNSURE if accepted is None else accepted
    if not text:
        return current
    if spec.kind == "choice":
        return _pick(text, options)
    if spec.kind == "multi_choice":
        return [_pick(part.strip(), options) for part in text.split(",") if part.strip()]
    return answer.strip()


def _pick(text: str, options: list[tuple[str, str]]) -> str:
    if text.isdigit() and 1 <= int(text) <= len(options):
        return options[int(text) - 1][0]
    for value, label in options:
        if text.casefold() in (value.casefold(), label.casefold()):
            return value
    return text
