"""Renders card content and the bot's forms as Slack Block Kit.

Every piece of text a person or the directory supplied goes through `mrkdwn` or `plain`:
`&`, `<` and `>` are escaped (so `<!channel>` typed into a form is shown, never executed) and
the text is cut with an ellipsis to the limit of the field it lands in, so Slack never rejects
a message for its length. Messages keep to 50 blocks, views to 100.

Blocks are built as plain JSON-ready dicts by the small constructors at the end of this module:
slack_sdk's models validate on every `to_dict()`, which cost more than the rest of a click's
work together. `validate` checks any rendered surface against slack_sdk's models instead; the
tests run it on every surface the bot renders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot.form import FIELDS, FieldSpec
from bot.limits import MAX_BAN_REASON, MAX_COMMENT, MAX_LINK, MAX_SOP
from cards.alert import AlertCard
from cards.codec import ButtonPayload
from cards.content import Button, RequestCard

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
SECTION_TEXT = 3000
FIELD_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
OPTION_TEXT = 75
LABEL_TEXT = 2000
VIEW_TITLE = 24
NOTIFICATION_TEXT = 3000  # the fallback `text` of a message (Slack's own limit is 40,000)
ELLIPSIS = "…"

# Callback ids of the modals: the adapter routes submissions by them.
FORM_CALLBACK = "request_access"
COMMENT_CALLBACK = "decision_comment"
SOP_CALLBACK = "submit_sop"
REASSIGN_CALLBACK = "reassign"
NOTICE_CALLBACK = "notice"

CONSENT_VALUE = "accepted"
COMMENT_BLOCK = "comment"
SOP_TEXT_BLOCK, SOP_LINK_BLOCK = "sop_text", "sop_link"
REASSIGN_BLOCK = "reassign_to"

_PARTIAL_ENTITY = re.compile(r"&[a-z]{0,3}$")
Block = dict[str, Any]
View = dict[str, Any]
Text = dict[str, Any]


# -- text ---------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Slack's mrkdwn control characters, escaped as Slack documents."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cut(text: str, limit: int) -> str:
    """At most `limit` characters; a longer text ends with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def mrkdwn(text: str, limit: int = SECTION_TEXT) -> str:
    """User text made safe for a mrkdwn field of `limit` characters."""
    return fit(escape(text), limit)


def fit(escaped: str, limit: int) -> str:
    """Cut already-escaped text to `limit`, never in the middle of an entity such as `&amp;`."""
    if len(escaped) <= limit:
        return escaped
    return _PARTIAL_ENTITY.sub("", escaped[: limit - 1]).rstrip() + ELLIPSIS


def plain(text: str, limit: int) -> Text:
    """A plain_text object (Slack shows it literally) of at most `limit` characters."""
    return {"type": "plain_text", "text": cut(text.strip() or "-", limit), "emoji": False}


def _md(text: str) -> Text:
    # Callers pass text already escaped with `mrkdwn`; the bold labels are the bot's own.
    # verbatim: Slack must not turn a typed "@channel" or a channel name into a mention/link.
    return {"type": "mrkdwn", "text": text or " ", "verbatim": True}


# -- request cards --------------------------------------------------------------------------------


def card_blocks(card: RequestCard, *, lead: str = "") -> list[Block]:
    """A request card as message blocks; `lead` is an optional sentence shown first."""
    blocks: list[Block] = []
    if lead:
        blocks.append(_section(text=_md(mrkdwn(lead))))
    blocks += [
        _header(text=plain(card.title, HEADER_TEXT)),
        _section(text=_md(f"*Status:* {mrkdwn(card.status, SECTION_TEXT - 20)}")),
        _section(fields=[
            _md(f"*{escape(label)}*\n{mrkdwn(value, FIELD_TEXT - len(label) - 4)}")
            for label, value in card.facts[:10] if value
        ]),
        _section(text=_md("*Program / initiative*\n"
                              + mrkdwn(card.initiative, SECTION_TEXT - 30))),
    ]
    if card.sop:
        blocks.append(_section(text=_md("*SOP*\n" + mrkdwn(card.sop, SECTION_TEXT - 10))))
    if card.signatures:
        lines = "\n".join(f"• {s}" for s in card.signatures)
        blocks.append(_section(text=_md("*Signed*\n" + mrkdwn(lines, SECTION_TEXT - 12))))
    if card.outcome:
        blocks.append(_section(text=_md(":white_check_mark: *Outcome:* "
                                            + mrkdwn(card.outcome, SECTION_TEXT - 40))))
    if card.buttons:
        blocks.append(buttons_block(card.buttons, card.request_id, card.step))
    return blocks[:MAX_MESSAGE_BLOCKS]


def buttons_block(buttons: Sequence[Button], request_id: str, step: int, *,
                  place: str = "actions") -> Block:
    """`place` keeps block ids unique where one request is shown twice (App Home)."""
    return _actions(
        block_id=f"{place}:{request_id}:{step}",
        elements=[_button(b.label, b.payload, b.style) for b in buttons[:25]],
    )


def _button(label: str, payload: ButtonPayload, style: str = "") -> Block:
    return _button_element(text=plain(label, BUTTON_TEXT), action_id=payload.verb,
                         value=payload.encode(), style=style or None)


def card_text(card: RequestCard) -> str:
    """The message's `text`: notifications and screen readers show it (mrkdwn, escaped)."""
    return mrkdwn(f"{card.title}: {card.outcome or card.status}", NOTIFICATION_TEXT)


def update_blocks(sentence: str, card: RequestCard) -> list[Block]:
    """A note to the requester: what happened, where the request stands, and a details button."""
    view = ButtonPayload("view", card.request_id, card.step)
    return [
        _section(text=_md(mrkdwn(sentence))),
        _context(elements=[_md(f"*{escape(card.title)}:* {mrkdwn(card.status, 1900)}")]),
        _actions(block_id=f"update:{card.request_id}:{card.step}",
                     elements=[_button("Show details", view)]),
    ]


def status_blocks(heading: str, cards: Sequence[RequestCard], *, limit: int = 20) -> list[Block]:
    """A compact list of requests with their stage (the `status` answer)."""
    blocks: list[Block] = [_section(text=_md(f"*{mrkdwn(heading, 200)}*"))]
    for card in cards[:limit]:
        blocks.append(_section(text=_md(f"*{escape(card.title)}*\n{mrkdwn(card.status)}")))
    if len(cards) > limit:
        blocks.append(_context(elements=[_md(f"…and {len(cards) - limit} more.")]))
    return blocks[:MAX_MESSAGE_BLOCKS]


# -- App Home ------------------------------------------------------------------------------------


DASHBOARD_ACTION = "dashboard_link"


def home_view(*, greeting: str, waiting: Sequence[RequestCard], mine: Sequence[RequestCard],
              help_text: str, dashboard: bool = False) -> View:
    """The App Home: what waits for me (with buttons), then my requests with their history;
    with `dashboard`, a button that opens the person's one-time dashboard link (a modal)."""
    blocks: list[Block] = [
        _header(text=plain("Social media access (ADM 140-007)", HEADER_TEXT)),
        _section(text=_md(mrkdwn(greeting))),
        _context(elements=[_md(mrkdwn(help_text, 1900))]),
    ]
    if dashboard:
        blocks.append(_actions(block_id="home:dashboard", elements=[_button_element(
            text=plain("Open the dashboard", BUTTON_TEXT), action_id=DASHBOARD_ACTION,
            value="dashboard", style=None)]))
    blocks += [
        _divider(),
        _header(text=plain(f"Waiting for you ({len(waiting)})", HEADER_TEXT)),
    ]
    blocks += _home_list(waiting, with_history=False, budget=44, empty="Nothing waits for you.",
                         place="waiting")
    blocks += [_divider(),
               _header(text=plain(f"Your requests ({len(mine)})", HEADER_TEXT))]
    blocks += _home_list(mine, with_history=True, budget=MAX_VIEW_BLOCKS - len(blocks) - 2,
                         empty="You have not filed a request yet.", place="mine")
    return _view(type="home", blocks=blocks[:MAX_VIEW_BLOCKS])


def _home_list(cards: Sequence[RequestCard], *, with_history: bool, budget: int,
               empty: str, place: str) -> list[Block]:
    if not cards:
        return [_section(text=_md(empty))]
    blocks: list[Block] = []
    for shown, card in enumerate(cards):
        entry = _home_entry(card, with_history, place)
        if len(blocks) + len(entry) > budget - 1:
            blocks.append(_context(elements=[_md(f"…and {len(cards) - shown} more.")]))
            break
        blocks += entry
    return blocks


def _home_entry(card: RequestCard, with_history: bool, place: str) -> list[Block]:
    facts = " · ".join(mrkdwn(v, 300) for label, v in card.facts
                       if label in ("Requested by", "Programs") and v)
    text = f"*{escape(card.title)}*: {mrkdwn(card.status, 300)}\n{facts}"
    if with_history and card.signatures:
        text += "\n" + "\n".join(f"• {s}" for s in (mrkdwn(s, 400) for s in card.signatures))
    entry: list[Block] = [_section(text=_md(fit(text, SECTION_TEXT)))]
    if card.buttons:
        entry.append(buttons_block(card.buttons, card.request_id, card.step, place=place))
    return entry


# -- modals --------------------------------------------------------------------------------------


def notice_modal(title: str, text: str) -> View:
    """A read-only modal: the answer to a click where no ephemeral message can go."""
    return _view(type="modal", callback_id=NOTICE_CALLBACK, title=plain(title, VIEW_TITLE),
                close=plain("Close", VIEW_TITLE),
                blocks=[_section(text=_md(mrkdwn(text)))])


def form_modal(*, values: Mapping[str, Any], choices: Mapping[str, list[tuple[str, str]]],
               privacy_notice: str, employee: str, approvers: str = "") -> View:
    """The Appendix 2 form: one input per `bot.form.FIELDS`, prefilled, with the notice;
    `approvers` says who will approve, before anything is typed."""
    blocks: list[Block] = [_section(text=_md(
        f"*Social Media Request for Access* (ADM 140-007, Appendix 2) for {mrkdwn(employee)}"
        + (f"\n{mrkdwn(approvers)}" if approvers else "")))]
    part = ""
    for spec in FIELDS:
        if spec.part != part:
            part = spec.part
            blocks.append(_header(text=plain(part, HEADER_TEXT)))
        if spec.kind == "consent":
            blocks.append(_section(text=_md(mrkdwn(privacy_notice))))
        if spec.from_directory:
            blocks.append(_section(text=_md(
                f"*{mrkdwn(spec.label)}:* {mrkdwn(str(values.get(spec.name) or ''))} "
                "(from the City's directory)")))
            continue
        blocks.append(_input(spec, values.get(spec.name), choices.get(spec.name, [])))
    return _view(type="modal", callback_id=FORM_CALLBACK, title=plain("Social media access",
                VIEW_TITLE), submit=plain("Submit", VIEW_TITLE), close=plain("Cancel", VIEW_TITLE),
                blocks=blocks[:MAX_VIEW_BLOCKS])


def _input(spec: FieldSpec, value: Any, options: list[tuple[str, str]]) -> Block:
    element: Any
    if spec.kind in ("text", "long_text"):
        initial = cut(str(value), spec.max_length) if value else None
        element = _text_input(action_id=spec.name, initial_value=initial,
                                        multiline=spec.kind == "long_text",
                                        max_length=spec.max_length)
    elif spec.kind == "choice":
        slack_options = [_option(v, label) for v, label in options[:100]]
        initial_option = next((o for o in slack_options if o["value"] == value), None)
        element = _static_select(action_id=spec.name, options=slack_options,
                                      initial_option=initial_option,
                                      placeholder=plain("Choose", 150))
    elif spec.kind == "multi_choice":
        slack_options = [_option(v, label) for v, label in options[:10]]
        chosen = [o for o in slack_options if value and o["value"] in value]
        element = _checkboxes(action_id=spec.name, options=slack_options,
                                    initial_options=chosen or None)
    else:
        element = _checkboxes(action_id=spec.name,
                                    options=[_option(CONSENT_VALUE, spec.label)])
    return _input_block(block_id=spec.name, label=plain(spec.label, LABEL_TEXT), element=element,
                      optional=not spec.required or spec.kind == "consent",
                      hint=plain(spec.hint, LABEL_TEXT) if spec.hint else None)


def _option(value: str, label: str) -> Block:
    return _option_object(value=value[:150], text=plain(label, OPTION_TEXT))


def comment_modal(*, payload: ButtonPayload, title: str, label: str, prompt: str) -> View:
    """Asks for the reason (Reject, Decline) or the comments (Request changes)."""
    return _view(
        type="modal", callback_id=COMMENT_CALLBACK, private_metadata=payload.encode(),
        title=plain(title, VIEW_TITLE), submit=plain("Send", VIEW_TITLE),
        close=plain("Cancel", VIEW_TITLE),
        blocks=[_section(text=_md(mrkdwn(prompt))),
                _input_block(block_id=COMMENT_BLOCK, label=plain(label, LABEL_TEXT),
                           element=_text_input(action_id=COMMENT_BLOCK, multiline=True,
                                                         max_length=MAX_COMMENT))],
    )


def sop_modal(*, payload: ButtonPayload, request_title: str, text: str, link: str,
              comments: str) -> View:
    """The SOP (06.02): its text and an optional link; the CCT's last comments shown first."""
    blocks: list[Block] = [_section(text=_md(
        f"Your Standard Operating Procedure for *{mrkdwn(request_title, 200)}*. The CCT reviews "
        "it, then your director approves it."))]
    if comments:
        blocks.append(_section(text=_md("*Comments on your last draft*\n"
                                            + mrkdwn(comments, SECTION_TEXT - 40))))
    blocks += [
        _input_block(block_id=SOP_TEXT_BLOCK, label=plain("SOP text", LABEL_TEXT),
                   element=_text_input(action_id=SOP_TEXT_BLOCK, multiline=True,
                                                 max_length=MAX_SOP,
                                                 initial_value=cut(text, MAX_SOP) or None)),
        _input_block(block_id=SOP_LINK_BLOCK, label=plain("Link to the full SOP", LABEL_TEXT),
                   optional=True, hint=plain("Optional: a web address starting with https://",
                                             LABEL_TEXT),
                   element=_text_input(action_id=SOP_LINK_BLOCK, max_length=MAX_LINK,
                                                 initial_value=cut(link, MAX_LINK) or None)),
    ]
    return _view(type="modal", callback_id=SOP_CALLBACK, private_metadata=payload.encode(),
                title=plain("Submit your SOP", VIEW_TITLE), submit=plain("Submit", VIEW_TITLE),
                close=plain("Cancel", VIEW_TITLE), blocks=blocks)


def reassign_modal(*, payload: ButtonPayload, stage_title: str,
                   candidates: Sequence[tuple[str, str]]) -> View:
    """A picker limited to the people the core says may take the stage."""
    options = [_option(person_id, label) for person_id, label in candidates[:100]]
    return _view(
        type="modal", callback_id=REASSIGN_CALLBACK, private_metadata=payload.encode(),
        title=plain("Reassign", VIEW_TITLE), submit=plain("Reassign", VIEW_TITLE),
        close=plain("Cancel", VIEW_TITLE),
        blocks=[
            _section(text=_md(f"Hand *{mrkdwn(stage_title, 200)}* of {payload.case_id} "
                                  "to someone else who may sign it.")),
            _input_block(block_id=REASSIGN_BLOCK, label=plain("Reassign to", LABEL_TEXT),
                       element=_static_select(action_id=REASSIGN_BLOCK, options=options,
                                                   placeholder=plain("Choose a person", 150))),
            _input_block(block_id=COMMENT_BLOCK, label=plain("Note", LABEL_TEXT), optional=True,
                       element=_text_input(action_id=COMMENT_BLOCK, max_length=MAX_COMMENT)),
        ],
    )


def to_dicts(blocks: Sequence[Block]) -> list[Block]:
    """The blocks as the Web API takes them (they are plain dicts already)."""
    return list(blocks)


def validate(surface: Block | Sequence[Block]) -> None:
    """Check a view (dict) or message blocks against slack_sdk's models; raises
    SlackObjectFormationError naming the broken limit."""
    from slack_sdk.models.blocks import Block as SdkBlock
    from slack_sdk.models.views import View as SdkView

    if isinstance(surface, dict):
        SdkView(**surface).to_dict()
        return
    for block in surface:
        parsed = SdkBlock.parse(block)
        if parsed is None:
            raise ValueError(f"not a block: {block!r}")
        parsed.to_dict()


# -- Block Kit constructors: JSON-ready dicts, None-valued keys left out ---------------------------


def _clean(**fields: Any) -> Block:
    return {k: v for k, v in fields.items() if v is not None}


def _section(*, text: Text | None = None, fields: list[Text] | None = None,
             block_id: str | None = None) -> Block:
    return _clean(type="section", block_id=block_id, text=text, fields=fields)


def _header(*, text: Text) -> Block:
    return {"type": "header", "text": text}


def _context(*, elements: list[Text]) -> Block:
    return {"type": "context", "elements": elements}


def _divider() -> Block:
    return {"type": "divider"}


def _actions(*, block_id: str, elements: list[Block]) -> Block:
    return {"type": "actions", "block_id": block_id, "elements": elements}


def _button_element(*, text: Text, action_id: str, value: str, style: str | None) -> Block:
    return _clean(type="button", text=text, action_id=action_id, value=value, style=style)


def _input_block(*, block_id: str, label: Text, element: Block, optional: bool | None = None,
                 hint: Text | None = None) -> Block:
    return _clean(type="input", block_id=block_id, label=label, element=element,
                  optional=optional, hint=hint)


def _text_input(*, action_id: str, initial_value: str | None = None,
                multiline: bool | None = None, max_length: int | None = None) -> Block:
    return _clean(type="plain_text_input", action_id=action_id, initial_value=initial_value,
                  multiline=multiline, max_length=max_length)


def _static_select(*, action_id: str, options: list[Block], initial_option: Block | None = None,
                   placeholder: Text | None = None) -> Block:
    return _clean(type="static_select", action_id=action_id, options=options,
                  initial_option=initial_option, placeholder=placeholder)


def _checkboxes(*, action_id: str, options: list[Block],
                initial_options: list[Block] | None = None) -> Block:
    return _clean(type="checkboxes", action_id=action_id, options=options,
                  initial_options=initial_options)


def _option_object(*, value: str, text: Text) -> Block:
    return {"value": value, "text": text}


def _view(*, type: str, blocks: list[Block], callback_id: str | None = None,
          title: Text | None = None, submit: Text | None = None, close: Text | None = None,
          private_metadata: str | None = None) -> View:
    return _clean(type=type, callback_id=callback_id, title=title, submit=submit, close=close,
                  private_metadata=private_metadata, blocks=blocks)


# -- moderation alerts ----------------------------------------------------------------------------

BAN_CALLBACK = "ban_author"
BAN_REASON_BLOCK = "ban_reason"


def alert_blocks(card: AlertCard) -> list[Block]:
    """A moderation alert: the post (escaped, cut, linked), where, why, and the decisions."""
    original = f"\n<{escape(card.url)}|Open the original>" if card.url and card.truncated else ""
    blocks: list[Block] = [
        _header(text=plain(card.title, HEADER_TEXT)),
        _section(text=_md(f"*{mrkdwn(card.author, 400)}* in {mrkdwn(card.where, 400)}")),
        _section(text=_md(">" + mrkdwn(card.post_text, SECTION_TEXT - 200).replace("\n", "\n>")
                          + original)),
    ]
    for finding in card.findings[:8]:
        evidence = ", ".join(f"“{mrkdwn(e, 80)}”" for e in finding.evidence)
        blocks.append(_section(text=_md(
            f"*{escape(finding.category)}* ({finding.confidence:.0%}): "
            f"{mrkdwn(finding.explanation, 1000)}" + (f"\n{evidence}" if evidence else ""))))
    status = f"*Status:* {mrkdwn(card.status, 1500)}"
    if card.removal:
        status += f"\n*Removal on the page:* {mrkdwn(card.removal, 200)}"
    blocks.append(_context(elements=[_md(status)]))
    if card.buttons:
        blocks.append(_actions(block_id=f"alert:{card.alert_id}:{card.step}", elements=[
            _button(b.label, b.payload, b.style) for b in card.buttons]))
    return blocks[:MAX_MESSAGE_BLOCKS]


def alert_text(card: AlertCard) -> str:
    return mrkdwn(f"{card.title}: {card.status}", NOTIFICATION_TEXT)


def ban_modal(*, payload: ButtonPayload, card: AlertCard) -> View:
    """Ban asks for a reason and for confirmation (submitting the modal is the confirmation)."""
    return _view(
        type="modal", callback_id=BAN_CALLBACK, private_metadata=payload.encode(),
        title=plain("Ban author", VIEW_TITLE), submit=plain("Ban and remove", VIEW_TITLE),
        close=plain("Cancel", VIEW_TITLE),
        blocks=[_section(text=_md(
                    f"Ban *{mrkdwn(card.author, 400)}*? This post is removed and their later "
                    "posts are flagged at once.")),
                _input_block(block_id=BAN_REASON_BLOCK, label=plain("Reason", LABEL_TEXT),
                             element=_text_input(action_id=BAN_REASON_BLOCK, multiline=True,
                                                 max_length=MAX_BAN_REASON))],
    )


# -- password tasks: a notice with its "Mark done" button (bot/tasks.py) --------------------------


def task_blocks(text: str, button: ButtonPayload | None, *, label: str) -> list[Block]:
    """A password task's notice (plain text, escaped here) and, for someone who may act on it
    now, the button that marks it done; a closed copy has the sentence alone."""
    blocks: list[Block] = [_section(text=_md(mrkdwn(text)))]
    if button is not None:
        blocks.append(_actions(block_id=f"task:{button.case_id}:{button.step}",
                               elements=[_button(label, button, "primary")]))
    return blocks


def task_row(text: str, button: ButtonPayload | None, *, label: str) -> Block:
    """One task of a list (App Home): the line, with the button beside it."""
    row = _section(text=_md(mrkdwn(text)))
    if button is not None:
        row["accessory"] = _button(label, button, "primary")
    return row
