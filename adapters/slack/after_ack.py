"""The work a listener does after it has acked: started at once, tracked, logged, drained.

Bolt runs in `process_before_response` mode: the HTTP answer waits for the whole listener, with
no polling for the ack. So a listener acks (with any content the ack itself must carry: modal
errors, an ephemeral answer to a command) and hands the slow rest (deciding, Web API calls,
opening a modal with the click's trigger) to `AfterAck.start`, which runs it as its own task
right away, so a trigger id is still used within Slack's 3 seconds. The tasks are kept (asyncio
holds only weak references to running tasks), a failure is logged and goes no further, and on
shutdown the server waits a moment for what is under way, then cancels the rest: every decision
is committed with its notifications before any message is sent, so nothing decided is lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)
DRAIN_SECONDS = 5.0


class AfterAck:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self, work: Coroutine[Any, Any, None], what: str) -> None:
        """Run `work` now, beside the ack's answer; `what` names it in the log if it fails."""
        task = asyncio.get_running_loop().create_task(_logged(work, what), name=what)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Let the work under way finish (new work it starts too), then cancel what is left."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._tasks:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            await asyncio.wait(set(self._tasks), timeout=left)
        cancelled = list(self._tasks)
        for task in cancelled:
            task.cancel()
        if cancelled:
            log.warning("Slack: cancelled %d unfinished task(s) at shutdown", len(cancelled))
            await asyncio.gather(*cancelled, return_exceptions=True)


async def _logged(work: Coroutine[Any, Any, None], what: str) -> None:
    try:
        await work
    except asyncio.CancelledError:
        raise
    except Exception:  # the ack is sent; all that is left to do with a failure is report it
        log.exception("Slack: %s failed after the ack", what)
