"""The Teams app package: a zip with manifest.json, color.png and outline.png to sideload.

The manifest comes from `manifest_template.json` (schema v1.22, the version it declares in
`$schema`/`manifestVersion`) with the bot's id, name and host filled in. Icons are drawn here
in pure Python (zlib + struct, no Pillow): a white speech bubble on the City's blue for the
192x192 color icon, and the same bubble in white on transparent for the 32x32 outline icon,
as Teams requires. Put `color.png` / `outline.png` in `icons_dir` to use real artwork instead.
"""

from __future__ import annotations

import json
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_HOST = re.compile(r"^(\*\.)?([a-zA-Z0-9-]{1,63}\.)+[a-zA-Z]{2,63}$")
# A fixed namespace so the same bot id always yields the same Teams app id: re-uploading
# the package updates the installed app instead of adding a second one.
_APP_ID_NAMESPACE = uuid.UUID("6f0c3b1e-3f4e-4f57-9a51-5d1c1e1f0a11")
ACCENT = (0x00, 0x52, 0x9B)  # the manifest's accentColor, #00529B
WHITE = (0xFF, 0xFF, 0xFF)

Pixel = tuple[int, int, int, int]


def build_package(
    app_id: str,
    out_path: Path,
    *,
    name: str = "Social Media Access",
    host: str | None = None,
    icons_dir: Path | None = None,
) -> Path:
    """Write the sideloadable zip for the bot registered as `app_id` and return its path."""
    manifest = build_manifest(app_id, name=name, host=host)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        package.writestr("color.png", _icon(icons_dir, "color.png", color_icon))
        package.writestr("outline.png", _icon(icons_dir, "outline.png", outline_icon))
    return out_path


def build_manifest(app_id: str, *, name: str, host: str | None) -> dict[str, Any]:
    if not _GUID.match(app_id or ""):
        raise ValueError(
            f"MICROSOFT_APP_ID must be the bot's Azure app id (a GUID), got {app_id!r}"
        )
    if not name or len(name) > 30:
        raise ValueError("the app's short name must be 1 to 30 characters")
    if host is not None and not _HOST.match(host):
        raise ValueError(f"host must be a bare domain name like bot.example.org, got {host!r}")
    template = resources.files("adapters.teams").joinpath("manifest_template.json")
    manifest: dict[str, Any] = json.loads(template.read_text(encoding="utf-8"))
    manifest["id"] = str(uuid.uuid5(_APP_ID_NAMESPACE, app_id.lower()))
    manifest["name"] = {"short": name, "full": f"{name} (Social Media Procedure ADM 140-007)"}
    manifest["bots"][0]["botId"] = app_id
    manifest["validDomains"] = [host] if host else []
    return manifest


def _icon(icons_dir: Path | None, file_name: str, draw: Callable[[], bytes]) -> bytes:
    if icons_dir is not None and (icons_dir / file_name).is_file():
        return (icons_dir / file_name).read_bytes()
    return draw()


def color_icon() -> bytes:
    """192x192, full color: the bubble in white on the accent color, edge to edge."""
    size = 192

    def pixel(x: int, y: int) -> Pixel:
        return (*WHITE, 255) if _in_bubble(x, y, size) else (*ACCENT, 255)

    return png(size, size, pixel)


def outline_icon() -> bytes:
    """32x32: only white and fully transparent pixels, as Teams requires of outline icons."""
    size = 32

    def pixel(x: int, y: int) -> Pixel:
        inside = _in_bubble(x, y, size)
        ring = inside and not _in_bubble(x, y, size, inset=2.5)
        return (*WHITE, 255) if ring else (0, 0, 0, 0)

    return png(size, size, pixel)


def _in_bubble(x: int, y: int, size: int, *, inset: float = 0.0) -> bool:
    """A speech bubble: an ellipse in the upper part with a tail to the lower left."""
    cx, cy = size / 2, size * 0.44
    rx, ry = size * 0.36 - inset, size * 0.28 - inset
    px, py = x + 0.5, y + 0.5
    if ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1:
        return True
    if inset:
        return False
    # The tail: a triangle under the ellipse's lower left.
    top, bottom = cy + ry * 0.6, size * 0.86
    left_at_bottom, right = size * 0.28, size * 0.48
    if not top <= py <= bottom:
        return False
    t = (py - top) / (bottom - top)
    left = size * 0.34 + (left_at_bottom - size * 0.34) * t
    return left <= px <= right - (right - left_at_bottom) * t


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """Encode an 8-bit RGBA PNG, one filter-0 scanline per row."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
