"""How long `socialbot directory import` takes on a large HR export.

Builds a CSV of N people (a tree of supervisors, all in the sample app.yaml's departments),
then measures, in this process on a fresh TinyDB store: reading and checking the CSV, the dry
run (the difference against the directory), applying it (one commit), a second dry run on
the stored directory with 1% of supervisors changed, and refusing a hostile file of M rows
(more than the limit: the error must come fast, not after reading everything). The last line
is one JSON object with the goal beside each figure.

    .venv/bin/python benchmarks/directory_import.py [--people 49000] [--hostile 100000]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_config  # noqa: E402
from bot.directory_csv import read_people_csv  # noqa: E402
from bot.directory_sync import DirectoryProblem  # noqa: E402
from socialbot.bootstrap import build  # noqa: E402

COLUMNS = "id,first_name,last_name,title,email,department,division,supervisor,employee_number"
DEPARTMENTS = ("community-services", "corporate-services", "city-development", "fire-services")


def export(people: int, *, moved: int = 0) -> bytes:
    out = io.StringIO()
    out.write(COLUMNS + "\n")
    for n in range(people):
        boss = "jmarsh" if n < 10 else f"p{(n - 10) // 10}"
        if moved and n % moved == 0 and n >= 10:
            boss = "jmarsh"
        out.write(f"p{n},First{n},Last{n},Clerk {n % 50},p{n}@example.org,"
                  f"{DEPARTMENTS[n % 4]},Division {n % 30},{boss},{100000 + n}\n")
    # The people the sample directory needs (CCT, directors) stay listed.
    return out.getvalue().encode()


def with_sample_people(data: bytes, config_path: Path) -> bytes:
    config, _ = load_config(config_path)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for p in config.directory.people:
        writer.writerow([p.id, p.first_name, p.last_name, p.title, p.email, p.department,
                         p.division, p.supervisor or "", 0])
    return data + out.getvalue().encode()


def seconds(action: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=49_000)  # + the sample's, under 50,000
    parser.add_argument("--hostile", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = yaml.safe_load((ROOT / "app.yaml").read_text())
        raw["storage"] = {"path": str(Path(tmp) / "bot.json")}
        config_path = Path(tmp) / "app.yaml"
        config_path.write_text(yaml.safe_dump(raw))
        config, base_dir = load_config(config_path)
        data = with_sample_people(export(args.people), config_path)
        bot = build(config, base_dir)
        keeper = bot.services.directory_keeper
        assert keeper is not None
        read_s, parsed = seconds(lambda: read_people_csv(data))
        diff_s, diff = seconds(lambda: keeper.difference(
            parsed.rows, columns=parsed.columns, source="csv", where=parsed.where))
        apply_s, _ = seconds(lambda: keeper.apply(diff, actor_id="benchmark"))
        bot.close()
        bot = build(config, base_dir)
        keeper = bot.services.directory_keeper
        assert keeper is not None
        again = with_sample_people(export(args.people, moved=100), config_path)
        def second_dry_run() -> object:
            reread = read_people_csv(again)
            return keeper.difference(reread.rows, columns=reread.columns, source="csv",
                                     where=reread.where)

        again_s, changed = seconds(second_dry_run)
        bot.close()
        hostile = export(args.hostile)
        start = time.perf_counter()
        try:
            read_people_csv(hostile)
            refused = ""
        except DirectoryProblem as problem:
            refused = problem.problems[0]
        hostile_s = time.perf_counter() - start
    added = len(diff.added)
    print(f"{args.people:,} people: read and checked in {read_s:.2f} s, dry run "
          f"{diff_s:.2f} s, applied (one commit) {apply_s:.2f} s; {added:,} added")
    print(f"again with {len(changed.changed):,} supervisors changed: read + dry run "
          f"{again_s:.2f} s")
    print(f"{args.hostile:,} rows: refused in {hostile_s:.2f} s ({refused or 'NOT refused'})")
    print(json.dumps({"benchmark": "directory_import", "people": args.people,
                      "read_s": round(read_s, 3), "dry_run_s": round(diff_s, 3),
                      "apply_s": round(apply_s, 3), "second_dry_run_s": round(again_s, 3),
                      "goal_total_s_at_most": 30,
                      "hostile_rows": args.hostile, "hostile_refused": bool(refused),
                      "hostile_s": round(hostile_s, 3), "goal_hostile_s_at_most": 5}))


if __name__ == "__main__":
    main()
