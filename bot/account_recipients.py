"""Which City account a public post belongs to, and who answers for that account.

A port, so the question and link cases name an account by its id and ask for its people when
they need them. `RegisterRecipients` answers from the account register (ADM 140-007 04.08);
`StaffRecipients` from the directory alone (an account is a platform's page or board, its
people the moderators and the CCT), for pages the register does not list.
"""

from __future__ import annotations

from typing import Protocol

from bot.accounts import Account, AccountRegister
from bot.directory import Directory
from bot.errors import NotFound
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


def _normal(text: str) -> str:
    return text.strip().lstrip("@").lower().replace(" ", "")


class RegisterRecipients:
    """From the account register (04.08): a post belongs to the active account whose platform
    and handle match the post's platform and page (board); the City's posts are those the
    publishing side marks `author_is_city` or whose author is the account itself; an account's
    users are the register's. A post on a page the register does not know falls back to
    `StaffRecipients` (an account `platform:board`, the moderators and the CCT), so nothing
    goes unanswered while the register is being filled in."""

    def __init__(self, register: AccountRegister) -> None:
        self.register = register
        self.fallback = StaffRecipients(register.directory)

    def _account(self, post: Post) -> Account | None:
        platform, board = _normal(post.platform), _normal(post.board)
        return next((a for a in self.register.all() if not a.is_final
                     and _normal(a.platform) == platform and _normal(a.handle) == board), None)

    def account_of(self, post: Post) -> str:
        found = self._account(post)
        return found.id if found else self.fallback.account_of(post)

    def is_city(self, post: Post) -> bool:
        if post.author_is_city:
            return True
        found = self._account(post)
        return found is not None and _normal(post.author_id) == _normal(found.handle)

    def users(self, account_id: str) -> list[str]:
        try:
            account = self.register.get(account_id) if account_id.startswith("AC-") else None
        except NotFound:
            account = None
        if account is None or account.is_final or not account.users:
            return self.fallback.users(account_id)
        return list(account.users)
