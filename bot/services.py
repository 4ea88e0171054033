"""What the composition root hands to every adapter: the core's services and the ports they use.

Adapters receive a `Services` and nothing else from the outside; they never import the
composition root (`socialbot/`), so an adapter can be built and tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.cases import CaseEngine
from bot.config import AppConfig
from bot.directory import Directory
from bot.moderation.desk import ModerationDesk
from bot.ports import Channel, DeliveryLedger, Durability, Immediate, KeyValueStore
from bot.workflow import Workflow


@dataclass
class Services:
    config: AppConfig
    engine: CaseEngine
    workflow: Workflow           # access and promotion requests
    desk: ModerationDesk         # public posts and moderation alerts
    kv: KeyValueStore            # small adapter state (DM channels, filed forms, references)
    ledger: DeliveryLedger       # what each channel sent where
    wake: Callable[[], None]     # something was queued: deliver it now
    # The platforms attached so far, by name: the outbox delivers through exactly these.
    channels: dict[str, Channel] = field(default_factory=dict)
    # Group commit: a click's decision is taken inside `durability.deferred()` and acked after
    # `await durability.flushed()` (one fsync for the decisions that arrived together).
    durability: Durability = field(default_factory=Immediate)

    @property
    def directory(self) -> Directory:
        return self.workflow.directory

    def attach(self, name: str, channel: Channel) -> None:
        self.channels[name] = channel
