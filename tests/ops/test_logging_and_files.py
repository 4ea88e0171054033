"""Logs an operator can ship (text or JSON lines, level from the environment) and store files
only the bot's user can read."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from socialbot.logs import JsonLines, LoggingSettingError, configure
from storage.engine import Store
from tests.support import ROOT, SAMPLE_CONFIG


def test_json_lines_carry_the_attached_fields() -> None:
    record = logging.LogRecord("socialbot.access", logging.INFO, __file__, 1,
                               "%s %s %d", ("GET", "/healthz", 200), None)
    record.fields = {"route": "/healthz", "status": 200}
    line = json.loads(JsonLines().format(record))
    assert line["message"] == "GET /healthz 200"
    assert (line["level"], line["logger"], line["route"], line["status"]) == \
        ("INFO", "socialbot.access", "/healthz", 200)


def test_level_and_format_come_from_the_environment() -> None:
    root = logging.getLogger()
    saved = (root.level, list(root.handlers))
    try:
        configure({"LOG_LEVEL": "warning", "LOG_FORMAT": "JSON"})
        assert root.level == logging.WARNING
        assert isinstance(root.handlers[0].formatter, JsonLines)
        with pytest.raises(LoggingSettingError, match="LOG_FORMAT='xml' is not one of"):
            configure({"LOG_FORMAT": "xml"})
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]


def test_a_bad_log_setting_stops_the_command_with_a_clear_error() -> None:
    run = subprocess.run([sys.executable, "-m", "socialbot", "check-config", "--config",
                          str(SAMPLE_CONFIG)], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "LOG_LEVEL": "chatty"}, check=False)
    assert run.returncode == 2
    assert run.stderr.startswith("error: LOG_LEVEL='chatty' is not one of DEBUG, INFO")


def test_store_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        store = Store(tmp_path / "data" / "socialbot.json")
        store.commit([("put", "t", "k", {"v": 1})])
        store.close()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "data").iterdir()}
    assert modes == {"socialbot.json": 0o600, "socialbot.json.journal": 0o600,
                     "socialbot.json.lock": 0o600}
