"""Cases, posts and notifications with every field set, for the contract suites."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.audit import HistoryEntry, sealed
from bot.domain import EmployeeDetails, PrivacyConsent, SocialMediaRequest, Sop
from bot.moderation.desk import Alert
from bot.moderation.model import Finding, Post, Span, Verdict
from bot.notifications import Notification

AT = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


def entry(seq: int, *, step: int | None = None, action: str = "approve",
          comment: str = "", stage: str = "supervisor") -> HistoryEntry:
    return HistoryEntry(seq=seq, step=seq - 1 if step is None else step, stage=stage,
                        action=action, actor_id="msmith", actor_name="Morgan Smith",
                        actor_title="Manager, Recreation Services", platform="slack",
                        at=AT + timedelta(minutes=seq), comment=comment)


def request(request_id: str = "R-1", *, requester: str = "adoe", state: str = "cct",
            entries: int = 2) -> SocialMediaRequest:
    return SocialMediaRequest(
        id=request_id, kind="promotion", requester_id=requester,
        employee=EmployeeDetails("Alex", "Doe", "Community Services", "Recreation", "Aquatics",
                                 "part_time"),
        programs=("Facebook", "YouTube"), promote_department="community-services",
        initiative="Summer swim lessons – «ünïcode» & <markup>",
        consent=PrivacyConsent("Notice of collection.", AT),
        chain=("supervisor", "cct", "director"), state=state, step=entries,
        created_at=AT, assignee="rsingh",
        sops=(Sop("Post weekly.", None, 1, AT + timedelta(minutes=30)),
              Sop("Post twice a week.", "https://example.org/sop", 2, AT + timedelta(hours=1))),
        # Signed entries are chained as the engine chains them (what a store really holds).
        history=sealed(request_id, (entry(n, stage="employee" if n == 1 else "supervisor",
                                          action="submit" if n == 1 else "approve",
                                          comment="" if n == 1 else f"ok {n}")
                                    for n in range(1, entries + 1))),
    )


def post(post_id: str = "p-1", *, author: str = "fb-1", platform: str = "facebook") -> Post:
    return Post(platform=platform, board="City of Pickering", folder="Events", topic="Pool",
                post_id=post_id, author_id=author, author_name="Pat Poster",
                text="Call 905-555-0199 now!", created_at=AT, url="https://example.org/p",
                parent_id="p-0", author_is_city=False)


def verdict(post_id: str = "p-1", *, flagged: bool = True) -> Verdict:
    findings = (Finding("personal_info", 0.9, (Span(5, 17, "905-555-0199"),),
                        "a phone number", kind="phone"),) if flagged else ()
    return Verdict(post_id=post_id, findings=findings, action="remove" if flagged else "keep",
                   duplicate_of="p-0" if flagged else None, banned_author=False)


def alert(alert_id: str = "A-1", *, post_id: str = "p-1", author: str = "fb-1") -> Alert:
    return Alert(id=alert_id, post=post(post_id, author=author), verdict=verdict(post_id),
                 state="open", step=1, created_at=AT)


def note(case_id: str = "R-1", step: int = 1, kind: str = "action_needed", *,
         channel: str = "", suffix: str = "") -> Notification:
    return Notification(id=f"{case_id}:{step}:{kind}{suffix}", kind=kind,  # type: ignore[arg-type]
                        case_id=case_id, step=step, recipients=("msmith", "kwong"),
                        audience="cct", summary="A request waits", channel=channel,
                        case_type="alert" if case_id.startswith("A-") else "request",
                        intent="first_notice" if kind == "action_needed" else "outcome")
