"""The directory the bot keeps: people from `app.yaml`, then as its sources say.

A source (a CSV export from HR, `socialbot directory import`; Microsoft Entra ID through
Microsoft Graph, `socialbot directory sync` and daily) gives the people it lists, with the
fields it knows (`columns`); `DirectoryKeeper.difference` compares them with the directory now
(people added, changed, gone) and checks the directory they would make, and `apply` stores the
changed people and the history in one write, then takes them in. A person gone from the source
is never deleted: they stay, marked gone, and an offboarding case is proposed for the CCT to
confirm (when the offboarding service is there; otherwise the history says "gone, awaiting CCT
confirmation"). A changed supervisor or department changes who signs every stage not yet
decided (the workflow asks the directory each time), and the new signers are told.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from bot import messages
from bot.config import Person
from bot.directory_records import GONE_AWAITING, DirectoryEvent
from bot.notifications import Notification
from bot.ports import Clock, DirectoryRepository, RequestRepository
from bot.workflow import CASE_TYPE, Workflow

PERSON_FIELDS: tuple[str, ...] = tuple(Person.model_fields)
REQUIRED_FIELDS: tuple[str, ...] = tuple(
    name for name, info in Person.model_fields.items() if info.is_required())


class Offboarder(Protocol):
    """The offboarding service (bot/offboarding.py): opens a case the CCT confirms."""

    def propose(self, person_id: str, *, reason: str, source: str) -> Any: ...


class DirectoryProblem(Exception):
    """The source's people cannot be taken in; every problem is named (row, column, person)."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


@dataclass(frozen=True)
class PersonChange:
    before: Person
    after: Person
    fields: dict[str, tuple[str | None, str | None]]


@dataclass(frozen=True)
class DirectoryDiff:
    source: str
    added: tuple[Person, ...] = ()
    changed: tuple[PersonChange, ...] = ()
    gone: tuple[Person, ...] = ()
    returned: tuple[Person, ...] = ()  # marked gone before, listed again
    people: tuple[Person, ...] = field(default=(), repr=False)  # the directory it makes
    generation: int = 0  # the directory it was compared with (Directory.generation)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.gone or self.returned)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


class DirectoryKeeper:
    def __init__(self, *, workflow: Workflow, repository: DirectoryRepository,
                 requests: RequestRepository, clock: Clock, config_people: Iterable[Person],
                 offboarding: Offboarder | None = None) -> None:
        self.workflow = workflow
        self.directory = workflow.directory
        self.repository = repository
        self.requests = requests
        self.clock = clock
        self.config_people = list(config_people)
        self.offboarding = offboarding
        self._lock = threading.Lock()
        self.load()

    def load(self) -> None:
        """The directory as stored: app.yaml's people, overlaid by what sources said (nothing
        changes when no source ever ran)."""
        stored = self.repository.stored_people()
        people = {p.id: p for p in self.config_people}
        for person_id, fields in stored.items():
            people[person_id] = Person.model_validate(fields)
        if stored:
            self.directory.replace_people(people.values())
        self.directory.gone = self.repository.gone_people()

    # -- comparing ------------------------------------------------------------------------------

    def difference(self, incoming: Sequence[Mapping[str, Any]], *, columns: Iterable[str],
                   source: str, where: Mapping[str, str] | None = None,
                   not_gone: Iterable[str] = ()) -> DirectoryDiff:
        """Compare the source's people (each a mapping of the `columns` it gives) with the
        directory now. Raises DirectoryProblem naming each problem; `where` says where a
        person came from (e.g. "row 7") for those messages."""
        where = where or {}
        given = [c for c in columns if c in PERSON_FIELDS]
        current = {p.id: p for p in self.directory}
        problems: list[str] = []
        result: dict[str, Person] = {}
        added: list[Person] = []
        changed: list[PersonChange] = []
        returned: list[Person] = []
        for row in incoming:
            person_id = str(row["id"])
            if person_id in result:
                problems.append(f"{where.get(person_id, person_id)}, column id: duplicate "
                                f"person id {person_id!r}")
                continue
            before = current.get(person_id)
            merged = before.model_dump() if before is not None else {}
            merged.update({c: row.get(c) for c in given})
            try:
                after = Person.model_validate(merged)
            except ValidationError as error:
                for item in error.errors():
                    column = ".".join(str(p) for p in item["loc"]) or "?"
                    problems.append(f"{where.get(person_id, person_id)}, column {column}: "
                                    f"{item['msg']}")
                continue
            result[person_id] = after
            if before is None:
                added.append(after)
                continue
            fields = {c: (_text(getattr(before, c)), _text(getattr(after, c)))
                      for c in PERSON_FIELDS if getattr(before, c) != getattr(after, c)}
            if fields:
                changed.append(PersonChange(before, after, fields))
            if person_id in self.directory.gone:
                returned.append(after)
        keep = set(not_gone)
        gone = [p for pid, p in current.items()
                if pid not in result and pid not in self.directory.gone and pid not in keep]
        for pid, person in current.items():
            result.setdefault(pid, person)  # gone people stay (never deleted)
        problems += self._check(result, where)
        if problems:
            raise DirectoryProblem(problems)
        return DirectoryDiff(source, tuple(added), tuple(changed), tuple(gone), tuple(returned),
                             tuple(result.values()), self.directory.generation)

    def _check(self, people: Mapping[str, Person], where: Mapping[str, str]) -> list[str]:
        problems: list[str] = []
        departments = set(self.directory.department_ids())
        slack: dict[str, str] = {}
        teams: dict[str, str] = {}
        for pid, person in people.items():
            at = where.get(pid, f"person {pid!r}")
            if person.department not in departments:
                problems.append(f"{at}, column department: unknown department "
                                f"{person.department!r} (known: {', '.join(sorted(departments))})")
            for key in ("supervisor", "delegate"):
                ref = getattr(person, key)
                if ref is not None and ref not in people:
                    problems.append(f"{at}, column {key}: unknown person {ref!r}")
                elif ref == pid:
                    problems.append(f"{at}, column {key}: a person cannot be their own {key}")
            for key, owners in (("slack_id", slack), ("teams_id", teams)):
                value = getattr(person, key)
                if value is None:
                    continue
                value = value.lower() if key == "teams_id" else value
                if value in owners:
                    problems.append(f"{at}, column {key}: {getattr(person, key)!r} already "
                                    f"belongs to {where.get(owners[value], owners[value])}")
                owners[value] = pid
        return problems + self._cycles(people, where)

    @staticmethod
    def _cycles(people: Mapping[str, Person], where: Mapping[str, str]) -> list[str]:
        """Supervisor chains that loop, each named once (linear in the number of people)."""
        done: set[str] = set()
        problems: list[str] = []
        for start in people:
            path: list[str] = []
            on_path: set[str] = set()
            current: str | None = start
            while current is not None and current in people and current not in done:
                if current in on_path:
                    loop = path[path.index(current):]
                    problems.append(f"{where.get(current, f'person {current!r}')}, column "
                                    f"supervisor: the supervisor chain loops "
                                    f"({' -> '.join([*loop, current])})")
                    break
                path.append(current)
                on_path.add(current)
                current = people[current].supervisor
            done.update(path)
        return problems

    # -- applying -------------------------------------------------------------------------------

    def apply(self, diff: DirectoryDiff, *, actor_id: str = "") -> list[DirectoryEvent]:
        """Store the difference and the history in one write, take the people in, propose
        offboarding for people gone, and tell new signers of open requests."""
        if diff.empty:
            return []
        with self._lock:
            if diff.generation != self.directory.generation:
                raise DirectoryProblem([messages.directory_changed_meanwhile()])
            before = self._signers()
            now = self.clock.now()
            seq = self.repository.next_directory_seq()
            events: list[DirectoryEvent] = []

            def event(person_id: str, change: Any, fields: dict[str, tuple[str | None,
                      str | None]] | None = None, note: str = "") -> None:
                events.append(DirectoryEvent(seq + len(events), now, diff.source, actor_id,
                                             person_id, change, fields or {}, note))

            for person in diff.added:
                event(person.id, "added")
            for change in diff.changed:
                event(change.after.id, "changed", change.fields)
            for person in diff.returned:
                event(person.id, "changed", {"gone": ("yes", "no")}, "listed again")
            for person in diff.gone:
                event(person.id, "gone", note=GONE_AWAITING)
            stored = {p.id: p.model_dump(exclude_none=True)
                      for p in (*diff.added, *(c.after for c in diff.changed))}
            self.repository.save_directory(stored, [p.id for p in diff.gone],
                                           [p.id for p in diff.returned], events)
            self.directory.replace_people(diff.people)
            self.directory.gone = (self.directory.gone | {p.id for p in diff.gone}) - \
                {p.id for p in diff.returned}
            self._tell_new_signers(before, events[0].seq)
        if self.offboarding is not None:
            for person in diff.gone:
                self.offboarding.propose(person.id, reason=messages.gone_from_source(
                    diff.source), source=f"directory:{diff.source}")
        return events

    def _signers(self) -> dict[str, tuple[str, ...]]:
        return {r.id: tuple(self.workflow.current_approvers(r))
                for r in self.requests.open_cases()}

    def _tell_new_signers(self, before: Mapping[str, tuple[str, ...]], seq: int) -> None:
        for request in self.requests.open_cases():
            now = tuple(self.workflow.current_approvers(request))
            if request.id not in before or set(now) == set(before[request.id]):
                continue
            marker = f"{request.id}:{request.step}:directory:{seq}"
            if self.requests.marked(marker):
                continue
            self.requests.queue([Notification(
                id=marker, kind="action_needed", case_id=request.id, step=request.step,
                case_type=CASE_TYPE, recipients=now, intent="reminder",
                summary=messages.directory_changed_route(request.id))], marker=marker)

    def history(self, person_id: str | None = None) -> list[DirectoryEvent]:
        return self.repository.directory_history(person_id)
