"""Runs a console session on stdin/stdout, in-process or against a running server."""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from urllib import error, request

Turn = Callable[[str], tuple[str, str]]  # line -> (reply, prompt)


def run(turn: Turn, greeting: str, *, stdin: TextIO = sys.stdin,
        stdout: TextIO = sys.stdout) -> int:
    interactive = stdin.isatty()
    stdout.write(greeting + "\n")
    prompt, in_dialog = "> ", False
    while True:
        if interactive:
            stdout.write(prompt)
        stdout.flush()
        line = stdin.readline()
        if not line:
            return 0
        line = line.rstrip("\n")
        if not in_dialog and line.strip().lower() in ("quit", "exit"):
            return 0
        reply, prompt = turn(line)
        in_dialog = not prompt.endswith("> ")
        if reply:
            ends_line = reply.endswith("\n") or (interactive and reply.endswith(" "))
            stdout.write(reply if ends_line else reply + "\n")


class RemoteConsole:
    """Talks to `socialbot serve` through its loopback console endpoint."""

    def __init__(self, advert: Path, person_id: str, *, confirm: bool = True) -> None:
        self.confirm = confirm
        info = json.loads(advert.read_text())
        self.url = info["url"].rstrip("/") + "/console/turn"
        self.token = info["token"]
        self.person_id = person_id
        self.session = uuid.uuid4().hex

    def turn(self, line: str) -> tuple[str, str]:
        body = json.dumps({"session": self.session, "as": self.person_id, "line": line,
                           "confirm": self.confirm}).encode()
        call = request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {self.token}"})
        try:
            with request.urlopen(call, timeout=30) as answer:
                data = json.loads(answer.read())
        except error.HTTPError as problem:
            return f"The bot refused: {problem.code} {problem.read().decode()[:200]}", "> "
        except OSError as problem:
            return f"Cannot reach the running bot at {self.url}: {problem}", "> "
        self.person_id = data["as"]
        return data["reply"], data["prompt"]
