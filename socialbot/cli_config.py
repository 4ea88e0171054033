"""The `--config` option every command takes, and reading it or exiting with the reason.

Kept apart from cli.py so that command modules can use it without importing cli.py, which
imports them in turn to register their commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.config import AppConfig, ConfigError, load_config
from socialbot.bootstrap import resolve

CONFIG_OPTION = click.option(
    "--config", "config_path", default="app.yaml", show_default=True,
    type=click.Path(dir_okay=False, path_type=Path), help="The deployment's configuration.",
)


def load_or_exit(config_path: Path) -> tuple[AppConfig, Path]:
    """The configuration and its folder, or exit 2 naming the problem."""
    try:
        return load_config(config_path)
    except ConfigError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(2)


def config_and_store_path(config_path: Path) -> tuple[AppConfig, Path]:
    """The configuration and where its store lives (for commands that open the store), or
    exit 2 naming the problem."""
    config, base_dir = load_or_exit(config_path)
    return config, resolve(base_dir, config.storage.path)
