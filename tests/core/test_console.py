"""`socialbot console` driven through stdin, as a script or a person would, start to export."""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path

import pytest
from aiohttp import ClientSession

from tests.support import ROOT, data_dir_config, run_socialbot, running_server

WHOLE_REQUEST = """\
request


Aquatics
1
Facebook, 3
2
Summer swim lessons <!channel> campaign for the Aquatics section
yes
yes
status
as msmith
inbox
approve R-1
as tlee
approve R-1
as kwong
approve R-1
as pbrown
reject R-1
approve R-1
as adoe
sop R-1
We post twice a week.
Replies within two business days.
.
https://example.org/sop
as rsingh
changes R-1 Add who covers weekends
as adoe
sop R-1
We post twice a week; weekends: Sam Baker.
.

as kwong
approve R-1
as pbrown
approve R-1
approve R-1
as adoe
status
"""


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return data_dir_config(tmp_path)


socialbot = partial(run_socialbot, stdin="", timeout=60)


def test_a_whole_request_through_the_terminal_then_export(config_file: Path) -> None:
    run = socialbot("console", "--config", str(config_file), "--as", "adoe",
                    stdin=WHOLE_REQUEST)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "Filed R-1. It now waits for Morgan Smith, Manager, Recreation Services." in out
    assert "R-1  Facebook, YouTube: waiting for the supervisor's agreement" in out
    assert "You can: Approve (approve R-1), Reject (reject R-1)" in out
    assert "belongs to Morgan Smith" not in out  # tlee at the CCT stage is not the CCT
    assert "You can't act on this: the stage 'CCT review' belongs to Kim Wong, Ravi Singh" in out
    assert "Usage: reject ID REASON" in out
    assert "SOP revision 2 submitted for R-1" in out
    assert "R-1 SOP approved. The request is approved: access granted." in out
    assert ("R-1 agreed in principle. It now waits for Kim Wong, Manager, Corporate "
            "Communications; Ravi Singh, Communications Advisor (CCT review).") in out
    assert "Already decided: R-1 SOP approved by Priya Brown" in out
    assert "R-1  Facebook, YouTube: approved: access granted" in out

    export = socialbot("export", "R-1", "--config", str(config_file))
    assert export.returncode == 0, export.stderr
    appendix = export.stdout
    assert "# Social Media Request for Access - R-1" in appendix
    assert "- Employee: Alex Doe, Recreation Programmer, " in appendix
    assert "- Corporate Communications Team: Kim Wong, Manager, Corporate Communications" \
        in appendix
    assert "- Director: Priya Brown, Director, Community Services" in appendix
    assert "Summer swim lessons \\<!channel\\> campaign" in appendix
    assert "| Ravi Singh (Communications Advisor) | changes requested | CCT review of the SOP " \
           "| Add who covers weekends |" in appendix
    assert "weekends: Sam Baker" in appendix


def readme_console_examples() -> list[tuple[str, str]]:
    """(stdin, --as) of each `printf ... | socialbot console --as X` line in the README."""
    examples = []
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("printf '") and "socialbot console --as " in line:
            text = line.split("'")[1].encode().decode("unicode_escape")
            examples.append((text, line.rsplit("--as ", 1)[1].strip()))
    return examples


def test_the_readme_examples_work_in_order_on_a_fresh_database(config_file: Path) -> None:
    examples = readme_console_examples()
    assert len(examples) == 3
    outputs = []
    for stdin, person in examples:
        run = socialbot("console", "--config", str(config_file), "--as", person, stdin=stdin)
        assert run.returncode == 0 and "ERROR" not in run.stderr, run.stderr
        outputs.append(run.stdout)
    filed, approved, status = outputs
    assert "Filed R-1. It now waits for Morgan Smith, Manager, Recreation Services." in filed
    assert "News for you:\n  - R-1 waits for you (Supervisor agreement). Type 'show R-1'." \
        in approved
    assert "R-1 agreed in principle. It now waits for Kim Wong" in approved
    assert "News for you:\n  - Your request R-1 was agreed in principle by Morgan Smith" in status
    assert "R-1  Facebook: waiting for the CCT's review" in status


def test_each_answer_is_checked_as_it_is_typed_and_asked_again(config_file: Path) -> None:
    answers = ("request\n\n\n\n9\n1\nMySpace\nFacebook\n\nshort\n"
               "Summer swim lessons campaign\nmaybe\nno\nyes\nperhaps\nno\nstatus\n")
    run = socialbot("console", "--config", str(config_file), "--as", "adoe", stdin=answers)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    # Part 1's names are the directory's: shown, never asked.
    assert "for Alex Doe, Recreation Programmer (name from the City's directory)" in out
    assert "First name" not in out.split("Please check your request:")[0]
    assert "Who will approve it, in order: Supervisor agreement: Morgan Smith; " in out
    # Each bad answer is refused at once, with the reason, before the next question.
    assert out.index("Choose one of: Full Time, Part Time, Temporary.") \
        < out.index("Social media programs")
    assert out.index("Unknown program 'MySpace'") < out.index("City department to promote")
    assert out.index("Describe the program or initiative") < out.index("Do you accept?")
    assert "Please answer yes or no." in out
    assert "read the notice of collection and accept it" in out
    assert "Please answer yes or no. Submit this request? (yes/no)" in out
    assert "Request cancelled; nothing was stored." in out
    assert "You have no requests." in out


def test_reject_withdraw_and_reassign_ask_first_and_take_names(config_file: Path) -> None:
    filed = WHOLE_REQUEST.split("status\nas msmith")[0]
    script = (filed + "as msmith\napprove R-1\nas kwong\n"
              'reassign R-1 "Priya Brown"\n'
              'reassign R-1 "Ravi Singh"\nmaybe\nno\nshow R-1\n'
              'reassign R-1 "Ravi Singh"\ny\n'
              "as Ravi\nreject R-1 Not this year\nno\n"
              "as adoe\nwithdraw R-1\nyes\nstatus\n")
    run = socialbot("console", "--config", str(config_file), "--as", "adoe", stdin=script)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "Priya Brown can't take this stage. Eligible: Ravi Singh." in out
    assert "Hand the stage 'CCT review' of R-1 to Ravi Singh, Communications Advisor:" in out
    assert "I don't know 'maybe'" not in out
    assert "Please answer yes or no:" in out
    assert "Nothing was changed." in out
    assert "R-1 reassigned. It now waits for Ravi Singh, Communications Advisor (CCT review)." \
        in out
    assert "Hello Ravi Singh" in out
    assert "Reject R-1 at 'CCT review' with the reason 'Not this year': the request closes" in out
    assert "Withdraw R-1: the request closes for good" in out
    assert "R-1 withdrawn. The request is closed and its requester is told." in out
    assert "R-1  Facebook, YouTube: withdrawn" in out

    scripted = socialbot("console", "--yes", "--config", str(config_file), "--as", "adoe",
                         stdin=filed + "withdraw R-2\n")
    assert "R-2 withdrawn." in scripted.stdout, scripted.stderr
    assert "Go ahead?" not in scripted.stdout


def test_an_unknown_person_is_refused_with_exit_2(config_file: Path) -> None:
    run = socialbot("console", "--config", str(config_file), "--as", "nobody", stdin="status\n")
    assert run.returncode == 2
    assert "error: --as nobody: There is no 'nobody' in the directory." in run.stderr
    assert run.stdout == ""


def test_unknown_people_and_commands_get_clear_answers(config_file: Path) -> None:
    run = socialbot("console", "--config", str(config_file), "--as", "Taylor Lee",
                    stdin="status\nas ghost\nas tlee\nfrobnicate\nshow R-7\n")
    assert run.returncode == 0, run.stderr
    assert "Hello Taylor Lee" in run.stdout
    assert "There is no 'ghost' in the directory." in run.stdout
    assert "I don't know 'frobnicate'" in run.stdout
    assert "There is no request 'R-7'." in run.stdout
    assert "Traceback" not in run.stderr


async def test_the_console_talks_to_a_running_server(config_file: Path, tmp_path: Path) -> None:
    banner: list[str] = []
    with running_server(config_file, tmp_path / "serve.log", banner) as server:
        assert "listening on http://127.0.0.1:" in banner[0]
        url = banner[0].split("listening on ")[1].split(" ")[0]
        async with ClientSession() as http:
            async with http.get(f"{url}/healthz") as answer:
                assert await answer.json() == {"status": "ok"}
            async with http.post(f"{url}/console/turn", json={},
                                 headers={"Authorization": "Bearer wrong"}) as answer:
                assert answer.status == 401
        run = await asyncio.to_thread(
            socialbot, "console", "--config", str(config_file), "--as", "adoe",
            stdin=WHOLE_REQUEST.split("status\nas msmith")[0] + "as msmith\napprove R-1\n")
        assert "Filed R-1" in run.stdout, run.stderr
        assert "R-1 agreed in principle. It now waits for" in run.stdout
        advert = config_file.parent / "data" / "bot.json.console.json"
        assert oct(advert.stat().st_mode & 0o777) == "0o600"
        assert oct(advert.parent.stat().st_mode & 0o777) == "0o700"
        # Alex is on Teams in local mode, with no tenant: her notice waits in the console.
        again = await asyncio.to_thread(socialbot, "console", "--config", str(config_file),
                                        "--as", "adoe", stdin="status\n")
        assert "Your request R-1 was agreed in principle by Morgan Smith" in again.stdout
    assert server.returncode == 0
    assert not advert.exists()  # the server withdrew its console address on the way out
    logged = (tmp_path / "serve.log").read_text()
    assert "ERROR" not in logged and "giving up" not in logged, logged  # a quiet first run
