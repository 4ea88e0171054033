"""Every kind of bad app.yaml is refused with an error that names the key path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.config import ConfigError, parse_config
from tests.support import ROOT, SAMPLE_CONFIG


def sample() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(SAMPLE_CONFIG.read_text())


def person_index(raw: dict, person_id: str) -> int:  # type: ignore[type-arg]
    return next(i for i, p in enumerate(raw["directory"]["people"]) if p["id"] == person_id)


def error_for(raw: object) -> str:
    with pytest.raises(ConfigError) as problem:
        parse_config(yaml.safe_dump(raw) if not isinstance(raw, str) else raw)
    return str(problem.value)


def test_the_sample_configuration_is_valid() -> None:
    config = parse_config(SAMPLE_CONFIG.read_text())
    assert config.directory.cct.team_leader == "kwong"
    assert config.time_zone == "America/Toronto"


def test_an_unknown_supervisor_is_named_with_its_key_path() -> None:
    raw = sample()
    raw["directory"]["people"][3]["supervisor"] = "msmth"
    assert "directory.people[3].supervisor: unknown person 'msmth'" in error_for(raw)


@pytest.mark.parametrize("mutate, expected", [
    (lambda r: r["directory"]["departments"][0].update(director="ghost"),
     "directory.departments[0].director: unknown person 'ghost'"),
    (lambda r: r["directory"]["people"][1].update(department="parks"),
     "directory.people[1].department: unknown department 'parks'"),
    (lambda r: r["directory"]["people"].append(dict(r["directory"]["people"][0])),
     "duplicate person id 'jmarsh'"),
    (lambda r: r["directory"]["cct"].update(members=["rsingh"]),
     "directory.cct.team_leader: the team leader must be one of the members"),
    (lambda r: r["directory"].update(moderators=["nobody"]),
     "directory.moderators[0]: unknown person 'nobody'"),
    (lambda r: r["directory"]["people"][0].update(supervisor="msmith"),
     "loops back on itself"),
    (lambda r: r["directory"]["people"][2].update(delegate="msmith"),
     "a person cannot be their own delegate"),
    (lambda r: r["directory"]["people"][2].update(slack_id="U0ADOE"),
     "slack_id: 'U0ADOE' already belongs to"),
    (lambda r: r["directory"]["people"][0].update(email="not-an-email"),
     "directory.people[0].email"),
    (lambda r: r["directory"]["people"][0].update(status="contractor"),
     "directory.people[0].status"),
    (lambda r: r["directory"]["people"][0].pop("last_name"),
     "directory.people[0].last_name: Field required"),
    (lambda r: r["directory"]["people"][0].update(nickname="JM"),
     "directory.people[0].nickname: Extra inputs are not permitted"),
    (lambda r: r.update(time_zone="Mars/Olympus"), "time_zone: unknown time zone"),
    (lambda r: r["workflow"]["chains"].update(access=["supervisor", "cct"]),
     "the director's approval cannot be dropped"),
    (lambda r: r["workflow"]["chains"].update(access=["sop_draft", "director"]),
     "the SOP stages must come last"),
    (lambda r: r["workflow"]["chains"].update(access=["supervisor", "mayor", "director"]),
     "unknown stage 'mayor'"),
    (lambda r: r["programs"].update(offered=["Facebook", "facebook"]),
     "programs must be unique"),
    (lambda r: r["programs"].update(offered=[]), "programs.offered"),
    (lambda r: r["server"].update(port=70000), "server.port"),
    (lambda r: r["slack"].update(command="socialmedia"), "slack.command"),
    (lambda r: r.update(privacy_notice="short"), "privacy_notice"),
    (lambda r: r.pop("directory"), "directory: Field required"),
    (lambda r: r.update(surprise=True), "surprise: Extra inputs are not permitted"),
])
def test_each_kind_of_mistake_is_explained(mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    raw = sample()
    mutate(raw)
    assert expected in error_for(raw)


def test_not_yaml_and_not_a_mapping() -> None:
    assert "not valid YAML" in error_for("directory: [unclosed")
    assert "must be a mapping" in error_for("- just\n- a list\n")


def test_environment_variables_are_expanded_and_missing_ones_named(
        monkeypatch: pytest.MonkeyPatch) -> None:
    raw = sample()
    raw["slack"]["cct_channel"] = "${CCT_CHANNEL}"
    monkeypatch.setenv("CCT_CHANNEL", "C0CCT")
    assert parse_config(yaml.safe_dump(raw)).slack.cct_channel == "C0CCT"
    monkeypatch.delenv("CCT_CHANNEL")
    assert "slack.cct_channel: environment variable CCT_CHANNEL is not set" in error_for(raw)


def test_check_config_exits_non_zero_before_anything_starts(tmp_path: Path) -> None:
    raw = sample()
    raw["directory"]["people"][person_index(raw, "adoe")]["supervisor"] = "msmth"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(raw))
    socialbot = [sys.executable, "-m", "socialbot"]
    for command in (["check-config"], ["serve", "--port", "1"], ["console", "--as", "adoe"]):
        run = subprocess.run([*socialbot, *command, "--config", str(bad)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 2, run.stderr
        assert "supervisor: unknown person 'msmth'" in run.stderr
        assert "Traceback" not in run.stderr
    assert not (tmp_path / "data").exists()
    good = subprocess.run([*socialbot, "check-config", "--config", str(SAMPLE_CONFIG)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert good.returncode == 0 and "OK" in good.stdout
    missing = subprocess.run([*socialbot, "check-config", "--config", str(tmp_path / "no.yaml")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "no such configuration file" in missing.stderr
