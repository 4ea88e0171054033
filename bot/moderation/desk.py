"""The moderation desk: posts come in, flagged ones become alerts, moderators decide once.

Intake is idempotent by (platform, post id). A flagged post becomes an alert for the
moderators' channels; Remove, Keep, Ban and Escalate are authorised here (moderators and CCT
members only), taken exactly once per alert step, audited, and carried out through the outbox:
a removal is a signed webhook to the publishing side, retried until it answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, Protocol

from bot.directory import Directory
from bot.events import Notification
from bot.messages import when
from bot.metrics import NO_METRICS, MetricsRecorder
from bot.moderation.model import Finding, Post, Span, Verdict
from bot.moderation.screener import Screener
from bot.ports import Clock

AlertState = Literal["open", "escalated", "removed", "kept", "banned"]
ModeratorAction = Literal["remove", "keep", "ban", "escalate"]
MODERATOR_ACTIONS: tuple[ModeratorAction, ...] = ("remove", "keep", "ban", "escalate")
FINAL_ALERT_STATES = ("removed", "kept", "banned")
MAX_REASON = 500


@dataclass(frozen=True)
class AlertEntry:
    step: int
    action: str
    actor_id: str
    actor_name: str
    actor_title: str
    platform: str
    at: datetime
    reason: str = ""


@dataclass(frozen=True)
class Alert:
    id: str
    post: Post
    verdict: Verdict
    state: AlertState
    step: int
    created_at: datetime
    history: tuple[AlertEntry, ...] = ()
    removal: str = ""  # "", "pending", "done", or "failed: why" (what the webhook answered)
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state in FINAL_ALERT_STATES


class ModerationRepository(Protocol):
    def next_alert_id(self) -> str: ...

    def screened(self, platform: str, post_id: str) -> Verdict | None: ...

    def record_post(self, post: Post, verdict: Verdict, alert: Alert | None,
                    notifications: Iterable[Notification]) -> None: ...

    def alert(self, alert_id: str) -> Alert | None: ...

    def save_alert(self, alert: Alert, *, expected_version: int,
                   notifications: Iterable[Notification] = (),
                   ban: tuple[str, str, str] | None = None) -> Alert: ...

    def is_banned(self, platform: str, author_id: str) -> bool: ...

    def open_alerts(self) -> list[Alert]: ...

    def kept_examples(self) -> list[Post]: ...


class DeskError(Exception):
    pass


class AlertRefused(DeskError):
    pass


class AlertAlreadyDecided(DeskError):
    pass


class AlertNotFound(DeskError):
    pass


class ModerationDesk:
    metrics: MetricsRecorder = NO_METRICS  # the composition root plugs in a real recorder

    def __init__(self, *, screener: Screener, repository: ModerationRepository,
                 directory: Directory, clock: Clock, removal_webhook: bool = False,
                 time_zone: str = "America/Toronto") -> None:
        self.time_zone = time_zone
        self.screener = screener
        # Without a removal webhook a moderator's Remove is recorded and the post must be
        # taken down on the page by hand; the alert says so.
        self.removal_pending = "pending" if removal_webhook else "to do by hand on the page"
        self.repository = repository
        self.directory = directory
        self.clock = clock

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
        alert = Alert(id=self.repository.next_alert_id(), post=post, verdict=verdict,
                      state="open", step=1, created_at=self.clock.now())
        notes = [self._alert_note(alert, "moderation_alert")]
        if verdict.auto_remove:
            entry = AlertEntry(0, "remove", "socialbot", "Automatic removal", "", "bot",
                               self.clock.now(), "removed automatically by the City's settings")
            alert = replace(alert, state="removed", step=2, history=(entry,),
                            removal=self.removal_pending)
            notes.append(self._removal_note(alert))
        self.repository.record_post(post, verdict, alert, notes)
        return verdict, alert.id

    # -- moderators -------------------------------------------------------------------------

    def decide(self, person_id: str, platform: str, alert_id: str, action: str, *,
               step: int | None = None, reason: str = "") -> Alert:
        alert = self.get(alert_id)
        if (step is not None and step != alert.step) or alert.is_final:
            raise AlertAlreadyDecided(self.already_message(alert))
        why_not = self.refusal_reason(alert, person_id, action)
        if why_not:
            raise AlertRefused(why_not)
        reason = reason.strip()
        if action == "ban" and not reason:
            raise AlertRefused("Give a reason for the ban: it is kept with the author's record.")
        if len(reason) > MAX_REASON:
            raise AlertRefused(f"Keep the reason to {MAX_REASON} characters.")
        person = self.directory.person(person_id)
        entry = AlertEntry(alert.step, action, person.id, person.full_name, person.title,
                           platform, self.clock.now(), reason)
        return self._apply(alert, action, entry)

    def _apply(self, alert: Alert, action: str, entry: AlertEntry) -> Alert:
        state: AlertState = {"remove": "removed", "keep": "kept", "ban": "banned",
                             "escalate": "escalated"}[action]  # type: ignore[assignment]
        moved = replace(alert, state=state, step=alert.step + 1,
                        history=(*alert.history, entry),
                        removal=self.removal_pending if action in ("remove", "ban")
                        else alert.removal)
        notes = [self._alert_note(alert, "alert_closed")]
        if action in ("remove", "ban"):
            notes.append(self._removal_note(moved))
        if action == "escalate":
            notes.append(self._alert_note(moved, "moderation_alert", audience="cct"))
        ban = (alert.post.platform, alert.post.author_id, entry.reason) if action == "ban" else None
        try:
            saved = self.repository.save_alert(moved, expected_version=alert.version,
                                               notifications=notes, ban=ban)
        except ConcurrentAlertUpdate:
            raise AlertAlreadyDecided(self.already_message(self.get(alert.id))) from None
        self.metrics.decision("moderation", action)
        return saved

    def refusal_reason(self, alert: Alert, person_id: str, action: str) -> str | None:
        if action not in MODERATOR_ACTIONS:
            return f"Unknown moderation action {action[:20]!r}."
        if person_id not in self.directory:
            return "You are not in the City's staff directory; ask the CCT Team Leader."
        is_cct = self.directory.is_cct(person_id)
        if not (is_cct or self.directory.is_moderator(person_id)):
            return ("Only the City's moderators and the Corporate Communications Team may act "
                    "on moderation alerts.")
        if alert.state == "escalated" and not is_cct:
            return "This alert was escalated to the CCT; a CCT member decides it now."
        if action == "escalate" and alert.state == "escalated":
            return "This alert is already with the CCT."
        return None

    def removal_result(self, alert_id: str, outcome: str) -> None:
        """The publishing side answered the removal webhook: show it on every copy."""
        alert = self.get(alert_id)
        if alert.removal == outcome:
            return
        updated = replace(alert, removal=outcome)
        self.repository.save_alert(updated, expected_version=alert.version,
                                   notifications=[self._alert_note(
                                       alert, "alert_closed", suffix=f"removal:{outcome[:8]}")])

    def get(self, alert_id: str) -> Alert:
        alert = self.repository.alert(alert_id.strip().upper())
        if alert is None:
            raise AlertNotFound(f"There is no alert {alert_id[:20]!r}.")
        return alert

    def already_message(self, alert: Alert) -> str:
        last = alert.history[-1] if alert.history else None
        if last is None:
            return f"{alert.id} is out of date; nothing was changed."
        return (f"Already decided: {alert.id} {PAST[last.action]} by {last.actor_name} "
                f"on {when(last.at, self.time_zone)}. Nothing was changed.")

    # -- notifications ----------------------------------------------------------------------

    def _alert_note(self, alert: Alert, kind: str, *, audience: str = "moderators",
                    suffix: str = "") -> Notification:
        recipients = (self.directory.cct_members if audience == "cct"
                      else self.directory.moderators)
        return Notification(
            id=f"{alert.id}:{alert.step}:{kind}" + (f":{suffix}" if suffix else ""),
            kind=kind, request_id=alert.id, step=alert.step,  # type: ignore[arg-type]
            recipients=tuple(recipients), audience=audience,
            summary=f"Moderation alert {alert.id}: {', '.join(alert.verdict.labels)}",
        )

    def _removal_note(self, alert: Alert) -> Notification:
        return Notification(
            id=f"{alert.id}:{alert.step}:remove_post", kind="remove_post",
            request_id=alert.id, step=alert.step, recipients=(), channel="webhook",
            summary=f"Remove {alert.post.platform} post {alert.post.post_id}",
        )


PAST = {"remove": "removed", "keep": "kept", "ban": "banned (author)",
        "escalate": "escalated to the CCT"}


class ConcurrentAlertUpdate(Exception):
    pass


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
        "history": [{**e.__dict__, "at": e.at.isoformat()} for e in alert.history],
    }


def alert_from_record(record: dict[str, Any]) -> Alert:
    return Alert(
        id=record["id"], post=post_from_record(record["post"]),
        verdict=verdict_from_record(record["verdict"]), state=record["state"],
        step=record["step"], created_at=datetime.fromisoformat(record["created_at"]),
        removal=record["removal"], version=record["version"],
        history=tuple(AlertEntry(**{**e, "at": datetime.fromisoformat(e["at"])})
                      for e in record["history"]),
    )
