"""Time away: a person says they are away from one date to another and who acts for them.

While away, `Directory.acting_for` names only the one standing in, so the approvals waiting
for the person (and any arriving meanwhile) go to them, and they sign "for" the person (the
same mechanism as the static `delegate`, which stays the default). The person is back on the
first business day after their last day away (`bot/business_days.py`: a Friday absence spans
the weekend, a holiday Monday too); then what is still open is theirs again. `hand_over`
tells each side when a case changes hands; it runs when time away is declared or ended and on
the reminders' loop, once per absence, phase and step (markers in the request repository).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import replace
from datetime import date, timedelta

from bot import messages
from bot.business_days import BusinessCalendar
from bot.chains import STAGES
from bot.directory import Directory
from bot.directory_records import Absence, DirectoryEvent
from bot.domain import SocialMediaRequest
from bot.errors import Refused
from bot.limits import MAX_AWAY_AHEAD_DAYS, MAX_AWAY_DAYS
from bot.notifications import Notification
from bot.ports import Clock, DirectoryRepository, RequestRepository
from bot.tasks import PasswordTasks
from bot.workflow import CASE_TYPE, Workflow

__all__ = ["TimeAway", "away_command", "parse_day", "person_named"]

# Words between the dates and the person in "away 2026-12-10 to 2026-12-14 for Sam Baker".
FILLER = frozenset({"to", "until", "till", "-", "for", "delegate", "by", "from"})


def parse_day(text: str, today: date) -> date:
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise Refused(messages.away_bad_date(text[:20])) from None


def split_away(words: list[str], today: date) -> tuple[date, date, str]:
    """`FROM [to] UNTIL [for] PERSON...` -> the two days and the words naming the person."""
    rest = [w for w in words if w.lower() not in FILLER]
    if len(rest) < 3:
        raise Refused(messages.AWAY_USAGE)
    return parse_day(rest[0], today), parse_day(rest[1], today), " ".join(rest[2:])


class TimeAway:
    """Keeps each person's declared time away and answers the directory's `standing_in`."""

    def __init__(self, *, workflow: Workflow, repository: DirectoryRepository,
                 requests: RequestRepository, clock: Clock, calendar: BusinessCalendar,
                 tasks: PasswordTasks | None = None) -> None:
        self.workflow = workflow
        self.tasks = tasks
        self.directory = workflow.directory
        self.repository = repository
        self.requests = requests
        self.clock = clock
        self.calendar = calendar
        self._absences = {a.person_id: a for a in repository.absences()}
        self._saves = 0
        self._lock = threading.Lock()
        self.directory.away = self

    # -- what the directory asks ----------------------------------------------------------------

    def today(self) -> date:
        return self.calendar.local_date(self.clock.now())

    def standing_in(self, person_id: str) -> str | None:
        absence = self._absences.get(person_id)
        return absence.delegate if absence is not None and absence.active_on(self.today()) \
            else None

    def routing_key(self) -> Hashable:
        return (self._saves, self.today())

    def current(self, person_id: str) -> Absence | None:
        """The person's time away now or still to come (None when there is none)."""
        absence = self._absences.get(person_id)
        if absence is None or absence.ended_at is not None or absence.back_on <= self.today():
            return None
        return absence

    def back_on(self, last_day: date) -> date:
        day = last_day + timedelta(days=1)
        while not self.calendar.is_business_day(day):
            day += timedelta(days=1)
        return day

    # -- what a person says -----------------------------------------------------------------------

    def declare(self, person_id: str, first: date, last: date, delegate: str) -> Absence:
        """Record `person_id`'s time away with `delegate` acting; Refused says why not."""
        today = self.today()
        if last < first:
            raise Refused(messages.away_dates_backwards())
        if first < today:
            raise Refused(messages.away_in_the_past())
        if (last - first).days + 1 > MAX_AWAY_DAYS:
            raise Refused(messages.away_too_long(MAX_AWAY_DAYS))
        if (first - today).days > MAX_AWAY_AHEAD_DAYS:  # also keeps the day back a real date
            raise Refused(messages.away_too_far_ahead(MAX_AWAY_AHEAD_DAYS))
        if delegate == person_id:
            raise Refused(messages.away_not_yourself())
        stand_in = self.directory.person(delegate)
        if delegate in self.directory.gone:
            raise Refused(messages.away_person_gone(stand_in.full_name))
        back = self.back_on(last)
        theirs = self.current(delegate)
        if theirs is not None and theirs.first_day < back and first < theirs.back_on:
            raise Refused(messages.away_delegate_away(stand_in.full_name))
        for request in self._waiting_on(person_id):
            stage = STAGES[request.state]
            if not self.workflow.cases.may_sign(request, stage, delegate):
                raise Refused(messages.away_delegate_may_not_sign(
                    stand_in.full_name, request.id, stage.title))
        absence = Absence(person_id, delegate, first, last, back, declared_by=person_id,
                          declared_at=self.clock.now())
        note = f"{delegate} acts from {first.isoformat()} to {last.isoformat()}, " \
               f"back {back.isoformat()}"
        self._save(absence, "away", note)
        self.hand_over()
        return absence

    def end(self, person_id: str) -> Absence | None:
        """The person is back early (or cancels time away still to come)."""
        absence = self.current(person_id)
        if absence is None:
            return None
        ended = replace(absence, ended_at=self.clock.now())
        self._save(ended, "back", "ended early")
        self.hand_over()
        return ended

    def _save(self, absence: Absence, change: str, note: str) -> None:
        with self._lock:
            event = DirectoryEvent(self.repository.next_directory_seq(), self.clock.now(),
                                   "chat", absence.person_id, absence.person_id,
                                   "away" if change == "away" else "back", note=note)
            self.repository.save_absence(absence, (event,))
            self._absences[absence.person_id] = absence
            self._saves += 1

    # -- handing over -----------------------------------------------------------------------------

    def _waiting_on(self, person_id: str) -> list[SocialMediaRequest]:
        return [r for r in self.requests.open_cases()
                if self.workflow.cases.principal(r) == person_id]

    def hand_over(self) -> int:
        """Tell the one standing in about what now waits for them, and the person back about
        what came back; each once per absence and step. Returns how many were queued."""
        today = self.today()
        queued = 0
        for absence in list(self._absences.values()):
            active = absence.active_on(today)
            if not active and absence.first_day > today and absence.ended_at is None:
                continue  # still to come
            phase = "start" if active else "back"
            for note in self._waiting_notes(absence.person_id):
                started = self._marker(absence, "start", note.case_id, note.step)
                if phase == "back" and not self.requests.marked(started):
                    continue  # never handed over, so nothing comes back
                marker = self._marker(absence, phase, note.case_id, note.step)
                if self.requests.marked(marker):
                    continue
                summary = messages.handed_over(note.case_id, absence.back_on.isoformat()) \
                    if phase == "start" else messages.handed_back(note.case_id)
                self.requests.queue([replace(note, id=marker, intent="reminder",
                                             summary=summary)], marker=marker)
                queued += 1
        return queued

    def _waiting_notes(self, person_id: str) -> list[Notification]:
        """A notice for each open request stage and password task waiting on the person,
        addressed to whoever acts on it now."""
        notes = [Notification(id="", kind="action_needed", case_id=r.id, step=r.step,
                              case_type=CASE_TYPE,
                              recipients=tuple(self.workflow.current_approvers(r)))
                 for r in self._waiting_on(person_id)]
        if self.tasks is not None:
            notes += [self.tasks.cases.action_needed(t) for t in self.tasks.open_tasks()
                      if t.assignee == person_id]
        return notes

    @staticmethod
    def _marker(absence: Absence, phase: str, request_id: str, step: int) -> str:
        declared = int(absence.declared_at.timestamp())
        return f"{request_id}:{step}:away:{absence.person_id}:{declared}:{phase}"


def person_named(directory: Directory, text: str) -> str:
    """The person `text` names (an id, or a full, first or last name only one person has)."""
    wanted = " ".join(text.split()).strip().lstrip("@")
    if wanted in directory:
        return wanted
    folded = wanted.casefold()
    found = [p.id for p in directory
             if folded in (p.full_name.casefold(), p.first_name.casefold(),
                           p.last_name.casefold())]
    if len(found) == 1:
        return found[0]
    names = [f"{directory.person(p).full_name} ({p})" for p in found]
    raise Refused(messages.no_such_person(wanted[:40], names))


def away_command(time_away: TimeAway, person_id: str, words: list[str],
                 resolve: Callable[[str], str] | None = None) -> str:
    """`away` (what is declared), `away off` (back now), or `away FROM [to] UNTIL [for] PERSON`:
    the reply, in every channel. Refused carries why not."""
    directory = time_away.directory
    zone_day = time_away.today()
    if not words:
        absence = time_away.current(person_id)
        if absence is None:
            return messages.away_none()
        return messages.away_status(directory.person(absence.delegate).full_name,
                                    absence.first_day.isoformat(), absence.last_day.isoformat(),
                                    absence.back_on.isoformat())
    if len(words) == 1 and words[0].lower() in ("off", "back", "end", "cancel"):
        time_away.end(person_id)
        return messages.away_ended()
    first, last, who = split_away(words, zone_day)
    delegate = (resolve or (lambda text: person_named(directory, text)))(who)
    absence = time_away.declare(person_id, first, last, delegate)
    return messages.away_declared(directory.person(delegate).full_name,
                                  absence.first_day.isoformat(), absence.last_day.isoformat(),
                                  absence.back_on.isoformat())
