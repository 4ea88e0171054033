"""Every sentence the core says to a person, in one place."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from bot.audit import HistoryEntry
from bot.chains import STAGES
from bot.domain import SocialMediaRequest

# What a history entry did, as the card and the Appendix say it: (stage, action) or action.
ACTION_LABELS = {
    ("supervisor", "approve"): "agreed in principle",
    ("cct", "approve"): "recommended",
    ("cct", "reject"): "declined",
    ("sop_review", "approve"): "SOP approved",
    ("sop_director", "approve"): "SOP approved",
    "submit": "submitted",
    "approve": "approved",
    "reject": "rejected",
    "request_changes": "changes requested",
    "submit_sop": "SOP submitted",
    "withdraw": "withdrawn",
    "reassign": "reassigned",
}

STATE_LABELS = {
    "supervisor": "waiting for the supervisor's agreement",
    "cct": "waiting for the CCT's review",
    "director": "waiting for the director's approval",
    "sop_draft": "waiting for the requester's SOP",
    "sop_review": "waiting for the CCT's review of the SOP",
    "sop_director": "waiting for the director's approval of the SOP",
    "approved": "approved",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
}


@lru_cache(maxsize=8192)  # every card shows its request's times again: formatted once each
def when(at: datetime, zone: str) -> str:
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M %Z")


def state_label(request: SocialMediaRequest) -> str:
    if request.state == "approved" and request.kind == "access":
        return "approved: access granted"
    return STATE_LABELS.get(request.state, request.state)


def action_label(entry: HistoryEntry) -> str:
    return ACTION_LABELS.get((entry.stage, entry.action)) or ACTION_LABELS.get(
        entry.action, entry.action)


def stage_title(stage: str) -> str:
    return STAGES[stage].title if stage in STAGES else "Employee"


def not_in_directory(person_id: str) -> str:
    return (f"I can't find you ({person_id}) in the City's staff directory, so I can't act for "
            "you. Ask the Corporate Communications Team Leader or IT to add you to the bot's "
            "directory (app.yaml).")


def no_eligible_approver(stage_title: str) -> str:
    return (f"Nobody but you could sign the '{stage_title}' stage, and this deployment is set "
            "not to hand it to anyone else (workflow.self_approval: refuse in app.yaml). Ask "
            "whoever runs the bot to give you a delegate or to set it to escalate.")


def who_will_approve(plan: list[tuple[str, list[str]]]) -> str:
    """Said before the form: who signs each stage of the request, in order."""
    if not plan:
        return "Nobody needs to approve this request."
    missing = [title for title, names in plan if not names]
    if missing:
        return no_eligible_approver(missing[0])
    steps = "; ".join(f"{title}: {' or '.join(names)}" for title, names in plan)
    return f"Who will approve it, in order: {steps}."


def routed(stage_title: str, names: str, why: str) -> str:
    return f"{stage_title} goes to {names}: {why}."


ROUTE_REQUESTER = "the usual signer is the requester"
ROUTE_SIGNED = "the usual signer already signed another stage of this request"
ROUTE_SUBORDINATE = "the usual signer reports to the requester"
ROUTE_NOBODY = "nobody is set to sign it"
ROUTE_TOP = "nobody is above the requester, so the next person who may sign does"
NOT_REQUIRED = "not required"
NO_SUPERVISOR = "the requester has no supervisor"


def not_yours_to_see(case_id: str) -> str:
    return (f"You can't see {case_id}: only the people it concerns can (for a request, its "
            "requester, its approvers, the department's director and the CCT; for an alert, "
            "moderators and the CCT).")


def alerts_are_for_moderators() -> str:
    return ("Only the City's moderators and the Corporate Communications Team may act on "
            "moderation alerts.")


def alert_escalated_to_cct() -> str:
    return "This alert was escalated to the CCT; a CCT member decides it now."


def alert_already_with_cct() -> str:
    return "This alert is already with the CCT."


def unknown_moderation_action(action: str) -> str:
    return f"Unknown moderation action {action[:20]!r}."


def alert_already_decided(alert_id: str, done: str, by: str, at: str) -> str:
    return f"Already decided: {alert_id} {done} by {by} on {at}. Nothing was changed."


def no_such_alert(raw: str) -> str:
    return f"There is no alert {raw[:20]!r}."


def no_such_case_type(type_name: str) -> str:
    return f"This bot keeps no cases of the kind {type_name[:20]!r}."


def no_such_case(type_name: str, raw: str) -> str:
    return f"There is no {type_name} {raw[:20]!r}."


def ban_reason_needed() -> str:
    return "Give a reason for the ban: it is kept with the author's record."


def no_such_request(raw: str) -> str:
    return f"There is no request {raw!r}."


def out_of_date(request_id: str) -> str:
    return f"This message about {request_id} is out of date; nothing was changed."


def already_decided(request_id: str, entry: HistoryEntry, zone: str) -> str:
    return (f"Already decided: {request_id} {action_label(entry)} by {entry.actor_name} "
            f"({entry.actor_title}) on {when(entry.at, zone)}. Nothing was changed.")


def request_final(request: SocialMediaRequest) -> str:
    return f"{request.id} is {state_label(request)}; nothing more can be done with it."


def only_requester_withdraws() -> str:
    return "Only the employee who filed the request can withdraw it."


def cannot_reassign_sop_draft() -> str:
    return "The SOP draft belongs to the requester; it cannot be reassigned."


def action_not_at_stage(action: str, stage_title: str) -> str:
    return f"'{action.replace('_', ' ')}' is not possible at the stage '{stage_title}'."


def no_self_approval() -> str:
    return "Nobody approves their own request (ADM 140-007); someone else signs this stage."


def not_your_stage(stage_title: str, names: str) -> str:
    return f"You can't act on this: the stage '{stage_title}' belongs to {names}."


def cannot_reassign_to(who: str, names: str) -> str:
    return f"{who} can't take this stage. Eligible: {names}."


def too_long(limit: int) -> str:
    return f"Keep it to {limit} characters."


def comment_required(action: str) -> str:
    if action == "reject":
        return "Give a reason: the employee will see it."
    return "Say what should change: the employee will see your comments."


def request_filed(request: SocialMediaRequest, next_names: str) -> str:
    return (f"Your request {request.id} is filed. Next: {state_label(request)} "
            f"({next_names}). I'll message you at each step.")


def requester_update(request: SocialMediaRequest, entry: HistoryEntry | None, next_names: str,
                     zone: str, *, sop_hint: str = "use the Submit SOP button") -> str:
    """What the requester is told after `entry`, one step of their request."""
    if entry is None or entry.action == "submit":
        return request_filed(request, next_names)
    said = (f"Your request {request.id} was {action_label(entry)} by {entry.actor_name} "
            f"({entry.actor_title}) on {when(entry.at, zone)}.")
    if entry.comment:
        said += f" Comment: {entry.comment}"
    if request.is_final:
        return f"{said} It is now {state_label(request)}."
    if request.state == "sop_draft":
        return f"{said} Next: submit your SOP ({sop_hint})."
    return f"{said} Next: {state_label(request)} ({next_names})."


def _business_days(count: int) -> str:
    return f"{count} business day{'' if count == 1 else 's'}"


def stage_reminder(request_id: str, stage_title: str, waited: int) -> str:
    return f"Reminder: {request_id} has waited {_business_days(waited)} for {stage_title}."


def stage_escalation(request_id: str, stage_title: str, waited: int, names: str) -> str:
    return (f"{request_id} has waited {_business_days(waited)} for {stage_title} by {names}. "
            "Please follow up, or reassign the stage.")


def stage_times(times: list[tuple[str, int, int, int, bool]]) -> str:
    """One line: each stage's business days and what the bot sent while it waited."""
    parts = []
    for title, days, reminders, escalations, waiting in times:
        sent = [f"{n} {word}{'' if n == 1 else 's'}"
                for n, word in ((reminders, "reminder"), (escalations, "escalation")) if n]
        part = f"{title} {_business_days(days)}{' so far' if waiting else ''}"
        parts.append(part + (f" ({', '.join(sent)})" if sent else ""))
    return "Time per stage: " + "; ".join(parts) + "."


def alert_waiting(alert_id: str) -> str:
    return (f"Reminder: moderation alert {alert_id} is past its service level and waits for a "
            "decision.")


def decided(request: SocialMediaRequest, entry: HistoryEntry, waiting_for: str) -> str:
    """What the person who just acted is told: what they did and what happens next."""
    done = f"{request.id} {action_label(entry)}."
    if request.state == "approved":
        return f"{done} The request is {state_label(request)}."
    if request.is_final:
        return f"{done} The request is closed and its requester is told."
    return f"{done} It now waits for {waiting_for} ({STAGES[request.state].title})."


def confirm_decision(request: SocialMediaRequest, action: str, detail: str) -> str:
    """Said before a move that cannot be undone; `detail` names the reason or the new person."""
    stage = STAGES[request.state].title
    outcomes = {
        "reject": f"Reject {request.id} at '{stage}' with the reason {detail!r}: the request "
                  "closes as rejected and its requester is told.",
        "withdraw": f"Withdraw {request.id}: the request closes for good and nobody can act on "
                    "it again.",
        "reassign": f"Hand the stage '{stage}' of {request.id} to {detail}: they are asked to "
                    "act instead, and you can no longer act on it.",
    }
    return outcomes[action] + " Go ahead? (yes/no) "


def confirm_ban(alert_id: str, reason: str) -> str:
    return (f"Ban the author of {alert_id} with the reason {reason!r}: the alert closes as "
            "banned and the author's next posts are flagged or removed as the City's settings "
            "say. Go ahead? (yes/no) ")


def not_done() -> str:
    return "Nothing was changed."


def ask_yes_or_no() -> str:
    return "Please answer yes or no: "


def no_such_person(text: str, matches: list[str]) -> str:
    if matches:
        return f"{text!r} could be {', '.join(matches)}; use the person's id."
    return f"There is no {text!r} in the directory."


def console_waiting_notice(request_id: str, stage_title: str, *, reminder: bool) -> str:
    lead = "Reminder: " if reminder else ""
    return f"{lead}{request_id} waits for you ({stage_title}). Type 'show {request_id}'."


def console_alert_notice(alert_id: str) -> str:
    return f"Moderation alert {alert_id} waits for a moderator. Type 'alerts'."


def console_notices(texts: list[str]) -> str:
    """Unseen notices, shown at the console's next prompt."""
    return "\n".join(["News for you:", *(f"  - {t}" for t in texts)])


# -- the procedure's clocks: broken links (04.02 l) ---------------------------------------------

def link_broken(case_id: str, url: str, places: tuple[str, ...], failure: str) -> str:
    where = ", ".join(places)
    return (f"Broken link {case_id}: {url} ({failure}), in {where}. Please fix or remove it; "
            f"the bot closes this case when the link works again (or type "
            f"'close {case_id} <why>').")


def link_fixed(case_id: str, url: str) -> str:
    return f"Link {case_id} works again: {url}. The case is closed."


def link_closed(case_id: str, url: str, who: str, why: str) -> str:
    return f"Link {case_id} ({url}) was closed by {who}: {why}"


def link_already_closed(case_id: str, who: str, at: str) -> str:
    return f"Link {case_id} was already closed by {who} on {at}."


def link_not_yours(case_id: str) -> str:
    return f"Link {case_id} is for the users of its account and the CCT."


def link_action_unknown(action: str) -> str:
    return f"A broken link can only be closed with a reason, not {action[:20]!r}."


def links_are_for_the_cct() -> str:
    return "Only the CCT registers links to check by hand."


def not_a_link(text: str) -> str:
    return f"{text!r} is not a link (it must start with http:// or https://)."


def account_needed() -> str:
    return "Name the account whose link this is."


def link_in_words(case_id: str, url: str) -> str:
    return f"broken link {case_id} ({url})"


def no_link_check_yet() -> str:
    return "No link check has run yet (`socialbot links check` runs one now)."


def link_check_heading(at: str, total: int, broken: int) -> str:
    return f"Link check of {at}: {total} link(s), {broken} broken."


def link_result_line(url: str, account: str, ok: bool, detail: str, case_id: str,
                     places: tuple[str, ...]) -> str:
    mark = "ok    " if ok else "BROKEN"
    case = f" {case_id}" if case_id else ""
    return f"  {mark} {url} [{account}; {', '.join(places)}] {detail}{case}"


# -- the procedure's clocks: reminders for questions, links and reviews --------------------------

def case_reminder(what: str, days: int) -> str:
    return f"Reminder: {what} has waited {days} business day(s)."


def case_escalation(what: str, days: int, names: str) -> str:
    return f"Late: {what} has waited {days} business day(s); {names} reminded."


# -- the procedure's clocks: retention -----------------------------------------------------------

def purge_report(dry_run: bool, requests: list[str], alerts: list[str], questions: list[str],
                 counts: dict[str, int]) -> str:
    verb = "would remove" if dry_run else "removed"
    lines = [f"Retention purge ({'dry run, nothing changed' if dry_run else 'done'}):"]
    if requests:
        lines.append(f"  {verb} the employee's names from closed requests: {', '.join(requests)}")
    if alerts:
        lines.append(f"  {verb} the citizen's post from decided alerts: {', '.join(alerts)}")
    if questions:
        lines.append(f"  {verb} the question's text from closed questions: "
                     f"{', '.join(questions)}")
    lines += [f"  {verb} {n} record(s) of {table}" for table, n in sorted(counts.items()) if n]
    if len(lines) == 1:
        lines.append("  nothing is past its retention period")
    lines.append("  kept: every signed history entry (who decided what, when), bans, refusals")
    return "\n".join(lines)


# -- the procedure's clocks: citizens' questions (04.02 k) ---------------------------------------

def question_asked(case_id: str, account: str, excerpt: str) -> str:
    return (f"A citizen asked {account} a question ({case_id}): \"{excerpt}\". Please answer "
            f"it in the thread; the bot closes {case_id} when the City's reply arrives.")


def question_answered(case_id: str, reply_id: str) -> str:
    return f"Question {case_id} was answered by the City's reply {reply_id}."


def question_closed(case_id: str, action: str, who: str, why: str) -> str:
    done = "cleared (not a question for the City)" if action == "clear" else "answered"
    return f"Question {case_id} was {done} by {who}: {why}"


def question_already_closed(case_id: str, state: str, who: str, at: str) -> str:
    return f"Question {case_id} was already {state} by {who} on {at}."


def question_not_yours(case_id: str, action: str) -> str:
    if action == "clear":
        return f"Only moderators and the CCT clear question {case_id}."
    return f"Question {case_id} is for the users of its account and the CCT."


def question_action_unknown(action: str) -> str:
    return f"A question can be cleared or marked answered, not {action[:20]!r}."


def questions_are_for_moderators() -> str:
    return "Only moderators and the CCT mark a post as needing an answer."


def question_in_words(case_id: str, account: str) -> str:
    return f"citizen's question {case_id} on {account}"


def no_open_questions() -> str:
    return "No citizen's question waits for an answer."


def open_questions_heading(count: int) -> str:
    return f"{count} citizen's question(s) wait for an answer:"


def open_question_line(case_id: str, account: str, days: int, excerpt: str) -> str:
    short = excerpt if len(excerpt) <= 80 else excerpt[:79] + "…"
    return f"  {case_id}  {account}  {days} business day(s)  \"{short}\""
# -- time away and the directory the bot keeps (bot/time_away.py, bot/directory_sync.py) --------

AWAY_USAGE = ("Say: away FROM to UNTIL PERSON, e.g. 'away 2026-12-10 to 2026-12-14 Sam Baker' "
              "(dates as YYYY-MM-DD, 'today' or 'tomorrow'); 'away' alone shows your time "
              "away, 'away off' ends it.")


def away_bad_date(text: str) -> str:
    return f"{text!r} is not a date: write it as YYYY-MM-DD, 'today' or 'tomorrow'."


def away_dates_backwards() -> str:
    return "The last day away comes before the first; put the first day first."


def away_in_the_past() -> str:
    return "Time away cannot start in the past; start it today or later."


def away_too_long(days: int) -> str:
    return f"Time away is at most {days} days at a time; declare a longer absence in parts."


def away_too_far_ahead(days: int) -> str:
    return f"Time away starts at most {days} days from today; declare it nearer the time."


def away_not_yourself() -> str:
    return "You cannot act for yourself while you are away; name someone else."


def away_person_gone(name: str) -> str:
    return f"{name} is no longer listed by the directory and cannot act for anyone."


def away_delegate_away(name: str) -> str:
    return f"{name} is away too on some of those days; name someone who is in."


def away_delegate_may_not_sign(name: str, request_id: str, stage_title: str) -> str:
    return (f"{name} may not sign {request_id} ({stage_title}), which waits for you: they are "
            "the requester or signed another stage of it. Name someone else.")


def away_declared(name: str, first: str, last: str, back: str) -> str:
    return (f"Noted: you are away from {first} to {last}. {name} acts and signs for you; "
            f"what is still open comes back to you on {back}.")


def away_status(name: str, first: str, last: str, back: str) -> str:
    return f"You are away from {first} to {last}; {name} acts for you. Back on {back}."


def away_none() -> str:
    return "You have no time away declared. " + AWAY_USAGE


def away_ended() -> str:
    return "Welcome back: what is still open waits for you again."


def handed_over(request_id: str, back: str) -> str:
    return f"{request_id} comes to you while its approver is away (back {back})."


def handed_back(request_id: str) -> str:
    return f"{request_id} is back with you: your time away has ended."


def directory_changed_route(request_id: str) -> str:
    return f"{request_id} now waits for you: the directory changed who signs it."


def gone_from_source(source: str) -> str:
    return f"No longer listed by the directory's source ({source})."


def directory_diff(diff: Any, *, applied: bool, source_name: str, offboarding: bool,
                   ignored: tuple[str, ...] = (), how_to_apply: str = "--apply to apply") -> str:
    """What a directory source changes (people added, changed, gone), for the operator;
    `diff` is a bot.directory_sync.DirectoryDiff (not imported here: it imports this)."""
    head = (f"Directory from {source_name}: applied." if applied else
            f"Directory from {source_name}: dry run, nothing changed ({how_to_apply}).")
    lines = [head]
    if diff.empty:
        lines.append("  No differences: the directory already says the same.")
    for person in diff.added:
        lines.append(f"  added    {person.id}: {person.full_name}, {person.title}, "
                     f"{person.department}" + (f", reports to {person.supervisor}"
                                               if person.supervisor else ""))
    for change in diff.changed:
        fields = "; ".join(f"{k}: {old or '-'} -> {new or '-'}"
                           for k, (old, new) in change.fields.items())
        lines.append(f"  changed  {change.after.id}: {fields}")
    for person in diff.returned:
        lines.append(f"  back     {person.id}: listed again, no longer gone")
    gone_note = ("an offboarding case opens for the CCT to confirm" if offboarding
                 else "kept, marked gone, awaiting CCT confirmation")
    for person in diff.gone:
        lines.append(f"  gone     {person.id}: {person.full_name} ({gone_note})")
    counts = (f"{len(diff.added)} added, {len(diff.changed)} changed, {len(diff.gone)} gone")
    lines.append(f"  {counts}.")
    if ignored:
        shown = ", ".join(c[:40] for c in ignored[:10])
        lines.append(f"  Ignored column{'s' if len(ignored) > 1 else ''}: {shown}.")
    if diff.changed and applied:
        lines.append("  Stages not yet decided now go to the new supervisors and directors.")
    return "\n".join(lines)


# -- the account register, password tasks, leaving and revocation (bot/accounts.py, tasks.py,
#    offboarding.py) -------------------------------------------------------------------------

NO_PASSWORDS = ("That looks like a password (or another secret). The bot never asks for, "
                "stores or shows one: the CCT Team Leader holds every account's credentials "
                "(04.08 a). Leave it out and try again.")
ONLY_CCT_MANAGES_ACCOUNTS = "Only the Corporate Communications Team manages the account register."
ONLY_CCT_OFFBOARDS = "Only the Corporate Communications Team handles departures and revocations."
NOT_YOURSELF = "You cannot start your own departure or revocation; ask another CCT member."
NO_ACCOUNTS_TO_REVOKE = "That person uses no account in the register: there is nothing to revoke."
BAD_DATE = "Give the date as YYYY-MM-DD, e.g. 2027-03-31."
CITY_OWNS = ("The City of Pickering owns every account and its followers, whoever runs it "
             "(04.08 b, c); the CCT Team Leader holds the credentials (04.08 a).")


def system_title(source: str) -> str:
    return f"automatic, from {source}"


def field_required(name: str) -> str:
    return f"The {name.replace('_', ' ')} is required."


def no_such_account(text: str) -> str:
    return f"There is no account {text!r} in the register (type 'accounts' to list them)."


def account_exists(handle: str) -> str:
    return f"{handle!r} is already in the register."


def account_retired(account_id: str) -> str:
    return f"{account_id} is retired: it cannot be changed any more."


def not_an_account_field(name: str, editable: tuple[str, ...]) -> str:
    return f"{name!r} is not something you can edit (you can edit: {', '.join(editable)})."


def unknown_department(department: str, known: list[str]) -> str:
    return f"There is no department {department[:40]!r} (known: {', '.join(known)})."


def not_a_user_of(account_ids: list[str]) -> str:
    return f"That person does not use {', '.join(account_ids)}."


def task_not_yours(task_id: str, names: str) -> str:
    return f"{task_id} is held by {names}; only they (or the CCT Team Leader) can act on it."


def task_action_unknown(action: str) -> str:
    return f"A password task can be marked done or passed on, not {action[:30]!r}."


def cannot_pass_task(who: str, names: str) -> str:
    return f"A password task can be passed only to a CCT member ({names}), not to {who}."


def task_done_already(task_id: str, entry: HistoryEntry | None, zone: str) -> str:
    if entry is None:
        return f"{task_id} is done."
    return f"{task_id} was marked done by {entry.signer} on {when(entry.at, zone)}."


def no_such_task(text: str) -> str:
    return f"There is no password task {text!r} (type 'tasks' to list yours)."


def task_reason(kind: str, reason: str) -> str:
    if kind == "revocation":
        return f"access revoked (05): {reason}"
    return f"left the City: {reason}"


def task_summary(task_id: str, account_label: str) -> str:
    return (f"Password task {task_id}: change the password of {account_label} and mark it "
            f"done (never send the password here).")


def task_reminder(task_id: str, account_label: str, waited: int) -> str:
    return (f"Reminder: password task {task_id} ({account_label}) has waited "
            f"{_business_days(waited)}.")


def no_such_offboarding(text: str) -> str:
    return f"There is no departure or revocation {text!r}."


def offboarding_action_not_possible(action: str, state: str) -> str:
    return f"You cannot {action[:30]} a departure that is {state}."


def offboarding_final(case_id: str, state: str) -> str:
    return f"{case_id} is {state}: nothing more can be done to it."


def offboarding_summary(case_id: str, kind: str, what: str) -> str:
    noun = "Revocation" if kind == "revocation" else "Departure"
    return f"{noun} {case_id}: {what}"


def withdrawn_on_leaving(case_id: str) -> str:
    return f"Withdrawn: the requester left the City ({case_id})."


def handed_on_leaving(signature: str, case_id: str) -> str:
    return f"Handed to {signature}: the signer left the City ({case_id})."


def grant_action_unknown(action: str) -> str:
    return f"An approved request's accounts can only be recorded, not {action[:30]!r}."


def grant_waiting(grant_id: str, request_id: str) -> str:
    return (f"{request_id} is approved: record which accounts it covers ({grant_id}; "
            f"type 'record {request_id} ACCOUNT...').")


def grant_summary(grant_id: str, request_id: str) -> str:
    return f"{request_id}: the accounts you may now use are recorded ({grant_id})."


def grant_recorded_already(grant_id: str, accounts: str) -> str:
    return f"{grant_id} is recorded already ({accounts or 'no accounts'})."


def no_such_grant(text: str) -> str:
    return f"No approved request waits for its accounts to be recorded as {text!r}."


def task_notice(task_id: str, account: str, name: str, reason: str, *, reminder: bool) -> str:
    lead = "Reminder: " if reminder else ""
    return (f"{lead}Password task {task_id}: change the password of {account} ({name} "
            f"{reason}), then mark it done. Never send the password to the bot.")


def grant_notice(request_id: str, name: str, programs: str) -> str:
    return (f"{request_id} ({name}: {programs}) is approved: record which accounts of the "
            f"register it covers.")


def access_granted_notice(request_id: str, accounts: list[str]) -> str:
    listed = ", ".join(accounts) or "no account yet"
    return (f"Access granted ({request_id}): you may now use {listed}. {CITY_OWNS} "
            f"Never share a password, and tell the CCT when you no longer need an account.")


def offboarding_proposed_notice(case_id: str, name: str, reason: str) -> str:
    return (f"Departure {case_id}: {name} may have left the City ({reason}). Confirm it "
            f"(their access is removed on the last day) or dismiss it.")


def offboarding_scheduled_notice(case_id: str, name: str, day: str) -> str:
    return (f"Departure {case_id}: {name}'s last day is {day}; their accounts are removed and "
            f"password tasks opened that day.")


def departure_done_notice(case_id: str, name: str, accounts: list[str], withdrawn: int,
                          handed: int) -> str:
    listed = ", ".join(accounts) or "no account"
    return (f"Departure {case_id}: {name} was removed from {listed}; a password task is open "
            f"for each. {withdrawn} of their requests withdrawn, {handed} waiting approvals "
            f"handed on.")


def revocation_notice(accounts: list[str], reason: str, *, you: bool, name: str) -> str:
    whose = "Your" if you else f"{name}'s"
    return (f"{whose} access to {', '.join(accounts)} was revoked under ADM 140-007 section 05: "
            f"{reason}")


CITY_NAME = "City of Pickering"


def register_text(rows: list[dict[str, Any]], *, everything: bool) -> str:
    """The register as plain text (console, CLI); `rows` from bot.accounts.register_rows."""
    if not rows:
        return ("The register is empty." if everything else
                "You may use no account of the City's register.")
    lines = [CITY_OWNS]
    for row in rows:
        users = ", ".join(f"{u['name']} ({u['id']})" for u in row["users"]) or "nobody"
        changed = (f"{row['password_changed_at']} by {row['password_changed_by']}"
                   if row["password_changed_at"] else "not recorded")
        retired = "  [retired]" if row["state"] == "retired" else ""
        lines += [f"{row['id']}  {row['platform']} {row['handle']}{retired}",
                  f"    department: {row['department']} (owner: {row['owner']}); "
                  f"credentials: {row['credentials_holder']}",
                  f"    users: {users}", f"    password last changed: {changed}"]
    return "\n".join(lines)


def tasks_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "No password task is open."
    return "\n".join(
        f"{r['id']}  {r['account']}: {r['reason']} (held by {r['holder']}, open "
        f"{r['age_days']:.1f} days)" for r in rows)


# -- the procedure's clocks: current information (04.02 n) ---------------------------------------

def review_asked(case_id: str, account: str) -> str:
    return (f"Review {case_id} of {account}: please check that its profile, pinned posts and "
            f"contact details are current, then type 'current {case_id}', or "
            f"'changed {case_id} WHAT YOU CHANGED'.")


def review_done(case_id: str, account: str, who: str, what: str) -> str:
    if what:
        return f"Review {case_id} of {account}: {who} updated it ({what})."
    return f"Review {case_id} of {account}: {who} confirmed it is current."


def review_already_done(case_id: str, who: str, at: str) -> str:
    return f"Review {case_id} was already done by {who} on {at}."


def review_not_yours(case_id: str, account: str) -> str:
    return f"Review {case_id} is for the users of {account} and the CCT."


def review_action_unknown(action: str) -> str:
    return f"A review is confirmed current or says what changed, not {action[:20]!r}."


def review_in_words(case_id: str, account: str) -> str:
    return f"the review {case_id} of {account}"


def no_open_reviews() -> str:
    return "No account review waits for you."


# -- socialbot reviews (bot/reviews.py: every open review, as the CCT sees them) -----------------

def no_open_reviews_at_all() -> str:
    return "No account review is open."


def open_reviews_heading(count: int) -> str:
    return f"{count} account review(s) wait for the account's users:"


def open_review_line(case_id: str, account_id: str, account: str, days: int,
                     acting: tuple[str, ...]) -> str:
    return (f"  {case_id}  {account_id} {account}  {days} business day(s)  "
            f"to act: {', '.join(acting) or 'nobody'}")


def question_marked(case_id: str, account: str) -> str:
    return f"{case_id}: the post needs the City's answer; its response clock runs on {account}."


def changed_meanwhile(record_id: str) -> str:
    return f"{record_id} was changed by someone else at the same moment; nothing was changed. " \
           f"Please look again and retry."
def entra_counts(users: int, skipped: int, throttled: int) -> str:
    return (f"  {users} users read, {skipped} left out (no matching department, title or "
            f"e-mail), throttled {throttled} times.")


def directory_changed_meanwhile() -> str:
    return ("the directory changed while this difference was being made (another import or "
            "sync); nothing was applied: run it again")


# -- password tasks' "Mark done" button (bot/tasks.py; Slack and Teams) ------------------------

MARK_DONE = "Mark done"
TASK_BUTTON_HINT = "Use the Mark done button once the password is changed"


def task_passed(task_id: str, to: str, entry: HistoryEntry, zone: str) -> str:
    return (f"{task_id} was passed to {to} by {entry.signer} on {when(entry.at, zone)}; it is "
            f"theirs now.")


def task_step_closed(task_id: str, action: str) -> str:
    return f"Password task {task_id}: {'done' if action == 'done' else 'passed on'}."


def task_marked_done(task_id: str, account: str) -> str:
    return f"{task_id} is done: the register records the password of {account} as changed " \
           f"now, by you."


def task_already(what_became_of_it: str, *, done: bool) -> str:
    lead = "Already done" if done else "Out of date"
    return f"{lead}: {what_became_of_it} Nothing was changed."
