"""`socialbot directory import FILE.csv [--apply]` as an operator runs it: an HR export with
one person gone, one new and one whose supervisor changed, a dry run then applied; and hostile
files, each refused with the row and column named and nothing changed."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path
from urllib import error, request

import pytest

from bot.config import load_config
from bot.directory_records import GONE_AWAITING
from socialbot.bootstrap import build
from tests.support import data_dir_config, file_request, run_socialbot, running_server

COLUMNS = ["id", "first_name", "last_name", "title", "email", "department", "division",
           "supervisor", "employee_number"]  # the last one is HR's own: ignored


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return data_dir_config(tmp_path)


def socialbot(*args: str) -> subprocess.CompletedProcess[str]:
    return run_socialbot(*args)


def hr_export(config_file: Path) -> list[dict[str, str]]:
    """The directory as HR would export it today (same people, same supervisors)."""
    config, _ = load_config(config_file)
    return [{"id": p.id, "first_name": p.first_name, "last_name": p.last_name,
             "title": p.title, "email": p.email, "department": p.department,
             "division": p.division, "supervisor": p.supervisor or "",
             "employee_number": str(1000 + n)}
            for n, p in enumerate(config.directory.people)]


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_one_gone_one_new_one_moved_dry_run_then_applied(config_file: Path,
                                                         tmp_path: Path) -> None:
    config, base_dir = load_config(config_file)
    bot = build(config, base_dir, channel_names=("slack",))
    try:  # Alex's request waits for their supervisor, Morgan Smith
        request = file_request(bot.workflow, "adoe")
        assert bot.workflow.current_approvers(request) == ["msmith"]
    finally:
        bot.close()

    rows = [r for r in hr_export(config_file) if r["id"] != "jpatel"]      # Jaya left
    for row in rows:
        if row["id"] == "adoe":
            row["supervisor"] = "pbrown"                                     # Alex moved
    rows.append({"id": "nnew", "first_name": "Noor", "last_name": "Newman",  # Noor joined
                 "title": "Lifeguard", "email": "nnew@example.org",
                 "department": "community-services", "division": "Recreation",
                 "supervisor": "msmith", "employee_number": "2001"})
    export = write_csv(tmp_path / "hr.csv", rows)

    dry = socialbot("directory", "import", str(export), "--config", str(config_file))
    assert dry.returncode == 0, dry.stderr
    assert "dry run, nothing changed" in dry.stdout
    assert "added    nnew: Noor Newman, Lifeguard" in dry.stdout
    assert "changed  adoe: supervisor: msmith -> pbrown" in dry.stdout
    assert "gone     jpatel: Jaya Patel (an offboarding case opens for the CCT to confirm)" \
        in dry.stdout
    assert "1 added, 1 changed, 1 gone" in dry.stdout
    assert "Ignored column: employee_number" in dry.stdout
    history = socialbot("directory", "history", "--config", str(config_file))
    assert history.stdout.strip() == "No changes recorded."
    bot = build(config, base_dir, channel_names=("slack",))
    try:
        assert "nnew" not in bot.directory
        assert bot.workflow.current_approvers(bot.workflow.get(request.id)) == ["msmith"]
    finally:
        bot.close()

    applied = socialbot("directory", "import", str(export), "--apply", "--config",
                        str(config_file))
    assert applied.returncode == 0, applied.stderr
    assert "applied" in applied.stdout and "1 added, 1 changed, 1 gone" in applied.stdout

    bot = build(config, base_dir, channel_names=("slack",))
    try:
        directory = bot.directory
        assert directory.person("nnew").full_name == "Noor Newman"
        assert directory.person("adoe").supervisor == "pbrown"
        # Jaya is kept (never deleted), marked gone until the CCT confirms.
        assert directory.person("jpatel").full_name == "Jaya Patel"
        assert "jpatel" in directory.gone
        # The supervisor stage not yet decided now goes to Alex's new supervisor, who is told.
        moved = bot.workflow.get(request.id)
        assert bot.workflow.current_approvers(moved) == ["pbrown"]
        notices = [m.notification for m in bot.repository.due(1e12, limit=500)
                   if m.notification.case_id == request.id and "directory" in m.id]
        assert notices and notices[0].recipients == ("pbrown",)
        keeper = bot.services.directory_keeper
        assert keeper is not None
        changes = {(e.person_id, e.change): e for e in keeper.history()}
        assert changes[("adoe", "changed")].fields == {"supervisor": ("msmith", "pbrown")}
        assert changes[("jpatel", "gone")].note == GONE_AWAITING
        # ...and an offboarding case is open for the CCT to confirm (never executed alone).
        proposals = [c for c in bot.services.offboarding.repository.all()
                     if c.person_id == "jpatel"]
        assert [(c.state, c.source) for c in proposals] == [("proposed", "directory:csv")]
        assert ("nnew", "added") in changes
    finally:
        bot.close()
    history = socialbot("directory", "history", "adoe", "--config", str(config_file))
    assert "adoe changed: supervisor: msmith -> pbrown" in history.stdout

    again = socialbot("directory", "import", str(export), "--config", str(config_file))
    assert "No differences" in again.stdout, again.stdout


def refused(config_file: Path, path: Path) -> str:
    run = socialbot("directory", "import", str(path), "--apply", "--config", str(config_file))
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert "nothing changed" in run.stderr
    history = socialbot("directory", "history", "--config", str(config_file))
    assert history.stdout.strip() == "No changes recorded."
    return run.stderr


def test_hostile_files_are_refused_naming_row_and_column(config_file: Path,
                                                         tmp_path: Path) -> None:
    rows = hr_export(config_file)

    bad_email = [dict(r) for r in rows]
    bad_email[3]["email"] = "not-an-address"
    assert "row 5, column email" in refused(config_file, write_csv(tmp_path / "a.csv",
                                                                    bad_email))

    short = tmp_path / "short.csv"
    short.write_text(",".join(COLUMNS) + "\nadoe,Alex\n", encoding="utf-8")
    assert "row 2: 2 values for 9 columns" in refused(config_file, short)

    duplicate = [*rows, dict(rows[0])]
    assert f"row {len(rows) + 2}, column id: duplicate person id 'jmarsh' (also row 2)" in \
        refused(config_file, write_csv(tmp_path / "dup.csv", duplicate))

    misspelt = [*COLUMNS[:-2], "supervisr"]
    message = refused(config_file, write_csv(tmp_path / "col.csv",
                                             [{**r, "supervisr": r["supervisor"]} for r in rows],
                                             misspelt))
    assert "column 8 ('supervisr'): not a person key; did you mean 'supervisor'?" in message

    loop = [dict(r) for r in rows]
    for row in loop:  # the CAO now reports to a director who reports to the CAO
        if row["id"] == "jmarsh":
            row["supervisor"] = "pbrown"
    message = refused(config_file, write_csv(tmp_path / "loop.csv", loop))
    assert "column supervisor: the supervisor chain loops" in message

    unknown = [dict(r) for r in rows]
    unknown[2]["department"] = "parks"
    assert "row 4, column department: unknown department 'parks'" in \
        refused(config_file, write_csv(tmp_path / "dept.csv", unknown))

    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(write_csv(tmp_path / "x.csv", rows).read_bytes()
                       + "zz,Zoë,Ä,T,zz@example.org,cao-office,,,1\n".encode("latin-1"))
    assert f"row {len(rows) + 2}: not UTF-8 text" in refused(config_file, latin1)

    huge = tmp_path / "huge.csv"
    with huge.open("w", encoding="utf-8") as out:
        out.write(",".join(COLUMNS) + "\n")
        for n in range(100_000):
            out.write(f"p{n},First,Last,Clerk,p{n}@example.org,cao-office,,jmarsh,{n}\n")
    assert "row 50002: more than 50,000 people" in refused(config_file, huge)


def test_apply_beside_a_running_server_goes_through_it(config_file: Path,
                                                       tmp_path: Path) -> None:
    """The server holds the store: --apply is sent to its loopback route, which applies it
    in the running directory; a bad file is still refused before anything is sent."""
    rows = hr_export(config_file)
    for row in rows:
        if row["id"] == "adoe":
            row["title"] = "Senior Recreation Programmer"
    export = write_csv(tmp_path / "hr.csv", rows)
    log_path = tmp_path / "serve.log"
    with running_server(config_file, log_path) as process:
        dry = socialbot("directory", "import", str(export), "--config", str(config_file))
        assert dry.returncode == 0 and "changed  adoe: title" in dry.stdout, dry.stderr
        applied = socialbot("directory", "import", str(export), "--apply", "--config",
                            str(config_file))
        assert applied.returncode == 0, applied.stderr
        assert "Directory from hr.csv: applied." in applied.stdout
        assert "0 added, 1 changed, 0 gone" in applied.stdout
        history = socialbot("directory", "history", "adoe", "--config", str(config_file))
        assert "title: Recreation Programmer -> Senior Recreation Programmer" in \
            history.stdout
        rows[0]["email"] = "broken"
        bad = socialbot("directory", "import", str(write_csv(tmp_path / "bad.csv", rows)),
                        "--apply", "--config", str(config_file))
        assert bad.returncode == 2 and "row 2, column email" in bad.stderr
        advert = json.loads((config_file.parent / "data" / "bot.json.console.json")
                            .read_text())
        for token in ("", "Bearer wrong"):
            call = request.Request(advert["url"] + "/ops/directory/import?apply=1",
                                   data=export.read_bytes(), method="POST",
                                   headers={"Authorization": token} if token else {})
            with pytest.raises(error.HTTPError) as refused_call:
                request.urlopen(call, timeout=10)
            assert refused_call.value.code == 401
        sync = socialbot("directory", "sync", "--config", str(config_file))
        assert sync.returncode == 2
        assert "directory.sources.entra.enabled is false" in sync.stderr
    assert process.returncode == 0
    assert "ERROR" not in log_path.read_text()
