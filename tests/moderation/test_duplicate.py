"""Duplicates: same author, same or nearly the same text, within the window; the first copy
is kept and named."""

from __future__ import annotations

from datetime import timedelta

from bot.moderation import InMemoryPostHistory, ModerationSettings, Screener
from bot.moderation.history import PostRecord
from bot.moderation.rules.duplicate import fingerprint, similarity
from tests.moderation.posts import START, post


def test_later_copies_name_the_first_which_is_kept() -> None:
    screener = Screener(ModerationSettings())
    text = "I turned $500 into $12,400 in 3 weeks with the best crypto mentor in Canada"
    first = screener.screen(post(text, author="fb:spam", post_id="a1", folder="green_bin"))
    second = screener.screen(post(text + " ☝️", author="fb:spam", post_id="a2",
                                  folder="canada_day"))
    third = screener.screen(post("I turned $500 into $12,400 in three weeks with the best "
                                 "crypto mentor in Canada!!", author="fb:spam", post_id="a3"))
    assert "duplicate" not in first.labels and first.duplicate_of is None
    assert second.duplicate_of == "a1" and "duplicate" in second.labels
    assert third.duplicate_of == "a1"


def test_scope_decides_whether_other_boards_count() -> None:
    text = "Where will all these kids go to school? No plan mentions a new school."
    for scope, expected in (("board", None), ("platform", "b1")):
        screener = Screener(ModerationSettings.model_validate({"duplicate_scope": scope}))
        screener.screen(post(text, author="fb:s", post_id="b1", folder="green_bin"))
        verdict = screener.screen(post(text, author="fb:s", post_id="b2", folder="pool"))
        assert verdict.duplicate_of == expected, scope


def test_another_authors_identical_words_are_not_a_duplicate() -> None:
    screener = Screener(ModerationSettings())
    screener.screen(post("Bring back weekly garbage pickup!", author="fb:1"))
    verdict = screener.screen(post("Bring back weekly garbage pickup!", author="fb:2"))
    assert "duplicate" not in verdict.labels


def test_a_follow_up_with_new_content_is_not_a_duplicate() -> None:
    screener = Screener(ModerationSettings())
    screener.screen(post("How do I get a replacement lid for a cracked green bin?", author="w:b"))
    verdict = screener.screen(post("Update: called and got a new lid in 5 days. Thanks!",
                                   author="w:b"))
    assert "duplicate" not in verdict.labels


def test_copies_outside_the_window_are_not_duplicates() -> None:
    screener = Screener(ModerationSettings(duplicate_window_days=7))
    screener.screen(post("Vote NO on the towers.", author="yt:v", minutes=0))
    late = screener.screen(post("Vote NO on the towers.", author="yt:v", minutes=8 * 24 * 60))
    soon = screener.screen(post("Vote NO on the towers!", author="yt:v", minutes=9 * 24 * 60))
    assert "duplicate" not in late.labels
    assert soon.duplicate_of == late.post_id


def test_the_same_post_screened_twice_is_not_its_own_duplicate() -> None:
    screener = Screener(ModerationSettings())
    again = post("Audio cuts out around 2:14:00", author="yt:a", post_id="same")
    screener.screen(again)
    assert "duplicate" not in screener.screen(again).labels


def test_similarity_ignores_case_punctuation_and_stretched_letters() -> None:
    a = fingerprint("Beautiful! Proud to live here ❤️")
    assert similarity(a, fingerprint("BEAUTIFUL!!! Proud to live here ❤️")) == 1.0
    assert similarity(fingerprint("bump"), fingerprint("BUMP")) == 1.0
    assert similarity(a, fingerprint("When will the southbound lane reopen?")) < 0.3


def test_the_memory_is_bounded_by_the_window_and_per_author() -> None:
    history = InMemoryPostHistory(timedelta(days=1), per_author=3)
    for minute in range(10):
        history.remember(PostRecord(f"p{minute}", "fb:x", "b", "f",
                                    START + timedelta(hours=minute * 6), "text"))
    kept = history.recent_by_author("fb:x", START)
    assert len(kept) <= 3
    assert all(r.created_at >= START + timedelta(hours=54 - 24) for r in kept)


def test_the_same_request_reworded_in_the_same_folder_is_a_duplicate() -> None:
    screener = Screener(ModerationSettings())
    first = ("Please put an accessible swing in the new Rosebank playground, the closest one is "
             "at Kinsmen.")
    screener.screen(post(first, author="w:swing", post_id="r1", folder="pool"))
    again = screener.screen(post("Rosebank playground needs an accessible swing! Kinsmen is too "
                                 "far.", author="w:swing", folder="pool"))
    assert again.duplicate_of == "r1"
    # A short follow-up in the thread shares too few words to be the same message.
    follow_up = screener.screen(post("Thanks, the accessible swing is in!", author="w:swing",
                                     folder="pool"))
    assert "duplicate" not in follow_up.labels
