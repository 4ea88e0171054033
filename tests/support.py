"""Helpers shared by the tests: a clock that stands still and a valid Appendix 2 form."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from bot.domain import SocialMediaRequest
from bot.workflow import Actor, Move, Workflow

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONFIG = ROOT / "app.yaml"


def benchmark_script(name: str) -> ModuleType:
    """benchmarks/<name>.py as a module (the scripts are no package), for its functions."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FixedClock:
    def __init__(self) -> None:
        self.current = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def valid_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "first_name": "Alex", "last_name": "Doe", "department": "Community Services",
        "division": "Recreation", "section": "Aquatics", "status": "full_time",
        "programs": ["Facebook", "YouTube"], "promote_department": "community-services",
        "initiative": "Summer swim lessons campaign", "privacy_accepted": True,
    }
    form.update(changes)
    return form


def file_request(workflow: Workflow, person: str = "adoe", **changes: Any) -> SocialMediaRequest:
    return workflow.submit(Actor(person, "console"), valid_form(**changes))


# -- the command line and a running server, as an operator uses them ----------------------------

def data_dir_config(tmp_path: Path) -> Path:
    """The sample app.yaml in `tmp_path`, its store in `tmp_path/data/bot.json`."""
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": "data/bot.json"}
    target = tmp_path / "app.yaml"
    target.write_text(yaml.safe_dump(raw))
    return target


def run_socialbot(*args: str, timeout: float = 120,
                  stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m socialbot ARGS...` in a process of its own, as typed in a shell (`stdin`,
    when given, is what is typed into it)."""
    return subprocess.run([sys.executable, "-m", "socialbot", *args], cwd=ROOT, text=True,
                          input=stdin, capture_output=True, timeout=timeout, check=False)


@contextmanager
def running_server(config_file: Path, log_path: Path,
                   banner: list[str] | None = None) -> Iterator[subprocess.Popen[str]]:
    """`socialbot serve --port 0` in its own process (no Slack, no Teams), stderr to
    `log_path`; yields once it listens (its "listening on URL" line appended to `banner`),
    stops it with SIGTERM after."""
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "socialbot", "serve", "--config", str(config_file),
             "--port", "0"], cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=log,
            env={**os.environ, "SLACK_BOT_TOKEN": "", "MICROSOFT_APP_ID": ""})
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            assert "listening on" in line
            if banner is not None:
                banner.append(line)
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(30)


def hold_fsync(monkeypatch: Any, store: Any) -> threading.Event:
    """From now on `store`'s fsyncs wait (in the store's worker thread) until the returned
    event is set: what a slow disk does to a group commit under way."""
    release = threading.Event()
    real_fsync = os.fsync

    def held(fd: int) -> None:
        release.wait(10)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", held)
    monkeypatch.setattr(store, "_fsync", True)  # test harnesses often build without fsync
    return release


@dataclass
class NotYetDurable:
    request_id: str
    release: threading.Event  # set it and the held fsync goes through
    click_ack: asyncio.Future[None]  # what the approving click's ack waits for


def approved_before_fsync(runtime: Any, monkeypatch: Any, requester: str = "adoe",
                          platform: str = "slack") -> NotYetDurable:
    """`requester`'s request, on disk; then their supervisor's approval, written at once but
    with fsync held (`hold_fsync`), as a click's is under group commit while its ack waits."""
    workflow = runtime.workflow
    request = file_request(workflow, requester)
    release = hold_fsync(monkeypatch, runtime.store)
    supervisor = workflow.directory.person(requester).supervisor
    with runtime.services.durability.deferred():
        workflow.decide(Actor(supervisor, platform), request.id, Move("approve"))
    return NotYetDurable(request.id, release,
                         asyncio.ensure_future(runtime.services.durability.flushed()))
