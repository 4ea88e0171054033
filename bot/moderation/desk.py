"""The moderation desk: posts come in, flagged ones become alerts, moderators decide once.

Intake is idempotent by (platform, post id). A flagged post becomes an alert, a case of the
engine: `ALERT_TRANSITIONS` is its table (Remove, Keep, Ban and Escalate, moderators and CCT
members only, the CCT alone once escalated), and the engine takes each move exactly once per
alert step, signed and audited. A removal is carried out through the outbox: a signed webhook
to the publishing side, retried until it answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, Protocol

from bot import messages
from bot.audit import Actor, HistoryEntry, sealed
from bot.cases import CaseEngine, Move, Transition
from bot.directory import Directory
from bot.errors import AlreadyDecided, CaseError, FieldErrors, NotFound, Refused
from bot.limits import MAX_BAN_REASON
from bot.messages import when
from bot.moderation.model import Finding, Post, Span, Verdict
from bot.moderation.screener import Screener
from bot.notifications import Notification
from bot.ports import Clock

AlertState = Literal["open", "escalated", "removed", "kept", "banned"]
ModeratorAction = Literal["remove", "keep", "ban", "escalate"]
MODERATOR_ACTIONS: tuple[ModeratorAction, ...] = ("remove", "keep", "ban", "escalate")
FINAL_ALERT_STATES = ("removed", "kept", "banned")
MAX_REASON = MAX_BAN_REASON
CASE_TYPE = "alert"
BOT_ACTOR = Actor("socialbot", "bot")

# (state, action) -> target; `by` is "moderators" (moderators and the CCT) or "cct".
ALERT_TRANSITIONS: tuple[Transition, ...] = (
    Transition("open", "remove", "removed", by="moderators"),
    Transition("open", "keep", "kept", by="moderators"),
    Transition("open", "ban", "banned", by="moderators", needs="reason"),
    Transition("open", "escalate", "escalated", by="moderators"),
    Transition("escalated", "remove", "removed", by="cct"),
    Transition("escalated", "keep", "kept", by="cct"),
    Transition("escalated", "ban", "banned", by="cct", needs="reason"),
)

# Desk errors are the engine's: one family for every case type.
DeskError = CaseError
AlertRefused = Refused
AlertAlreadyDecided = AlreadyDecided
AlertNotFound = NotFound


@dataclass(frozen=True)
class Alert:
    id: str
    post: Post
    verdict: Verdict
    state: AlertState
    step: int
    created_at: datetime
    history: tuple[HistoryEntry, ...] = ()
    removal: str = ""  # "", "pending", "done", or "failed: why" (what the webhook answered)
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_ALERT_STATES

    @property
    def ban(self) -> HistoryEntry | None:
        """The signed ban of the post's author, when this alert's outcome is one."""
        last = self.history[-1] if self.history else None
        return last if self.state == "banned" and last and last.action == "ban" else None

    def evolve(self, **changes: Any) -> Alert:
        return replace(self, **changes)


class ModerationRepository(Protocol):
    def next_id(self) -> str: ...

    def get(self, case_id: str) -> Alert | None: ...

    def save(self, case: Alert, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> Alert:
        """Store the alert, its notifications, and what its outcome implies (a ban of the
        author, a kept example) in ONE durable write, under the version check."""
        ...

    def open_cases(self) -> list[Alert]: ...

    def screened(self, platform: str, post_id: str) -> Verdict | None: ...

    def record_post(self, post: Post, verdict: Verdict, alert: Alert | None,
                    notifications: Iterable[Notification]) -> None: ...

    def is_banned(self, platform: str, author_id: str) -> bool: ...

    def kept_examples(self) -> list[Post]: ...


class AlertCases:
    """The alert case type: the table above, who may act, and what each move tells whom."""

    name = CASE_TYPE
    transitions = ALERT_TRANSITIONS
    states = frozenset({"open", "escalated", *FINAL_ALERT_STATES})
    final_states = frozenset(FINAL_ALERT_STATES)

    def __init__(self, *, repository: ModerationRepository, directory: Directory,
                 removal_pending: str, time_zone: str) -> None:
        self.repository = repository
        self.directory = directory
        self.removal_pending = removal_pending
        self.time_zone = time_zone

    def table_state(self, case: Alert) -> str:
        return case.state

    def people(self, case: Alert, by: str) -> list[str]:
        cct = list(self.directory.cct_members)
        return cct if by == "cct" else [*self.directory.moderators, *cct]


    def refused_for(self, case: Alert, person_id: str, transition: Transition) -> str:
        if transition.by == "cct" and self.directory.is_moderator(person_id):
            return messages.alert_escalated_to_cct()
        return messages.alerts_are_for_moderators()

    def not_possible(self, case: Alert, action: str) -> str:
        if action == "escalate" and case.state == "escalated":
            return messages.alert_already_with_cct()
        return messages.unknown_moderation_action(action)

    def final_message(self, case: Alert) -> str:
        return self.already_message(case, case.step)

    def signing_for(self, case: Alert, person_id: str) -> str:
        return ""  # moderators sign as themselves: the desk has no delegates

    def already_message(self, case: Alert, step: int) -> str:
        last = case.history[-1] if case.history else None
        if last is None:
            return messages.out_of_date(case.id)
        return messages.alert_already_decided(case.id, PAST[last.action], last.actor_name,
                                              when(last.at, self.time_zone))

    def visible_to(self, case: Alert, person_id: str) -> bool:
        return person_id in self.people(case, "moderators")

    def acting_now(self, case: Alert) -> list[str]:
        return [] if case.is_final else self.people(
            case, "cct" if case.state == "escalated" else "moderators")

    def apply(self, case: Alert, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[Alert, list[Notification]]:
        removes = transition.action in ("remove", "ban")
        moved = case.evolve(state=transition.target, step=case.step + 1,
                            history=(*case.history, entry),
                            removal=self.removal_pending if removes else case.removal)
        notes = [self.note(case, "alert_closed")]
        if removes:
            notes.append(self.removal_note(moved))
        if transition.action == "escalate":
            notes.append(self.note(moved, "moderation_alert", audience="cct"))
        return moved, notes

    # -- notifications ----------------------------------------------------------------------

    def note(self, alert: Alert, kind: str, *, audience: str = "moderators",
             suffix: str = "") -> Notification:
        recipients = (self.directory.cct_members if audience == "cct"
                      else self.directory.moderators)
        return Notification(
            id=f"{alert.id}:{alert.step}:{kind}" + (f":{suffix}" if suffix else ""),
            kind=kind, case_id=alert.id, step=alert.step,  # type: ignore[arg-type]
            recipients=tuple(recipients), audience=audience, case_type=CASE_TYPE,
            intent="first_notice" if kind == "moderation_alert" else "outcome",
            summary=f"Moderation alert {alert.id}: {', '.join(alert.verdict.labels)}",
        )

    def removal_note(self, alert: Alert) -> Notification:
        return Notification(
            id=f"{alert.id}:{alert.step}:remove_post", kind="remove_post",
            case_id=alert.id, step=alert.step, recipients=(), channel="webhook",
            case_type=CASE_TYPE, intent="outcome",
            summary=f"Remove {alert.post.platform} post {alert.post.post_id}",
        )


class ModerationDesk:
    def __init__(self, *, screener: Screener, repository: ModerationRepository,
                 directory: Directory, clock: Clock, removal_webhook: bool = False,
                 time_zone: str = "America/Toronto", engine: CaseEngine | None = None) -> None:
        self.time_zone = time_zone
        self.screener = screener
        # Without a removal webhook a moderator's Remove is recorded and the post must be
        # taken down on the page by hand; the alert says so.
        self.removal_pending = "pending" if removal_webhook else "to do by hand on the page"
        self.repository = repository
        self.directory = directory
        self.clock = clock
        self.cases = AlertCases(repository=repository, directory=directory,
                                removal_pending=self.removal_pending, time_zone=time_zone)
        self.engine = engine or CaseEngine(directory=directory, clock=clock,
                                           refusals=_NoRefusalLog())
        self.engine.register(self.cases)

    # -- intake -----------------------------------------------------------------------------

    def receive(self, post: Post) -> tuple[Verdict, str | None]:
        """Screen `post` once; a repeat of the same (platform, post id) gets the first verdict."""
        seen = self.repository.screened(post.platform, post.post_id)
        if seen is not None:
            return seen, None
        banned = self.repository.is_banned(post.platform, post.author_id)
        verdict = self.screener.screen(post, author_banned=banned)
        if not verdict.flagged:
            self.repository.record_post(post, verdict, None, ())
            return verdict, None
        alert = Alert(id=self.repository.next_id(), post=post, verdict=verdict,
                      state="open", step=1, created_at=self.clock.now())
        notes = [self.cases.note(alert, "moderation_alert")]
        if verdict.auto_remove:
            entry = HistoryEntry(1, 1, "open", "remove", "socialbot", "Automatic removal", "",
                                 "bot", self.clock.now(),
                                 "removed automatically by the City's settings")
            alert = alert.evolve(state="removed", step=2, history=sealed(alert.id, (entry,)),
                                 removal=self.removal_pending)
            notes.append(self.cases.removal_note(alert))
        self.repository.record_post(post, verdict, alert, notes)
        return verdict, alert.id

    # -- moderators -------------------------------------------------------------------------

    def decide(self, person_id: str, platform: str, alert_id: str, action: str, *,
               step: int | None = None, reason: str = "") -> Alert:
        if action == "ban" and len(reason.strip()) > MAX_REASON:
            raise Refused(messages.too_long(MAX_REASON))
        try:
            moved: Alert = self.engine.move(CASE_TYPE, Actor(person_id, platform),
                                            alert_id.strip().upper(),
                                            Move(action, comment=reason), step=step)
        except NotFound:
            raise NotFound(messages.no_such_alert(alert_id)) from None
        except FieldErrors as problem:
            raise Refused(_ban_reason_needed() if "reason" in problem.errors
                          else str(problem)) from None
        return moved

    def refusal_reason(self, alert: Alert, person_id: str, action: str) -> str | None:
        return self.engine.refusal_reason(CASE_TYPE, alert, person_id, action)

    def may_view(self, alert: Alert, person_id: str) -> bool:
        return self.engine.may_view(CASE_TYPE, alert, person_id)

    def is_moderator_or_cct(self, person_id: str) -> bool:
        return self.directory.is_moderator(person_id) or self.directory.is_cct(person_id)

    def removal_result(self, alert_id: str, outcome: str) -> None:
        """The publishing side answered the removal webhook: show it on every copy."""
        alert = self.get(alert_id)
        if alert.removal == outcome:
            return
        updated = alert.evolve(removal=outcome)
        self.repository.save(updated, expected_version=alert.version,
                             notifications=[self.cases.note(
                                 alert, "alert_closed", suffix=f"removal:{outcome[:8]}")])

    def get(self, alert_id: str) -> Alert:
        alert = self.repository.get(alert_id.strip().upper())
        if alert is None:
            raise NotFound(messages.no_such_alert(alert_id))
        return alert

    def already_message(self, alert: Alert) -> str:
        return self.cases.already_message(alert, alert.step)


def _ban_reason_needed() -> str:
    return messages.ban_reason_needed()


class _NoRefusalLog:
    """A desk built on its own (tests, offline tools) keeps refusals nowhere."""

    def record_refusal(self, refusal: object) -> None:
        return None

    def refusals(self, request_id: str) -> list[Any]:
        return []


PAST = {"remove": "removed", "keep": "kept", "ban": "banned (author)",
        "escalate": "escalated to the CCT"}


# -- records ------------------------------------------------------------------------------------

def post_to_record(post: Post) -> dict[str, Any]:
    return {**post.__dict__, "created_at": post.created_at.isoformat()}


def post_from_record(record: dict[str, Any]) -> Post:
    return Post(**{**record, "created_at": datetime.fromisoformat(record["created_at"])})


def verdict_to_record(verdict: Verdict) -> dict[str, Any]:
    return {
        "post_id": verdict.post_id, "action": verdict.action,
        "duplicate_of": verdict.duplicate_of, "banned_author": verdict.banned_author,
        "auto_remove": verdict.auto_remove,
        "findings": [{"category": f.category, "confidence": f.confidence, "kind": f.kind,
                      "explanation": f.explanation,
                      "evidence": [[s.start, s.end, s.text] for s in f.evidence]}
                     for f in verdict.findings],
    }


def verdict_from_record(record: dict[str, Any]) -> Verdict:
    findings = tuple(
        Finding(category=f["category"], confidence=f["confidence"], kind=f.get("kind", ""),
                explanation=f["explanation"],
                evidence=tuple(Span(*span) for span in f["evidence"]))
        for f in record["findings"]
    )
    return Verdict(post_id=record["post_id"], findings=findings, action=record["action"],
                   duplicate_of=record["duplicate_of"], banned_author=record["banned_author"],
                   auto_remove=record.get("auto_remove", False))


def alert_to_record(alert: Alert) -> dict[str, Any]:
    return {
        "id": alert.id, "post": post_to_record(alert.post),
        "verdict": verdict_to_record(alert.verdict), "state": alert.state, "step": alert.step,
        "created_at": alert.created_at.isoformat(), "removal": alert.removal,
        "version": alert.version,
        "history": [e.to_record() for e in alert.history],
    }


def alert_from_record(record: dict[str, Any]) -> Alert:
    return Alert(
        id=record["id"], post=post_from_record(record["post"]),
        verdict=verdict_from_record(record["verdict"]), state=record["state"],
        step=record["step"], created_at=datetime.fromisoformat(record["created_at"]),
        removal=record["removal"], version=record["version"],
        history=tuple(_entry(record, n, e) for n, e in enumerate(record["history"], 1)),
    )


def _entry(alert: dict[str, Any], seq: int, record: dict[str, Any]) -> HistoryEntry:
    """A stored alert history entry; entries written before alerts shared the engine's signed
    entry (no `seq` or `stage`, the comment called `reason`) are converted on the way in."""
    if "seq" in record:
        return HistoryEntry.from_record(record)
    stage = "escalated" if any(e.get("action") == "escalate"
                               for e in alert["history"][: seq - 1]) else "open"
    return HistoryEntry(seq=seq, step=record["step"], stage=stage, action=record["action"],
                        actor_id=record["actor_id"], actor_name=record["actor_name"],
                        actor_title=record["actor_title"], platform=record["platform"],
                        at=datetime.fromisoformat(record["at"]),
                        comment=record.get("reason", ""))
