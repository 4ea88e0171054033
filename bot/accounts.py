"""The account register (04.01 a, 04.08 a-c): the City's social media accounts and who may use
them.

An account is a platform, a handle or address, the department that runs it and the people
allowed to use it. The City owns every account and its followers whoever runs it (04.08 b, c),
so the register never ties an account to one employee; the CCT Team Leader holds the
credentials of every account (04.08 a) and the register records when its password was last
changed and by whom. The bot never asks for, stores, shows or logs a password: a field or text
that looks like one is refused with the reason (`refuse_secrets`).

Every change (add, edit, retire, grant, revoke, a password changed) is a signed `HistoryEntry`
in the account's own sealed history, saved under a version check like a case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol, Self, TypeVar

from bot import messages
from bot.audit import Actor, HistoryEntry, sealed
from bot.directory import Directory
from bot.errors import FieldErrors, NotFound, Refused
from bot.limits import MAX_ACCOUNT_FIELD, MAX_COMMENT
from bot.notifications import Notification
from bot.ports import Clock, ConcurrentUpdate

ACCOUNT_STATES = ("active", "retired")
EDITABLE = ("platform", "handle", "department")
SYSTEM_ID = "socialbot"  # who signs what the bot does on its own (a scheduled departure, HR)

# Names of fields, and phrases in text, that carry a secret: refused, never stored.
_SECRET_NAME = re.compile(r"pass(word|wd|code|phrase)?|pwd|secret|token|credential|api[_-]?key"
                          r"|\bpin\b|otp|2fa|mfa", re.IGNORECASE)
_SECRET_TEXT = re.compile(
    r"\b(pass(word|wd|code|phrase)?|pwd|pw|pin|secret|api[ _-]?key|token|otp|mot de passe)"
    r"\b\s*(is\s+\S+$|[:=])"
    r"|\b(login|log-in|sign[ -]?in|credentials?)\b\s*[:=]", re.IGNORECASE)


def checked_reason(reason: str) -> str:
    """A reason someone gave (a revocation, a departure): required, short, never a secret."""
    text = (reason or "").strip()
    refuse_secrets({"reason": text})
    if not text:
        raise FieldErrors({"reason": messages.field_required("reason")})
    if len(text) > MAX_COMMENT:
        raise FieldErrors({"reason": messages.too_long(MAX_COMMENT)})
    return text


def refuse_secrets(fields: Mapping[str, str]) -> None:
    """Raise FieldErrors naming every field that is, or looks like it holds, a password."""
    errors = {name: messages.NO_PASSWORDS for name, value in fields.items()
              if _SECRET_NAME.search(name) or looks_like_secret(value)}
    if errors:
        raise FieldErrors(errors)


def looks_like_secret(text: str) -> bool:
    """Text that gives a password (or another secret) away: "password: hunter2" and the like."""
    return bool(_SECRET_TEXT.search(text or ""))


@dataclass(frozen=True)
class Account:
    id: str                      # "AC-n"
    platform: str                # "Facebook", "X", "Instagram", ...
    handle: str                  # the handle or the address of the account
    department: str              # the department that runs it (the City owns it)
    users: tuple[str, ...] = ()  # person ids allowed to use it now
    state: str = "active"        # "active" or "retired"
    password_changed_at: datetime | None = None
    password_changed_by: str = ""  # person id
    created_at: datetime | None = None
    history: tuple[HistoryEntry, ...] = ()
    version: int = 0

    @property
    def step(self) -> int:
        return len(self.history)

    @property
    def is_final(self) -> bool:
        return self.state == "retired"

    def evolve(self, **changes: Any) -> Self:
        return replace(self, **changes)

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id, "platform": self.platform, "handle": self.handle,
            "department": self.department, "users": list(self.users), "state": self.state,
            "password_changed_at": _iso(self.password_changed_at),
            "password_changed_by": self.password_changed_by,
            "created_at": _iso(self.created_at),
            "history": [h.to_record() for h in self.history], "version": self.version,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Account:
        return cls(
            id=record["id"], platform=record["platform"], handle=record["handle"],
            department=record["department"], users=tuple(record["users"]),
            state=record["state"],
            password_changed_at=_from_iso(record.get("password_changed_at")),
            password_changed_by=record.get("password_changed_by") or "",
            created_at=_from_iso(record.get("created_at")),
            history=tuple(HistoryEntry.from_record(h) for h in record["history"]),
            version=record["version"],
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _from_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


R = TypeVar("R")


class RecordTable(Protocol[R]):
    """Storage of one kind of record with a signed history: accounts, password tasks,
    offboarding cases. Same contract as a case repository (tests/contract/test_accounts_store):
    ids never reused, the version check, the append-only history, notifications in the same
    durable write."""

    def next_id(self) -> str: ...

    def get(self, record_id: str, /) -> R | None: ...

    def save(self, record: R, /, *, expected_version: int,
             notifications: Iterable[Notification] = ()) -> R: ...

    def open_cases(self) -> list[R]:
        """Records not final (active accounts, open tasks, open offboarding cases), by id."""
        ...

    def all(self) -> list[R]: ...


class AccountStore(Protocol):
    """The storage port of the register and the duties that follow from it."""

    @property
    def accounts(self) -> RecordTable[Account]: ...

    @property
    def tasks(self) -> RecordTable[Any]: ...        # bot.tasks.PasswordTask

    @property
    def offboardings(self) -> RecordTable[Any]: ...  # bot.offboarding.OffboardingCase

    @property
    def grants(self) -> RecordTable[Any]: ...       # bot.grants.AccessGrant

    def save_task_with_account(self, task: Any, /, *, expected_version: int, account: Account,
                               account_version: int,
                               notifications: Iterable[Notification] = ()) -> Any:
        # `task`, and what it returns: bot.tasks.PasswordTask
        """Save a password task (`tasks`) and the account it changes in ONE durable write
        (with the notifications), each under its own version check and append-only history:
        ConcurrentUpdate names the one that moved meanwhile, and then nothing is stored."""
        ...


def save_once(table: RecordTable[R], record: R, *, expected_version: int,
              notifications: Iterable[Notification] = ()) -> R:
    """Save, turning a concurrent writer's win into an answer a person can read (nothing of
    this move is stored; trying again sees the other change)."""
    try:
        return table.save(record, expected_version=expected_version,
                          notifications=notifications)
    except ConcurrentUpdate:
        raise Refused(messages.changed_meanwhile(str(getattr(record, "id", "")))) from None


def system_entry(record: Any, action: str, *, source: str, at: datetime, comment: str = "",
                 details: Mapping[str, str] | None = None, stage: str | None = None
                 ) -> HistoryEntry:
    """An entry the bot signs itself, for a duty that comes from `source` (HR, a schedule, a
    directory sync) rather than from a person at a prompt."""
    return HistoryEntry(
        seq=len(record.history) + 1, step=record.step,
        stage=record.state if stage is None else stage, action=action, actor_id=SYSTEM_ID,
        actor_name="socialbot", actor_title=messages.system_title(source), platform=source,
        at=at, comment=comment, details=dict(details or {}))


class AccountRegister:
    """What chat, the CLI and the duties call: the register and every change to it."""

    def __init__(self, *, directory: Directory, store: AccountStore, clock: Clock,
                 sign: Any) -> None:
        self.directory = directory
        self.store = store
        self.clock = clock
        self._sign = sign  # CaseEngine.sign: the one signature every history uses

    # -- reading --------------------------------------------------------------------------------

    def all(self) -> list[Account]:
        return sorted(self.store.accounts.all(), key=_number)

    def visible_to(self, person_id: str) -> list[Account]:
        """The whole register for the CCT; for anyone else, the accounts they may use."""
        if self.may_manage(person_id):
            return self.all()
        return [a for a in self.all() if person_id in a.users]

    def of_person(self, person_id: str) -> list[Account]:
        return [a for a in self.all() if person_id in a.users and not a.is_final]

    def get(self, ref: str) -> Account:
        """An account by id ("AC-3", "3") or by its handle (case-insensitive)."""
        text = ref.strip()
        number = text.upper().removeprefix("AC").removeprefix("-")
        if number.isdigit() and len(number) < 10:
            found = self.store.accounts.get(f"AC-{int(number)}")
            if found is not None:
                return found
        for account in self.all():
            if account.handle.lower() == text.lower():
                return account
        raise NotFound(messages.no_such_account(text[:60]))

    def may_manage(self, person_id: str) -> bool:
        return person_id in self.directory.cct_members or \
            person_id == self.directory.cct_team_leader

    @property
    def credentials_holder(self) -> str:
        return self.directory.cct_team_leader

    # -- changing -------------------------------------------------------------------------------

    def add(self, actor: Actor, *, platform: str, handle: str, department: str,
            users: Iterable[str] = (), comment: str = "") -> Account:
        self._check_manager(actor)
        fields = self._checked({"platform": platform, "handle": handle,
                                "department": department, "comment": comment})
        people = self._known_people(users)
        if any(a.handle.lower() == fields["handle"].lower() and
               a.platform.lower() == fields["platform"].lower() and not a.is_final
               for a in self.all()):
            raise FieldErrors({"handle": messages.account_exists(fields["handle"])})
        draft = Account(id=self.store.accounts.next_id(), platform=fields["platform"],
                        handle=fields["handle"], department=fields["department"],
                        users=tuple(people), created_at=self.clock.now())
        entry = self._entry(draft, actor, "add", fields["comment"],
                            {"platform": draft.platform, "handle": draft.handle,
                             "department": draft.department, "users": ", ".join(people)})
        return self._save(draft, entry, expected_version=0)

    def edit(self, actor: Actor, ref: str, changes: Mapping[str, str],
             comment: str = "") -> Account:
        self._check_manager(actor)
        refuse_secrets({**changes, "comment": comment})
        unknown = sorted(set(changes) - set(EDITABLE))
        if unknown:
            raise FieldErrors({unknown[0]: messages.not_an_account_field(unknown[0], EDITABLE)})
        account = self._open_account(ref)
        fields = self._checked({**{k: getattr(account, k) for k in EDITABLE}, **changes,
                                "comment": comment})
        new = {k: fields[k] for k in EDITABLE if fields[k] != getattr(account, k)}
        if not new:
            return account
        details = {k: f"{getattr(account, k)} -> {v}" for k, v in new.items()}
        moved = account.evolve(**new)
        return self._save(moved, self._entry(account, actor, "edit", fields["comment"], details),
                          expected_version=account.version)

    def retire(self, actor: Actor, ref: str, reason: str) -> Account:
        self._check_manager(actor)
        reason = checked_reason(reason)
        account = self._open_account(ref)
        entry = self._entry(account, actor, "retire", reason,
                            {"users": ", ".join(account.users)})
        return self._save(account.evolve(state="retired", users=()), entry,
                          expected_version=account.version)

    def grant(self, actor: Actor, ref: str, person_id: str, *, comment: str = "") -> Account:
        self._check_manager(actor)
        refuse_secrets({"comment": comment})
        account = self._open_account(ref)
        (person,) = self._known_people([person_id])
        if person in account.users:
            return account
        entry = self._entry(account, actor, "grant", comment.strip()[:MAX_COMMENT],
                            {"person": person})
        return self._save(account.evolve(users=(*account.users, person)), entry,
                          expected_version=account.version)

    def grant_recorded(self, ref: str, person_id: str, entry: HistoryEntry, *,
                       request_id: str) -> Account:
        """Grant `person_id` the account as the CCT recorded it on an approved request
        (`entry` is that signed "record"); a retired account or a present user is left."""
        account = self.get(ref)
        if account.is_final or person_id in account.users:
            return account
        signed = replace(entry, seq=len(account.history) + 1, step=account.step,
                         stage=account.state, action="grant", hash="",
                         details={"person": person_id, "request": request_id})
        return self._save(account.evolve(users=(*account.users, person_id)), signed,
                          expected_version=account.version)

    def revoke(self, actor: Actor | None, ref: str, person_id: str, reason: str, *,
               source: str = "", case_id: str = "") -> Account:
        """Take `person_id` off the account's users. `actor` None: the bot does it for a duty
        from `source` (a departure on its last day)."""
        if actor is not None:
            self._check_manager(actor)
        reason = checked_reason(reason)
        account = self.get(ref)
        if person_id not in account.users:
            return account
        details = {"person": person_id, **({"case": case_id} if case_id else {})}
        entry = self._entry(account, actor, "revoke", reason, details, source=source)
        return self._save(account.evolve(users=tuple(u for u in account.users if u != person_id)),
                          entry, expected_version=account.version)

    def password_changed(self, account_id: str, entry: HistoryEntry, task_id: str) -> Account:
        """Record a completed password task (its signed "done" entry) on the account, once."""
        account = self.get(account_id)
        moved = self.password_change(account, entry, task_id)
        if moved is None:
            return account
        return save_once(self.store.accounts, moved, expected_version=account.version)

    def password_change(self, account: Account, entry: HistoryEntry,
                        task_id: str) -> Account | None:
        """`account` with a completed password task (its signed "done" entry) recorded and
        sealed, not saved (the task saves both in one write); None if it is recorded already."""
        if any(h.details.get("task") == task_id for h in account.history):
            return None
        signed = replace(entry, seq=len(account.history) + 1, step=account.step,
                         stage=account.state, action="password_changed", hash="",
                         details={"task": task_id})
        return account.evolve(password_changed_at=entry.at,
                              password_changed_by=entry.for_id or entry.actor_id,
                              history=sealed(account.id, (*account.history, signed)))

    # -- helpers --------------------------------------------------------------------------------

    def _check_manager(self, actor: Actor) -> None:
        if actor.person_id not in self.directory:
            raise Refused(messages.not_in_directory(actor.person_id))
        if not self.may_manage(actor.person_id):
            raise Refused(messages.ONLY_CCT_MANAGES_ACCOUNTS)

    def _open_account(self, ref: str) -> Account:
        account = self.get(ref)
        if account.is_final:
            raise Refused(messages.account_retired(account.id))
        return account

    def _checked(self, fields: Mapping[str, str]) -> dict[str, str]:
        refuse_secrets(fields)
        out = {k: (v or "").strip() for k, v in fields.items()}
        errors: dict[str, str] = {}
        for name in ("platform", "handle", "department"):
            if name in out and not out[name]:
                errors[name] = messages.field_required(name)
            elif name in out and (len(out[name]) > MAX_ACCOUNT_FIELD or
                                  any(ord(c) < 32 for c in out[name])):
                errors[name] = messages.too_long(MAX_ACCOUNT_FIELD)
        if len(out.get("comment", "")) > MAX_COMMENT:
            errors["comment"] = messages.too_long(MAX_COMMENT)
        if "department" in out and out["department"] and \
                out["department"] not in self.directory.department_ids():
            errors["department"] = messages.unknown_department(
                out["department"], self.directory.department_ids())
        if errors:
            raise FieldErrors(errors)
        return out

    def _known_people(self, people: Iterable[str]) -> list[str]:
        found = []
        for person in people:
            person = person.strip()
            if person and person not in self.directory:
                raise FieldErrors({"users": messages.no_such_person(person[:60], [])})
            if person and person not in found:
                found.append(person)
        return found

    def _entry(self, account: Account, actor: Actor | None, action: str, comment: str,
               details: Mapping[str, str], *, source: str = "") -> HistoryEntry:
        if actor is None:
            return system_entry(account, action, source=source or "schedule",
                                at=self.clock.now(), comment=comment, details=details)
        entry: HistoryEntry = self._sign(account, actor, action, comment=comment)
        return replace(entry, details={k: v for k, v in details.items() if v})

    def _save(self, account: Account, entry: HistoryEntry, *, expected_version: int,
              notifications: Iterable[Notification] = ()) -> Account:
        moved = account.evolve(history=sealed(account.id, (*account.history, entry)))
        return save_once(self.store.accounts, moved, expected_version=expected_version,
                         notifications=notifications)


def register_rows(register: AccountRegister, accounts: Iterable[Account],
                  zone: str) -> list[dict[str, Any]]:
    """The register as rows (the CLI's json and csv, the chat's lists): never a password."""
    directory = register.directory
    holder = directory.find(register.credentials_holder)

    def name(person_id: str) -> str:
        person = directory.find(person_id)
        return person.full_name if person else person_id

    return [{
        "id": a.id, "platform": a.platform, "handle": a.handle,
        "department": directory.department_name(a.department), "owner": messages.CITY_NAME,
        "state": a.state, "users": [{"id": u, "name": name(u)} for u in a.users],
        "credentials_holder": holder.full_name if holder else register.credentials_holder,
        "password_changed_at": messages.when(a.password_changed_at, zone)
        if a.password_changed_at else "",
        "password_changed_by": name(a.password_changed_by) if a.password_changed_by else "",
    } for a in accounts]


def _number(record: Any) -> int:
    return int(str(record.id).rsplit("-", 1)[1])
