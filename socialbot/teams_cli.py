"""`socialbot teams-package`: write the Teams app package (a zip to sideload or upload).

The bot id comes from MICROSOFT_APP_ID in the environment, like the server's, so the package
always names the bot the server answers for.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from adapters.teams.package import build_package

DEFAULT_OUT = Path("dist/teams-app.zip")


@click.command("teams-package")
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              default=DEFAULT_OUT, show_default=True, help="Where to write the zip.")
@click.option("--host", default=None,
              help="The bot's public domain (e.g. bot.pickering.ca), listed in validDomains.")
@click.option("--name", default="Social Media Access", show_default=True,
              help="The app's short name in Teams (30 characters at most).")
@click.option("--icons", "icons_dir", default=None,
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A folder with color.png (192x192) and outline.png (32x32) to use instead "
                   "of the drawn icons.")
def teams_package(out_path: Path, host: str | None, name: str, icons_dir: Path | None) -> None:
    """Write the Teams app package for the bot registered as MICROSOFT_APP_ID."""
    app_id = os.environ.get("MICROSOFT_APP_ID", "").strip()
    if not app_id:
        click.echo("error: set MICROSOFT_APP_ID to the bot's Azure app id (a GUID) first",
                   err=True)
        sys.exit(1)
    try:
        written = build_package(app_id, out_path, name=name, host=host, icons_dir=icons_dir)
    except ValueError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(1)
    click.echo(f"wrote {written}: in Teams, Apps > Manage your apps > Upload an app > "
               "Upload a custom app (see docs/teams.md)")
