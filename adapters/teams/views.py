"""What a Teams user sees of the core's state: the form and request cards, per viewer.

Glue between the workflow and the Adaptive Card renderer (`cards.adaptive`): it asks the core
what a person may see and do, and hands the platform-neutral content to the renderer. Cards
carry `refresh.userIds` for the people who may act, so Teams asks for each one's own view.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.teams.references import References
from bot.config import Person
from bot.directory import Directory
from bot.domain import SocialMediaRequest
from bot.form import FIELDS, choices, prefill, with_identity
from bot.messages import request_filed, state_label
from bot.workflow import Workflow
from cards import adaptive
from cards.content import request_card

Json = dict[str, Any]


class Views:
    def __init__(self, workflow: Workflow, references: References, *, city: str) -> None:
        self.workflow = workflow
        self.references = references
        self.city = city

    @property
    def directory(self) -> Directory:
        return self.workflow.directory

    def form(self, person: Person, nonce: str, *, values: Mapping[str, Any] | None = None,
             errors: Mapping[str, str] | None = None) -> Json:
        directory = self.workflow.directory
        programs = self.workflow.settings.programs
        shown = with_identity(values if values is not None else prefill(person, directory),
                              person)
        return adaptive.form_card(
            values=shown,
            choices={f.name: choices(f.name, directory, programs) for f in FIELDS},
            privacy_notice=self.workflow.settings.privacy_notice,
            employee=f"{person.full_name}, {person.title}", nonce=nonce, errors=errors,
            approvers=self.workflow.who_will_approve(person.id))

    def card(self, request: SocialMediaRequest, viewer: str | None, *, step: int | None = None,
             notice: str = "", lead: str = "") -> Json:
        """The request as `viewer` sees it (None: a shared channel's copy)."""
        content = request_card(request, self.workflow, viewer=viewer, step=step)
        candidates = self.workflow.reassign_candidates(request, viewer) if viewer else []
        sop = request.sop
        return adaptive.request_card(
            content, refresh_user_ids=self.refresh_ids(request, viewer), notice=notice,
            lead=lead,
            reassign_choices=[(p, self.directory.signature(p)) for p in candidates],
            sop_draft=(sop.text, sop.link or "") if sop else ("", ""))

    def refresh_ids(self, request: SocialMediaRequest, viewer: str | None) -> list[str]:
        """Teams user ids that get their own view: whoever may act now, and the viewer."""
        people = [*self.workflow.current_approvers(request), request.requester_id]
        if viewer:
            people.append(viewer)
        ids = [self.references.user_id(p) for p in dict.fromkeys(people)]
        return [i for i in ids if i]

    def next_names(self, request: SocialMediaRequest) -> str:
        return self.workflow.next_names(request)

    def filed_sentence(self, request: SocialMediaRequest) -> str:
        return request_filed(request, self.next_names(request))

    def status(self, person: Person) -> Json | None:
        mine = self.workflow.requests_of(person.id)
        if not mine:
            return None
        lines = [(r.id, f"{', '.join(r.programs)}: {state_label(r)}") for r in mine]
        return adaptive.status_card("Your requests", lines)
