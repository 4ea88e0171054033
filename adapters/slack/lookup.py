"""Slack user ids from e-mail addresses (`users.lookupByEmail`, scope `users:read.email`),
for the directory sync. One call at a time; a 429 is retried after its Retry-After by
slack_sdk's rate-limit handler (users.lookupByEmail is a Tier 3 method, about 50 a minute).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)
RATE_LIMIT_RETRIES = 5


async def slack_ids_by_email(token: str, api_url: str, emails: Iterable[str]) -> dict[str, str]:
    """E-mail (lower case) -> Slack user id, for the addresses Slack knows."""
    client = AsyncWebClient(token=token, base_url=api_url, retry_handlers=[
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)])
    found: dict[str, str] = {}
    missing = 0
    for email in dict.fromkeys(e.lower() for e in emails if e):
        try:
            answer = await client.users_lookupByEmail(email=email)
        except SlackApiError as error:
            if error.response.get("error") == "users_not_found":
                missing += 1
                continue
            raise
        user = answer.get("user") or {}
        if isinstance(user, dict) and isinstance(user.get("id"), str):
            found[email] = user["id"]
    log.info("Slack knows %d of the e-mail addresses looked up (%d not found)", len(found),
             missing)
    return found
