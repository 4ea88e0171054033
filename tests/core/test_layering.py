"""Dependencies point inward: the core and the card content never touch a platform SDK."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import ROOT

FORBIDDEN = ("slack_bolt", "slack_sdk", "botbuilder", "aiohttp", "tinydb", "prometheus_client",
             "adapters", "storage", "socialbot")
PLATFORM_RENDERERS = {"slack.py", "adaptive.py", "teams.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_imports_no_platform_storage_or_outer_layer() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & set(FORBIDDEN))
        for path in (ROOT / "bot").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_card_content_is_platform_neutral() -> None:
    for path in (ROOT / "cards").glob("*.py"):
        if path.name in PLATFORM_RENDERERS:
            continue
        assert not imported_modules(path) & set(FORBIDDEN), path.name


def test_botbuilder_stays_inside_the_teams_adapter() -> None:
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in (".venv", "tests", "benchmarks") or \
                relative.parts[:2] == ("adapters", "teams"):
            continue
        assert "botbuilder" not in imported_modules(path), str(relative)


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import aiohttp.web\nfrom tinydb import TinyDB\nfrom . import x\n")
    assert imported_modules(sample) == {"aiohttp", "tinydb"}
