"""A City with three accounts, one employee who uses them all and an approval waiting on them;
shared by the console and Slack walkthroughs."""

from __future__ import annotations

import asyncio

from adapters.console.notices import ConsoleChannel
from adapters.console.session import ConsoleSession
from bot.audit import Actor
from bot.cases import Move
from bot.domain import SocialMediaRequest
from socialbot.bootstrap import Runtime
from tests.support import valid_form

ACCOUNTS = (("Facebook", "@PickeringRec"), ("Instagram", "@pickering.rec"),
            ("YouTube", "https://youtube.com/@PickeringRecreation"))


def console(bot: Runtime, person: str) -> ConsoleSession:
    return ConsoleSession(bot.workflow, person, desk=bot.desk, confirm=False,
                          notices=bot.repository, reminders=bot.reminders,
                          duties=bot.services.duties)


def attach_console(bot: Runtime) -> None:
    bot.services.attach("console", ConsoleChannel(bot.workflow, bot.repository,
                                                  bot.services.duties))


def deliver(bot: Runtime) -> None:
    asyncio.run(bot.dispatcher.deliver_due())


def approve_access(bot: Runtime, person: str = "adoe") -> SocialMediaRequest:
    """An access request of `person` taken through its whole chain (06.01, 06.02)."""
    workflow = bot.workflow
    request = workflow.submit(Actor(person, "console"), valid_form())
    for who, action in (("msmith", "approve"), ("rsingh", "approve"), ("pbrown", "approve"),
                        (person, "submit_sop"), ("kwong", "approve"), ("pbrown", "approve")):
        request = workflow.decide(Actor(who, "console"), request.id,
                                  Move(action, sop_text="Post twice a week."))
    assert request.state == "approved"
    return request
