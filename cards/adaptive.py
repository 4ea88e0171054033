"""Renders card content as Adaptive Cards 1.5, as Microsoft Teams shows them.

Everything a person typed (names aside from the directory, comments, reasons, the initiative,
the SOP, a post under moderation) is put in a `TextRun`, which renderers show as plain text:
no Markdown, no links, no mentions. The cards are plain dicts serialized by `json`, so no
input can break out of a string. Button payloads go through the one codec (`cards.codec`):
an `Action.Execute` carries the action as its `verb` and the encoded payload in
`data["button"]`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.form import FIELDS, FieldSpec
from bot.limits import MAX_BAN_REASON, MAX_COMMENT, MAX_LINK, MAX_SOP
from cards.alert import AlertButton, AlertCard
from cards.codec import ButtonPayload
from cards.content import Button, RequestCard

Json = dict[str, Any]

CARD_VERSION = "1.5"  # Teams' Universal Actions (Action.Execute, refresh) need 1.4 or later
SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json"
CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
FORM_VERB = "submit_form"
OPEN_FORM_VERB = "open_form"
REFRESH_VERB = "refresh"
BUTTON_KEY = "button"      # where an Action.Execute's data carries the encoded ButtonPayload
MAX_REFRESH_USERS = 60     # Teams ignores refresh.userIds beyond 60
MAX_TEXT = 4000            # what one text run shows; the stored text is never cut
# The inputs a decision may need, by the verb's `needs`: (input id, label, required, max).
DECISION_INPUTS: dict[str, tuple[tuple[str, str, bool, int], ...]] = {
    "reason": (("reason", "Reason (the employee will see it)", True, MAX_COMMENT),),
    "comments": (("comments", "What should change (the employee will see it)", True,
                  MAX_COMMENT),),
    "sop": (("sop_text", "Standard Operating Procedure", True, MAX_SOP),
            ("sop_link", "Link to the full SOP (optional, https://...)", False, MAX_LINK)),
    "reassign": (("reassign_comment", "Note for the new approver (optional)", False,
                  MAX_COMMENT),),
}
INPUT_ERRORS = {
    "reason": "Give a reason: the employee will see it.",
    "comments": "Say what should change.",
    "sop_text": "The SOP text is required.",
    "reassign_to": "Choose who takes this stage.",
}


# -- building blocks ---------------------------------------------------------------------------

def card(body: list[Json], actions: list[Json] | None = None, *,
         refresh: Json | None = None) -> Json:
    built: Json = {"type": "AdaptiveCard", "$schema": SCHEMA_URL, "version": CARD_VERSION,
                   "body": body}
    if actions:
        built["actions"] = actions
    if refresh is not None:
        built["refresh"] = refresh
    return built


def heading(text: str, size: str = "Medium") -> Json:
    """A title in the bot's own words (no user text: TextBlock renders Markdown)."""
    return {"type": "TextBlock", "text": text, "weight": "Bolder", "size": size, "wrap": True}


def plain(text: str, *, color: str = "", weight: str = "", italic: bool = False,
          subtle: bool = False) -> Json:
    """Any text, shown literally: a RichTextBlock's TextRun has no Markdown."""
    return {"type": "RichTextBlock", "inlines": [_run(text, color=color, weight=weight,
                                                      italic=italic, subtle=subtle)]}


def fact(label: str, value: str) -> Json:
    """`label: value` on one line; the label bold, the value literal."""
    return {"type": "RichTextBlock",
            "inlines": [_run(f"{label}: ", weight="Bolder"), _run(value)]}


def error_line(text: str) -> Json:
    return plain(text, color="Attention", weight="Bolder")


def _run(text: str, *, color: str = "", weight: str = "", italic: bool = False,
         subtle: bool = False) -> Json:
    shown = text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"
    run: Json = {"type": "TextRun", "text": shown}
    if color:
        run["color"] = color
    if weight:
        run["weight"] = weight
    if italic:
        run["italic"] = True
    if subtle:
        run["isSubtle"] = True
    return run


def execute(title: str, verb: str, data: Mapping[str, Any], *, style: str = "") -> Json:
    action: Json = {"type": "Action.Execute", "title": title, "verb": verb, "data": dict(data)}
    if style in ("primary", "positive"):
        action["style"] = "positive"
    elif style in ("danger", "destructive"):
        action["style"] = "destructive"
    return action


def button_action(label: str, payload: ButtonPayload, *, style: str = "") -> Json:
    return execute(label, payload.verb, {BUTTON_KEY: payload.encode()}, style=style)


def text_input(input_id: str, label: str, *, required: bool, max_length: int,
               value: str = "", multiline: bool = False, placeholder: str = "",
               error: str = "") -> Json:
    element: Json = {"type": "Input.Text", "id": input_id, "label": label,
                     "isRequired": required, "maxLength": max_length,
                     "errorMessage": error or (f"{label} is required." if required else
                                               f"Keep it to {max_length} characters.")}
    if value:
        element["value"] = value[:max_length]
    if multiline:
        element["isMultiline"] = True
    if placeholder:
        element["placeholder"] = placeholder
    return element


def refresh_for(payload: ButtonPayload, user_ids: Sequence[str]) -> Json:
    """Universal Actions refresh: these users get their own view when they look at the card."""
    return {"action": {"type": "Action.Execute", "verb": REFRESH_VERB,
                       "data": {BUTTON_KEY: payload.encode()}},
            "userIds": list(dict.fromkeys(user_ids))[:MAX_REFRESH_USERS]}


# -- the Appendix 2 form -----------------------------------------------------------------------

def form_card(*, values: Mapping[str, Any], choices: Mapping[str, list[tuple[str, str]]],
              privacy_notice: str, employee: str, nonce: str,
              errors: Mapping[str, str] | None = None, approvers: str = "") -> Json:
    """The access form with `values` filled in; `errors` (from the server) shown by each field;
    `approvers` says who will approve, before anything is typed."""
    errors = errors or {}
    body: list[Json] = [heading("Social Media Request for Access (Appendix 2)"),
                        plain(f"ADM 140-007. Filed by {employee}.", subtle=True)]
    if approvers:
        body.append(plain(approvers))
    if errors:
        body.append(error_line("Please correct the fields marked below; nothing was filed."))
    part = ""
    for spec in FIELDS:
        if spec.part != part:
            part = spec.part
            body.append(heading(part, size="Default"))
        if spec.kind == "consent":
            body.append({"type": "Container", "style": "emphasis",
                         "items": [plain(privacy_notice)]})
        if spec.from_directory:
            body.append(fact(spec.label, f"{values.get(spec.name) or ''} (from the City's "
                                         "directory)"))
            continue
        body.append(_form_input(spec, values.get(spec.name), choices.get(spec.name, [])))
        if spec.name in errors:
            body.append(error_line(errors[spec.name]))
    leftovers = [m for name, m in errors.items() if name not in {f.name for f in FIELDS}]
    body += [error_line(m) for m in leftovers]
    submit = execute("Submit request", FORM_VERB, {"form": "appendix2", "nonce": nonce},
                     style="primary")
    return card(body, [submit])


def _form_input(spec: FieldSpec, value: Any, options: list[tuple[str, str]]) -> Json:
    if spec.kind in ("text", "long_text"):
        return text_input(spec.name, spec.label, required=spec.required,
                          max_length=spec.max_length, value=str(value or ""),
                          multiline=spec.kind == "long_text", placeholder=spec.hint,
                          error=f"{spec.label} is required.")
    if spec.kind in ("choice", "multi_choice"):
        multi = spec.kind == "multi_choice"
        element: Json = {
            "type": "Input.ChoiceSet", "id": spec.name, "label": spec.label,
            "isRequired": spec.required,
            "errorMessage": "Choose at least one." if multi else f"Choose a {spec.label.lower()}.",
            "choices": [{"title": title, "value": key} for key, title in options],
        }
        if multi:
            element["isMultiSelect"] = True  # the Playground proved this shape (a menu)
        else:
            element["style"] = "compact"
        chosen = _choice_value(value)
        if chosen:
            element["value"] = chosen
        return element
    return {"type": "Input.Toggle", "id": spec.name, "title": spec.label, "label": "Consent",
            "valueOn": "true", "valueOff": "false", "isRequired": True,
            "value": "true" if value in (True, "true") else "false",
            "errorMessage": "Please read the notice of collection and accept it."}


def _choice_value(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value) if value else ""


def filed_card(request_id: str, sentence: str) -> Json:
    """What replaces the form once it is filed."""
    return card([heading(f"Request {request_id} filed"), plain(sentence)])


def notice_card(title: str, text: str) -> Json:
    return card([heading(title), plain(text)])


# -- request cards -----------------------------------------------------------------------------

def request_card(content: RequestCard, *, refresh_user_ids: Sequence[str] | None = None,
                 notice: str = "", lead: str = "",
                 reassign_choices: Sequence[tuple[str, str]] = (),
                 sop_draft: tuple[str, str] = ("", "")) -> Json:
    """A request as one viewer sees it: facts, signatures, the outcome or their buttons.

    `refresh_user_ids` makes Teams ask the bot for each listed user's own view (Universal
    Actions); `notice` is shown on top in red (a refusal, a server-side error); `lead` is a
    line on top in the bot's words (a reminder).
    """
    body: list[Json] = []
    if notice:
        body.append(error_line(notice))
    if lead:
        body.append(plain(lead, weight="Bolder"))
    body += [heading(content.title), fact("Stage", content.status)]
    body += [fact(label, value) for label, value in content.facts if value]
    body.append(fact("Program or initiative", content.initiative))
    if content.sop:
        body.append(fact("SOP", content.sop))
    body += [plain(f"• {line}", subtle=True) for line in content.signatures]
    if content.outcome:
        body.append(fact("Outcome", content.outcome))
    actions = [_decision_action(b, reassign_choices, sop_draft) for b in content.buttons]
    refresh = None
    if refresh_user_ids is not None:
        refresh = refresh_for(ButtonPayload("view", content.request_id, content.step),
                              refresh_user_ids)
    return card(body, actions, refresh=refresh)


def _decision_action(button: Button, reassign_choices: Sequence[tuple[str, str]],
                     sop_draft: tuple[str, str]) -> Json:
    if not button.needs:
        return button_action(button.label, button.payload, style=button.style)
    inputs: list[Json] = []
    if button.needs == "reassign":
        inputs.append({
            "type": "Input.ChoiceSet", "id": "reassign_to", "label": "Reassign to",
            "style": "compact", "isRequired": True, "errorMessage": INPUT_ERRORS["reassign_to"],
            "choices": [{"title": title, "value": key} for key, title in reassign_choices],
        })
    defaults = {"sop_text": sop_draft[0], "sop_link": sop_draft[1]}
    for input_id, label, required, limit in DECISION_INPUTS[button.needs]:
        inputs.append(text_input(input_id, label, required=required, max_length=limit,
                                 value=defaults.get(input_id, ""),
                                 multiline=input_id != "sop_link",
                                 error=INPUT_ERRORS.get(input_id, "")))
    confirm = button_action(f"Confirm: {button.label}", button.payload, style=button.style)
    return {"type": "Action.ShowCard", "title": button.label,
            "card": {"type": "AdaptiveCard", "body": inputs, "actions": [confirm]}}


def status_card(title: str, lines: Sequence[tuple[str, str]]) -> Json:
    """A list: one line per request (id, what it is and where it stands)."""
    body = [heading(title)] + [fact(label, value) for label, value in lines]
    return card(body)


# -- welcome and moderation --------------------------------------------------------------------

def welcome_card(*, city: str, greeting: str, commands: Sequence[tuple[str, str]]) -> Json:
    body = [heading(f"{city}: social media access"), plain(greeting),
            plain("I run Social Media Procedure ADM 140-007: you ask for access to the City's "
                  "social media accounts with the Appendix 2 form, your supervisor, the "
                  "Corporate Communications Team and your director approve, then you write "
                  "your SOP. Approvals reach you here as cards.")]
    body += [fact(word, meaning) for word, meaning in commands]
    return card(body, [execute("Request access", OPEN_FORM_VERB, {"form": "appendix2"},
                               style="primary")])


def alert_card(content: AlertCard, *, refresh_user_ids: Sequence[str] | None = None,
               notice: str = "") -> Json:
    """A moderation alert: the post, why it was flagged, and Remove / Keep / Ban / Escalate."""
    body: list[Json] = [error_line(notice)] if notice else []
    body += [heading(content.title), fact("Author", content.author),
             fact("Where", content.where),
             {"type": "Container", "style": "emphasis", "items": [plain(content.post_text)]}]
    if content.url:
        body.append(fact("Original", content.url))
    for finding in content.findings:
        evidence = ", ".join(f'"{e}"' for e in finding.evidence)
        body.append(plain(f"• {finding.category} ({finding.confidence:.0%}): "
                          f"{finding.explanation}" + (f" [{evidence}]" if evidence else "")))
    body.append(fact("Status", content.status))
    if content.removal:
        body.append(fact("Removal on the page", content.removal))
    refresh = None
    if refresh_user_ids is not None:
        refresh = refresh_for(ButtonPayload("view", content.alert_id, content.step),
                              refresh_user_ids)
    return card(body, [_alert_action(b) for b in content.buttons], refresh=refresh)


def _alert_action(button: AlertButton) -> Json:
    if not button.needs_reason and not button.confirm:
        return button_action(button.label, button.payload, style=button.style)
    inputs: list[Json] = []
    if button.confirm:
        inputs.append(plain(button.confirm, weight="Bolder"))
    if button.needs_reason:
        inputs.append(text_input("reason", "Reason (kept in the record)", required=True,
                                 max_length=MAX_BAN_REASON, multiline=True,
                                 error="Give a reason."))
    confirm = button_action(f"Confirm: {button.label}", button.payload, style=button.style)
    return {"type": "Action.ShowCard", "title": button.label,
            "card": {"type": "AdaptiveCard", "body": inputs, "actions": [confirm]}}


def attachment(content: Json) -> Json:
    """The Bot Framework attachment that carries a card."""
    return {"contentType": CONTENT_TYPE, "content": content}


# -- password tasks: a notice with its "Mark done" button (bot/tasks.py) -----------------------

def task_card(title: str, text: str, button: ButtonPayload | None, *, label: str,
              notice: str = "") -> Json:
    """A password task's notice (literal text); for someone who may act on it now, the button
    that marks it done. `notice` (in red, on top) says why a click changed nothing."""
    body = ([error_line(notice)] if notice else []) + [heading(title), plain(text)]
    actions = [button_action(label, button, style="positive")] if button else None
    return card(body, actions)


def task_list_card(title: str, rows: Sequence[tuple[str, ButtonPayload | None]], *,
                   label: str, notice: str = "", lead: str = "", source: str = "") -> Json:
    """A person's tasks, one line each, a password task's with its own "Mark done" button.
    `source` goes into each button's data, so a click answers with this list again; `notice`
    (red) says why a click changed nothing, `lead` (bold) what it did."""
    body: list[Json] = ([error_line(notice)] if notice else []) + \
        ([plain(lead, weight="Bolder")] if lead else []) + [heading(title)]
    for text, button in rows:
        body.append(plain(text))
        if button is not None:
            action = button_action(label, button, style="positive")
            if source:
                action["data"]["source"] = source
            body.append({"type": "ActionSet", "actions": [action]})
    return card(body)
