"""The Teams app package: a zip Teams accepts for sideloading.

The manifest is validated against the official v1.22 manifest schema vendored in
manifest_schema/ (MIT, see its LICENSE); the icons are decoded to check their size and,
for the outline icon, that every pixel is white or fully transparent.
"""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from adapters.teams.package import build_manifest, build_package

SCHEMA_PATH = Path(__file__).parent / "manifest_schema" / "MicrosoftTeams.v1.22.schema.json"
APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGBA pixels of a non-interlaced 8-bit RGBA PNG with filter 0 rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat, header = 8, b"", b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind!r}"
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, color_type, interlace) == (8, 6, 0)
    raw = zlib.decompress(idat)
    stride = 1 + 4 * width
    pixels = []
    for y in range(height):
        row = raw[y * stride : (y + 1) * stride]
        assert row[0] == 0, "unexpected PNG row filter"
        pixels += [row[1 + 4 * x : 5 + 4 * x] for x in range(width)]
    return width, height, pixels


@pytest.fixture
def package(tmp_path: Path) -> zipfile.ZipFile:
    path = build_package(APP_ID, tmp_path / "out" / "teams-app.zip", host="bot.pickering.example")
    return zipfile.ZipFile(path)


def test_the_package_holds_exactly_a_manifest_and_two_icons(package: zipfile.ZipFile) -> None:
    assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]


def test_the_manifest_is_valid_against_the_schema_version_it_declares(
    package: zipfile.ZipFile,
) -> None:
    manifest = json.loads(package.read("manifest.json"))
    schema = _schema()

    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(manifest)
    assert manifest["manifestVersion"] == schema["properties"]["manifestVersion"]["const"]
    assert manifest["$schema"].endswith("/v1.22/MicrosoftTeams.schema.json")


def test_the_manifest_names_the_bot_its_commands_and_its_host(package: zipfile.ZipFile) -> None:
    manifest = json.loads(package.read("manifest.json"))
    [bot] = manifest["bots"]

    assert bot["botId"] == APP_ID
    assert bot["scopes"] == ["personal", "team"]
    assert (bot["supportsFiles"], bot["isNotificationOnly"]) == (False, False)
    personal = next(c for c in bot["commandLists"] if c["scopes"] == ["personal"])
    assert [c["title"] for c in personal["commands"]] == ["request", "status", "inbox",
                                                         "dashboard", "help"]
    assert manifest["validDomains"] == ["bot.pickering.example"]
    assert manifest["name"]["short"] == "Social Media Access"


def test_the_teams_app_id_is_stable_for_a_bot_so_reuploads_update_the_app(
    tmp_path: Path,
) -> None:
    first = build_manifest(APP_ID, name="Social Media Access", host=None)
    again = build_manifest(APP_ID.upper(), name="Social Media Access", host=None)
    other = build_manifest("9b2504e0-4f89-41d3-9a0c-0305e82c3302", name="X", host=None)

    assert first["id"] == again["id"] != other["id"]
    assert first["id"] != APP_ID
    assert first["validDomains"] == []


def test_the_color_icon_is_192_square_and_opaque(package: zipfile.ZipFile) -> None:
    width, height, pixels = _read_png(package.read("color.png"))

    assert (width, height) == (192, 192)
    assert all(p[3] == 255 for p in pixels)
    assert len({bytes(p) for p in pixels}) == 2  # accent background and white glyph


def test_the_outline_icon_is_32_square_white_on_transparent(package: zipfile.ZipFile) -> None:
    width, height, pixels = _read_png(package.read("outline.png"))

    assert (width, height) == (32, 32)
    assert {bytes(p) for p in pixels} == {b"\xff\xff\xff\xff", b"\x00\x00\x00\x00"}


def test_icons_in_a_directory_replace_the_drawn_ones(tmp_path: Path) -> None:
    icons = tmp_path / "icons"
    icons.mkdir()
    (icons / "color.png").write_bytes(b"city artwork")
    path = build_package(APP_ID, tmp_path / "app.zip", icons_dir=icons)

    with zipfile.ZipFile(path) as package:
        assert package.read("color.png") == b"city artwork"
        assert _read_png(package.read("outline.png"))[:2] == (32, 32)


@pytest.mark.parametrize(
    ("app_id", "name", "host"),
    [
        ("", "Social Media Access", None),
        ("not-a-guid", "Social Media Access", None),
        (APP_ID, "", None),
        (APP_ID, "A name much longer than thirty characters", None),
        (APP_ID, "Social Media Access", "https://bot.example.org/api"),
        (APP_ID, "Social Media Access", "bot.example.org:3978"),
    ],
)
def test_bad_inputs_are_refused_with_a_clear_error(
    tmp_path: Path, app_id: str, name: str, host: str | None
) -> None:
    with pytest.raises(ValueError, match=r"MICROSOFT_APP_ID|name|host"):
        build_package(app_id, tmp_path / "app.zip", name=name, host=host)
    assert not (tmp_path / "app.zip").exists()
