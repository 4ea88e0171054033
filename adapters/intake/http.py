"""POST /api/moderation/posts: the publishing side hands public posts to the moderation desk.

One post or a batch (a JSON object, a list, or {"posts": [...]}). Authenticated by a bearer
token (MODERATION_INTAKE_TOKEN) or an HMAC signature (MODERATION_INTAKE_SECRET, the same
scheme as the removal webhook); every field is validated and a bad batch is refused whole with
a 400 naming the problem; a post seen before gets its first verdict again.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any

from aiohttp import web
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from adapters.bounded_body import Refused, read_bounded
from adapters.webhook.channel import sign
from bot.config import IntakeConfig
from bot.moderation.desk import ModerationDesk
from bot.moderation.model import Post

log = logging.getLogger(__name__)

Short = Annotated[str, Field(min_length=1, max_length=200)]
SIGNATURE_TOLERANCE = 300


class PostIn(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    platform: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_.-]+$")]
    board: Short
    folder: Short
    topic: Annotated[str, Field(max_length=1000)] = ""
    post_id: Annotated[str, Field(min_length=1, max_length=200,
                                  validation_alias=AliasChoices("post_id", "id"))]
    author_id: Short
    author_name: Annotated[str, Field(max_length=200)] = ""
    text: str
    url: Annotated[str, Field(max_length=2000, pattern=r"^https?://\S+$")] | None = None
    created_at: datetime
    # The post this one answers (`in_reply_to` is accepted too): how a City reply is found.
    parent_id: Annotated[str | None, Field(
        max_length=200, validation_alias=AliasChoices("parent_id", "in_reply_to"))] = None
    author_is_city: bool = False

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("needs a time zone offset, e.g. 2027-03-04T09:15:00-05:00")
        return value

    def to_post(self) -> Post:
        return Post(**self.model_dump())


class IntakeEndpoint:
    def __init__(self, desk: ModerationDesk, config: IntakeConfig, *,
                 token: str = "", secret: str = "", on_queued: Any = None,
                 watchers: Sequence[Callable[[Post], object]] = ()) -> None:
        self.desk = desk
        # Told of every post after it is screened (the link check, citizens' questions); what
        # they keep is committed before the intake answers.
        self.watchers = tuple(watchers)
        self.config = config
        self.token = token
        self.secret = secret
        self.on_queued = on_queued
        if not (token or secret):
            log.warning("moderation intake: neither MODERATION_INTAKE_TOKEN nor "
                        "MODERATION_INTAKE_SECRET is set; every post will be refused (401)")

    async def handle(self, request: web.Request) -> web.Response:
        try:
            body = await read_bounded(request, self.config.max_body_bytes)
            self._authenticate(request, body)
            posts = self._parse(body)
        except Refused as refused:
            return web.json_response({"error": str(refused)}, status=refused.status)
        results = [self._screen(post) for post in posts]
        if self.on_queued is not None and any(r["alert_id"] for r in results):
            self.on_queued()
        return web.json_response({"results": results})

    def _screen(self, post: Post) -> dict[str, Any]:
        verdict, alert_id = self.desk.receive(post)
        for watch in self.watchers:
            watch(post)
        return {"post_id": post.post_id, "action": verdict.action,
                "labels": list(verdict.labels), "alert_id": alert_id,
                "duplicate_of": verdict.duplicate_of, "banned_author": verdict.banned_author,
                "auto_remove": verdict.auto_remove}

    def _authenticate(self, request: web.Request, body: bytes) -> None:
        header = request.headers.get("Authorization", "")
        if self.token and hmac.compare_digest(header.encode(), f"Bearer {self.token}".encode()):
            return
        if self.secret and self._signed(request, body):
            return
        raise Refused(401, "missing or wrong credentials")

    def _signed(self, request: web.Request, body: bytes) -> bool:
        timestamp = request.headers.get("X-Socialbot-Timestamp", "")
        signature = request.headers.get("X-Socialbot-Signature", "")
        if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
            return False
        if abs(time.time() - int(timestamp)) > SIGNATURE_TOLERANCE:
            return False
        return hmac.compare_digest(signature.encode(), sign(self.secret, timestamp, body).encode())

    def _parse(self, body: bytes) -> list[Post]:
        try:
            raw = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise Refused(400, "the body is not UTF-8") from None
        except ValueError as problem:
            raise Refused(400, f"malformed JSON: {problem}") from None
        if isinstance(raw, dict) and "posts" in raw:
            raw = raw["posts"]
        items = raw if isinstance(raw, list) else [raw]
        if not items:
            raise Refused(400, "no posts in the body")
        if len(items) > self.config.max_batch:
            raise Refused(413, f"at most {self.config.max_batch} posts per request")
        return [self._post(item, f"posts[{i}]" if isinstance(raw, list) else "post")
                for i, item in enumerate(items)]

    def _post(self, item: Any, where: str) -> Post:
        if not isinstance(item, dict):
            raise Refused(400, f"{where}: expected a JSON object")
        try:
            post = PostIn.model_validate(item)
        except ValidationError as problem:
            first = problem.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise Refused(400, f"{where}.{field}: {first['msg']}") from None
        if len(post.text) > self.config.max_text_chars:
            raise Refused(400, f"{where}.text: longer than "
                                     f"{self.config.max_text_chars} characters")
        return post.to_post()


def mount(app: web.Application, desk: ModerationDesk, config: IntakeConfig,
          on_queued: Any = None, watchers: Sequence[Callable[[Post], object]] = ()) -> None:
    endpoint = IntakeEndpoint(desk, config, token=os.environ.get("MODERATION_INTAKE_TOKEN", ""),
                              secret=os.environ.get("MODERATION_INTAKE_SECRET", ""),
                              on_queued=on_queued, watchers=watchers)
    app.router.add_post("/api/moderation/posts", endpoint.handle)
