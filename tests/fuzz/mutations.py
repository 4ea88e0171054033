"""Hypothesis strategies that damage real payloads: a few edits anywhere in the JSON tree.

Each edit picks a place in the payload (any object member or array item, however deep) and
deletes it, replaces it with a value of another kind, adds a member or item, or changes its
type while keeping its content (a text becomes a number, an object a list...). Replacement
values lean toward what breaks code written for the happy path: nulls, empty containers,
numbers where text belongs, format strings, very long or odd text, URLs without a scheme.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

Path = tuple[str | int, ...]
ODD_TEXTS = ("", " ", "{0}", "{x}", "%s%n", "x" * 3000, "\u0000", "\ud7ff\u202e",
             "<at>bot</at>", "[]", "{}", "null", "ftp://host", "http://", "//host/x",
             "https://smba.trafficmanager.net/{0}/", "-1", "1e999")
LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(ODD_TEXTS),
    st.text(max_size=12))
VALUES = st.recursive(
    LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                    st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
KEYS = st.one_of(st.sampled_from(("type", "id", "user", "value", "view", "event", "text",
                                  "serviceUrl", "conversation", "from", "actions", "team",
                                  "channel", "authorizations", "response_urls", "state",
                                  "callback_id", "name", "data", "posts")),
                 st.text(max_size=8))
EDITS = ("delete", "replace", "add", "retype")


def places(node: Any, where: Path = ()) -> Iterator[Path]:
    """Every place in a JSON tree, the root included."""
    yield where
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, (*where, index))


def _get(node: Any, where: Path) -> Any:
    for step in where:
        node = node[step]
    return node


def _retyped(value: Any) -> Any:
    """The same content in another JSON type."""
    if isinstance(value, str):
        return int(value) if value.isascii() and value.isdigit() else [value]
    if isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    return {}


@st.composite
def damaged(draw: st.DrawFn, payload: Any, *, max_edits: int = 3) -> Any:
    """`payload` (not changed) with one to `max_edits` edits."""
    result = copy.deepcopy(payload)
    for _ in range(draw(st.integers(1, max_edits))):
        where = draw(st.sampled_from(list(places(result))))
        edit = draw(st.sampled_from(EDITS))
        result = _edit(draw, result, where, edit)
    return result


def _edit(draw: st.DrawFn, root: Any, where: Path, edit: str) -> Any:
    target = _get(root, where)
    if edit == "add" and isinstance(target, dict):
        target[draw(KEYS)] = draw(VALUES)
        return root
    if edit == "add" and isinstance(target, list):
        target.append(draw(VALUES))
        return root
    new = _retyped(target) if edit == "retype" else draw(VALUES)
    if not where:
        return root if edit == "delete" else new
    parent = _get(root, where[:-1])
    if edit == "delete":
        del parent[where[-1]]
    else:
        parent[where[-1]] = new
    return root
