"""The container image, compose file and systemd unit. No Docker engine runs on the test
machines, so the image is not built here: its instructions are read and checked, and its
command, environment and health check are run as the image would run them, minus Docker."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

DOCKERFILE = ROOT / "Dockerfile"
UNIT = ROOT / "deploy" / "socialbot.service"


def instructions(path: Path = DOCKERFILE) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the final stage, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", path.read_text())
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    parsed = [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]
    last_from = max(i for i, (name, _) in enumerate(parsed) if name == "FROM")
    return parsed[last_from:]


def one(name: str) -> str:
    [value] = [args for instruction, args in instructions() if instruction == name]
    return value


def image_environment() -> dict[str, str]:
    environment: dict[str, str] = {}
    for instruction, args in instructions():
        if instruction == "ENV":
            environment.update(pair.split("=", 1) for pair in shlex.split(args))
    return environment


def test_the_image_runs_as_a_user_with_its_data_on_a_volume() -> None:
    user = one("USER")
    assert user.split(":")[0] not in ("root", "0")
    assert json.loads(one("VOLUME")) == ["/data"]
    assert image_environment()["SOCIALBOT__STORAGE__PATH"].startswith("/data/")
    assert json.loads(one("CMD")) == ["socialbot", "serve", "--config", "/etc/socialbot/app.yaml"]
    assert one("HEALTHCHECK").startswith("--interval=")
    assert "/healthz" in one("HEALTHCHECK")
    runs = [args for instruction, args in instructions() if instruction == "RUN"]
    created = [m.group(1) for run in runs
               for m in re.finditer(r"useradd (?:--system |--\S+ \S+ )*(\w+)", run)]
    assert created == [user.split(":")[0]]  # the image creates the user it runs as
    # No secret is baked into the image.
    assert not {"SLACK_BOT_TOKEN", "MICROSOFT_APP_PASSWORD"} & set(image_environment())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_images_command_serves_and_its_health_check_passes(tmp_path: Path) -> None:
    """The image's CMD with the image's environment: /data and /etc/socialbot moved to tmp."""
    config_dir, data = tmp_path / "etc", tmp_path / "data"
    config_dir.mkdir()
    shutil.copy(ROOT / "app.yaml", config_dir / "app.yaml")
    port = free_port()
    environment = {
        **os.environ, "SLACK_BOT_TOKEN": "", "MICROSOFT_APP_ID": "",
        **{key: value.replace("/data/", f"{data}/")
           for key, value in image_environment().items()},
        "SOCIALBOT__SERVER__HOST": "127.0.0.1",  # tests only ever listen on loopback
        "SOCIALBOT__SERVER__PORT": str(port),
    }
    command = [arg.replace("/etc/socialbot", str(config_dir)) for arg in json.loads(one("CMD"))]
    command = [sys.executable, "-m", "socialbot", *command[1:]]
    health = json.loads(one("HEALTHCHECK").split("CMD", 1)[1])
    server = subprocess.Popen(command, cwd=ROOT, env=environment, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert server.stdout is not None
        assert f"listening on http://127.0.0.1:{port}" in server.stdout.readline()
        check = subprocess.run([sys.executable, *health[1:]], env=environment, timeout=30,
                               check=False)
        assert check.returncode == 0
        assert (data / "socialbot.json").exists()
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert server.returncode == 0
    assert all(json.loads(line)["level"] != "ERROR" for line in errors.splitlines()), errors


def test_compose_runs_the_bot_on_the_embedded_store_without_secrets_in_the_file() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    bot = compose["services"]["socialbot"]
    assert bot["build"] == "."
    assert "socialbot-data:/data" in bot["volumes"]
    assert "socialbot-data" in compose["volumes"]
    assert bot["environment"]["SOCIALBOT__STORAGE__PATH"].startswith("/data/")
    assert all(str(value).startswith("${") for key, value in bot["environment"].items()
               if key.endswith(("TOKEN", "SECRET", "PASSWORD")))
    assert bot["read_only"] is True and bot["cap_drop"] == ["ALL"]
    assert all(port.startswith("127.0.0.1:") for port in bot["ports"])


def unit_settings() -> dict[str, list[str]]:
    settings: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings.setdefault(key, []).append(value)
    return settings


def test_the_systemd_unit_is_hardened_and_reads_secrets_from_a_file() -> None:
    settings = unit_settings()
    assert settings["User"] == ["socialbot"]
    assert settings["EnvironmentFile"] == ["/etc/socialbot/secrets.env"]
    assert settings["ExecStart"][0].endswith("socialbot serve --config /etc/socialbot/app.yaml")
    assert settings["StateDirectoryMode"] == ["0700"] and settings["UMask"] == ["0077"]
    for hardening in ("NoNewPrivileges", "PrivateTmp", "ProtectHome", "RestrictSUIDSGID"):
        assert settings[hardening] == ["yes"], hardening
    assert settings["ProtectSystem"] == ["strict"] and settings["CapabilityBoundingSet"] == [""]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    unit = tmp_path / "socialbot.service"
    # verify insists that ExecStart exists: point it at a program that does.
    unit.write_text(UNIT.read_text().replace("/opt/socialbot/bin/socialbot", "/bin/true"))
    run = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0 and run.stderr == "", run.stderr
