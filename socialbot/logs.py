"""Logging for `socialbot serve` and the CLI: text or JSON lines, level from the environment.

LOG_FORMAT=text|json (default text), LOG_LEVEL=DEBUG|INFO|WARNING|ERROR (default INFO).
Log calls carry identifiers only (request ids, routes, statuses); never a body, form or post.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMATS = ("text", "json")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Fields a log call may attach with `extra={"fields": {...}}`: plain identifiers and figures.
FIELDS_ATTRIBUTE = "fields"


class LoggingSettingError(ValueError):
    pass


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any attached fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": record.getMessage(),
        }
        fields = getattr(record, FIELDS_ATTRIBUTE, None)
        if isinstance(fields, Mapping):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(environ: Mapping[str, str] | None = None, *, default_level: str = "INFO") -> None:
    """Set the root logger from LOG_LEVEL and LOG_FORMAT; raises LoggingSettingError."""
    environ = os.environ if environ is None else environ
    level = environ.get("LOG_LEVEL", "").strip().upper() or default_level
    style = environ.get("LOG_FORMAT", "").strip().lower() or "text"
    if level not in LEVELS:
        raise LoggingSettingError(
            f"LOG_LEVEL={environ['LOG_LEVEL']!r} is not one of {', '.join(LEVELS)}")
    if style not in FORMATS:
        raise LoggingSettingError(
            f"LOG_FORMAT={environ['LOG_FORMAT']!r} is not one of {', '.join(FORMATS)}")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if style == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)


def quieten(level: int = logging.WARNING) -> None:
    """Interactive commands (the console) show warnings and errors only, unless LOG_LEVEL says."""
    if not os.environ.get("LOG_LEVEL"):
        logging.getLogger().setLevel(level)
