"""The staff directory: who people are, who supervises them, who directs their department.

Built from `app.yaml`'s `directory` section, then kept current by the directory's sources
(`bot/directory_sync.py`: a CSV export from HR, Microsoft Entra ID), whose people it takes in
with `replace_people`. Adapters look people up by their Slack user id or their Teams
`aadObjectId`, and the workflow asks who may act at a stage. Who acts for a person comes from
their time away (`bot/time_away.py`), when they declared one, else the static `delegate`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import Protocol

from bot.config import DirectoryConfig, Person


class UnknownPerson(LookupError):
    def __init__(self, who: str) -> None:
        super().__init__(who)
        self.who = who


class AwayBook(Protocol):
    """Who stands in for a person who declared time away (None: they are not away now)."""

    def standing_in(self, person_id: str) -> str | None: ...

    def routing_key(self) -> Hashable:
        """Changes whenever `standing_in` may answer differently: time away declared or ended,
        or a new day (absences start and end on days)."""
        ...


class Directory:
    def __init__(self, config: DirectoryConfig) -> None:
        self.generation = 0  # bumps when people are replaced: what a pending diff was made on
        self._people: dict[str, Person] = {}
        self._by_slack: dict[str, Person] = {}
        self._by_teams: dict[str, Person] = {}
        self.replace_people(config.people)
        # People a source no longer lists: kept (never deleted) until the CCT confirms.
        self.gone: set[str] = set()
        self.away: AwayBook | None = None
        self._departments = {d.id: d for d in config.departments}
        self.cct_members: tuple[str, ...] = tuple(config.cct.members)
        self.cct_team_leader = config.cct.team_leader
        self.moderators: tuple[str, ...] = tuple(config.moderators)

    def replace_people(self, people: Iterable[Person]) -> None:
        """Take in the people a source (or the stored directory) says are current."""
        people = list(people)
        self.generation += 1
        self._people = {p.id: p for p in people}
        self._by_slack = {p.slack_id: p for p in people if p.slack_id}
        self._by_teams = {p.teams_id.lower(): p for p in people if p.teams_id}

    def routing_key(self) -> Hashable:
        """Changes whenever who acts on a stage may have changed (people replaced, someone
        gone, time away): indexes of who acts now (`Workflow.inbox`) start again on a change."""
        away = self.away.routing_key() if self.away is not None else None
        return (self.generation, frozenset(self.gone), away)

    def __iter__(self) -> Iterator[Person]:
        return iter(self._people.values())

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._people

    def person(self, person_id: str) -> Person:
        try:
            return self._people[person_id]
        except KeyError:
            raise UnknownPerson(person_id) from None

    def find(self, person_id: str) -> Person | None:
        return self._people.get(person_id)

    def by_slack_id(self, slack_id: str) -> Person | None:
        return self._by_slack.get(slack_id)

    def by_teams_id(self, aad_object_id: str) -> Person | None:
        return self._by_teams.get(aad_object_id.lower())

    def department_name(self, department_id: str) -> str:
        department = self._departments.get(department_id)
        return department.name if department else department_id

    def department_ids(self) -> list[str]:
        return list(self._departments)

    def director_of(self, department_id: str) -> str:
        return self._departments[department_id].director

    def cct_leader_first(self) -> list[str]:
        """The CCT Team Leader, then the other CCT members (who manages accounts, 04.08)."""
        return list(dict.fromkeys([self.cct_team_leader, *self.cct_members]))

    def is_cct(self, person_id: str) -> bool:
        return person_id in self.cct_members

    def is_moderator(self, person_id: str) -> bool:
        return person_id in self.moderators

    def acting_for(self, person_id: str) -> list[str]:
        """Who may act for the person now: while they are away (time away they declared), only
        the one they named; otherwise the person and their static `delegate`."""
        standing_in = self.away.standing_in(person_id) if self.away is not None else None
        if standing_in is not None and standing_in in self._people:
            return [standing_in]
        person = self.person(person_id)
        return [person_id] + ([person.delegate] if person.delegate else [])

    def delegate_of(self, person_id: str) -> str | None:
        """Who signs "for" the person: the one standing in while they are away, else the
        static `delegate` from the directory."""
        standing_in = self.away.standing_in(person_id) if self.away is not None else None
        if standing_in is not None:
            return standing_in
        person = self.find(person_id)
        return person.delegate if person is not None else None

    def is_away(self, person_id: str) -> bool:
        return self.away is not None and self.away.standing_in(person_id) is not None

    def line_above(self, person_id: str) -> list[str]:
        """Supervisors from the person's own up to the top of the organisation."""
        line: list[str] = []
        current = self.person(person_id).supervisor
        while current is not None and current not in line:
            line.append(current)
            current = self.person(current).supervisor
        return line

    def signature(self, person_id: str) -> str:
        person = self.person(person_id)
        return f"{person.full_name}, {person.title}"
