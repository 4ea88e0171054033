"""The case engine: one way for everything that waits on a person to move, exactly once.

A *case* is anything with a state, a step, a version and a signed, append-only history: an
access or promotion request, a moderation alert, and (to come) a password-change task, a
citizen's question, a broken link, an account review. A *case type* declares its transitions
as data (`Transition` rows, checked when the engine is built), who may take each one, and what
a move changes and tells whom. The engine does the rest once, for every type: the stale-button
and "already decided" answers, authorization and the audit of refusals, the signed entry, the
comment rules, and the save under a version check together with the move's notifications.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, Self, TypeVar

from bot import messages
from bot.audit import Actor, HistoryEntry, Refusal, sealed
from bot.directory import Directory
from bot.errors import AlreadyDecided, FieldErrors, NotFound, Refused
from bot.limits import MAX_COMMENT
from bot.metrics import NO_METRICS, MetricsRecorder
from bot.notifications import Notification
from bot.ports import Clock, ConcurrentUpdate

# Targets a row may name besides the type's states: the type's next state (a request's next
# stage), or the same state one step later (a reassignment).
RELATIVE_TARGETS = frozenset({"next", "stay"})

@dataclass(frozen=True)
class Move:
    """What a person asks to do to a case: the action and what they typed with it."""

    action: str
    comment: str = ""
    sop_text: str = ""
    sop_link: str = ""
    reassign_to: str = ""


@dataclass(frozen=True)
class Transition:
    """One row of a case type's table: in `source`, `action` leads to `target`.

    `by` names who may take it (the type resolves the name to people); `needs` names the text
    the person must give ("" for none), and the engine refuses the move without it.
    """

    source: str
    action: str
    target: str
    by: str
    needs: str = ""


class Case(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def step(self) -> int: ...
    @property
    def version(self) -> int: ...
    @property
    def history(self) -> tuple[HistoryEntry, ...]: ...
    @property
    def is_final(self) -> bool: ...

    def evolve(self, **changes: Any) -> Self: ...


C = TypeVar("C", bound=Case)


class CaseRepository(Protocol[C]):
    """Storage of one case type: the version check and the append-only history are its
    contract (see tests/contract)."""

    def next_id(self) -> str: ...

    def get(self, case_id: str, /) -> C | None: ...

    def save(self, case: C, /, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> C:
        """Store `case` (version bumped) and queue its notifications in ONE durable write.

        Raises ConcurrentUpdate when the stored version is not `expected_version`, and
        HistoryRewritten when the save would change or drop a stored history entry.
        """
        ...

    def open_cases(self) -> list[C]: ...


class ListedCases(CaseRepository[C], Protocol[C]):
    """A repository that also lists every case, final ones too (questions, reviews, links):
    for the checks that look at closed cases as well (one question per post, the last review
    of an account)."""

    def all(self) -> list[C]:
        """Every case, by id."""
        ...


class RefusalLog(Protocol):
    def record_refusal(self, refusal: Refusal) -> None: ...

    def refusals(self, case_id: str) -> list[Refusal]: ...


class CaseType(Protocol[C]):
    """What a kind of case declares; the engine does everything else."""

    name: str
    transitions: tuple[Transition, ...]
    states: frozenset[str]
    final_states: frozenset[str]

    @property
    def repository(self) -> CaseRepository[C]: ...

    def table_state(self, case: C) -> str:
        """The state the table is keyed by (a request's stage kind, an alert's state)."""
        ...

    def people(self, case: C, by: str) -> list[str]:
        """The people a transition's `by` names for this case, now."""
        ...

    def refused_for(self, case: C, person_id: str, transition: Transition) -> str:
        """Why `person_id`, who is not among `people(case, transition.by)`, may not act."""
        ...

    def not_possible(self, case: C, action: str) -> str:
        """Why `action` is not possible in the case's state (no row in the table)."""
        ...

    def apply(self, case: C, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[C, list[Notification]]:
        """The moved case and what it tells whom; may raise FieldErrors or Refused."""
        ...

    def already_message(self, case: C, step: int) -> str: ...

    def signing_for(self, case: C, person_id: str) -> str:
        """Whom `person_id` signs for as a delegate now ("" when they sign as themself)."""
        ...

    def visible_to(self, case: C, person_id: str) -> bool: ...

    def acting_now(self, case: C) -> list[str]:
        """Who must act next (empty when the case is final)."""
        ...

    def final_message(self, case: C) -> str: ...


class InvalidCaseTable(Exception):
    """A case type's transitions do not make a machine (raised when the engine is built)."""


class CaseEngine:
    """Moves cases of every registered type; one instance per process."""

    metrics: MetricsRecorder = NO_METRICS  # the composition root plugs in a real recorder

    def __init__(self, *, directory: Directory, clock: Clock, refusals: RefusalLog,
                 types: Iterable[CaseType[Any]] = ()) -> None:
        self.directory = directory
        self.clock = clock
        self.refusals = refusals
        self.types: dict[str, CaseType[Any]] = {}
        self._tables: dict[str, dict[tuple[str, str], Transition]] = {}
        for case_type in types:
            self.register(case_type)

    def register(self, case_type: CaseType[Any]) -> None:
        self._tables[case_type.name] = validated_table(case_type)
        self.types[case_type.name] = case_type

    # -- the one way to move a case ------------------------------------------------------------

    def move(self, type_name: str, actor: Actor, case_id: str, decision: Move, *,
             step: int | None = None) -> Any:
        """Apply one decision exactly once. `step` is the step the person saw (from a button)."""
        kind = self.case_type(type_name)
        case = self.get(type_name, case_id)
        self._check_fresh(kind, case, step)
        transition = self._authorize(kind, case, actor, decision.action)
        comment = checked_comment(transition, decision.comment)
        entry = self.sign(case, actor, decision.action, comment=comment,
                          for_id=kind.signing_for(case, actor.person_id))
        moved, notes = kind.apply(case, transition, entry, decision)
        moved = moved.evolve(history=sealed(moved.id, moved.history))
        try:
            saved = kind.repository.save(moved, expected_version=case.version,
                                         notifications=notes)
        except ConcurrentUpdate:
            winner = self.get(type_name, case.id)
            raise AlreadyDecided(kind.already_message(winner, case.step), winner) from None
        self.metrics.decision(type_name, decision.action)
        return saved

    def sign(self, case: Case, actor: Actor, action: str, *, comment: str = "",
             stage: str | None = None, for_id: str = "") -> HistoryEntry:
        """The signed entry for `actor` taking `action` on `case` now (hashed when sealed)."""
        person = self.directory.person(actor.person_id)
        for_name = self.directory.person(for_id).full_name if for_id else ""
        return HistoryEntry(
            seq=len(case.history) + 1, step=case.step,
            stage=case.state if stage is None else stage, action=action,
            actor_id=person.id, actor_name=person.full_name, actor_title=person.title,
            platform=actor.platform, at=self.clock.now(), comment=comment,
            for_id=for_id, for_name=for_name,
        )

    # -- the shared questions ------------------------------------------------------------------

    def case_type(self, type_name: str) -> CaseType[Any]:
        found = self.types.get(type_name)
        if found is None:
            raise NotFound(messages.no_such_case_type(type_name))
        return found

    def get(self, type_name: str, case_id: str) -> Any:
        case = self.case_type(type_name).repository.get(case_id)
        if case is None:
            raise NotFound(messages.no_such_case(type_name, case_id))
        return case

    def refusal_reason(self, type_name: str, case: Case, person_id: str,
                       action: str) -> str | None:
        """Why `person_id` may not take `action` on `case` now, or None if they may."""
        kind = self.case_type(type_name)
        found = self._why_not(kind, case, person_id, action)
        return found if isinstance(found, str) else None

    def permitted(self, type_name: str, case: Case, person_id: str,
                  actions: Iterable[str]) -> set[str]:
        """Those of `actions` `person_id` may take on `case` now: the ones `refusal_reason`
        answers None for, asking who may act once for them all (a card's buttons) instead of
        once per action, and building no refusal sentence nobody reads."""
        kind = self.case_type(type_name)
        people: dict[str, list[str]] = {}

        def people_for(role: str) -> list[str]:
            if role not in people:
                people[role] = kind.people(case, role)
            return people[role]

        return {action for action in actions
                if isinstance(self._decide(kind, case, person_id, action, people_for),
                              Transition)}

    def may_view(self, type_name: str, case: Case, person_id: str) -> bool:
        return person_id in self.directory and \
            self.case_type(type_name).visible_to(case, person_id)

    def viewers(self, type_name: str, case: Case) -> frozenset[str] | None:
        """Everyone `may_view` lets see `case`, when its type can list them (`readers`): a
        report asks once per case instead of once per case and person. None otherwise."""
        readers = getattr(self.case_type(type_name), "readers", None)
        if readers is None:
            return None
        return frozenset(p for p in readers(case) if p in self.directory)

    def stale_reason(self, type_name: str, case: Case, step: int) -> str | None:
        """Why a button drawn for `step` is out of date, or None if it is current."""
        if step == case.step and not case.is_final:
            return None
        kind = self.case_type(type_name)
        if step == case.step:
            return kind.final_message(case)
        return kind.already_message(case, step)

    def acting_now(self, type_name: str, case: Case) -> list[str]:
        return [] if case.is_final else self.case_type(type_name).acting_now(case)

    def names(self, person_ids: Iterable[str]) -> str:
        return ", ".join(self.directory.person(p).full_name for p in person_ids) or "nobody"

    # -- steps of a move -----------------------------------------------------------------------

    def _check_fresh(self, kind: CaseType[Any], case: Case, step: int | None) -> None:
        if step is not None and step != case.step:
            raise AlreadyDecided(kind.already_message(case, step), case)
        if case.is_final:
            raise AlreadyDecided(kind.already_message(case, case.step), case)

    def _authorize(self, kind: CaseType[Any], case: Case, actor: Actor,
                   action: str) -> Transition:
        found = self._why_not(kind, case, actor.person_id, action)
        if isinstance(found, Transition):
            return found
        self.refusals.record_refusal(Refusal(
            case_id=case.id, person_id=actor.person_id, platform=actor.platform,
            action=action[:40], reason=found, at=self.clock.now()))
        raise Refused(found)

    def _why_not(self, kind: CaseType[Any], case: Case, person_id: str,
                 action: str) -> str | Transition:
        found = self._decide(kind, case, person_id, action,
                             lambda role: kind.people(case, role))
        return found if isinstance(found, Transition) else found()

    def _decide(self, kind: CaseType[Any], case: Case, person_id: str, action: str,
                people_for: Callable[[str], list[str]]) -> Transition | Callable[[], str]:
        """The transition `person_id` may take, or how to say why not (the sentence is built
        only when someone reads it)."""
        if person_id not in self.directory:
            return lambda: messages.not_in_directory(person_id)
        if case.is_final:
            return lambda: kind.final_message(case)
        transition = self._tables[kind.name].get((kind.table_state(case), action))
        if transition is None:
            return lambda: kind.not_possible(case, action)
        if person_id in people_for(transition.by):
            return transition
        return lambda: kind.refused_for(case, person_id, transition)


def validated_table(case_type: CaseType[Any]) -> dict[tuple[str, str], Transition]:
    """The type's table keyed by (state, action); refuses duplicates and unknown states."""
    table: dict[tuple[str, str], Transition] = {}
    for row in case_type.transitions:
        key = (row.source, row.action)
        if key in table:
            raise InvalidCaseTable(f"{case_type.name}: two rows for {key}")
        if row.source not in case_type.states:
            raise InvalidCaseTable(f"{case_type.name}: unknown source state {row.source!r}")
        if row.target not in case_type.states | RELATIVE_TARGETS:
            raise InvalidCaseTable(f"{case_type.name}: unknown target {row.target!r}")
        if row.source in case_type.final_states:
            raise InvalidCaseTable(f"{case_type.name}: a move out of final {row.source!r}")
        table[key] = row
    return table


def checked_comment(transition: Transition, raw: str) -> str:
    comment = raw.strip()
    if transition.needs and not comment:
        raise FieldErrors({transition.needs: messages.comment_required(transition.action)})
    if len(comment) > MAX_COMMENT:
        raise FieldErrors({"comment": messages.too_long(MAX_COMMENT)})
    return comment
