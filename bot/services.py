"""What the composition root hands to every adapter: the core's services and the ports they use.

Adapters receive a `Services` and nothing else from the outside; they never import the
composition root (`socialbot/`), so an adapter can be built and tested on its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.accounts import AccountRegister
from bot.cases import CaseEngine
from bot.clock_commands import ClockCommands
from bot.config import AppConfig
from bot.directory import Directory
from bot.directory_sync import DirectoryKeeper
from bot.duties import AccountDuties
from bot.grants import AccessGrants
from bot.moderation.desk import ModerationDesk
from bot.offboarding import Offboarding
from bot.ports import Channel, DeliveryLedger, Durability, Immediate, KeyValueStore
from bot.questions import QuestionDesk
from bot.tasks import PasswordTasks
from bot.time_away import TimeAway
from bot.workflow import Workflow


async def no_pace() -> None:
    """No outbox to keep pace with (tests, the console without a dispatcher)."""


@dataclass
class Services:
    config: AppConfig
    engine: CaseEngine
    workflow: Workflow           # access and promotion requests
    desk: ModerationDesk         # public posts and moderation alerts
    kv: KeyValueStore            # small adapter state (DM channels, filed forms, references)
    ledger: DeliveryLedger       # what each channel sent where
    wake: Callable[[], None]     # something was queued: deliver it now
    # The account register and the duties after "access granted" (04.08 a, 05).
    accounts: AccountRegister    # the City's accounts and who may use them
    tasks: PasswordTasks         # password-change tasks
    offboarding: Offboarding     # leaving (scheduled, proposed by a sync) and revocation (05)
    grants: AccessGrants         # the CCT records which accounts an approved request covers
    # The platforms attached so far, by name: the outbox delivers through exactly these.
    channels: dict[str, Channel] = field(default_factory=dict)
    # Citizens' questions (04.02 k): set by the composition root; chat lists the open ones.
    questions: QuestionDesk | None = None
    # clear/answered a question, close a broken link, current/changed a review (Slack, Teams)
    clock_commands: ClockCommands | None = None
    # The directory the bot keeps (sources, history) and people's time away.
    directory_keeper: DirectoryKeeper | None = None
    time_away: TimeAway | None = None
    # Group commit: a click's decision is taken inside `durability.deferred()` and acked after
    # `await durability.flushed()` (one fsync for the decisions that arrived together).
    durability: Durability = field(default_factory=Immediate)
    # Back-pressure: a click waits (briefly) before deciding while notices run late, so the
    # next approver hears of a decision within moments (the outbox dispatcher's `keep_pace`).
    keep_pace: Callable[[], Awaitable[None]] = no_pace

    @property
    def directory(self) -> Directory:
        return self.workflow.directory

    @property
    def duties(self) -> AccountDuties:
        """The register and its duties as the chat adapters use them."""
        return AccountDuties(self.accounts, self.tasks, self.offboarding, self.grants)

    def attach(self, name: str, channel: Channel) -> None:
        self.channels[name] = channel
