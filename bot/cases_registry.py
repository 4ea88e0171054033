"""The case types this bot keeps and the id prefix of each (what a button's id says it is)."""

from __future__ import annotations

CASE_PREFIXES: dict[str, str] = {"R": "request", "A": "alert",
                                 "T": "task", "O": "offboarding", "AC": "account",
                                 "G": "grant"}
# The procedure's clocks (bot/questions.py, bot/links.py, bot/reviews.py).
CASE_PREFIXES.update({"Q": "question", "L": "link", "V": "review"})


def case_type_of(case_id: str) -> str | None:
    """The type a case id belongs to, from its prefix; None for an id of no known type."""
    prefix, dash, number = case_id.partition("-")
    return CASE_PREFIXES.get(prefix) if dash and number.isdigit() else None
