"""What a Slack user sees of the core's state: cards, forms, modals and App Home, per viewer.

Glue between the workflow and the Block Kit renderer (`cards.slack`): it asks the core what a
person may see and do, and hands the platform-neutral card content to the renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import overload

from adapters.slack import messages as say
from adapters.slack.duties import SlackDuties
from bot.chains import STAGES
from bot.config import Person
from bot.domain import SocialMediaRequest
from bot.form import FIELDS, choices, prefill
from bot.workflow import Workflow
from cards import slack as blocks
from cards.codec import ButtonPayload
from cards.content import RequestCard, request_card
from cards.slack import MAX_VIEW_BLOCKS, Block, View

COMMENT_WORDS = {
    "reject": ("Reason", "Give your reason: the employee will see it."),
    "request_changes": ("Comments", "Say what should change: the employee will see it."),
}


class Screens:
    def __init__(self, workflow: Workflow, *, command: str,
                 duties: SlackDuties | None = None, dashboard: bool = False) -> None:
        self.workflow = workflow
        self.command = command
        self.duties = duties
        self.dashboard = dashboard  # App Home offers the dashboard link

    @property
    def zone(self) -> str:
        return self.workflow.settings.time_zone

    def card(self, request: SocialMediaRequest, viewer: str | None,
             step: int | None = None) -> RequestCard:
        return request_card(request, self.workflow, viewer=viewer, step=step)

    def names(self, person_ids: list[str]) -> str:
        directory = self.workflow.directory
        return ", ".join(directory.person(p).full_name for p in person_ids) or "nobody"

    def next_names(self, request: SocialMediaRequest) -> str:
        return self.workflow.next_names(request)

    # -- the Appendix 2 form ------------------------------------------------------------------

    def form(self, person: Person) -> View:
        directory = self.workflow.directory
        programs = self.workflow.settings.programs
        return blocks.form_modal(
            values=prefill(person, directory),
            choices={f.name: choices(f.name, directory, programs) for f in FIELDS},
            privacy_notice=self.workflow.settings.privacy_notice,
            employee=f"{person.full_name}, {person.title}",
            approvers=self.workflow.who_will_approve(person.id),
        )

    # -- decision modals ------------------------------------------------------------------------

    def comment_modal(self, button: ButtonPayload, request: SocialMediaRequest) -> View:
        stage = STAGES[request.state]
        label, prompt = COMMENT_WORDS.get(button.verb, COMMENT_WORDS["reject"])
        action = stage.refuse_label if button.verb == "reject" else "Request changes"
        return blocks.comment_modal(payload=button, title=action or "Reject", label=label,
                                    prompt=f"{action} {request.id} ({stage.title}). {prompt}")

    def sop_modal(self, button: ButtonPayload, request: SocialMediaRequest) -> View:
        sop = request.sop
        changes = [h for h in request.history if h.action == "request_changes"]
        return blocks.sop_modal(
            payload=button, request_title=f"request {request.id}",
            text=sop.text if sop else "", link=(sop.link or "") if sop else "",
            comments=changes[-1].comment if changes else "",
        )

    def reassign_modal(self, button: ButtonPayload, request: SocialMediaRequest,
                       person_id: str) -> View:
        directory = self.workflow.directory
        candidates = [(p, directory.signature(p))
                      for p in self.workflow.reassign_candidates(request, person_id)]
        return blocks.reassign_modal(payload=button, stage_title=STAGES[request.state].title,
                                     candidates=candidates)

    # -- answers --------------------------------------------------------------------------------

    def status(self, person: Person) -> list[Block]:
        mine = [self.card(r, person.id) for r in reversed(self.workflow.requests_of(person.id))]
        if not mine:
            return blocks.status_blocks(f"You have no requests. {say.short_help(self.command)}",
                                        [])
        return blocks.status_blocks("Your requests", mine)

    def home(self, person: Person | None, slack_user: str) -> View:
        if person is None:
            directory = self.workflow.directory
            return blocks.home_view(greeting=say.not_in_directory(slack_user, directory),
                                    waiting=[], mine=[], help_text=say.short_help(self.command))
        waiting = Drawn(self.workflow.inbox(person.id), self.card, person.id)
        mine = Drawn(self.workflow.requests_of(person.id)[::-1], self.card, person.id)
        view = blocks.home_view(greeting=f"Hello {person.full_name} ({person.title}).",
                                waiting=waiting, mine=mine,
                                help_text=say.short_help(self.command),
                                dashboard=self.dashboard)
        if self.duties is not None:  # their tasks beside their approvals
            view["blocks"] = with_duties(view["blocks"], self.duties.home_blocks(person.id))
        return view


class Drawn(Sequence[RequestCard]):
    """Requests' cards drawn for a viewer only when read: App Home shows what fits in
    Slack's 100 blocks and counts the rest, so a person with thousands of requests costs the
    cards shown, not thousands of cards (it is redrawn after every notice concerning them)."""

    def __init__(self, requests: Sequence[SocialMediaRequest],
                 draw: Callable[[SocialMediaRequest, str], RequestCard], viewer: str) -> None:
        self.requests, self.draw, self.viewer = requests, draw, viewer

    def __len__(self) -> int:
        return len(self.requests)

    @overload
    def __getitem__(self, index: int) -> RequestCard: ...

    @overload
    def __getitem__(self, index: slice) -> list[RequestCard]: ...

    def __getitem__(self, index: int | slice) -> RequestCard | list[RequestCard]:
        if isinstance(index, slice):
            return [self.draw(r, self.viewer) for r in self.requests[index]]
        return self.draw(self.requests[index], self.viewer)


def with_duties(home: list[Block], duties: list[Block]) -> list[Block]:
    """The App Home's blocks with the person's tasks after "Waiting for you", within Slack's
    limit of blocks per view (the requests' history gives way first)."""
    if not duties:
        return home
    ends = [i for i, b in enumerate(home) if b.get("type") == "divider"]
    at = ends[1] if len(ends) > 1 else len(home)
    merged = [*home[:at], {"type": "divider"}, *duties, *home[at:]]
    return merged[:MAX_VIEW_BLOCKS]
