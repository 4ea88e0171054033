"""What the core raises instead of acting reaches the adapter unchanged, even through a context
manager (a decision inside `Store.deferred()`): a Slack modal with an empty reason got a 500."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.errors import FieldErrors


@contextmanager
def around() -> Iterator[None]:
    yield


def test_field_errors_pass_through_a_context_manager_unchanged() -> None:
    with pytest.raises(FieldErrors) as raised, around():
        raise FieldErrors({"reason": "Give a reason: the employee will see it."})
    assert raised.value.errors == {"reason": "Give a reason: the employee will see it."}
    assert raised.value.__traceback__ is not None
