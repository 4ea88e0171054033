"""Turning Microsoft Entra ID users into the directory's people (the Graph client is in
adapters/entra/graph.py).

A user is matched to a person already in the directory by their Entra object id (the
person's `teams_id`: Teams names a user by it as `aadObjectId`), else by e-mail; a new user's
id is their e-mail's local part. Their supervisor is their Entra manager. A disabled account
is not listed (so its person is gone); a user whose department matches no department of the
directory, who has no job title and no e-mail, or whose fields a person cannot have (a name
longer than the directory allows) is left out and stays as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from bot.config import Person
from bot.directory import Directory

ENTRA_COLUMNS = ("id", "first_name", "last_name", "title", "email", "department",
                 "supervisor", "teams_id")


@dataclass(frozen=True)
class EntraUser:
    object_id: str
    given_name: str = ""
    surname: str = ""
    display_name: str = ""
    mail: str = ""
    upn: str = ""
    job_title: str = ""
    department: str = ""
    enabled: bool = True
    manager_id: str = ""


@dataclass
class EntraPeople:
    rows: list[dict[str, Any]] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)  # people ids not to count as gone
    skipped: int = 0


def _new_id(email: str, taken: set[str]) -> str:
    local = re.sub(r"[^a-z0-9._-]", "", email.split("@")[0].lower()).lstrip("._-")[:60]
    base = local or "user"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def people_from_entra(users: list[EntraUser], directory: Directory,
                      departments: Mapping[str, str]) -> EntraPeople:
    by_teams = {p.teams_id.lower(): p.id for p in directory if p.teams_id}
    by_email = {p.email.lower(): p.id for p in directory}
    names = {directory.department_name(d).casefold(): d for d in directory.department_ids()}
    ids = {d.casefold(): d for d in directory.department_ids()}
    mapped = {k.casefold(): v for k, v in departments.items()}
    taken = {p.id for p in directory}
    out = EntraPeople()
    person_of: dict[str, str] = {}
    chosen: list[tuple[EntraUser, str, str]] = []
    for user in users:
        if not user.object_id:
            out.skipped += 1
            continue
        email = user.mail or user.upn
        existing = by_teams.get(user.object_id.lower()) or by_email.get(email.lower())
        if not user.enabled:
            continue  # a disabled account is not listed: its person is gone
        key = user.department.casefold()
        department = mapped.get(key) or names.get(key) or ids.get(key)
        if department is None or not email or not (user.job_title or existing):
            out.skipped += 1
            if existing:
                out.left_out.add(existing)
            continue
        person_id = existing or _new_id(email, taken)
        person_of[user.object_id.lower()] = person_id
        chosen.append((user, person_id, department))
    for user, person_id, department in chosen:
        current = directory.find(person_id)
        first, last = user.given_name, user.surname
        if not (first and last):
            parts = user.display_name.split()
            first = first or (parts[0] if parts else "")
            last = last or (" ".join(parts[1:]) if len(parts) > 1 else "")
        supervisor = person_of.get(user.manager_id.lower()) or by_teams.get(
            user.manager_id.lower())
        if supervisor is None and current is not None:
            supervisor = current.supervisor
        row: dict[str, Any] = {
            "id": person_id,
            "first_name": first or (current.first_name if current else ""),
            "last_name": last or (current.last_name if current else ""),
            "title": user.job_title or (current.title if current else ""),
            "email": user.mail or user.upn, "department": department,
            "supervisor": supervisor if supervisor != person_id else None,
            "teams_id": user.object_id,
        }
        try:  # one odd account (a 200-character name) must not stop the daily sync
            Person.model_validate({**(current.model_dump() if current else {}), **row})
        except ValidationError:
            out.skipped += 1
            if current is not None:
                out.left_out.add(person_id)
            continue
        out.rows.append(row)
        out.where[person_id] = f"Entra user {user.object_id}"
    known = {r["id"] for r in out.rows} | {p.id for p in directory}
    for row in out.rows:  # a manager left out above: keep what the directory said
        if row["supervisor"] is not None and row["supervisor"] not in known:
            current = directory.find(row["id"])
            row["supervisor"] = current.supervisor if current else None
    return out
