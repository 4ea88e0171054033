"""What the core tells a person instead of acting; every channel shows the message as it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class CaseError(Exception):
    """Base of what the engine tells a person instead of acting."""


class NotFound(CaseError):
    pass


class Refused(CaseError):
    """Not allowed; nothing changed. The message says why, in plain words."""


class AlreadyDecided(CaseError):
    """The step was decided already (a retry, a double click or a faster colleague)."""

    def __init__(self, message: str, case: Any) -> None:
        super().__init__(message)
        self.case = case


# Not frozen: Python sets `__traceback__` on an exception as it passes through a context
# manager (`Store.deferred()` around a decision), which a frozen dataclass refuses.
@dataclass(eq=False)
class FieldErrors(Exception):
    """The input is invalid: one message per field, nothing stored."""

    errors: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return "; ".join(f"{k}: {v}" for k, v in self.errors.items())
