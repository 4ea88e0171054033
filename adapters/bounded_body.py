"""What the JSON endpoints that are not a chat platform's (the moderation intake, the HR
leavers feed) share: a refusal carrying its HTTP status, and a body read only up to its limit."""

from __future__ import annotations

from aiohttp import web


class Refused(Exception):
    """The request is refused with `status` and a sentence saying why (nothing changed)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def read_bounded(request: web.Request, limit: int) -> bytes:
    """The body, refused (413) once it is longer than `limit`, whatever Content-Length said."""
    if request.content_length is not None and request.content_length > limit:
        raise Refused(413, f"body larger than {limit} bytes")
    body = await request.content.read(limit + 1)
    if len(body) > limit:
        raise Refused(413, f"body larger than {limit} bytes")
    return body
