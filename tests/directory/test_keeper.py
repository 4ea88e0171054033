"""The keeper on its own: a difference made before the directory changed is not applied over
the change; app.yaml stays the directory until a source runs; gone people come back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.config import load_config
from bot.directory_sync import DirectoryKeeper, DirectoryProblem
from socialbot.bootstrap import Runtime, build
from tests.support import SAMPLE_CONFIG


@pytest.fixture
def bot(tmp_path: Path) -> Iterator[Runtime]:
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"] = {"path": str(tmp_path / "bot.json")}
    (tmp_path / "app.yaml").write_text(yaml.safe_dump(raw))
    config, base_dir = load_config(tmp_path / "app.yaml")
    runtime = build(config, base_dir, fsync=False)
    yield runtime
    runtime.close()


def rows(bot: Runtime, **titles: str) -> list[dict[str, object]]:
    return [{**p.model_dump(), "title": titles.get(p.id, p.title)}
            for p in bot.config.directory.people]


def keeper_of(bot: Runtime) -> DirectoryKeeper:
    keeper = bot.services.directory_keeper
    assert keeper is not None
    return keeper


def test_app_yaml_is_the_directory_until_a_source_runs(bot: Runtime) -> None:
    keeper = keeper_of(bot)
    assert [p.id for p in bot.directory] == [p.id for p in bot.config.directory.people]
    assert keeper.repository.stored_people() == {}
    same = keeper.difference(rows(bot), columns=("id", "title"), source="csv")
    assert same.empty and keeper.apply(same) == []


def test_a_stale_difference_is_not_applied_over_a_newer_change(bot: Runtime) -> None:
    keeper = keeper_of(bot)
    stale = keeper.difference(rows(bot, adoe="Lifeguard"), columns=("id", "title"),
                              source="entra")
    keeper.apply(keeper.difference(rows(bot, jpatel="Curator"), columns=("id", "title"),
                                   source="csv"))
    with pytest.raises(DirectoryProblem, match="changed while this difference"):
        keeper.apply(stale)
    assert bot.directory.person("adoe").title == "Recreation Programmer"
    assert bot.directory.person("jpatel").title == "Curator"


def test_a_gone_person_listed_again_is_back(bot: Runtime) -> None:
    keeper = keeper_of(bot)
    listed = [r for r in rows(bot) if r["id"] != "tlee"]
    keeper.apply(keeper.difference(listed, columns=("id",), source="csv"))
    assert "tlee" in bot.directory.gone and "tlee" in bot.directory
    again = keeper.difference(rows(bot), columns=("id",), source="csv")
    assert [p.id for p in again.returned] == ["tlee"] and not again.gone
    keeper.apply(again)
    assert "tlee" not in bot.directory.gone
    assert [e.change for e in keeper.history("tlee")] == ["gone", "changed"]
