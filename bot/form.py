"""The Appendix 2 form: its fields as data (every channel renders the same list) and validation.

Validation returns one message per field and never stores anything; renderers use the same
specs for labels, lengths and choices, so a field means the same thing in Slack, Teams and the
terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.config import Person
from bot.directory import Directory
from bot.errors import FieldErrors

STATUS_LABELS = {"full_time": "Full Time", "part_time": "Part Time", "temporary": "Temporary"}

FieldKind = Literal["text", "long_text", "choice", "multi_choice", "consent"]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    part: str
    kind: FieldKind
    max_length: int = 0
    required: bool = True
    hint: str = ""
    # First and last name identify the signer: they come from the directory and are shown,
    # never asked, so nobody files under another person's name.
    from_directory: bool = False


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("first_name", "First name", "Part 1 - Employee details", "text", 60,
              from_directory=True),
    FieldSpec("last_name", "Last name", "Part 1 - Employee details", "text", 60,
              from_directory=True),
    FieldSpec("department", "Department", "Part 1 - Employee details", "text", 100),
    FieldSpec("division", "Division", "Part 1 - Employee details", "text", 100),
    FieldSpec("section", "Section", "Part 1 - Employee details", "text", 100, required=False),
    FieldSpec("status", "Employee status", "Part 1 - Employee details", "choice"),
    FieldSpec("programs", "Social media programs", "Part 2 - Programs", "multi_choice",
              hint="Choose at least one."),
    FieldSpec("promote_department", "City department to promote", "Part 3 - Description of usage",
              "choice"),
    FieldSpec("initiative", "Program and/or initiative to promote",
              "Part 3 - Description of usage", "long_text", 1000,
              hint="What you will promote and why social media is the right channel."),
    FieldSpec("privacy_accepted", "I have read the notice of collection", "Notice of collection",
              "consent"),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)
SPEC = {f.name: f for f in FIELDS}
MIN_INITIATIVE_LENGTH = 10


@dataclass(frozen=True)
class AccessForm:
    """A validated form, ready to become a request."""

    first_name: str
    last_name: str
    department: str
    division: str
    section: str
    status: Literal["full_time", "part_time", "temporary"]
    programs: tuple[str, ...]
    promote_department: str
    initiative: str


def prefill(person: Person, directory: Directory) -> dict[str, Any]:
    """Part 1 from the directory; Part 3's department defaults to the employee's own."""
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "department": directory.department_name(person.department),
        "division": person.division,
        "section": person.section,
        "status": person.status,
        "programs": [],
        "promote_department": person.department,
        "initiative": "",
        "privacy_accepted": False,
    }


def with_identity(raw: Mapping[str, Any], person: Person) -> dict[str, Any]:
    """The form as filed: whatever names were typed, Part 1's names are the directory's."""
    return {**raw, "first_name": person.first_name, "last_name": person.last_name}


def field_problem(name: str, value: Any, directory: Directory, programs: list[str]) -> str | None:
    """Why one answer is not acceptable, or None: the check `validate` makes, one field at a
    time, so a chat can ask again at once."""
    try:
        _check(SPEC[name], value, directory, programs)
    except ValueError as problem:
        return str(problem)
    return None


def identity_differences(employee: Any, person: Person,
                         directory: Directory) -> list[tuple[str, str, str]]:
    """(label, as filed, as in the directory) for each Part 1 detail the employee changed;
    approvers and the exported Appendix 2 show them. `employee` is a request's EmployeeDetails."""
    expected = prefill(person, directory)
    differences = []
    for name in ("first_name", "last_name", "department", "division", "section", "status"):
        filed = str(getattr(employee, name) or "")
        listed = str(expected[name] or "")
        if " ".join(filed.split()).casefold() != " ".join(listed.split()).casefold():
            differences.append((SPEC[name].label, _shown(name, filed), _shown(name, listed)))
    return differences


def _shown(name: str, value: str) -> str:
    return STATUS_LABELS.get(value, value) if name == "status" else value


def choices(field_name: str, directory: Directory, programs: list[str]) -> list[tuple[str, str]]:
    """(value, label) pairs for a choice field."""
    if field_name == "status":
        return list(STATUS_LABELS.items())
    if field_name == "programs":
        return [(p, p) for p in programs]
    if field_name == "promote_department":
        return [(d, directory.department_name(d)) for d in directory.department_ids()]
    return []


def validate(raw: Mapping[str, Any], directory: Directory, programs: list[str]) -> AccessForm:
    """Return the clean form or raise FieldErrors with one message per bad field."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for spec in FIELDS:
        value = raw.get(spec.name)
        try:
            clean[spec.name] = _check(spec, value, directory, programs)
        except ValueError as problem:
            errors[spec.name] = str(problem)
    if errors:
        raise FieldErrors(errors)
    clean.pop("privacy_accepted")
    return AccessForm(**clean)


def _check(spec: FieldSpec, value: Any, directory: Directory, programs: list[str]) -> Any:
    if spec.kind in ("text", "long_text"):
        return _check_text(spec, value)
    if spec.kind == "choice":
        allowed = dict(choices(spec.name, directory, programs))
        if not isinstance(value, str) or value not in allowed:
            raise ValueError(f"Choose one of: {', '.join(allowed.values())}.")
        return value
    if spec.kind == "multi_choice":
        return _check_programs(value, programs)
    if value is not True:
        raise ValueError("Please read the notice of collection and accept it to continue.")
    return True


def _check_text(spec: FieldSpec, value: Any) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError("Must be text.")
    text = " ".join(value.split()) if spec.kind == "text" else value.strip()
    if spec.required and not text:
        raise ValueError(f"{spec.label} is required.")
    if len(text) > spec.max_length:
        raise ValueError(f"Keep it to {spec.max_length} characters (you wrote {len(text)}).")
    if spec.name == "initiative" and len(text) < MIN_INITIATIVE_LENGTH:
        raise ValueError("Describe the program or initiative in a few words.")
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise ValueError("Contains control characters.")
    return text


def _check_programs(value: Any, programs: list[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list | tuple) or not value:
        raise ValueError("Choose at least one program.")
    by_key = {p.casefold(): p for p in programs}
    chosen: list[str] = []
    for item in value:
        program = by_key.get(str(item).strip().casefold()) if isinstance(item, str) else None
        if program is None:
            raise ValueError(f"Unknown program {str(item)[:40]!r}; offered: {', '.join(programs)}.")
        if program not in chosen:
            chosen.append(program)
    return tuple(chosen)
