"""Dependencies point inward: the core and the card content never touch a platform SDK."""

from __future__ import annotations

import ast
import subprocess
import sys
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


PROJECT_PACKAGES = ("bot", "adapters", "cards", "storage", "socialbot")


def test_adapters_never_import_the_composition_root() -> None:
    """Adapters get the services they use from `socialbot.bootstrap`; they never reach back."""
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "adapters").rglob("*.py")
                 if "socialbot" in imported_modules(path)]
    assert offenders == []


def module_imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules `path` imports, by dotted name: `from a import b` names a.b when
    that is a module (as import-linter counts it), else a."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & modules
            found |= submodules or {node.module}
            if len(submodules) < len(node.names):
                found.add(node.module)
    return found & modules


def project_graph(root: Path) -> dict[str, set[str]]:
    modules: dict[str, Path] = {}
    for package in PROJECT_PACKAGES:
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return {name: module_imports(path, set(modules)) - {name}
            for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle among the modules, as a path that returns to its start; [] if none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return []

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return []


def test_no_import_cycle_between_the_projects_modules() -> None:
    assert find_cycle(project_graph(ROOT)) == []


def test_the_cycle_check_finds_a_cycle(tmp_path: Path) -> None:
    (tmp_path / "adapters").mkdir()
    (tmp_path / "adapters" / "a.py").write_text("from adapters.b import thing\n")
    (tmp_path / "adapters" / "b.py").write_text("import adapters.a\n")
    for package in PROJECT_PACKAGES[:1] + PROJECT_PACKAGES[2:]:
        (tmp_path / package).mkdir()
    assert find_cycle(project_graph(tmp_path)) == ["adapters.a", "adapters.b", "adapters.a"]


def test_the_check_itself_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import aiohttp.web\nfrom tinydb import TinyDB\nfrom . import x\n")
    assert imported_modules(sample) == {"aiohttp", "tinydb"}


IMPORT_EACH_FIRST = """
import importlib, sys
failures = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m.split(".")[0] in {PACKAGES}]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as problem:
        failures.append(f"{name}: {type(problem).__name__}: {problem}")
print("\\n".join(failures))
"""


def test_every_module_of_the_composition_root_imports_first() -> None:
    """A cycle hidden behind a run-time import shows only when one module is imported before
    the other (`socialbot.directory_cli` before `socialbot.cli` once failed): import each
    module first, in a process holding no project module."""
    names = sorted(name for name in project_graph(ROOT) if name.startswith("socialbot.")
                   and name != "socialbot.__main__")
    script = IMPORT_EACH_FIRST.replace("{PACKAGES}", repr(set(PROJECT_PACKAGES)))
    run = subprocess.run([sys.executable, "-c", script, *names], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, check=True)
    assert len(names) > 10
    assert run.stdout.strip() == ""
