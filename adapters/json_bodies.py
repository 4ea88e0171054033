"""JSON bodies for the chat platforms' APIs (cards, messages, invoke answers), written and read
by orjson.

The same JSON as the standard library's `json.dumps` for what the bot sends (dicts, lists,
strings, numbers), at a fraction of the CPU: a card's body is most of what a Web API call or
a Bot Connector send costs to prepare. UTF-8 rather than \\u escapes; both are JSON. What
orjson alone would accept beyond the standard library (datetimes, dataclasses) is still
refused, and what only the standard library takes (an integer over 64 bits, a lone surrogate)
is written by it, as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

_STRICT = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def dumps(data: Any, *, default: Callable[[Any], Any] | None = None) -> bytes:
    """`data` as compact UTF-8 JSON; `default` as the standard library's."""
    try:
        return orjson.dumps(data, default=default, option=_STRICT)
    except TypeError:
        return json.dumps(data, separators=(",", ":"), default=default).encode("ascii")


def loads(text: str | bytes) -> Any:
    """`json.loads(text)`: the same value or the same error, by orjson where it can (it
    refuses a little more: NaN, lone surrogates, integers over 64 bits; those, and whatever
    else it refuses, are read by the standard library, which decides)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def dumps_text(data: Any) -> str:
    """The same as text: aiohttp's `json_serialize` for a client session."""
    return dumps(data).decode("utf-8")
