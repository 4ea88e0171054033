"""Reading a CSV export from HR for `socialbot directory import FILE.csv [--apply]`.

Columns are named like the keys of a person in `app.yaml` (`id`, `first_name`, `last_name`,
`title`, `email`, `department`, and optionally `division`, `section`, `status`, `supervisor`,
`slack_id`, `teams_id`, `delegate`); other columns are ignored, except one that looks like a
misspelt key (`Supervisor`, `first name`, `supervisr`), which is an error rather than a silent
loss. The whole file is checked before anything changes: every problem is named by its row
(the header is row 1) and column, duplicate ids by both rows.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass

from bot.config import Person
from bot.directory_sync import PERSON_FIELDS, REQUIRED_FIELDS, DirectoryProblem
from bot.limits import MAX_DIRECTORY_CELL, MAX_DIRECTORY_CSV_BYTES, MAX_DIRECTORY_ROWS

MAX_PROBLEMS_SHOWN = 20


@dataclass(frozen=True)
class CsvPeople:
    rows: list[dict[str, str | None]]
    columns: tuple[str, ...]        # the person keys the file gives
    ignored: tuple[str, ...]        # other columns, ignored
    where: dict[str, str]           # person id -> "row N"


def _normalised(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _near_miss(name: str) -> str | None:
    """The person key a column name seems meant to be (None: a column of something else)."""
    plain = _normalised(name)
    for key in PERSON_FIELDS:
        if plain == _normalised(key) and name != key:
            return key
    close = difflib.get_close_matches(name.strip().lower(), PERSON_FIELDS, n=1, cutoff=0.85)
    return close[0] if close else None


def _empty(name: str) -> str | None:
    """An empty cell: no value (supervisor, Slack id...) or the key's default (division)."""
    default = Person.model_fields[name].default
    return default if isinstance(default, str) else None


def read_people_csv(data: bytes) -> CsvPeople:
    """Parse and check the CSV's shape; DirectoryProblem names what is wrong and where."""
    if len(data) > MAX_DIRECTORY_CSV_BYTES:
        raise DirectoryProblem([f"the file is {len(data):,} bytes; at most "
                                f"{MAX_DIRECTORY_CSV_BYTES:,} are read"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise DirectoryProblem([f"row {row}: not UTF-8 text (byte {error.start}); save the "
                                "export as CSV UTF-8"]) from None
    if "\x00" in text:
        row = text[: text.index("\x00")].count("\n") + 1
        raise DirectoryProblem([f"row {row}: a NUL character; this is not a CSV text file"])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DirectoryProblem(["the file is empty; the first row names the columns"]) from None
    except csv.Error as error:
        raise DirectoryProblem([f"row 1: {error}"]) from None
    problems: list[str] = []
    names = [h.strip() for h in header]
    seen: dict[str, int] = {}
    for number, name in enumerate(names, 1):
        if name in seen:
            problems.append(f"row 1, column {number} ({name!r}): the column appears twice "
                            f"(also column {seen[name]})")
        seen.setdefault(name, number)
        if name not in PERSON_FIELDS and (meant := _near_miss(name)) is not None:
            problems.append(f"row 1, column {number} ({name[:40]!r}): not a person key; did "
                            f"you mean {meant!r}?")
    missing = [key for key in REQUIRED_FIELDS if key not in seen]
    if missing:
        problems.append(f"row 1: missing column{'s' if len(missing) > 1 else ''} "
                        f"{', '.join(missing)}")
    if problems:
        raise DirectoryProblem(problems)
    wanted = [(i, n) for i, n in enumerate(names) if n in PERSON_FIELDS]
    ignored = tuple(n for n in names if n not in PERSON_FIELDS)
    rows: list[dict[str, str | None]] = []
    where: dict[str, str] = {}
    width = len(names)
    try:
        for fields in reader:
            row = reader.line_num
            if len(rows) >= MAX_DIRECTORY_ROWS:
                raise DirectoryProblem([f"row {row}: more than {MAX_DIRECTORY_ROWS:,} people; "
                                        "nothing was read (split the file or ask for a higher "
                                        "limit)"])
            if not fields or all(not f.strip() for f in fields):
                continue
            if len(fields) != width:
                problems.append(f"row {row}: {len(fields)} values for {width} columns")
                continue
            record: dict[str, str | None] = {}
            for index, name in wanted:
                value = fields[index].strip()
                if len(value) > MAX_DIRECTORY_CELL:
                    problems.append(f"row {row}, column {name}: longer than "
                                    f"{MAX_DIRECTORY_CELL} characters")
                record[name] = value if value else _empty(name)
            person_id = record.get("id") or ""
            if not person_id:
                problems.append(f"row {row}, column id: empty")
                continue
            if person_id in where:
                problems.append(f"row {row}, column id: duplicate person id "
                                f"{person_id[:64]!r} (also {where[person_id]})")
                continue
            where[person_id] = f"row {row}"
            rows.append(record)
            if len(problems) > MAX_PROBLEMS_SHOWN:
                break
    except csv.Error as error:
        problems.append(f"row {reader.line_num}: {error}")
    if problems:
        raise DirectoryProblem(problems[:MAX_PROBLEMS_SHOWN])
    return CsvPeople(rows, tuple(n for _, n in wanted), ignored, where)
