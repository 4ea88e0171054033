"""`socialbot teams-package`: the app package for the bot named by MICROSOFT_APP_ID."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from socialbot.cli import main

APP_ID = "00000000-0000-0000-0000-00000000b07a"


def test_writes_the_package_for_the_bot_in_the_environment(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", APP_ID)
    out = tmp_path / "teams.zip"
    result = CliRunner().invoke(main, ["teams-package", "--out", str(out), "--host",
                                       "bot.pickering.ca"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["validDomains"] == ["bot.pickering.ca"]


@pytest.mark.parametrize(("app_id", "args", "said"), [
    ("", [], "set MICROSOFT_APP_ID"),
    ("not-a-guid", [], "GUID"),
    (APP_ID, ["--host", "https://bot.example.org/x"], "bare domain"),
])
def test_refuses_what_teams_would_refuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         app_id: str, args: list[str], said: str) -> None:
    monkeypatch.setenv("MICROSOFT_APP_ID", app_id)
    out = tmp_path / "teams.zip"
    result = CliRunner().invoke(main, ["teams-package", "--out", str(out), *args])
    assert result.exit_code == 1
    assert said in result.output
    assert not out.exists()
