"""App Home refreshes, coalesced per person: one views.publish per burst, never a stale one.

Every notice concerning someone who opened App Home redraws their home. Under a burst (an
approver deciding many requests, a requester told of each) that was one views.publish per
notice per person, each drawing every card they see. Here a refresh asked for marks the
person; one task per person waits `settle` seconds for the rest of the burst, then draws and
publishes the home as it is at that moment. A refresh asked for while one is being drawn or
sent marks them again, so another publish follows: the last state is always published.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

SETTLE_SECONDS = 0.2  # how long a burst may go on before the home is drawn


class HomeRefresher:
    def __init__(self, publish: Callable[[str], Awaitable[None]], *,
                 settle: float = SETTLE_SECONDS) -> None:
        self.publish = publish
        self.settle = settle
        self._wanted: set[str] = set()
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def refresh(self, slack_user: str) -> None:
        """Publish this person's home soon (once for everything asked meanwhile)."""
        self._wanted.add(slack_user)
        task = self._tasks.get(slack_user)
        if task is None or task.done():
            self._tasks[slack_user] = asyncio.get_running_loop().create_task(
                self._serve(slack_user), name=f"App Home {slack_user}")

    async def _serve(self, slack_user: str) -> None:
        try:
            while slack_user in self._wanted:
                await asyncio.sleep(self.settle)
                self._wanted.discard(slack_user)  # before drawing: later changes ask again
                try:
                    await self.publish(slack_user)
                except Exception as error:  # a bug: the next visit or notice tries again
                    log.error("App Home refresh failed: %s", type(error).__name__)
        finally:
            if self._tasks.get(slack_user) is asyncio.current_task():
                del self._tasks[slack_user]

    @property
    def busy(self) -> bool:
        return any(not t.done() for t in self._tasks.values())

    async def flush(self) -> None:
        """Publish what is still wanted now (on shutdown, and for tests that read homes)."""
        while self.busy:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)
