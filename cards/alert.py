"""What a moderation alert card says, built once from an alert; renderers only lay it out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.limits import MAX_POST_CHARS
from bot.messages import when
from bot.moderation.desk import PAST, Alert, ModerationDesk
from cards.codec import ButtonPayload


@dataclass(frozen=True)
class AlertButton:
    label: str
    payload: ButtonPayload
    style: Literal["primary", "danger", ""] = ""
    needs_reason: bool = False
    confirm: str = ""  # a question to confirm before acting


@dataclass(frozen=True)
class AlertFinding:
    category: str
    confidence: float
    explanation: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AlertCard:
    alert_id: str
    step: int
    title: str
    post_text: str       # cut to MAX_POST_CHARS with an ellipsis; `url` links the original
    truncated: bool
    url: str | None
    author: str
    where: str
    findings: tuple[AlertFinding, ...]
    status: str
    removal: str
    buttons: tuple[AlertButton, ...]


def alert_card(alert: Alert, desk: ModerationDesk, *, viewer: str | None) -> AlertCard:
    post = alert.post
    text = post.text if len(post.text) <= MAX_POST_CHARS else post.text[:MAX_POST_CHARS - 1] + "…"
    findings = tuple(
        AlertFinding(f.category, f.confidence, f.explanation,
                     tuple(dict.fromkeys(s.text for s in f.evidence))[:5])
        for f in alert.verdict.findings
    )
    return AlertCard(
        alert_id=alert.id, step=alert.step,
        title=f"Moderation alert {alert.id}: {', '.join(alert.verdict.labels) or 'review'}",
        post_text=text, truncated=len(post.text) > MAX_POST_CHARS, url=post.url,
        author=f"{post.author_name or post.author_id} ({post.platform}:{post.author_id})"
               + (" - banned author" if alert.verdict.banned_author else ""),
        where=f"{post.board} / {post.folder}", findings=findings,
        status=_status(alert, desk.time_zone), removal=alert.removal,
        buttons=() if alert.is_final else _buttons(alert, desk, viewer),
    )


def _status(alert: Alert, zone: str) -> str:
    if not alert.history:
        return "Waiting for a moderator"
    last = alert.history[-1]
    decided = (f"{PAST[last.action].capitalize()} by {last.actor_name} "
               f"on {when(last.at, zone)}")
    if last.comment:
        decided += f": {last.comment}"
    return decided + (" - waiting for the CCT" if alert.state == "escalated" else "")


def _buttons(alert: Alert, desk: ModerationDesk, viewer: str | None) -> tuple[AlertButton, ...]:
    def make(verb: str, label: str, style: Literal["primary", "danger", ""] = "",
             needs_reason: bool = False, confirm: str = "") -> AlertButton:
        return AlertButton(label, ButtonPayload(verb, alert.id, alert.step), style,
                           needs_reason, confirm)

    buttons = [
        make("remove", "Remove", "danger"),
        make("keep", "Keep", "primary"),
        make("ban", "Ban author", "danger", needs_reason=True,
             confirm="Ban this author? Their later posts are flagged at once."),
        make("escalate", "Escalate to CCT"),
    ]
    # A citizen's question behind the alert (04.02 k): a moderator starts its response clock.
    answer = make("needs_answer", "Needs an answer")
    if viewer is None:
        return (*(b for b in buttons
                  if alert.state != "escalated" or b.payload.verb != "escalate"), answer)
    mine = tuple(b for b in buttons
                 if desk.refusal_reason(alert, viewer, b.payload.verb) is None)
    return (*mine, answer) if desk.is_moderator_or_cct(viewer) else mine
