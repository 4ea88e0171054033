"""`moderation:` in app.yaml: which categories are screened, how sure a rule must be, which
categories the City removes automatically, and the contacts that are never private.

Every field has a default so an empty section (or none at all) screens with the City of
Pickering's choices.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.moderation.model import CATEGORIES, Category

Confidence = Annotated[float, Field(ge=0.0, le=1.0)]

# The City's own and well-known public lines (04.03, Appendix 1: "contact information of
# legitimate resources"). Compared by digits only, so any formatting matches.
DEFAULT_PHONE_NUMBERS: tuple[str, ...] = (
    "905.683.7575",  # City of Pickering Customer Care
    "905.420.4660",  # City of Pickering, City Hall
    "905.668.7711",  # Regional Municipality of Durham
    "1-800-372-1102",  # Durham Region toll-free
    "905.579.1520",  # Durham Regional Police non-emergency
    "1-888-579-1520",  # Durham Regional Police non-emergency, toll-free
    "1-800-668-6868",  # Kids Help Phone
    "1-833-456-4566",  # Talk Suicide Canada
    "1-866-531-2600",  # Assaulted Women's Helpline
    "1-800-565-8603",  # Durham Mental Health crisis line
    "905-666-0483",  # Durham Region Transit
    "211",
    "311",
    "811",
    "911",
    "988",
)

DEFAULT_DOMAINS: tuple[str, ...] = (
    "pickering.ca",
    "durham.ca",
    "durhamregiontransit.com",
    "picklib.ca",
    "ontario.ca",
    "canada.ca",
    "gc.ca",
    "gotransit.com",
    "metrolinx.com",
    "211ontario.ca",
    "kidshelpphone.ca",
    "988.ca",
    "drps.ca",
    "mpac.ca",
    "trca.ca",
    "cloca.com",
)

DEFAULT_ORGANISATIONS: tuple[str, ...] = (
    "City of Pickering",
    "Pickering Public Library",
    "Customer Care",
    "Durham Region",
    "Region of Durham",
    "Durham Regional Police",
    "DRPS",
    "Durham Region Transit",
    "DRT",
    "Kids Help Phone",
    "Talk Suicide Canada",
    "Distress Centre",
    "Community Pantry",
    "Food Bank",
    "Salvation Army",
    "Red Cross",
    "United Way",
    "CMHA",
    "Canadian Mental Health Association",
    "Snow Angels",
    "Victim Services",
    "Animal Services",
    "City Hall",
    "CHDRC",
    "Chestnut Hill Developments Recreation Complex",
)

# Public places whose street address is not anyone's private information.
DEFAULT_PUBLIC_ADDRESSES: tuple[str, ...] = (
    "One The Esplanade",
    "1 The Esplanade",
    "L1V 6K7",
    "1867 Valley Farm Rd",
    "1867 Valley Farm Road",
)


class AllowList(BaseModel):
    """Contacts of the City, other governments, legitimate resources and non-profits."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phone_numbers: tuple[str, ...] = DEFAULT_PHONE_NUMBERS
    domains: tuple[str, ...] = DEFAULT_DOMAINS
    organisations: tuple[str, ...] = DEFAULT_ORGANISATIONS
    public_addresses: tuple[str, ...] = DEFAULT_PUBLIC_ADDRESSES

    @field_validator("phone_numbers")
    @classmethod
    def _numbers_have_digits(cls, numbers: tuple[str, ...]) -> tuple[str, ...]:
        for number in numbers:
            if not any(ch.isdigit() for ch in number):
                raise ValueError(f"allow-listed phone number {number!r} has no digits")
        return numbers

    @field_validator("domains")
    @classmethod
    def _domains_are_bare(cls, domains: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(domain.strip().lower().removeprefix("www.") for domain in domains)


def _all_categories() -> tuple[Category, ...]:
    return CATEGORIES


class ModerationSettings(BaseModel):
    """The `moderation:` section of app.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: tuple[Category, ...] = Field(default_factory=_all_categories)
    default_threshold: Confidence = 0.5
    thresholds: dict[Category, Confidence] = Field(default_factory=dict)
    # The City may choose to remove some categories without waiting for a person (04.03 c).
    auto_remove: tuple[Category, ...] = ()
    allow_list: AllowList = AllowList()
    # "Single posts only" names no time limit: a year, with memory bounded per author.
    duplicate_window_days: Annotated[float, Field(gt=0, le=3650)] = 365.0
    duplicate_similarity: Annotated[float, Field(gt=0.0, le=1.0)] = 0.5
    # "board": copies count in any folder of the same board; "platform": anywhere on it.
    duplicate_scope: Literal["board", "platform"] = "board"
    # What happens to a post by a banned author: flagged for a moderator, or removed at once.
    banned_author: Literal["flag", "remove"] = "flag"
    # Add the bundled learned model's findings to the rules' (bot/moderation/learned.py).
    learned_screen: bool = True

    def threshold(self, category: Category) -> float:
        return self.thresholds.get(category, self.default_threshold)

    def is_enabled(self, category: Category) -> bool:
        return category in self.enabled
