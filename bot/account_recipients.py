"""Which City account a public post belongs to, and who answers for that account.

A port, so the question and link cases name an account by its id and ask for its people when
they need them. `StaffRecipients` answers from the directory alone (an account is a platform's
page or board; its people are the moderators and the CCT) until the account register
(ADM 140-007 04.08) is wired in its place.
"""

from __future__ import annotations

from typing import Protocol

from bot.directory import Directory
from bot.moderation.model import Post


class AccountRecipients(Protocol):
    def account_of(self, post: Post) -> str:
        """The id of the City account `post` was posted to (its page or board)."""
        ...

    def is_city(self, post: Post) -> bool:
        """Whether the City posted `post` (one of its accounts is the author)."""
        ...

    def users(self, account_id: str) -> list[str]:
        """Who answers for the account: reminded first, before the CCT is told."""
        ...


class StaffRecipients:
    """Until the account register: an account is `platform:board`, the City's posts are the
    ones the publishing side marks `author_is_city`, and the moderators and the CCT answer."""

    def __init__(self, directory: Directory) -> None:
        self.directory = directory

    def account_of(self, post: Post) -> str:
        return f"{post.platform}:{post.board}"

    def is_city(self, post: Post) -> bool:
        return post.author_is_city

    def users(self, account_id: str) -> list[str]:
        return list(dict.fromkeys([*self.directory.moderators, *self.directory.cct_members]))
