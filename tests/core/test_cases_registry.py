"""Every case type the bot keeps has its id prefix in the registry, so a button or a stored
notice naming one of its cases says what it is."""

from __future__ import annotations

from pathlib import Path

from bot.cases_registry import CASE_PREFIXES, case_type_of
from bot.config import AppConfig
from socialbot.bootstrap import build
from tests.support import FixedClock


def test_every_registered_case_type_has_a_prefix(tmp_path: Path, sample_config: AppConfig,
                                                 clock: FixedClock) -> None:
    bot = build(sample_config, tmp_path, channel_names=("slack", "teams"), clock=clock)
    try:
        registered = set(bot.services.engine.types)
    finally:
        bot.store.close()
    assert registered - set(CASE_PREFIXES.values()) == set()


def test_case_ids_name_their_type() -> None:
    assert case_type_of("V-12") == "review"
    assert case_type_of("AC-3") == "account"
    assert case_type_of("V-") is None and case_type_of("X-1") is None
