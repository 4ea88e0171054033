"""The completed Appendix 2, rendered from the audit trail (Markdown or printable HTML), and the
full audit of any case for the CCT.

Both formats are drawn from one `Appendix` value, so they cannot disagree: Parts 1-3 with
every offered program ticked or not, each signature with name, title, "for" where a delegate
signed, the time in the City's zone and the platform account that clicked, stages the chain
skips marked "not required", every SOP revision, and the hash that closes the history chain.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable
from dataclasses import dataclass

from bot.audit import HistoryEntry, Refusal, last_hash
from bot.chains import APPROVAL_STAGES, SOP_STAGES
from bot.directory import Directory
from bot.domain import SocialMediaRequest, Sop
from bot.form import STATUS_LABELS
from bot.messages import action_label, stage_title, state_label, when

TITLES = {"access": "Social Media Request for Access",
          "promotion": "Request to Promote a City Initiative"}  # 04.01 c
SIGNATURE_LABELS = {
    "supervisor": "Supervisor (agreement in principle)",
    "cct": "Corporate Communications Team",
    "director": "Director",
    "sop_review": "SOP reviewed by the CCT",
    "sop_director": "SOP approved by the Director",
}
SIGNING_ACTIONS = ("approve",)
TICKED, UNTICKED = "☒", "☐"
NOT_SIGNED, NOT_REQUIRED = "not signed", "not required"


@dataclass(frozen=True)
class Appendix:
    title: str
    case_id: str
    status: str
    part1: list[tuple[str, str]]
    programs: list[tuple[str, bool]]
    part3: list[tuple[str, str]]
    notice: str
    notice_accepted: str
    signatures: list[tuple[str, str]]
    sops: list[tuple[Sop, str]]  # each revision and when it was submitted
    history: list[HistoryEntry]
    chain_hash: str


def build_appendix(request: SocialMediaRequest, directory: Directory, zone: str,
                   offered: Iterable[str], skipped: Iterable[str] = ()) -> Appendix:
    """`skipped`: stages of the request's chain it did not need (a CAO has no supervisor)."""
    e = request.employee
    chosen = set(request.programs)
    programs = [(p, p in chosen) for p in dict.fromkeys([*offered, *request.programs])]
    return Appendix(
        title=TITLES.get(request.kind, TITLES["access"]), case_id=request.id,
        status=state_label(request),
        part1=[("First name", e.first_name), ("Last name", e.last_name),
               ("Department", e.department), ("Division", e.division),
               ("Section", e.section or "-"), ("Employee status", STATUS_LABELS[e.status])],
        programs=programs,
        part3=[("City department", directory.department_name(request.promote_department)),
               ("Program and/or initiative", request.initiative)],
        notice=request.consent.notice, notice_accepted=when(request.consent.accepted_at, zone),
        signatures=_signatures(request, directory, zone, set(skipped)),
        sops=[(sop, when(sop.submitted_at, zone)) for sop in request.sops],
        history=list(request.history), chain_hash=last_hash(request.history),
    )


def _signatures(request: SocialMediaRequest, directory: Directory, zone: str,
                skipped: set[str]) -> list[tuple[str, str]]:
    rows = [("Employee", signature(_last(request, "employee", "submit"), directory, zone))]
    stages = [*APPROVAL_STAGES, *(SOP_STAGES[1:] if request.kind == "access" else ())]
    for stage in stages:
        if stage not in request.chain or stage in skipped:
            rows.append((SIGNATURE_LABELS[stage], NOT_REQUIRED))
        else:
            entry = _last(request, stage, *SIGNING_ACTIONS)
            rows.append((SIGNATURE_LABELS[stage], signature(entry, directory, zone)))
    return rows


def signature(entry: HistoryEntry | None, directory: Directory, zone: str) -> str:
    """"Sam Baker for Casey MacDonald, Deputy Fire Chief, 2026-11-24 09:00 EST (via slack,
    account U0SBAKER)"."""
    if entry is None:
        return NOT_SIGNED
    return (f"{entry.signer}, {entry.actor_title}, {when(entry.at, zone)} "
            f"(via {entry.platform}, account {account(entry, directory)})")


def account(entry: HistoryEntry, directory: Directory) -> str:
    """The platform identity that clicked: the Slack or Teams id, else the directory id."""
    person = directory.find(entry.actor_id)
    if person is not None and entry.platform == "slack" and person.slack_id:
        return person.slack_id
    if person is not None and entry.platform == "teams" and person.teams_id:
        return person.teams_id
    return entry.actor_id


def _last(request: SocialMediaRequest, stage: str, action: str) -> HistoryEntry | None:
    found = [h for h in request.history if h.stage == stage and h.action == action]
    return found[-1] if found else None


def facts(entry: HistoryEntry) -> str:
    """The comment and every recorded fact of a move, in one line."""
    parts = [entry.comment] if entry.comment else []
    parts += [f"{key.replace('_', ' ')}: {value}" for key, value in entry.details.items()]
    return "; ".join(parts)


def sop_changes(sops: tuple[Sop, ...]) -> str:
    """What the latest SOP revision changed since the one before (a unified diff), or ""."""
    if len(sops) < 2:
        return ""
    before, after = sops[-2], sops[-1]
    return "\n".join(difflib.unified_diff(
        before.text.splitlines(), after.text.splitlines(),
        f"revision {before.revision}", f"revision {after.revision}", lineterm=""))


# -- Markdown ---------------------------------------------------------------------------------

def _md(text: str) -> str:
    """Escape Markdown so a value typed by a person cannot restructure the document."""
    out = text.replace("\\", "\\\\")
    for char in "`*_[]<>|~":
        out = out.replace(char, "\\" + char)
    out = " ".join(out.split("\n"))
    return "\\" + out if out[:1] in ("#", "-", "+", "=") else out


def render_markdown(a: Appendix, zone: str) -> str:
    lines = [f"# {a.title} - {a.case_id}", "",
             f"ADM 140-007, Appendix 2. Status: {a.status}.", "",
             "## Part 1 - Employee details", "", "| Field | Value |", "| --- | --- |",
             *[f"| {label} | {_md(value)} |" for label, value in a.part1], "",
             "## Part 2 - Social media programs", "",
             *[f"- {TICKED if ticked else UNTICKED} {_md(p)}" for p, ticked in a.programs], "",
             "## Part 3 - Description of usage", ""]
    for label, value in a.part3:
        lines += [f"{label}: {_md(value)}", ""]
    lines += [f"## Notice of collection (accepted {a.notice_accepted})", "",
              "> " + _md(a.notice), "", "## Signatures", "",
              *[f"- {label}: {_md(text)}" for label, text in a.signatures]]
    for sop, submitted in a.sops:
        lines += ["", f"## Standard Operating Procedure (revision {sop.revision}, "
                      f"submitted {submitted})", "",
                  *[_md(line) + "  " for line in sop.text.splitlines()]]
        if sop.link:
            lines += ["", f"Link: <{sop.link}>"]
    lines += ["", "## History", "", "| # | When | Who | Action | Stage | Comment |",
              "| --- | --- | --- | --- | --- | --- |"]
    for h in a.history:
        lines.append(f"| {h.seq} | {when(h.at, zone)} | {_md(h.signer)} "
                     f"({_md(h.actor_title)}) | {action_label(h)} | {stage_title(h.stage)} | "
                     f"{_md(facts(h)) or '-'} |")
    lines += ["", f"History chain (sha256), last hash: `{a.chain_hash or 'none'}`"]
    return "\n".join(lines) + "\n"


# -- HTML -------------------------------------------------------------------------------------

PRINT_CSS = """
body{font:11pt/1.35 Georgia,'Times New Roman',serif;margin:2em auto;max-width:46em;color:#000}
h1{font-size:16pt;margin:0 0 .2em}h2{font-size:12pt;margin:1em 0 .3em;border-bottom:1px solid #000}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:2px 5px;
text-align:left;vertical-align:top}ul{list-style:none;padding-left:0;margin:.2em 0}
.programs li{display:inline-block;margin-right:1.5em}.hash{font:8pt monospace;word-break:break-all}
.history{font-size:8.5pt}pre{white-space:pre-wrap;font:9pt monospace;margin:0}
@page{size:letter;margin:1.5cm}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}
tr,li{break-inside:avoid}.history{font-size:8pt}}
"""


def render_html(a: Appendix, zone: str) -> str:
    """One self-contained page (no outside stylesheet or font), every value escaped."""
    e = html.escape
    part1 = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in a.part1)
    programs = "".join(f"<li>{TICKED if ticked else UNTICKED} {e(p)}</li>"
                       for p, ticked in a.programs)
    part3 = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in a.part3)
    signatures = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in a.signatures)
    sops = "".join(
        f"<h2>Standard Operating Procedure (revision {sop.revision}, submitted {e(at)})</h2>"
        f"<pre>{e(sop.text)}</pre>" + (f"<p>Link: {e(sop.link)}</p>" if sop.link else "")
        for sop, at in a.sops)
    history = "".join(
        f"<tr><td>{h.seq}</td><td>{e(when(h.at, zone))}</td><td>{e(h.signer)} "
        f"({e(h.actor_title)})</td><td>{e(action_label(h))}</td><td>{e(stage_title(h.stage))}"
        f"</td><td>{e(facts(h)) or '-'}</td></tr>" for h in a.history)
    return (
        f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{e(a.title)} - {e(a.case_id)}</title><style>{PRINT_CSS}</style></head><body>"
        f"<h1>{e(a.title)} - {e(a.case_id)}</h1>"
        f"<p>ADM 140-007, Appendix 2. Status: {e(a.status)}.</p>"
        f"<h2>Part 1 - Employee details</h2><table>{part1}</table>"
        f"<h2>Part 2 - Social media programs</h2><ul class=\"programs\">{programs}</ul>"
        f"<h2>Part 3 - Description of usage</h2><table>{part3}</table>"
        f"<h2>Notice of collection (accepted {e(a.notice_accepted)})</h2>"
        f"<p>{e(a.notice)}</p><h2>Signatures</h2><table>{signatures}</table>{sops}"
        f"<h2>History</h2><table class=\"history\"><tr><th>#</th><th>When</th><th>Who</th>"
        f"<th>Action</th><th>Stage</th><th>Comment</th></tr>{history}</table>"
        f"<p class=\"hash\">History chain (sha256), last hash: {e(a.chain_hash or 'none')}</p>"
        f"</body></html>\n")


# -- the audit, for the CCT -------------------------------------------------------------------

def render_audit(case_id: str, history: Iterable[HistoryEntry], refusals: Iterable[Refusal],
                 directory: Directory, zone: str) -> str:
    """Every signed entry with all its facts and its hash, then every refused attempt."""
    lines = [f"Audit of {case_id}", "", "History:"]
    for h in history:
        lines.append(f"  {h.seq}. {when(h.at, zone)}  {h.signer} ({h.actor_title}) via "
                     f"{h.platform}, account {account(h, directory)}: {h.action} "
                     f"[{h.stage}, step {h.step}]")
        for key, value in [("comment", h.comment), *h.details.items()]:
            if value:
                lines.append(f"       {key}: {' '.join(value.split())}")
        lines.append(f"       hash: {h.hash or '(not chained yet)'}")
    refused = list(refusals)
    lines += ["", f"Refused attempts ({len(refused)}):" if refused else "Refused attempts: none"]
    for r in refused:
        lines.append(f"  {when(r.at, zone)}  {r.person_id} via {r.platform}: {r.action} - "
                     f"{r.reason}")
    return "\n".join(lines) + "\n"
