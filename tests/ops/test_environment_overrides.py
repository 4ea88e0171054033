"""Every setting can come from the environment (containers): SOCIALBOT__SECTION__KEY=value."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.config import ConfigError, parse_config
from tests.support import ROOT, SAMPLE_CONFIG


def parse(**environ: str):  # type: ignore[no-untyped-def]
    return parse_config(SAMPLE_CONFIG.read_text(), environ=environ)


def test_variables_override_nested_keys_with_the_files_validation() -> None:
    config = parse(SOCIALBOT__SERVER__PORT="8080", SOCIALBOT__SERVER__HOST="0.0.0.0",
                   SOCIALBOT__STORAGE__PATH="/data/socialbot.json",
                   SOCIALBOT__SERVICE_LEVELS__REMIND_EVERY_BUSINESS_DAYS="2",
                   SOCIALBOT__PROGRAMS__OFFERED="[Facebook, YouTube]",
                   SOCIALBOT__TIME_ZONE="America/Vancouver",
                   SOCIALBOT__SLACK__CCT_CHANNEL="C0CCT",
                   UNRELATED__SERVER__PORT="1")
    assert (config.server.host, config.server.port) == ("0.0.0.0", 8080)
    assert config.storage.path == "/data/socialbot.json"
    assert config.service_levels.remind_every_business_days == 2
    assert config.programs.offered == ["Facebook", "YouTube"]
    assert config.time_zone == "America/Vancouver"
    assert config.slack.cct_channel == "C0CCT"
    # Keys the file does not mention are still validated and the rest of the file is kept.
    assert config.directory.cct.team_leader == "kwong"


@pytest.mark.parametrize("environ, expected", [
    ({"SOCIALBOT__SERVER__PORT": "80808"},
     "server.port: Input should be less than or equal to 65535 (set by SOCIALBOT__SERVER__PORT)"),
    ({"SOCIALBOT__SERVER__PROT": "8080"},
     "server.prot: Extra inputs are not permitted (set by SOCIALBOT__SERVER__PROT)"),
    ({"SOCIALBOT__TIME_ZONE": "Mars/Olympus"},
     "time_zone: unknown time zone 'Mars/Olympus' (set by SOCIALBOT__TIME_ZONE)"),
    ({"SOCIALBOT__CITY__NAME": "x"},
     "SOCIALBOT__CITY__NAME: city is a single value, not a section"),
    ({"SOCIALBOT__SERVER____PORT": "1"}, "SOCIALBOT__SERVER____PORT: expected SOCIALBOT__SECTION"),
])
def test_a_bad_override_is_refused_naming_its_variable(environ: dict[str, str],
                                                        expected: str) -> None:
    with pytest.raises(ConfigError) as problem:
        parse(**environ)
    assert expected in str(problem.value)


def test_check_config_reads_the_environment(tmp_path: Path) -> None:
    environ = {"PATH": "/usr/bin:/bin", "SOCIALBOT__SERVER__PORT": "0"}
    run = subprocess.run([str(ROOT / ".venv/bin/socialbot"), "check-config", "--config",
                          str(SAMPLE_CONFIG)], env=environ, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 2
    assert "server.port: Input should be greater than or equal to 1 " \
           "(set by SOCIALBOT__SERVER__PORT)" in run.stderr


def test_the_prefix_is_documented_for_operators() -> None:
    assert "SOCIALBOT__SERVER__PORT" in SAMPLE_CONFIG.read_text()
    assert "SOCIALBOT__STORAGE__PATH" in (ROOT / "README.md").read_text()
