"""The publishing side's removal webhook, as an outbox channel.

A moderator's Remove (or Ban) is POSTed as JSON, signed like Slack signs its requests
(`X-Socialbot-Signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")`), with the
notification id as `X-Socialbot-Delivery` so the receiver can drop a retried copy. 5xx, 429 and
timeouts are retried by the outbox with backoff; other 4xx are final. The answer is shown on
every copy of the alert.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

import aiohttp

from bot.moderation.desk import ModerationDesk
from bot.notifications import Notification
from bot.ports import DeliveryFailed


def sign(secret: str, timestamp: str, body: bytes) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class RemovalWebhook:
    name = "webhook"

    def __init__(self, *, url: str, secret: str, desk: ModerationDesk,
                 timeout: float = 10.0) -> None:
        self.url = url
        self.secret = secret
        self.desk = desk
        self.timeout = aiohttp.ClientTimeout(total=timeout)

    async def deliver(self, notification: Notification) -> None:
        if notification.kind != "remove_post":
            return
        alert = self.desk.get(notification.case_id)
        last = alert.history[-1] if alert.history else None
        body = json.dumps({
            "action": "remove", "alert_id": alert.id, "platform": alert.post.platform,
            "post_id": alert.post.post_id, "board": alert.post.board,
            "folder": alert.post.folder, "url": alert.post.url,
            "categories": list(alert.verdict.labels),
            "moderator": last.actor_name if last else "", "reason": last.comment if last else "",
            "ban_author": alert.state == "banned", "author_id": alert.post.author_id,
        }).encode()
        timestamp = str(int(time.time()))
        headers = {"Content-Type": "application/json",
                   "X-Socialbot-Timestamp": timestamp,
                   "X-Socialbot-Signature": sign(self.secret, timestamp, body),
                   "X-Socialbot-Delivery": notification.id}
        status = await self._post(body, headers, alert.id)
        if 200 <= status < 300:
            self.desk.removal_result(alert.id, "done")
            return
        if status in (408, 429) or status >= 500:
            self.desk.removal_result(alert.id, f"retrying (HTTP {status})")
            raise DeliveryFailed(f"removal webhook answered {status}", retry_after=0.0)
        self.desk.removal_result(alert.id, f"failed: HTTP {status}")
        raise DeliveryFailed(f"removal webhook refused: {status}", retry_after=None)

    async def _post(self, body: bytes, headers: dict[str, str], alert_id: str) -> int:
        try:
            async with aiohttp.ClientSession(timeout=self.timeout) as session, \
                    session.post(self.url, data=body, headers=headers) as answer:
                return answer.status
        except (aiohttp.ClientError, TimeoutError) as problem:
            self.desk.removal_result(alert_id, "retrying (publishing side unreachable)")
            raise DeliveryFailed(f"removal webhook unreachable: {problem!r}",
                                 retry_after=0.0) from None
