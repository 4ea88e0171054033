"""The weekly link check (ADM 140-007 04.02 l): links in the City's own posts and links the CCT
registers by hand are checked every week and on demand; a broken one becomes a case.

The check itself is a port (`LinkProbe`): the HTTP client lives in `adapters/linkcheck/`. A
link that fails is checked once more a little later before anyone is told. A broken link
(4xx, 5xx, DNS or TLS failure, timeout, redirect loop) opens a case, `L-n`, for the users of
the account that posted it, naming the posts and the failure; when the link works again the
bot closes the case itself. The account's users (or the CCT) may also close it, saying why
(the post was taken down, the outside site is gone for good and the post was edited).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from bot import messages
from bot.account_recipients import AccountRecipients
from bot.audit import Actor, HistoryEntry, sealed
from bot.cases import CaseEngine, CaseRepository, Move, Transition
from bot.clocked import Waiting, bot_entry, case_notice, closed_by, closed_with_notice, move_named
from bot.directory import Directory
from bot.errors import FieldErrors, Refused
from bot.limits import MAX_URL
from bot.messages import when
from bot.moderation.model import Post
from bot.notifications import Notification
from bot.ports import Clock

CASE_TYPE = "link"
LinkState = Literal["broken", "fixed", "closed"]
LINK_TRANSITIONS: tuple[Transition, ...] = (
    Transition("broken", "close", "closed", by="account", needs="reason"),
)
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»”’"


def links_in(text: str, limit: int) -> list[str]:
    """The distinct http(s) links in `text`, in order, without trailing punctuation."""
    found: list[str] = []
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        if len(url) <= MAX_URL and url not in found and "://" in url[:9] and len(url) > 10 \
                and _parses(url):  # a post's `https://[::1` would stop every weekly check
            found.append(url)
        if len(found) >= limit:
            break
    return found


@dataclass(frozen=True)
class LinkOutcome:
    """What one check of a link found: working or not, and in a few plain words why."""

    ok: bool
    detail: str            # "200 OK", "404 Not Found", "timeout", "DNS failure", ...
    status: int | None = None


class LinkProbe(Protocol):
    async def check(self, urls: Sequence[str]) -> dict[str, LinkOutcome]:
        """Check every url (politely: one host at a time at its rate); one outcome each."""
        ...


@dataclass(frozen=True)
class LinkSource:
    """Where a link to check came from: a City post (by the intake) or the CCT, by hand."""

    url: str
    account_id: str
    post_id: str = ""          # "" when registered by hand
    registered_by: str = ""    # the CCT member who registered it, "" from the intake
    added_at: datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.account_id} {self.url}"

    @property
    def where(self) -> str:
        return self.post_id or f"registered by {self.registered_by}"


@dataclass(frozen=True)
class LinkResult:
    url: str
    account_id: str
    places: tuple[str, ...]    # post ids, or "registered by …"
    ok: bool
    detail: str
    case_id: str = ""


@dataclass(frozen=True)
class LinkCheck:
    """The last check: when it ran and what every link answered."""

    started_at: datetime
    finished_at: datetime
    results: tuple[LinkResult, ...]

    @property
    def broken(self) -> list[LinkResult]:
        return [r for r in self.results if not r.ok]

    def to_record(self) -> dict[str, Any]:
        return {"started_at": self.started_at.isoformat(),
                "finished_at": self.finished_at.isoformat(),
                "results": [{**r.__dict__, "places": list(r.places)} for r in self.results]}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> LinkCheck:
        return cls(started_at=datetime.fromisoformat(record["started_at"]),
                   finished_at=datetime.fromisoformat(record["finished_at"]),
                   results=tuple(LinkResult(**{**r, "places": tuple(r["places"])})
                                 for r in record["results"]))


class LinkStore(Protocol):
    """The links to check and the last check's results (contract: tests/contract)."""

    def add_source(self, source: LinkSource) -> bool:
        """Remember where a link is; False when that (account, link, place) was known."""
        ...

    def sources(self) -> list[LinkSource]: ...

    def record_check(self, check: LinkCheck) -> None: ...

    def last_check(self) -> LinkCheck | None: ...


@dataclass(frozen=True)
class BrokenLink:
    id: str
    url: str
    account_id: str
    places: tuple[str, ...]
    failure: str
    state: LinkState
    step: int
    opened_at: datetime
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def is_final(self) -> bool:
        return self.state != "broken"

    def evolve(self, **changes: Any) -> BrokenLink:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "account_id": self.account_id,
                "places": list(self.places), "failure": self.failure, "state": self.state,
                "step": self.step, "opened_at": self.opened_at.isoformat(),
                "version": self.version, "history": [e.to_record() for e in self.history]}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> BrokenLink:
        return cls(id=record["id"], url=record["url"], account_id=record["account_id"],
                   places=tuple(record["places"]), failure=record["failure"],
                   state=record["state"], step=record["step"],
                   opened_at=datetime.fromisoformat(record["opened_at"]),
                   version=record["version"],
                   history=tuple(HistoryEntry.from_record(e) for e in record["history"]))


class LinkCases:
    """The broken-link case type: its users or the CCT may close it, saying why."""

    name = CASE_TYPE
    transitions = LINK_TRANSITIONS
    states = frozenset({"broken", "fixed", "closed"})
    final_states = frozenset({"fixed", "closed"})

    def __init__(self, *, repository: CaseRepository[BrokenLink], directory: Directory,
                 recipients: AccountRecipients, time_zone: str) -> None:
        self.repository = repository
        self.directory = directory
        self.recipients = recipients
        self.time_zone = time_zone

    def table_state(self, case: BrokenLink) -> str:
        return case.state

    def people(self, case: BrokenLink, by: str) -> list[str]:
        return list(dict.fromkeys([*self.recipients.users(case.account_id),
                                   *self.directory.cct_members]))

    def refused_for(self, case: BrokenLink, person_id: str, transition: Transition) -> str:
        return messages.link_not_yours(case.id)

    def not_possible(self, case: BrokenLink, action: str) -> str:
        return messages.link_action_unknown(action)

    def apply(self, case: BrokenLink, transition: Transition, entry: HistoryEntry,
              decision: Move) -> tuple[BrokenLink, list[Notification]]:
        moved, note = closed_with_notice(
            case, transition.target, entry, case_type=CASE_TYPE,
            recipients=self.people(case, ""), suffix="closed",
            summary=messages.link_closed(case.id, case.url, entry.actor_name, entry.comment))
        return moved, [note]

    def already_message(self, case: BrokenLink, step: int) -> str:
        return closed_by(case, self.time_zone, lambda by, at:
                              messages.link_already_closed(case.id, by, at))

    def final_message(self, case: BrokenLink) -> str:
        return self.already_message(case, case.step)

    def signing_for(self, case: BrokenLink, person_id: str) -> str:
        return ""

    def visible_to(self, case: BrokenLink, person_id: str) -> bool:
        return person_id in self.people(case, "account")

    def acting_now(self, case: BrokenLink) -> list[str]:
        return [] if case.is_final else self.recipients.users(case.account_id)


Sleep = Callable[[float], Awaitable[None]]


class LinkChecker:
    """Collects the links, checks them (twice when they fail), opens and closes the cases."""

    def __init__(self, *, store: LinkStore, repository: CaseRepository[BrokenLink],
                 probe: LinkProbe | None, recipients: AccountRecipients, engine: CaseEngine,
                 clock: Clock, time_zone: str, recheck_after_seconds: float,
                 check_every: timedelta, max_links_per_post: int = 20,
                 sleep: Sleep = asyncio.sleep) -> None:
        self.store = store
        self.repository = repository
        self.probe = probe
        self.recipients = recipients
        self.engine = engine
        self.clock = clock
        self.recheck_after_seconds = recheck_after_seconds
        self.check_every = check_every
        self.max_links_per_post = max_links_per_post
        self.sleep = sleep
        self._one_check: asyncio.Lock | None = None  # made in the loop that first checks
        self.cases = LinkCases(repository=repository, directory=engine.directory,
                               recipients=recipients, time_zone=time_zone)
        engine.register(self.cases)

    # -- where links come from -------------------------------------------------------------------

    def observe(self, post: Post) -> int:
        """Remember the links in a City post (the intake calls this); returns how many new."""
        if not self.recipients.is_city(post):
            return 0
        account = self.recipients.account_of(post)
        return sum(self.store.add_source(LinkSource(url, account, post_id=post.post_id,
                                                    added_at=self.clock.now()))
                   for url in links_in(post.text, self.max_links_per_post))

    def register(self, person_id: str, url: str, account_id: str) -> bool:
        """A CCT member registers a link to check by hand (a page the City links to)."""
        if not self.engine.directory.is_cct(person_id):
            raise Refused(messages.links_are_for_the_cct())
        found = links_in(url.strip(), 1)
        if not found or found[0] != url.strip() or not _parses(found[0]):
            raise FieldErrors({"url": messages.not_a_link(url[:80])})
        if not account_id.strip() or len(account_id) > 200 or not account_id.isprintable():
            raise FieldErrors({"account": messages.account_needed()})
        return self.store.add_source(LinkSource(found[0], account_id.strip(),
                                                registered_by=person_id,
                                                added_at=self.clock.now()))

    # -- the check ---------------------------------------------------------------------------------

    def due(self) -> bool:
        last = self.store.last_check()
        return last is None or self.clock.now() - last.started_at >= self.check_every

    async def check_now(self) -> LinkCheck:
        """Check every link now (the weekly pass and `links check` never overlap)."""
        if self._one_check is None:
            self._one_check = asyncio.Lock()
        async with self._one_check:
            return await self._check()

    async def _check(self) -> LinkCheck:
        if self.probe is None:
            raise RuntimeError("no link probe configured")
        started = self.clock.now()
        grouped: dict[str, list[LinkSource]] = {}
        for source in self.store.sources():
            grouped.setdefault(source.key, []).append(source)
        urls = list(dict.fromkeys(s[0].url for s in grouped.values()))
        outcomes = await self.probe.check(urls) if urls else {}
        failing = [u for u in urls if not outcomes[u].ok]
        if failing:  # once more, a little later, before anyone is told
            await self.sleep(self.recheck_after_seconds)
            outcomes.update(await self.probe.check(failing))
        results = [self._settle(sources, outcomes[sources[0].url])
                   for sources in grouped.values()]
        check = LinkCheck(started, self.clock.now(), tuple(results))
        if results or self.store.last_check() is not None:
            self.store.record_check(check)  # nothing to check yet: nothing written
        return check

    def _settle(self, sources: list[LinkSource], outcome: LinkOutcome) -> LinkResult:
        first = sources[0]
        places = tuple(dict.fromkeys(s.where for s in sources))
        open_case = self._open_case(first.url, first.account_id)
        case_id = ""
        if outcome.ok and open_case is not None:
            self._close_fixed(open_case, outcome)
        elif not outcome.ok:
            case_id = open_case.id if open_case else self._open(first, places, outcome).id
        return LinkResult(first.url, first.account_id, places, outcome.ok, outcome.detail,
                          case_id)

    def _open_case(self, url: str, account_id: str) -> BrokenLink | None:
        return next((c for c in self.repository.open_cases()
                     if c.url == url and c.account_id == account_id), None)

    def _open(self, source: LinkSource, places: tuple[str, ...],
              outcome: LinkOutcome) -> BrokenLink:
        case = BrokenLink(id=self.repository.next_id(), url=source.url,
                          account_id=source.account_id, places=places, failure=outcome.detail,
                          state="broken", step=1, opened_at=self.clock.now())
        case = case.evolve(history=sealed(case.id, (bot_entry(case, "found_broken",
                                                              self.clock.now(),
                                                              outcome.detail),)))
        note = case_notice(CASE_TYPE, case.id, 1, self.recipients.users(source.account_id),
                           messages.link_broken(case.id, case.url, places, outcome.detail),
                           intent="first_notice", suffix="broken")
        return self.repository.save(case, expected_version=0, notifications=[note])

    def _close_fixed(self, case: BrokenLink, outcome: LinkOutcome) -> None:
        entry = bot_entry(case, "fixed", self.clock.now(), outcome.detail)
        moved, note = closed_with_notice(
            case, "fixed", entry, case_type=CASE_TYPE, recipients=self.cases.people(case, ""),
            suffix="fixed", summary=messages.link_fixed(case.id, case.url))
        self.repository.save(moved, expected_version=case.version, notifications=[note])

    # -- people ------------------------------------------------------------------------------------

    def close(self, person_id: str, platform: str, case_id: str, reason: str) -> BrokenLink:
        closed: BrokenLink = move_named(self.engine, CASE_TYPE, Actor(person_id, platform),
                                        case_id, Move("close", comment=reason))
        return closed

    def open_cases(self) -> list[BrokenLink]:
        return self.repository.open_cases()

    # -- the reminder pass (bot/reminders.py) ---------------------------------------------

    name = CASE_TYPE

    def waiting(self) -> list[Waiting]:
        return [Waiting(CASE_TYPE, c.id, c.step, c.opened_at,
                        tuple(self.recipients.users(c.account_id)),
                        tuple(self.engine.directory.cct_members),
                        messages.link_in_words(c.id, c.url))
                for c in self.repository.open_cases()]

    def step_now(self, case_id: str) -> int | None:
        case = self.repository.get(case_id)
        return None if case is None or case.is_final else case.step


def results_table(check: LinkCheck | None, time_zone: str) -> str:
    if check is None:
        return messages.no_link_check_yet()
    lines = [messages.link_check_heading(when(check.started_at, time_zone), len(check.results),
                                         len(check.broken))]
    lines += [messages.link_result_line(r.url, r.account_id, r.ok, r.detail, r.case_id,
                                        r.places) for r in check.results]
    return "\n".join(lines)


def _parses(url: str) -> bool:
    """Whether an HTTP client can take `url` apart (host and port): `https://[::1` or a port
    past 65535 cannot, and would stop the weekly check."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError:
        return False
    return bool(parts.hostname)
