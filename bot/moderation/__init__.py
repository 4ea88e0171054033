"""Screening public posts against the Posting Guidelines (Appendix 1) and Terms of Use (04.03).

Offline and deterministic: word lists, patterns, `phonenumbers` and the public-suffix list
bundled with `tldextract`; nothing is fetched at run time.
"""

from bot.moderation.history import InMemoryPostHistory, PostHistory, PostRecord
from bot.moderation.model import CATEGORIES, Category, Finding, Post, Span, Verdict
from bot.moderation.screener import Screener
from bot.moderation.settings import AllowList, ModerationSettings

__all__ = [
    "CATEGORIES",
    "AllowList",
    "Category",
    "Finding",
    "InMemoryPostHistory",
    "ModerationSettings",
    "Post",
    "PostHistory",
    "PostRecord",
    "Screener",
    "Span",
    "Verdict",
]
