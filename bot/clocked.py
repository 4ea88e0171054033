"""What the cases on the procedure's clocks share: the bot's own signed entries, their plain
notices, and what the reminder pass needs to know about a case that waits on someone.

Citizens' questions (`questions.py`) and broken links (`links.py`) are cases of the engine;
the bot opens and closes them itself (a City reply arrived, a link works again) with an entry
signed "socialbot", and people move them through the engine like any other case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from bot import messages
from bot.audit import Actor, HistoryEntry, sealed
from bot.cases import Case, CaseEngine, Move
from bot.errors import NotFound
from bot.messages import when
from bot.notifications import Intent, Notification

C = TypeVar("C", bound=Case)

BOT_ID = "socialbot"


def bot_entry(case: Case, action: str, at: datetime, comment: str = "") -> HistoryEntry:
    """The bot's own move on `case` (opened, closed when the world changed): signed by it."""
    return HistoryEntry(seq=len(case.history) + 1, step=case.step, stage=case.state,
                        action=action, actor_id=BOT_ID, actor_name="socialbot",
                        actor_title="the City's social media bot", platform="bot", at=at,
                        comment=comment)


def case_notice(case_type: str, case_id: str, step: int, recipients: Iterable[str],
                summary: str, *, intent: Intent, suffix: str, audience: str = "") -> Notification:
    """A plain message about a case without cards; its id makes every delivery once only."""
    return Notification(id=f"{case_id}:{step}:{suffix}", kind="case_notice", case_id=case_id,
                        step=step, recipients=tuple(dict.fromkeys(recipients)),
                        audience=audience, summary=summary, case_type=case_type, intent=intent)


def closed_with_notice(case: C, state: str, entry: HistoryEntry, *, case_type: str,
                       recipients: Iterable[str], summary: str,
                       suffix: str) -> tuple[C, Notification]:
    """`case` moved to `state` by `entry` (sealed), one step on, and the one outcome notice
    that says so to `recipients`: a person's move through the engine, or the bot's own."""
    moved = case.evolve(state=state, step=case.step + 1,
                        history=sealed(case.id, (*case.history, entry)))
    return moved, case_notice(case_type, case.id, moved.step, recipients, summary,
                              intent="outcome", suffix=suffix)


def closed_by(case: Case, time_zone: str, closed: Callable[[str, str], str]) -> str:
    """The answer to a stale button or a second move: `closed(who, when)` from the case's
    last entry once it is final, else that the button is out of date."""
    last = case.history[-1] if case.history else None
    if last is None or not case.is_final:
        return messages.out_of_date(case.id)
    return closed(last.actor_name, when(last.at, time_zone))


def move_named(engine: CaseEngine, case_type: str, actor: Actor, typed_id: str,
               move: Move) -> Any:
    """A person's move on the case whose id they typed (any case, spaces around it); an
    unknown id is answered with what they typed, cut short."""
    try:
        return engine.move(case_type, actor, typed_id.strip().upper(), move)
    except NotFound:
        raise NotFound(messages.no_such_case(case_type, typed_id[:20])) from None


def outdated(engine: CaseEngine, note: Notification) -> bool:
    """A reminder or escalation about a case that moved on (or closed) since it was queued:
    channels drop it rather than ask someone to act on what is done."""
    if note.intent not in ("reminder", "escalation"):
        return False
    kind = engine.types.get(note.case_type)
    case = kind.repository.get(note.case_id) if kind is not None else None
    return case is None or case.is_final or case.step != note.step


@dataclass(frozen=True)
class Waiting:
    """A case that waits on someone, as the reminder pass sees it."""

    case_type: str
    case_id: str
    step: int
    since: datetime          # when the wait began (stored state, never an in-memory timer)
    remind: tuple[str, ...]  # who is reminded past the service level
    escalate: tuple[str, ...]  # who is told once it is late by the second level
    what: str                # the case in a few words, for the reminder's sentence


class ClockedCases(Protocol):
    """A case type whose open cases the reminder pass watches (`Reminders(clocked=...)`)."""

    name: str

    def waiting(self) -> list[Waiting]: ...

    def step_now(self, case_id: str) -> int | None:
        """The case's step now; None when it is gone or final (then nothing is sent)."""
        ...
