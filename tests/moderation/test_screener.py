"""The screener: thresholds, categories switched on or off, automatic removal, banned
authors, City accounts, and sound evidence on any input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.moderation import CATEGORIES, ModerationSettings, Screener
from tests.moderation.posts import post


def test_a_clean_post_is_kept_with_no_findings() -> None:
    verdict = Screener(ModerationSettings()).screen(post("Thanks for the early notice!"))
    assert verdict.action == "keep" and verdict.labels == () and not verdict.auto_remove


def test_labels_are_sorted_and_each_finding_explains_itself() -> None:
    verdict = Screener(ModerationSettings()).screen(
        post("shut the f up Brenda you b1tch, nobody asked")
    )
    assert verdict.labels == ("harassment", "vulgarity")
    assert verdict.action == "remove"
    for finding in verdict.findings:
        assert finding.evidence and finding.explanation and "\n" not in finding.explanation


def test_a_category_switched_off_is_not_screened() -> None:
    settings_ = ModerationSettings(enabled=tuple(c for c in CATEGORIES if c != "vulgarity"))
    verdict = Screener(settings_).screen(post("this is bullsh!t"))
    assert verdict.action == "keep"


def test_a_threshold_above_a_findings_confidence_drops_it() -> None:
    text = "More on this at someblog.net/towers"  # a bare outside link: low confidence
    assert "commercial" in Screener(ModerationSettings()).screen(post(text)).labels
    strict = ModerationSettings(thresholds={"commercial": 0.7})
    assert Screener(strict).screen(post(text)).action == "keep"


def test_auto_remove_is_set_only_for_the_citys_chosen_categories() -> None:
    chosen = ModerationSettings(auto_remove=("vulgarity",))
    assert Screener(chosen).screen(post("FUCK YEAH CANADA DAY")).auto_remove
    assert not Screener(chosen).screen(post("Selling a snowblower, $450 OBO")).auto_remove


@pytest.mark.parametrize(("policy", "auto"), [("flag", False), ("remove", True)])
def test_posts_by_banned_authors_are_flagged_as_such(policy: str, auto: bool) -> None:
    screener = Screener(ModerationSettings(banned_author=policy))  # type: ignore[arg-type]
    verdict = screener.screen(post("Thanks for the update"), author_banned=True)
    assert verdict.banned_author and verdict.action == "remove" and verdict.auto_remove is auto
    assert verdict.labels == ()


def test_city_accounts_may_post_city_contacts_and_repeat_notices() -> None:
    screener = Screener(ModerationSettings())
    notice = "Questions? Call 905-555-0190 or visit ourpartner.com/bins"
    first = screener.screen(post(notice, author="fb:city", city=True))
    second = screener.screen(post(notice, author="fb:city", city=True))
    assert first.action == second.action == "keep"


def test_settings_reject_unknown_categories_and_fields() -> None:
    with pytest.raises(ValidationError):
        ModerationSettings.model_validate({"enabled": ["spam"]})
    with pytest.raises(ValidationError):
        ModerationSettings.model_validate({"thresholds": {"vulgarity": 1.5}})
    with pytest.raises(ValidationError):
        ModerationSettings.model_validate({"colour": "blue"})
    assert ModerationSettings.model_validate({}).threshold("harassment") == 0.5


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_screens_and_every_span_is_a_slice_of_it(text: str) -> None:
    verdict = Screener(ModerationSettings()).screen(post(text))
    assert verdict.action in ("remove", "keep")
    for finding in verdict.findings:
        assert 0.0 <= finding.confidence <= 1.0
        for span in finding.evidence:
            assert text[span.start : span.end] == span.text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["fuck", "shit", "bitch", "asshole"]), st.data())
def test_masking_any_inner_letter_still_reads_as_vulgar(word: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(min_value=1, max_value=len(word) - 2))
    mask = data.draw(st.sampled_from("*#@$!%"))
    masked = word[:position] + mask + word[position + 1 :]
    verdict = Screener(ModerationSettings()).screen(post(f"this is {masked} honestly"))
    assert "vulgarity" in verdict.labels, masked


def test_screening_never_goes_online(monkeypatch: pytest.MonkeyPatch) -> None:
    """The public-suffix list comes from tldextract's bundled snapshot, never the internet."""
    import socket

    from bot.moderation import contacts

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("screening tried to open a network connection")

    contacts._suffixes.cache_clear()
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    verdict = Screener(ModerationSettings()).screen(
        post("Replica watches ⌚ free shipping! www.primewatchreplica-ca.store")
    )
    assert "commercial" in verdict.labels
