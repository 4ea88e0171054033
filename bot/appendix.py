"""The completed Appendix 2, "Social Media Request for Access", rendered from the audit trail."""

from __future__ import annotations

from bot.audit import HistoryEntry
from bot.directory import Directory
from bot.domain import SocialMediaRequest
from bot.form import STATUS_LABELS
from bot.messages import action_label, stage_title, state_label, when


def _md(text: str) -> str:
    """Escape Markdown so a value typed by a person cannot restructure the document."""
    out = text.replace("\\", "\\\\")
    for char in "`*_[]<>|~":
        out = out.replace(char, "\\" + char)
    out = " ".join(out.split("\n"))
    return "\\" + out if out[:1] in ("#", "-", "+", "=") else out


def _signature(entry: HistoryEntry | None, zone: str) -> str:
    if entry is None:
        return "_not signed_"
    return (f"{_md(entry.actor_name)}, {_md(entry.actor_title)}, "
            f"{when(entry.at, zone)} (via {entry.platform})")


def _last(request: SocialMediaRequest, stage: str, action: str) -> HistoryEntry | None:
    found = [h for h in request.history if h.stage == stage and h.action == action]
    return found[-1] if found else None


def render_markdown(request: SocialMediaRequest, directory: Directory, zone: str) -> str:
    e = request.employee
    lines = [
        f"# Social Media Request for Access - {request.id}",
        "",
        "ADM 140-007, Appendix 2. Status: " + state_label(request) + ".",
        "",
        "## Part 1 - Employee details",
        "",
        "| Field | Value |",
        "| --- | --- |",
        f"| First name | {_md(e.first_name)} |",
        f"| Last name | {_md(e.last_name)} |",
        f"| Department | {_md(e.department)} |",
        f"| Division | {_md(e.division)} |",
        f"| Section | {_md(e.section) or '-'} |",
        f"| Employee status | {STATUS_LABELS[e.status]} |",
        "",
        "## Part 2 - Social media programs",
        "",
        *[f"- [x] {_md(p)}" for p in request.programs],
        "",
        "## Part 3 - Description of usage",
        "",
        f"City department: {_md(directory.department_name(request.promote_department))}",
        "",
        f"Program and/or initiative: {_md(request.initiative)}",
        "",
        "## Notice of collection (accepted " + when(request.consent.accepted_at, zone) + ")",
        "",
        "> " + _md(request.consent.notice),
        "",
        "## Signatures",
        "",
        f"- Employee: {_signature(_last(request, 'employee', 'submit'), zone)}",
        f"- Supervisor (agreement in principle): "
        f"{_signature(_last(request, 'supervisor', 'approve'), zone)}",
        f"- Corporate Communications Team: {_signature(_last(request, 'cct', 'approve'), zone)}",
        f"- Director: {_signature(_last(request, 'director', 'approve'), zone)}",
    ]
    if "sop_draft" in request.chain:
        lines += [
            f"- SOP reviewed by the CCT: "
            f"{_signature(_last(request, 'sop_review', 'approve'), zone)}",
            f"- SOP approved by the Director: "
            f"{_signature(_last(request, 'sop_director', 'approve'), zone)}",
        ]
    if request.sop:
        lines += ["", f"## Standard Operating Procedure (revision {request.sop.revision})", "",
                  *[_md(line) + "  " for line in request.sop.text.splitlines()]]
        if request.sop.link:
            lines += ["", f"Link: <{request.sop.link}>"]
    lines += ["", "## History", "", "| # | When | Who | Action | Stage | Comment |",
              "| --- | --- | --- | --- | --- | --- |"]
    for h in request.history:
        stage = stage_title(h.stage)
        lines.append(f"| {h.seq} | {when(h.at, zone)} | {_md(h.actor_name)} "
                     f"({_md(h.actor_title)}) | {action_label(h)} | {stage} | "
                     f"{_md(h.comment) or '-'} |")
    return "\n".join(lines) + "\n"
