"""Classes of issue 15's sixteenth round: a word masked with asterisks read as vulgar in any
language. Every phrase here is written for the test; none is from a labeled set."""

from __future__ import annotations

from tests.moderation.posts import labels, rules


def test_a_masked_word_is_vulgar_in_a_language_no_list_holds() -> None:
    assert "vulgarity" in rules("Schei*wetter heute, und der Müll wieder nicht abgeholt")
    assert "vulgarity" in rules("Dit is echt k*tweer, weer geen bus naar het station")
    assert "vulgarity" in rules("Bãi rác 3 ngày không ai dọn, đ*t thật sự")


def test_asterisks_that_mask_no_word() -> None:
    assert "vulgarity" not in rules("Free parking* on weekends (*except holidays)")
    assert "vulgarity" not in rules("The pad is 3*4 metres, see the plan")
    assert "vulgarity" not in rules("**Update** the pool reopens Monday")


def test_a_masked_word_quoted_to_report_it() -> None:
    assert "vulgarity" not in labels('Someone wrote "k*tweer" on the bench by the library, '
                                     'can it be cleaned?')


def test_a_masked_slur_is_harassment_not_vulgarity() -> None:
    assert labels("Every year the p*kis light up the whole street like a war zone") == {
        "harassment"}
