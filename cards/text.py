"""Renders card content as plain text for the terminal."""

from __future__ import annotations

import re
import textwrap

from cards.alert import AlertCard
from cards.content import RequestCard

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]|\x1b\[[0-9;?]*[A-Za-z]")


def clean(text: str) -> str:
    """Strip terminal control sequences a person may have typed into a form."""
    return _CONTROL.sub("", text)


def render(card: RequestCard) -> str:
    lines = [f"{card.title}: {card.status}"]
    lines += [f"  {label}: {clean(value)}" for label, value in card.facts if value]
    lines.append("  Initiative: " + _wrap(clean(card.initiative), indent=14))
    if card.sop:
        lines.append("  SOP: " + _wrap(clean(card.sop), indent=7))
    lines += [f"  - {clean(s)}" for s in card.signatures]
    if card.outcome:
        lines.append(f"  Outcome: {clean(card.outcome)}")
    if card.buttons:
        verbs = ", ".join(f"{b.label} ({_command(b.payload.verb)} {card.request_id})"
                          for b in card.buttons)
        lines.append(f"  You can: {verbs}")
    return "\n".join(lines)


def _command(verb: str) -> str:
    return {"request_changes": "changes", "submit_sop": "sop"}.get(verb, verb)


def _wrap(text: str, indent: int) -> str:
    wrapped = textwrap.wrap(text, width=92 - indent) or [""]
    return ("\n" + " " * indent).join(wrapped)


def render_alert(card: AlertCard) -> str:
    lines = [card.title, f"  {clean(card.author)} in {clean(card.where)}",
             "  " + _wrap(clean(card.post_text), indent=4)]
    if card.url:
        lines.append(f"  Original: {clean(card.url)}")
    for finding in card.findings:
        evidence = ", ".join(f'"{clean(e)}"' for e in finding.evidence)
        lines.append(f"  - {finding.category} ({finding.confidence:.0%}): "
                     f"{clean(finding.explanation)}" + (f" [{evidence}]" if evidence else ""))
    lines.append(f"  Status: {clean(card.status)}")
    if card.removal:
        lines.append(f"  Removal on the page: {clean(card.removal)}")
    if card.buttons:
        lines.append("  You can: " + ", ".join(
            f"{b.label} ({b.payload.verb} {card.alert_id}" + (" REASON)" if b.needs_reason
                                                               else ")") for b in card.buttons))
    return "\n".join(lines)
